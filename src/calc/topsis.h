/*
 * topsis.h - TOPSIS, an index method (imethod.h; cityidx(1), METHOD,
 * TOPSIS): the closeness of each unit to the ideal.
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

#endif
