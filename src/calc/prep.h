/*
 * prep.h - data preparation before normalisation (METHODS.md section 2):
 * imputation of one column and the JRC/COINr outlier treatment.
 * Columns are arrays of n doubles, NaN = missing, changed in place.
 */
#ifndef CIDX_PREP_H
#define CIDX_PREP_H

#include <stddef.h>

enum cidx_impute {
	CIDX_IMPUTE_NONE,
	CIDX_IMPUTE_MEAN,
	CIDX_IMPUTE_MEDIAN,
	CIDX_IMPUTE_GROUP_MEAN,
	CIDX_IMPUTE_GROUP_MEDIAN,
	CIDX_IMPUTE_CARRY_FORWARD /* done by the caller: needs other years */
};

/*! cidx_impute_column() :
 *  Replaces NaNs by the column's mean or median (type 7), or by the mean or
 *  median of the unit's group (`group[i]` in 0..ngroups-1, or
 *  (size_t)-1 for a unit without a group, which is left missing; any
 *  value >= ngroups counts as no group).  Fill values come from the
 *  observed values only.  A group with no value leaves its missing values
 *  missing, and so does a column with no value at all.  The group methods
 *  do nothing when `group` is NULL; NONE and CARRY_FORWARD do nothing.
 *  @return the number of values filled in. */
size_t cidx_impute_column(double *x, size_t n, enum cidx_impute method,
    const size_t *group, size_t ngroups);

struct cidx_treat_params {
	double skew;   /* |skew| threshold, default 2.0 */
	double kurt;   /* kurtosis threshold, default 3.5 */
	int winmax;    /* most points to winsorise, default 5 */
};

#define CIDX_TREAT_PARAMS_INIT { 2.0, 3.5, 5 }

enum cidx_treat_action {
	CIDX_TREAT_NONE,      /* passed as it was */
	CIDX_TREAT_WINSOR,    /* winsorised until it passed */
	CIDX_TREAT_LOG,       /* ln(x - min + 0.01 (max - min)) */
	CIDX_TREAT_LOG_NEG    /* -ln(max + 0.01 (max - min) - x) */
};

struct cidx_treat_report {
	double skew0, kurt0;  /* before */
	double skew1, kurt1;  /* after */
	int n_hi, n_lo;       /* points winsorised at the top / bottom; for
				 LOG and LOG_NEG, how far the winsorising
				 got before it gave up */
	enum cidx_treat_action action;
};

/*! cidx_treat_column() :
 *  The rule of METHODS.md 2.4: an indicator fails when |skew| >= p->skew
 *  and kurt >= p->kurt; while it fails and n_hi + n_lo < winmax, every
 *  value equal to the current maximum (positive skew) or minimum
 *  (negative skew) is set to the next distinct value, n_hi (n_lo) being
 *  the number of values just set; if it still fails, the ORIGINAL values
 *  are log-transformed instead, the form chosen by the sign of their skew
 *  (skew0).  Skew and kurt are taken over the non-missing values; a NaN
 *  skew or kurt (n < 3, n < 4, all values equal) never fails.  NaN stays
 *  NaN; a column that passes is left as it was.  `work` must hold n
 *  doubles (no allocation here).  `p` NULL means the defaults; `rep` may
 *  be NULL.  @return 0. */
int cidx_treat_column(double *x, size_t n, const struct cidx_treat_params *p,
    struct cidx_treat_report *rep, double *work);

#endif
