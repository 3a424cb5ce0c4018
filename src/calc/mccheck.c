/*
 * mccheck.c - the design checked before the first draw (cityidx(1),
 * Uncertainty and sensitivity): can a geometric or harmonic mean, at any
 * level, meet a value <= 0 in some run?
 *
 * The normalised values do not depend on the weights, so each data
 * combination is looked at once per aggregation alternative and (with
 * drop-one) per indicator left out.  The weights are not known before a
 * draw: each perturbed weight lies in [w (1 - phi), w (1 + phi)], the
 * others are fixed.  Every mean rises with each of its inputs, so the
 * lowest value an aggregate can take for a unit is its mean of the
 * lowest values of its children, under the weights (within their
 * ranges) that make that mean lowest.  A weighted mean sum w t / sum w
 * is lowest at a corner of the box of weights: the largest weights on
 * the k smallest t, the smallest on the others, for one k; so each k is
 * tried.  The geometric mean is that of ln t, the harmonic the inverse
 * of the largest mean of 1 / t.  A geometric or harmonic mean whose
 * child can reach a value <= 0 makes the design invalid.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc_int.h"
#include "calc/imethod.h"
#include "core/mem.h"

struct ck {
	const struct mc_plan *p;
	double *lo, *hi;      /* nn: the weight range of each node */
	double *low;          /* n_agg x n: the lowest aggregate values, NaN
				 where missing */
	double *t, *wl, *wh;  /* a mean's children, for one unit */
	size_t *ord;
};

/* the lowest (sign 1) or highest (sign -1) of sum w t / sum w over the
 * box w in [wl, wh], nc terms */
static double
extreme(const struct ck *k, size_t nc, double sign)
{
	double best = INFINITY;

	for (size_t q = 0; q < nc; q++) {
		size_t x = q;

		k->ord[q] = q;
		while (x > 0 && sign * k->t[k->ord[x - 1]] > sign *
		    k->t[k->ord[x]]) {
			size_t s = k->ord[x];

			k->ord[x] = k->ord[x - 1];
			k->ord[x - 1] = s;
			x--;
		}
	}
	for (size_t c = 0; c <= nc; c++) {
		double num = 0, den = 0;

		for (size_t q = 0; q < nc; q++) {
			double w = q < c ? k->wh[k->ord[q]] : k->wl[k->ord[q]];

			num += w * k->t[k->ord[q]];
			den += w;
		}
		if (den > 0 && sign * num / den < best)
			best = sign * num / den;
	}
	return sign * best;
}

/* the lowest value of aggregate a for unit i under aggregation h; 0 and
 * *bad (the child's place) when a geometric or harmonic mean can meet a
 * value <= 0, *val that value */
static int
lowest(struct ck *k, const struct mc_variant *v, size_t a, size_t i, int h,
    size_t *bad, double *val)
{
	const struct mc_plan *p = k->p;
	size_t nc = 0;
	double y;

	for (size_t c = p->ch_off[a]; c < p->ch_off[a + 1]; c++) {
		size_t node = p->ch_node[c];

		if (k->hi[node] <= 0)
			continue;
		if (p->ch[c] >= 0) {
			size_t j = (size_t)p->ch[c] * p->np + i;

			if (v->mask[j] == 0)
				continue;
			y = v->z[j];
		} else if (isnan(y = k->low[(size_t)(-1 - p->ch[c]) * p->n +
		    i]))
			continue;
		if (h != CIDX_AGG_ARITH && !(y > 0)) {
			*bad = c;
			*val = y;
			return -1;
		}
		k->t[nc] = h == CIDX_AGG_GEOM ? log(y) : h == CIDX_AGG_HARM ?
		    1 / y : y;
		k->wl[nc] = k->lo[node];
		k->wh[nc++] = k->hi[node];
	}
	if (nc == 0)
		y = NAN;
	else if (h == CIDX_AGG_GEOM)
		y = exp(extreme(k, nc, 1));
	else if (h == CIDX_AGG_HARM)
		y = 1 / extreme(k, nc, -1);
	else
		y = extreme(k, nc, 1);
	k->low[a * p->n + i] = y;
	return 0;
}

/* the weight ranges of a run that leaves out node `drop` (SIZE_MAX:
 * none) */
static void
ranges(struct ck *k, size_t drop)
{
	const struct mc_plan *p = k->p;

	for (size_t q = 0; q < p->nn; q++)
		k->lo[q] = k->hi[q] = p->w[q];
	for (size_t t = 0; p->phi > 0 && t < p->n_noisy; t++) {
		size_t q = p->noisy[t];

		k->lo[q] = p->w[q] * (1 - p->phi);
		k->hi[q] = p->w[q] * (1 + p->phi);
	}
	if (drop != SIZE_MAX)
		k->lo[drop] = k->hi[drop] = 0;
}

/* the message: the combination, the unit and child, the fix */
static int
refuse(const struct ck *k, const struct cidx_mc_result *r,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const size_t *pick, size_t a, size_t c, size_t i, double y, int h,
    size_t drop, struct cidx_err *err)
{
	const struct mc_plan *p = k->p;
	char what[400], more[200] = "", name[200] = "";
	const char *mean = h == CIDX_AGG_GEOM ? "geometric" : "harmonic";

	cidx_mc_describe(what, sizeof(what), r, pick);
	if (ds->unit[i].name || ds->unit[i].name_en)
		snprintf(name, sizeof(name), " (%s)", ds->unit[i].name ?
		    ds->unit[i].name : ds->unit[i].name_en);
	if (drop != SIZE_MAX)
		snprintf(more, sizeof(more), ", leaving out '%s'",
		    fw->node[drop].code);
	if (p->phi > 0 && p->ch[c] < 0)
		snprintf(more + strlen(more), sizeof(more) - strlen(more),
		    ", weights perturbed by up to %g%%", p->phi * 100);
	return cidx_err_set(err, CIDX_ENUMERIC, "the %s mean of '%s' needs "
	    "values > 0: unit '%s'%s, '%s' %s %g with %s%s; use minmax:1,100 "
	    "for the %s mean%s", mean,
	    fw->node[p->agg_node[a]].code, ds->unit[i].code, name,
	    fw->node[p->ch_node[c]].code, p->ch[c] >= 0 ? "=" : "can reach",
	    y, what[0] ? what : "the nominal method", more, mean,
	    r->skip_invalid ? "" : ", or skip such runs (--skip-invalid)");
}

/* combination v under aggregation g, leaving out `drop`: 0, or the
 * refusal */
static int
check_one(struct ck *k, const struct cidx_mc_result *r,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    size_t *pick, size_t drop, struct cidx_err *err)
{
	const struct mc_plan *p = k->p;
	const struct mc_variant *v = &p->var[(pick[CIDX_MC_IMPUTE] * p->n_win +
	    pick[CIDX_MC_WINMAX]) * p->n_norm + pick[CIDX_MC_NORMALISE]];
	const unsigned char *how = p->how + pick[CIDX_MC_AGGREGATE] * p->n_agg;

	ranges(k, drop);
	for (size_t a = 0; a < p->n_agg; a++)
		for (size_t i = 0; i < p->n; i++) {
			size_t c;
			double y;

			if (lowest(k, v, a, i, how[a], &c, &y) < 0)
				return refuse(k, r, fw, ds, pick, a, c, i, y,
				    how[a], drop, err);
		}
	return 0;
}

int
cidx_mc_check_design(const struct mc_plan *p, const struct cidx_mc_result *r,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    int *all, struct cidx_err *err)
{
	struct ck k;
	size_t pick[CIDX_MC_N_INPUTS] = { 0 }, maxc = 1, nd, n_comp = 0;
	int ret = 0, any = 0;
	size_t bad = 0, nq;

	for (size_t g = 0; g < p->n_aggalt * p->n_agg; g++)
		any |= p->how[g] != CIDX_AGG_ARITH;
	for (size_t q = 0; q < p->n_meth; q++)
		n_comp += p->meth == NULL ||
		    p->meth[q].imethod == CIDX_IM_COMPOSITE;
	*all = 0;
	if (!any || n_comp == 0)
		return 0;
	for (size_t a = 0; a < p->n_agg; a++)
		if (p->ch_off[a + 1] - p->ch_off[a] > maxc)
			maxc = p->ch_off[a + 1] - p->ch_off[a];
	k.p = p;
	k.lo = cidx_xcalloc(p->nn + 1, sizeof(double));
	k.hi = cidx_xcalloc(p->nn + 1, sizeof(double));
	k.low = cidx_xcalloc(p->n_agg * p->n + 1, sizeof(double));
	k.t = cidx_xcalloc(maxc, sizeof(double));
	k.wl = cidx_xcalloc(maxc, sizeof(double));
	k.wh = cidx_xcalloc(maxc, sizeof(double));
	k.ord = cidx_xcalloc(maxc, sizeof(size_t));
	nd = p->active[CIDX_MC_DROP] ? p->n_drop : 1;
	/* the first composite method a run can pick, for the message */
	while (p->meth && p->meth[pick[CIDX_MC_METHOD]].imethod !=
	    CIDX_IM_COMPOSITE)
		pick[CIDX_MC_METHOD]++;
	/* every combination: the first refusal is the message */
	nq = p->n_var * p->n_aggalt * nd;
	for (size_t q = 0; q < nq; q++) {
		size_t var = q / (p->n_aggalt * nd);
		int one;

		pick[CIDX_MC_AGGREGATE] = q / nd % p->n_aggalt;
		pick[CIDX_MC_NORMALISE] = var % p->n_norm;
		pick[CIDX_MC_WINMAX] = var / p->n_norm % p->n_win;
		pick[CIDX_MC_IMPUTE] = var / p->n_norm / p->n_win;
		one = check_one(&k, r, fw, ds, pick, p->active[CIDX_MC_DROP] ?
		    p->drop[q % nd] : SIZE_MAX, ret < 0 ? NULL : err);
		if (one < 0) {
			ret = one;
			bad++;
		}
	}
	/* with the weights fixed, the check of a combination is exact */
	*all = bad == nq && n_comp == p->n_meth && p->phi == 0;
	free(k.lo);
	free(k.hi);
	free(k.low);
	free(k.t);
	free(k.wl);
	free(k.wh);
	free(k.ord);
	return ret;
}
