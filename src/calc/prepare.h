/*
 * prepare.h - data preparation before normalisation (cityidx(1), METHOD,
 * Preparation): the steps on one year's dataset in their fixed order
 * (prepare.c), and the column operations they use: imputation (impute.c)
 * and the JRC/COINr outlier treatment (treat.c).  Columns are arrays of n
 * doubles, NaN = missing, changed in place.
 */
#ifndef CIDX_PREPARE_H
#define CIDX_PREPARE_H

#include <stddef.h>

#include "core/err.h"
#include "core/method.h"
#include "core/model.h"

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

/*! cidx_treat_fails() :
 *  The outlier rule: |skew| >= p->skew and kurt >= p->kurt.  A NaN skew
 *  or kurt (too few values, all values equal) never fails.  audit flags
 *  indicators with the same rule. */
int cidx_treat_fails(double skew, double kurt,
    const struct cidx_treat_params *p);

/*! cidx_treat_column() :
 *  The rule of cityidx(1), Preparation (treat): an indicator fails
 *  when |skew| >= p->skew and kurt >= p->kurt; while it fails and
 *  n_hi + n_lo < winmax, every value equal to the current maximum
 *  (positive skew) or minimum (negative skew) is set to the next
 *  distinct value, n_hi (n_lo) being the number of values just set; if
 *  it still fails, the ORIGINAL values are log-transformed instead, the
 *  form chosen by the sign of their skew (skew0).  Skew and kurt are
 *  taken over the non-missing values; a NaN skew or kurt (n < 3, n < 4,
 *  all values equal) never fails.  NaN stays NaN; a column that passes
 *  is left as it was.  `work` must hold n doubles (no allocation here).
 *  `p` NULL means the defaults; `rep` may be NULL.  @return 0. */
int cidx_treat_column(double *x, size_t n, const struct cidx_treat_params *p,
    struct cidx_treat_report *rep, double *work);

/* A unit screening left out, and why. */
struct cidx_screened {
	char *code;
	double coverage;        /* its share of the year's indicators */
	long pillar;            /* -1: too small a share; else the framework
				   node of a pillar where it has fewer than
				   the minimum */
	char *name, *name_en;   /* the unit's, NULL when it has none */
};

/* What preparation did, for the report and the JSON provenance. */
struct cidx_prep_report {
	size_t n_denominated;   /* values divided by their denominator */
	size_t n_den_missing;   /* values made missing: no or zero denominator */
	size_t n_imputed;
	size_t n_year_ind;      /* indicators with data in the year */
	double *coverage;       /* per unit (row) of the prepared data: its
				   share of those indicators with a value */
	struct cidx_screened *screened; /* units left out by screening */
	size_t n_screened;
	long *empty_pillar;     /* the pillars (node indexes) without data in
				   the year */
	size_t n_empty_pillar;
	size_t n_pillars;       /* the pillars of the framework */
	long thin_pillar;       /* with the pillar minimum on, the first pillar
				   (node) with data but with fewer indicators
				   with data than the minimum, else -1 */
	size_t thin_n;          /* its number of indicators with data */
	int treated;            /* treatment ran: the arrays below are set */
	struct cidx_treat_report *treat;   /* per indicator column */
	int *treat_source;      /* 0 command line, 1 framework, 2 "none" */
};

void cidx_prep_report_release(struct cidx_prep_report *r);

/*! cidx_prepare() :
 *  Runs the preparation steps of `m` on `ds` in place, in the fixed order
 *  denominate, impute, screen, treat.  Carry-forward imputation takes the
 *  unit's value of the latest earlier year of `panel` that has one, else
 *  of the earliest later year (denominated with that year's denominator);
 *  it needs `panel`.  Screening (m->screen > 0) keeps a unit only when
 *  it has a value (after imputation) for at least m->screen of the
 *  indicators with data in the year, and for at least m->screen_pillar
 *  indicators of each pillar (each aggregate child of the index) that
 *  has data in the year; the others are listed in rep->screened.  The
 *  coverage of every unit kept is in rep->coverage.  The pillars
 *  without any indicator with data in the year are listed in
 *  rep->empty_pillar (screening or not).  @return 0, or
 *  CIDX_EINVAL (unknown group attribute, carry-forward without a
 *  panel). */
int cidx_prepare(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_panel *panel, const struct cidx_method *m,
    struct cidx_prep_report *rep, struct cidx_err *err);

#endif
