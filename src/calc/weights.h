/*
 * weights.h - weights derived from the data and from AHP judgements
 * (cityidx(1), METHOD, Derived weights).  Inputs are units x k matrices
 * (NaN = missing) of one group of siblings; outputs are k weights summing
 * to 1, with their diagnostics.  No printing, no SQLite.
 *
 * Common rules: `dir` is the direction of each column (+1 higher is
 * better, -1 lower is better) or NULL for all +1; any other value, an
 * empty matrix or an infinite value is CIDX_EINVAL.  Output arrays have k
 * entries and are written only on success; diagnostic outputs may be
 * NULL.  Messages name columns and rows from 1; callers prefix the group.
 */
#ifndef CIDX_CALC_WEIGHTS_H
#define CIDX_CALC_WEIGHTS_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "core/err.h"

/*! cidx_weights_entropy() :
 *  r = direction-aware min-max to [0,1] per column over its non-missing
 *  values; p_ij = r_ij / sum_i r_ij; e_j = -(1/ln m_j) sum p ln p (0 ln 0 =
 *  0, m_j = non-missing values of column j); d_j = 1 - e_j;
 *  w_j = d_j / sum d.  A constant column (max = min, or fewer than two
 *  values) gets e = 1, d = 0, w = 0.  e, d may be NULL.
 *  @return 0, or CIDX_EINVAL if every column is constant. */
int cidx_weights_entropy(const gsl_matrix *x, const int *dir, double *w,
    double *e, double *d, struct cidx_err *err);

/*! cidx_weights_critic() :
 *  r as for entropy; sigma_j = sample sd of r_.j over its non-missing
 *  values; C_j = sigma_j sum_k (1 - rho_jk) with Pearson rho over
 *  pairwise-complete rows; w_j = C_j / sum C.  sigma, conflict
 *  (= sum_k (1 - rho_jk)) may be NULL.
 *  A pair whose rho is undefined (a constant column, or fewer than two
 *  shared rows with spread in both) is left out of both sums, so a
 *  constant column gets sigma = 0, conflict = 0, w = 0 and leaves the
 *  others' weights as they would be without it.  When one column alone
 *  has spread (k = 1 included) it gets w = 1.
 *  @return 0, or CIDX_EINVAL if every column is constant or, with two or
 *  more columns with spread, every C_j is 0 to rounding (sum C <= 1e-12:
 *  perfect correlation, or too few shared rows). */
int cidx_weights_critic(const gsl_matrix *x, const int *dir, double *w,
    double *sigma, double *conflict, struct cidx_err *err);

/*! cidx_weights_pca() :
 *  On the rows of `z` with no missing value (n_used of them, at least 3),
 *  the first principal component of the correlation matrix
 *  (prcomp(scale = TRUE)); loading[j] = eigenvector entry (unit length),
 *  sign chosen so the loadings sum to a positive number;
 *  w_j = max(loading_j, 0) / sum max(loading, 0); var_pc1 = lambda_1 / k,
 *  the share of the variance PC1 explains.  A negative loading gets
 *  weight 0 (*n_negative counts them).  loading, var_pc1, n_used and
 *  n_negative may be NULL; *n_used is set even on error.
 *  @return 0, or CIDX_EINVAL with fewer than 3 complete rows, a column
 *  constant over them, a tie for the largest eigenvalue (PC1 not
 *  unique), or loadings summing to about zero (|sum l| <= 1e-9 sum |l|:
 *  PC1 is a contrast, not a common factor); CIDX_ENUMERIC if GSL
 *  fails. */
int cidx_weights_pca(const gsl_matrix *z, double *w, double *loading,
    double *var_pc1, size_t *n_used, size_t *n_negative,
    struct cidx_err *err);

/*! cidx_weights_ahp() :
 *  A (k x k, row-major, positive, reciprocal: a_ji = 1/a_ij, a_ii = 1;
 *  both to 1e-9, since a file's 1/v is rounded) -> w = principal right
 *  eigenvector normalised to sum 1; lambda_max (= sum_i (A w)_i);
 *  CI = (lambda_max - k)/(k - 1), 0 for k = 1 and when rounding puts
 *  lambda_max below k; CR = CI / RI_k with Saaty's random index
 *  (k = 3..15: 0.58 0.90 1.12 1.24 1.32 1.41 1.45 1.49 1.51 1.48 1.56
 *  1.57 1.59); CR = 0 for k <= 2 and NaN for k > 15 (no published RI).
 *  cityidx(1): warn when CR >= 0.1 (the caller's job).  lambda_max, ci,
 *  cr may be NULL.
 *  @return 0, CIDX_EINVAL if A is not a positive reciprocal matrix
 *  (the message names the entry), or CIDX_ENUMERIC if GSL fails. */
int cidx_weights_ahp(const double *A, size_t k, double *w, double *lambda_max,
    double *ci, double *cr, struct cidx_err *err);

#endif
