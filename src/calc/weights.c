/*
 * weights.c - weights derived from the data (entropy, CRITIC, PCA) and
 * from pairwise judgements (AHP): cityidx(1), METHOD, Derived weights.
 *
 * Working arrays are plain cidx_xmalloc'ed doubles, row-major, viewed as GSL
 * matrices only where GSL does the work, so no allocation here can fail
 * except the GSL workspaces, which are checked.  Missing values are NaN;
 * every column statistic skips them.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_complex.h>
#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "calc/stats.h"
#include "calc/weights.h"
#include "core/mem.h"
#include "core/model.h"

/* Saaty's random consistency index for k = 0..15 (0 below 3) */
static const double saaty_ri[16] = {
	0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
	1.56, 1.57, 1.59
};

/* |a_ij a_ji - 1| and |a_ii - 1| allowed: a file's 1/v is rounded */
#define AHP_RECIPROCAL_TOL 1e-9

/*
 * r (n x k, row-major) = direction-aware min-max of x to [0,1] per column
 * over its present values; NaN stays NaN.  constant[j] is set when column
 * j has no spread (no value, one value, or max = min); its r is 0 where x
 * is present.
 */
static void
minmax01(const gsl_matrix *x, const int *dir, double *r, int *constant)
{
	size_t n = x->size1, k = x->size2;

	for (size_t j = 0; j < k; j++) {
		double lo = INFINITY, hi = -INFINITY;
		int neg = dir != NULL && dir[j] < 0;

		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (isnan(v))
				continue;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
		}
		constant[j] = !(hi > lo);
		for (size_t i = 0; i < n; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (isnan(v))
				r[i * k + j] = NAN;
			else if (constant[j])
				r[i * k + j] = 0;
			else
				r[i * k + j] = neg ? (hi - v) / (hi - lo) :
				    (v - lo) / (hi - lo);
		}
	}
}

int
cidx_weights_entropy(const gsl_matrix *x, const int *dir, double *w,
    double *e, double *d, struct cidx_err *err)
{
	size_t n, k;
	double *r, *dd, sum_d = 0;
	int *constant, ret;

	if ((ret = cidx_matrix_check(x, dir, "entropy weights", err)) < 0)
		return ret;
	n = x->size1;
	k = x->size2;
	r = cidx_xmalloc(n * k * sizeof(*r));
	dd = cidx_xmalloc(k * sizeof(*dd));
	constant = cidx_xmalloc(k * sizeof(*constant));
	minmax01(x, dir, r, constant);
	for (size_t j = 0; j < k; j++) {
		double sum_r = 0, h = 0;
		size_t m = 0;

		dd[j] = 0;
		if (constant[j])
			continue;
		for (size_t i = 0; i < n; i++)
			if (!isnan(r[i * k + j])) {
				sum_r += r[i * k + j];
				m++;
			}
		/* spread means m >= 2 and sum_r > 0 */
		for (size_t i = 0; i < n; i++) {
			double p = r[i * k + j] / sum_r;

			if (!isnan(p) && p > 0)
				h -= p * log(p);
		}
		dd[j] = 1 - h / log((double)m);
		sum_d += dd[j];
	}
	if (!(sum_d > 0)) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "entropy weights: every column is constant");
		goto out;
	}
	for (size_t j = 0; j < k; j++) {
		w[j] = dd[j] / sum_d;
		if (e != NULL)
			e[j] = 1 - dd[j];
		if (d != NULL)
			d[j] = dd[j];
	}
out:
	free(constant);
	free(dd);
	free(r);
	return ret;
}

/*
 * Pearson correlation of columns a and b of r over the rows where both
 * are present.  @return 0, or -1 when it is undefined (fewer than two
 * pairs, or no spread in one of the columns over the pairs).
 */
static int
pair_corr(const double *r, size_t n, size_t k, size_t a, size_t b,
    double *rho)
{
	double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(r[i * k + a]) && !isnan(r[i * k + b])) {
			ma += r[i * k + a];
			mb += r[i * k + b];
			m++;
		}
	if (m < 2)
		return -1;
	ma /= (double)m;
	mb /= (double)m;
	for (size_t i = 0; i < n; i++)
		if (!isnan(r[i * k + a]) && !isnan(r[i * k + b])) {
			double da = r[i * k + a] - ma, db = r[i * k + b] - mb;

			saa += da * da;
			sbb += db * db;
			sab += da * db;
		}
	if (!(saa > 0) || !(sbb > 0))
		return -1;
	*rho = sab / sqrt(saa * sbb);
	if (*rho > 1)
		*rho = 1;
	else if (*rho < -1)
		*rho = -1;
	return 0;
}

int
cidx_weights_critic(const gsl_matrix *x, const int *dir, double *w,
    double *sigma, double *conflict, struct cidx_err *err)
{
	size_t n, k;
	double *r, *sd, *conf, sum_c = 0;
	size_t n_spread = 0;
	int *constant, ret;

	if ((ret = cidx_matrix_check(x, dir, "CRITIC weights", err)) < 0)
		return ret;
	n = x->size1;
	k = x->size2;
	r = cidx_xmalloc(n * k * sizeof(*r));
	sd = cidx_xcalloc(k, sizeof(*sd));
	conf = cidx_xcalloc(k, sizeof(*conf));
	constant = cidx_xmalloc(k * sizeof(*constant));
	minmax01(x, dir, r, constant);
	for (size_t j = 0; j < k; j++) {
		double mean = 0, ss = 0;
		size_t m = 0;

		if (constant[j])
			continue;
		n_spread++;
		for (size_t i = 0; i < n; i++)
			if (!isnan(r[i * k + j])) {
				mean += r[i * k + j];
				m++;
			}
		mean /= (double)m;
		for (size_t i = 0; i < n; i++)
			if (!isnan(r[i * k + j]))
				ss += (r[i * k + j] - mean) *
				    (r[i * k + j] - mean);
		sd[j] = sqrt(ss / (double)(m - 1));
	}
	for (size_t j = 0; j < k; j++)
		for (size_t l = j + 1; l < k; l++) {
			double rho;

			if (pair_corr(r, n, k, j, l, &rho) < 0)
				continue;
			conf[j] += 1 - rho;
			conf[l] += 1 - rho;
		}
	for (size_t j = 0; j < k; j++)
		sum_c += sd[j] * conf[j];
	if (n_spread == 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "CRITIC weights: every column is constant");
		goto out;
	}
	if (n_spread > 1 && !(sum_c > 1e-12)) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "CRITIC weights: no conflict between the columns (those "
		    "with spread are perfectly correlated, or share fewer "
		    "than 2 units)");
		goto out;
	}
	for (size_t j = 0; j < k; j++) {
		/* one column with spread: it has no pair, but all the weight */
		if (n_spread == 1)
			w[j] = constant[j] ? 0 : 1;
		else
			w[j] = sd[j] * conf[j] / sum_c;
		if (sigma != NULL)
			sigma[j] = sd[j];
		if (conflict != NULL)
			conflict[j] = conf[j];
	}
out:
	free(constant);
	free(conf);
	free(sd);
	free(r);
	return ret;
}

/* complete[i]: row i has no NaN; returns how many rows do */
static size_t
complete_rows(const gsl_matrix *z, char *complete)
{
	size_t used = 0;

	for (size_t i = 0; i < z->size1; i++) {
		complete[i] = 1;
		for (size_t j = 0; j < z->size2; j++)
			if (isnan(gsl_matrix_get(z, i, j)))
				complete[i] = 0;
		used += (size_t)complete[i];
	}
	return used;
}

/* the correlation matrix (k x k) of the complete rows of z */
static int
correlations(const gsl_matrix *z, const char *complete, size_t used,
    double *corr, struct cidx_err *err)
{
	size_t n = z->size1, k = z->size2;
	double *mean = cidx_xcalloc(k, sizeof(*mean));
	double *sd = cidx_xcalloc(k, sizeof(*sd));
	int ret = 0;

	/* sd[j] is sqrt(sum of squares): the 1/(n-1) cancels in rho */
	for (size_t j = 0; j < k && ret == 0; j++) {
		for (size_t i = 0; i < n; i++)
			if (complete[i])
				mean[j] += gsl_matrix_get(z, i, j);
		mean[j] /= (double)used;
		for (size_t i = 0; i < n; i++)
			if (complete[i]) {
				double c = gsl_matrix_get(z, i, j) - mean[j];

				sd[j] += c * c;
			}
		sd[j] = sqrt(sd[j]);
		if (!(sd[j] > 0))
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "PCA weights: column %zu is constant over the %zu "
			    "complete units", j + 1, used);
	}
	for (size_t a = 0; a < k && ret == 0; a++)
		for (size_t b = a; b < k; b++) {
			double s = cidx_stat_cross(z, complete, mean, a, b);

			s = a == b ? 1 : s / (sd[a] * sd[b]);
			corr[a * k + b] = corr[b * k + a] = s;
		}
	free(sd);
	free(mean);
	return ret;
}

/* the eigenvalues (descending) and eigenvectors (columns) of corr, the
 * first one unique */
static int
eigen(double *corr, size_t k, double *eval, double *evec,
    struct cidx_err *err)
{
	gsl_matrix_view cv = gsl_matrix_view_array(corr, k, k);
	gsl_matrix_view vv = gsl_matrix_view_array(evec, k, k);
	gsl_vector_view ev = gsl_vector_view_array(eval, k);
	gsl_eigen_symmv_workspace *ws;
	int status;

	if ((ws = gsl_eigen_symmv_alloc(k)) == NULL)
		return cidx_err_set(err, CIDX_ENUMERIC,
		    "PCA weights: cannot allocate the eigen workspace");
	status = gsl_eigen_symmv(&cv.matrix, &ev.vector, &vv.matrix, ws);
	if (status == GSL_SUCCESS)
		status = gsl_eigen_symmv_sort(&ev.vector, &vv.matrix,
		    GSL_EIGEN_SORT_VAL_DESC);
	gsl_eigen_symmv_free(ws);
	if (status != GSL_SUCCESS)
		return cidx_err_set(err, CIDX_ENUMERIC,
		    "PCA weights: eigen decomposition failed: %s",
		    gsl_strerror(status));
	/* the trace is k, so equal leading eigenvalues are a real tie */
	if (k > 1 && eval[0] - eval[1] <= 1e-10 * (double)k)
		return cidx_err_set(err, CIDX_EINVAL,
		    "PCA weights: the first principal component is not unique "
		    "(the two largest eigenvalues are equal)");
	return 0;
}

/* the weights from PC1's loadings l (turned to sum > 0 in place): the
 * positive loadings' shares; *neg counts the negative ones */
static int
loading_weights(double *l, size_t k, double *w, size_t *neg,
    struct cidx_err *err)
{
	double sum = 0, abs_sum = 0, pos = 0;

	for (size_t j = 0; j < k; j++) {
		sum += l[j];
		abs_sum += fabs(l[j]);
	}
	/* loadings summing to about zero: PC1 opposes the children instead
	 * of combining them, and its weights would drop half of them */
	if (fabs(sum) <= 1e-9 * abs_sum)
		return cidx_err_set(err, CIDX_EINVAL,
		    "PCA weights: the first principal component is a contrast, "
		    "not a common factor (its loadings sum to about 0); use "
		    "another method (equal, entropy, critic)");
	*neg = 0;
	for (size_t j = 0; j < k; j++) {
		if (sum < 0)
			l[j] = -l[j];
		if (l[j] > 0)
			pos += l[j];
		else if (l[j] < 0)
			(*neg)++;
	}
	for (size_t j = 0; j < k; j++)
		w[j] = l[j] > 0 ? l[j] / pos : 0;
	return 0;
}

int
cidx_weights_pca(const gsl_matrix *z, double *w, double *loading,
    double *var_pc1, size_t *n_used, size_t *n_negative,
    struct cidx_err *err)
{
	double *corr = NULL, *evec = NULL, *eval = NULL, *l = NULL;
	size_t k, used, neg = 0;
	char *complete;
	int ret;

	cidx_gsl_init();
	if ((ret = cidx_matrix_check(z, NULL, "PCA weights", err)) < 0)
		return ret;
	k = z->size2;
	complete = cidx_xmalloc(z->size1);
	used = complete_rows(z, complete);
	if (n_used != NULL)
		*n_used = used;
	if (used < 3) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "PCA weights: %zu unit%s with no missing value; at least "
		    "3 needed", used, used == 1 ? "" : "s");
		goto out;
	}
	corr = cidx_xmalloc(k * k * sizeof(*corr));
	eval = cidx_xmalloc(k * sizeof(*eval));
	evec = cidx_xmalloc(k * k * sizeof(*evec));
	if ((ret = correlations(z, complete, used, corr, err)) < 0 ||
	    (ret = eigen(corr, k, eval, evec, err)) < 0)
		goto out;
	l = cidx_xmalloc(k * sizeof(*l));
	for (size_t j = 0; j < k; j++)
		l[j] = evec[j * k];
	if ((ret = loading_weights(l, k, w, &neg, err)) < 0)
		goto out;
	for (size_t j = 0; loading != NULL && j < k; j++)
		loading[j] = l[j];
	if (var_pc1 != NULL)
		*var_pc1 = eval[0] / (double)k;
	if (n_negative != NULL)
		*n_negative = neg;
out:
	free(l);
	free(evec);
	free(eval);
	free(corr);
	free(complete);
	return ret;
}

static int
check_ahp(const double *A, size_t k, struct cidx_err *err)
{
	if (A == NULL || k == 0)
		return cidx_err_set(err, CIDX_EINVAL, "AHP: empty matrix");
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++) {
			double a = A[i * k + j], b = A[j * k + i];

			if (!isfinite(a) || !(a > 0))
				return cidx_err_set(err, CIDX_EINVAL,
				    "AHP: entry (%zu,%zu) = %g: entries must "
				    "be positive numbers", i + 1, j + 1, a);
			if (i == j && fabs(a - 1) > AHP_RECIPROCAL_TOL)
				return cidx_err_set(err, CIDX_EINVAL,
				    "AHP: diagonal entry (%zu,%zu) = %g, not 1",
				    i + 1, j + 1, a);
			if (i < j && isfinite(b) && b > 0 &&
			    fabs(a * b - 1) > AHP_RECIPROCAL_TOL)
				return cidx_err_set(err, CIDX_EINVAL,
				    "AHP: not reciprocal: entry (%zu,%zu) = %g "
				    "but (%zu,%zu) = %g, not 1/%g", i + 1,
				    j + 1, a, j + 1, i + 1, b, a);
		}
	return 0;
}

/*
 * The Perron vector of a positive matrix: GSL's nonsymmetric eigensolver
 * gives it directly (the real eigenvalue of largest modulus); a few power
 * steps then polish it to a fixed point of w <- A w / sum(A w).
 */
static int
perron(const double *A, size_t k, double *w, struct cidx_err *err)
{
	gsl_eigen_nonsymmv_workspace *ws = NULL;
	gsl_vector_complex *eval = NULL;
	gsl_matrix_complex *evec = NULL;
	gsl_matrix_view mv;
	double *m, *y, sum, delta = INFINITY;
	size_t best = 0;
	int ret = 0, status;

	cidx_gsl_init();
	m = cidx_xmalloc(k * k * sizeof(*m));
	y = cidx_xmalloc(k * sizeof(*y));
	memcpy(m, A, k * k * sizeof(*m));
	mv = gsl_matrix_view_array(m, k, k);
	ws = gsl_eigen_nonsymmv_alloc(k);
	eval = gsl_vector_complex_alloc(k);
	evec = gsl_matrix_complex_alloc(k, k);
	if (ws == NULL || eval == NULL || evec == NULL) {
		ret = cidx_err_set(err, CIDX_ENUMERIC,
		    "AHP: cannot allocate the eigen workspace");
		goto out;
	}
	status = gsl_eigen_nonsymmv(&mv.matrix, eval, evec, ws);
	if (status != GSL_SUCCESS) {
		ret = cidx_err_set(err, CIDX_ENUMERIC,
		    "AHP: eigen decomposition failed: %s",
		    gsl_strerror(status));
		goto out;
	}
	for (size_t i = 1; i < k; i++)
		if (gsl_complex_abs(gsl_vector_complex_get(eval, i)) >
		    gsl_complex_abs(gsl_vector_complex_get(eval, best)))
			best = i;
	sum = 0;
	for (size_t i = 0; i < k; i++) {
		w[i] = GSL_REAL(gsl_matrix_complex_get(evec, i, best));
		sum += w[i];
	}
	for (size_t i = 0; i < k; i++) {
		w[i] /= sum;
		if (!(w[i] > 0)) {
			ret = cidx_err_set(err, CIDX_ENUMERIC,
			    "AHP: the principal eigenvector is not positive");
			goto out;
		}
	}
	for (int it = 0; it < 1000 && delta > 4 * DBL_EPSILON; it++) {
		sum = 0;
		for (size_t i = 0; i < k; i++) {
			y[i] = 0;
			for (size_t j = 0; j < k; j++)
				y[i] += A[i * k + j] * w[j];
			sum += y[i];
		}
		delta = 0;
		for (size_t i = 0; i < k; i++) {
			y[i] /= sum;
			if (fabs(y[i] - w[i]) > delta)
				delta = fabs(y[i] - w[i]);
			w[i] = y[i];
		}
	}
	if (delta > 1e-12)
		ret = cidx_err_set(err, CIDX_ENUMERIC,
		    "AHP: the principal eigenvector did not converge");
out:
	gsl_matrix_complex_free(evec);
	gsl_vector_complex_free(eval);
	if (ws != NULL)
		gsl_eigen_nonsymmv_free(ws);
	free(y);
	free(m);
	return ret;
}

int
cidx_weights_ahp(const double *A, size_t k, double *w, double *lambda_max,
    double *ci, double *cr, struct cidx_err *err)
{
	double *v, lambda = 0, c;
	int ret;

	if ((ret = check_ahp(A, k, err)) < 0)
		return ret;
	v = cidx_xmalloc(k * sizeof(*v));
	if (k == 1) {
		v[0] = 1;
	} else if ((ret = perron(A, k, v, err)) < 0) {
		free(v);
		return ret;
	}
	/* sum(v) = 1, so sum(A v) = lambda sum(v) = lambda */
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++)
			lambda += A[i * k + j] * v[j];
	/* lambda_max >= k in exact arithmetic; rounding may dip below */
	c = k > 1 && lambda > (double)k ?
	    (lambda - (double)k) / (double)(k - 1) : 0;
	memcpy(w, v, k * sizeof(*v));
	free(v);
	if (lambda_max != NULL)
		*lambda_max = lambda;
	if (ci != NULL)
		*ci = c;
	if (cr != NULL)
		*cr = k <= 2 ? 0 : k < 16 ? c / saaty_ri[k] : NAN;
	return 0;
}
