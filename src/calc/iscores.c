/*
 * iscores.c - the scores of every aggregate by an index method
 * (imethod.h; cityidx(1), METHOD, Index methods): the indicator columns
 * the method works on, then, for each aggregate bottom-up, the method
 * over the indicators below it with their global weights within it.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/imethod.h"
#include "calc/topsis.h"
#include "core/mem.h"

/* what the aggregates of one ranking share */
struct iscores {
	const struct cidx_framework *fw;
	const struct cidx_dataset *ds;
	const struct cidx_method *m;
	const struct cidx_imethod_info *info;
	const gsl_matrix *in;   /* n x fw->n_ind: the values the method
				   works on (prepared or normalised) */
	unsigned char *usable;  /* per indicator column */
	unsigned char *present; /* per node: an indicator used, or an
				   aggregate above one */
	const struct cidx_norm_stats *st;
	const double *w;        /* the weights, per node */
};

/* TOPSIS: the vector-normalised values r_ij into the indicator columns
 * (cityidx(1), METHOD, TOPSIS); an indicator without data, or all zero,
 * is left out */
static void
leaves_topsis(struct iscores *c, gsl_matrix *s, int *skipped)
{
	const struct cidx_framework *fw = c->fw;
	const gsl_matrix *x = c->ds->x;

	for (size_t j = 0; j < fw->n_ind; j++) {
		double ss = 0;
		int any = 0;

		for (size_t i = 0; i < x->size1; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (isnan(v))
				continue;
			any = 1;
			ss += v * v;
		}
		for (size_t i = 0; i < x->size1; i++)
			gsl_matrix_set(s, i, fw->ind[j], ss > 0 ?
			    gsl_matrix_get(x, i, j) / sqrt(ss) : NAN);
		c->usable[j] = ss > 0;
		if (skipped)
			skipped[j] = any ? CIDX_SKIP_NONE : CIDX_SKIP_NODATA;
	}
}

/* the indicator columns, and which indicators the method can use */
static int
leaves(struct iscores *c, gsl_matrix *s, int *skipped, struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	int ret = 0;

	switch (c->m->imethod) {
	case CIDX_IM_TOPSIS:
		leaves_topsis(c, s, skipped);
		break;
	default:
		return cidx_err_set(err, CIDX_EINVAL, "not an index method");
	}
	for (size_t j = 0; j < fw->n_ind; j++)
		c->present[fw->ind[j]] = c->usable[j];
	for (size_t a = 0; a < fw->n_agg; a++) {
		size_t k = fw->bottom_up[a];

		for (size_t q = fw->child_off[k]; q < fw->child_off[k + 1]; q++)
			c->present[k] |= c->present[fw->child[q]];
	}
	return ret;
}

/* the method over the n x m matrix `sub` of one aggregate's indicators
 * (columns cols[], global weights cw[]) into out[] */
static int
method(struct iscores *c, const gsl_matrix *sub, const size_t *cols,
    const double *cw, double *out, struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	size_t m = sub->size2;
	int *dir = xcalloc(m, sizeof(int)), ret;

	for (size_t q = 0; q < m; q++)
		dir[q] = fw->node[fw->ind[cols[q]]].direction;
	switch (c->m->imethod) {
	case CIDX_IM_TOPSIS:
		ret = cidx_topsis(sub, dir, cw, out, err);
		break;
	default:
		ret = cidx_err_set(err, CIDX_EINVAL, "not an index method");
		break;
	}
	free(dir);
	return ret;
}

/* the score of aggregate k: the method over the usable indicators below
 * it with a global weight within it > 0 */
static int
aggregate(struct iscores *c, size_t k, gsl_matrix *s, double *gw,
    struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	size_t n = c->ds->n_units, m = 0;
	size_t *cols = xcalloc(fw->n_ind + 1, sizeof(size_t));
	double *cw = xcalloc(fw->n_ind + 1, sizeof(double));
	double *out = xcalloc(n + 1, sizeof(double));
	gsl_matrix *sub;
	int ret;

	cidx_global_weights(fw, c->w, k, c->present, NULL, gw);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (gw[fw->ind[j]] > 0 && c->usable[j]) {
			cols[m] = j;
			cw[m++] = gw[fw->ind[j]];
		}
	if (m == 0) {
		for (size_t i = 0; i < n; i++)
			gsl_matrix_set(s, i, k, NAN);
		ret = 0;
		goto out;
	}
	sub = cidx_matrix_alloc(n, m);
	for (size_t i = 0; i < n; i++)
		for (size_t q = 0; q < m; q++)
			gsl_matrix_set(sub, i, q, gsl_matrix_get(c->in, i,
			    cols[q]));
	if ((ret = method(c, sub, cols, cw, out, err)) < 0)
		cidx_err_prefix(err, "%s of '%s'", c->info->label,
		    fw->node[k].code);
	for (size_t i = 0; ret == 0 && i < n; i++)
		gsl_matrix_set(s, i, k, c->info->scale * out[i]);
	gsl_matrix_free(sub);
out:
	free(cols);
	free(cw);
	free(out);
	return ret;
}

int
cidx_imethod_scores(const struct cidx_framework *fw,
    const struct cidx_dataset *ds, const double *w,
    const struct cidx_method *m, const struct cidx_norm_stats *st,
    gsl_matrix *s, int *skipped, struct cidx_err *err)
{
	struct iscores c = { fw, ds, m, cidx_imethod_info(m->imethod), ds->x,
		NULL, NULL, st, w };
	double *gw = xcalloc(fw->n, sizeof(double));
	int ret;

	c.usable = xcalloc(fw->n_ind + 1, 1);
	c.present = xcalloc(fw->n, 1);
	ret = leaves(&c, s, skipped, err);
	for (size_t a = 0; a < fw->n_agg && ret == 0; a++)
		ret = aggregate(&c, fw->bottom_up[a], s, gw, err);
	free(gw);
	free(c.usable);
	free(c.present);
	return ret;
}
