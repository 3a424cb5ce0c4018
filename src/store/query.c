/*
 * query.c - one read-only SQL statement over the workspace, for `cityidx
 * sql` (cityidx(1), COMMANDS, sql): with the store's own connection, so
 * that what plain sqlite3(1) cannot read (the values of schema 6, kept
 * only in the year matrices) is there as the table `observations`.
 *
 * A query is one statement that only reads: an authorizer allows reading
 * tables, calling functions and a few pragmas that only report, and
 * refuses everything else while the statement is prepared (writes, ATTACH,
 * transactions, pragmas that change something); sqlite3_stmt_readonly()
 * checks the result once more.  The rows are read inside one snapshot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

/* what the authorizer refused first, for the message */
struct guard {
	int refused;
	char what[96];
};

/* pragmas that only report, with or without an argument */
static const char *const read_pragmas[] = {
	"application_id", "collation_list", "compile_options",
	"data_version", "database_list", "encoding", "foreign_key_check",
	"foreign_key_list", "freelist_count", "function_list", "index_info",
	"index_list", "index_xinfo", "module_list", "page_count",
	"page_size", "pragma_list", "quick_check", "schema_version",
	"table_info", "table_list", "table_xinfo", "user_version"
};

/* pragmas that change something when given a value ("user_version = 7"):
 * allowed only without one */
static const char *const value_pragmas[] = {
	"application_id", "schema_version", "user_version"
};

static int
in_list(const char *s, const char *const *l, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(s, l[i]) == 0)
			return 1;
	return 0;
}

static int
pragma_ok(const char *name, const char *arg)
{
	if (!in_list(name, read_pragmas, sizeof(read_pragmas) /
	    sizeof(read_pragmas[0])))
		return 0;
	return arg == NULL || !in_list(name, value_pragmas,
	    sizeof(value_pragmas) / sizeof(value_pragmas[0]));
}

/* the words of a refused action: "DELETE from units" */
static void
refused_what(struct guard *g, int action, const char *a, const char *b)
{
	static const struct {
		int action;
		const char *word;
	} words[] = {
		{ SQLITE_INSERT, "INSERT into" }, { SQLITE_UPDATE, "UPDATE of" },
		{ SQLITE_DELETE, "DELETE from" }, { SQLITE_ATTACH, "ATTACH" },
		{ SQLITE_DETACH, "DETACH" }, { SQLITE_SAVEPOINT, "SAVEPOINT" },
		{ SQLITE_PRAGMA, "PRAGMA" }, { SQLITE_ANALYZE, "ANALYZE" },
		{ SQLITE_REINDEX, "REINDEX" }, { SQLITE_ALTER_TABLE,
		"ALTER TABLE" }, { SQLITE_FUNCTION, "the function" },
		{ SQLITE_CREATE_INDEX, "CREATE INDEX" },
		{ SQLITE_CREATE_TABLE, "CREATE TABLE" },
		{ SQLITE_CREATE_TEMP_INDEX, "CREATE INDEX" },
		{ SQLITE_CREATE_TEMP_TABLE, "CREATE TEMP TABLE" },
		{ SQLITE_CREATE_TEMP_TRIGGER, "CREATE TRIGGER" },
		{ SQLITE_CREATE_TEMP_VIEW, "CREATE TEMP VIEW" },
		{ SQLITE_CREATE_TRIGGER, "CREATE TRIGGER" },
		{ SQLITE_CREATE_VIEW, "CREATE VIEW" },
		{ SQLITE_CREATE_VTABLE, "CREATE VIRTUAL TABLE" },
		{ SQLITE_DROP_INDEX, "DROP INDEX" },
		{ SQLITE_DROP_TABLE, "DROP TABLE" },
		{ SQLITE_DROP_TEMP_INDEX, "DROP INDEX" },
		{ SQLITE_DROP_TEMP_TABLE, "DROP TABLE" },
		{ SQLITE_DROP_TEMP_TRIGGER, "DROP TRIGGER" },
		{ SQLITE_DROP_TEMP_VIEW, "DROP VIEW" },
		{ SQLITE_DROP_TRIGGER, "DROP TRIGGER" },
		{ SQLITE_DROP_VIEW, "DROP VIEW" },
		{ SQLITE_DROP_VTABLE, "DROP TABLE" },
	};
	const char *word = "a statement that writes", *obj = a;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].action == action)
			word = words[i].word;
	if (action == SQLITE_ALTER_TABLE || action == SQLITE_FUNCTION)
		obj = b;
	if (action == SQLITE_ATTACH || action == SQLITE_DETACH ||
	    action == SQLITE_SAVEPOINT)
		obj = NULL; /* the file; BEGIN, RELEASE, ROLLBACK */
	if (action == SQLITE_TRANSACTION) { /* BEGIN, COMMIT, ROLLBACK */
		word = a ? a : "BEGIN";
		obj = NULL;
	}
	snprintf(g->what, sizeof(g->what), "%s%s%s", word, obj ? " " : "",
	    obj ? obj : "");
}

/* the tables of the schema, which SQLite updates while it prepares some
 * statements that only read (SELECT * FROM pragma_table_info('units')):
 * the statements that change the schema have their own actions */
static int
schema_table(const char *t)
{
	return t && (strcmp(t, "sqlite_master") == 0 ||
	    strcmp(t, "sqlite_temp_master") == 0);
}

/*
 * The authorizer, called as the statement is prepared: reading, functions
 * (not load_extension) and the reporting pragmas pass.
 */
static int
authorize(void *ctx, int action, const char *a, const char *b,
    const char *db, const char *trigger)
{
	struct guard *g = ctx;
	int ok;

	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		ok = 1;
		break;
	case SQLITE_FUNCTION:
		ok = b == NULL || strcmp(b, "load_extension") != 0;
		break;
	case SQLITE_PRAGMA:
		ok = pragma_ok(a, b);
		break;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		ok = schema_table(a);
		break;
	default:
		ok = 0;
		break;
	}
	if (ok)
		return SQLITE_OK;
	if (!g->refused)
		refused_what(g, action, a, b);
	g->refused = 1;
	return SQLITE_DENY;
}

/*
 * Past blanks, empty statements (';') and comments, as SQLite's tokenizer
 * skips them: what is left starts a statement, or is "".
 */
static const char *
skip_blank(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == ';') {
			p++;
		} else if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");

			p = e ? e + 2 : p + strlen(p);
		} else {
			return p;
		}
	}
}

/* " at column C" of a one-line query, " at line L, column C" otherwise;
 * columns count characters from 1 (cityidx(1), Positions in messages) */
static void
where(const char *sql, size_t off, char *buf, size_t n)
{
	size_t line = 1, col = 1;

	for (size_t i = 0; i < off && sql[i]; i++) {
		if (sql[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)sql[i] & 0xc0) != 0x80) {
			col++;
		}
	}
	if (strchr(sql, '\n') == NULL)
		snprintf(buf, n, " at column %zu", col);
	else
		snprintf(buf, n, " at line %zu, column %zu", line, col);
}

/* SQLite's message about `sql`, with the place it gives, if any */
static int
sql_err(struct cidx_store *st, const char *sql, size_t base,
    struct cidx_err *err)
{
	char at[64] = "";
#if SQLITE_VERSION_NUMBER >= 3038000
	int off = sqlite3_error_offset(st->db);

	if (off >= 0)
		where(sql, base + (size_t)off, at, sizeof(at));
#else
	(void)base;
#endif
	return cidx_err_set(err, CIDX_EINVAL, "sql: %s%s",
	    sqlite3_errmsg(st->db), at);
}

/* The refusals: a second statement, a statement that writes. */
static int
check_stmt(sqlite3_stmt *s, const char *sql, const char *tail,
    struct cidx_err *err)
{
	const char *next = skip_blank(tail);
	char at[64];

	if (*next) {
		size_t len = strcspn(next, "\n;");

		where(sql, (size_t)(next - sql), at, sizeof(at));
		return cidx_err_set(err, CIDX_EINVAL, "sql: a second statement"
		    "%s: '%.*s%s': one statement is run at a time", at,
		    (int)(len > 40 ? 40 : len), next, len > 40 ? "..." : "");
	}
	if (!sqlite3_stmt_readonly(s))
		return cidx_err_set(err, CIDX_EINVAL, "sql: a statement that "
		    "writes is refused: cityidx sql only reads the workspace");
	return 0;
}

/* the column names, to the callback as row 0 */
static int
header(sqlite3_stmt *s, struct cidx_qval *v, int n, cidx_query_row_fn row,
    void *ctx, struct cidx_err *err)
{
	for (int c = 0; c < n; c++) {
		const char *name = sqlite3_column_name(s, c);

		memset(&v[c], 0, sizeof(v[c]));
		v[c].type = CIDX_QTEXT;
		v[c].s = name ? name : "";
		v[c].len = strlen(v[c].s);
	}
	return row(ctx, 0, v, (size_t)n, err);
}

/* column c of the current row, typed */
static void
value(sqlite3_stmt *s, int c, struct cidx_qval *v)
{
	memset(v, 0, sizeof(*v));
	switch (sqlite3_column_type(s, c)) {
	case SQLITE_INTEGER:
		v->type = CIDX_QINT;
		v->i = sqlite3_column_int64(s, c);
		break;
	case SQLITE_FLOAT:
		v->type = CIDX_QREAL;
		v->d = sqlite3_column_double(s, c);
		break;
	case SQLITE_TEXT:
		v->type = CIDX_QTEXT;
		v->s = (const char *)sqlite3_column_text(s, c);
		v->len = (size_t)sqlite3_column_bytes(s, c);
		break;
	case SQLITE_BLOB:
		v->type = CIDX_QBLOB;
		v->s = sqlite3_column_blob(s, c);
		v->len = (size_t)sqlite3_column_bytes(s, c);
		break;
	default:
		v->type = CIDX_QNULL;
		break;
	}
	if ((v->type == CIDX_QTEXT || v->type == CIDX_QBLOB) && v->s == NULL)
		v->s = ""; /* an empty blob; or no memory, which the step says */
}

/* an error of the workspace, not of the query: a damaged or vanished
 * file, a failed read, no memory */
static int
broken(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CANTOPEN:
	case SQLITE_CORRUPT:
	case SQLITE_IOERR:
	case SQLITE_NOMEM:
	case SQLITE_NOTADB:
		return 1;
	default:
		return 0;
	}
}

/* the header, then each row, until the end, an error or the callback
 * stops */
static int
run(struct cidx_store *st, sqlite3_stmt *s, const char *sql, size_t base,
    cidx_query_row_fn row, void *ctx, struct cidx_err *err)
{
	int n = sqlite3_column_count(s), rc, ret;
	struct cidx_qval *v = cidx_xcalloc(n ? (size_t)n : 1, sizeof(*v));
	long long r = 0;

	if ((ret = header(s, v, n, row, ctx, err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int c = 0; c < n; c++)
			value(s, c, &v[c]);
		if ((ret = row(ctx, ++r, v, (size_t)n, err)) < 0)
			goto out;
	}
	if (rc != SQLITE_DONE && broken(rc))
		ret = cidx_db_err(st, err, "read");
	else if (rc != SQLITE_DONE)
		ret = sql_err(st, sql, base, err);
out:
	free(v);
	return ret;
}

int
cidx_store_query(struct cidx_store *st, const char *sql,
    cidx_query_row_fn row, void *ctx, struct cidx_err *err)
{
	struct guard g = { 0, "" };
	const char *start = skip_blank(sql), *tail = NULL;
	sqlite3_stmt *s = NULL;
	int own = 0, ret, rc;

	if (*start == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "sql: the query is empty");
	/* the values one row each (store/obsvtab.c) */
	if ((ret = cidx_obs_register(st, err)) < 0 ||
	    (ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	sqlite3_set_authorizer(st->db, authorize, &g);
	rc = sqlite3_prepare_v2(st->db, start, -1, &s, &tail);
	if (rc != SQLITE_OK && g.refused)
		ret = cidx_err_set(err, CIDX_EINVAL, "sql: %s is refused: "
		    "cityidx sql only reads the workspace", g.what);
	else if (rc != SQLITE_OK)
		ret = sql_err(st, sql, (size_t)(start - sql), err);
	else if (s == NULL) /* cannot be: start is a token */
		ret = cidx_err_set(err, CIDX_EINVAL, "sql: the query is empty");
	else if ((ret = check_stmt(s, sql, tail, err)) == 0)
		ret = run(st, s, sql, (size_t)(start - sql), row, ctx, err);
	sqlite3_finalize(s);
	sqlite3_set_authorizer(st->db, NULL, NULL);
	cidx_db_read_end(st, own);
	return ret;
}
