/*
 * batch: the runs and value blocks of an import batch (core/batch.h).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/batch.h"
#include "core/mem.h"
#include "runner.h"

/* a long batch: runs of one value, each with its node */
void
test_batch__long_runs(void)
{
	struct cidx_import *imp = cidx_xcalloc(1, sizeof(*imp));
	struct cidx_import_value v;

	*cidx_import_add_run(imp, 0, 2020, 2, 5) = 1.5;
	*cidx_import_add_run(imp, 1, 2021, 4, 7) = NAN;
	CHECK_INT(imp->width, 1);
	CHECK_INT(imp->n_run, 2);
	CHECK_INT(imp->n_val, 2);
	v = cidx_import_value_at(imp, 0);
	CHECK_INT(v.unit, 0);
	CHECK_INT(v.node, 5);
	CHECK_INT(v.year, 2020);
	CHECK_INT(v.line, 2);
	CHECK_DBL(v.value, 1.5, 0);
	v = cidx_import_value_at(imp, 1);
	CHECK_INT(v.node, 7);
	CHECK_INT(v.line, 4);
	CHECK(isnan(v.value));
	cidx_import_free(imp);
}

/*
 * Long rows join the run before when they are of its unit and year and on
 * the line after it (issue 17): a run of many keeps each value's node and
 * line; a gap in the lines, another unit or year, or a node past uint16_t
 * starts a run.
 */
void
test_batch__long_join(void)
{
	static const struct { uint32_t unit, line, node; int32_t year; }
	row[] = {
		{ 0, 2, 5, 2020 }, { 0, 3, 1, 2020 }, { 0, 4, 9, 2020 },
		{ 0, 5, 2, 2021 }, { 1, 6, 2, 2021 }, { 1, 8, 3, 2021 },
		{ 1, 9, 70000, 2021 }, { 1, 10, 4, 2021 }, { 1, 11, 6, 2021 },
	};
	static const size_t len[] = { 3, 1, 1, 1, 1, 2 };
	struct cidx_import *imp = cidx_xcalloc(1, sizeof(*imp));
	struct cidx_run_view w;
	size_t n = sizeof(row) / sizeof(row[0]), bad = 0;

	for (size_t i = 0; i < n; i++)
		cidx_import_add_value(imp, row[i].unit, row[i].year,
		    row[i].line, row[i].node, (double)i);
	CHECK_INT(imp->n_run, 6);
	CHECK_INT(imp->n_val, n);
	for (size_t r = 0; r < imp->n_run; r++)
		bad += cidx_import_run_len(imp, r) != len[r];
	for (size_t i = 0; i < n; i++) {
		struct cidx_import_value v = cidx_import_value_at(imp, i);

		bad += v.unit != row[i].unit || v.year != row[i].year ||
		    v.line != row[i].line || v.node != row[i].node ||
		    v.value != (double)i;
	}
	CHECK_INT(bad, 0);
	cidx_import_run_view(imp, 0, &w);
	CHECK_INT(w.n, 3);
	CHECK_INT(cidx_run_view_node(&w, 2), 9);
	CHECK_DBL(w.v[1], 1, 0);
	cidx_import_run_view(imp, 5, &w);
	CHECK_INT(cidx_run_view_node(&w, 1), 6);
	CHECK_DBL(w.v[1], 8, 0);
	cidx_import_free(imp);
}

/*
 * Many runs of many values, in chunks over more than one block, read back
 * in any order (as applyvals.c does by year), and blocks freed as their
 * runs are done.
 */
void
test_batch__long_blocks(void)
{
	struct cidx_import *imp = cidx_xcalloc(1, sizeof(*imp));
	size_t n, bad = 0, nrun, g = 0, k = 0;

	/* runs of 1 to 7 values (unit g % 5), until three blocks */
	for (n = 0; imp->vals.nblk < 3; n++) {
		cidx_import_add_value(imp, (uint32_t)(g % 5), 2000,
		    (uint32_t)n + 2, (uint32_t)k, (double)n);
		if (++k == g % 7 + 1) {
			k = 0;
			g++;
		}
	}
	nrun = imp->n_run;
	CHECK_INT(nrun, g + (k > 0));
	CHECK_INT(imp->n_val, n);
	for (size_t i = 0; i < n; i += 1 + i / 5) {
		struct cidx_import_value v = cidx_import_value_at(imp, i);

		bad += v.value != (double)i || v.line != i + 2;
	}
	/* runs read backwards */
	for (size_t r = nrun, i = n; r-- > 0;) {
		struct cidx_run_view w;

		cidx_import_run_view(imp, r, &w);
		i -= w.n;
		for (size_t j = 0; j < w.n; j++)
			bad += w.v[j] != (double)(i + j);
	}
	CHECK_INT(bad, 0);
	imp->release_values = 1;
	for (size_t r = 0; r < nrun; r++)
		cidx_import_run_done(imp, r);
	for (size_t b = 0; b < imp->vals.nblk; b++)
		bad += imp->vals.blk[b] != NULL || imp->vals.node[b] != NULL;
	CHECK_INT(bad, 0);
	cidx_import_free(imp);
}

/* a wide batch: runs of the value columns, over more than one block (the
 * first grown, the later ones new), freed block by block as applied */
void
test_batch__wide_blocks(void)
{
	static const uint32_t node[3] = { 4, 2, 9 };
	struct cidx_import *imp = cidx_xcalloc(1, sizeof(*imp));
	struct cidx_run_view w;
	size_t nrun, bad = 0, n0;

	cidx_import_set_cols(imp, node, 3);
	/* enough runs for three blocks */
	for (nrun = 0; imp->vals.nblk < 3; nrun++) {
		double *d = cidx_import_add_run(imp, (uint32_t)(nrun % 7),
		    2000 + (int32_t)(nrun % 3), (uint32_t)nrun + 2,
		    CIDX_RUN_COLS);

		for (size_t k = 0; k < 3; k++)
			d[k] = (double)(3 * nrun + k);
	}
	CHECK_INT(imp->n_run, nrun);
	CHECK_INT(imp->n_val, 3 * nrun);
	for (size_t i = 0; i < imp->n_val; i += 1 + i / 3) {
		struct cidx_import_value v = cidx_import_value_at(imp, i);

		bad += v.value != (double)i || v.node != node[i % 3] ||
		    v.unit != (i / 3) % 7 || v.line != i / 3 + 2 ||
		    v.year != 2000 + (int32_t)((i / 3) % 3);
	}
	CHECK_INT(bad, 0);
	/* block 0 holds whole chunks of runs */
	n0 = imp->vals.left[0];
	CHECK(n0 > 0 && n0 % CIDX_CHUNK_RUNS == 0);
	CHECK(imp->vals.cap[0] >= 3 * n0);
	/* without release_values nothing is freed */
	for (size_t r = 0; r < n0; r++)
		cidx_import_run_done(imp, r);
	CHECK(imp->vals.blk[0] != NULL);
	/* with it, a block once all its runs are done, in any order */
	imp->release_values = 1;
	for (size_t r = n0; r-- > 1;)
		cidx_import_run_done(imp, r);
	CHECK(imp->vals.blk[0] != NULL);
	cidx_import_run_done(imp, 0);
	CHECK(imp->vals.blk[0] == NULL);
	cidx_import_run_view(imp, 0, &w);
	CHECK(w.v == NULL);
	CHECK(imp->vals.blk[1] != NULL);
	cidx_import_run_view(imp, nrun - 1, &w);
	CHECK_INT(w.n, 3);
	CHECK_INT(cidx_run_view_node(&w, 1), 2);
	CHECK_DBL(w.v[2], (double)(3 * nrun - 1), 0);
	cidx_import_free(imp);
}
