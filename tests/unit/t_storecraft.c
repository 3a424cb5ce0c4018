/*
 * storecraft: a workspace whose `matrices` rows or series were crafted by
 * another program (WORKSPACE SCHEMA in man/cityidx.1).  Every stored
 * count is checked without overflow; a `matrices` row that does not agree
 * with itself is the only copy of its year's values (schema 6), so the
 * year is refused as damaged, by reading commands and by an import alike,
 * and nothing is changed.  The rows are written with the SQLite API, as
 * another program would.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <sqlite3.h>

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
	{ "POP", NULL, DEN, 0, 1, 1 },
};

/* 2020: U1 (1, 2), U2 (3, -), U3 (5, 6) with POP for U1, U2 */
static const char data[] = "code,A,B,POP\nU1,1,2,100\nU2,3,,200\n"
    "U3,5,6,\n";

/* A workspace at tmpdir/ws.db with `data` imported, and its framework;
 * @return 0 or -1 (a failed check is reported). */
static int
make_ws(char *p, size_t n, struct cidx_framework **fw)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import_stats ss;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	struct cidx_store *st = NULL;
	char csv[128];
	int ret = -1;

	memset(&ss, 0, sizeof(ss));
	*fw = NULL;
	if (fx_framework(fw, fw_nodes, LEN(fw_nodes), &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		return -1;
	}
	o.year = 2020;
	put(csv, sizeof(csv), "d.csv", data);
	path_of(p, n, "ws.db");
	if (cidx_import_read(&imp, csv, *fw, &o, &err) == 0 &&
	    cidx_store_open(&st, p, 1, &err) == 0 &&
	    cidx_store_set_framework(st, *fw, "fw.csv", &err) == 0) {
		struct cidx_import *const list[1] = { imp };

		if (cidx_store_import(st, list, 1, "2024-01-01T00:00:00Z", &ss,
		    &err) == 0)
			ret = 0;
	}
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	cidx_import_stats_release(&ss);
	cidx_import_free(imp);
	cidx_store_close(st);
	return ret;
}

/* runs `sql` on the workspace as another program */
static void
exec_sql(const char *p, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	if (sqlite3_open(p, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		runner_fail(__FILE__, __LINE__, "%s: %s", sql,
		    msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	sqlite3_close(db);
}

/* overwrites `len` bytes at `off` of blob column `col` of the 2020 row of
 * matrices (as another program would: no trigger marks it stale) */
static void
patch(const char *p, const char *col, size_t off, const void *bytes,
    size_t len)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	unsigned char *b = NULL;
	char sql[128];
	size_t n = 0;

	snprintf(sql, sizeof(sql), "SELECT %s FROM matrices WHERE year = 2020",
	    col);
	if (sqlite3_open(p, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		n = (size_t)sqlite3_column_bytes(s, 0);
		b = cidx_xmalloc(n + 1);
		memcpy(b, sqlite3_column_blob(s, 0), n);
	}
	sqlite3_finalize(s);
	s = NULL;
	CHECK(b != NULL && off + len <= n);
	if (b != NULL && off + len <= n) {
		memcpy(b + off, bytes, len);
		snprintf(sql, sizeof(sql), "UPDATE matrices SET %s = ?1 WHERE "
		    "year = 2020", col);
		CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
		CHECK_INT(sqlite3_bind_blob(s, 1, b, (int)n, SQLITE_TRANSIENT),
		    SQLITE_OK);
		CHECK_INT(sqlite3_step(s), SQLITE_DONE);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(b);
}

/* loads 2020 and its years through a new handle, as a command does; the
 * years must be 2020 alone unless `any_years` (the years are listed by the
 * sources of a matrix whose shape is right, its values not read) */
static int
load_as(const char *p, const struct cidx_framework *fw, int any_years,
    struct cidx_dataset **out, struct cidx_err *err)
{
	struct cidx_store *st = NULL;
	int *years = NULL, ret;
	size_t ny = 0;

	*out = NULL;
	if ((ret = cidx_store_open(&st, p, 0, err)) == 0 &&
	    (ret = cidx_store_snapshot(st, err)) == 0 &&
	    (ret = cidx_store_years(st, &years, &ny, err)) == 0 &&
	    (ret = cidx_store_load_year(st, fw, 2020, out, err)) == 0 &&
	    !any_years) {
		CHECK_INT(ny, 1);
		if (ny == 1)
			CHECK_INT(years[0], 2020);
	}
	free(years);
	cidx_store_close(st);
	return ret;
}

static int
load(const char *p, const struct cidx_framework *fw,
    struct cidx_dataset **out, struct cidx_err *err)
{
	return load_as(p, fw, 0, out, err);
}

/* A workspace and its 2020, with a copy of its matrices in the table
 * `keep`; @return 0 or -1. */
static int
setup(char *p, size_t n, struct cidx_framework **fw,
    struct cidx_dataset **want)
{
	struct cidx_err err = CIDX_ERR_INIT;

	*want = NULL;
	if (tmp_begin() < 0)
		return -1;
	if (make_ws(p, n, fw) < 0)
		return -1;
	CHECK_INT(load(p, *fw, want, &err), 0);
	if (*want == NULL)
		return -1;
	CHECK_INT((*want)->n_units, 3);
	exec_sql(p, "CREATE TABLE keep AS SELECT * FROM matrices");
	return 0;
}

#define RESTORE "DELETE FROM matrices; INSERT INTO matrices SELECT * " \
	"FROM keep"

/* the year 2020 of the workspace at p is refused as damaged (`what` for
 * the message of a failed check); then the row is put back */
static void
expect_damaged(const char *p, const struct cidx_framework *fw, int any_years,
    const char *what)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_dataset *got = NULL;
	int ret = load_as(p, fw, any_years, &got, &err);

	runner_count();
	if (ret != CIDX_EDB || got != NULL ||
	    strstr(err.msg, "the values of 2020 are damaged (table "
	    "'matrices'") == NULL)
		runner_fail(__FILE__, __LINE__, "%s: %d, %s", what, ret,
		    err.msg);
	cidx_dataset_free(got);
	exec_sql(p, RESTORE);
}

static void
teardown(struct cidx_framework *fw, struct cidx_dataset *want)
{
	cidx_dataset_free(want);
	cidx_framework_free(fw);
	tmp_end();
}

/*
 * Counts whose products overflow (n_units * 8 wraps around to the length
 * of the blob), counts of the wrong sign or type, blobs of the wrong
 * length or type: each time the year is refused as damaged.
 */
void
test_storecraft__matrix_counts(void)
{
	static const char *const sql[] = {
		"UPDATE matrices SET n_units = n_units + 2305843009213693952",
		"UPDATE matrices SET n_series = n_series + 2305843009213693952",
		"UPDATE matrices SET n_units = n_units + 4611686018427387904, "
		    "n_series = n_series * 4",
		"UPDATE matrices SET n_units = -n_units",
		"UPDATE matrices SET n_series = 0, vals = X''",
		"UPDATE matrices SET n_units = 0, units = X''",
		"UPDATE matrices SET n_series = 'x'",
		"UPDATE matrices SET n_series = 1e300",
		"UPDATE matrices SET format = 9",
		"UPDATE matrices SET vals = substr(vals, 1, 16)",
		"UPDATE matrices SET vals = CAST(vals AS TEXT)",
		"UPDATE matrices SET units = 'abcdefghabcdefghabcdefgh'",
		"UPDATE matrices SET sources = X'00'",
		"UPDATE matrices SET sources = X''",
		"UPDATE matrices SET n_series = 1000, vals = zeroblob(24000)",
		/* a row of the first series only, consistent but for an
		 * infinity found while its values are read */
		"UPDATE matrices SET n_series = 1, sources = substr(sources, "
		    "1, 12), vals = CAST(X'000000000000F07F' || substr(vals, "
		    "25, 8) || substr(vals, 49, 8) AS BLOB)",
	};
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL;
	char p[128];

	if (setup(p, sizeof(p), &fw, &want) < 0)
		goto out;
	for (size_t i = 0; i < LEN(sql); i++) {
		exec_sql(p, sql[i]);
		expect_damaged(p, fw, strstr(sql[i], "sources = X''") != NULL,
		    sql[i]);
	}
out:
	teardown(fw, want);
}

/*
 * The contents of a row of the right shape checked: +Inf, -Inf, NaN where
 * the sources count a value, a unit twice, a source counting one value
 * too many or naming a series past the row.
 */
void
test_storecraft__matrix_contents(void)
{
	static const double inf = INFINITY, minf = -INFINITY, nan = NAN;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL;
	sqlite3_int64 u1 = 0;
	int32_t too_many = 4, past = 3; /* 3 units; series 0..2 */
	struct {
		const char *col, *what;
		size_t off;
		const void *bytes;
		size_t len;
	} blob[] = {
		{ "vals", "+Inf", 0, &inf, 8 },
		{ "vals", "-Inf", 8, &minf, 8 },
		{ "vals", "NaN", 0, &nan, 8 },
		{ "units", "a unit twice", 8, &u1, 8 },
		{ "sources", "a count", 8, &too_many, 4 },
		{ "sources", "a series", 0, &past, 4 },
	};
	char p[128];

	if (setup(p, sizeof(p), &fw, &want) < 0)
		goto out;
	{
		/* the id of the first row, to be written in the second */
		sqlite3 *db = NULL;
		sqlite3_stmt *s = NULL;

		if (sqlite3_open(p, &db) == SQLITE_OK &&
		    sqlite3_prepare_v2(db, "SELECT units FROM matrices", -1, &s,
		    NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
			memcpy(&u1, sqlite3_column_blob(s, 0), 8);
		sqlite3_finalize(s);
		sqlite3_close(db);
		CHECK(u1 != 0);
	}
	for (size_t i = 0; i < LEN(blob); i++) {
		patch(p, blob[i].col, blob[i].off, blob[i].bytes, blob[i].len);
		expect_damaged(p, fw, 0, blob[i].what);
	}
out:
	teardown(fw, want);
}

/* imports 'code,A\nU4,7\n' into 2020: @return its status */
static int
import_e(const char *p, const struct cidx_framework *fw, struct cidx_err *err)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import_stats ss;
	struct cidx_import *imp = NULL;
	struct cidx_store *st = NULL;
	char csv[128];
	int ret;

	memset(&ss, 0, sizeof(ss));
	o.year = 2020;
	put(csv, sizeof(csv), "e.csv", "code,A\nU4,7\n");
	if ((ret = cidx_import_read(&imp, csv, fw, &o, err)) == 0 &&
	    (ret = cidx_store_open(&st, p, CIDX_STORE_WRITE, err)) == 0) {
		struct cidx_import *const list[1] = { imp };

		ret = cidx_store_import(st, list, 1, "2024-01-01T00:00:00Z",
		    &ss, err);
	}
	cidx_store_close(st);
	cidx_import_stats_release(&ss);
	cidx_import_free(imp);
	return ret;
}

/* `sql` gives 1 on the workspace (or the test fails) */
static void
check_sql(const char *p, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;

	CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(s), SQLITE_ROW);
	if (sqlite3_column_int(s, 0) != 1)
		runner_fail(__FILE__, __LINE__, "not so: %s", sql);
	runner_count();
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/*
 * An import into a year whose row is damaged (its counts, or the imports
 * of its values, which reading commands do not need) is refused and
 * changes nothing; into a sound row it writes one that agrees with
 * itself, the import of each value run-length coded.
 */
void
test_storecraft__import_refused_on_damaged(void)
{
	static const char *const sql[] = {
		"UPDATE matrices SET n_units = n_units + 2305843009213693952",
		"UPDATE matrices SET imports = 'abcdefgh'",
		"UPDATE matrices SET imports = X''",
		/* 3 units x 3 series: 9 cells */
		"UPDATE matrices SET imports = X'0800000001000000'",
		"UPDATE matrices SET imports = X'0A00000001000000'",
		"UPDATE matrices SET imports = X'0900000001000000'",
		"UPDATE matrices SET imports = X'0000000001000000"
		    "0900000001000000'",
		"UPDATE matrices SET imports = X'09000000FFFFFFFF'",
		"UPDATE matrices SET imports = X'090000000100'",
	};
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128];

	if (setup(p, sizeof(p), &fw, &want) < 0)
		goto out;
	/* U2 has no B: import 0 there, so one run alone is refused */
	check_sql(p, "SELECT hex(imports) = '04000000010000000100000000000000"
	    "03000000010000000100000000000000' FROM matrices");
	for (size_t i = 0; i < LEN(sql); i++) {
		exec_sql(p, sql[i]);
		exec_sql(p, "CREATE TABLE before AS SELECT * FROM matrices");
		err.msg[0] = '\0';
		CHECK_INT(import_e(p, fw, &err), CIDX_EDB);
		if (strstr(err.msg, "the values of 2020 are damaged") == NULL)
			runner_fail(__FILE__, __LINE__, "%s: %s", sql[i],
			    err.msg);
		check_sql(p, "SELECT count(*) = 0 FROM (SELECT * FROM before "
		    "EXCEPT SELECT * FROM matrices) WHERE (SELECT count(*) "
		    "FROM imports) = 1");
		exec_sql(p, "DROP TABLE before; " RESTORE);
	}
	CHECK_INT(import_e(p, fw, &err), 0);
	check_sql(p, "SELECT n_units = 4 AND length(units) = 32 AND "
	    "length(vals) = 8 * n_units * n_series AND hex(imports) = "
	    "'040000000100000001000000000000000300000001000000"
	    "010000000000000001000000020000000200000000000000' FROM matrices");
out:
	teardown(fw, want);
}

/* A series id out of range is refused with its place. */
void
test_storecraft__refused_with_place(void)
{
	static const struct {
		const char *sql, *msg;
	} c[] = {
		{ "INSERT INTO series VALUES (1048576, 'Z')",
		  "table 'series': id 1048576 is out of range (0 to 1048575)" },
		{ "INSERT INTO series VALUES (-1, 'Z')",
		  "table 'series': id -1 is out of range" },
	};
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128];

	if (tmp_begin() < 0)
		return;
	if (make_ws(p, sizeof(p), &fw) < 0)
		goto out;
	for (size_t i = 0; i < LEN(c); i++) {
		exec_sql(p, c[i].sql);
		err.msg[0] = '\0';
		CHECK_INT(load(p, fw, &got, &err), CIDX_EDB);
		CHECK(got == NULL);
		CHECK_HAS(err.msg, c[i].msg);
		cidx_dataset_free(got);
		got = NULL;
		exec_sql(p, "DELETE FROM series WHERE code = 'Z'");
		CHECK_INT(load(p, fw, &got, &err), 0);
		cidx_dataset_free(got);
		got = NULL;
	}
out:
	cidx_framework_free(fw);
	tmp_end();
}
