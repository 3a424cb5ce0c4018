/* calc: the Monte Carlo uncertainty and sensitivity analysis (mc.h) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "fixture.h"
#include "runner.h"

/*
 * Three units, three indicators straight under the index, weights 1,
 * values 1, 2, 3 normalised by minmax:1,100 to 1, 50.5, 100:
 *        I1     I2     I3
 *   A     1    100      1
 *   B  50.5      1    100
 *   C   100   50.5   50.5
 * Leaving one indicator out, the means of the other two (geom = the
 * square root of the product) and the competition ranks of A, B, C:
 *   drop I1: arith 50.5 50.5 50.5 -> 1 1 1;  geom 10 10 50.5 -> 2 2 1
 *   drop I2: arith 1 75.25 75.25  -> 3 1 1;  geom 1 71.1 71.1 -> 3 1 1
 *   drop I3: arith 50.5 25.75 75.25 -> 2 3 1; geom 10 7.1 71.1 -> 2 3 1
 * The ties are exact: 100 + 1 = 1 + 100, ln 1 = 0.
 */
static const struct fx_node tri_fw[] = {
	{ "INDEX", NULL, AGG, 2, 0, 1 },
	{ "I1", "INDEX", IND, 1, 1, 1 },
	{ "I2", "INDEX", IND, 1, 1, 1 },
	{ "I3", "INDEX", IND, 1, 1, 1 },
};
static const char *const tri_codes[3] = { "A", "B", "C" };
static const double tri_x[3 * 3] = {
	1, 3, 1,
	2, 1, 3,
	3, 2, 2,
};
/* [dropped indicator][arith, geom][unit] */
static const int tri_rank[3][2][3] = {
	{ { 1, 1, 1 }, { 2, 2, 1 } },
	{ { 3, 1, 1 }, { 3, 1, 1 } },
	{ { 2, 3, 1 }, { 2, 3, 1 } },
};

/*
 * Five units, two pillars, U4 missing I3 (and so P2): see t_engine.c.
 */
static const struct fx_node five_fw[] = {
	{ "INDEX", NULL, AGG, 3, 0, 1 },
	{ "P1", "INDEX", AGG, 2, 0, 1 },
	{ "I1", "P1", IND, 1, 1, 1 },
	{ "I2", "P1", IND, 1, -1, 2 },
	{ "P2", "INDEX", AGG, 2, 0, 1 },
	{ "I3", "P2", IND, 1, 1, 1 },
};
static const char *const five_codes[5] = { "U1", "U2", "U3", "U4", "U5" };
static const double five_x[5 * 3] = {
	10, 5, 0,
	20, 1, 100,
	30, 3, 50,
	40, 2, NA,
	50, 4, 25,
};

/* an engine over one year, minmax:1,100, no screening */
static struct cidx_engine *
engine(const struct cidx_framework *fw, struct fx_year *y)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;

	o.m.screen = 0;
	o.m.norm_p1 = 1;
	return fx_engine(fw, fx_source(y), &o);
}

/* methods with one item set from its text */
static struct cidx_method *
alts(enum cidx_mkey key, const char *const *text, size_t n)
{
	struct cidx_method *m = cidx_xcalloc(n, sizeof(*m));
	struct cidx_err err = CIDX_ERR_INIT;

	for (size_t i = 0; i < n; i++) {
		struct cidx_method d = CIDX_METHOD_INIT;

		m[i] = d;
		if (cidx_method_set(&m[i], key, text[i], &err) < 0)
			runner_fail(__FILE__, __LINE__, "%s", err.msg);
	}
	return m;
}

/* the kept ranks of every run against the table, the statistics
 * against a direct type 7 quantile of those ranks */
static void
check_tri(const struct cidx_mc_result *r, int geom_alt)
{
	size_t seen[3][2] = { { 0 } };
	double shift = 0;
	int *col = cidx_xcalloc(r->runs, sizeof(int));

	for (size_t k = 0; k < r->runs; k++) {
		struct cidx_mc_params pa;
		size_t d, g;

		cidx_mc_params(r, k, &pa, NULL);
		d = r->drop[pa.alt[CIDX_MC_DROP]] - 1;  /* I1 is node 1 */
		g = geom_alt ? pa.alt[CIDX_MC_AGGREGATE] : 0;
		seen[d][g]++;
		for (size_t i = 0; i < 3; i++)
			if (r->ranks[k * 3 + i] != tri_rank[d][g][i])
				CHECK_INT(r->ranks[k * 3 + i],
				    tri_rank[d][g][i]);
	}
	/* R_s of a run: mean |rank - nominal rank| over the three */
	for (size_t k = 0; k < r->runs; k++) {
		double rs = 0;

		for (size_t i = 0; i < 3; i++)
			rs += abs(r->ranks[k * 3 + i] - r->nominal->rank[i]);
		if (r->shift[k] != rs / 3)
			CHECK_DBL(r->shift[k], rs / 3, 0);
		shift += rs / 3;
	}
	CHECK_DBL(r->mean_shift, shift / (double)r->runs, 1e-12);
	for (size_t d = 0; d < 3; d++)
		for (size_t g = 0; g < (geom_alt ? 2u : 1u); g++)
			CHECK(seen[d][g] > r->runs / (geom_alt ? 6 : 3) * 3 /
			    4);
	for (size_t i = 0; i < 3; i++) {
		double h, sum = 0;
		size_t lo;

		for (size_t k = 0; k < r->runs; k++) {
			col[k] = r->ranks[k * 3 + i];
			sum += col[k];
		}
		for (size_t a = 1; a < r->runs; a++)    /* insertion sort */
			for (size_t b = a; b > 0 && col[b] < col[b - 1]; b--) {
				int t = col[b];

				col[b] = col[b - 1];
				col[b - 1] = t;
			}
		h = (double)(r->runs - 1) * 0.05;
		lo = (size_t)h;
		CHECK_DBL(r->q05[i], col[lo] + (h - (double)lo) *
		    (col[lo + 1] - col[lo]), 1e-12);
		h = (double)(r->runs - 1) * 0.5;
		lo = (size_t)h;
		CHECK_DBL(r->median[i], col[lo] + (h - (double)lo) *
		    (col[lo + 1] - col[lo]), 1e-12);
		CHECK_DBL(r->mean[i], sum / (double)r->runs, 1e-12);
		CHECK_INT(r->unranked[i], 0);
	}
	free(col);
}

void
test_mc__three_units_enumerated(void)
{
	static const char *const agg[2] = { "arith", "geom" };
	struct fx_year y = { tri_codes, 3, 3, tri_x };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 2);
	struct cidx_engine *e;

	if (fx_framework(&fw, tri_fw, LEN(tri_fw), &err) < 0 ||
	    (e = engine(fw, &y)) == NULL) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	s.draws = 600;
	s.drop_one = 1;
	s.keep_ranks = 1;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 2;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r) {
		CHECK_INT(r->n, 3);
		CHECK_INT(r->d, 2);
		CHECK_INT(r->n_drop, 3);
		CHECK_INT(r->nominal->rank[0], 3); /* arith of all: 34, 50.5, */
		CHECK_INT(r->nominal->rank[2], 1); /* 67: C B A */
		check_tri(r, 1);
	}
	cidx_mc_result_free(r);
	/* drop-one alone: a third of the draws each */
	s.n_alt[CIDX_MC_AGGREGATE] = 0;
	s.threads = 2;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r) {
		CHECK_INT(r->d, 1);
		check_tri(r, 0);
	}
	cidx_mc_result_free(r);
	cidx_engine_free(e);
out:
	free(ag);
	cidx_framework_free(fw);
}

void
test_mc__nominal_draws_reproduce_the_ranking(void)
{
	/* one alternative each, equal to the nominal: every draw is the
	 * engine's ranking, bit for bit (geom over minmax:1,100, a unit
	 * missing a pillar, weights 1 and 2) */
	static const char *const norm[1] = { "minmax:1,100" };
	static const char *const agg[1] = { "geom" };
	struct fx_year y = { five_codes, 5, 3, five_x };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *nm = alts(CIDX_MK_NORMALISE, norm, 1);
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 1);
	struct cidx_engine *e = NULL;

	if (fx_framework(&fw, five_fw, LEN(five_fw), &err) < 0 ||
	    (e = engine(fw, &y)) == NULL)
		goto out;
	s.draws = 50;
	s.keep_ranks = 1;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 1;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 1;
	/* the nominal method is geom too */
	cidx_engine_free(e);
	{
		struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
		struct cidx_source src = fx_source(&y);

		o.m.screen = 0;
		o.m.norm_p1 = 1;
		o.m.agg = CIDX_AGG_GEOM;
		if (cidx_engine_new(&e, fw, &src, &o, &err) < 0)
			goto out;
	}
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r) {
		for (size_t k = 0; k < r->runs; k++)
			for (size_t i = 0; i < r->n; i++)
				if (r->ranks[k * r->n + i] !=
				    r->nominal->rank[i])
					CHECK_INT(r->ranks[k * r->n + i],
					    r->nominal->rank[i]);
		CHECK(r->mean_shift == 0);
		for (size_t i = 0; i < r->n; i++) {
			CHECK(r->median[i] == r->nominal->rank[i]);
			CHECK(r->q95[i] == r->nominal->rank[i]);
		}
	}
out:
	cidx_mc_result_free(r);
	cidx_engine_free(e);
	free(nm);
	free(ag);
	cidx_framework_free(fw);
}

/* the five-unit engine with the default (arith) method */
static struct cidx_engine *
five(struct cidx_framework **fw, struct fx_year *y)
{
	struct cidx_err err = CIDX_ERR_INIT;

	y->codes = five_codes;
	y->n = 5;
	y->m = 3;
	y->x = five_x;
	if (fx_framework(fw, five_fw, LEN(five_fw), &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		return NULL;
	}
	return engine(*fw, y);
}

void
test_mc__weight_noise_bounds(void)
{
	struct fx_year y;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_engine *e = five(&fw, &y);
	double f[8], lo = 2, hi = 0, sum = 0;

	if (e == NULL)
		goto out;
	s.draws = 2000;
	s.phi = 0.25;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r == NULL)
		goto out;
	/* every node below the index: P1 I1 I2 P2 I3 */
	CHECK_INT(r->n_noisy, 5);
	CHECK_INT(r->d, 1);
	for (size_t k = 0; k < r->runs; k++) {
		struct cidx_mc_params pa;

		cidx_mc_params(r, k, &pa, f);
		for (size_t t = 0; t < r->n_noisy; t++) {
			lo = f[t] < lo ? f[t] : lo;
			hi = f[t] > hi ? f[t] : hi;
			sum += f[t];
		}
	}
	CHECK(lo >= 0.75 && lo < 0.751);
	CHECK(hi <= 1.25 && hi > 1.249);
	CHECK_DBL(sum / (double)(r->runs * r->n_noisy), 1, 0.005);
	cidx_mc_result_free(r);
	r = NULL;
	/* only level 2: the pillars */
	s.noise_level[2] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r) {
		CHECK_INT(r->n_noisy, 2);
		CHECK_STR(fw->node[r->noisy[0]].code, "P1");
		CHECK_STR(fw->node[r->noisy[1]].code, "P2");
	}
	cidx_mc_result_free(r);
	r = NULL;
	/* the index has no weight to perturb */
	s.noise_level[2] = 0;
	s.noise_level[3] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "level 3: only levels 1 to 2 carry weights");
out:
	cidx_mc_result_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* the whole result of a spec, for comparing runs */
static void
same_result(const struct cidx_mc_result *a, const struct cidx_mc_result *b)
{
	size_t n = a->n;

	CHECK_INT(a->runs, b->runs);
	CHECK(memcmp(a->shift, b->shift, a->runs * sizeof(double)) == 0);
	CHECK(memcmp(a->ranks, b->ranks, a->runs * n * sizeof(int)) == 0);
	CHECK(memcmp(a->median, b->median, n * sizeof(double)) == 0);
	CHECK(memcmp(a->mean, b->mean, n * sizeof(double)) == 0);
	CHECK(memcmp(a->q05, b->q05, n * sizeof(double)) == 0);
	CHECK(memcmp(a->q95, b->q95, n * sizeof(double)) == 0);
	CHECK(memcmp(a->tier_share, b->tier_share, n * (size_t)a->n_tiers *
	    sizeof(double)) == 0);
	CHECK(a->mean_shift == b->mean_shift);
}

void
test_mc__threads_do_not_change_a_digit(void)
{
	static const char *const norm[2] = { "minmax:1,100", "zscore:10,2" };
	static const char *const agg[2] = { "arith", "2=geom" };
	struct fx_year y;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r[4] = { NULL };
	struct cidx_method *nm = alts(CIDX_MK_NORMALISE, norm, 2);
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 2);
	struct cidx_tierspec ts;
	struct cidx_engine *e = five(&fw, &y);

	memset(&ts, 0, sizeof(ts));
	if (e == NULL || cidx_tierspec_parse(&ts, "counts:2,2", &err) < 0)
		goto out;
	s.draws = 777;    /* not a multiple of the chunks */
	s.phi = 0.3;
	s.drop_one = 1;
	s.keep_ranks = 1;
	s.tiers = &ts;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 2;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 2;
	for (unsigned t = 1; t <= 3; t++) {
		s.threads = t;
		CHECK_INT(cidx_mc_run(&r[t], e, 2020, &s, &err), 0);
	}
	if (r[1] && r[2] && r[3]) {
		same_result(r[1], r[2]);
		same_result(r[1], r[3]);
		/* tiers: counts 2,2 -> ranks 1-2 and 3-4; shares add up to
		 * the draws with a rank <= 4 */
		CHECK_INT(r[1]->n_tiers, 2);
		CHECK_INT(r[1]->band_lo[2], 3);
		CHECK_INT(r[1]->band_hi[2], 4);
		for (size_t i = 0; i < r[1]->n; i++) {
			size_t in = 0;

			for (size_t k = 0; k < r[1]->runs; k++) {
				int q = r[1]->ranks[k * r[1]->n + i];

				in += q >= 1 && q <= 2;
			}
			CHECK_DBL(r[1]->tier_share[i * 2], (double)in / 777,
			    1e-15);
		}
	}
	/* another seed, other draws */
	s.seed = 2;
	CHECK_INT(cidx_mc_run(&r[0], e, 2020, &s, &err), 0);
	if (r[0] && r[1])
		CHECK(memcmp(r[0]->ranks, r[1]->ranks, 777 * 5 *
		    sizeof(int)) != 0);
out:
	for (int t = 0; t < 4; t++)
		cidx_mc_result_free(r[t]);
	cidx_tierspec_release(&ts);
	cidx_engine_free(e);
	free(nm);
	free(ag);
	cidx_framework_free(fw);
}

void
test_mc__saltelli_design(void)
{
	static const char *const agg[2] = { "arith", "geom" };
	struct fx_year y = { tri_codes, 3, 3, tri_x };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 2);
	struct cidx_engine *e = NULL;
	size_t n = 20000;

	if (fx_framework(&fw, tri_fw, LEN(tri_fw), &err) < 0 ||
	    (e = engine(fw, &y)) == NULL)
		goto out;
	s.draws = n;
	s.sobol = 1;
	s.drop_one = 1;
	s.keep_ranks = 1;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 2;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r == NULL)
		goto out;
	CHECK_INT(r->runs, n * 4);
	CHECK(r->median == NULL);
	for (size_t j = 0; j < n; j++) {
		struct cidx_mc_params a, b, ab0, ab1;

		cidx_mc_params(r, j, &a, NULL);
		cidx_mc_params(r, n + j, &b, NULL);
		cidx_mc_params(r, 2 * n + j, &ab0, NULL);
		cidx_mc_params(r, 3 * n + j, &ab1, NULL);
		CHECK(a.matrix == 0 && b.matrix == 1 && ab0.matrix == 2 &&
		    ab1.matrix == 3 && ab1.row == j);
		/* inputs: aggregate (q 0), then drop (q 1) */
		CHECK(ab0.alt[CIDX_MC_AGGREGATE] == b.alt[CIDX_MC_AGGREGATE]);
		CHECK(ab0.alt[CIDX_MC_DROP] == a.alt[CIDX_MC_DROP]);
		CHECK(ab1.alt[CIDX_MC_AGGREGATE] == a.alt[CIDX_MC_AGGREGATE]);
		CHECK(ab1.alt[CIDX_MC_DROP] == b.alt[CIDX_MC_DROP]);
	}
	/*
	 * From the table, R_s = 1 (I1 out, arith), 1/3 (I1 out, geom; I2
	 * out), 2/3 (I3 out): mean 5/9, V = 5/81; E[y | drop] = 2/3, 1/3,
	 * 2/3 gives V_drop = 2/81, E[y | agg] = 2/3, 4/9 gives V_agg =
	 * 1/81.  So S = 0.2 (aggregate), 0.4 (drop) and ST = 1 - S(other)
	 * = 0.6, 0.8: the aggregation matters only without I1.
	 */
	CHECK_DBL(r->V, 5.0 / 81, 0.005);
	CHECK_DBL(r->S[0], 0.2, 0.05);
	CHECK_DBL(r->S[1], 0.4, 0.05);
	CHECK_DBL(r->ST[0], 0.6, 0.05);
	CHECK_DBL(r->ST[1], 0.8, 0.05);
out:
	cidx_mc_result_free(r);
	cidx_engine_free(e);
	free(ag);
	cidx_framework_free(fw);
}

void
test_mc__bad_specs(void)
{
	static const char *const norm[1] = { "ratio" };
	struct fx_year y;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *nm = alts(CIDX_MK_NORMALISE, norm, 1);
	struct cidx_engine *e = five(&fw, &y);

	if (e == NULL)
		goto out;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "no uncertain input");
	s.phi = 1.5;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "weight noise 1.5 is not a number from 0 to 1");
	s.phi = 0.25;
	s.draws = 0;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	s.draws = 10;
	/* an alternative that cannot be computed names itself */
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "normalisation 'ratio': ratio normalisation "
	    "needs direction +1");
	CHECK(r == NULL);
out:
	cidx_engine_free(e);
	free(nm);
	cidx_framework_free(fw);
}
