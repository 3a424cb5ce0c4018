/*
 * topsis.h - TOPSIS, the whole-index alternative to normalise + aggregate
 * (cityidx(1), METHOD, TOPSIS).
 */
#ifndef CIDX_CALC_TOPSIS_H
#define CIDX_CALC_TOPSIS_H

#include <gsl/gsl_matrix.h>

#include "core/err.h"
#include "core/model.h"

/*! cidx_topsis() :
 *  x (n x k, raw values), direction per column, weights w (finite, >= 0,
 *  any scale; used as w / sum w).  Computed on the units with no missing
 *  value: r_ij = x_ij / sqrt(sum_i x_ij^2); v = w r; A+ = max_i v (min for
 *  direction -1), A- the opposite; D+- = Euclidean distances;
 *  C_i = 100 D- / (D+ + D-).  Units with a missing value get NaN and do
 *  not enter the norms or the ideals.
 *  @return 0, or CIDX_EINVAL if a column is all zero, no unit is
 *  complete, every weight is 0, or no weighted column separates the
 *  units (every C would be 0/0). */
int cidx_topsis(const gsl_matrix *x, const int *dir, const double *w,
    double *c, struct cidx_err *err);

/*! cidx_topsis_scores() :
 *  The TOPSIS closeness (x 100) of every aggregate of `fw` over the
 *  indicators below it, each weighted by its global weight within that
 *  aggregate (cidx_global_weights() over the nodes with data in the
 *  year); the indicator columns of `s` get the vector-normalised values
 *  r_ij.  An indicator without data (or all zero) in the year is left
 *  out and its weight goes to its siblings, as in the composite.  @return 0 or the error of cidx_topsis() prefixed
 *  with the aggregate. */
int cidx_topsis_scores(const struct cidx_framework *fw,
    const struct cidx_dataset *ds, const double *w, gsl_matrix *s,
    struct cidx_err *err);

#endif
