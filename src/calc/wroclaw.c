/*
 * wroclaw.c - the Wroclaw taxonomic method (Hellwig's measure of
 * development; imethod.h; cityidx(1), METHOD, Index methods): the
 * distance of each z-scored unit from the ideal unit, scaled by the
 * mean distance plus two standard deviations.
 *
 * Hellwig Z. (1968), Application of the taxonomic method to the
 * typological division of countries according to their level of
 * development, Przeglad Statystyczny 15(4); UNESCO (1974), Social
 * indicators: problems of definition and of selection.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/imethod.h"
#include "calc/stats.h"
#include "core/mem.h"

/* z_ij = d_j (x_ij - mean_j) / sd_j over the complete rows (population
 * sd), NaN in the other rows; CIDX_EINVAL for a constant column */
static int
zscores(const gsl_matrix *x, const int *dir, const char *complete,
    size_t used, gsl_matrix *z, struct cidx_err *err)
{
	for (size_t j = 0; j < x->size2; j++) {
		double mean = 0, ss = 0, sd;
		int d = dir != NULL && dir[j] < 0 ? -1 : 1;

		for (size_t i = 0; i < x->size1; i++)
			if (complete[i])
				mean += gsl_matrix_get(x, i, j);
		mean /= (double)used;
		for (size_t i = 0; i < x->size1; i++)
			if (complete[i])
				ss += (gsl_matrix_get(x, i, j) - mean) *
				    (gsl_matrix_get(x, i, j) - mean);
		sd = sqrt(ss / (double)used);
		if (!(sd > 0) || !isfinite(sd))
			return cidx_err_set(err, CIDX_EINVAL, "Wroclaw: column "
			    "%zu has no spread over the complete units", j + 1);
		for (size_t i = 0; i < x->size1; i++)
			gsl_matrix_set(z, i, j, complete[i] ? d *
			    (gsl_matrix_get(x, i, j) - mean) / sd : NAN);
	}
	return 0;
}

/* d_i = sqrt(sum_j w_j (z_ij - z*_j)^2), w summing to 1 */
static void
distances(const gsl_matrix *z, const double *w, const char *complete,
    double *dist)
{
	double sw = 0, *best = cidx_xcalloc(z->size2, sizeof(double));

	/* the ideal unit: the best z of every indicator */
	for (size_t j = 0; j < z->size2; j++) {
		sw += w[j];
		best[j] = -INFINITY;
		for (size_t q = 0; q < z->size1; q++)
			if (complete[q] && gsl_matrix_get(z, q, j) > best[j])
				best[j] = gsl_matrix_get(z, q, j);
	}
	for (size_t i = 0; i < z->size1; i++) {
		double ss = 0;

		if (!complete[i]) {
			dist[i] = NAN;
			continue;
		}
		for (size_t j = 0; j < z->size2; j++) {
			double e = gsl_matrix_get(z, i, j) - best[j];

			ss += w[j] / sw * e * e;
		}
		dist[i] = sqrt(ss);
	}
	free(best);
}

int
cidx_wroclaw(const gsl_matrix *x, const int *dir, const double *w,
    double *out, struct cidx_err *err)
{
	size_t n, used = 0;
	double sw = 0, mean = 0, ss = 0, d0, *dist = NULL;
	char *complete = NULL;
	gsl_matrix *z = NULL;
	int ret;

	if ((ret = cidx_matrix_check(x, dir, "Wroclaw", err)) < 0)
		return ret;
	n = x->size1;
	for (size_t j = 0; j < x->size2; j++) {
		if (!isfinite(w[j]) || w[j] < 0)
			return cidx_err_set(err, CIDX_EINVAL, "Wroclaw: column "
			    "%zu: weight %g: weights must be numbers >= 0",
			    j + 1, w[j]);
		sw += w[j];
	}
	if (!(sw > 0))
		return cidx_err_set(err, CIDX_EINVAL, "Wroclaw: every weight "
		    "is 0");
	complete = cidx_xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		complete[i] = 1;
		for (size_t j = 0; j < x->size2; j++)
			if (isnan(gsl_matrix_get(x, i, j)))
				complete[i] = 0;
		used += (size_t)complete[i];
	}
	if (used < 2) {
		ret = cidx_err_set(err, CIDX_EINVAL, "Wroclaw: fewer than two "
		    "units have every value");
		goto out;
	}
	z = cidx_matrix_alloc(n, x->size2);
	dist = cidx_xcalloc(n, sizeof(double));
	if ((ret = zscores(x, dir, complete, used, z, err)) < 0)
		goto out;
	distances(z, w, complete, dist);
	for (size_t i = 0; i < n; i++)
		if (complete[i])
			mean += dist[i];
	mean /= (double)used;
	for (size_t i = 0; i < n; i++)
		if (complete[i])
			ss += (dist[i] - mean) * (dist[i] - mean);
	/* Hellwig's d0 = mean + 2 sd, sd with divisor n */
	d0 = mean + 2 * sqrt(ss / (double)used);
	if (!(d0 > 0)) {
		ret = cidx_err_set(err, CIDX_EINVAL, "Wroclaw: every unit is "
		    "the ideal unit");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = complete[i] ? 1 - dist[i] / d0 : NAN;
out:
	if (z)
		gsl_matrix_free(z);
	free(dist);
	free(complete);
	return ret;
}
