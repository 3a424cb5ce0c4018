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
	gsl_matrix *own;        /* the normalised values, when `in` */
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

/* MPI, AMPI, Wroclaw: the standardised values of the year (AMPI: on
 * the panel's goalposts) into the indicator columns */
static void
leaves_std(struct iscores *c, gsl_matrix *s, int *skipped)
{
	const struct cidx_framework *fw = c->fw;
	const gsl_matrix *x = c->ds->x;
	gsl_matrix *z = cidx_matrix_alloc(x->size1, fw->n_ind);
	int *dir = cidx_xcalloc(fw->n_ind, sizeof(int));
	int *skip = cidx_xcalloc(fw->n_ind, sizeof(int));
	double *lo = NULL, *hi = NULL;

	for (size_t j = 0; j < fw->n_ind; j++)
		dir[j] = fw->node[fw->ind[j]].direction;
	if (c->m->imethod == CIDX_IM_AMPI && c->st) {
		lo = cidx_xcalloc(fw->n_ind, sizeof(double));
		hi = cidx_xcalloc(fw->n_ind, sizeof(double));
		for (size_t j = 0; j < fw->n_ind; j++) {
			lo[j] = c->st[j].lo;
			hi[j] = c->st[j].hi;
		}
	}
	if (c->m->imethod == CIDX_IM_AMPI)
		cidx_ampi_r(x, dir, lo, hi, z, skip);
	else
		cidx_mpi_z(x, dir, z, skip);
	for (size_t j = 0; j < fw->n_ind; j++) {
		c->usable[j] = skip[j] == CIDX_SKIP_NONE;
		if (skipped)
			skipped[j] = skip[j];
		for (size_t i = 0; i < x->size1; i++) {
			double v = gsl_matrix_get(z, i, j);

			/* Wroclaw: the plain z-score d (x - mean) / sd */
			gsl_matrix_set(s, i, fw->ind[j], c->m->imethod ==
			    CIDX_IM_WROCLAW ? (v - 100) / 10 : v);
		}
	}
	gsl_matrix_free(z);
	free(dir);
	free(skip);
	free(lo);
	free(hi);
}

/* GRA, BoD: the values of --normalize into the indicator columns, and
 * into c->own for the aggregates; GRA refuses an indicator that cannot
 * be normalised (its coefficient would be 0 / 0) */
static int
leaves_norm(struct iscores *c, gsl_matrix *s, int *skipped,
    struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	size_t n = c->ds->n_units;
	int *sk = skipped ? skipped : cidx_xcalloc(fw->n_ind, sizeof(int)), ret;

	ret = cidx_calc_normalise_with(fw, c->ds->x, c->m, c->st, s, sk, err);
	c->own = cidx_matrix_alloc(n, fw->n_ind);
	for (size_t j = 0; ret == 0 && j < fw->n_ind; j++) {
		c->usable[j] = sk[j] == CIDX_SKIP_NONE;
		for (size_t i = 0; i < n; i++)
			gsl_matrix_set(c->own, i, j, gsl_matrix_get(s, i,
			    fw->ind[j]));
		if (c->m->imethod == CIDX_IM_GRA && sk[j] > CIDX_SKIP_NODATA &&
		    c->w[fw->ind[j]] > 0)
			ret = cidx_err_set(err, CIDX_EINVAL, "GRA: indicator "
			    "'%s' has %s in %d: its grey relational "
			    "coefficient is undefined (0 / 0); leave it out "
			    "with --set %s=0", fw->node[fw->ind[j]].code,
			    sk[j] == CIDX_SKIP_ONE ? "a single value" :
			    "the same value for every unit", c->ds->year,
			    fw->node[fw->ind[j]].code);
	}
	c->in = c->own;
	if (sk != skipped)
		free(sk);
	return ret;
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
	case CIDX_IM_MPI:
	case CIDX_IM_AMPI:
	case CIDX_IM_WROCLAW:
		leaves_std(c, s, skipped);
		break;
	case CIDX_IM_GRA:
	case CIDX_IM_BOD:
		ret = leaves_norm(c, s, skipped, err);
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
	const struct cidx_method *mt = c->m;
	size_t m = sub->size2;
	int *dir = cidx_xcalloc(m, sizeof(int)), ret;
	double *lo = NULL, *hi = NULL;
	const char **codes = NULL;

	for (size_t q = 0; q < m; q++)
		dir[q] = fw->node[fw->ind[cols[q]]].direction;
	switch (mt->imethod) {
	case CIDX_IM_TOPSIS:
		ret = cidx_topsis(sub, dir, cw, out, err);
		break;
	case CIDX_IM_MPI:
		ret = cidx_mpi(sub, dir, cw, (int)mt->im_p1, out, err);
		break;
	case CIDX_IM_AMPI:
		if (c->st) {
			lo = cidx_xcalloc(m, sizeof(double));
			hi = cidx_xcalloc(m, sizeof(double));
			for (size_t q = 0; q < m; q++) {
				lo[q] = c->st[cols[q]].lo;
				hi[q] = c->st[cols[q]].hi;
			}
		}
		ret = cidx_ampi(sub, dir, cw, lo, hi, (int)mt->im_p1, out,
		    err);
		break;
	case CIDX_IM_GRA:
		ret = cidx_gra(sub, cw, mt->im_p1, out, err);
		break;
	case CIDX_IM_BOD:
		for (size_t i = 0; i < sub->size1; i++)
			for (size_t q = 0; q < m; q++)
				if (gsl_matrix_get(sub, i, q) < 0) {
					ret = cidx_err_set(err, CIDX_EINVAL,
					    "BoD needs normalised values >= 0: "
					    "unit '%s' has %g for '%s' (normalise "
					    "with minmax or distmax)",
					    c->ds->unit[i].code,
					    gsl_matrix_get(sub, i, q),
					    fw->node[fw->ind[cols[q]]].code);
					goto out;
				}
		codes = cidx_xcalloc(sub->size1 + 1, sizeof(char *));
		for (size_t i = 0; i < sub->size1; i++)
			codes[i] = c->ds->unit[i].code;
		ret = cidx_bod(sub, mt->im_p1, mt->im_p2, codes, out, err);
		break;
	case CIDX_IM_WROCLAW:
		ret = cidx_wroclaw(sub, dir, cw, out, err);
		break;
	default:
		ret = cidx_err_set(err, CIDX_EINVAL, "not an index method");
		break;
	}
out:
	free(dir);
	free(lo);
	free(hi);
	free(codes);
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
	size_t *cols = cidx_xcalloc(fw->n_ind + 1, sizeof(size_t));
	double *cw = cidx_xcalloc(fw->n_ind + 1, sizeof(double));
	double *out = cidx_xcalloc(n + 1, sizeof(double));
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
		NULL, NULL, NULL, st, w };
	double *gw = cidx_xcalloc(fw->n, sizeof(double));
	int ret;

	c.usable = cidx_xcalloc(fw->n_ind + 1, 1);
	c.present = cidx_xcalloc(fw->n, 1);
	ret = leaves(&c, s, skipped, err);
	for (size_t a = 0; a < fw->n_agg && ret == 0; a++)
		ret = aggregate(&c, fw->bottom_up[a], s, gw, err);
	free(gw);
	free(c.usable);
	free(c.present);
	if (c.own)
		gsl_matrix_free(c.own);
	return ret;
}
