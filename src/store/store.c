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
	 * The tables of version 1, or `cells` of versions 2 to 5, are gone
	 * but their pages stay in the file (3 M values: 200 MB, of which 60
	 * MB are used now): give them back once.  Only space is at stake, so
	 * a VACUUM that fails (no room for its copy) leaves a correct
	 * workspace and is not an error.
	 */
	if (from >= 1)
		cidx_db_exec(st, "VACUUM", NULL);
	return cidx_db_exec(st, "PRAGMA foreign_keys = ON", err);
fail:
	cidx_db_rollback(st);
	cidx_db_exec(st, "PRAGMA foreign_keys = ON", NULL);
	return ret;
}

/* The error numbers that say a file cannot be written because of its
 * permissions or its file system, not because something is wrong. */
static int
is_ro_errno(int e)
{
	return e == EACCES || e == EROFS || e == EPERM;
}

/*
 * Whether this process can write the workspace `path`, which exists: the
 * file itself, PATH-wal and PATH-shm when they exist (another program
 * may have made them read-only, and SQLite then fails every write), and
 * the directory, where SQLite makes them.  0, or the reason in why[]
 * and 1.
 */
static int
read_only(const char *path, char *why, size_t n)
{
	static const char *const side[] = { "-wal", "-shm" };
	const char *slash = strrchr(path, '/');
	char *dir;
	int e;

	if (access(path, W_OK) != 0 && is_ro_errno(errno)) {
		snprintf(why, n, "%s", strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < 2; i++) {
		char *f = cidx_xmalloc(strlen(path) + 8);

		sprintf(f, "%s%s", path, side[i]);
		e = access(f, W_OK) != 0 && is_ro_errno(errno) ? errno : 0;
		if (e)
			snprintf(why, n, "its file '%s': %s", f, strerror(e));
		free(f);
		if (e)
			return 1;
	}
	if (slash == NULL)
		dir = cidx_xstrdup(".");
	else if (slash == path)
		dir = cidx_xstrdup("/");
	else
		dir = cidx_xstrndup(path, (size_t)(slash - path));
	e = access(dir, W_OK) != 0 && is_ro_errno(errno) ? errno : 0;
	if (e)
		snprintf(why, n, "its directory '%s': %s", dir, strerror(e));
	free(dir);
	return e != 0;
}

/* "file:PATH?QUERY" with the characters a URI gives a meaning escaped */
static char *
file_uri(const char *path, const char *query)
{
	struct sbuf b = SBUF_INIT;

	/* an absolute path after an empty authority ("file:///x"), so that
	 * "//x" is not read as a host */
	cidx_sbuf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (const char *p = path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			cidx_sbuf_addf(&b, "%%%02X", (unsigned)(unsigned char)*p);
		else
			cidx_sbuf_addc(&b, *p);
	cidx_sbuf_adds(&b, query);
	return cidx_sbuf_detach(&b);
}

/*
 * Opens a workspace this process cannot write (cityidx(1), WORKSPACE
 * SCHEMA), creating no file beside it: SQLite's own read-only open would
 * create PATH-wal and PATH-shm, or fail where it cannot, and a PATH-shm
 * left without write permission breaks the next writer.  When PATH-shm
 * exists, a process may have the workspace open: read through it, with
 * SQLite's locks.  Otherwise no process has it open, and it is read as
 * immutable: its file is the whole workspace, unless a log holds commits
 * not yet copied into it (a writer was killed), which only a writable
 * open can apply.
 */
static int
open_ro(struct cidx_store *st, const char *path, struct cidx_err *err)
{
	char *side = cidx_xmalloc(strlen(path) + 8), *uri = NULL;
	const char *query = "?immutable=1";
	struct stat sb;
	int ret = 0;

	sprintf(side, "%s-shm", path);
	if (stat(side, &sb) == 0) {
		query = "?mode=ro";
	} else {
		sprintf(side, "%s-wal", path);
		if (stat(side, &sb) == 0 && sb.st_size > 0) {
			ret = cidx_err_set(err, CIDX_EIO, "workspace '%s' is "
			    "read-only (%s) and its log '%s' holds changes not "
			    "yet written into it: open it once where it can be "
			    "written", st->path, st->ro_why, side);
			goto out;
		}
	}
	uri = file_uri(path, query);
	if (sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
		ret = cidx_db_err(st, err, "open");
out:
	free(side);
	free(uri);
	return ret;
}

/* Refuses our tables in somebody else's database (user_version 0 but
 * tables there). */
static int
check_empty(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *q;
	int ret, other;

	if ((ret = cidx_db_prepare(st, &q, "SELECT count(*) FROM "
	    "sqlite_schema", err)) < 0)
		return ret;
	other = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0;
	sqlite3_finalize(q);
	if (other)
		return cidx_err_set(err, CIDX_EDB, "'%s' is an SQLite database "
		    "that is not a cityidx workspace; choose another path",
		    st->path);
	return 0;
}

/* The settings of every connection, the checks of its version, and the
 * migration to this one. */
static int
setup(struct cidx_store *st, int create, struct cidx_err *err)
{
	int ret, v;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, CIDX_BUSY_MS);
	if ((ret = cidx_db_exec(st, "PRAGMA foreign_keys = ON", err)) < 0)
		return ret;
	if ((ret = user_version(st, &v, err)) < 0) {
		if ((sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_NOTADB)
			ret = cidx_err_set(err, CIDX_EDB, "'%s' is not a "
			    "cityidx workspace (not an SQLite database)",
			    st->path);
		return ret;
	}
	if (v == 0 && !create)
		return cidx_err_set(err, CIDX_ENOWORKSPACE, "'%s' is not a "
		    "cityidx workspace", st->path);
	if (v == 0 && (ret = check_empty(st, err)) < 0)
		return ret;
	if (st->readonly && v != CIDX_SCHEMA_VERSION &&
	    (ret = check_version(st, v, err)) == 0)
		return cidx_err_set(err, CIDX_EIO, "workspace '%s' is read-only "
		    "(%s) and has schema version %d: it is upgraded to version "
		    "%d when opened where it can be written", st->path,
		    st->ro_why, v, CIDX_SCHEMA_VERSION);
	if (ret < 0)
		return ret;
	/* reads go through a memory map: a year's matrix is a few MB */
	if ((ret = cidx_db_exec(st, CIDX_CACHE_PRAGMA, err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA temp_store = MEMORY", err)) < 0 ||
	    (ret = cidx_db_exec(st, CIDX_MMAP_PRAGMA, err)) < 0)
		return ret;
	if (st->readonly)
		return 0;
	if ((ret = cidx_db_exec(st, "PRAGMA journal_mode = WAL", err)) < 0)
		return ret;
	return migrate(st, err);
}

/*
 * Once per process, before SQLite starts: no memory statistics, which
 * cityidx never reads and which take a global mutex on every allocation
 * (an import allocates millions of times: issue 17).  Later calls are
 * refused by SQLite (SQLITE_MISUSE), and that is all they are.
 */
static void
sqlite_setup(void)
{
	static int done;

	if (!done)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = 1;
}

int
cidx_store_open(struct cidx_store **out, const char *path, unsigned flags,
    struct cidx_err *err)
{
	struct cidx_store *st;
	struct stat sb;
	/* no mutexes: a workspace's connection is used by one thread */
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, ret = 0;
	int create = (flags & CIDX_STORE_CREATE) != 0;
	char why[sizeof(st->ro_why)];

	*out = NULL;
	sqlite_setup();
	if (stat(path, &sb) != 0) {
		if (!create)
			return cidx_err_set(err, CIDX_ENOWORKSPACE,
			    "no workspace at '%s'", path);
		oflags |= SQLITE_OPEN_CREATE;
	} else if (S_ISDIR(sb.st_mode)) {
		return cidx_err_set(err, CIDX_EINVAL, "workspace '%s' is a "
		    "directory", path);
	} else if (read_only(path, why, sizeof(why))) {
		/* a command that writes says so before it does anything */
		if (flags & (CIDX_STORE_CREATE | CIDX_STORE_WRITE))
			return cidx_err_set(err, CIDX_EIO, "workspace '%s' is "
			    "read-only (%s)", path, why);
		oflags = 0;
	}
	st = cidx_xcalloc(1, sizeof(*st));
	st->path = cidx_xstrdup(path);
	if (oflags == 0) {
		st->readonly = 1;
		snprintf(st->ro_why, sizeof(st->ro_why), "%s", why);
		ret = open_ro(st, path, err);
	} else if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
		ret = cidx_db_err(st, err, "open");
	}
	if (ret < 0 || (ret = setup(st, create, err)) < 0) {
		cidx_store_close(st);
		return ret;
	}
	*out = st;
	return 0;
}

/*
 * The page size of a new workspace (issue 17): an import writes every
 * page twice, to the WAL and then into the file, one system call per
 * page; at 64 KiB instead of SQLite's 4 KiB that costs half the system
 * time (30,000 x 400: 1.05 s -> 0.5 s, the user time a little less too),
 * for a file at most a few hundred KiB larger.  A workspace keeps the page
 * size it was made with.
 */
#define PAGE_SIZE "65536"

int
cidx_store_open_memory(struct cidx_store **out, const char *name,
    struct cidx_err *err)
{
	struct cidx_store *st = cidx_xcalloc(1, sizeof(*st));
	int ret;

	*out = NULL;
	sqlite_setup();
	st->path = cidx_xstrdup(name);
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK)
		ret = cidx_db_err(st, err, "open");
	else if ((ret = cidx_db_exec(st, "PRAGMA page_size = " PAGE_SIZE,
	    err)) == 0)
		ret = setup(st, 1, err);
	if (ret < 0) {
		cidx_store_close(st);
		return ret;
	}
	*out = st;
	return 0;
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
