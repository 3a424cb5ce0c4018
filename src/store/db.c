/*
 * db.c - the SQLite helpers of the store: every return code is checked
 * and turned into a cidx_err here.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

/* SQLite's message, and for a failed read or write what the system
 * said (a full disk: "disk I/O error (No space left on device)") */
static void
reason(struct cidx_store *st, const char *msg, char *buf, size_t n)
{
	int rc = sqlite3_extended_errcode(st->db), e;

	e = sqlite3_system_errno(st->db);
	if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL) &&
	    e != 0)
		snprintf(buf, n, "%s (%s)", msg, strerror(e));
	else
		snprintf(buf, n, "%s", msg);
}

int
cidx_db_err(struct cidx_store *st, struct cidx_err *err, const char *what)
{
	char why[256];

	reason(st, sqlite3_errmsg(st->db), why, sizeof(why));
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': %s: %s", st->path,
	    what, why);
}

int
cidx_db_exec(struct cidx_store *st, const char *sql, struct cidx_err *err)
{
	char *msg = NULL, why[256];

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		reason(st, msg ? msg : sqlite3_errmsg(st->db), why, sizeof(why));
		cidx_err_set(err, CIDX_EDB, "workspace '%s': %s", st->path, why);
		sqlite3_free(msg);
		return CIDX_EDB;
	}
	return 0;
}

int
cidx_db_prepare(struct cidx_store *st, sqlite3_stmt **out, const char *sql,
    struct cidx_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return cidx_db_err(st, err, "prepare");
	return 0;
}

int
cidx_db_bind(struct cidx_store *st, sqlite3_stmt *s, struct cidx_err *err,
    const char *types, ...)
{
	va_list ap;
	int rc = SQLITE_OK, i = 1;

	sqlite3_reset(s);
	va_start(ap, types);
	for (const char *t = types; *t && rc == SQLITE_OK; t++, i++) {
		switch (*t) {
		case 't': {
			const char *v = va_arg(ap, const char *);

			rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) :
			    sqlite3_bind_null(s, i);
			break;
		}
		case 'i':
			rc = sqlite3_bind_int(s, i, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(s, i, va_arg(ap, sqlite3_int64));
			break;
		case 'd': {
			double v = va_arg(ap, double);

			rc = isnan(v) ? sqlite3_bind_null(s, i) :
			    sqlite3_bind_double(s, i, v);
			break;
		}
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);

			rc = sqlite3_bind_blob64(s, i, n ? p : "", n,
			    SQLITE_TRANSIENT);
			break;
		}
		case 'B': { /* a blob that outlives the statement's step */
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);

			rc = sqlite3_bind_blob64(s, i, n ? p : "", n,
			    SQLITE_STATIC);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
			break;
		}
	}
	va_end(ap);
	if (rc != SQLITE_OK)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': bind "
		    "parameter %d: %s", st->path, i - 1, sqlite3_errstr(rc));
	return 0;
}

int
cidx_db_done(struct cidx_store *st, sqlite3_stmt *s, const char *what,
    struct cidx_err *err)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		return cidx_db_err(st, err, what);
	return 0;
}

int
cidx_db_read_begin(struct cidx_store *st, int *own, struct cidx_err *err)
{
	int ret;

	*own = 0;
	if (!sqlite3_get_autocommit(st->db))
		return 0;
	if ((ret = cidx_store_snapshot(st, err)) < 0)
		return ret;
	*own = 1;
	return 0;
}

void
cidx_db_read_end(struct cidx_store *st, int own)
{
	if (own)
		cidx_store_snapshot_end(st);
}

int
cidx_db_write_begin(struct cidx_store *st, struct cidx_err *err)
{
	int rc;

	if (st->readonly)
		return cidx_err_set(err, CIDX_EIO, "workspace '%s' is read-only "
		    "(%s)", st->path, st->ro_why);
	if (st->snapshot)
		return cidx_err_set(err, CIDX_ERROR, "workspace '%s': a write "
		    "inside a read snapshot", st->path);
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_BUSY)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s' is busy: "
		    "another command (an import?) has been writing to it for "
		    "%d s", st->path, CIDX_BUSY_MS / 1000);
	if (rc != SQLITE_OK)
		return cidx_db_err(st, err, "begin writing");
	return 0;
}

int
cidx_db_commit(struct cidx_store *st, struct cidx_err *err)
{
	return cidx_db_exec(st, "COMMIT", err);
}

void
cidx_db_rollback(struct cidx_store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		cidx_db_exec(st, "ROLLBACK", NULL);
}

char *
cidx_db_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? cidx_xstrdup((const char *)t) : NULL;
}
