/*
 * stats.h - descriptive statistics on columns with missing values (NaN is
 * skipped everywhere).  Formulas as in cityidx(1), METHOD.
 * A column whose values are all equal (min == max) has sd 0 and no skew,
 * kurtosis or correlation (NaN).  cidx_stat_mean, _skew, _kurt and
 * _quantile_sorted never allocate; the others allocate a scratch copy.
 */
#ifndef CIDX_STATS_H
#define CIDX_STATS_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "core/err.h"

struct cidx_summary {
	size_t n;        /* non-missing values */
	double mean;
	double sd;       /* sample (n - 1); NaN if n < 2 */
	double min, max;
	double median;   /* type 7 (R default) */
	double skew;     /* Excel SKEW; NaN if n < 3 or sd = 0 */
	double kurt;     /* Excel KURT (excess); NaN if n < 4 or sd = 0 */
};

void cidx_stat_summary(const double *x, size_t n, struct cidx_summary *out);

/* Mean of the non-missing values; NaN if there are none. */
double cidx_stat_mean(const double *x, size_t n);

/* Excel SKEW: with centred values c, g = sqrt(n) sum c^3 / (sum c^2)^(3/2),
 * skew = g sqrt(n (n - 1)) / (n - 2). */
double cidx_stat_skew(const double *x, size_t n);
/* Excel KURT: r = n sum c^4 / (sum c^2)^2,
 * kurt = ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)). */
double cidx_stat_kurt(const double *x, size_t n);

/* Quantile of type 7 (linear between order statistics) of the non-missing
 * values; p in [0, 1].  NaN if there are no values or p is out of range. */
double cidx_stat_quantile(const double *x, size_t n, double p);
/* The same on m values already sorted ascending, with no NaN among them:
 * no copy, no allocation (sort once, take several quantiles). */
double cidx_stat_quantile_sorted(const double *v, size_t m, double p);

/* Ranks 1..m of the non-missing values, ascending; ties get the average
 * rank (avg = 1) or the lowest rank (avg = 0); NaN stays NaN.  `out` may
 * be `x`. */
void cidx_stat_ranks(const double *x, size_t n, int avg, double *out);

/* Pearson and Spearman correlation over the pairs where both are present;
 * NaN with fewer than 3 pairs or no spread.  Spearman ranks the values
 * among those pairs only, ties averaged, and takes Pearson's r of the
 * ranks. */
double cidx_stat_pearson(const double *x, const double *y, size_t n);
double cidx_stat_spearman(const double *x, const double *y, size_t n);

/* Sum over the rows with complete[i] != 0 of (x_ia - mean_a)(x_ib -
 * mean_b): a covariance without its 1/(n-1). */
double cidx_stat_cross(const gsl_matrix *x, const char *complete,
    const double *mean, size_t a, size_t b);

/*! cidx_matrix_check() :
 *  The input check of the matrix functions (weights, TOPSIS): at least one
 *  row and one column, no infinite value, and `dir` (may be NULL) only +1
 *  or -1.  Messages start with `what`.  @return 0 or CIDX_EINVAL. */
int cidx_matrix_check(const gsl_matrix *x, const int *dir, const char *what,
    struct cidx_err *err);

/*! cidx_cronbach_alpha() :
 *  On the complete rows of x (n x k, k >= 2): alpha = k^2 mean(off-diagonal
 *  covariances) / sum of all entries of the covariance matrix
 *  (= k/(k-1) (1 - sum var_j / var(sum_j x_j))).
 *  @return alpha, or NaN with k < 2, fewer than 2 complete rows or no
 *  variance in the row sums. */
double cidx_cronbach_alpha(const gsl_matrix *x);

#endif
