/*
 * query: cidx_store_query() (store/query.c), the read-only SQL of `cityidx
 * sql`, on a real workspace in a fresh directory: the types of the values
 * passed to the callback, the values of an import read through the table
 * observations, the one-statement rule, the refusal of writes, the
 * callback that stops, and SQLite's message with its place.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "io/import.h"
#include "store/store.h"
#include "fixture.h"
#include "runner.h"

/* what the callback saw: every value as text "T:..." in one line a row */
struct seen {
	long long rows;      /* calls */
	long long stop_at;   /* stop with CIDX_ENUMERIC at this row (0: never) */
	struct sbuf text;
};

static int
collect(void *ctx, long long row, const struct cidx_qval *v, size_t n,
    struct cidx_err *err)
{
	struct seen *s = ctx;

	CHECK_INT(row, s->rows);
	s->rows++;
	for (size_t c = 0; c < n; c++) {
		cidx_sbuf_adds(&s->text, c ? "|" : "");
		switch (v[c].type) {
		case CIDX_QNULL:
			cidx_sbuf_adds(&s->text, "N");
			break;
		case CIDX_QINT:
			cidx_sbuf_addf(&s->text, "I%lld", v[c].i);
			break;
		case CIDX_QREAL:
			cidx_sbuf_addf(&s->text, "R%.17g", v[c].d);
			break;
		case CIDX_QTEXT:
			CHECK_INT(strlen(v[c].s), v[c].len);
			cidx_sbuf_addf(&s->text, "T%s", v[c].s);
			break;
		case CIDX_QBLOB:
			cidx_sbuf_addf(&s->text, "B%zu", v[c].len);
			for (size_t k = 0; k < v[c].len; k++)
				cidx_sbuf_addf(&s->text, ".%02x",
				    (unsigned char)v[c].s[k]);
			break;
		default:
			cidx_sbuf_adds(&s->text, "?");
			break;
		}
	}
	cidx_sbuf_addc(&s->text, '\n');
	if (s->stop_at && row == s->stop_at)
		return cidx_err_set(err, CIDX_ENUMERIC, "stopped at row %lld",
		    row);
	return 0;
}

/* runs sql: its result, and what the callback saw in *s (reset first) */
static int
run(struct cidx_store *st, const char *sql, struct seen *s,
    struct cidx_err *err)
{
	s->rows = 0;
	cidx_sbuf_reset(&s->text);
	err->code = 0;
	err->msg[0] = '\0';
	return cidx_store_query(st, sql, collect, s, err);
}

/* a workspace of the small framework (A, B indicators, POP) with
 * X: A 1.5, B 2 and Y: A 0.1 in 2020; NULL after a failed check */
static struct cidx_store *
small_ws(struct cidx_framework **fw, char *p, size_t n)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_store *st;
	char f[128];

	*fw = fx_small_framework();
	if (*fw == NULL || (st = fx_ws_begin(*fw, p, n)) == NULL)
		return NULL;
	o.year = 2020;
	put(f, sizeof(f), "d.csv", "code,A,B\nX,1.5,2\nY,0.1,\n");
	memset(&ss, 0, sizeof(ss));
	if (cidx_import_read(&imp, f, *fw, &o, &err) < 0 ||
	    cidx_store_import(st, &imp, 1, "2024-01-01T00:00:00Z", &ss,
	    &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	cidx_import_stats_release(&ss);
	cidx_import_free(imp);
	return st;
}

void
test_query__types_and_observations(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct seen s = { 0, 0, SBUF_INIT };
	struct cidx_store *st;
	char p[128];

	if ((st = small_ws(&fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	/* each type as it is, the header first (row 0) */
	CHECK_INT(run(st, "SELECT 9223372036854775807 AS i, 0.1 AS r, "
	    "'北京' AS t, NULL AS n, x'00ff' AS b, x'' AS e", &s, &err), 0);
	CHECK_INT(s.rows, 2);
	CHECK_STR(s.text.buf, "Ti|Tr|Tt|Tn|Tb|Te\n"
	    "I9223372036854775807|R0.10000000000000001|T北京|N|B2.00.ff|B0\n");
	/* the values of the import, joined with the units */
	CHECK_INT(run(st, "SELECT o.unit, o.indicator, o.year, o.value, "
	    "o.import_id, u.id > 0 FROM observations o JOIN units u ON "
	    "u.code = o.unit ORDER BY o.unit, o.indicator", &s, &err), 0);
	CHECK_STR(s.text.buf, "Tunit|Tindicator|Tyear|Tvalue|Timport_id|"
	    "Tu.id > 0\n"
	    "TX|TA|I2020|R1.5|I1|I1\n"
	    "TX|TB|I2020|R2|I1|I1\n"
	    "TY|TA|I2020|R0.10000000000000001|I1|I1\n");
	/* no row: the header only */
	CHECK_INT(run(st, "SELECT unit FROM observations WHERE year = 1",
	    &s, &err), 0);
	CHECK_STR(s.text.buf, "Tunit\n");
	/* inside the caller's snapshot, which stays open */
	CHECK_INT(cidx_store_snapshot(st, &err), 0);
	CHECK_INT(run(st, "SELECT count(*) FROM observations", &s, &err), 0);
	CHECK_STR(s.text.buf, "Tcount(*)\nI3\n");
	cidx_store_snapshot_end(st);
	cidx_sbuf_release(&s.text);
	fx_ws_end(st);
	cidx_framework_free(fw);
}

void
test_query__one_statement_that_reads(void)
{
	static const char *const refused[] = {
		"DELETE FROM units", "UPDATE units SET name = 'x'",
		"INSERT INTO series(id, code) VALUES (99, 'Z')",
		"DROP TABLE units", "CREATE TABLE t(x)", "ATTACH 'a.db' AS a",
		"BEGIN", "PRAGMA user_version = 9", "PRAGMA wal_checkpoint",
		"VACUUM", "SELECT load_extension('x')",
	};
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct seen s = { 0, 0, SBUF_INIT };
	struct cidx_store *st;
	char p[128];

	if ((st = small_ws(&fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	/* blanks, semicolons and comments after the statement */
	CHECK_INT(run(st, "  SELECT 1 AS a ; ; -- done\n/* really */ ;\n",
	    &s, &err), 0);
	CHECK_STR(s.text.buf, "Ta\nI1\n");
	/* a second statement: refused before any row, named */
	CHECK_INT(run(st, "SELECT 1; SELECT 2", &s, &err), CIDX_EINVAL);
	CHECK_INT(s.rows, 0);
	CHECK_STR(err.msg, "sql: a second statement at column 11: "
	    "'SELECT 2': one statement is run at a time");
	CHECK_INT(run(st, "SELECT 1;\n  DELETE FROM units", &s, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "at line 2, column 3: 'DELETE FROM units'");
	/* nothing to run */
	CHECK_INT(run(st, " ;-- x\n", &s, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "sql: the query is empty");
	/* writes of every kind, refused before any row */
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		CHECK_INT(run(st, refused[i], &s, &err), CIDX_EINVAL);
		CHECK_INT(s.rows, 0);
		CHECK_HAS(err.msg, "cityidx sql only reads the workspace");
	}
	CHECK_STR(err.msg, "sql: the function load_extension is refused: "
	    "cityidx sql only reads the workspace");
	/* SQLite's message, with the place in characters */
	CHECK_INT(run(st, "SELEC 1", &s, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "sql: near \"SELEC\": syntax error at column 1");
	CHECK_INT(run(st, "SELECT '中文',\n  x FRM units", &s, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "sql: near \"units\": syntax error at line 2, "
	    "column 9");
	/* nothing was changed: the units and the values are all there, and
	 * a write works (no transaction was left open) */
	CHECK_INT(run(st, "SELECT count(*) FROM units", &s, &err), 0);
	CHECK_STR(s.text.buf, "Tcount(*)\nI2\n");
	CHECK_INT(cidx_store_set_framework(st, fw, "fw.csv", &err), 0);
	cidx_sbuf_release(&s.text);
	fx_ws_end(st);
	cidx_framework_free(fw);
}

void
test_query__callback_stops(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct seen s = { 0, 2, SBUF_INIT };
	struct cidx_store *st;
	char p[128];

	if ((st = small_ws(&fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	/* stops at row 2 of 3: its code and message come back */
	CHECK_INT(run(st, "SELECT value FROM observations ORDER BY value",
	    &s, &err), CIDX_ENUMERIC);
	CHECK_INT(s.rows, 3);
	CHECK_STR(err.msg, "stopped at row 2");
	/* at the header: no row is read */
	s.stop_at = 0;
	s.rows = 0;
	CHECK_INT(run(st, "SELECT 1 UNION ALL SELECT 2", &s, &err), 0);
	CHECK_INT(s.rows, 3);
	/* an error while stepping: SQLite's message */
	CHECK_INT(run(st, "SELECT abs(-9223372036854775807 - 1)", &s, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "sql: integer overflow");
	CHECK_INT(s.rows, 1);
	/* the workspace is usable after a stop */
	CHECK_INT(cidx_store_set_framework(st, fw, "fw.csv", &err), 0);
	cidx_sbuf_release(&s.text);
	fx_ws_end(st);
	cidx_framework_free(fw);
}
