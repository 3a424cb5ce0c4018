/*
 * gra.c - grey relational analysis (灰色关联分析; imethod.h; cityidx(1),
 * METHOD, Index methods): Deng's grey relational grade of each unit with
 * the ideal unit, the best normalised value of every indicator.
 *
 * Deng Julong (1982), Control problems of grey systems, Systems &
 * Control Letters 1(5); Deng Julong (1989), Introduction to grey system
 * theory, The Journal of Grey System 1(1).
 */
#include <math.h>

#include <stdlib.h>

#include "calc/imethod.h"
#include "calc/stats.h"
#include "core/mem.h"

int
cidx_gra(const gsl_matrix *s, const double *w, double rho, double *out,
    struct cidx_err *err)
{
	size_t n, k;
	double dmin = INFINITY, dmax = -INFINITY, sw = 0, *best;
	int ret;

	if ((ret = cidx_matrix_check(s, NULL, "GRA", err)) < 0)
		return ret;
	if (!(rho > 0 && rho <= 1))
		return cidx_err_set(err, CIDX_EINVAL, "GRA: the distinguishing "
		    "coefficient %g is not above 0 and at most 1", rho);
	n = s->size1;
	k = s->size2;
	for (size_t j = 0; j < k; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return cidx_err_set(err, CIDX_EINVAL, "GRA: column %zu: "
			    "weight %g: weights must be numbers >= 0", j + 1,
			    w[j]);
		sw += w[j];
	}
	if (!(sw > 0))
		return cidx_err_set(err, CIDX_EINVAL, "GRA: every weight is 0");
	best = cidx_xcalloc(k, sizeof(double));
	for (size_t j = 0; j < k; j++) {
		best[j] = -INFINITY;
		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(s, i, j);

			best[j] = v > best[j] ? v : best[j];
		}
		/* the differences from the reference (the ideal unit) */
		for (size_t i = 0; i < n; i++) {
			double d = best[j] - gsl_matrix_get(s, i, j);

			if (isnan(d))
				continue;
			dmin = d < dmin ? d : dmin;
			dmax = d > dmax ? d : dmax;
		}
	}
	if (!(dmax > 0)) {
		free(best);
		return cidx_err_set(err, CIDX_EINVAL, "GRA: no column separates "
		    "the units (every unit at the ideal)");
	}
	for (size_t i = 0; i < n; i++) {
		double g = 0, wi = 0;

		for (size_t j = 0; j < k; j++) {
			double d = best[j] - gsl_matrix_get(s, i, j);

			if (isnan(d) || w[j] == 0)
				continue;
			g += w[j] * (dmin + rho * dmax) / (d + rho * dmax);
			wi += w[j];
		}
		out[i] = wi > 0 ? g / wi : NAN;
	}
	free(best);
	return 0;
}
