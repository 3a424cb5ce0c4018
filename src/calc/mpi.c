/*
 * mpi.c - the Mazziotta-Pareto index and its adjusted form (imethod.h;
 * cityidx(1), METHOD, Index methods): each indicator standardised (MPI:
 * z-scores of the year, 100 + 10 z; AMPI: goalposts over the panel,
 * 70 + 60 r), then per unit the weighted mean M of its values penalised
 * by their spread: M -+ S cv, cv = S / M.
 *
 * De Muro, Mazziotta, Pareto (2011), Composite indices of development
 * and poverty: an application to MDGs, Social Indicators Research 104;
 * Mazziotta, Pareto (2016), On a generalized non-compensatory composite
 * index for measuring socio-economic phenomena, Social Indicators
 * Research 127.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/imethod.h"
#include "calc/stats.h"
#include "core/mem.h"

/* the direction of column j: +1 unless dir says -1 */
static int
direction(const int *dir, size_t j)
{
	return dir != NULL && dir[j] < 0 ? -1 : 1;
}

void
cidx_mpi_z(const gsl_matrix *x, const int *dir, gsl_matrix *z, int *skip)
{
	for (size_t j = 0; j < x->size2; j++) {
		double sum = 0, ss = 0, mean, sd;
		size_t n = 0;

		for (size_t i = 0; i < x->size1; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (!isnan(v)) {
				sum += v;
				n++;
			}
		}
		mean = n ? sum / (double)n : NAN;
		for (size_t i = 0; i < x->size1; i++) {
			double v = gsl_matrix_get(x, i, j);

			if (!isnan(v))
				ss += (v - mean) * (v - mean);
		}
		sd = n ? sqrt(ss / (double)n) : NAN;
		skip[j] = n == 0 ? CIDX_SKIP_NODATA : n == 1 ? CIDX_SKIP_ONE :
		    !(sd > 0) ? CIDX_SKIP_CONSTANT : CIDX_SKIP_NONE;
		for (size_t i = 0; i < x->size1; i++)
			gsl_matrix_set(z, i, j, skip[j] != CIDX_SKIP_NONE ? NAN :
			    100 + 10 * direction(dir, j) *
			    (gsl_matrix_get(x, i, j) - mean) / sd);
	}
}

void
cidx_ampi_r(const gsl_matrix *x, const int *dir, const double *lo,
    const double *hi, gsl_matrix *r, int *skip)
{
	for (size_t j = 0; j < x->size2; j++) {
		double a = INFINITY, b = -INFINITY;
		int d = direction(dir, j);
		size_t n = 0;

		for (size_t i = 0; i < x->size1; i++) {
			double y = d * gsl_matrix_get(x, i, j);

			if (isnan(y))
				continue;
			n++;
			a = y < a ? y : a;
			b = y > b ? y : b;
		}
		if (lo != NULL) {
			a = lo[j];
			b = hi[j];
		}
		skip[j] = n == 0 ? CIDX_SKIP_NODATA : !(b > a) ?
		    CIDX_SKIP_CONSTANT : CIDX_SKIP_NONE;
		for (size_t i = 0; i < x->size1; i++)
			gsl_matrix_set(r, i, j, skip[j] != CIDX_SKIP_NONE ? NAN :
			    70 + 60 * (d * gsl_matrix_get(x, i, j) - a) /
			    (b - a));
	}
}

int
cidx_mpi_combine(const gsl_matrix *z, const double *w, int sign, double *out,
    struct cidx_err *err)
{
	for (size_t i = 0; i < z->size1; i++) {
		double sw = 0, m = 0, v = 0;

		for (size_t j = 0; j < z->size2; j++) {
			double y = gsl_matrix_get(z, i, j);

			if (!isnan(y) && w[j] > 0) {
				sw += w[j];
				m += w[j] * y;
			}
		}
		if (!(sw > 0)) {
			out[i] = NAN;
			continue;
		}
		m /= sw;
		for (size_t j = 0; j < z->size2; j++) {
			double y = gsl_matrix_get(z, i, j);

			if (!isnan(y) && w[j] > 0)
				v += w[j] * (y - m) * (y - m);
		}
		if (!(m > 0))
			return cidx_err_set(err, CIDX_ENUMERIC, "row %zu: the "
			    "mean of the standardised values is %g, not above "
			    "0 (an outlier more than 10 standard deviations "
			    "below the mean; treat outliers with --treat)",
			    i + 1, m);
		/* M -+ S cv = M -+ S^2 / M */
		out[i] = m + sign * (v / sw) / m;
	}
	return 0;
}

/* the weights: finite, >= 0, not all 0 */
static int
check_weights(const double *w, size_t k, const char *what,
    struct cidx_err *err)
{
	double sw = 0;

	for (size_t j = 0; j < k; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return cidx_err_set(err, CIDX_EINVAL, "%s: column %zu: "
			    "weight %g: weights must be numbers >= 0", what,
			    j + 1, w[j]);
		sw += w[j];
	}
	if (!(sw > 0))
		return cidx_err_set(err, CIDX_EINVAL, "%s: every weight is 0",
		    what);
	return 0;
}

static int
penalised(const gsl_matrix *x, const int *dir, const double *w,
    const double *lo, const double *hi, int ampi, int sign, double *out,
    struct cidx_err *err)
{
	const char *what = ampi ? "AMPI" : "MPI";
	gsl_matrix *z;
	int *skip, ret;

	if ((ret = cidx_matrix_check(x, dir, what, err)) < 0 ||
	    (ret = check_weights(w, x->size2, what, err)) < 0)
		return ret;
	z = cidx_matrix_alloc(x->size1, x->size2);
	skip = cidx_xcalloc(x->size2, sizeof(int));
	if (ampi)
		cidx_ampi_r(x, dir, lo, hi, z, skip);
	else
		cidx_mpi_z(x, dir, z, skip);
	ret = cidx_mpi_combine(z, w, sign < 0 ? -1 : 1, out, err);
	if (ret < 0)
		cidx_err_prefix(err, "%s", what);
	gsl_matrix_free(z);
	free(skip);
	return ret;
}

int
cidx_mpi(const gsl_matrix *x, const int *dir, const double *w, int sign,
    double *out, struct cidx_err *err)
{
	return penalised(x, dir, w, NULL, NULL, 0, sign, out, err);
}

int
cidx_ampi(const gsl_matrix *x, const int *dir, const double *w,
    const double *lo, const double *hi, int sign, double *out,
    struct cidx_err *err)
{
	return penalised(x, dir, w, lo, hi, 1, sign, out, err);
}
