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

/* a wide batch: runs of the value columns, over more than one block (the
 * first grown, the later ones new), freed block by block as applied */
void
test_batch__wide_blocks(void)
{
	static const uint32_t node[3] = { 4, 2, 9 };
	struct cidx_import *imp = cidx_xcalloc(1, sizeof(*imp));
	size_t nrun, bad = 0;

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
	/* without release_values nothing is freed */
	for (size_t r = 0; r < imp->vals.runs_per; r++)
		cidx_import_run_done(imp, r);
	CHECK(imp->vals.blk[0] != NULL);
	/* with it, a block once all its runs are done, in any order */
	imp->release_values = 1;
	for (size_t r = imp->vals.runs_per; r-- > 1;)
		cidx_import_run_done(imp, r);
	CHECK(imp->vals.blk[0] != NULL);
	cidx_import_run_done(imp, 0);
	CHECK(imp->vals.blk[0] == NULL);
	CHECK(cidx_import_run_values(imp, 0) == NULL);
	CHECK(imp->vals.blk[1] != NULL);
	CHECK_DBL(cidx_import_run_values(imp, nrun - 1)[2],
	    (double)(3 * nrun - 1), 0);
	cidx_import_free(imp);
}
