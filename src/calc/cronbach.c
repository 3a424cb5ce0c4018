/*
 * cronbach.c - Cronbach's alpha of a group of indicators (cityidx(1),
 * METHOD, Audit statistics).
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_matrix.h>

#include "calc/stats.h"
#include "calc/weights.h"
#include "core/mem.h"

double
cidx_cronbach_alpha(const gsl_matrix *x)
{
	size_t n, k, used = 0;
	double *mean, total = 0, diag = 0, alpha = NAN;
	char *complete;

	if (x == NULL || x->size2 < 2 || x->size1 < 2)
		return NAN;
	n = x->size1;
	k = x->size2;
	complete = cidx_xmalloc(n);
	mean = cidx_xcalloc(k, sizeof(*mean));
	for (size_t i = 0; i < n; i++) {
		complete[i] = 1;
		for (size_t j = 0; j < k; j++)
			if (!isfinite(gsl_matrix_get(x, i, j)))
				complete[i] = 0;
		if (!complete[i])
			continue;
		used++;
		for (size_t j = 0; j < k; j++)
			mean[j] += gsl_matrix_get(x, i, j);
	}
	if (used < 2)
		goto out;
	for (size_t j = 0; j < k; j++)
		mean[j] /= (double)used;
	/* sums of cross products: the 1/(n-1) factors cancel in the ratio */
	for (size_t a = 0; a < k; a++)
		for (size_t b = 0; b < k; b++) {
			double s = cidx_stat_cross(x, complete, mean, a, b);

			total += s;
			if (a == b)
				diag += s;
		}
	if (total > 0)
		alpha = (double)k / (double)(k - 1) * (total - diag) / total;
out:
	free(mean);
	free(complete);
	return alpha;
}
