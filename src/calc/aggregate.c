/*
 * aggregate.c - bottom-up weighted aggregation, weights renormalised over
 * the children that have a value.
 */
#include <math.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"

void
cidx_calc_weights_default(const struct cidx_framework *fw, double *w)
{
	for (size_t k = 0; k < fw->n; k++)
		w[k] = fw->node[k].weight;
}

int
cidx_calc_aggregate(const struct cidx_framework *fw, const double *w,
    const struct cidx_method *m, gsl_matrix *s,
    const char *const *unit_codes, struct cidx_err *err)
{
	size_t n = s->size1;

	for (size_t a = 0; a < fw->n_agg; a++) {
		size_t k = fw->bottom_up[a];
		enum cidx_agg how = cidx_method_agg_at(m, fw->node[k].level);

		for (size_t i = 0; i < n; i++) {
			double sw = 0, acc = 0, r;

			for (size_t c = fw->child_off[k];
			    c < fw->child_off[k + 1]; c++) {
				size_t ch = fw->child[c];
				double y = gsl_matrix_get(s, i, ch), wc = w[ch];

				if (isnan(y) || wc == 0)
					continue;
				if (how != CIDX_AGG_ARITH && !(y > 0))
					return cidx_err_set(err, CIDX_ENUMERIC,
					    "%s mean needs values > 0: unit "
					    "'%s', '%s' = %g (normalise to a "
					    "positive range, e.g. minmax:1,100)",
					    how == CIDX_AGG_GEOM ?
					    "geometric" : "harmonic",
					    unit_codes ? unit_codes[i] : "?",
					    fw->node[ch].code, y);
				sw += wc;
				if (how == CIDX_AGG_GEOM)
					acc += wc * log(y);
				else if (how == CIDX_AGG_HARM)
					acc += wc / y;
				else
					acc += wc * y;
			}
			if (sw == 0)
				r = NAN;
			else if (how == CIDX_AGG_GEOM)
				r = exp(acc / sw);
			else if (how == CIDX_AGG_HARM)
				r = sw / acc;
			else
				r = acc / sw;
			/* huge weights (a framework's are not bounded) or
			 * scores overflow the sums, tiny ones underflow: an
			 * error, not a rank */
			if (sw != 0 && (!isfinite(sw) || !isfinite(acc) ||
			    !isfinite(r)))
				return cidx_err_set(err, CIDX_ENUMERIC,
				    "unit '%s', '%s': the %s mean of the "
				    "children is not a finite number (weights "
				    "or scores too large or too small)",
				    unit_codes ? unit_codes[i] : "?",
				    fw->node[k].code, how == CIDX_AGG_GEOM ?
				    "geometric" : how == CIDX_AGG_HARM ?
				    "harmonic" : "weighted");
			gsl_matrix_set(s, i, k, r);
		}
	}
	return 0;
}
