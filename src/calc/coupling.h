/*
 * coupling.h - the coupling coordination degree (耦合协调度) of two or
 * more subsystems (cityidx(1), METHOD, Coupling coordination): how
 * strongly and how evenly the pillars of a unit develop together.
 */
#ifndef CIDX_CALC_COUPLING_H
#define CIDX_CALC_COUPLING_H

#include <stddef.h>

#include "core/err.h"

/*! cidx_coupling() :
 *  The n >= 2 subsystem levels u[k] in [0, 1] (a pillar score / 100):
 *  C = n (prod u)^(1/n) / sum u, T = sum u / n, D = sqrt(C T).  When
 *  every u is 0, C and D are NaN (0 / 0) and T is 0.
 *  @return 0, or CIDX_EINVAL for n < 2 or a u outside [0, 1] (the
 *  message names its place from 1). */
int cidx_coupling(const double *u, size_t n, double *c, double *t,
    double *d, struct cidx_err *err);

/*! cidx_coupling_grade() : the grade of D in tenths, 1 (0 <= D < 0.1) to
 *  10 (0.9 <= D <= 1); 0 for NaN. */
int cidx_coupling_grade(double d);

/*! cidx_coupling_grade_name() : the name of a grade, in Chinese (zh)
 *  or English: 1 极度失调 extreme imbalance ... 10 优质协调 high-quality
 *  coordination; "" for 0. */
const char *cidx_coupling_grade_name(int grade, int zh);

/* the model of cidx_coupling() in one line of words, as the table prints
 * it under the grades (cityidx(1), coupling) */
extern const char cidx_coupling_formula[];

#endif
