/* calc: the Monte Carlo on deep frameworks (up to 100 levels): the draws
 * aggregate each level as the engine does, and weight noise reaches
 * every level (mc.h) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "fixture.h"
#include "runner.h"

#define NU 7

static const char *const deep_codes[NU] = {
	"A", "B", "C", "D", "E", "F", "G"
};

/*
 * A comb of depth d: aggregate L<k> (level k, L<d> the index) has the
 * children L<k-1> and indicator I<k>; L2 has I1 and I2.  Every level
 * mixes a new indicator into what is below, so the aggregation of every
 * level can change the order.
 */
struct comb {
	struct cidx_framework *fw;
	char (*code)[16], (*parent)[16];
	double *x;
	struct fx_year y;
};

static int
comb_new(struct comb *c, int d)
{
	struct fx_node *nd = cidx_xcalloc(2 * (size_t)d, sizeof(*nd));
	struct cidx_err err = CIDX_ERR_INIT;
	uint64_t st = 12345;
	size_t q = 0;
	int ret;

	memset(c, 0, sizeof(*c));
	c->code = cidx_xcalloc(2 * (size_t)d, sizeof(*c->code));
	c->parent = cidx_xcalloc(2 * (size_t)d, sizeof(*c->parent));
	for (int k = d; k >= 2; k--) {
		snprintf(c->code[q], 16, "L%d", k);
		snprintf(c->parent[q], 16, "L%d", k + 1);
		nd[q] = (struct fx_node){ c->code[q], k == d ? NULL :
		    c->parent[q], AGG, 0, 0, 1 };
		q++;
	}
	for (int k = 1; k <= d; k++) {
		snprintf(c->code[q], 16, "I%d", k);
		snprintf(c->parent[q], 16, "L%d", k < 2 ? 2 : k);
		nd[q] = (struct fx_node){ c->code[q], c->parent[q], IND, 0, 1,
		    1 };
		q++;
	}
	ret = fx_framework(&c->fw, nd, q, &err);
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	free(nd);
	/* values from 1 to 100, a fixed pseudo-random sequence */
	c->x = cidx_xcalloc(NU * (size_t)d, sizeof(double));
	for (size_t i = 0; i < NU * (size_t)d; i++)
		c->x[i] = 1 + (double)(cidx_splitmix64(&st) >> 11) *
		    0x1.0p-53 * 99;
	c->y = (struct fx_year){ deep_codes, NU, (size_t)d, c->x };
	return ret;
}

static void
comb_free(struct comb *c)
{
	cidx_framework_free(c->fw);
	free(c->code);
	free(c->parent);
	free(c->x);
}

/* an engine with minmax:1,100, no screening, and aggregation `agg` */
static struct cidx_engine *
comb_engine(struct comb *c, const char *agg)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src = fx_source(&c->y);
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine *e = NULL;

	o.m.screen = 0;
	o.m.norm_p1 = 1;
	if (cidx_method_set(&o.m, CIDX_MK_AGGREGATE, agg, &err) < 0 ||
	    cidx_engine_new(&e, c->fw, &src, &o, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return e;
}

/* every draw with the nominal aggregation as its only alternative ranks
 * every unit where the engine does */
static void
check_zero_shift(struct comb *c, const char *agg)
{
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_result *r = NULL;
	struct cidx_method alt = CIDX_METHOD_INIT;
	struct cidx_engine *e = comb_engine(c, agg);
	size_t moved = 0;

	if (e == NULL || cidx_method_set(&alt, CIDX_MK_AGGREGATE, agg,
	    &err) < 0)
		goto out;
	s.draws = 40;
	s.keep_ranks = 1;
	s.alt[CIDX_MC_AGGREGATE] = &alt;
	s.n_alt[CIDX_MC_AGGREGATE] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r == NULL) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	CHECK_INT(r->n, NU);
	CHECK_INT(r->nominal->n_ranked, NU);
	for (size_t k = 0; k < r->runs; k++)
		for (size_t i = 0; i < r->n; i++)
			moved += r->ranks[k * r->n + i] != r->nominal->rank[i];
	if (moved != 0 || r->mean_shift != 0)
		runner_fail(__FILE__, __LINE__, "depth %d, --aggregate %s: "
		    "%zu unit-draws off their nominal rank, mean shift %g",
		    c->fw->top_level, agg, moved, r->mean_shift);
out:
	cidx_mc_result_free(r);
	cidx_engine_free(e);
}

void
test_mc__deep_levels_aggregate_as_the_engine(void)
{
	static const char *const aggs[] = {
		"arith,15=geom", "geom,15=arith", "harm,2=geom,15=arith",
		"geom", "arith,2=harm"
	};
	static const int depth[] = { 3, 15, 16, 18, 100 };

	for (size_t t = 0; t < LEN(depth); t++) {
		struct comb c;

		if (comb_new(&c, depth[t]) == 0) {
			CHECK_INT(c.fw->top_level, depth[t]);
			for (size_t a = 0; a < LEN(aggs); a++)
				check_zero_shift(&c, aggs[a]);
		}
		comb_free(&c);
	}
}

/* the weights of one level perturbed, at any depth; the index's level
 * and above refused by name */
void
test_mc__deep_noise_levels(void)
{
	static const int lv[] = { 1, 2, 15, 16, 31, 32, 33, 50, 99 };
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_result *r = NULL;
	struct cidx_engine *e = NULL;
	struct comb c;
	double f[100];

	if (comb_new(&c, 100) < 0 || (e = comb_engine(&c, "arith")) == NULL)
		goto out;
	s.draws = 8;
	s.phi = 0.5;
	for (size_t t = 0; t < LEN(lv); t++) {
		memset(s.noise_level, 0, sizeof(s.noise_level));
		s.noise_level[lv[t]] = 1;
		CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
		if (r == NULL)
			continue;
		/* level 1: the 100 indicators; level k >= 2: L<k> alone */
		CHECK_INT(r->n_noisy, lv[t] == 1 ? 100 : 1);
		for (size_t q = 0; q < r->n_noisy; q++)
			CHECK_INT(c.fw->node[r->noisy[q]].level, lv[t]);
		/* and their factors vary */
		for (size_t k = 0; k < r->runs; k++) {
			struct cidx_mc_params pa;

			cidx_mc_params(r, k, &pa, f);
			CHECK(f[0] != 1 && f[0] >= 0.5 && f[0] < 1.5);
		}
		cidx_mc_result_free(r);
		r = NULL;
	}
	/* several levels at once */
	s.noise_level[2] = s.noise_level[40] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), 0);
	if (r)
		CHECK_INT(r->n_noisy, 3);
	cidx_mc_result_free(r);
	r = NULL;
	memset(s.noise_level, 0, sizeof(s.noise_level));
	s.noise_level[100] = 1;
	CHECK_INT(cidx_mc_run(&r, e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "weight noise at level 100: only levels 1 to 99 "
	    "carry weights (level 100 is the index)");
	CHECK(r == NULL);
out:
	cidx_engine_free(e);
	comb_free(&c);
}
