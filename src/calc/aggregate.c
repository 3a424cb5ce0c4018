/*
 * aggregate.c - bottom-up weighted aggregation, weights renormalised over
 * the children that have a value (cityidx(1), METHOD, Aggregation).
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"

void
cidx_calc_weights_default(const struct cidx_framework *fw, double *w)
{
	for (size_t k = 0; k < fw->n; k++)
		w[k] = fw->node[k].weight;
}

/* the first error of the aggregation in node order: a the node's place
 * bottom-up ((size_t)-1: none), then the unit */
struct agg_err {
	size_t a, i, ch;
	double y;
	int kind;       /* 1 a value <= 0 for a geometric or harmonic mean,
			   2 a mean that is not a finite number */
};

/* node k's mean (by `how`) of unit row's children with a value */
static double
node_mean(const struct cidx_framework *fw, const double *w, enum cidx_agg how,
    const double *row, size_t a, size_t i, struct agg_err *e)
{
	size_t k = fw->bottom_up[a];
	double sw = 0, acc = 0, r;

	for (size_t c = fw->child_off[k]; c < fw->child_off[k + 1]; c++) {
		size_t ch = fw->child[c];
		double y = row[ch], wc = w[ch];

		if (isnan(y) || wc == 0)
			continue;
		if (how != CIDX_AGG_ARITH && !(y > 0)) {
			*e = (struct agg_err){ a, i, ch, y, 1 };
			return NAN;
		}
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
	/* huge weights (a framework's are not bounded) or scores overflow
	 * the sums, tiny ones underflow: an error, not a rank */
	if (sw != 0 && (!isfinite(sw) || !isfinite(acc) || !isfinite(r)))
		*e = (struct agg_err){ a, i, 0, 0, 2 };
	return r;
}

static int
agg_error(const struct cidx_framework *fw, const struct agg_err *e,
    enum cidx_agg how, const char *const *unit_codes, struct cidx_err *err)
{
	const char *unit = unit_codes ? unit_codes[e->i] : "?";

	if (e->kind == 1)
		return cidx_err_set(err, CIDX_ENUMERIC, "%s mean needs values > "
		    "0: unit '%s', '%s' = %g (normalise to a positive range, "
		    "e.g. minmax:1,100)", how == CIDX_AGG_GEOM ? "geometric" :
		    "harmonic", unit, fw->node[e->ch].code, e->y);
	return cidx_err_set(err, CIDX_ENUMERIC, "unit '%s', '%s': the %s mean "
	    "of the children is not a finite number (weights or scores too "
	    "large or too small)", unit, fw->node[fw->bottom_up[e->a]].code,
	    how == CIDX_AGG_GEOM ? "geometric" : how == CIDX_AGG_HARM ?
	    "harmonic" : "weighted");
}

/*
 * A unit at a time, through its row of the scores (node by node, each a
 * column of every unit, strode through the whole matrix once per node:
 * issue 17); every score is computed from the same children in the same
 * order.  The error is the one node by node would meet first: the
 * lowest node bottom-up, then the first unit; a row stops before the
 * node of the error found so far.
 */
int
cidx_calc_aggregate(const struct cidx_framework *fw, const double *w,
    const struct cidx_method *m, gsl_matrix *s,
    const char *const *unit_codes, struct cidx_err *err)
{
	struct agg_err first = { (size_t)-1, 0, 0, 0, 0 };
	enum cidx_agg *how = cidx_xcalloc(fw->n_agg + 1, sizeof(*how));
	int ret = 0;

	for (size_t a = 0; a < fw->n_agg; a++)
		how[a] = cidx_method_agg_at(m, fw->node[fw->bottom_up[a]].level);
	for (size_t i = 0; i < s->size1; i++) {
		double *row = s->data + i * s->tda;

		for (size_t a = 0; a < fw->n_agg && a < first.a; a++)
			row[fw->bottom_up[a]] = node_mean(fw, w, how[a], row, a,
			    i, &first);
	}
	if (first.a != (size_t)-1)
		ret = agg_error(fw, &first, how[first.a], unit_codes, err);
	free(how);
	return ret;
}
