/*
 * storefs: the workspace file and the file system.  A workspace this
 * process cannot write (mode 444, a read-only directory) is read without
 * a file created beside it and refused for writing with what stops it;
 * a new workspace appears whole, in WAL mode, with nothing else made.
 *
 * File modes do not stop root: as root the read-only checks run in a
 * child process that gave up CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.
 */
#define _GNU_SOURCE /* syscall() */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>
#include <sqlite3.h>
#include <sys/syscall.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/model.h"
#include "io/import.h"
#include "store/store.h"
#include "fixture.h"
#include "runner.h"

static const struct fx_node fw_nodes[] = {
	{ "INDEX", NULL, AGG, 0, 1, 1 },
	{ "A", "INDEX", IND, 0, 1, 1 },
	{ "B", "INDEX", IND, 0, 1, 1 },
};

/* the names in `dir`, sorted, joined by spaces */
static void
list_dir(const char *dir, char *buf, size_t n)
{
	struct dirent **e = NULL;
	int k = scandir(dir, &e, NULL, alphasort);

	buf[0] = '\0';
	for (int i = 0; i < k; i++) {
		if (strcmp(e[i]->d_name, ".") != 0 &&
		    strcmp(e[i]->d_name, "..") != 0)
			snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
			    buf[0] ? " " : "", e[i]->d_name);
		free(e[i]);
	}
	free(e);
}

/* A workspace at `p` made by init, with A and B of 2020 for U1, U2. */
static int
make_ws(const char *p, struct cidx_framework **fw)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import_stats ss;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	struct cidx_store *st = NULL;
	char csv[128];
	int ret = -1, created = 0;

	memset(&ss, 0, sizeof(ss));
	o.year = 2020;
	if (fx_framework(fw, fw_nodes, LEN(fw_nodes), &err) == 0 &&
	    cidx_store_init(p, *fw, "fw.csv", &created, &err) == 0 &&
	    cidx_import_read(&imp, put(csv, sizeof(csv), "d.csv",
	    "code,A,B\nU1,1,2\nU2,3,4\n"), *fw, &o, &err) == 0 &&
	    cidx_store_open(&st, p, CIDX_STORE_WRITE, &err) == 0) {
		struct cidx_import *const list[1] = { imp };

		ret = cidx_store_import(st, list, 1, "2024-01-01T00:00:00Z",
		    &ss, &err);
	}
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	unlink(csv);
	cidx_import_stats_release(&ss);
	cidx_import_free(imp);
	cidx_store_close(st);
	return ret;
}

/* Runs fn(arg) where file modes apply: directly, or as root in a child
 * without the capabilities that override them. */
static void
unprivileged(void (*fn)(const char *), const char *arg)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	pid_t pid;
	int status = 0;

	if (geteuid() != 0) {
		fn(arg);
		return;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		runner_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		if (syscall(SYS_capget, &h, d) != 0)
			_exit(2);
		for (size_t i = 0; i < 2; i++) {
			unsigned bit = i ? CAP_DAC_READ_SEARCH : CAP_DAC_OVERRIDE;

			d[bit / 32].effective &= ~(1u << (bit % 32));
			d[bit / 32].permitted &= ~(1u << (bit % 32));
			d[bit / 32].inheritable &= ~(1u << (bit % 32));
		}
		if (syscall(SYS_capset, &h, d) != 0)
			_exit(2);
		fn(arg);
		fflush(NULL);
		_exit(runner_failing() ? 1 : 0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status));
	CHECK_INT(WEXITSTATUS(status), 0);
}

/* the workspace `p`, which this process cannot write: read, refused for
 * writing, and no file made beside it */
static void
read_only_checks(const char *p)
{
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *ds = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	char dir[128], before[512], after[512];
	int *years = NULL, created = -1;
	size_t ny = 0;

	snprintf(dir, sizeof(dir), "%s", p);
	*strrchr(dir, '/') = '\0';
	list_dir(dir, before, sizeof(before));
	CHECK_INT(cidx_store_open(&st, p, 0, &err), 0);
	if (st != NULL) {
		CHECK_INT(cidx_store_snapshot(st, &err), 0);
		CHECK_INT(cidx_store_load_framework(st, &fw, &err), 0);
		CHECK_INT(cidx_store_years(st, &years, &ny, &err), 0);
		CHECK_INT(ny, 1);
		if (fw != NULL) {
			CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err),
			    0);
			if (ds != NULL)
				CHECK_INT(ds->n_units, 2);
		}
		cidx_store_snapshot_end(st);
		/* a write through a reading handle says why it fails */
		if (fw != NULL) {
			CHECK_INT(cidx_store_set_framework(st, fw, "x.csv",
			    &err), CIDX_EIO);
			CHECK_HAS(err.msg, "is read-only (");
		}
	}
	cidx_store_close(st);
	st = NULL;
	/* writers are refused before they open it */
	err.msg[0] = '\0';
	CHECK_INT(cidx_store_open(&st, p, CIDX_STORE_WRITE, &err), CIDX_EIO);
	CHECK(st == NULL);
	CHECK_HAS(err.msg, "is read-only (");
	if (fw != NULL) {
		CHECK_INT(cidx_store_init(p, fw, "fw.csv", &created, &err),
		    CIDX_EIO);
		CHECK_HAS(err.msg, "is read-only (");
		CHECK_INT(created, 0);
	}
	list_dir(dir, after, sizeof(after));
	CHECK_STR(after, before);
	free(years);
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
}

/* a read-only workspace of an older version cannot be migrated; a log
 * with commits that only a writer can apply is not ignored */
static void
read_only_refused(const char *p)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	char wal[160];

	CHECK_INT(cidx_store_open(&st, p, 0, &err), CIDX_EIO);
	CHECK(st == NULL);
	CHECK_HAS(err.msg, "schema version 1");
	snprintf(wal, sizeof(wal), "%s-wal", p);
	put(wal, sizeof(wal), "v1.db-wal", "not empty");
	CHECK_INT(cidx_store_open(&st, p, 0, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "holds changes not yet written into it");
	unlink(wal);
}

void
test_storefs__read_only(void)
{
	struct cidx_framework *fw = NULL;
	char p[128], d[128], q[160];

	if (tmp_begin() < 0)
		return;
	/* the file: mode 444 */
	path_of(p, sizeof(p), "ws.db");
	if (make_ws(p, &fw) < 0)
		goto out;
	CHECK_INT(chmod(p, 0444), 0);
	unprivileged(read_only_checks, p);
	/* the directory: mode 555, the file writable */
	path_of(d, sizeof(d), "ro");
	CHECK_INT(mkdir(d, 0755), 0);
	snprintf(q, sizeof(q), "%s/ws.db", d);
	cidx_framework_free(fw);
	fw = NULL;
	if (make_ws(q, &fw) < 0)
		goto out;
	CHECK_INT(chmod(d, 0555), 0);
	unprivileged(read_only_checks, q);
	CHECK_INT(chmod(d, 0755), 0);
	unlink(q);
	rmdir(d);
	/* version 1, read-only */
	path_of(q, sizeof(q), "v1.db");
	{
		sqlite3 *db = NULL;

		CHECK_INT(sqlite3_open(q, &db), SQLITE_OK);
		CHECK_INT(sqlite3_exec(db, "CREATE TABLE meta(key, value); "
		    "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
	CHECK_INT(chmod(q, 0444), 0);
	unprivileged(read_only_refused, q);
out:
	cidx_framework_free(fw);
	tmp_end();
}

/* A new workspace: the one file, in WAL mode, whole (integrity_check),
 * made only if the name is free */
void
test_storefs__init_whole(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128], names[512], cwd[4096];
	int created = -1;

	if (tmp_begin() < 0)
		return;
	path_of(p, sizeof(p), "ws.db");
	if (fx_framework(&fw, fw_nodes, LEN(fw_nodes), &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	CHECK_INT(cidx_store_init(p, fw, "fw.csv", &created, &err), 0);
	CHECK_INT(created, 1);
	list_dir(tmpdir, names, sizeof(names));
	CHECK_STR(names, "ws.db");
	{
		static const char *const q[] = { "PRAGMA journal_mode",
			"PRAGMA integrity_check", "PRAGMA user_version",
			"SELECT count(*) FROM nodes" };
		static const char *const want[] = { "wal", "ok", NULL, "3" };
		char version[16];

		snprintf(version, sizeof(version), "%d", CIDX_SCHEMA_VERSION);
		sqlite3 *db = NULL;

		unsigned char hdr[100];
		FILE *fp = fopen(p, "rb");

		/* WAL in the header as written, before SQLite opens it */
		CHECK(fp != NULL && fread(hdr, 1, sizeof(hdr), fp) ==
		    sizeof(hdr));
		if (fp != NULL)
			fclose(fp);
		CHECK_INT(hdr[18], 2);
		CHECK_INT(hdr[19], 2);
		CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
		for (size_t i = 0; i < LEN(q); i++) {
			sqlite3_stmt *s = NULL;

			CHECK_INT(sqlite3_prepare_v2(db, q[i], -1, &s, NULL),
			    SQLITE_OK);
			CHECK_INT(sqlite3_step(s), SQLITE_ROW);
			CHECK_STR((const char *)sqlite3_column_text(s, 0),
			    want[i] ? want[i] : version);
			sqlite3_finalize(s);
		}
		sqlite3_close(db);
	}
	/* "-" is a file name, not standard output */
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	CHECK_INT(chdir(tmpdir), 0);
	CHECK_INT(cidx_store_init("-", fw, "fw.csv", &created, &err), 0);
	CHECK_INT(created, 1);
	CHECK_INT(chdir(cwd), 0);
	list_dir(tmpdir, names, sizeof(names));
	CHECK_STR(names, "- ws.db");
out:
	cidx_framework_free(fw);
	tmp_end();
}
