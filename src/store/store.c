/*
 * store.c - the SQLite workspace: open and migrate (WORKSPACE SCHEMA in
 * man/cityidx.1), create it whole or not at all (init), and read
 * snapshots.  Every statement is prepared; every return code is checked
 * and turned into a cidx_err at this boundary (store/db.c).  The
 * framework is kept by nodes.c, the years and a year's data are read by
 * year.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/schema.h"
#include "store/store.h"

static int
user_version(struct cidx_store *st, int *out, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, "PRAGMA user_version", err)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = cidx_db_err(st, err, "read schema version");
		sqlite3_finalize(s);
		return ret;
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return 0;
}

static int
check_version(struct cidx_store *st, int v, struct cidx_err *err)
{
	if (v < 0)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': unknown "
		    "schema version %d", st->path, v);
	if (v > CIDX_SCHEMA_VERSION)
		return cidx_err_set(err, CIDX_EDB,
		    "workspace '%s': schema version %d is newer than this "
		    "cityidx reads (%d)", st->path, v, CIDX_SCHEMA_VERSION);
	return 0;
}

static int
fk_check(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "PRAGMA foreign_key_check",
	    err)) < 0)
		return ret;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': table '%s' "
		    "refers to a row of '%s' that does not exist", st->path,
		    sqlite3_column_text(s, 0), sqlite3_column_text(s, 2));
	else if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "check references");
	sqlite3_finalize(s);
	return ret;
}

/*
 * All steps from the workspace's version to this one, in one transaction:
 * a migration lands whole or not at all.  The version is read again once
 * the write lock is held, as another process may have migrated meanwhile.
 * Foreign keys are off while tables are rebuilt (dropping a table would
 * otherwise delete the rows that refer to it).
 */
static int
migrate(struct cidx_store *st, struct cidx_err *err)
{
	char pragma[64];
	int v, ret, from;

	if ((ret = user_version(st, &v, err)) < 0 ||
	    (ret = check_version(st, v, err)) < 0)
		return ret;
	if (v == CIDX_SCHEMA_VERSION)
		return 0;
	if ((ret = cidx_db_exec(st, "PRAGMA foreign_keys = OFF", err)) < 0 ||
	    (ret = cidx_db_write_begin(st, err)) < 0)
		return ret;
	if ((ret = user_version(st, &v, err)) < 0 ||
	    (ret = check_version(st, v, err)) < 0)
		goto fail;
	from = v;
	for (; v < CIDX_SCHEMA_VERSION; v++)
		if ((ret = cidx_schema_step(st, v, err)) < 0)
			goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
	    CIDX_SCHEMA_VERSION);
	if ((ret = cidx_db_exec(st, pragma, err)) < 0 ||
	    (ret = fk_check(st, err)) < 0 ||
	    (ret = cidx_db_commit(st, err)) < 0)
		goto fail;
	/*
	 * The tables of version 1 are gone but their pages stay in the file
	 * (3 M values: 200 MB, of which 60 MB are used now): give them back
	 * once.  Only space is at stake, so a VACUUM that fails (no room for
	 * its copy) leaves a correct workspace and is not an error.
	 */
	if (from == 1)
		cidx_db_exec(st, "VACUUM", NULL);
	return cidx_db_exec(st, "PRAGMA foreign_keys = ON", err);
fail:
	cidx_db_rollback(st);
	cidx_db_exec(st, "PRAGMA foreign_keys = ON", NULL);
	return ret;
}

/* Opens the file `path`, named `name` in messages (init builds a new
 * workspace under a temporary name). */
static int
open_as(struct cidx_store **out, const char *path, const char *name,
    int create, struct cidx_err *err)
{
	struct cidx_store *st;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE, ret, v;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (!create)
			return cidx_err_set(err, CIDX_ENOWORKSPACE,
			    "no workspace at '%s'", name);
		flags |= SQLITE_OPEN_CREATE;
	} else if (S_ISDIR(sb.st_mode)) {
		return cidx_err_set(err, CIDX_EINVAL, "workspace '%s' is a "
		    "directory", name);
	}
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(name);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		ret = cidx_db_err(st, err, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, CIDX_BUSY_MS);
	if ((ret = cidx_db_exec(st, "PRAGMA foreign_keys = ON", err)) < 0)
		goto fail;
	if ((ret = user_version(st, &v, err)) < 0) {
		cidx_err_set(err, CIDX_EDB, "'%s' is not a cityidx workspace "
		    "(not an SQLite database)", name);
		goto fail;
	}
	if (v == 0 && !create) {
		ret = cidx_err_set(err, CIDX_ENOWORKSPACE, "'%s' is not a "
		    "cityidx workspace", name);
		goto fail;
	}
	if (v == 0) {
		/* never add our tables to somebody else's database */
		sqlite3_stmt *q;
		int other;

		if ((ret = cidx_db_prepare(st, &q, "SELECT count(*) FROM "
		    "sqlite_schema", err)) < 0)
			goto fail;
		other = sqlite3_step(q) == SQLITE_ROW &&
		    sqlite3_column_int(q, 0) > 0;
		sqlite3_finalize(q);
		if (other) {
			ret = cidx_err_set(err, CIDX_EDB, "'%s' is an SQLite "
			    "database that is not a cityidx workspace; "
			    "choose another path", name);
			goto fail;
		}
	}
	/* reads go through a memory map: a year's matrix is a few MB */
	if ((ret = cidx_db_exec(st, "PRAGMA cache_size = -16384", err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA temp_store = MEMORY", err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA mmap_size = 1073741824",
	    err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA journal_mode = WAL", err)) < 0 ||
	    (ret = migrate(st, err)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	cidx_store_close(st);
	return ret;
}

int
cidx_store_open(struct cidx_store **out, const char *path, int create,
    struct cidx_err *err)
{
	return open_as(out, path, path, create, err);
}

void
cidx_store_close(struct cidx_store *st)
{
	if (st == NULL)
		return;
	if (st->snapshot)
		cidx_store_snapshot_end(st);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *
cidx_store_path(const struct cidx_store *st)
{
	return st->path;
}

int
cidx_store_snapshot(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if (st->snapshot)
		return 0;
	if ((ret = cidx_db_exec(st, "BEGIN DEFERRED", err)) < 0)
		return ret;
	/* a deferred transaction starts reading at its first read: read now,
	 * so the snapshot is the state at this call */
	if ((ret = cidx_db_prepare(st, &s, "SELECT count(*) FROM "
	    "sqlite_schema", err)) < 0)
		goto fail;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = cidx_db_err(st, err, "begin reading");
		sqlite3_finalize(s);
		goto fail;
	}
	sqlite3_finalize(s);
	st->snapshot = 1;
	return 0;
fail:
	cidx_db_rollback(st);
	return ret;
}

void
cidx_store_snapshot_end(struct cidx_store *st)
{
	if (st == NULL || !st->snapshot)
		return;
	/* a read transaction: nothing to commit, nothing that can fail */
	cidx_db_rollback(st);
	st->snapshot = 0;
}

/* removes a database file and the files SQLite keeps beside it */
static void
remove_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char buf[4096];

	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", path, suffix[i]);
		unlink(buf);
	}
}

int
cidx_store_init(const char *path, const struct cidx_framework *fw,
    const char *source, int *created, struct cidx_err *err)
{
	struct cidx_store *st = NULL;
	struct stat sb;
	char *tmp;
	int ret, fd;

	*created = 0;
	if (stat(path, &sb) == 0 || errno != ENOENT) {
		/* an existing workspace: one transaction, nothing to undo */
		if ((ret = cidx_store_open(&st, path, 1, err)) == 0)
			ret = cidx_store_set_framework(st, fw, source, err);
		cidx_store_close(st);
		return ret;
	}
	tmp = xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.init-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		ret = cidx_err_set(err, CIDX_EIO, "cannot create '%s': %s",
		    path, strerror(errno));
		free(tmp);
		return ret;
	}
	close(fd);
	if ((ret = open_as(&st, tmp, path, 1, err)) < 0 ||
	    (ret = cidx_store_set_framework(st, fw, source, err)) < 0)
		goto fail;
	/* closing checkpoints the log into the file and removes it: a log
	 * left behind means the file is not complete */
	if (sqlite3_close(st->db) != SQLITE_OK) {
		ret = cidx_db_err(st, err, "close");
		goto fail;
	}
	st->db = NULL;
	{
		char wal[4096];

		snprintf(wal, sizeof(wal), "%s-wal", tmp);
		if (access(wal, F_OK) == 0) {
			ret = cidx_err_set(err, CIDX_EIO, "cannot write '%s' "
			    "(is the disk full?)", path);
			goto fail;
		}
	}
	if (link(tmp, path) != 0) {
		ret = cidx_err_set(err, CIDX_EIO, "cannot create '%s': %s",
		    path, errno == EEXIST ? "another process created it "
		    "meanwhile" : strerror(errno));
		goto fail;
	}
	unlink(tmp);
	cidx_store_close(st);
	free(tmp);
	*created = 1;
	return 0;
fail:
	cidx_store_close(st);
	remove_db(tmp);
	free(tmp);
	return ret;
}
