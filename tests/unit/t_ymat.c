/*
 * ymat: a year's matrix in memory (store/yearmatrix.c, an internal
 * interface): the import of each value, kept without an array while one
 * import writes the year (imp_all), then one by one; the runs that code
 * them in the `imports` blob (store/matimports.c) and their check.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/err.h"
#include "store/internal.h"
#include "fixture.h"
#include "runner.h"

static const double nan_ = NAN;

void
test_ymat__imports_one_then_many(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st;
	struct cidx_ymat *m = NULL;
	struct cidx_runs runs = { NULL, 0, 0, 0, 0 };
	static const struct fx_node nodes[] = {
		{ "INDEX", NULL, AGG, 0, 1, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
	};
	int32_t back[6];
	char p[128];

	if (fx_framework(&fw, nodes, LEN(nodes), &err) < 0 ||
	    (st = fx_ws_begin(fw, p, sizeof(p))) == NULL) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		cidx_framework_free(fw);
		return;
	}
	/* an empty year, 2 units x 3 series: import 7 writes 4 values */
	CHECK_INT(cidx_ymat_load(st, 2030, 3, &m, &err), 0);
	if (m == NULL)
		goto out;
	for (int k = 0; k < 4; k++)
		cidx_ymat_set(m, cidx_ymat_row(m, 10 + k / 2),
		    (size_t)(k % 2 ? 2 : 0), 1.5 * k, 7);
	CHECK(m->imp == NULL);
	CHECK_INT(cidx_ymat_import_of(m, 0, 0), 7);
	CHECK_INT(cidx_ymat_import_of(m, 0, 1), 0);
	/* import 9 changes one: each value's import kept from then on */
	cidx_ymat_set(m, 1, 2, 42, 9);
	CHECK(m->imp != NULL);
	CHECK_INT(cidx_ymat_import_of(m, 0, 0), 7);
	CHECK_INT(cidx_ymat_import_of(m, 0, 2), 7);
	CHECK_INT(cidx_ymat_import_of(m, 1, 0), 7);
	CHECK_INT(cidx_ymat_import_of(m, 1, 1), 0);
	CHECK_INT(cidx_ymat_import_of(m, 1, 2), 9);
	/* coded: 7 _ 7 | 7 _ 9 -> (1,7) (1,0) (2,7) (1,0) (1,9) */
	cidx_runs_add(&runs, m->v, m->imp, 0, 6);
	cidx_runs_end(&runs);
	CHECK_INT(runs.n, 10);
	if (runs.n == 10) {
		static const int32_t want[10] = { 1, 7, 1, 0, 2, 7, 1, 0, 1, 9 };

		for (size_t i = 0; i < 10; i++)
			CHECK_INT(runs.p[i], want[i]);
		CHECK_INT(cidx_runs_decode(runs.p, 5, m->v, 6, back), 0);
		for (size_t i = 0; i < 6; i++)
			CHECK_INT(back[i], m->imp[i]);
		/* a run one short, one long, an import where no value is */
		CHECK_INT(cidx_runs_decode(runs.p, 5, m->v, 7, back), -1);
		CHECK_INT(cidx_runs_decode(runs.p, 5, m->v, 5, back), -1);
		runs.p[3] = 4;
		CHECK_INT(cidx_runs_decode(runs.p, 5, m->v, 6, back), -1);
	}
	cidx_runs_release(&runs);
	/* without an array: the one import for each value, 0 for none */
	{
		const double v[3] = { 1, nan_, 2 };

		cidx_runs_add(&runs, v, NULL, 5, 3);
		cidx_runs_end(&runs);
		CHECK_INT(runs.n, 6);
		if (runs.n == 6)
			CHECK(runs.p[0] == 1 && runs.p[1] == 5 && runs.p[2] == 1 &&
			    runs.p[3] == 0 && runs.p[4] == 1 && runs.p[5] == 5);
		cidx_runs_release(&runs);
	}
out:
	cidx_ymat_free(m);
	cidx_framework_free(fw);
	fx_ws_end(st);
}
