/*
 * t_effweight.c - effective weights and importance (calc/effweight.h;
 * issue 15 section 1).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/effweight.h"
#include "fixture.h"
#include "runner.h"

/*
 * INDEX <- P1 (A, B), P2 (C), all weights 1; B has no data in the year.
 * Nominal: A = B = 1/4, C = 1/2.  Effective: B drops out, A carries P1's
 * half.  A = 1 2 3 4, C = 4 1 1 1: min-max 0..100, the index is their
 * mean; numpy gives r(A) = 0.13484, r(C) = 0.52223, so importance A =
 * 1/16, C = 15/16, and the same for P1 and P2 (P1 = A, P2 = C).
 */
static const struct fx_node tree[] = {
	{ "INDEX", NULL, AGG, 3, 0, 1 },
	{ "P1", "INDEX", AGG, 2, 0, 1 },
	{ "A", "P1", IND, 1, 1, 1 },
	{ "B", "P1", IND, 1, 1, 1 },
	{ "P2", "INDEX", AGG, 2, 0, 1 },
	{ "C", "P2", IND, 1, 1, 1 },
};

static int
rank_fixture(struct cidx_framework **fw, struct cidx_ranking **r,
    double *w, const double *set_w)
{
	static const char *const codes[] = { "U1", "U2", "U3", "U4" };
	static const double x[4 * 3] = {
		1, NAN, 4,
		2, NAN, 1,
		3, NAN, 1,
		4, NAN, 1,
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_dataset *ds = fx_dataset(2020, codes, 4, x, 3);
	int ret;

	*r = NULL;
	if ((ret = fx_framework(fw, tree, LEN(tree), &err)) == 0) {
		cidx_calc_weights_default(*fw, w);
		if (set_w)
			memcpy(w, set_w, (*fw)->n * sizeof(double));
		ret = cidx_ranking_compute(r, *fw, ds, w, &m, NULL, 0, &err);
	}
	CHECK_INT(ret, 0);
	cidx_dataset_free(ds);
	return ret;
}

void
test_effweight__dropout(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_ranking *r = NULL;
	struct cidx_effweights *ew = NULL;
	double w[6];
	int a, b, c, p1, p2;

	if (rank_fixture(&fw, &r, w, NULL) < 0)
		goto out;
	cidx_effweights_compute(&ew, fw, w, r);
	a = cidx_framework_find(fw, "A");
	b = cidx_framework_find(fw, "B");
	c = cidx_framework_find(fw, "C");
	p1 = cidx_framework_find(fw, "P1");
	p2 = cidx_framework_find(fw, "P2");
	CHECK_DBL(ew->nominal[a], 0.25, 1e-15);
	CHECK_DBL(ew->nominal[b], 0.25, 1e-15);
	CHECK_DBL(ew->nominal[c], 0.5, 1e-15);
	CHECK_DBL(ew->effective[a], 0.5, 1e-15);
	CHECK_DBL(ew->effective[b], 0, 0);
	CHECK_DBL(ew->effective[c], 0.5, 1e-15);
	CHECK_DBL(ew->effective[fw->root], 1, 0);
	CHECK(!ew->present[b] && ew->present[a] && ew->present[p1]);
	CHECK(cidx_effweights_weightless(ew, (size_t)b));
	CHECK(!cidx_effweights_weightless(ew, (size_t)a));
	CHECK(isnan(ew->share[b]));
	CHECK_DBL(ew->share[a], 1, 1e-15);
	CHECK_DBL(ew->r[a], 0.13483997249264842, 1e-12);
	CHECK_DBL(ew->r[c], 0.5222329678670936, 1e-12);
	CHECK_DBL(ew->importance[a], 1.0 / 16, 1e-12);
	CHECK_DBL(ew->importance[c], 15.0 / 16, 1e-12);
	CHECK(isnan(ew->importance[b]));
	CHECK_DBL(ew->importance[p1], 1.0 / 16, 1e-12);
	CHECK_DBL(ew->importance[p2], 15.0 / 16, 1e-12);
	CHECK(isnan(ew->importance[fw->root]));
out:
	cidx_effweights_free(ew);
	cidx_ranking_free(r);
	cidx_framework_free(fw);
}

/* a weight of 0 (as --set P2=0 gives): P2 and C carry nothing, A all */
void
test_effweight__zero_weight(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_ranking *r = NULL;
	struct cidx_effweights *ew = NULL;
	double w[6], set[6];
	int a, c, p2;

	if (fx_framework(&fw, tree, LEN(tree), NULL) < 0)
		return;
	cidx_calc_weights_default(fw, set);
	set[cidx_framework_find(fw, "P2")] = 0;
	cidx_framework_free(fw);
	fw = NULL;
	if (rank_fixture(&fw, &r, w, set) < 0)
		goto out;
	cidx_effweights_compute(&ew, fw, w, r);
	a = cidx_framework_find(fw, "A");
	c = cidx_framework_find(fw, "C");
	p2 = cidx_framework_find(fw, "P2");
	CHECK_DBL(ew->nominal[a], 0.5, 1e-15);
	CHECK_DBL(ew->effective[a], 1, 1e-15);
	CHECK_DBL(ew->effective[p2], 0, 0);
	CHECK_DBL(ew->effective[c], 0, 0);
	CHECK(ew->present[c] && cidx_effweights_weightless(ew, (size_t)c));
out:
	cidx_effweights_free(ew);
	cidx_ranking_free(r);
	cidx_framework_free(fw);
}
