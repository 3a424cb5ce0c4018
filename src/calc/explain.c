/*
 * explain.c - contributions and the rank-change split (explain.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/explain.h"
#include "core/mem.h"

void
cidx_contributions(struct cidx_contrib **out, const struct cidx_framework *fw,
    const double *w, const gsl_matrix *s, size_t row)
{
	struct cidx_contrib *c = cidx_xcalloc(1, sizeof(*c));
	unsigned char *present = cidx_xmalloc(fw->n);

	c->share = cidx_xcalloc(fw->n, sizeof(double));
	c->global = cidx_xcalloc(fw->n, sizeof(double));
	c->contrib = cidx_xcalloc(fw->n, sizeof(double));
	c->factor = cidx_xcalloc(fw->n, sizeof(double));
	for (size_t k = 0; k < fw->n; k++)
		present[k] = !isnan(gsl_matrix_get(s, row, k));
	cidx_global_weights(fw, w, fw->root, present, c->share, c->global);
	for (size_t k = 0; k < fw->n; k++) {
		double y = gsl_matrix_get(s, row, k);

		c->contrib[k] = fw->node[k].level > 0 && present[k] ?
		    c->global[k] * y : NAN;
		c->factor[k] = present[k] ? pow(y, c->share[k]) : NAN;
	}
	free(present);
	*out = c;
}

void
cidx_contrib_free(struct cidx_contrib *c)
{
	if (c == NULL)
		return;
	free(c->share);
	free(c->global);
	free(c->contrib);
	free(c->factor);
	free(c);
}

/* the rank of row `row` of `field` with row `src_row` of `src` in its
 * place, among the rows `in` (the units ranked in both years) */
static int
counterfactual(struct cidx_engine *e, const struct cidx_dataset *field,
    size_t row, const struct cidx_dataset *src, size_t src_row,
    const unsigned char *in, int *rank, struct cidx_err *err)
{
	struct cidx_dataset *cf = cidx_dataset_copy(field);
	struct cidx_ranking *r = NULL;
	int ret;

	for (size_t j = 0; j < cf->x->size2; j++)
		gsl_matrix_set(cf->x, row, j, gsl_matrix_get(src->x, src_row,
		    j));
	ret = cidx_engine_rank_ds(e, cf, &r, err);
	if (ret == 0)
		*rank = r->rank[row] ? cidx_rank_among(r->rank, in, r->n,
		    row) : 0;
	cidx_ranking_free(r);
	cidx_dataset_free(cf);
	return ret;
}

/* the row of `code` in `ds` and its rank in `r`, which must be > 0 */
static int
ranked_row(const struct cidx_dataset *ds, const struct cidx_ranking *r,
    const char *code, int year, long *row, int *rank, struct cidx_err *err)
{
	*row = cidx_dataset_find(ds, code);
	if (*row < 0 || r->rank[*row] == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is not "
		    "ranked in %d", code, year);
	*rank = r->rank[*row];
	return 0;
}

/* in[i], in0[j]: the rows of ds (ranked as r) and ds0 (as r0) whose
 * unit is ranked in both years: the units a change is measured among
 * (cityidx(1), METHOD, Movement) */
static void
common_units(const struct cidx_dataset *ds, const struct cidx_ranking *r,
    const struct cidx_dataset *ds0, const struct cidx_ranking *r0,
    unsigned char **in, unsigned char **in0)
{
	*in = cidx_xcalloc(ds->n_units ? ds->n_units : 1, 1);
	*in0 = cidx_xcalloc(ds0->n_units ? ds0->n_units : 1, 1);
	for (size_t i = 0; i < ds->n_units; i++) {
		long j = cidx_dataset_find(ds0, ds->unit[i].code);

		if (r->rank[i] > 0 && j >= 0 && r0->rank[j] > 0)
			(*in)[i] = (*in0)[j] = 1;
	}
}

/* the split of the change of row `row` (ds, ranked r) from row `row0`
 * (ds0, ranked r0), among the units ranked in both */
static int
split_rows(struct cidx_engine *e, const struct cidx_dataset *ds,
    const struct cidx_ranking *r, size_t row, const struct cidx_dataset *ds0,
    const struct cidx_ranking *r0, size_t row0, struct cidx_rank_split *out,
    struct cidx_err *err)
{
	unsigned char *in, *in0;
	int ret;

	common_units(ds, r, ds0, r0, &in, &in0);
	for (size_t i = 0; i < ds->n_units; i++)
		out->n_common += in[i];
	out->rank_now = cidx_rank_among(r->rank, in, r->n, row);
	out->rank_then = cidx_rank_among(r0->rank, in0, r0->n, row0);
	if ((ret = counterfactual(e, ds0, row0, ds, row, in0,
	    &out->rank_own_new, err)) == 0)
		ret = counterfactual(e, ds, row, ds0, row0, in,
		    &out->rank_own_old, err);
	free(in);
	free(in0);
	if (ret < 0)
		return ret;
	/* climbs are positive: rank then minus rank now */
	out->own = ((out->rank_then - out->rank_own_new) +
	    (out->rank_own_old - out->rank_now)) / 2.0;
	out->others = ((out->rank_own_new - out->rank_now) +
	    (out->rank_then - out->rank_own_old)) / 2.0;
	return 0;
}

int
cidx_engine_split(struct cidx_engine *e, const char *code, int year,
    int cyear, struct cidx_rank_split *out, struct cidx_err *err)
{
	const struct cidx_dataset *full, *full0, *ds, *ds0;
	struct cidx_dataset *rc = NULL, *rp = NULL;
	struct cidx_ranking *r = NULL, *r0 = NULL, *b = NULL, *b0 = NULL;
	struct cidx_movement mv = { 0 };
	long row, row0;
	int ret;

	memset(out, 0, sizeof(*out));
	mv.year = year;
	mv.cyear = cyear;
	if ((ret = cidx_engine_rank(e, year, NULL, 0, &r, err)) < 0 ||
	    (ret = cidx_engine_basis(e, r, &mv, &r0, err)) < 0 ||
	    (ret = cidx_engine_prepared(e, year, &full, NULL, err)) < 0 ||
	    (ret = cidx_engine_prepared(e, cyear, &full0, NULL, err)) < 0)
		goto out;
	out->basis = mv.basis;
	out->shared = mv.shared;
	if (out->basis == CIDX_BASIS_WITHHELD) {
		snprintf(out->why, sizeof(out->why), "%s", mv.why);
		goto out;
	}
	ds = full;
	ds0 = full0;
	if (out->basis == CIDX_BASIS_COMMON) {
		ds = rc = cidx_movement_restrict(full, mv.in_basis);
		ds0 = rp = cidx_movement_restrict(full0, mv.in_basis);
		if ((ret = cidx_engine_rank_ds(e, rc, &b, err)) < 0 ||
		    (ret = cidx_engine_rank_ds(e, rp, &b0, err)) < 0)
			goto out;
	}
	if ((ret = ranked_row(ds, b ? b : r, code, year, &row,
	    &out->rank_now, err)) < 0 ||
	    (ret = ranked_row(ds0, b0 ? b0 : r0, code, cyear, &row0,
	    &out->rank_then, err)) < 0)
		goto out;
	ret = split_rows(e, ds, b ? b : r, (size_t)row, ds0, b0 ? b0 : r0,
	    (size_t)row0, out, err);
out:
	free(mv.in_basis);
	cidx_ranking_free(r);
	cidx_ranking_free(r0);
	cidx_ranking_free(b);
	cidx_ranking_free(b0);
	cidx_dataset_free(rc);
	cidx_dataset_free(rp);
	return ret;
}
