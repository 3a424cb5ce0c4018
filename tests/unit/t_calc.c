/*
 * calc: framework building, normalisation, aggregation, ranking and the
 * whole pipeline (cityidx(1), METHOD: Normalisation, Aggregation, Ranking).
 *
 * Every expected number is worked out by hand in the comment above its
 * check; none is copied from the program's output.  Frameworks are built
 * in C with cidx_framework_build() so each test shows its whole tree.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/model.h"
#include "fixture.h"
#include "runner.h"

/*
 * The framework of the normalisation tests: six indicators directly under
 * the index.  Nodes: INDEX 0, A 1, B 2, C 3, D 4, E 5, F 6; matrix columns
 * A..F = 0..5.  B is "lower is better".
 */
static const struct fx_node norm_fw[] = {
	{ "INDEX", NULL, AGG, 0, 0, 1 },
	{ "A", "INDEX", IND, 1, 1, 1 },
	{ "B", "INDEX", IND, 1, -1, 1 },
	{ "C", "INDEX", IND, 1, 1, 1 },
	{ "D", "INDEX", IND, 1, 1, 1 },
	{ "E", "INDEX", IND, 1, 1, 1 },
	{ "F", "INDEX", IND, 1, 1, 1 },
};

/*
 * Five units.  A = B = {2,6,10,4,8}; C has a missing value; D is constant;
 * E has one value only; F has none.
 */
static const double norm_x[5 * 6] = {
	/* A   B   C   D  E   F */
	2, 2, 5, 7, NA, NA,
	6, 6, NA, 7, 3, NA,
	10, 10, 15, 7, NA, NA,
	4, 4, 10, 7, NA, NA,
	8, 8, 20, 7, NA, NA,
};

void
test_calc__framework_build_derived_orders(void)
{
	/* a 3-level tree and a denominator outside it */
	static const struct fx_node d[] = {
		{ "INDEX", NULL, AGG, 3, 0, 1 },
		{ "P1", "INDEX", AGG, 2, 0, 2 },
		{ "I1", "P1", IND, 1, 1, 1 },
		{ "I2", "P1", IND, 1, -1, 3 },
		{ "P2", "INDEX", AGG, 0, 0, 1 },
		{ "I3", "P2", IND, 0, 1, 1 },
		{ "POP", NULL, DEN, 0, 0, 1 },
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;

	CHECK_INT(fx_framework(&fw, d, 7, &err), 0);
	if (fw == NULL)
		return;
	CHECK_INT(fw->n, 7);
	CHECK_INT(fw->root, 0);
	/* indicators I1, I2, I3 (nodes 2, 3, 5) are columns 0, 1, 2 */
	CHECK_INT(fw->n_ind, 3);
	CHECK_INT(fw->ind[0], 2);
	CHECK_INT(fw->ind[1], 3);
	CHECK_INT(fw->ind[2], 5);
	CHECK_INT(fw->col[2], 0);
	CHECK_INT(fw->col[3], 1);
	CHECK_INT(fw->col[5], 2);
	CHECK_INT(fw->col[0], -1);
	CHECK_INT(fw->col[6], -1);
	/* levels: missing ones derived; the denominator is outside (0) */
	CHECK_INT(fw->node[0].level, 3);
	CHECK_INT(fw->node[4].level, 2);
	CHECK_INT(fw->node[5].level, 1);
	CHECK_INT(fw->node[6].level, 0);
	CHECK_INT(fw->top_level, 3);
	/* aggregates bottom-up: P1, P2 (level 2, file order), then INDEX */
	CHECK_INT(fw->n_agg, 3);
	CHECK_INT(fw->bottom_up[0], 1);
	CHECK_INT(fw->bottom_up[1], 4);
	CHECK_INT(fw->bottom_up[2], 0);
	/* below the root, level descending: P1, P2 */
	CHECK_INT(fw->top_down[0], 1);
	CHECK_INT(fw->top_down[1], 4);
	/* children in file order */
	CHECK_INT(fw->child_off[1] - fw->child_off[0], 2);
	CHECK_INT(fw->child[fw->child_off[0]], 1);
	CHECK_INT(fw->child[fw->child_off[0] + 1], 4);
	CHECK_INT(fw->child_off[2] - fw->child_off[1], 2);
	CHECK_INT(fw->child[fw->child_off[1]], 2);
	CHECK_INT(fw->child[fw->child_off[1] + 1], 3);
	CHECK_INT(fw->child_off[5] - fw->child_off[4], 1);
	CHECK_INT(fw->child[fw->child_off[4]], 5);
	CHECK_INT(fw->node[2].pidx, 1);
	CHECK_INT(fw->node[0].pidx, -1);
	CHECK_INT(fw->node[6].pidx, -1);
	/* an aggregate's direction is forced to +1 */
	CHECK_INT(fw->node[1].direction, 1);
	CHECK_INT(fw->node[3].direction, -1);
	CHECK_INT(cidx_framework_find(fw, "I3"), 5);
	CHECK_INT(cidx_framework_find(fw, "NOPE"), -1);
	CHECK_INT(strlen(fw->checksum), 64);
	cidx_framework_free(fw);
}

void
test_calc__framework_build_errors(void)
{
	static const struct fx_node dup[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
	};
	static const struct fx_node two_roots[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "OTHER", NULL, AGG, 0, 0, 1 },
		{ "B", "OTHER", IND, 0, 1, 1 },
	};
	static const struct fx_node unknown_parent[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "B", "NOPE", IND, 0, 1, 1 },
	};
	/* P and Q are each other's parent: a cycle beside the real tree */
	static const struct fx_node cycle[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "P", "Q", AGG, 0, 0, 1 },
		{ "Q", "P", AGG, 0, 0, 1 },
		{ "B", "P", IND, 0, 1, 1 },
	};
	static const struct fx_node dir2[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 2, 1 },
	};
	/* P1's children are indicators, so P1 is level 2, not 3 */
	static const struct fx_node bad_level[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "P1", "INDEX", AGG, 3, 0, 1 },
		{ "A", "P1", IND, 1, 1, 1 },
	};
	/* an indicator claiming level 2 */
	static const struct fx_node bad_ind_level[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 2, 1, 1 },
	};
	static const struct fx_node neg_weight[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, -0.5 },
	};
	static const struct fx_node ind_parent[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "B", "A", IND, 0, 1, 1 },
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = (struct cidx_framework *)&err;

	CHECK_INT(fx_framework(&fw, dup, 3, &err), CIDX_EINVAL);
	CHECK(fw == NULL);
	CHECK_INT(err.code, CIDX_EINVAL);
	CHECK_STR(err.msg, "test.csv: duplicate code 'A'");

	CHECK_INT(fx_framework(&fw, two_roots, 4, &err), CIDX_EINVAL);
	CHECK(fw == NULL);
	CHECK_HAS(err.msg, "exactly one root");
	CHECK_HAS(err.msg, "found 2");

	CHECK_INT(fx_framework(&fw, unknown_parent, 3, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "test.csv: 'B': unknown parent 'NOPE'");

	CHECK_INT(fx_framework(&fw, cycle, 5, &err), CIDX_EINVAL);
	CHECK(fw == NULL);
	CHECK_HAS(err.msg, "cycle");

	CHECK_INT(fx_framework(&fw, dir2, 2, &err), CIDX_EINVAL);
	CHECK_STR(err.msg,
	    "test.csv: indicator 'A': direction must be 1 or -1");

	CHECK_INT(fx_framework(&fw, bad_level, 3, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "test.csv: 'P1': level 3 given, but its children "
	    "make it level 2");

	CHECK_INT(fx_framework(&fw, bad_ind_level, 2, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'A': level 2 given");

	CHECK_INT(fx_framework(&fw, neg_weight, 2, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "weight must be a number >= 0");

	CHECK_INT(fx_framework(&fw, ind_parent, 3, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "parent 'A' is not an aggregate");
	CHECK(fw == NULL);
}

void
test_calc__normalise_minmax_default(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *x = mat(5, 6, norm_x), *s;
	int skipped[6] = { 9, 9, 9, 9, 9, 9 };

	CHECK_INT(fx_framework(&fw, norm_fw, 7, &err), 0);
	if (fw == NULL)
		return;
	s = gsl_matrix_alloc(5, fw->n);
	gsl_matrix_set_all(s, -999);
	CHECK_INT(cidx_calc_normalise(fw, x, &m, s, skipped, &err), 0);
	/* A: min 2, max 10, [0,100]: (x-2)/(10-2)*100
	 *   2 -> 0; 6 -> 4/8*100 = 50; 10 -> 100; 4 -> 2/8*100 = 25;
	 *   8 -> 6/8*100 = 75 */
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 0, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 50, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 1), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 1), 25, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 1), 75, 1e-12);
	/* B, direction -1: -x = {-2,-6,-10,-4,-8}, min -10, max -2:
	 *   2 -> (-2+10)/8*100 = 100; 6 -> (-6+10)/8*100 = 50;
	 *   10 -> 0; 4 -> 6/8*100 = 75; 8 -> 2/8*100 = 25 */
	CHECK_DBL(gsl_matrix_get(s, 0, 2), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 2), 50, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 2), 0, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 2), 75, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 2), 25, 1e-12);
	/* C, unit 1 missing: min 5, max 20 over {5,15,10,20}:
	 *   5 -> 0; NA -> NA; 15 -> 10/15*100 = 66.67; 10 -> 5/15*100 =
	 *   33.33; 20 -> 100 */
	CHECK_DBL(gsl_matrix_get(s, 0, 3), 0, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 3), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 2, 3), 200.0 / 3, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 3), 100.0 / 3, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 3), 100, 1e-12);
	/* D constant (max = min = 7): skipped, NaN for every unit, even
	 * though every unit has a value */
	for (size_t i = 0; i < 5; i++)
		CHECK_DBL(gsl_matrix_get(s, i, 4), NA, 0);
	/* E one value: skipped, NaN also for the unit that has it */
	CHECK_DBL(gsl_matrix_get(s, 1, 5), NA, 0);
	/* F no value at all */
	CHECK_DBL(gsl_matrix_get(s, 0, 6), NA, 0);
	CHECK_INT(skipped[0], CIDX_SKIP_NONE);
	CHECK_INT(skipped[1], CIDX_SKIP_NONE);
	CHECK_INT(skipped[2], CIDX_SKIP_NONE);
	CHECK_INT(skipped[3], CIDX_SKIP_CONSTANT);
	CHECK_INT(skipped[4], CIDX_SKIP_ONE);
	CHECK_INT(skipped[5], CIDX_SKIP_NODATA);
	/* skipped may be NULL */
	CHECK_INT(cidx_calc_normalise(fw, x, &m, s, NULL, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 50, 1e-12);
	gsl_matrix_free(s);
	gsl_matrix_free(x);
	cidx_framework_free(fw);
}

void
test_calc__normalise_minmax_1_100(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *x = mat(5, 6, norm_x), *s;

	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "minmax:1,100", &err), 0);
	CHECK_INT(fx_framework(&fw, norm_fw, 7, &err), 0);
	if (fw == NULL)
		return;
	s = gsl_matrix_alloc(5, fw->n);
	CHECK_INT(cidx_calc_normalise(fw, x, &m, s, NULL, &err), 0);
	/* A: 1 + (100-1)*(x-2)/8
	 *   2 -> 1; 6 -> 1 + 99*0.5 = 50.5; 10 -> 100;
	 *   4 -> 1 + 99*0.25 = 25.75; 8 -> 1 + 99*0.75 = 75.25 */
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 1, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 50.5, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 1), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 1), 25.75, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 1), 75.25, 1e-12);
	/* B (direction -1): the best raw value 2 gets the upper bound 100,
	 * the worst raw value 10 the lower bound 1; 4 -> 1 + 99*0.75 */
	CHECK_DBL(gsl_matrix_get(s, 0, 2), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 2), 1, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 2), 75.25, 1e-12);
	/* C: 1 + 99*(15-5)/15 = 1 + 66 = 67 */
	CHECK_DBL(gsl_matrix_get(s, 2, 3), 67, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 3), NA, 0);
	gsl_matrix_free(s);
	gsl_matrix_free(x);
	cidx_framework_free(fw);
}

void
test_calc__normalise_zscore_sample_sd(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *x = mat(5, 6, norm_x), *s;
	int skipped[6];
	double sd_a = sqrt(10.0), sd_c = sqrt(125.0 / 3);

	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "zscore", &err), 0);
	CHECK_INT(fx_framework(&fw, norm_fw, 7, &err), 0);
	if (fw == NULL)
		return;
	s = gsl_matrix_alloc(5, fw->n);
	CHECK_INT(cidx_calc_normalise(fw, x, &m, s, skipped, &err), 0);
	/* A = {2,6,10,4,8}: mean 30/5 = 6; deviations -4,0,4,-2,2;
	 * sum of squares 16+0+16+4+4 = 40; sample sd = sqrt(40/4) = sqrt(10)
	 * = 3.1623 (the population sd sqrt(8) would give -1.4142 for 2):
	 *   2 -> -4/sqrt(10) = -1.2649; 6 -> 0; 10 -> 1.2649;
	 *   4 -> -2/sqrt(10) = -0.6325; 8 -> 0.6325 */
	CHECK_DBL(gsl_matrix_get(s, 0, 1), -4 / sd_a, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 1), -1.2649, 1e-4);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 0, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 1), 4 / sd_a, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 3, 1), -2 / sd_a, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 1), 2 / sd_a, 1e-12);
	/* B (direction -1): -x has mean -6, same sd; 2 -> (-2+6)/sqrt(10) */
	CHECK_DBL(gsl_matrix_get(s, 0, 2), 4 / sd_a, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 2), -4 / sd_a, 1e-12);
	/* C over {5,15,10,20} (n = 4): mean 50/4 = 12.5; deviations
	 * -7.5, 2.5, -2.5, 7.5; squares 56.25+6.25+6.25+56.25 = 125;
	 * sd = sqrt(125/3) = 6.455: 5 -> -7.5/6.455 = -1.1619 */
	CHECK_DBL(gsl_matrix_get(s, 0, 3), -7.5 / sd_c, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 3), -1.1619, 1e-4);
	CHECK_DBL(gsl_matrix_get(s, 1, 3), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 4, 3), 7.5 / sd_c, 1e-12);
	/* D (sd 0), E (one value) and F (none) skipped */
	CHECK_INT(skipped[3], CIDX_SKIP_CONSTANT);
	CHECK_INT(skipped[4], CIDX_SKIP_ONE);
	CHECK_INT(skipped[5], CIDX_SKIP_NODATA);
	CHECK_DBL(gsl_matrix_get(s, 0, 4), NA, 0);

	/* zscore:100,10: 100 + 10*z
	 *   A: 2 -> 100 - 40/sqrt(10) = 87.351; 6 -> 100; 8 -> 106.325 */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "zscore:100,10", &err), 0);
	CHECK_INT(cidx_calc_normalise(fw, x, &m, s, skipped, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 100 - 40 / sd_a, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 87.351, 1e-5);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 4, 1), 100 + 20 / sd_a, 1e-12);
	gsl_matrix_free(s);
	gsl_matrix_free(x);
	cidx_framework_free(fw);
}

/*
 * Aggregation framework, 3 levels, unequal weights:
 *   INDEX <- P1 (w 2) <- I1 (w 1), I2 (w 3)
 *         <- P2 (w 1) <- I3 (w 1), I4 (w 1)
 * Nodes: INDEX 0, P1 1, I1 2, I2 3, P2 4, I3 5, I4 6.
 */
static const struct fx_node agg_fw[] = {
	{ "INDEX", NULL, AGG, 0, 0, 1 },
	{ "P1", "INDEX", AGG, 0, 0, 2 },
	{ "I1", "P1", IND, 0, 1, 1 },
	{ "I2", "P1", IND, 0, 1, 3 },
	{ "P2", "INDEX", AGG, 0, 0, 1 },
	{ "I3", "P2", IND, 0, 1, 1 },
	{ "I4", "P2", IND, 0, 1, 1 },
};

void
test_calc__aggregate_arith_renormalises_over_present_children(void)
{
	/* normalised scores in node columns I1, I2, I3, I4 */
	static const double y[4][4] = {
		{ 40, 80, 30, 50 },
		{ NA, 80, NA, NA },
		{ 20, NA, 60, NA },
		{ NA, NA, NA, NA },
	};
	static const size_t icol[4] = { 2, 3, 5, 6 };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *s;
	double w[7];

	CHECK_INT(fx_framework(&fw, agg_fw, 7, &err), 0);
	if (fw == NULL)
		return;
	CHECK_INT(fw->top_level, 3);
	cidx_calc_weights_default(fw, w);
	CHECK_DBL(w[1], 2, 0);
	CHECK_DBL(w[3], 3, 0);
	s = gsl_matrix_alloc(4, fw->n);
	gsl_matrix_set_all(s, NA);
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < 4; j++)
			gsl_matrix_set(s, i, icol[j], y[i][j]);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, NULL, &err), 0);
	/* unit 0, everything present:
	 *   P1 = (1*40 + 3*80)/(1+3) = 280/4 = 70
	 *   P2 = (30 + 50)/2 = 40
	 *   INDEX = (2*70 + 1*40)/(2+1) = 180/3 = 60 */
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 70, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 4), 40, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 0), 60, 1e-12);
	/* unit 1: only I2 = 80
	 *   P1 = 3*80/3 = 80 (weight renormalised over I2 alone)
	 *   P2: no child has a value -> NaN
	 *   INDEX = 2*80/2 = 80 (P2 left out) */
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 80, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 4), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), 80, 1e-12);
	/* unit 2: I1 = 20, I3 = 60
	 *   P1 = 20, P2 = 60, INDEX = (2*20 + 1*60)/3 = 100/3 = 33.33 */
	CHECK_DBL(gsl_matrix_get(s, 2, 1), 20, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 4), 60, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 2, 0), 100.0 / 3, 1e-12);
	/* unit 3: all missing -> NaN at every level */
	CHECK_DBL(gsl_matrix_get(s, 3, 1), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 3, 4), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 3, 0), NA, 0);

	/* weights from the caller: I2 weighs 0 and P2 weighs 3
	 *   unit 0: P1 = 40 (I1 alone), P2 = 40, INDEX = (2*40+3*40)/5 = 40
	 *   unit 1: P1's only present child weighs 0 -> NaN; INDEX NaN
	 *   unit 2: P1 = 20, P2 = 60, INDEX = (2*20 + 3*60)/5 = 220/5 = 44 */
	w[3] = 0;
	w[4] = 3;
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, NULL, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 40, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 0, 0), 40, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), NA, 0);
	CHECK_DBL(gsl_matrix_get(s, 2, 0), 44, 1e-12);
	gsl_matrix_free(s);
	cidx_framework_free(fw);
}

/* INDEX <- A (w 1), B (w 3); nodes INDEX 0, A 1, B 2 */
static const struct fx_node gh_fw[] = {
	{ "INDEX", NULL, AGG, 0, 0, 1 },
	{ "A", "INDEX", IND, 0, 1, 1 },
	{ "B", "INDEX", IND, 0, 1, 3 },
};

static void
set_ab(gsl_matrix *s, size_t i, double a, double b)
{
	gsl_matrix_set(s, i, 0, NA);
	gsl_matrix_set(s, i, 1, a);
	gsl_matrix_set(s, i, 2, b);
}

void
test_calc__aggregate_geom_and_harm(void)
{
	static const char *const codes[] = { "U1", "U2" };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *s;
	double w[3];

	CHECK_INT(fx_framework(&fw, gh_fw, 3, &err), 0);
	if (fw == NULL)
		return;
	cidx_calc_weights_default(fw, w);
	s = gsl_matrix_alloc(2, 3);
	set_ab(s, 0, 1, 16);
	set_ab(s, 1, 2, NA);

	/* arith: U1 (1*1 + 3*16)/4 = 49/4 = 12.25; U2 = 2 */
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 0, 0), 12.25, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), 2, 1e-12);

	/* geom: U1 exp((1*ln 1 + 3*ln 16)/4) = 16^(3/4) = 8;
	 * U2: only A = 2 -> 2 */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom", &err), 0);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 0, 0), 8, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), 2, 1e-12);

	/* harm: U1 (1+3)/(1/1 + 3/16) = 4/(19/16) = 64/19 = 3.3684;
	 * U2: 1/(1/2) = 2 */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "harm", &err), 0);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 0, 0), 64.0 / 19, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), 2, 1e-12);

	/* a value <= 0 is an error naming the unit and the indicator */
	set_ab(s, 1, 0, NA);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err),
	    CIDX_ENUMERIC);
	CHECK_INT(err.code, CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "harmonic");
	CHECK_HAS(err.msg, "unit 'U2'");
	CHECK_HAS(err.msg, "'A' = 0");
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom", &err), 0);
	set_ab(s, 1, 5, -1);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "geometric");
	CHECK_HAS(err.msg, "unit 'U2'");
	CHECK_HAS(err.msg, "'B' = -1");
	/* without unit codes the unit shows as '?' */
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, NULL, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "unit '?'");
	/* arith takes the same numbers: (1*5 + 3*(-1))/4 = 2/4 = 0.5 */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "arith", &err), 0);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 1, 0), 0.5, 1e-12);
	gsl_matrix_free(s);
	cidx_framework_free(fw);
}

void
test_calc__rank_competition_ties_by_code(void)
{
	/* unit: 0 E 50, 1 C 80, 2 B 80, 3 D NaN, 4 A 90
	 * descending: A 90 -> 1; B 80, C 80 -> 2, 2 (B first by code);
	 * E 50 -> 4 (competition ranking skips 3); D unranked */
	static const double score[5] = { 50, 80, 80, NA, 90 };
	static const char *const codes[5] = { "E", "C", "B", "D", "A" };
	size_t order[5], n_ranked = 99;
	int rank[5];

	cidx_rank(score, 5, codes, order, rank, &n_ranked);
	CHECK_INT(n_ranked, 4);
	CHECK_INT(order[0], 4);
	CHECK_INT(order[1], 2);
	CHECK_INT(order[2], 1);
	CHECK_INT(order[3], 0);
	CHECK_INT(rank[4], 1);
	CHECK_INT(rank[2], 2);
	CHECK_INT(rank[1], 2);
	CHECK_INT(rank[0], 4);
	CHECK_INT(rank[3], 0);
}

void
test_calc__rank_ties_in_byte_order_and_all_nan(void)
{
	/* three-way tie: byte order puts "Z" (0x5a) before "a" (0x61) and
	 * "a" before "ab"; ranks 1, 1, 1, then 4 */
	static const double score[4] = { 7, 7, 7, 6 };
	static const char *const codes[4] = { "ab", "a", "Z", "0" };
	static const double none[2] = { NA, NA };
	size_t order[4], n_ranked;
	int rank[4];

	cidx_rank(score, 4, codes, order, rank, &n_ranked);
	CHECK_INT(n_ranked, 4);
	CHECK_INT(order[0], 2);
	CHECK_INT(order[1], 1);
	CHECK_INT(order[2], 0);
	CHECK_INT(order[3], 3);
	CHECK_INT(rank[0], 1);
	CHECK_INT(rank[1], 1);
	CHECK_INT(rank[2], 1);
	CHECK_INT(rank[3], 4);
	cidx_rank(none, 2, codes, order, rank, &n_ranked);
	CHECK_INT(n_ranked, 0);
	CHECK_INT(rank[0], 0);
	CHECK_INT(rank[1], 0);
}

/*
 * End to end: 5 units, 2 pillars.
 *   INDEX <- P1 <- I1 (+1), I2 (-1)
 *         <- P2 <- I3 (+1)           all weights 1
 * Nodes: INDEX 0, P1 1, I1 2, I2 3, P2 4, I3 5.
 */
static const struct fx_node e2e_fw[] = {
	{ "INDEX", NULL, AGG, 3, 0, 1 },
	{ "P1", "INDEX", AGG, 2, 0, 1 },
	{ "I1", "P1", IND, 1, 1, 1 },
	{ "I2", "P1", IND, 1, -1, 1 },
	{ "P2", "INDEX", AGG, 2, 0, 1 },
	{ "I3", "P2", IND, 1, 1, 1 },
};

static struct cidx_dataset *
e2e_data(void)
{
	static const char *const codes[5] = { "U1", "U2", "U3", "U4", "U5" };
	static const double x[5 * 3] = {
		/* I1  I2  I3 */
		10, 5, 0,
		20, 1, 100,
		30, 3, 50,
		40, 2, NA,
		50, 4, 25,
	};
	return fx_dataset(2020, codes, 5, x, 3);
}

void
test_calc__ranking_compute_end_to_end(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *ds = e2e_data();
	struct cidx_ranking *r = NULL;
	struct cidx_tierspec ts;
	double w[6];

	CHECK_INT(fx_framework(&fw, e2e_fw, 6, &err), 0);
	if (fw == NULL) {
		cidx_dataset_free(ds);
		return;
	}
	cidx_calc_weights_default(fw, w);
	CHECK_INT(cidx_tierspec_parse(&ts, "jenks:2", &err), 0);
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, &ts, 0, &err), 0);
	if (r == NULL)
		goto out;
	/*
	 * I1 {10,20,30,40,50}: min 10, max 50 -> 0, 25, 50, 75, 100
	 * I2 {5,1,3,2,4}, direction -1: -x min -5, max -1,
	 *    (5-x)/4*100 -> 0, 100, 50, 75, 25
	 * I3 {0,100,50,NA,25}: min 0, max 100 -> 0, 100, 50, NA, 25
	 * P1 = mean(I1, I2): U1 0, U2 62.5, U3 50, U4 75, U5 62.5
	 * P2 = I3:           U1 0, U2 100,  U3 50, U4 NA, U5 25
	 * INDEX = mean of the present pillars:
	 *    U1 0; U2 (62.5+100)/2 = 81.25; U3 50; U4 75 (P1 alone);
	 *    U5 (62.5+25)/2 = 43.75
	 */
	CHECK_INT(r->n, 5);
	CHECK_INT(r->skipped[0] + r->skipped[1] + r->skipped[2], 0);
	CHECK_DBL(gsl_matrix_get(r->s, 1, 3), 100, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 3, 3), 75, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 1, 1), 62.5, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 4, 1), 62.5, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 3, 4), NA, 0);
	CHECK_DBL(gsl_matrix_get(r->s, 0, 0), 0, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 1, 0), 81.25, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 2, 0), 50, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 3, 0), 75, 1e-12);
	CHECK_DBL(gsl_matrix_get(r->s, 4, 0), 43.75, 1e-12);
	/* ranks: U2 81.25 -> 1, U4 75 -> 2, U3 50 -> 3, U5 43.75 -> 4,
	 * U1 0 -> 5 */
	CHECK_INT(r->n_ranked, 5);
	CHECK_INT(r->n_top, 5);
	CHECK_INT(r->order[0], 1);
	CHECK_INT(r->order[1], 3);
	CHECK_INT(r->order[2], 2);
	CHECK_INT(r->order[3], 4);
	CHECK_INT(r->order[4], 0);
	CHECK_INT(r->rank[0], 5);
	CHECK_INT(r->rank[1], 1);
	CHECK_INT(r->rank[3], 2);
	/*
	 * jenks:2 on 81.25, 75, 50, 43.75, 0 (SSD = sum of squared
	 * deviations from the class mean):
	 *   {81.25} | {75,50,43.75,0}: 0 + 2919.9 (mean 42.1875)
	 *   {81.25,75} | {50,43.75,0}: 19.53 + 1484.375 = 1503.9
	 *   {81.25,75,50} | {43.75,0}: 546.875 + 957.03 = 1503.9
	 *   {81.25,75,50,43.75} | {0}: mean 62.5, 18.75^2*2 + 12.5^2*2 =
	 *      703.125 + 312.5 = 1015.625 + 0  <- the least
	 * so U1 alone in tier 2
	 */
	CHECK_INT(r->tier[0], 2);
	CHECK_INT(r->tier[1], 1);
	CHECK_INT(r->tier[2], 1);
	CHECK_INT(r->tier[3], 1);
	CHECK_INT(r->tier[4], 1);
	cidx_ranking_free(r);
	r = NULL;
	cidx_tierspec_release(&ts);

	/* top 3 with counts:1,1: U2 tier 1, U4 tier 2; U3 (rank 3) is in the
	 * top 3 but beyond the counts; U5 and U1 are outside the top 3 */
	CHECK_INT(cidx_tierspec_parse(&ts, "counts:1,1", &err), 0);
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, &ts, 3, &err), 0);
	if (r == NULL)
		goto out;
	CHECK_INT(r->n_top, 3);
	CHECK_INT(r->tier[1], 1);
	CHECK_INT(r->tier[3], 2);
	CHECK_INT(r->tier[2], 0);
	CHECK_INT(r->tier[4], 0);
	CHECK_INT(r->tier[0], 0);
	cidx_ranking_free(r);
	r = NULL;

	/* no tiers */
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err), 0);
	if (r != NULL)
		CHECK_INT(r->tier[1], 0);
	cidx_ranking_free(r);
	r = NULL;

	/* geom on minmax 0..100: U1 has 0 -> an error, no result */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom", &err), 0);
	r = (struct cidx_ranking *)&err;
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err),
	    CIDX_ENUMERIC);
	CHECK(r == NULL);
	CHECK_HAS(err.msg, "unit 'U1'");
	CHECK_HAS(err.msg, "'I1' = 0");
	/* with minmax:1,100 the same data aggregate geometrically:
	 * U2: I1 1 + 99*0.25 = 25.75, I2 100 -> P1 = sqrt(2575) */
	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "minmax:1,100", &err), 0);
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err), 0);
	if (r != NULL)
		CHECK_DBL(gsl_matrix_get(r->s, 1, 1), sqrt(25.75 * 100), 1e-12);
out:
	cidx_ranking_free(r);
	cidx_tierspec_release(&ts);
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
}

/*
 * The other normalisations (cityidx(1), METHOD, Normalisation) on two
 * indicators under the index: P (direction +1) = {2, 4, 4, 10} and M
 * (direction -1) = {1, 2, 4, NA}.  Nodes: INDEX 0, P 1, M 2; columns P 0,
 * M 1.
 */
static const struct fx_node more_fw[] = {
	{ "INDEX", NULL, AGG, 0, 0, 1 },
	{ "P", "INDEX", IND, 1, 1, 1 },
	{ "M", "INDEX", IND, 1, -1, 1 },
};

static const double more_x[4 * 2] = {
	2, 1,
	4, 2,
	4, 4,
	10, NA,
};

static void
norm_case(const char *spec, const double *want_p, const double *want_m)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *x = mat(4, 2, more_x), *s = gsl_matrix_alloc(4, 3);
	int skipped[2];

	CHECK(fx_framework(&fw, more_fw, 3, &err) == 0);
	CHECK(cidx_method_set(&m, CIDX_MK_NORMALISE, spec, &err) == 0);
	CHECK(cidx_calc_normalise(fw, x, &m, s, skipped, &err) == 0);
	for (size_t i = 0; i < 4; i++) {
		CHECK_DBL(gsl_matrix_get(s, i, 1), want_p[i], 1e-12);
		CHECK_DBL(gsl_matrix_get(s, i, 2), want_m[i], 1e-12);
	}
	gsl_matrix_free(x);
	gsl_matrix_free(s);
	cidx_framework_free(fw);
}

void
test_calc__normalise_rank_and_percentile(void)
{
	/*
	 * rank, ascending, ties averaged: P 2 -> 1, 4 and 4 -> (2+3)/2 = 2.5,
	 * 10 -> 4.  M is lower-is-better: y = -x = {-1,-2,-4}: -4 -> 1,
	 * -2 -> 2, -1 -> 3, so x = 1 gets 3, x = 2 gets 2, x = 4 gets 1.
	 */
	static const double rp[] = { 1, 2.5, 2.5, 4 }, rm[] = { 3, 2, 1, NA };
	/*
	 * percentile, ties at the lowest rank: P ranks 1,2,2,4 over n = 4:
	 * (r-1)/(n-1)*100 = 0, 100/3, 100/3, 100.  M ranks 3,2,1 over n = 3:
	 * (3-1)/2*100 = 100, 50, 0.
	 */
	static const double pp[] = { 0, 100.0 / 3, 100.0 / 3, 100 };
	static const double pm[] = { 100, 50, 0, NA };

	norm_case("rank", rp, rm);
	norm_case("percentile", pp, pm);
}

void
test_calc__normalise_distmax_and_goalposts(void)
{
	/*
	 * distmax: P 100 x / max = 100 x / 10 = 20, 40, 40, 100; M (direction
	 * -1) 100 min / x = 100 * 1 / x = 100, 50, 25.
	 */
	static const double dp[] = { 20, 40, 40, 100 }, dm[] = { 100, 50, 25, NA };
	/*
	 * goalposts:0,8: P 100 (x - 0) / 8 = 25, 50, 50, 125 -> clipped 100;
	 * M 100 (8 - x) / 8 = 87.5, 75, 50.
	 */
	static const double gp[] = { 25, 50, 50, 100 }, gm[] = { 87.5, 75, 50, NA };

	norm_case("distmax", dp, dm);
	norm_case("goalposts:0,8", gp, gm);
}

void
test_calc__normalise_ratio_needs_direction_plus_one(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *x = mat(4, 2, more_x), *s = gsl_matrix_alloc(4, 3);
	gsl_matrix_view p = gsl_matrix_submatrix(x, 0, 0, 4, 1);
	/* only P: ratio = 100 x / mean, mean = (2+4+4+10)/4 = 5: 40 80 80 200 */
	static const struct fx_node one[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "P", "INDEX", IND, 1, 1, 1 },
	};
	struct cidx_framework *f1 = NULL;
	gsl_matrix *s1 = gsl_matrix_alloc(4, 2);

	CHECK(fx_framework(&fw, more_fw, 3, &err) == 0);
	CHECK(cidx_method_set(&m, CIDX_MK_NORMALISE, "ratio", &err) == 0);
	CHECK(cidx_calc_normalise(fw, x, &m, s, NULL, &err) == CIDX_EINVAL);
	CHECK_HAS(err.msg, "'M'");
	CHECK(fx_framework(&f1, one, 2, &err) == 0);
	CHECK(cidx_calc_normalise(f1, &p.matrix, &m, s1, NULL, &err) == 0);
	CHECK_DBL(gsl_matrix_get(s1, 0, 1), 40, 1e-12);
	CHECK_DBL(gsl_matrix_get(s1, 1, 1), 80, 1e-12);
	CHECK_DBL(gsl_matrix_get(s1, 3, 1), 200, 1e-12);
	gsl_matrix_free(x);
	gsl_matrix_free(s);
	gsl_matrix_free(s1);
	cidx_framework_free(fw);
	cidx_framework_free(f1);
}

void
test_calc__normalise_panel_scale(void)
{
	/*
	 * Two years of P alone: year A {0, 10}, year B {5, 5}.  Over the panel
	 * min 0 and max 10, so year B scores (5-0)/(10-0)*100 = 50 for both
	 * units, although B alone has no spread (and is skipped per year).
	 */
	static const struct fx_node one[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "P", "INDEX", IND, 1, 1, 1 },
	};
	static const double a[] = { 0, 10 }, b[] = { 5, 5 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *xa = mat(2, 1, a), *xb = mat(2, 1, b);
	gsl_matrix *s = gsl_matrix_alloc(2, 2);
	const gsl_matrix *both[2] = { xa, xb };
	struct cidx_norm_stats st[1];
	int skipped[1];

	CHECK(fx_framework(&fw, one, 2, &err) == 0);
	cidx_calc_norm_stats(fw, both, 2, st);
	CHECK_INT(st[0].n, 4);
	CHECK_DBL(st[0].lo, 0, 0);
	CHECK_DBL(st[0].hi, 10, 0);
	CHECK(cidx_calc_normalise_with(fw, xb, &m, st, s, skipped, &err) == 0);
	CHECK_INT(skipped[0], CIDX_SKIP_NONE);
	CHECK_DBL(gsl_matrix_get(s, 0, 1), 50, 1e-12);
	CHECK_DBL(gsl_matrix_get(s, 1, 1), 50, 1e-12);
	CHECK(cidx_calc_normalise(fw, xb, &m, s, skipped, &err) == 0);
	CHECK_INT(skipped[0], CIDX_SKIP_CONSTANT);
	CHECK(isnan(gsl_matrix_get(s, 0, 1)));
	gsl_matrix_free(xa);
	gsl_matrix_free(xb);
	gsl_matrix_free(s);
	cidx_framework_free(fw);
}

void
test_calc__aggregate_per_level(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;

	/* "2=geom,3=harm": level 2 geometric, level 3 harmonic, others arith */
	CHECK(cidx_method_set(&m, CIDX_MK_AGGREGATE, "2=geom,3=harm", &err) == 0);
	CHECK_INT(cidx_method_agg_at(&m, 2), CIDX_AGG_GEOM);
	CHECK_INT(cidx_method_agg_at(&m, 3), CIDX_AGG_HARM);
	CHECK_INT(cidx_method_agg_at(&m, 4), CIDX_AGG_ARITH);
	CHECK(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom,3=arith", &err) == 0);
	CHECK_INT(cidx_method_agg_at(&m, 2), CIDX_AGG_GEOM);
	CHECK_INT(cidx_method_agg_at(&m, 3), CIDX_AGG_ARITH);
	CHECK(cidx_method_set(&m, CIDX_MK_AGGREGATE, "2=mean", &err) != 0);
	CHECK(cidx_method_set(&m, CIDX_MK_AGGREGATE, "1=geom", &err) != 0);
	CHECK(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom,", &err) != 0);
}

void
test_calc__global_weights(void)
{
	/*
	 * INDEX -> TALENT (w 3), MARKET (w 1); TALENT -> GRADS (1), RD (1);
	 * MARKET -> FIRMS (2), SO2 (2).  Global weights: TALENT 3/4, MARKET
	 * 1/4, GRADS 3/4 * 1/2 = 3/8, RD 3/8, FIRMS 1/4 * 1/2 = 1/8, SO2 1/8.
	 */
	static const struct fx_node t[] = {
		{ "INDEX", NULL, AGG, 0, 0, 1 },
		{ "TALENT", "INDEX", AGG, 0, 0, 3 },
		{ "MARKET", "INDEX", AGG, 0, 0, 1 },
		{ "GRADS", "TALENT", IND, 1, 1, 1 },
		{ "RD", "TALENT", IND, 1, 1, 1 },
		{ "FIRMS", "MARKET", IND, 1, 1, 2 },
		{ "SO2", "MARKET", IND, 1, -1, 2 },
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	double w[7], gw[7], share[7];
	unsigned char present[7] = { 1, 1, 1, 1, 1, 1, 1 };

	CHECK(fx_framework(&fw, t, 7, &err) == 0);
	cidx_calc_weights_default(fw, w);
	cidx_global_weights(fw, w, fw->root, NULL, NULL, gw);
	CHECK_DBL(gw[1], 0.75, 1e-15);
	CHECK_DBL(gw[3], 0.375, 1e-15);
	CHECK_DBL(gw[6], 0.125, 1e-15);
	cidx_global_weights(fw, w, 2, NULL, share, gw);
	CHECK_DBL(gw[5], 0.5, 1e-15);
	CHECK_DBL(gw[3], 0, 0);
	CHECK_DBL(share[2], 1, 0);
	CHECK_DBL(share[5], 0.5, 0);
	CHECK(isnan(share[3]) && isnan(share[0]));
	/* RD absent: GRADS takes TALENT's whole share; MARKET absent: the
	 * index is TALENT (weights 3 and 1 -> 1 and 0) */
	present[4] = 0;
	cidx_global_weights(fw, w, fw->root, present, share, gw);
	CHECK_DBL(gw[3], 0.75, 1e-15);
	CHECK_DBL(share[3], 1, 0);
	CHECK_DBL(gw[4], 0, 0);
	CHECK(isnan(share[4]));
	CHECK_DBL(gw[5], 0.125, 1e-15);
	present[2] = 0;
	cidx_global_weights(fw, w, fw->root, present, share, gw);
	CHECK_DBL(gw[1], 1, 1e-15);
	CHECK_DBL(gw[3], 1, 1e-15);
	CHECK_DBL(gw[5], 0, 0);
	CHECK(isnan(share[5]) && isnan(share[2]));
	/* a group whose present children weigh 0 gives its children nothing */
	w[3] = 0;
	present[2] = 1;
	present[4] = 0;
	cidx_global_weights(fw, w, fw->root, present, share, gw);
	CHECK(isnan(share[3]));
	CHECK_DBL(gw[3], 0, 0);
	CHECK_DBL(gw[5], 0.125, 1e-15);
	cidx_framework_free(fw);
}

/*
 * A score is a finite number or the ranking is an error: never Inf (which
 * ranked first) and never a NaN computed from data (which left the unit
 * unranked, or dropped the indicator, without a word).
 *   INDEX <- I1 (+1), I2 (+1); 5 units, I2 = 1..5.
 * Before the checks: distmax on I1 near 1.8e308 gave Inf to every unit
 * (all rank 1); ratio and zscore on values whose sum or spread overflow
 * gave every unit the same I1 (0), so I2 alone ranked them; framework
 * weights of 1e308 made 4 of 5 index values NaN (unranked); TOPSIS on
 * 1e200 dropped I1; minmax:-1e9,1e9 on 0 .. 1e300 gave Inf.
 */
static int
rank_big(const double *i1, const double *w_i, const char *norm,
    const char *method, struct cidx_ranking **out, struct cidx_err *err)
{
	static const char *const codes[5] = { "U1", "U2", "U3", "U4", "U5" };
	struct fx_node nodes[3] = {
		{ "INDEX", NULL, AGG, 2, 0, 1 },
		{ "I1", "INDEX", IND, 1, 1, 1 },
		{ "I2", "INDEX", IND, 1, 1, 1 },
	};
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *ds;
	double x[10], w[3];
	int ret;

	*out = NULL;
	for (size_t i = 0; i < 5; i++) {
		x[2 * i] = i1[i];
		x[2 * i + 1] = (double)(i + 1);
	}
	if (w_i != NULL)
		nodes[1].w = nodes[2].w = *w_i;
	if ((ret = fx_framework(&fw, nodes, 3, err)) < 0)
		return ret;
	ds = fx_dataset(2020, codes, 5, x, 2);
	cidx_calc_weights_default(fw, w);
	if (norm != NULL)
		CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, norm, err), 0);
	if (method != NULL)
		CHECK_INT(cidx_method_set(&m, CIDX_MK_METHOD, method, err), 0);
	ret = cidx_ranking_compute(out, fw, ds, w, &m, NULL, 0, err);
	if (ret == 0)
		for (size_t i = 0; i < 5; i++)
			CHECK(isfinite(gsl_matrix_get((*out)->s, i, 0)));
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
	return ret;
}

void
test_calc__scores_are_finite_or_an_error(void)
{
	static const double huge[5] = { 1e308, 1.5e308, 1e308, 1.2e308,
		1.7e308 };
	static const double wide[5] = { -1e308, 1e308, 0, 1, 2 };
	static const double far[5] = { 0, 1e300, 5e299, 1, 2 };
	static const double e200[5] = { 1e200, 2e200, 3e200, 4e200, 5e200 };
	static const double small[5] = { 1, 2, 3, 4, 5 };
	static const double big_ok[5] = { -1e150, 1e150, 0, 5e149, -5e149 };
	const double w_max = 1e9, w_huge = 1e308;
	struct cidx_ranking *r = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	CHECK_INT(rank_big(huge, NULL, "distmax", NULL, &r, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "'I1': normalising the value 1e+308 gives inf");
	CHECK(r == NULL);
	CHECK_INT(rank_big(huge, NULL, "ratio", NULL, &r, &err), CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "'I1': values from 1e+308 to 1.7e+308 are too "
	    "large to normalise");
	CHECK_INT(rank_big(far, NULL, "zscore", NULL, &r, &err), CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "'I1': values from 0 to 1e+300 are too large");
	CHECK_INT(rank_big(wide, NULL, NULL, NULL, &r, &err), CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "'I1': values from -1e+308 to 1e+308");
	CHECK_INT(rank_big(far, NULL, "minmax:-1e9,1e9", NULL, &r, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "'I1': normalising the value 1e+300 gives inf");
	CHECK_INT(rank_big(small, &w_huge, NULL, NULL, &r, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "unit 'U1', 'INDEX': the weighted mean of the "
	    "children is not a finite number");
	CHECK_INT(rank_big(e200, NULL, NULL, "topsis", &r, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "TOPSIS: column 1: values too large");
	CHECK(r == NULL);

	/*
	 * The largest weights, with values far from small, rank: under
	 * minmax:-1e9,1e9 (range 2e150) I1 scores U1..U5 -1e9, 1e9, 0,
	 * 0.5e9, -0.5e9 and I2 -1e9, -0.5e9, 0, 0.5e9, 1e9; weighted by
	 * 1e9 the sums stay near 2e18; the index (their mean) is -1e9,
	 * 0.25e9, 0, 0.5e9, 0.25e9: U4 first.
	 */
	CHECK_INT(rank_big(big_ok, &w_max, "minmax:-1e9,1e9", NULL, &r, &err),
	    0);
	if (r != NULL) {
		CHECK_INT(r->n_ranked, 5);
		CHECK_INT(r->order[0], 3);
		CHECK_DBL(gsl_matrix_get(r->s, 3, 0), 0.5e9, 1e-12);
		CHECK_DBL(gsl_matrix_get(r->s, 0, 0), -1e9, 1e-12);
	}
	cidx_ranking_free(r);
	/* rank and percentile need no arithmetic on the values */
	CHECK_INT(rank_big(huge, NULL, "percentile", NULL, &r, &err), 0);
	cidx_ranking_free(r);
}

/* a framework's goalposts are not bounded: goal_lo -1e308 to goal_hi
 * 1e308 scored every unit 0 on the indicator, without a word */
void
test_calc__goalposts_too_wide(void)
{
	static const char *const codes[2] = { "U1", "U2" };
	static const struct fx_node nodes[] = {
		{ "INDEX", NULL, AGG, 2, 0, 1 },
		{ "I1", "INDEX", IND, 1, 1, 1 },
	};
	static const double x[2] = { 1, 2 };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *ds = fx_dataset(2020, codes, 2, x, 1);
	struct cidx_ranking *r = NULL;
	double w[2];

	CHECK_INT(fx_framework(&fw, nodes, 2, &err), 0);
	if (fw == NULL) {
		cidx_dataset_free(ds);
		return;
	}
	cidx_calc_weights_default(fw, w);
	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "goalposts", &err), 0);
	fw->node[1].goal_lo = -1e308;
	fw->node[1].goal_hi = 1e308;
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "goalposts: 'I1': goal_lo -1e+308 to goal_hi 1e+308 "
	    "is too wide a range");
	CHECK(r == NULL);
	/* as wide as a double allows */
	fw->node[1].goal_lo = -8e307;
	fw->node[1].goal_hi = 8e307;
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err), 0);
	if (r != NULL)
		CHECK_DBL(gsl_matrix_get(r->s, 1, 1), 50, 1e-9);
	cidx_ranking_free(r);
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
}

/* whether two numbers are the same double, NaN being the same as NaN */
static int
same_double(double a, double b)
{
	return isnan(a) ? isnan(b) : a == b;
}

/* scores in place: column j of x holds what normalising into the node
 * columns of s gives indicator column j, bit for bit, and the same
 * skipped columns */
void
test_calc__normalise_in_place(void)
{
	static const char *const norms[] = { "minmax", "minmax:1,100",
		"zscore", "rank", "percentile", "distmax", "goalposts:0,10",
		"ratio" };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;

	CHECK_INT(fx_framework(&fw, norm_fw, 7, &err), 0);
	if (fw == NULL)
		return;
	for (size_t q = 0; q < LEN(norms); q++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		gsl_matrix *x = mat(5, 6, norm_x), *y = mat(5, 6, norm_x);
		gsl_matrix *s = gsl_matrix_alloc(5, fw->n);
		int sk[6], sk2[6];
		int r1, r2;

		CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, norms[q], &err),
		    0);
		r1 = cidx_calc_normalise_with(fw, x, &m, NULL, s, sk, &err);
		r2 = cidx_calc_normalise_in_place(fw, y, &m, NULL, sk2, &err);
		CHECK_INT(r2, r1);
		for (size_t j = 0; r1 == 0 && j < 6; j++) {
			CHECK_INT(sk2[j], sk[j]);
			for (size_t i = 0; i < 5; i++)
				CHECK(same_double(gsl_matrix_get(y, i, j),
				    gsl_matrix_get(s, i, fw->ind[j])));
		}
		gsl_matrix_free(x);
		gsl_matrix_free(y);
		gsl_matrix_free(s);
	}
	cidx_framework_free(fw);
}

/* the error of the first column, in column order, whatever the order the
 * values are scored in: I1's value in row 1 before I3's in row 0; a
 * check of a later column (I3's range) after a value of an earlier one */
void
test_calc__normalise_errors_in_column_order(void)
{
	static const double two[5 * 3] = {
		0, 1, 1e300,
		1e300, 2, 0,
		5e299, 3, 1,
		1, 4, 2,
		2, 5, 3,
	};
	static const double range[5 * 3] = {
		0, 1, -1e308,
		1e300, 2, 1e308,
		5e299, 3, 1,
		1, 4, 2,
		2, 5, 3,
	};
	static const double calm[5 * 3] = {
		0, 1, -1e308,
		1, 2, 1e308,
		5, 3, 1,
		1, 4, 2,
		2, 5, 3,
	};
	const double *xs[3] = { two, range, calm };
	static const char *const want[3] = {
		"'I1': normalising the value 1e+300 gives inf",
		"'I1': normalising the value 1e+300 gives inf",
		"'I3': values from -1e+308 to 1e+308" };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;

	CHECK_INT(fx_framework(&fw, e2e_fw, 6, &err), 0);
	if (fw == NULL)
		return;
	CHECK_INT(cidx_method_set(&m, CIDX_MK_NORMALISE, "minmax:-1e9,1e9",
	    &err), 0);
	for (size_t q = 0; q < 3; q++) {
		gsl_matrix *x = mat(5, 3, xs[q]), *y = mat(5, 3, xs[q]);
		gsl_matrix *s = gsl_matrix_alloc(5, fw->n);

		CHECK_INT(cidx_calc_normalise_with(fw, x, &m, NULL, s, NULL,
		    &err), CIDX_ENUMERIC);
		CHECK_HAS(err.msg, want[q]);
		CHECK_INT(cidx_calc_normalise_in_place(fw, y, &m, NULL, NULL,
		    &err), CIDX_ENUMERIC);
		CHECK_HAS(err.msg, want[q]);
		gsl_matrix_free(x);
		gsl_matrix_free(y);
		gsl_matrix_free(s);
	}
	cidx_framework_free(fw);
}

/* a ranking that takes the values: the ranking computed from them, bit
 * for bit, with the composite index (scores in their memory) and with
 * another method */
void
test_calc__ranking_compute_taking(void)
{
	static const char *const methods[] = { NULL, "topsis" };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	double w[6];

	CHECK_INT(fx_framework(&fw, e2e_fw, 6, &err), 0);
	if (fw == NULL)
		return;
	cidx_calc_weights_default(fw, w);
	for (size_t q = 0; q < LEN(methods); q++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		struct cidx_dataset *ds = e2e_data();
		struct cidx_ranking *r1 = NULL, *r2 = NULL;
		gsl_matrix *x = gsl_matrix_alloc(5, 3);

		if (methods[q])
			CHECK_INT(cidx_method_set(&m, CIDX_MK_METHOD,
			    methods[q], &err), 0);
		gsl_matrix_memcpy(x, ds->x);
		CHECK_INT(cidx_ranking_compute_with(&r1, fw, ds, w, &m, NULL,
		    NULL, 0, &err), 0);
		CHECK_INT(cidx_ranking_compute_taking(&r2, fw, ds, &x, w, &m,
		    NULL, NULL, 0, &err), 0);
		CHECK(x == NULL);
		if (r1 && r2) {
			CHECK_INT(r2->s->size1, 5);
			CHECK_INT(r2->s->size2, fw->n);
			for (size_t i = 0; i < 5; i++) {
				CHECK_INT(r2->rank[i], r1->rank[i]);
				for (size_t k = 0; k < fw->n; k++)
					CHECK(same_double(gsl_matrix_get(r2->s,
					    i, k), gsl_matrix_get(r1->s, i, k)));
			}
		}
		cidx_ranking_free(r1);
		cidx_ranking_free(r2);
		cidx_dataset_free(ds);
	}
	cidx_framework_free(fw);
}

/* aggregation a unit at a time meets the error node by node would meet
 * first: the lowest node (P1 before P2), then the first unit */
void
test_calc__aggregate_errors_in_node_order(void)
{
	static const char *const codes[3] = { "U1", "U2", "U3" };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	gsl_matrix *s;
	double w[6];

	CHECK_INT(fx_framework(&fw, e2e_fw, 6, &err), 0);
	if (fw == NULL)
		return;
	cidx_calc_weights_default(fw, w);
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "geom", &err), 0);
	s = gsl_matrix_alloc(3, fw->n);
	gsl_matrix_set_all(s, 50);
	/* U1: I3 -1 (P2); U2: I1 0 (P1); U3: I2 -2 (P1) */
	gsl_matrix_set(s, 0, 5, -1);
	gsl_matrix_set(s, 1, 2, 0);
	gsl_matrix_set(s, 2, 3, -2);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "geometric mean needs values > 0: unit 'U2', 'I1' "
	    "= 0");
	gsl_matrix_set(s, 1, 2, 50);
	gsl_matrix_set(s, 2, 3, 50);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err),
	    CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "unit 'U1', 'I3' = -1");
	gsl_matrix_set(s, 0, 5, 50);
	CHECK_INT(cidx_calc_aggregate(fw, w, &m, s, codes, &err), 0);
	CHECK_DBL(gsl_matrix_get(s, 2, 0), 50, 1e-12);
	gsl_matrix_free(s);
	cidx_framework_free(fw);
}
