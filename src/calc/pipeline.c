/*
 * pipeline.c - one ranking from one dataset: the steps in their fixed
 * order (cityidx(1), METHOD: Normalisation, Aggregation, Ranking, Top
 * group, Tiers).  Allocation happens here, once; the steps themselves do
 * not.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "calc/imethod.h"
#include "core/mem.h"

void
cidx_ranking_free(struct cidx_ranking *r)
{
	if (r == NULL)
		return;
	if (r->s)
		gsl_matrix_free(r->s);
	free(r->skipped);
	free(r->rank);
	free(r->order);
	free(r->tier);
	free(r);
}

/* reached from `top` through present nodes with a positive weight sum */
static int
reached(size_t k, size_t top, const double *share, const double *gw)
{
	return share ? !isnan(share[k]) : k == top || gw[k] != 0;
}

void
cidx_global_weights(const struct cidx_framework *fw, const double *w,
    size_t top, const unsigned char *present, double *share, double *gw)
{
	for (size_t k = 0; k < fw->n; k++) {
		gw[k] = 0;
		if (share)
			share[k] = NAN;
	}
	gw[top] = 1;
	if (share)
		share[top] = 1;
	/* top-down: parents before children (levels descending) */
	for (int lv = fw->node[top].level; lv >= 2; lv--)
		for (size_t k = 0; k < fw->n; k++) {
			double sw = 0;

			if (fw->node[k].level != lv ||
			    !reached(k, top, share, gw))
				continue;
			for (size_t c = fw->child_off[k];
			    c < fw->child_off[k + 1]; c++)
				if (present == NULL || present[fw->child[c]])
					sw += w[fw->child[c]];
			if (!(sw > 0))
				continue;
			for (size_t c = fw->child_off[k];
			    c < fw->child_off[k + 1]; c++) {
				size_t ch = fw->child[c];

				if (present != NULL && !present[ch])
					continue;
				if (share)
					share[ch] = w[ch] / sw;
				gw[ch] = gw[k] * w[ch] / sw;
			}
		}
}

int
cidx_ranking_compute(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_err *err)
{
	return cidx_ranking_compute_with(out, fw, ds, w, m, NULL, tiers, top,
	    err);
}

/*
 * x (n x n_ind values, or scores) into the columns of the nodes: indicator
 * column j to node column ind[j], NaN in the others.  When x is its own
 * block it grows in place (realloc: a large block is remapped, not copied)
 * and the rows move from the last, each from its last value: a value
 * never lands on one not yet moved (ind[j] >= j and fw->n >= n_ind).
 */
static gsl_matrix *
widen(const struct cidx_framework *fw, gsl_matrix *x)
{
	size_t n = x->size1, ni = fw->n_ind, nn = fw->n, tda = x->tda;
	gsl_matrix *s = x;
	const double *from = x->data;
	double *d;

	if (x->owner && x->block && x->block->data == x->data && tda <= nn &&
	    x->size2 == ni) {
		d = cidx_xreallocarray(x->block->data, n * nn, sizeof(double));
		x->block->data = x->data = d;
		x->block->size = n * nn;
		x->size2 = x->tda = nn;
		from = d;
	} else {
		s = cidx_matrix_alloc(n, nn);
		d = s->data;
	}
	for (size_t i = n; i-- > 0;) {
		const double *src = from + i * tda;
		double *row = d + i * nn;

		for (size_t j = ni; j-- > 0;)
			row[fw->ind[j]] = src[j];
		for (size_t k = 0; k < nn; k++)
			if (fw->col[k] < 0)
				row[k] = NAN;
	}
	if (s != x)
		gsl_matrix_free(x);
	return s;
}

/* r->s, the scores of every node: from x, or in `own`'s memory (taken) */
static int
scores(struct cidx_ranking *r, const struct cidx_framework *fw,
    const struct cidx_dataset *ds, gsl_matrix *own, const double *w,
    const struct cidx_method *m, const struct cidx_norm_stats *st,
    const char *const *codes, struct cidx_err *err)
{
	struct cidx_dataset v = *ds;
	int ret;

	if (own && m->imethod == CIDX_IM_COMPOSITE) {
		ret = cidx_calc_normalise_in_place(fw, own, m, st, r->skipped,
		    err);
		r->s = widen(fw, own);
		return ret < 0 ? ret : cidx_calc_aggregate(fw, w, m, r->s,
		    codes, err);
	}
	if (own)
		v.x = own;
	r->s = cidx_matrix_alloc(r->n, fw->n);
	if (m->imethod != CIDX_IM_COMPOSITE) {
		gsl_matrix_set_all(r->s, NAN);
		ret = cidx_imethod_scores(fw, &v, w, m, st, r->s, r->skipped,
		    err);
	} else {
		/* normalisation writes every indicator column */
		for (size_t i = 0; i < r->n; i++)
			for (size_t k = 0; k < fw->n; k++)
				if (fw->col[k] < 0)
					gsl_matrix_set(r->s, i, k, NAN);
		if ((ret = cidx_calc_normalise_with(fw, v.x, m, st, r->s,
		    r->skipped, err)) == 0)
			ret = cidx_calc_aggregate(fw, w, m, r->s, codes, err);
	}
	if (own)
		gsl_matrix_free(own);
	return ret;
}

/* the ranking, the top and the tiers of the scores */
static int
rank_scores(struct cidx_ranking *r, const struct cidx_framework *fw,
    int year, const char *const *codes, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err)
{
	double *idx = cidx_xcalloc(r->n, sizeof(double));
	int ret = 0;

	/* the steps refuse what would not be finite; should one still come
	 * out infinite, it is an error, never the top rank */
	for (size_t i = 0; i < r->n; i++) {
		idx[i] = gsl_matrix_get(r->s, i, fw->root);
		if (isinf(idx[i])) {
			ret = cidx_err_set(err, CIDX_ENUMERIC, "unit '%s': the "
			    "index is not a finite number", codes[i]);
			goto out;
		}
	}
	cidx_rank(idx, r->n, codes, r->order, r->rank, &r->n_ranked);
	if (r->n_ranked == 0) {
		ret = cidx_err_set(err, CIDX_ENOTFOUND, "no unit can be ranked "
		    "in %d: no unit has an index value", year);
		goto out;
	}
	r->n_top = r->n_ranked;
	if (top > 0)
		for (size_t p = 0; p < r->n_ranked; p++)
			if ((size_t)r->rank[r->order[p]] > top) {
				r->n_top = p;
				break;
			}
	if (tiers && r->n_top > 0) {
		double *sc = cidx_xcalloc(r->n_top, sizeof(double));
		int *rk = cidx_xcalloc(r->n_top, sizeof(int));
		int *tr = cidx_xcalloc(r->n_top, sizeof(int));

		for (size_t p = 0; p < r->n_top; p++) {
			sc[p] = idx[r->order[p]];
			rk[p] = r->rank[r->order[p]];
		}
		ret = cidx_tier_assign(tiers, sc, rk, r->n_top, tr, err);
		for (size_t p = 0; ret == 0 && p < r->n_top; p++)
			r->tier[r->order[p]] = tr[p];
		free(sc);
		free(rk);
		free(tr);
	}
out:
	free(idx);
	return ret;
}

/* the ranking of ds's units from x, or from own (taken) */
static int
compute(struct cidx_ranking **out, const struct cidx_framework *fw,
    const struct cidx_dataset *ds, const gsl_matrix *x, gsl_matrix *own,
    const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err)
{
	struct cidx_ranking *r;
	const char **codes;
	int ret;

	*out = NULL;
	if (ds->n_units == 0 || x == NULL) {
		if (own)
			gsl_matrix_free(own);
		return cidx_err_set(err, CIDX_ENOTFOUND,
		    "no unit has enough data to be ranked in %d (screening "
		    "by coverage left none)", ds->year);
	}
	r = cidx_xcalloc(1, sizeof(*r));
	codes = cidx_xcalloc(ds->n_units, sizeof(char *));
	r->n = ds->n_units;
	r->skipped = cidx_xcalloc(fw->n_ind, sizeof(int));
	r->rank = cidx_xcalloc(r->n, sizeof(int));
	r->order = cidx_xcalloc(r->n, sizeof(size_t));
	r->tier = cidx_xcalloc(r->n, sizeof(int));
	for (size_t i = 0; i < r->n; i++)
		codes[i] = ds->unit[i].code;
	if ((ret = scores(r, fw, ds, own, w, m, st, codes, err)) == 0)
		ret = rank_scores(r, fw, ds->year, codes, tiers, top, err);
	free(codes);
	if (ret < 0) {
		cidx_ranking_free(r);
		return ret;
	}
	*out = r;
	return 0;
}

int
cidx_ranking_compute_with(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err)
{
	return compute(out, fw, ds, ds->x, NULL, w, m, st, tiers, top, err);
}

int
cidx_ranking_compute_taking(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    gsl_matrix **x, const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err)
{
	gsl_matrix *own = *x;

	*x = NULL;
	return compute(out, fw, ds, own, own, w, m, st, tiers, top, err);
}

size_t
cidx_ranking_tier_span(const struct cidx_ranking *r, size_t node, int k,
    double *lo, double *hi)
{
	size_t cnt = 0;

	*lo = *hi = NAN;
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		double s = gsl_matrix_get(r->s, i, node);

		if (r->tier[i] != k)
			continue;
		if (cnt++ == 0 || s < *lo)
			*lo = s;
		if (cnt == 1 || s > *hi)
			*hi = s;
	}
	return cnt;
}

void
cidx_pillars(const struct cidx_framework *fw, long *pil)
{
	for (size_t j = 0; j < fw->n_ind; j++) {
		long k = (long)fw->ind[j];

		while (fw->node[k].pidx >= 0 &&
		    (size_t)fw->node[k].pidx != fw->root)
			k = fw->node[k].pidx;
		pil[j] = fw->node[k].pidx >= 0 && (size_t)k != fw->ind[j] ?
		    k : -1;
	}
}
