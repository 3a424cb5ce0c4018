/* calc: the engine (years, cache, weights level by level), movement,
 * contributions and the rank split, audit */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "calc/engine.h"
#include "calc/explain.h"
#include "calc/movement.h"
#include "calc/topsis.h"
#include "calc/prepare.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "fixture.h"
#include "runner.h"

/*
 * INDEX <- P1 <- I1 (+1), I2 (-1)
 *       <- P2 <- I3 (+1)           all weights 1
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

static const char *const codes[5] = { "U1", "U2", "U3", "U4", "U5" };

/* the default options without screening */
#define NOSCREEN { { CIDX_NORM_MINMAX, 0.0, 100.0, CIDX_AGG_ARITH, { 0 }, \
	0, CIDX_IM_COMPOSITE, 0.0, 0.0, 0, CIDX_IMPUTE_NONE, "", 0.0, 1, 0, \
	CIDX_TREAT_PARAMS_INIT, 0, 0 }, \
	NULL, CIDX_WM_FILE, NULL, 0, 0, NULL, 0.0 }

/*
 * 2017, minmax 0-100 by hand:
 *   I1 10..50       -> 0 25 50 75 100
 *   I2 5 1 3 2 4 (-1) -> 0 100 50 75 25
 *   I3 0 100 50 - 25  -> 0 100 50 NaN 25
 *   P1 = (I1 + I2)/2 -> 0 62.5 50 75 62.5;  P2 = I3
 *   INDEX            -> 0 81.25 50 75 43.75: ranks U2 U4 U3 U5 U1
 * 2016: U1 has the same data as in 2017; the others differ.
 */
static const double x2017[5 * 3] = {
	10, 5, 0,
	20, 1, 100,
	30, 3, 50,
	40, 2, NA,
	50, 4, 25,
};
static const double x2016[5 * 3] = {
	10, 5, 0,
	45, 4, 10,
	40, 1, 80,
	20, 3, 60,
	30, 2, 90,
};

struct mem_source {
	int loads;
	int gap;        /* 1 + the indicator column 2016 has no data for; 0:
			   none */
};

static int
mem_years(void *ctx, int **out, size_t *n, struct cidx_err *err)
{
	(void)ctx;
	(void)err;
	*out = cidx_xcalloc(2, sizeof(int));
	(*out)[0] = 2016;
	(*out)[1] = 2017;
	*n = 2;
	return 0;
}

static int
mem_load(void *ctx, const struct cidx_framework *fw, int year,
    struct cidx_dataset **out, struct cidx_err *err)
{
	struct mem_source *m = ctx;

	(void)fw;
	m->loads++;
	if (year != 2016 && year != 2017)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no data");
	*out = fx_dataset(year, codes, 5, year == 2017 ? x2017 : x2016, 3);
	if (m->gap > 0 && year == 2016)
		for (size_t i = 0; i < 5; i++)
			gsl_matrix_set((*out)->x, i, (size_t)(m->gap - 1), NAN);
	return 0;
}

/* an engine over the two years; screening off unless `o` says (U4 has
 * no value in P2) */
static struct cidx_engine *
engine(const struct cidx_framework *fw, struct mem_source *ms,
    const struct cidx_engine_opts *o)
{
	struct cidx_source src = { ms, mem_years, mem_load };

	return fx_engine(fw, src, o);
}

void
test_engine__years_and_cache(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	const struct cidx_dataset *ds, *ds2;
	struct cidx_ranking *r = NULL;
	struct cidx_tierspec ts;
	int year, cyear;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	CHECK_INT(cidx_engine_pick_years(e, 0, 0, &year, &cyear, &err), 0);
	CHECK_INT(year, 2017);
	CHECK_INT(cyear, 2016);
	CHECK_INT(cidx_engine_pick_years(e, 2016, 0, &year, &cyear, &err), 0);
	CHECK_INT(cyear, 0);
	CHECK_INT(cidx_engine_pick_years(e, 0, -1, &year, &cyear, &err), 0);
	CHECK_INT(cyear, 0);
	CHECK_INT(cidx_engine_pick_years(e, 2016, 2017, &year, &cyear, &err),
	    0);
	CHECK_INT(cyear, 2017);
	CHECK_INT(cidx_engine_pick_years(e, 2015, 0, &year, &cyear, &err),
	    CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "no indicator data for year 2015 (years with "
	    "data: 2016 2017)");
	CHECK_INT(cidx_engine_pick_years(e, 2017, 2014, &year, &cyear, &err),
	    CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "year 2014 (--compare; years with data");
	CHECK_INT(cidx_engine_pick_years(e, 2017, 2017, &year, &cyear, &err),
	    CIDX_EINVAL);
	/* the default years were read to see that every pillar has data
	 * (even with screening off); nothing is read twice */
	CHECK_INT(ms.loads, 2);
	CHECK_INT(cidx_engine_prepared(e, 2017, &ds, NULL, &err), 0);
	CHECK_INT(cidx_engine_prepared(e, 2017, &ds2, NULL, &err), 0);
	CHECK(ds == ds2);
	CHECK_INT(ms.loads, 2);
	CHECK_INT(cidx_engine_rank(e, 2017, NULL, 0, &r, &err), 0);
	CHECK_INT(ms.loads, 2);
	if (r) {
		CHECK_DBL(gsl_matrix_get(r->s, 1, 0), 81.25, 1e-12);
		CHECK_DBL(gsl_matrix_get(r->s, 3, 0), 75, 1e-12);
		CHECK_DBL(gsl_matrix_get(r->s, 4, 0), 43.75, 1e-12);
		CHECK_INT(r->rank[1], 1);
		CHECK_INT(r->rank[3], 2);
		CHECK_INT(r->rank[0], 5);
	}
	CHECK_INT(cidx_engine_weights_year(e), 2017);
	cidx_ranking_free(r);
	r = NULL;
	/* tiers of 2 and 3: U2 81.25, U4 75 | U3 50, U5 43.75, U1 0 */
	if (cidx_tierspec_parse(&ts, "counts:2,3", &err) == 0 &&
	    cidx_engine_rank(e, 2017, &ts, 0, &r, &err) == 0) {
		double lo, hi;

		CHECK_INT(cidx_ranking_tier_span(r, 0, 1, &lo, &hi), 2);
		CHECK_DBL(lo, 75, 1e-12);
		CHECK_DBL(hi, 81.25, 1e-12);
		CHECK_INT(cidx_ranking_tier_span(r, 0, 2, &lo, &hi), 3);
		CHECK_DBL(lo, 0, 1e-12);
		CHECK_DBL(hi, 50, 1e-12);
		CHECK_INT(cidx_ranking_tier_span(r, 0, 3, &lo, &hi), 0);
		CHECK(isnan(lo) && isnan(hi));
	}
	cidx_tierspec_release(&ts);
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* the level-2 weights of an engine, after ranking 2017 */
static void
level2(const struct cidx_framework *fw, const struct cidx_engine_opts *o,
    double *p1, double *p2, double *i1)
{
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine *e = engine(fw, &ms, o);
	struct cidx_ranking *r = NULL;

	*p1 = *p2 = *i1 = NAN;
	if (e == NULL)
		return;
	if (cidx_engine_rank(e, 2017, NULL, 0, &r, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	*p1 = cidx_engine_weights(e)[1];
	*p2 = cidx_engine_weights(e)[4];
	*i1 = cidx_engine_weights(e)[2];
	cidx_ranking_free(r);
	cidx_engine_free(e);
}

void
test_engine__overrides_apply_level_by_level(void)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	struct cidx_wset over = CIDX_WSET_INIT, base = CIDX_WSET_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	const struct cidx_wgroup *g;
	struct cidx_engine *e;
	struct mem_source ms = { 0, 0 };
	struct cidx_ranking *r = NULL;
	double a1, a2, ai, b1, b2, bi, c1, c2, ci, i2 = NAN;
	size_t ng = 0;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0)
		return;
	/* A: entropy at every level, I1 set to 5 */
	o.wmethod = CIDX_WM_ENTROPY;
	cidx_wset_add(&over, 2, 5);
	o.over = &over;
	level2(fw, &o, &a1, &a2, &ai);
	CHECK_DBL(ai, 5, 0);
	/* its derived I2, for B */
	if ((e = engine(fw, &ms, &o)) != NULL) {
		CHECK_INT(cidx_engine_rank(e, 2017, NULL, 0, &r, &err), 0);
		i2 = cidx_engine_weights(e)[3];
		g = cidx_engine_groups(e, &ng);
		CHECK_INT(ng, 3);
		/* the groups bottom-up: P1's children, P2's, the index's */
		CHECK_INT(g[0].parent, 1);
		CHECK_INT(g[2].parent, 0);
		CHECK_DBL(g[0].w[0] + g[0].w[1], 1, 1e-15);
		cidx_ranking_free(r);
		cidx_engine_free(e);
	}
	/* B: only level 2 derived, level 1 fixed at A's final weights: the
	 * pillar scores are A's, so are the level-2 weights */
	o.wlevel = 2;
	o.over = NULL;
	cidx_wset_add(&base, 2, 5);
	cidx_wset_add(&base, 3, i2);
	o.base = &base;
	level2(fw, &o, &b1, &b2, &bi);
	CHECK_DBL(b1, a1, 1e-15);
	CHECK_DBL(b2, a2, 1e-15);
	CHECK_DBL(bi, 5, 0);
	/* C: without the override the level-2 weights differ */
	o.wlevel = 0;
	o.base = NULL;
	level2(fw, &o, &c1, &c2, &ci);
	CHECK(fabs(c1 - a1) > 1e-6);
	CHECK_DBL(a1 + a2, 1, 1e-15);
	cidx_wset_release(&over);
	cidx_wset_release(&base);
	cidx_framework_free(fw);
}

void
test_engine__contributions_add_up(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	struct cidx_ranking *r = NULL;
	struct cidx_contrib *c = NULL;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	if (cidx_engine_rank(e, 2017, NULL, 0, &r, &err) < 0)
		goto out;
	/* U2: both pillars; I1 25 x 0.25, I2 100 x 0.25, I3 100 x 0.5 */
	cidx_contributions(&c, fw, cidx_engine_weights(e), r->s, 1);
	CHECK_DBL(c->share[1], 0.5, 0);
	CHECK_DBL(c->global[2], 0.25, 0);
	CHECK_DBL(c->global[5], 0.5, 0);
	CHECK_DBL(c->contrib[2], 6.25, 1e-12);
	CHECK_DBL(c->contrib[3], 25, 1e-12);
	CHECK_DBL(c->contrib[5], 50, 1e-12);
	CHECK_DBL(c->contrib[1], c->contrib[2] + c->contrib[3], 1e-12);
	CHECK_DBL(c->contrib[2] + c->contrib[3] + c->contrib[5], 81.25, 1e-12);
	CHECK_DBL(c->factor[1], sqrt(62.5), 1e-12);
	cidx_contrib_free(c);
	/* U4: P2 missing, P1 takes the whole index */
	cidx_contributions(&c, fw, cidx_engine_weights(e), r->s, 3);
	CHECK(isnan(c->share[4]) && isnan(c->contrib[5]));
	CHECK_DBL(c->global[5], 0, 0);
	CHECK_DBL(c->share[1], 1, 0);
	CHECK_DBL(c->contrib[2] + c->contrib[3], 75, 1e-12);
	CHECK(isnan(c->factor[4]));
	cidx_contrib_free(c);
out:
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

void
test_engine__rank_split(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	struct cidx_rank_split sp;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	/* U1 has the same data both years: all of its change is the others' */
	CHECK_INT(cidx_engine_split(e, "U1", 2017, 2016, &sp, &err), 0);
	CHECK_DBL(sp.own, 0, 0);
	CHECK_DBL(sp.own + sp.others, sp.rank_then - sp.rank_now, 0);
	CHECK_INT(sp.rank_own_new, sp.rank_then);
	CHECK_INT(sp.rank_own_old, sp.rank_now);
	/* any unit: the parts add up exactly */
	CHECK_INT(cidx_engine_split(e, "U3", 2017, 2016, &sp, &err), 0);
	CHECK_DBL(sp.own + sp.others, sp.rank_then - sp.rank_now, 0);
	CHECK_INT(cidx_engine_split(e, "ZZ", 2017, 2016, &sp, &err),
	    CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "unit 'ZZ' is not ranked in 2017");
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/*
 * Movement, by hand, N = 4, D = 2 (rank now / rank then; the change is
 * measured among A, B, C, E, the units ranked in both years, issue 15
 * section 2: now A1 B2 C3 E4, then A1 E2 C3 B4):
 *   A 1/4  0 among them (3 on the raw ranks), in the top 4 already
 *   B 2/8  climbed exactly D among them (6 raw) from below N: entrant
 *          and dark horse
 *   C 3/6  0 among them (3 raw): entrant, not a dark horse; its
 *          coverage went from 100% to 80%
 *   D 4/-  at rank exactly N, no data then: not new, not comparable
 *   E 5/5  fell 2 among them, outside the top 4: neither
 *   F -/2  not ranked now: nothing, and it moves nobody
 *   G 6/-  screened out then (coverage 20%)
 */
void
test_engine__movement_boundaries(void)
{
	static const struct fx_node d[] = {
		{ "INDEX", NULL, AGG, 2, 0, 1 },
		{ "X", "INDEX", IND, 1, 1, 1 },
		{ "Y", "INDEX", IND, 1, 1, 1 },
		{ "Z", "INDEX", IND, 1, 1, 1 },
	};
	static const char *const now_codes[] = { "A", "B", "C", "D", "E", "F",
		"G" };
	static const char *const then_codes[] = { "A", "B", "C", "E", "F" };
	static const double x7[7 * 3] = { 0 }, x5[5 * 3] = { 0 };
	int now_rank[] = { 1, 2, 3, 4, 5, 0, 6 }, then_rank[] = { 4, 8, 6, 5,
		2 };
	double cov_now[] = { 1, 1, 0.8, 1, 1, 1, 1 }, cov_then[] = { 1, 1, 1,
		1, 1 };
	int same_skip[3] = { 0, 0, 0 };
	struct cidx_screened g = { NULL, 0.2, -1, NULL, NULL };
	struct cidx_prep_report rep, rep_now;
	struct cidx_ranking now, then;
	struct cidx_movement mv;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *dn = fx_dataset(2017, now_codes, 7, x7, 3);
	struct cidx_dataset *dt = fx_dataset(2016, then_codes, 5, x5, 3);

	memset(&now, 0, sizeof(now));
	memset(&then, 0, sizeof(then));
	memset(&mv, 0, sizeof(mv));
	memset(&rep, 0, sizeof(rep));
	memset(&rep_now, 0, sizeof(rep_now));
	rep.coverage = cov_then;
	rep_now.coverage = cov_now;
	g.code = cidx_xstrdup("G");
	rep.screened = &g;
	rep.n_screened = 1;
	now.n = 7;
	now.rank = now_rank;
	now.n_ranked = 6;
	now.skipped = same_skip;
	then.n = 5;
	then.rank = then_rank;
	then.n_ranked = 5;
	then.skipped = same_skip;
	if (fx_framework(&fw, d, LEN(d), &err) < 0)
		goto out;
	CHECK_INT(cidx_movement_basis(&mv, fw, same_skip, same_skip),
	    CIDX_BASIS_SAME);
	cidx_movement_compute(&mv, dn, &now, &now, dt, &then, &rep_now, &rep,
	    4, 2);
	CHECK_INT((int)mv.n_common, 4);
	CHECK_INT(mv.mv[0].change, 0);
	CHECK(!mv.mv[0].entrant && !mv.mv[0].dark);
	CHECK(mv.mv[1].entrant && mv.mv[1].dark);
	CHECK_INT(mv.mv[1].change, 2);
	CHECK_INT(mv.mv[1].prev_common, 4);
	CHECK_INT(mv.mv[1].now_common, 2);
	CHECK_INT(mv.mv[1].prev, 8);
	CHECK(mv.mv[2].entrant && !mv.mv[2].dark);
	CHECK_INT(mv.mv[2].change, 0);
	CHECK(mv.mv[2].cov_changed && !mv.mv[1].cov_changed);
	CHECK_DBL(mv.mv[2].cov_prev, 1, 0);
	CHECK_DBL(mv.mv[2].cov_now, 0.8, 0);
	CHECK(!mv.mv[3].entrant && !mv.mv[3].dark && !mv.mv[3].has_change);
	CHECK_INT(mv.mv[3].prev, 0);
	CHECK_INT(mv.mv[3].prev_common, 0);
	CHECK_INT(mv.mv[3].prev_status, CIDX_PREV_NODATA);
	CHECK(!mv.mv[4].entrant && !mv.mv[4].dark);
	CHECK_INT(mv.mv[4].change, -2);
	CHECK(!mv.mv[5].entrant && !mv.mv[5].has_change);
	CHECK_INT(mv.mv[6].prev_status, CIDX_PREV_SCREENED);
	CHECK_DBL(mv.mv[6].cov_prev, 0.2, 0);
	CHECK(!mv.mv[6].entrant && !mv.mv[6].cov_changed);
	CHECK_INT(mv.mv[1].basis_rank, 2);
	/* top 0: the top group is every unit ranked now (6): B (8th then)
	 * was not in it, C (6th) was */
	cidx_movement_compute(&mv, dn, &now, &now, dt, &then, &rep_now, &rep,
	    0, 2);
	CHECK(mv.mv[1].entrant && !mv.mv[2].entrant && !mv.mv[4].entrant);
out:
	free(mv.mv);
	free(mv.in_basis);
	free(g.code);
	cidx_dataset_free(dn);
	cidx_dataset_free(dt);
	cidx_framework_free(fw);
}

/*
 * The basis: INDEX <- P1 <- A, B, C; P2 <- D, E.
 */
void
test_engine__movement_basis(void)
{
	static const struct fx_node d[] = {
		{ "INDEX", NULL, AGG, 3, 0, 1 },
		{ "P1", "INDEX", AGG, 2, 0, 1 },
		{ "A", "P1", IND, 1, 1, 1 },
		{ "B", "P1", IND, 1, 1, 1 },
		{ "C", "P1", IND, 1, 1, 1 },
		{ "P2", "INDEX", AGG, 2, 0, 1 },
		{ "D", "P2", IND, 1, 1, 1 },
		{ "E", "P2", IND, 1, 1, 1 },
	};
	const int N = CIDX_SKIP_NODATA;
	int all[5] = { 0, 0, 0, 0, 0 };
	int no_c[5] = { 0, 0, N, 0, 0 };      /* 4 of 5 shared */
	int only_ab[5] = { 0, 0, N, N, N };   /* P2 shares none */
	int only_de[5] = { N, N, N, 0, 0 };   /* 2 of 5: fewer than half */
	int no_e[5] = { 0, 0, 0, 0, N };
	struct cidx_movement mv;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;

	if (fx_framework(&fw, d, LEN(d), &err) < 0)
		return;
	memset(&mv, 0, sizeof(mv));
	mv.year = 2017;
	mv.cyear = 2016;
	CHECK_INT(cidx_movement_basis(&mv, fw, all, all), CIDX_BASIS_SAME);
	CHECK_INT(mv.shared, 5);
	free(mv.in_basis);
	CHECK_INT(cidx_movement_basis(&mv, fw, all, no_c), CIDX_BASIS_COMMON);
	CHECK_INT(mv.shared, 4);
	CHECK_INT(mv.n_cur, 5);
	CHECK_INT(mv.n_prev, 4);
	CHECK(mv.in_basis[0] && !mv.in_basis[2]);
	free(mv.in_basis);
	CHECK_INT(cidx_movement_basis(&mv, fw, all, only_ab),
	    CIDX_BASIS_WITHHELD);
	CHECK_HAS(mv.why, "2017 and 2016 share 2 of the 5 indicators with "
	    "data in 2017, fewer than half");
	free(mv.in_basis);
	/* exactly half is enough, unless a pillar shares nothing */
	CHECK_INT(cidx_movement_basis(&mv, fw, no_c, only_ab),
	    CIDX_BASIS_WITHHELD);
	CHECK_HAS(mv.why, "pillar 'P2' has no indicator with data in both "
	    "2017 and 2016");
	free(mv.in_basis);
	CHECK_INT(cidx_movement_basis(&mv, fw, only_de, all),
	    CIDX_BASIS_SAME + 0 == 0 ? CIDX_BASIS_COMMON : 0);
	CHECK_INT(mv.shared, 2);
	free(mv.in_basis);
	/* a pillar with data only in the earlier year does not block */
	CHECK_INT(cidx_movement_basis(&mv, fw, only_ab, all),
	    CIDX_BASIS_COMMON);
	free(mv.in_basis);
	CHECK_INT(cidx_movement_basis(&mv, fw, all, no_e), CIDX_BASIS_COMMON);
	free(mv.in_basis);
	cidx_framework_free(fw);
}

/* movement on the common basis (and explain's split of it); `frugal`:
 * the engine ranks in the year's own memory and must get the values
 * back for the shared indicators */
static void
common_basis(int frugal)
{
	struct cidx_engine_opts o = NOSCREEN;
	/* 2016 lacks I2: the years are compared on I1 and I3 */
	struct mem_source ms = { 0, 2 };
	struct cidx_source src = { &ms, mem_years, mem_load };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e = NULL;
	struct cidx_ranking *r = NULL;
	struct cidx_movement *mv = NULL;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0)
		return;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0)
		goto out;
	cidx_engine_set_frugal(e, frugal);
	if (cidx_engine_rank(e, 2017, NULL, 0, &r, &err) < 0 ||
	    cidx_engine_movement(e, 2017, 2016, r, 2, 3, &mv, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	/* 2 of 3 shared, each pillar keeps one */
	CHECK_INT(mv->basis, CIDX_BASIS_COMMON);
	CHECK_INT(mv->shared, 2);
	/*
	 * On I1 and I3 only.  2017: P1 = I1 = 0 25 50 75 100, P2 = I3 =
	 * 0 100 50 - 25; index 0 62.5 50 75 62.5 -> ranks 5 2 4 1 2.
	 * 2016: I1 10 45 40 20 30 -> 0 100 85.71 28.57 57.14; I3 0 10 80 60
	 * 90 -> 0 11.11 88.89 66.67 100; index 0 55.56 87.30 47.62 78.57
	 * -> ranks 5 3 1 4 2.
	 */
	CHECK_INT(mv->mv[3].basis_rank, 1);
	CHECK_INT(mv->mv[3].prev, 4);
	CHECK_INT(mv->mv[3].change, 3);
	CHECK_INT(mv->mv[1].basis_rank, 2);
	CHECK_INT(mv->mv[1].change, 1);
	CHECK_INT(mv->mv[4].basis_rank, 2);
	CHECK_INT(mv->mv[4].change, 0);
	CHECK_INT(mv->mv[2].prev, 1);
	CHECK_INT(mv->mv[2].change, -3);
	/* full rank of U4 is 2 <= N = 2, prev 4 > 2: an entrant; climbed 3 */
	CHECK(mv->mv[3].entrant && mv->mv[3].dark);
	/* U2: rank 1 now, 3rd then on the basis: new in the top 2, +1 */
	CHECK(mv->mv[1].entrant && !mv->mv[1].dark);
	/* explain splits the same change, on the same basis */
	for (size_t i = 0; i < 5; i++) {
		struct cidx_rank_split sp;

		CHECK_INT(cidx_engine_split(e, codes[i], 2017, 2016, &sp,
		    &err), 0);
		CHECK_INT(sp.basis, CIDX_BASIS_COMMON);
		CHECK_INT(sp.shared, 2);
		CHECK_INT(sp.rank_now, mv->mv[i].basis_rank);
		CHECK_INT(sp.rank_then, mv->mv[i].prev);
		CHECK_DBL(sp.own + sp.others, mv->mv[i].change, 0);
	}
out:
	cidx_movement_free(mv);
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

void
test_engine__movement_on_the_common_basis(void)
{
	common_basis(0);
}

void
test_engine__split_withheld_with_movement(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	/* 2016 lacks I3, the whole of pillar P2: no basis to compare on */
	struct mem_source ms = { 0, 3 };
	struct cidx_source src = { &ms, mem_years, mem_load };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e = NULL;
	struct cidx_rank_split sp;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0)
		return;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	CHECK_INT(cidx_engine_split(e, "U2", 2017, 2016, &sp, &err), 0);
	CHECK_INT(sp.basis, CIDX_BASIS_WITHHELD);
	CHECK_HAS(sp.why, "P2");
	CHECK_INT(sp.rank_now, 0);
	CHECK_INT(sp.rank_then, 0);
out:
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* a year without data for a pillar is not ranked, nor the default, nor
 * compared with */
void
test_engine__year_without_a_pillar(void)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	/* 2016 lacks I3, the whole of pillar P2: no basis to compare on */
	struct mem_source ms = { 0, 3 };
	struct cidx_source src = { &ms, mem_years, mem_load };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e = NULL;
	struct cidx_ranking *r = NULL;
	struct cidx_movement *mv = NULL;
	size_t gaps = 9;
	int year = 0, cyear = 9;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0)
		return;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		goto out;
	}
	CHECK_INT(cidx_engine_year_gaps(e, 2017, &gaps, &err), 0);
	CHECK_INT(gaps, 0);
	CHECK_INT(cidx_engine_year_gaps(e, 2016, &gaps, &err), 0);
	CHECK_INT(gaps, 1);
	CHECK_HAS(err.msg, "2016 has no data for 1 of the 2 pillars (P2)");
	/* 2017 is the default; 2016 is no default to compare with */
	CHECK_INT(cidx_engine_pick_years(e, 0, 0, &year, &cyear, &err), 0);
	CHECK_INT(year, 2017);
	CHECK_INT(cyear, 0);
	/* asked for, it is ranked on P1; no weights are derived on it */
	CHECK_INT(cidx_engine_rank(e, 2016, NULL, 0, &r, &err), 0);
	CHECK(r && r->n_ranked > 0);
	cidx_ranking_free(r);
	r = NULL;
	/* the comparison with it is withheld, naming the pillar */
	CHECK_INT(cidx_engine_rank(e, 2017, NULL, 0, &r, &err), 0);
	if (r && cidx_engine_movement(e, 2017, 2016, r, 2, 3, &mv, &err) == 0) {
		CHECK_INT(mv->basis, CIDX_BASIS_WITHHELD);
		CHECK_HAS(mv->why, "pillar 'P2' has no indicator with data in "
		    "both 2017 and 2016");
		for (size_t i = 0; i < mv->n; i++)
			CHECK(!mv->mv[i].has_change && !mv->mv[i].entrant);
	} else {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	}
	cidx_ranking_free(r);
	r = NULL;
	cidx_engine_free(e);
	/* the pillar rule off: 2016 still lacks P2 and is still no default
	 * (cityidx(1), METHOD, Screen: whatever the rule) */
	o.m.screen_pillar = 0;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0)
		goto out;
	CHECK_INT(cidx_engine_year_gaps(e, 2016, &gaps, &err), 0);
	CHECK_INT(gaps, 1);
	CHECK_INT(cidx_engine_pick_years(e, 0, 0, &year, &cyear, &err), 0);
	CHECK_INT(year, 2017);
	CHECK_INT(cyear, 0);
	cidx_engine_free(e);
	/* entropy weights cannot be derived on a year without P2 */
	o.m.screen_pillar = 1;
	o.wmethod = CIDX_WM_ENTROPY;
	if (cidx_engine_new(&e, fw, &src, &o, &err) < 0)
		goto out;
	CHECK_INT(cidx_engine_derive(e, 2016, &err), CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "2016 has no data for 1 of the 2 pillars (P2)");
out:
	cidx_movement_free(mv);
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* the default coverage rule: U4 has no value in pillar P2 */
void
test_engine__screening_by_coverage(void)
{
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	CHECK_INT(cidx_engine_prepared(e, 2017, &ds, &rep, &err), 0);
	CHECK_INT(ds->n_units, 4);
	CHECK_INT(rep->n_year_ind, 3);
	CHECK_INT(rep->n_screened, 1);
	CHECK_STR(rep->screened[0].code, "U4");
	CHECK_DBL(rep->screened[0].coverage, 2.0 / 3, 1e-15);
	CHECK_INT(rep->screened[0].pillar, 4);
	CHECK_DBL(rep->coverage[0], 1, 0);
	cidx_engine_free(e);
	/* a share of 2/3 alone keeps it; 0.7 does not */
	o.m.screen_pillar = 0;
	if ((e = engine(fw, &ms, &o)) != NULL) {
		CHECK_INT(cidx_engine_prepared(e, 2017, &ds, &rep, &err), 0);
		CHECK_INT(ds->n_units, 5);
		CHECK_DBL(rep->coverage[3], 2.0 / 3, 1e-15);
		cidx_engine_free(e);
	}
	o.m.screen = 0.7;
	if ((e = engine(fw, &ms, &o)) != NULL) {
		CHECK_INT(cidx_engine_prepared(e, 2017, &ds, &rep, &err), 0);
		CHECK_INT(ds->n_units, 4);
		CHECK_INT(rep->screened[0].pillar, -1);
		cidx_engine_free(e);
	}
	cidx_framework_free(fw);
}

void
test_engine__audit(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct cidx_treat_params tp = CIDX_TREAT_PARAMS_INIT;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	struct cidx_ranking *r = NULL;
	struct cidx_audit_row rows[6];
	const struct cidx_dataset *ds;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	if (cidx_engine_rank(e, 2017, NULL, 0, &r, &err) < 0 ||
	    cidx_engine_prepared(e, 2017, &ds, NULL, &err) < 0)
		goto out;
	cidx_audit(fw, ds, r, &tp, rows);
	/* I3: 4 of 5 values, mean 43.75 */
	CHECK_INT(rows[5].sum.n, 4);
	CHECK_DBL(rows[5].na_share, 0.2, 1e-15);
	CHECK_DBL(rows[5].sum.mean, 43.75, 1e-12);
	/* P2 = I3: r = rho = 1 */
	CHECK_DBL(rows[5].r_parent, 1, 1e-12);
	CHECK_DBL(rows[5].rho_parent, 1, 1e-12);
	/* I1 (0 25 50 75 100) against P1 (0 62.5 50 75 62.5): centred
	 * -50 -25 0 25 50 and -50 12.5 0 25 12.5: r = 3125 /
	 * sqrt(6250 x 2843.75) = 0.74162 */
	CHECK_DBL(rows[2].r_parent, 0.7416198487095663, 1e-12);
	CHECK(!rows[2].negative);
	CHECK(rows[2].outlier == cidx_treat_fails(rows[2].sum.skew,
	    rows[2].sum.kurt, &tp));
	/* aggregates: alpha over their children */
	CHECK(!isnan(rows[1].alpha));
	CHECK(isnan(rows[4].alpha)); /* one child */
out:
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* TOPSIS: I2 has no data, so I1 carries all of P1's half of the index,
 * as in the composite (the same as TOPSIS on I1 and I3 with equal
 * weights), not a quarter of it */
void
test_engine__topsis_rescales_over_indicators_with_data(void)
{
	static const double x[5 * 3] = {
		10, NA, 1,
		20, NA, 9,
		30, NA, 5,
		40, NA, 3,
		50, NA, 2,
	};
	static const double x2[5 * 2] = { 10, 1, 20, 9, 30, 5, 40, 3, 50, 2 };
	static const int dir[2] = { 1, 1 };
	static const double w2[2] = { 1, 1 };
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_dataset *ds = fx_dataset(2017, codes, 5, x, 3);
	struct cidx_ranking *r = NULL;
	gsl_matrix *sub = mat(5, 2, x2);
	double w[6], c[5];

	m.imethod = CIDX_IM_TOPSIS;
	m.screen = 0;
	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0)
		goto out;
	cidx_calc_weights_default(fw, w);
	CHECK_INT(cidx_ranking_compute(&r, fw, ds, w, &m, NULL, 0, &err), 0);
	CHECK_INT(cidx_topsis(sub, dir, w2, c, &err), 0);
	for (size_t i = 0; r && i < 5; i++)
		CHECK_DBL(gsl_matrix_get(r->s, i, 0), c[i], 1e-12);
out:
	gsl_matrix_free(sub);
	cidx_ranking_free(r);
	cidx_dataset_free(ds);
	cidx_framework_free(fw);
}

void
test_engine__unit_lookup_by_code_or_name(void)
{
	static const char *const c[] = { "110100", "120100", "440300",
		"652800", "X1" };
	static const double x[5] = { 1, 2, 3, 4, 5 };
	static const char *const zh[] = { "北京市", "天津市", "深圳市",
		"巴音郭楞蒙古自治州", "北京" };
	static const char *const en[] = { "Beijing", "Tianjin", "Shenzhen",
		"Bayingolin", NULL };
	struct cidx_dataset *ds = fx_dataset(2017, c, 5, x, 1);
	struct cidx_err err = CIDX_ERR_INIT;
	long row = -1;

	for (size_t i = 0; i < 5; i++) {
		ds->unit[i].name = cidx_xstrdup(zh[i]);
		ds->unit[i].name_en = en[i] ? cidx_xstrdup(en[i]) : NULL;
	}
	CHECK_INT(cidx_dataset_lookup(ds, "440300", &row, &err), 0);
	CHECK_INT(row, 2);
	CHECK_INT(cidx_dataset_lookup(ds, "天津市", &row, &err), 0);
	CHECK_INT(row, 1);
	CHECK_INT(cidx_dataset_lookup(ds, "shenzhen", &row, &err), 0);
	CHECK_INT(row, 2);
	CHECK_INT(cidx_dataset_lookup(ds, "巴音郭楞蒙古", &row, &err), 0);
	CHECK_INT(row, 3);
	CHECK_INT(cidx_dataset_lookup(ds, "天津", &row, &err), 0);
	CHECK_INT(row, 1);
	/* an exact name wins over a name without its suffix */
	CHECK_INT(cidx_dataset_lookup(ds, "北京", &row, &err), 0);
	CHECK_INT(row, 4);
	/* two units called the same: both listed */
	free(ds->unit[4].name);
	ds->unit[4].name = cidx_xstrdup("北京市");
	CHECK_INT(cidx_dataset_lookup(ds, "北京市", &row, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'北京市' names 2 units: 110100 北京市, X1 北京市");
	CHECK_INT(cidx_dataset_lookup(ds, "上海", &row, &err), CIDX_ENOTFOUND);
	CHECK_INT(cidx_dataset_lookup(ds, "", &row, &err), CIDX_ENOTFOUND);
	cidx_dataset_free(ds);
}

/* medians and correlations over the ranked units (2017, no screening):
 * I1 0 25 50 75 100 -> 50; P1 0 62.5 50 75 62.5 -> 62.5; I3 0 100 50 -
 * 25 -> (25 + 50)/2 = 37.5; index 0 81.25 50 75 43.75 -> 50 */
void
test_engine__medians_and_correlations(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	struct cidx_ranking *r = NULL;
	const size_t nodes[3] = { 2, 4, 5 };
	double med[6], R[9];

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	if (cidx_engine_rank(e, 2017, NULL, 0, &r, &err) == 0) {
		cidx_ranking_medians(fw, r, med);
		CHECK_DBL(med[2], 50, 1e-12);
		CHECK_DBL(med[1], 62.5, 1e-12);
		CHECK_DBL(med[5], 37.5, 1e-12);
		CHECK_DBL(med[0], 50, 1e-12);
		cidx_ranking_correlations(r, nodes, 3, R);
		CHECK_DBL(R[0], 1, 0);
		CHECK_DBL(R[4 + 1], 1, 1e-12);   /* P2 = I3 */
		CHECK_DBL(R[1 * 3 + 2], 1, 1e-12);
		CHECK_DBL(R[0 * 3 + 1], R[1 * 3 + 0], 0);
		/* I1 0 25 50 100 against I3 0 100 50 25 (U4 has no I3):
		 * centred -43.75 -18.75 6.25 56.25 and -43.75 56.25 6.25
		 * -18.75; r = (1914.0625 - 1054.6875 + 39.0625 - 1054.6875)
		 * / 5468.75 = -156.25 / 5468.75 = -1/35 */
		CHECK_DBL(R[0 * 3 + 2], -1.0 / 35, 1e-12);
	}
	cidx_ranking_free(r);
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* cidx_ranks_among() gives every unit's cidx_rank_among(): ties, units
 * not ranked (0), units left out, ranks past the units' count */
void
test_engine__ranks_among_all_at_once(void)
{
	int rank[64], out[64];
	unsigned char in[64];
	uint32_t s = 7;

	for (int round = 0; round < 200; round++) {
		size_t n = (size_t)round % 64;

		for (size_t k = 0; k < n; k++) {
			s = s * 1103515245u + 12345u;
			rank[k] = (int)((s >> 16) % (n + 3)) - 1;
			in[k] = (s >> 8) % 4 != 0;
		}
		cidx_ranks_among(rank, in, n, out);
		for (size_t i = 0; i < n; i++)
			CHECK_INT(out[i], cidx_rank_among(rank, in, n, i));
	}
}

/* a frugal engine: the ranking takes the year's values and is the same;
 * the values come back (read and prepared again) when they are asked
 * for, into the same dataset; the units stay meanwhile */
void
test_engine__frugal_takes_and_gives_back(void)
{
	struct cidx_engine_opts o = NOSCREEN;
	struct mem_source ms = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_engine *e;
	const struct cidx_dataset *ds, *ds2;
	struct cidx_ranking *r = NULL;

	if (fx_framework(&fw, e2e_fw, LEN(e2e_fw), &err) < 0 ||
	    (e = engine(fw, &ms, &o)) == NULL) {
		cidx_framework_free(fw);
		return;
	}
	cidx_engine_set_frugal(e, 1);
	for (int pass = 0; pass < 2; pass++) {
		CHECK_INT(cidx_engine_rank(e, 2017, NULL, 0, &r, &err), 0);
		if (r) {
			CHECK_DBL(gsl_matrix_get(r->s, 1, 0), 81.25, 1e-12);
			CHECK_DBL(gsl_matrix_get(r->s, 4, 0), 43.75, 1e-12);
			CHECK(isnan(gsl_matrix_get(r->s, 3, 4)));
			CHECK_DBL(gsl_matrix_get(r->s, 1, 5), 100, 1e-12);
			CHECK_INT(r->rank[1], 1);
			CHECK_INT(r->rank[0], 5);
		}
		cidx_ranking_free(r);
		r = NULL;
		CHECK_INT(cidx_engine_prepared_units(e, 2017, &ds, NULL, &err),
		    0);
		CHECK(ds != NULL && ds->x == NULL && ds->n_units == 5);
		CHECK_INT(ms.loads, 1 + pass);
		CHECK_INT(cidx_engine_prepared(e, 2017, &ds2, NULL, &err), 0);
		CHECK(ds2 == ds);
		CHECK_INT(ms.loads, 2 + pass);
		if (ds2 && ds2->x) {
			CHECK_DBL(gsl_matrix_get(ds2->x, 1, 0), 20, 0);
			CHECK(isnan(gsl_matrix_get(ds2->x, 3, 2)));
		}
	}
	cidx_engine_free(e);
	cidx_framework_free(fw);
}

/* movement on the common basis needs both years' values: a frugal engine
 * gets them back and moves as any other */
void
test_engine__frugal_movement_on_the_common_basis(void)
{
	common_basis(1);
}
