/*
 * store: a real SQLite workspace in a fresh directory under /tmp (removed
 * at the end): open, framework, imports and their statistics, loading a
 * year.  The data files are tiny and written by the tests, so every count
 * below can be checked by reading the file next to it.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_matrix.h>
#include <sqlite3.h>

#include "core/err.h"
#include "core/mem.h"
#include "calc/prepare.h"
#include "core/model.h"
#include "io/import.h"
#include "store/store.h"
#include "fixture.h"
#include "runner.h"


/* every counter of one import */
#define CHECK_STATS(ss, id_, new_, chg, rem, unch, unew, uchg)            \
	do {                                                              \
		CHECK_INT((ss).id, id_);                                  \
		CHECK_INT((ss).values_new, new_);                         \
		CHECK_INT((ss).values_changed, chg);                      \
		CHECK_INT((ss).values_removed, rem);                      \
		CHECK_INT((ss).values_unchanged, unch);                   \
		CHECK_INT((ss).units_new, unew);                          \
		CHECK_INT((ss).units_changed, uchg);                      \
	} while (0)

#define WHEN "2024-01-01T00:00:00Z"

/*
 * INDEX <- the indicators named in `inds` (e.g. "ABCD"); POP is a
 * denominator, of the indicators named in `per_pop`.  Nodes: INDEX 0,
 * the indicators 1.., POP last.
 */
static struct cidx_framework *
fw_per_pop(const char *inds, const char *per_pop)
{
	size_t ni = strlen(inds), n = ni + 2;
	struct cidx_node *node = cidx_xcalloc(n, sizeof(*node));
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	for (size_t i = 0; i < n; i++) {
		char code[2] = { 0, 0 };

		if (i == 0) {
			node[i].code = cidx_xstrdup("INDEX");
			node[i].type = CIDX_NODE_AGGREGATE;
		} else if (i == n - 1) {
			node[i].code = cidx_xstrdup("POP");
			node[i].type = CIDX_NODE_DENOMINATOR;
		} else {
			code[0] = inds[i - 1];
			node[i].code = cidx_xstrdup(code);
			node[i].parent = cidx_xstrdup("INDEX");
			node[i].type = CIDX_NODE_INDICATOR;
			if (strchr(per_pop, inds[i - 1]))
				node[i].denominator = cidx_xstrdup("POP");
		}
		node[i].direction = 1;
		node[i].weight = 1;
		node[i].target = NAN;
		node[i].goal_lo = NAN;
		node[i].goal_hi = NAN;
	}
	if (cidx_framework_build(&fw, node, n, "fw", &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return fw;
}

static struct cidx_framework *
fw_with(const char *inds)
{
	return fw_per_pop(inds, "");
}

/* reads tmpdir/name as an import batch (year 2020 unless the file says) */
static struct cidx_import *
batch(const struct cidx_framework *fw, const char *name, const char *text,
    int year)
{
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128];

	o.year = year;
	put(p, sizeof(p), name, text);
	if (cidx_import_read(&imp, p, fw, &o, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	else   /* the tests here state missing values to clear them */
		imp->clear_missing = 1;
	return imp;
}

/* imports one batch; the counts go to *ss (the lists of new units are
 * released: the tests here look at counts) */
static int
import1(struct cidx_store *st, struct cidx_import *imp,
    struct cidx_import_stats *ss, struct cidx_err *err)
{
	struct cidx_import *const list[1] = { imp };
	int ret;

	if (imp == NULL)
		return CIDX_ERROR;
	ret = cidx_store_import(st, list, 1, WHEN, ss, err);
	cidx_import_stats_release(ss);
	return ret;
}

void
test_store__create_and_framework(void)
{
	struct cidx_framework *fw = fw_with("AB"), *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_dataset *ds = NULL;
	int *years = NULL;
	size_t ny = 99;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	path_of(p, sizeof(p), "ws.db");
	CHECK_INT(cidx_store_open(&st, p, 1, &err), 0);
	if (st == NULL)
		goto out;
	CHECK_STR(cidx_store_path(st), p);
	/* a new workspace has no framework, no years, no data */
	CHECK_INT(cidx_store_load_framework(st, &got, &err),
	    CIDX_ENOWORKSPACE);
	CHECK(strstr(err.msg, "cityidx init") == NULL);
	CHECK(got == NULL);
	CHECK_INT(cidx_store_years(st, &years, &ny, &err), 0);
	CHECK_INT(ny, 0);
	free(years);
	years = NULL;

	CHECK_INT(cidx_store_set_framework(st, fw, "fw.csv", &err), 0);
	CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err),
	    CIDX_ENOTFOUND);
	CHECK(ds == NULL);
	cidx_store_close(st);
	st = NULL;

	/* reopened without create: the framework is still there */
	CHECK_INT(cidx_store_open(&st, p, 0, &err), 0);
	if (st == NULL)
		goto out;
	CHECK_INT(cidx_store_load_framework(st, &got, &err), 0);
	if (got != NULL) {
		CHECK_INT(got->n, 4);
		CHECK_INT(got->n_ind, 2);
		CHECK_STR(got->node[1].code, "A");
		CHECK_STR(got->node[1].parent, "INDEX");
		CHECK(got->node[3].type == CIDX_NODE_DENOMINATOR);
		CHECK_STR(got->checksum, fw->checksum);
	}
out:
	cidx_framework_free(got);
	cidx_store_close(st);
	cidx_framework_free(fw);
	tmp_end();
}

void
test_store__import_stats_reimport_change_remove(void)
{
	/*
	 * 2020, wide.  U2 and U1 have values; U3 has none (all empty).
	 * New values: U2 A B C (3) + U1 A C (2) = 5; U1's empty B and U3's
	 * three empty fields state "missing" where nothing is stored: no
	 * count.  New units: 3.
	 */
	static const char first[] = "code,name,province,A,B,C\n"
	    "U2,乙,P2,1,2,3\n"
	    "U1,甲,P1,4,,6\n"
	    "U3,丙,P1,,,\n";
	/*
	 * The same units again: U2.C 3 -> 30 (changed); U1.C now empty
	 * (removed); U2.A, U2.B, U1.A the same (unchanged: 3); U1.B still
	 * missing (no count); U3 not in the file.
	 */
	static const char second[] = "code,name,A,B,C\n"
	    "U2,乙,1,2,30\n"
	    "U1,甲,4,,\n";
	struct cidx_framework *fw = fw_with("ABC");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_dataset *ds = NULL;
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}

	imp = batch(fw, "first.csv", first, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	/* the first logged import: id 1 */
	CHECK_STATS(ss, 1, 5, 0, 0, 0, 3, 0);
	CHECK_INT(ss.already, 0);
	cidx_import_free(imp);

	/* the same file again: nothing changes, nothing is logged; only the
	 * 5 stored values count, as unchanged */
	imp = batch(fw, "first.csv", first, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 0, 0, 0, 0, 5, 0, 0);
	CHECK_INT(ss.already, 1);
	cidx_import_free(imp);

	imp = batch(fw, "second.csv", second, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 2, 0, 1, 1, 3, 0, 0);
	CHECK_INT(ss.already, 0);
	cidx_import_free(imp);
	imp = NULL;

	/*
	 * 2020 now: U1 A 4 (B, C missing); U2 1, 2, 30; U3 has no value in
	 * 2020, so it is not in the year.  Units sorted by code: U1, U2.
	 */
	CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err), 0);
	if (ds == NULL)
		goto out;
	CHECK_INT(ds->year, 2020);
	CHECK_INT(ds->n_units, 2);
	CHECK_STR(ds->unit[0].code, "U1");
	CHECK_STR(ds->unit[0].name, "甲");
	CHECK_STR(ds->unit[1].code, "U2");
	CHECK_STR(cidx_unit_attr(&ds->unit[0], "province"), "P1");
	CHECK_INT(ds->x->size1, 2);
	CHECK_INT(ds->x->size2, 3);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), 4, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 1), NAN, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 2), NAN, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 0), 1, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 1), 2, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 2), 30, 0);
	/* the values come from imports 1 (unchanged ones) and 2 (U2.C) */
	CHECK_INT(ds->n_import_ids, 2);
	if (ds->n_import_ids == 2) {
		CHECK_INT(ds->import_ids[0], 1);
		CHECK_INT(ds->import_ids[1], 2);
	}
out:
	cidx_dataset_free(ds);
	cidx_import_free(imp);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

void
test_store__batches_years_and_units(void)
{
	static const char y2022[] = "unit,indicator,year,value\n"
	    "ZB,A,2022,5\nAA,B,2022,6\n";
	static const char y2018[] = "unit,indicator,year,value\n"
	    "AA,A,2018,1\n";
	/* a denominator alone does not make a year of indicator data */
	static const char y2019[] = "unit,indicator,year,value\n"
	    "AA,POP,2019,100\n";
	/* a new name for AA: a changed unit; a new unit CC */
	static const char names[] = "code,name,name_en\nAA,甲,Aa\nCC,丙,\n";
	static const char prov[] = "code,province\nAA,P1\n";
	struct cidx_framework *fw = fw_with("AB");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp[3] = { NULL, NULL, NULL };
	struct cidx_import_stats ss[3];
	struct cidx_dataset *ds = NULL;
	int *years = NULL;
	size_t ny = 0;
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	/* three batches in one transaction, logged in order */
	imp[0] = batch(fw, "y2022.csv", y2022, 0);
	imp[1] = batch(fw, "y2018.csv", y2018, 0);
	imp[2] = batch(fw, "y2019.csv", y2019, 0);
	if (imp[0] == NULL || imp[1] == NULL || imp[2] == NULL)
		goto out;
	CHECK_INT(cidx_store_import(st, imp, 3, WHEN, ss, &err), 0);
	for (size_t i = 0; i < 3; i++)
		cidx_import_stats_release(&ss[i]);
	/* 2022: ZB and AA new, 2 values */
	CHECK_STATS(ss[0], 1, 2, 0, 0, 0, 2, 0);
	/* 2018: AA exists now (batch 1 created it) */
	CHECK_STATS(ss[1], 2, 1, 0, 0, 0, 0, 0);
	CHECK_STATS(ss[2], 3, 1, 0, 0, 0, 0, 0);
	for (size_t i = 0; i < 3; i++) {
		cidx_import_free(imp[i]);
		imp[i] = NULL;
	}

	/* years with indicator data, ascending: 2019 has only POP */
	CHECK_INT(cidx_store_years(st, &years, &ny, &err), 0);
	CHECK_INT(ny, 2);
	if (ny == 2) {
		CHECK_INT(years[0], 2018);
		CHECK_INT(years[1], 2022);
	}
	free(years);
	CHECK_INT(cidx_store_load_year(st, fw, 2019, &ds, &err),
	    CIDX_ENOTFOUND);

	/* a units file: AA renamed (changed), CC new; no values */
	imp[0] = batch(fw, "names.csv", names, 0);
	CHECK_INT(import1(st, imp[0], &ss[0], &err), 0);
	CHECK_STATS(ss[0], 4, 0, 0, 0, 0, 1, 1);
	cidx_import_free(imp[0]);
	/* a first attribute for AA is a change too (and is logged) ... */
	imp[0] = batch(fw, "prov.csv", prov, 0);
	CHECK_INT(import1(st, imp[0], &ss[0], &err), 0);
	CHECK_STATS(ss[0], 5, 0, 0, 0, 0, 0, 1);
	cidx_import_free(imp[0]);
	/* ... the same again is not */
	imp[0] = batch(fw, "prov.csv", prov, 0);
	CHECK_INT(import1(st, imp[0], &ss[0], &err), 0);
	CHECK_STATS(ss[0], 0, 0, 0, 0, 0, 0, 0);

	/* 2022 by code: AA (B 6, A missing), then ZB (A 5) */
	CHECK_INT(cidx_store_load_year(st, fw, 2022, &ds, &err), 0);
	if (ds == NULL)
		goto out;
	CHECK_INT(ds->n_units, 2);
	CHECK_STR(ds->unit[0].code, "AA");
	CHECK_STR(ds->unit[0].name, "甲");
	CHECK_STR(ds->unit[0].name_en, "Aa");
	CHECK_INT(ds->unit[0].n_attr, 1);
	CHECK_STR(cidx_unit_attr(&ds->unit[0], "province"), "P1");
	CHECK_STR(ds->unit[1].code, "ZB");
	CHECK(ds->unit[1].name == NULL);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), NAN, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 1), 6, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 0), 5, 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 1), NAN, 0);
out:
	cidx_dataset_free(ds);
	for (size_t i = 0; i < 3; i++)
		cidx_import_free(imp[i]);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

void
test_store__set_framework_keeps_data_safe(void)
{
	static const char data[] = "code,A,B,C\nU1,1,2,3\n";
	struct cidx_framework *abcd = fw_with("ABCD"), *abc = fw_with("ABC");
	struct cidx_framework *ab = fw_with("AB"), *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	char p[128];

	if (abcd == NULL || abc == NULL || ab == NULL || tmp_begin() < 0)
		goto free_fw;
	path_of(p, sizeof(p), "ws.db");
	CHECK_INT(cidx_store_open(&st, p, 1, &err), 0);
	if (st == NULL)
		goto out;
	CHECK_INT(cidx_store_set_framework(st, abcd, "abcd.csv", &err), 0);
	imp = batch(abcd, "data.csv", data, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_INT(ss.values_new, 3);
	/* D has no data: dropping it is fine */
	CHECK_INT(cidx_store_set_framework(st, abc, "abc.csv", &err), 0);
	/* C has data: dropping it is refused ... */
	CHECK_INT(cidx_store_set_framework(st, ab, "ab.csv", &err),
	    CIDX_EINVAL);
	CHECK_INT(err.code, CIDX_EINVAL);
	CHECK_HAS(err.msg, "'C'");
	/* ... and the framework in place stays A, B, C */
	CHECK_INT(cidx_store_load_framework(st, &got, &err), 0);
	if (got != NULL) {
		CHECK_INT(got->n_ind, 3);
		CHECK(cidx_framework_find(got, "C") >= 0);
		CHECK(cidx_framework_find(got, "D") < 0);
		CHECK_STR(got->checksum, abc->checksum);
	}
out:
	cidx_framework_free(got);
	cidx_import_free(imp);
	cidx_store_close(st);
	tmp_end();
free_fw:
	cidx_framework_free(abcd);
	cidx_framework_free(abc);
	cidx_framework_free(ab);
}

void
test_store__open_errors(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = (struct cidx_store *)&err;
	char p[128], text[2048];

	if (tmp_begin() < 0)
		return;
	/* missing, without create */
	path_of(p, sizeof(p), "missing.db");
	CHECK_INT(cidx_store_open(&st, p, 0, &err), CIDX_ENOWORKSPACE);
	CHECK(st == NULL);
	CHECK_INT(err.code, CIDX_ENOWORKSPACE);
	CHECK_HAS(err.msg, p);
	/* a fact, no advice: the command line adds it */
	CHECK(strstr(err.msg, "cityidx init") == NULL);
	/* and nothing was created */
	CHECK(access(p, F_OK) != 0);

	/* a text file is not a workspace */
	memset(text, 'x', sizeof(text) - 2);
	text[sizeof(text) - 2] = '\n';
	text[sizeof(text) - 1] = '\0';
	put(p, sizeof(p), "text.db", text);
	st = (struct cidx_store *)&err;
	CHECK(cidx_store_open(&st, p, 0, &err) < 0);
	CHECK(st == NULL);
	CHECK_HAS(err.msg, "not a cityidx workspace");
	/* not even with create */
	st = (struct cidx_store *)&err;
	CHECK(cidx_store_open(&st, p, 1, &err) < 0);
	CHECK(st == NULL);

	/* an empty file is an empty SQLite database, not a workspace */
	put(p, sizeof(p), "empty.db", "");
	CHECK_INT(cidx_store_open(&st, p, 0, &err), CIDX_ENOWORKSPACE);
	CHECK(st == NULL);
	CHECK_HAS(err.msg, "not a cityidx workspace");

	/* somebody else's SQLite database: refused even with create, and
	 * left as it was (one table) */
	path_of(p, sizeof(p), "other.db");
	{
		sqlite3 *db = NULL;
		sqlite3_stmt *q = NULL;

		CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
		CHECK_INT(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL,
		    NULL), SQLITE_OK);
		sqlite3_close(db);
		CHECK(cidx_store_open(&st, p, 1, &err) < 0);
		CHECK(st == NULL);
		CHECK_HAS(err.msg, "not a cityidx workspace");
		db = NULL;
		CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
		CHECK_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM "
		    "sqlite_master", -1, &q, NULL), SQLITE_OK);
		CHECK_INT(sqlite3_step(q), SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(q, 0), 1);
		sqlite3_finalize(q);
		sqlite3_close(db);
	}

	/* a directory that does not exist */
	path_of(p, sizeof(p), "no/such/dir/ws.db");
	CHECK(cidx_store_open(&st, p, 1, &err) < 0);
	CHECK(st == NULL);
	/* a directory is not a workspace, and says so */
	CHECK_INT(cidx_store_open(&st, tmpdir, 1, &err), CIDX_EINVAL);
	CHECK(st == NULL);
	CHECK_HAS(err.msg, "is a directory");

	/* a schema version this build does not know, negative or newer */
	path_of(p, sizeof(p), "ws.db");
	CHECK_INT(cidx_store_open(&st, p, 1, &err), 0);
	cidx_store_close(st);
	st = NULL;
	{
		static const char *const pragma[] = {
			"PRAGMA user_version = -1", "PRAGMA user_version = 999",
		};
		static const char *const want[] = {
			"unknown schema version -1", "schema version 999 is newer",
		};

		for (size_t i = 0; i < 2; i++) {
			sqlite3 *db = NULL;

			CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
			CHECK_INT(sqlite3_exec(db, pragma[i], NULL, NULL, NULL),
			    SQLITE_OK);
			sqlite3_close(db);
			CHECK_INT(cidx_store_open(&st, p, 0, &err), CIDX_EDB);
			CHECK(st == NULL);
			CHECK_HAS(err.msg, want[i]);
		}
	}
	tmp_end();
}

/* a snapshot: what another connection writes after it began is not seen
 * until it ends; writing inside one is refused */
void
test_store__snapshot(void)
{
	static const char d1[] = "code,name,A\nU1,one,1\n";
	static const char d2[] = "code,name,A\nU1,uno,2\nU2,two,3\n";
	struct cidx_framework *fw = fw_with("A");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *rd = NULL, *wr = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_dataset *ds = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	path_of(p, sizeof(p), "ws.db");
	CHECK_INT(cidx_store_open(&wr, p, 1, &err), 0);
	if (wr == NULL)
		goto out;
	CHECK_INT(cidx_store_set_framework(wr, fw, "fw.csv", &err), 0);
	imp = batch(fw, "d1.csv", d1, 2020);
	CHECK_INT(import1(wr, imp, &ss, &err), 0);
	cidx_import_free(imp);

	CHECK_INT(cidx_store_open(&rd, p, 0, &err), 0);
	if (rd == NULL)
		goto out;
	CHECK_INT(cidx_store_snapshot(rd, &err), 0);
	/* a second call is harmless */
	CHECK_INT(cidx_store_snapshot(rd, &err), 0);
	imp = batch(fw, "d2.csv", d2, 2020);
	CHECK_INT(import1(wr, imp, &ss, &err), 0);
	CHECK_INT(ss.values_new, 1);
	/* the reader still sees the first state, names and values alike */
	CHECK_INT(cidx_store_load_year(rd, fw, 2020, &ds, &err), 0);
	if (ds != NULL) {
		CHECK_INT(ds->n_units, 1);
		CHECK_STR(ds->unit[0].name, "one");
		CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), 1, 0);
	}
	cidx_dataset_free(ds);
	ds = NULL;
	/* writing inside the snapshot is refused */
	CHECK_INT(import1(rd, imp, &ss, &err), CIDX_ERROR);
	CHECK_HAS(err.msg, "snapshot");
	cidx_store_snapshot_end(rd);
	CHECK_INT(cidx_store_load_year(rd, fw, 2020, &ds, &err), 0);
	if (ds != NULL) {
		CHECK_INT(ds->n_units, 2);
		CHECK_STR(ds->unit[0].name, "uno");
		CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), 2, 0);
	}
	/* closing inside a snapshot ends it */
	CHECK_INT(cidx_store_snapshot(rd, &err), 0);
out:
	cidx_dataset_free(ds);
	cidx_import_free(imp);
	cidx_store_close(rd);
	cidx_store_close(wr);
	cidx_framework_free(fw);
	tmp_end();
}

/*
 * The denominator column of a year: A is denominated by POP.  From
 *   code,A,B,POP / U1,1,2,100 / U2,3,,200 / U3,5,6,
 * the year's den column is POP (100, 200, -), and denominating gives
 *   A: 1 / 100 = 0.01, 3 / 200 = 0.015, U3 no POP: missing
 *   B (no denominator): 2, -, 6 as read.
 */
void
test_store__year_denominated_values(void)
{
	static const char d1[] = "code,A,B,POP\nU1,1,2,100\nU2,3,,200\nU3,5,6,\n";
	struct cidx_framework *fw = fw_per_pop("AB", "A");
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_prep_report rep;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_dataset *ds = NULL;
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	imp = batch(fw, "d1.csv", d1, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err), 0);
	if (ds == NULL || ds->den == NULL) {
		CHECK(ds != NULL && ds->den != NULL);
		goto out;
	}
	CHECK_INT(ds->n_units, 3);
	CHECK_INT(ds->n_den, 1);
	CHECK_DBL(gsl_matrix_get(ds->den, 0, 0), 100, 0);
	CHECK_DBL(gsl_matrix_get(ds->den, 1, 0), 200, 0);
	CHECK(isnan(gsl_matrix_get(ds->den, 2, 0)));
	m.denominate = 1;
	m.screen = 0;
	CHECK_INT(cidx_prepare(fw, ds, NULL, &m, &rep, &err), 0);
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), 0.01, 1e-15);
	CHECK_DBL(gsl_matrix_get(ds->x, 1, 0), 0.015, 1e-15);
	CHECK(isnan(gsl_matrix_get(ds->x, 2, 0)));
	CHECK_DBL(gsl_matrix_get(ds->x, 0, 1), 2, 0);
	CHECK(isnan(gsl_matrix_get(ds->x, 1, 1)));
	CHECK_DBL(gsl_matrix_get(ds->x, 2, 1), 6, 0);
	CHECK_INT(rep.n_denominated, 2);
	CHECK_INT(rep.n_den_missing, 1);
	cidx_prep_report_release(&rep);
out:
	cidx_import_free(imp);
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

/*
 * The import of each value is kept with the year's matrix (the `imports`
 * blob, WORKSPACE SCHEMA, matrices): after imports that add, change and
 * remove values, its runs expand to the import of each cell, 0 where
 * there is no value; an import that changes nothing writes nothing.
 */
void
test_store__matrix_keeps_imports(void)
{
	static const char d1[] = "code,A,B,POP\nU1,1,2,100\nU2,3,,200\nU3,5,6,\n";
	static const char d2[] = "code,A,B\nU1,1.5,2\nU2,,4\n";
	/* U1..U3 x A, B, POP: U1.A changed by #2, U2.A cleared, U2.B new */
	static const int want[9] = { 2, 1, 1, 0, 2, 1, 1, 1, 0 };
	struct cidx_framework *fw = fw_with("AB");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	sqlite3 *db = NULL;
	sqlite3_stmt *q = NULL;
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	imp = batch(fw, "d1.csv", d1, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	cidx_import_free(imp);
	imp = batch(fw, "d2.csv", d2, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 2, 1, 1, 1, 1, 0, 0);
	cidx_import_free(imp);
	imp = batch(fw, "d2.csv", d2, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_INT(ss.id, 0);
	CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, "SELECT imports, n_units, n_series, "
	    "(SELECT group_concat(code) FROM (SELECT code FROM series ORDER "
	    "BY id)) FROM matrices", -1, &q, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(q), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(q, 1), 3);
	CHECK_INT(sqlite3_column_int(q, 2), 3);
	CHECK_STR((const char *)sqlite3_column_text(q, 3), "A,B,POP");
	{
		const unsigned char *b = sqlite3_column_blob(q, 0);
		size_t nb = (size_t)sqlite3_column_bytes(q, 0), at = 0;
		int got[9] = { 0 };

		CHECK_INT(nb % 8, 0);
		for (size_t k = 0; b && k + 8 <= nb; k += 8) {
			int32_t run[2];

			memcpy(run, b + k, sizeof(run));
			for (int32_t e = 0; e < run[0] && at < 9; e++)
				got[at++] = run[1];
		}
		CHECK_INT(at, 9);
		/* runs are maximal: as many as the changes of id, plus one */
		CHECK_INT(nb / 8, 6);
		for (size_t i = 0; i < 9; i++)
			CHECK_INT(got[i], want[i]);
	}
	CHECK_INT(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	sqlite3_close(db);
	cidx_import_free(imp);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

/*
 * remove: the values import #2 wrote (one changed, one new) and the unit
 * it created go; a dry run reports the same and changes nothing; the
 * removal is logged; what matches nothing is an error.
 */
void
test_store__remove(void)
{
	static const char d1[] = "code,A,B\nU1,1,2\nU2,3,4\n";
	static const char d2[] = "code,A,B\nU1,10,2\nU3,5,\n";
	struct cidx_framework *fw = fw_with("AB");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_remove_filter f = CIDX_REMOVE_FILTER_INIT;
	struct cidx_remove_stats rs;
	struct cidx_dataset *ds = NULL;
	struct cidx_log_entry *log = NULL;
	size_t nlog = 0;
	char p[128];

	memset(&rs, 0, sizeof(rs));
	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	imp = batch(fw, "d1.csv", d1, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	cidx_import_free(imp);
	imp = batch(fw, "d2.csv", d2, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 2, 1, 1, 0, 1, 1, 0);

	/* #2 changed U1.A (1 -> 10) and wrote U3.A: undoing it puts 1 back
	 * and removes U3.A (IMPORT SEMANTICS) */
	f.import_id = 2;
	CHECK_INT(cidx_store_remove(st, &f, 1, WHEN, &rs, &err), 0);
	CHECK_INT(rs.id, 0);
	CHECK_INT(rs.values, 1);
	CHECK_INT(rs.restored, 1);
	CHECK_INT(rs.n_unit, 1);
	cidx_remove_stats_release(&rs);
	CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err), 0);
	CHECK(ds != NULL && ds->n_units == 3);
	cidx_dataset_free(ds);
	ds = NULL;

	CHECK_INT(cidx_store_remove(st, &f, 0, WHEN, &rs, &err), 0);
	CHECK_INT(rs.id, 3);
	CHECK_INT(rs.values, 1);
	CHECK_INT(rs.restored, 1);
	CHECK_INT(rs.n_count, 1);
	if (rs.n_count == 1) {
		CHECK_INT(rs.count[0].year, 2020);
		CHECK_STR(rs.count[0].indicator, "A");
		CHECK_INT(rs.count[0].values, 1);
	}
	CHECK_INT(rs.n_unit, 1);
	if (rs.n_unit == 1)
		CHECK_STR(rs.unit[0], "U3");
	cidx_remove_stats_release(&rs);
	/* U1.A was changed by #2: the value #1 wrote is back; U1.B stays */
	CHECK_INT(cidx_store_load_year(st, fw, 2020, &ds, &err), 0);
	if (ds != NULL) {
		CHECK_INT(ds->n_units, 2);
		CHECK_DBL(gsl_matrix_get(ds->x, 0, 0), 1, 0);
		CHECK_DBL(gsl_matrix_get(ds->x, 0, 1), 2, 0);
		CHECK_INT(ds->n_import_ids, 1);
	}
	CHECK_INT(cidx_store_log(st, &log, &nlog, &err), 0);
	CHECK_INT(nlog, 3);
	if (nlog == 3) {
		CHECK_STR(log[2].kind, "remove");
		CHECK_STR(log[2].file, "--import 2");
		CHECK_INT(log[2].values_removed, 1);
		CHECK_INT(log[2].values_changed, 1);   /* put back */
		CHECK_INT(log[2].units_removed, 1);
	}
	/* nothing left to match; a removal is no import; no filter at all */
	CHECK_INT(cidx_store_remove(st, &f, 0, WHEN, &rs, &err),
	    CIDX_ENOTFOUND);
	f.import_id = 3;
	CHECK_INT(cidx_store_remove(st, &f, 0, WHEN, &rs, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "is a removal");
	f.import_id = 0;
	CHECK_INT(cidx_store_remove(st, &f, 0, WHEN, &rs, &err), CIDX_EINVAL);
	cidx_store_log_free(log, nlog);
	cidx_dataset_free(ds);
	cidx_import_free(imp);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

/* boundaries: stored with the unit, the same text again changes nothing,
 * loaded for given codes (in that order, NULL where none) or for all */
void
test_store__boundaries(void)
{
	static const char b1[] = "code,boundary\n"
	    "U2,\"POLYGON ((0 0, 2 0, 2 2, 0 0))\"\n"
	    "U1,\"MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, "
	    "5 5)))\"\nU3,\n";
	struct cidx_framework *fw = fw_with("A");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	struct cidx_boundaries *b = NULL;
	const char *const codes[] = { "U3", "U1", "NOPE", "U2" };
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	imp = batch(fw, "b1.csv", b1, 0);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 1, 0, 0, 0, 0, 3, 0);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	CHECK_STATS(ss, 0, 0, 0, 0, 0, 0, 0);
	CHECK_INT(cidx_store_load_boundaries(st, codes, 4, &b, &err), 0);
	if (b != NULL) {
		CHECK_INT(b->n, 4);
		CHECK(b->geom[0] == NULL);
		CHECK(b->geom[2] == NULL);
		CHECK_STR(b->code[1], "U1");
		CHECK(b->geom[1] != NULL && b->geom[1]->n_polys == 2);
		CHECK(b->geom[3] != NULL && b->geom[3]->n_pts == 4);
		if (b->geom[3])
			CHECK_DBL(cidx_geom_area(b->geom[3]), 2, 1e-12);
	}
	cidx_boundaries_free(b);
	b = NULL;
	CHECK_INT(cidx_store_load_boundaries(st, NULL, 0, &b, &err), 0);
	if (b != NULL) {
		CHECK_INT(b->n, 2);
		if (b->n == 2) {
			CHECK_STR(b->code[0], "U1");
			CHECK_STR(b->code[1], "U2");
		}
	}
	cidx_boundaries_free(b);
	cidx_import_free(imp);
	cidx_framework_free(fw);
	fx_ws_end(st);
}

/* init: a new workspace appears whole (no temporary file left beside
 * it); an existing one has its framework replaced; a path that cannot be
 * created leaves nothing */
void
test_store__init(void)
{
	struct cidx_framework *fw = fw_with("AB"), *got = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	char p[128];
	int created = -1;
	size_t files = 0;

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	path_of(p, sizeof(p), "ws.db");
	CHECK_INT(cidx_store_init(p, fw, "fw.csv", &created, &err), 0);
	CHECK_INT(created, 1);
	{
		DIR *d = opendir(tmpdir);
		struct dirent *e;

		while (d && (e = readdir(d)) != NULL)
			files += e->d_name[0] != '.';
		if (d)
			closedir(d);
	}
	CHECK_INT(files, 1);
	CHECK_INT(cidx_store_init(p, fw, "fw.csv", &created, &err), 0);
	CHECK_INT(created, 0);
	CHECK_INT(cidx_store_open(&st, p, 0, &err), 0);
	if (st != NULL) {
		CHECK_INT(cidx_store_load_framework(st, &got, &err), 0);
		if (got)
			CHECK_STR(got->checksum, fw->checksum);
	}
	path_of(p, sizeof(p), "no/such/dir/ws.db");
	CHECK_INT(cidx_store_init(p, fw, "fw.csv", &created, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "cannot write");
	CHECK_HAS(err.msg, "No such file or directory");
	CHECK_INT(created, 0);
	cidx_framework_free(got);
	cidx_store_close(st);
	cidx_framework_free(fw);
	tmp_end();
}

/* counts equal to those of the loaded dataset */
static void
check_counts(struct cidx_store *st, const struct cidx_framework *fw,
    int year)
{
	struct cidx_err e1 = CIDX_ERR_INIT, e2 = CIDX_ERR_INIT;
	struct cidx_dataset *ds = NULL;
	size_t nu = 9, ni = 9, nv = 9, wi = 0, wv = 0;
	int r1, r2;

	r1 = cidx_store_load_year(st, fw, year, &ds, &e1);
	r2 = cidx_store_year_counts(st, fw, year, &nu, &ni, &nv, &e2);
	CHECK_INT(r2, r1);
	if (r1 < 0) {
		CHECK_STR(e2.msg, e1.msg);
		return;
	}
	cidx_dataset_counts(ds, &wi, &wv);
	CHECK_INT(nu, ds->n_units);
	CHECK_INT(ni, wi);
	CHECK_INT(nv, wv);
	cidx_dataset_free(ds);
}

/* the counts of several years at once are each year's; an error stops
 * at the year it names, the years before it counted */
static void
check_years_counts(struct cidx_store *st, const struct cidx_framework *fw)
{
	/* 2021 has denominator values only */
	static const int years[2] = { 2020, 2021 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_year_counts c[2];
	size_t done = 9, nu, ni, nv;

	CHECK_INT(cidx_store_years_counts(st, fw, years, 2, c, &done, &err),
	    CIDX_ENOTFOUND);
	CHECK_INT(done, 1);
	CHECK_HAS(err.msg, "no indicator data for year 2021");
	CHECK_INT(cidx_store_year_counts(st, fw, 2020, &nu, &ni, &nv, &err), 0);
	CHECK_INT(c[0].year, 2020);
	CHECK_INT(c[0].n_units, nu);
	CHECK_INT(c[0].n_ind, ni);
	CHECK_INT(c[0].n_val, nv);
	CHECK_INT(cidx_store_years_counts(st, fw, years, 1, c, &done, &err), 0);
	CHECK_INT(done, 1);
	CHECK_INT(c[0].n_val, nv);
}

/*
 * years' counts (cidx_store_year_counts()) are what loading the year
 * gives, and so are its errors: a year
 * with denominator values only, values of a unit that is not in units.
 */
void
test_store__year_counts(void)
{
	static const char d1[] = "code,A,B,POP\nU1,1,2,100\nU2,3,,200\nU3,5,6,\n";
	static const char d2[] = "code,A,B\nU1,1.5,2\nU2,,4\n";
	static const char d3[] = "code,POP\nU1,7\n";
	struct cidx_framework *fw = fw_with("AB");
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_import *imp = NULL;
	struct cidx_import_stats ss;
	sqlite3 *db = NULL;
	size_t nu, ni, nv;
	char p[128];

	if (fw == NULL || (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	imp = batch(fw, "d1.csv", d1, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	cidx_import_free(imp);
	imp = batch(fw, "d2.csv", d2, 2020);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	cidx_import_free(imp);
	imp = batch(fw, "d3.csv", d3, 2021);
	CHECK_INT(import1(st, imp, &ss, &err), 0);
	cidx_import_free(imp);
	CHECK_INT(cidx_store_year_counts(st, fw, 2020, &nu, &ni, &nv, &err), 0);
	CHECK_INT(nu, 3);
	CHECK_INT(ni, 2);
	CHECK_INT(nv, 5);
	check_counts(st, fw, 2020);
	check_counts(st, fw, 2021);
	check_counts(st, fw, 2019);
	check_years_counts(st, fw);
	CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "DELETE FROM unit_attrs; DELETE FROM units "
	    "WHERE code = 'U2'", NULL, NULL, NULL), SQLITE_OK);
	check_counts(st, fw, 2020);
	CHECK_INT(cidx_store_year_counts(st, fw, 2020, &nu, &ni, &nv, &err),
	    CIDX_EDB);
	/* a unit without a code, and one not in units: the first is said */
	CHECK_INT(sqlite3_exec(db, "UPDATE units SET code = x'5533' "
	    "WHERE code = 'U3'", NULL, NULL, NULL), SQLITE_OK);
	check_counts(st, fw, 2020);
	CHECK_INT(cidx_store_year_counts(st, fw, 2020, &nu, &ni, &nv, &err),
	    CIDX_EDB);
	CHECK_HAS(err.msg, "has no code");
	sqlite3_close(db);
	cidx_framework_free(fw);
	fx_ws_end(st);
}
