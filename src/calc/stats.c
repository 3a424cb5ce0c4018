/*
 * stats.c - descriptive statistics on columns with missing values.
 *
 * NaN means missing and is skipped everywhere; GSL's own statistics
 * functions know nothing of NaN, so the moments are computed here and GSL
 * is used for sorting only.  Moments are taken about a mean refined by a
 * second pass, and a column whose values are all equal is recognised by
 * min == max rather than by a sum of squares that rounding may leave a few
 * ulps above zero: such a column has no skew or kurtosis, never a huge
 * one.
 *
 * skew, kurt and quantile_sorted do not allocate (the outlier treatment
 * calls them inside Monte Carlo loops); summary, quantile, ranks and
 * spearman need a sorted copy and allocate with cidx_xmalloc.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sort.h>

#include "calc/stats.h"
#include "core/mem.h"

struct moments {
	size_t n;
	double mean;
	double lo, hi;
	double s2, s3, s4; /* sums of centred powers; 0 when constant */
	int constant;      /* n == 0 or every value equal */
};

static void
moments(const double *x, size_t n, struct moments *m)
{
	double sum = 0, corr = 0;

	memset(m, 0, sizeof(*m));
	m->lo = INFINITY;
	m->hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		m->n++;
		sum += x[i];
		if (x[i] < m->lo)
			m->lo = x[i];
		if (x[i] > m->hi)
			m->hi = x[i];
	}
	if (m->n == 0) {
		m->mean = m->lo = m->hi = NAN;
		m->constant = 1;
		return;
	}
	m->mean = sum / (double)m->n;
	m->constant = !(m->hi > m->lo);
	if (m->constant) {
		m->mean = m->lo;
		return;
	}
	/* the deviations from the rounded mean sum to its error */
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			corr += x[i] - m->mean;
	m->mean += corr / (double)m->n;
	for (size_t i = 0; i < n; i++) {
		double d, d2;

		if (isnan(x[i]))
			continue;
		d = x[i] - m->mean;
		d2 = d * d;
		m->s2 += d2;
		m->s3 += d2 * d;
		m->s4 += d2 * d2;
	}
}

static double
skew_of(const struct moments *m)
{
	double n = (double)m->n, g;

	if (m->n < 3 || m->constant || !(m->s2 > 0))
		return NAN;
	g = sqrt(n) * m->s3 / (m->s2 * sqrt(m->s2));
	return g * sqrt(n * (n - 1)) / (n - 2);
}

static double
kurt_of(const struct moments *m)
{
	double n = (double)m->n, r;

	if (m->n < 4 || m->constant || !(m->s2 > 0))
		return NAN;
	r = n * (m->s4 / m->s2) / m->s2;
	return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
}

double
cidx_stat_mean(const double *x, size_t n)
{
	struct moments m;

	moments(x, n, &m);
	return m.mean;
}

double
cidx_stat_skew(const double *x, size_t n)
{
	struct moments m;

	moments(x, n, &m);
	return skew_of(&m);
}

double
cidx_stat_kurt(const double *x, size_t n)
{
	struct moments m;

	moments(x, n, &m);
	return kurt_of(&m);
}

/* The non-missing values of x, sorted ascending, in a new array. */
static double *
sorted_copy(const double *x, size_t n, size_t *m_out)
{
	double *v = cidx_xmalloc((n ? n : 1) * sizeof(*v));
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			v[m++] = x[i];
	gsl_sort(v, 1, m);
	*m_out = m;
	return v;
}

double
cidx_stat_quantile_sorted(const double *v, size_t m, double p)
{
	double h, lo;
	size_t j;

	if (m == 0 || !(p >= 0 && p <= 1))
		return NAN;
	/* R: index = 1 + (m - 1) p, here 0-based */
	h = (double)(m - 1) * p;
	lo = floor(h);
	j = (size_t)lo;
	h -= lo;
	if (j + 1 >= m || h == 0 || v[j] == v[j + 1])
		return v[j];
	return (1 - h) * v[j] + h * v[j + 1];
}

double
cidx_stat_quantile(const double *x, size_t n, double p)
{
	size_t m;
	double *v, q;

	if (!(p >= 0 && p <= 1))
		return NAN;
	v = sorted_copy(x, n, &m);
	q = cidx_stat_quantile_sorted(v, m, p);
	free(v);
	return q;
}

void
cidx_stat_summary(const double *x, size_t n, struct cidx_summary *out)
{
	struct moments m;
	size_t cnt;
	double *v;

	moments(x, n, &m);
	out->n = m.n;
	out->mean = m.mean;
	if (m.n < 2)
		out->sd = NAN;
	else
		out->sd = m.constant ? 0 : sqrt(m.s2 / (double)(m.n - 1));
	out->min = m.lo;
	out->max = m.hi;
	out->skew = skew_of(&m);
	out->kurt = kurt_of(&m);
	v = sorted_copy(x, n, &cnt);
	out->median = cidx_stat_quantile_sorted(v, cnt, 0.5);
	free(v);
}

void
cidx_stat_ranks(const double *x, size_t n, int avg, double *out)
{
	double *v = cidx_xmalloc((n ? n : 1) * sizeof(*v));
	size_t *at = cidx_xmalloc((n ? n : 1) * sizeof(*at));
	size_t *perm = cidx_xmalloc((n ? n : 1) * sizeof(*perm));
	size_t m = 0;

	/* copy first: out may be x */
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		v[m] = x[i];
		at[m++] = i;
	}
	for (size_t i = 0; i < n; i++)
		if (isnan(x[i]))
			out[i] = NAN;
	gsl_sort_index(perm, v, 1, m);
	for (size_t a = 0, b; a < m; a = b) {
		double r;

		for (b = a + 1; b < m && v[perm[b]] == v[perm[a]]; b++)
			;
		/* positions a..b-1 share ranks a+1..b */
		r = avg ? (double)(a + 1 + b) / 2 : (double)(a + 1);
		for (size_t k = a; k < b; k++)
			out[at[perm[k]]] = r;
	}
	free(perm);
	free(at);
	free(v);
}

/*
 * Pearson's r of the first m pairs; x and y hold no NaN.  NaN with fewer
 * than 3 pairs or when either side is constant.
 */
static double
pearson_dense(const double *x, const double *y, size_t m)
{
	struct moments mx, my;
	double sxy = 0, r;

	if (m < 3)
		return NAN;
	moments(x, m, &mx);
	moments(y, m, &my);
	if (mx.constant || my.constant || !(mx.s2 > 0) || !(my.s2 > 0))
		return NAN;
	for (size_t i = 0; i < m; i++)
		sxy += (x[i] - mx.mean) * (y[i] - my.mean);
	r = sxy / sqrt(mx.s2 * my.s2);
	/* rounding can push a perfect correlation past 1 */
	if (r > 1)
		r = 1;
	if (r < -1)
		r = -1;
	return r;
}

/* The pairs where both are present, packed into new arrays. */
static size_t
pairs(const double *x, const double *y, size_t n, double **xo,
    double **yo)
{
	size_t m = 0;

	*xo = cidx_xmalloc((n ? n : 1) * sizeof(**xo));
	*yo = cidx_xmalloc((n ? n : 1) * sizeof(**yo));
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]) || isnan(y[i]))
			continue;
		(*xo)[m] = x[i];
		(*yo)[m++] = y[i];
	}
	return m;
}

double
cidx_stat_pearson(const double *x, const double *y, size_t n)
{
	double *a, *b, r;
	size_t m = pairs(x, y, n, &a, &b);

	r = pearson_dense(a, b, m);
	free(a);
	free(b);
	return r;
}

double
cidx_stat_spearman(const double *x, const double *y, size_t n)
{
	double *a, *b, r;
	size_t m = pairs(x, y, n, &a, &b);

	r = NAN;
	if (m >= 3) {
		/* ranks among the complete pairs only, ties averaged */
		cidx_stat_ranks(a, m, 1, a);
		cidx_stat_ranks(b, m, 1, b);
		r = pearson_dense(a, b, m);
	}
	free(a);
	free(b);
	return r;
}

/* sum over the complete rows of (x_a - mean_a)(x_b - mean_b) */
double
cidx_stat_cross(const gsl_matrix *x, const char *complete, const double *mean,
    size_t a, size_t b)
{
	double s = 0;

	for (size_t i = 0; i < x->size1; i++)
		if (complete[i])
			s += (gsl_matrix_get(x, i, a) - mean[a]) *
			    (gsl_matrix_get(x, i, b) - mean[b]);
	return s;
}

/*
 * x must have at least one row and one column, no infinity, and dir (if
 * given) only +1 and -1.
 */
int
cidx_matrix_check(const gsl_matrix *x, const int *dir, const char *what,
    struct cidx_err *err)
{
	if (x == NULL || x->size1 == 0 || x->size2 == 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s: empty matrix", what);
	for (size_t j = 0; j < x->size2; j++)
		if (dir != NULL && dir[j] != 1 && dir[j] != -1)
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s: column %zu: direction must be 1 or -1, not %d",
			    what, j + 1, dir[j]);
	for (size_t i = 0; i < x->size1; i++)
		for (size_t j = 0; j < x->size2; j++)
			if (isinf(gsl_matrix_get(x, i, j)))
				return cidx_err_set(err, CIDX_EINVAL,
				    "%s: row %zu, column %zu: infinite value",
				    what, i + 1, j + 1);
	return 0;
}
