/*
 * normalise.c - per-indicator normalisation over the units of one year.
 */
#include <math.h>

#include "calc/calc.h"

int
cidx_calc_normalise(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, gsl_matrix *s, int *skipped,
    struct cidx_err *err)
{
	size_t n = x->size1;

	(void)err;
	for (size_t j = 0; j < fw->n_ind; j++) {
		size_t k = fw->ind[j], cnt = 0;
		double dir = fw->node[k].direction;
		double lo = INFINITY, hi = -INFINITY, sum = 0, mean, ss = 0, sd;
		int skip = 0;

		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (isnan(v))
				continue;
			v *= dir;
			cnt++;
			sum += v;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
		mean = cnt ? sum / (double)cnt : NAN;
		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (!isnan(v))
				ss += (dir * v - mean) * (dir * v - mean);
		}
		sd = cnt > 1 ? sqrt(ss / (double)(cnt - 1)) : 0;
		/* no spread, no information: never divide by zero */
		if (cnt == 0)
			skip = CIDX_SKIP_NODATA;
		else if (cnt == 1)
			skip = CIDX_SKIP_ONE;
		else if (!(hi > lo) || !(sd > 0))
			skip = CIDX_SKIP_CONSTANT;
		if (skipped)
			skipped[j] = skip;
		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(x, i, j), r = NAN;

			if (!skip && !isnan(v)) {
				v *= dir;
				if (m->norm == CIDX_NORM_ZSCORE)
					r = m->norm_p1 +
					    m->norm_p2 * (v - mean) / sd;
				else
					r = m->norm_p1 + (m->norm_p2 -
					    m->norm_p1) * (v - lo) / (hi - lo);
			}
			gsl_matrix_set(s, i, k, r);
		}
	}
	return 0;
}
