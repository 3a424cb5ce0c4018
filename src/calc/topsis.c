/*
 * topsis.c - TOPSIS closeness to the ideal (cityidx(1), METHOD, TOPSIS).
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "calc/stats.h"
#include "calc/topsis.h"
#include "core/mem.h"

/* per column: the Euclidean norm over the complete units, the weight
 * share, and the weighted normalised values of the ideal and anti-ideal */
struct columns {
	double *norm, *wn, *best, *worst;
};

/* the sum of the weights (each a number >= 0, one > 0) in *sw */
static int
weight_sum(const double *w, size_t k, double *sw, struct cidx_err *err)
{
	*sw = 0;
	for (size_t j = 0; j < k; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "TOPSIS: column %zu: weight %g: weights must be "
			    "numbers >= 0", j + 1, w[j]);
		*sw += w[j];
	}
	if (!(*sw > 0))
		return cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: every weight is 0");
	return 0;
}

/* column j of cl: its norm, weight share, ideal and anti-ideal; whether
 * it separates the units in *separates */
static int
ideal(const gsl_matrix *x, const char *complete, size_t j, double wn,
    int dir, struct columns *cl, int *separates, struct cidx_err *err)
{
	double lo = INFINITY, hi = -INFINITY, norm = 0;

	for (size_t i = 0; i < x->size1; i++)
		if (complete[i])
			norm += gsl_matrix_get(x, i, j) * gsl_matrix_get(x, i, j);
	norm = sqrt(norm);
	/* an overflowing sum of squares would make the column 0 for every
	 * unit: it would drop out without a word */
	if (!isfinite(norm))
		return cidx_err_set(err, CIDX_ENUMERIC,
		    "TOPSIS: column %zu: values too large (the sum of "
		    "their squares exceeds the largest number, about "
		    "1.8e308); rescale them", j + 1);
	if (!(norm > 0))
		return cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: column %zu is all zero", j + 1);
	for (size_t i = 0; i < x->size1; i++)
		if (complete[i]) {
			double v = wn * gsl_matrix_get(x, i, j) / norm;

			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
	cl->norm[j] = norm;
	cl->wn[j] = wn;
	cl->best[j] = dir < 0 ? lo : hi;
	cl->worst[j] = dir < 0 ? hi : lo;
	if (hi > lo)
		*separates = 1;
	return 0;
}

/* c[i]: 100 d- / (d+ + d-) of each complete unit, NaN for the others */
static int
closeness(const gsl_matrix *x, const char *complete,
    const struct columns *cl, double *c, struct cidx_err *err)
{
	for (size_t i = 0; i < x->size1; i++) {
		double dp = 0, dm = 0;

		if (!complete[i]) {
			c[i] = NAN;
			continue;
		}
		for (size_t j = 0; j < x->size2; j++) {
			double v = cl->wn[j] * gsl_matrix_get(x, i, j) /
			    cl->norm[j];

			dp += (v - cl->best[j]) * (v - cl->best[j]);
			dm += (v - cl->worst[j]) * (v - cl->worst[j]);
		}
		dp = sqrt(dp);
		dm = sqrt(dm);
		c[i] = 100 * dm / (dp + dm);
		/* distances that underflow (weights far apart) give 0/0 */
		if (!isfinite(c[i]))
			return cidx_err_set(err, CIDX_ENUMERIC,
			    "TOPSIS: row %zu: the closeness is not a finite "
			    "number (weights or values too far apart)", i + 1);
	}
	return 0;
}

int
cidx_topsis(const gsl_matrix *x, const int *dir, const double *w,
    double *c, struct cidx_err *err)
{
	struct columns cl = { NULL, NULL, NULL, NULL };
	size_t n, k, used = 0;
	double sw;
	char *complete = NULL;
	int ret, separates = 0;

	if ((ret = cidx_matrix_check(x, dir, "TOPSIS", err)) < 0 ||
	    (ret = weight_sum(w, x->size2, &sw, err)) < 0)
		return ret;
	n = x->size1;
	k = x->size2;
	complete = cidx_xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		complete[i] = 1;
		for (size_t j = 0; j < k; j++)
			if (isnan(gsl_matrix_get(x, i, j)))
				complete[i] = 0;
		used += (size_t)complete[i];
	}
	if (used == 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: no unit has every value");
		goto out;
	}
	cl.norm = cidx_xcalloc(k, sizeof(*cl.norm));
	cl.wn = cidx_xmalloc(k * sizeof(*cl.wn));
	cl.best = cidx_xmalloc(k * sizeof(*cl.best));
	cl.worst = cidx_xmalloc(k * sizeof(*cl.worst));
	for (size_t j = 0; j < k; j++)
		if ((ret = ideal(x, complete, j, w[j] / sw, dir != NULL ?
		    dir[j] : 1, &cl, &separates, err)) < 0)
			goto out;
	if (!separates) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: no column with a weight > 0 separates the units");
		goto out;
	}
	ret = closeness(x, complete, &cl, c, err);
out:
	free(cl.worst);
	free(cl.best);
	free(cl.wn);
	free(cl.norm);
	free(complete);
	return ret;
}
