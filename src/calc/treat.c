/*
 * treat.c - the JRC/COINr outlier treatment of one column (cityidx(1),
 * METHOD, Preparation: treat).
 *
 * cidx_treat_column() runs once per indicator in every Monte Carlo draw,
 * so it works in the caller's `work` array and allocates nothing; each
 * winsorising step is one pass to find the two largest (or smallest)
 * distinct values, one to clip, and one skew/kurt evaluation.
 */
#include <math.h>
#include <stdlib.h>


#include "calc/prepare.h"
#include "calc/stats.h"

int
cidx_treat_fails(double skew, double kurt, const struct cidx_treat_params *p)
{
	return !isnan(skew) && !isnan(kurt) && fabs(skew) >= p->skew &&
	    kurt >= p->kurt;
}

/*
 * One winsorising step on v[0..m): every value equal to the maximum
 * (top != 0) or minimum becomes the next distinct value.  @return the
 * number of values set, 0 when all values are equal.
 */
static int
clip_extreme(double *v, size_t m, int top)
{
	double e = NAN, next = NAN;
	int k = 0;

	for (size_t i = 0; i < m; i++) {
		double t = top ? v[i] : -v[i];

		if (isnan(e) || t > e) {
			next = e;
			e = t;
		} else if (t < e && (isnan(next) || t > next)) {
			next = t;
		}
	}
	if (isnan(next))
		return 0;
	if (!top) {
		e = -e;
		next = -next;
	}
	for (size_t i = 0; i < m; i++)
		if (v[i] == e) {
			v[i] = next;
			k++;
		}
	return k;
}

int
cidx_treat_column(double *x, size_t n, const struct cidx_treat_params *p,
    struct cidx_treat_report *rep, double *work)
{
	static const struct cidx_treat_params defaults = CIDX_TREAT_PARAMS_INIT;
	struct cidx_treat_report local;
	double skew, kurt, lo, hi, eps;
	size_t m = 0;

	if (p == NULL)
		p = &defaults;
	if (rep == NULL)
		rep = &local;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			work[m++] = x[i];
	skew = rep->skew0 = rep->skew1 = cidx_stat_skew(work, m);
	kurt = rep->kurt0 = rep->kurt1 = cidx_stat_kurt(work, m);
	rep->n_hi = rep->n_lo = 0;
	rep->action = CIDX_TREAT_NONE;
	if (!cidx_treat_fails(skew, kurt, p))
		return 0;

	while (cidx_treat_fails(skew, kurt, p) &&
	    rep->n_hi + rep->n_lo < p->winmax) {
		int k;

		/* n_hi counts the values at the latest clipped maximum
		 * (earlier clips among them), not a running sum */
		if (skew >= 0) {
			if ((k = clip_extreme(work, m, 1)) == 0)
				break;
			rep->n_hi = k;
		} else {
			if ((k = clip_extreme(work, m, 0)) == 0)
				break;
			rep->n_lo = k;
		}
		skew = cidx_stat_skew(work, m);
		kurt = cidx_stat_kurt(work, m);
	}
	if (!cidx_treat_fails(skew, kurt, p)) {
		rep->action = CIDX_TREAT_WINSOR;
		rep->skew1 = skew;
		rep->kurt1 = kurt;
		m = 0;
		for (size_t i = 0; i < n; i++)
			if (!isnan(x[i]))
				x[i] = work[m++];
		return 0;
	}

	/* still failing: log of the original values, its form chosen by the
	 * sign of their skew; a failing column has max > min */
	lo = INFINITY;
	hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
	}
	eps = 0.01 * (hi - lo);
	rep->action = rep->skew0 >= 0 ? CIDX_TREAT_LOG : CIDX_TREAT_LOG_NEG;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (rep->action == CIDX_TREAT_LOG)
			x[i] = log(x[i] - lo + eps);
		else
			x[i] = -log(hi + eps - x[i]);
	}
	rep->skew1 = cidx_stat_skew(x, n);
	rep->kurt1 = cidx_stat_kurt(x, n);
	return 0;
}
