/*
 * storecraft: a workspace whose cached matrix, series or cells were
 * crafted by another program (WORKSPACE SCHEMA in man/cityidx.1).  Every
 * stored count is checked without overflow; a `matrices` row that does
 * not agree with itself is not trusted and the year is read from cells,
 * giving what cells hold; what cells cannot give is refused with its
 * place.  The rows are written with the SQLite API, as another program
 * would.
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

/* two datasets hold the same units, values (NaN alike) and imports */
static void
check_same(const struct cidx_dataset *a, const struct cidx_dataset *b,
    const char *what)
{
	int same = a->n_units == b->n_units && a->x->size2 == b->x->size2 &&
	    a->n_import_ids == b->n_import_ids;

	for (size_t i = 0; same && i < a->n_units; i++) {
		same = strcmp(a->unit[i].code, b->unit[i].code) == 0;
		for (size_t j = 0; same && j < a->x->size2; j++) {
			double x = gsl_matrix_get(a->x, i, j);
			double y = gsl_matrix_get(b->x, i, j);

			same = isnan(x) ? isnan(y) : x == y;
		}
		for (size_t d = 0; same && d < a->n_den; d++) {
			double x = gsl_matrix_get(a->den, i, d);
			double y = gsl_matrix_get(b->den, i, d);

			same = isnan(x) ? isnan(y) : x == y;
		}
	}
	for (size_t k = 0; same && k < a->n_import_ids; k++)
		same = a->import_ids[k] == b->import_ids[k];
	runner_count();
	if (!same)
		runner_fail(__FILE__, __LINE__, "%s: not the year in cells",
		    what);
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

/* A workspace and its 2020 as cells give it, with a copy of its
 * matrices in the table `keep`; @return 0 or -1. */
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
 * length or type: each time the year is what cells hold.
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
		 * infinity found while its values are read: the year comes
		 * from cells with all its series */
		"UPDATE matrices SET n_series = 1, sources = substr(sources, "
		    "1, 12), vals = CAST(X'000000000000F07F' || substr(vals, "
		    "25, 8) || substr(vals, 49, 8) AS BLOB)",
	};
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL, *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128];

	if (setup(p, sizeof(p), &fw, &want) < 0)
		goto out;
	for (size_t i = 0; i < LEN(sql); i++) {
		exec_sql(p, sql[i]);
		CHECK_INT(load_as(p, fw, strstr(sql[i], "sources = X''") !=
		    NULL, &got, &err), 0);
		if (got)
			check_same(want, got, sql[i]);
		cidx_dataset_free(got);
		exec_sql(p, RESTORE);
	}
out:
	teardown(fw, want);
}

/*
 * The contents of a row of the right shape checked as cells are: +Inf,
 * -Inf, NaN where cells has a value, a unit twice, a source counting one
 * value too many or naming a series past the row.
 */
void
test_storecraft__matrix_contents(void)
{
	static const double inf = INFINITY, minf = -INFINITY, nan = NAN;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL, *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
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
		CHECK_INT(load(p, fw, &got, &err), 0);
		if (got)
			check_same(want, got, blob[i].what);
		cidx_dataset_free(got);
		exec_sql(p, RESTORE);
	}
out:
	teardown(fw, want);
}

/* an import after a crafted row writes a consistent one */
void
test_storecraft__import_writes_it_anew(void)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import_stats ss;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *want = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_store *st = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128], csv[128];

	memset(&ss, 0, sizeof(ss));
	if (setup(p, sizeof(p), &fw, &want) < 0)
		goto out;
	exec_sql(p, "UPDATE matrices SET n_units = n_units + "
	    "2305843009213693952");
	o.year = 2020;
	put(csv, sizeof(csv), "e.csv", "code,A\nU4,7\n");
	CHECK_INT(cidx_import_read(&imp, csv, fw, &o, &err), 0);
	CHECK_INT(cidx_store_open(&st, p, CIDX_STORE_WRITE, &err), 0);
	if (imp && st) {
		struct cidx_import *const list[1] = { imp };

		CHECK_INT(cidx_store_import(st, list, 1, "2024-01-01T00:00:00Z",
		    &ss, &err), 0);
		CHECK_INT(ss.values_new, 1);
	}
	cidx_store_close(st);
	exec_sql(p, "CREATE TABLE shape AS SELECT n_units = 4 AND "
	    "length(units) = 32 AND length(vals) = 8 * n_units * n_series "
	    "AS ok FROM matrices; DELETE FROM shape WHERE ok");
	{
		sqlite3 *db = NULL;
		sqlite3_stmt *s = NULL;

		CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
		CHECK_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM shape",
		    -1, &s, NULL), SQLITE_OK);
		CHECK_INT(sqlite3_step(s), SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(s, 0), 0);
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
out:
	cidx_import_stats_release(&ss);
	cidx_import_free(imp);
	teardown(fw, want);
}

/*
 * What cells cannot give is refused with its place: a value that is not
 * finite (the matrix holding it too), a series id out of range, a chunk so
 * large that its first series number would wrap around to 0.
 */
void
test_storecraft__refused_with_place(void)
{
	static const struct {
		const char *sql, *msg;
	} c[] = {
		{ "UPDATE cells SET v0 = 9e999 WHERE unit = (SELECT id FROM "
		    "units WHERE code = 'U1')",
		  "unit 'U1', indicator 'A', year 2020: value 'Inf' is not a "
		  "number" },
		{ "INSERT INTO series VALUES (1048576, 'Z')",
		  "table 'series': id 1048576 is out of range (0 to 1048575)" },
		{ "INSERT INTO series VALUES (-1, 'Z')",
		  "table 'series': id -1 is out of range" },
		{ "INSERT INTO cells(year, unit, chunk, v0) SELECT 2020, id, "
		    "288230376151711744, 99 FROM units WHERE code = 'U1'",
		  "unit 'U1', chunk 288230376151711744, column v0, year 2020: "
		  "value '99.0' of a series that is not in series" },
		{ "INSERT INTO cells(year, unit, chunk, v1) SELECT 2020, id, "
		    "1, 99 FROM units WHERE code = 'U1'",
		  "unit 'U1', series 65, year 2020: value '99.0' of a series "
		  "that is not in series" },
	};
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128], q[128];

	if (tmp_begin() < 0)
		return;
	if (make_ws(p, sizeof(p), &fw) < 0)
		goto out;
	path_of(q, sizeof(q), "orig.db");
	exec_sql(p, "PRAGMA wal_checkpoint(TRUNCATE)");
	{
		char sql[600];

		snprintf(sql, sizeof(sql), "VACUUM INTO '%s'", q);
		exec_sql(p, sql);
	}
	for (size_t i = 0; i < LEN(c); i++) {
		char sql[600];

		exec_sql(p, c[i].sql);
		if (i == 0) {
			/* the matrix holds the value too, and is current */
			static const double inf = INFINITY;

			patch(p, "vals", 0, &inf, 8);
			exec_sql(p, "DELETE FROM stale_years");
		}
		err.msg[0] = '\0';
		CHECK_INT(load(p, fw, &got, &err), CIDX_EDB);
		CHECK(got == NULL);
		CHECK_HAS(err.msg, c[i].msg);
		cidx_dataset_free(got);
		got = NULL;
		/* back to the workspace as it was */
		snprintf(sql, sizeof(sql), "ATTACH '%s' AS o; DELETE FROM "
		    "cells; INSERT INTO cells SELECT * FROM o.cells; DELETE FROM "
		    "series; INSERT INTO series SELECT * FROM o.series; DELETE "
		    "FROM matrices; INSERT INTO matrices SELECT * FROM "
		    "o.matrices; DELETE FROM stale_years", q);
		exec_sql(p, sql);
		CHECK_INT(load(p, fw, &got, &err), 0);
		cidx_dataset_free(got);
		got = NULL;
	}
out:
	cidx_framework_free(fw);
	tmp_end();
}
