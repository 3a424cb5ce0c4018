/*
 * calc: the Monte Carlo design checked before the first draw
 * (mccheck.c): a geometric or harmonic mean that can meet a value <= 0
 * in some run is refused, naming the combination, a unit, the value and
 * the fix, or (skip_invalid) such runs are skipped and counted.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "fixture.h"
#include "runner.h"

/* five units, two pillars (see t_mc.c): zscore:0,1 gives U1 -1.26 in
 * both I1 and I2, so P1 = -1.26 for U1 */
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

/*
 * Three units, two pillars of two indicators, weights 1; minmax:-10,100
 * gives every pillar of every unit 45 = (-10 + 100) / 2.  With weight
 * noise phi, the lowest P1 of A is (-10 (1 + phi) + 100 (1 - phi)) / 2,
 * <= 0 from phi = 9/11: a geometric index over the pillars is sound at
 * phi 0.8, not at 0.85; leaving out I2 leaves P1 = -10.
 */
static const struct fx_node sq_fw[] = {
	{ "INDEX", NULL, AGG, 3, 0, 1 },
	{ "P1", "INDEX", AGG, 2, 0, 1 },
	{ "I1", "P1", IND, 1, 1, 1 },
	{ "I2", "P1", IND, 1, 1, 1 },
	{ "P2", "INDEX", AGG, 2, 0, 1 },
	{ "I3", "P2", IND, 1, 1, 1 },
	{ "I4", "P2", IND, 1, 1, 1 },
};
static const char *const sq_codes[3] = { "A", "B", "C" };
static const double sq_x[3 * 4] = {
	1, 3, 1, 3,
	2, 2, 2, 2,
	3, 1, 3, 1,
};

static struct cidx_engine *
engine(const struct cidx_framework *fw, struct fx_year *y, double p1)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src = fx_source(y);
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine *e = NULL;

	o.m.screen = 0;
	o.m.norm_p1 = p1;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return e;
}

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

void
test_mccheck__refused_before_the_draws(void)
{
	static const char *const norm[2] = { "minmax:1,100", "zscore:0,1" };
	static const char *const agg[2] = { "geom", "3=geom" };
	struct fx_year y = { five_codes, 5, 3, five_x };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *nm = alts(CIDX_MK_NORMALISE, norm, 2);
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 2);
	struct cidx_engine *e = NULL;

	if (fx_framework(&fw, five_fw, LEN(five_fw), &err) < 0 ||
	    (e = engine(fw, &y, 1)) == NULL)
		goto out;
	s.draws = 20;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 2;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 1;
	/* an indicator: its value */
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_ENUMERIC);
	CHECK(r == NULL);
	CHECK_STR(err.msg, "the geometric mean of 'P1' needs values > 0: unit "
	    "'U1', 'I1' = -1.26491 with normalisation 'zscore:0,1', "
	    "aggregation 'geom'; use minmax:1,100 for the geometric mean, or "
	    "skip such runs (--skip-invalid)");
	/* an aggregate below a geometric index: the lowest it can reach */
	s.alt[CIDX_MC_AGGREGATE] = ag + 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_ENUMERIC);
	CHECK_STR(err.msg, "the geometric mean of 'INDEX' needs values > 0: "
	    "unit 'U1', 'P1' can reach -1.26491 with normalisation "
	    "'zscore:0,1', aggregation 'arith,3=geom'; use minmax:1,100 for "
	    "the geometric mean, or skip such runs (--skip-invalid)");
	/* minmax:1,100 alone is sound */
	s.n_alt[CIDX_MC_NORMALISE] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r)
		CHECK_INT(r->n_invalid, 0);
	cidx_mc_result_free(r);
out:
	cidx_engine_free(e);
	free(nm);
	free(ag);
	cidx_framework_free(fw);
}

void
test_mccheck__weight_noise_and_drop_one(void)
{
	static const char *const agg[1] = { "3=geom" };
	struct fx_year y = { sq_codes, 3, 4, sq_x };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_mc_result *r = NULL;
	struct cidx_method *ag = alts(CIDX_MK_AGGREGATE, agg, 1);
	struct cidx_engine *e = NULL;

	if (fx_framework(&fw, sq_fw, LEN(sq_fw), &err) < 0 ||
	    (e = engine(fw, &y, -10)) == NULL)
		goto out;
	s.draws = 400;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 1;
	s.phi = 0.8;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r)
		CHECK_INT(r->n_invalid, 0);
	cidx_mc_result_free(r);
	s.phi = 0.85;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "unit 'A', 'P1' can reach -1.75 with aggregation "
	    "'arith,3=geom', weights perturbed by up to 85%");
	s.phi = 0;
	s.drop_one = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_ENUMERIC);
	CHECK_HAS(err.msg, "unit 'C', 'P1' can reach -10 with aggregation "
	    "'arith,3=geom', leaving out 'I1'");
	/* skipped instead: the runs where a pillar of A or C is <= 0, that
	 * is where one weight of a pillar is 10 times the other's */
	s.drop_one = 0;
	s.phi = 0.95;
	s.skip_invalid = 1;
	s.keep_ranks = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r) {
		size_t skipped = 0;
		double f[16], w[8];

		CHECK_INT(r->n_noisy, 6);
		for (size_t k = 0; k < r->runs && r->n_noisy == 6; k++) {
			struct cidx_mc_params pa;
			int bad;

			cidx_mc_params(r, k, &pa, f);
			for (size_t t = 0; t < 6; t++)
				w[r->noisy[t]] = f[t];
			/* nodes: 2 I1, 3 I2, 5 I3, 6 I4 */
			bad = w[2] >= 10 * w[3] || w[3] >= 10 * w[2] ||
			    w[5] >= 10 * w[6] || w[6] >= 10 * w[5];
			skipped += bad;
			CHECK_INT(isnan(r->shift[k]), bad);
			CHECK_INT(r->ranks[k * 3] == 0, bad);
		}
		CHECK_INT(r->n_skipped, skipped);
		CHECK(skipped > 0 && skipped < r->runs);
		CHECK_INT(r->n_invalid, 0);
		CHECK_INT(r->skip_invalid, 1);
	}
	cidx_mc_result_free(r);
	/* not with the Saltelli design, which needs every run */
	s.sobol = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "does not apply to the Saltelli design");
out:
	cidx_engine_free(e);
	free(ag);
	cidx_framework_free(fw);
}

void
test_mccheck__every_draw_skipped_is_refused(void)
{
	static const char *const norm[1] = { "zscore:0,1" };
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
	    (e = engine(fw, &y, 1)) == NULL)
		goto out;
	s.draws = 20;
	s.skip_invalid = 1;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 1;
	s.alt[CIDX_MC_AGGREGATE] = ag;
	s.n_alt[CIDX_MC_AGGREGATE] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_ENUMERIC);
	CHECK(r == NULL);
	CHECK_STR(err.msg, "every draw would be skipped: the geometric mean of "
	    "'P1' needs values > 0: unit 'U1', 'I1' = -1.26491 with "
	    "normalisation 'zscore:0,1', aggregation 'geom'; use minmax:1,100 "
	    "for the geometric mean");
out:
	cidx_engine_free(e);
	free(nm);
	free(ag);
	cidx_framework_free(fw);
}
