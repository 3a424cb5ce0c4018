/*
 * topsis.c - TOPSIS closeness to the ideal (cityidx(1), METHOD, TOPSIS).
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "calc/stats.h"
#include "calc/topsis.h"
#include "core/mem.h"

int
cidx_topsis(const gsl_matrix *x, const int *dir, const double *w,
    double *c, struct cidx_err *err)
{
	size_t n, k, used = 0;
	double *norm = NULL, *wn = NULL, *best = NULL, *worst = NULL, sw = 0;
	char *complete = NULL;
	int ret, separates = 0;

	if ((ret = cidx_matrix_check(x, dir, "TOPSIS", err)) < 0)
		return ret;
	n = x->size1;
	k = x->size2;
	for (size_t j = 0; j < k; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "TOPSIS: column %zu: weight %g: weights must be "
			    "numbers >= 0", j + 1, w[j]);
		sw += w[j];
	}
	if (!(sw > 0))
		return cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: every weight is 0");
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
	norm = cidx_xcalloc(k, sizeof(*norm));
	wn = cidx_xmalloc(k * sizeof(*wn));
	best = cidx_xmalloc(k * sizeof(*best));
	worst = cidx_xmalloc(k * sizeof(*worst));
	for (size_t j = 0; j < k; j++) {
		double lo = INFINITY, hi = -INFINITY;

		for (size_t i = 0; i < n; i++)
			if (complete[i])
				norm[j] += gsl_matrix_get(x, i, j) *
				    gsl_matrix_get(x, i, j);
		norm[j] = sqrt(norm[j]);
		/* an overflowing sum of squares would make the column 0
		 * for every unit: it would drop out without a word */
		if (!isfinite(norm[j])) {
			ret = cidx_err_set(err, CIDX_ENUMERIC,
			    "TOPSIS: column %zu: values too large (the sum of "
			    "their squares exceeds the largest number, about "
			    "1.8e308); rescale them", j + 1);
			goto out;
		}
		if (!(norm[j] > 0)) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "TOPSIS: column %zu is all zero", j + 1);
			goto out;
		}
		wn[j] = w[j] / sw;
		for (size_t i = 0; i < n; i++)
			if (complete[i]) {
				double v = wn[j] * gsl_matrix_get(x, i, j) /
				    norm[j];

				lo = v < lo ? v : lo;
				hi = v > hi ? v : hi;
			}
		best[j] = dir != NULL && dir[j] < 0 ? lo : hi;
		worst[j] = dir != NULL && dir[j] < 0 ? hi : lo;
		if (hi > lo)
			separates = 1;
	}
	if (!separates) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "TOPSIS: no column with a weight > 0 separates the units");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		double dp = 0, dm = 0;

		if (!complete[i]) {
			c[i] = NAN;
			continue;
		}
		for (size_t j = 0; j < k; j++) {
			double v = wn[j] * gsl_matrix_get(x, i, j) / norm[j];

			dp += (v - best[j]) * (v - best[j]);
			dm += (v - worst[j]) * (v - worst[j]);
		}
		dp = sqrt(dp);
		dm = sqrt(dm);
		c[i] = 100 * dm / (dp + dm);
		/* distances that underflow (weights far apart) give 0/0 */
		if (!isfinite(c[i])) {
			ret = cidx_err_set(err, CIDX_ENUMERIC,
			    "TOPSIS: row %zu: the closeness is not a finite "
			    "number (weights or values too far apart)", i + 1);
			goto out;
		}
	}
out:
	free(worst);
	free(best);
	free(wn);
	free(norm);
	free(complete);
	return ret;
}
