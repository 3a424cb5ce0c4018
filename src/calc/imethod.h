/*
 * imethod.h - the index methods: the ways of scoring the index and every
 * aggregate from the indicators below it at once, instead of normalising
 * and aggregating level by level (cityidx(1), METHOD OPTIONS, --method;
 * METHOD, Index methods).  Their names and parameters (the vocabulary of
 * --method, for calc/methodvocab.c), and the scores of every aggregate of a
 * framework (iscores.c).  The numerics of each method are in its own
 * file: topsis.c, mpi.c, gra.c, bod.c, wroclaw.c.
 */
#ifndef CIDX_CALC_IMETHOD_H
#define CIDX_CALC_IMETHOD_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "calc/calc.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/method.h"
#include "core/model.h"

/* Missing values: what a method does with a unit that lacks some
 * indicator of an aggregate. */
enum cidx_im_missing {
	CIDX_IM_SKIP,     /* scored on the indicators it has */
	CIDX_IM_COMPLETE, /* not scored: only complete units */
};

struct cidx_imethod_info {
	enum cidx_imethod im;
	const char *name;       /* "topsis": the --method word */
	const char *label;      /* "TOPSIS": for text */
	const char *params;     /* "" or ":neg|pos", ":RHO", ":LO,HI" */
	int normalised;         /* works on the values of --normalize and
				   --scale (else on the prepared values) */
	enum cidx_im_missing missing;
	double scale;           /* a score is scale x the method's value */
};

/*! cidx_imethod_info() : the description of `im`. */
const struct cidx_imethod_info *cidx_imethod_info(enum cidx_imethod im);

/*! cidx_imethod_panel() : the method uses statistics over every year of
 *  the panel (--scale panel for the methods that normalise). */
int cidx_imethod_panel(const struct cidx_method *m);

/*! cidx_imethod_parse() :
 *  "composite", "topsis", "mpi[:neg|pos]", "ampi[:neg|pos]", "gra[:RHO]"
 *  (0 < RHO <= 1, default 0.5), "bod[:LO,HI]" (0 <= LO <= HI <= 1) or
 *  "wroclaw" into m->imethod, m->im_p1 and m->im_p2.
 *  @return 0, or CIDX_EINVAL with "'TEXT': ..." naming what is accepted;
 *  `m` is unchanged on error. */
int cidx_imethod_parse(struct cidx_method *m, const char *s,
    struct cidx_err *err);

/*! cidx_imethod_text() : the canonical text cidx_imethod_parse() reads
 *  back: "composite", "topsis", "mpi:neg", "ampi:pos", "gra:0.5", "bod",
 *  "bod:0.05,0.5", "wroclaw". */
void cidx_imethod_text(const struct cidx_method *m, struct sbuf *sb);

/*! cidx_imethod_label() : the method for people: "TOPSIS", "MPI-",
 *  "AMPI+", "GRA (rho 0.5)", "BoD (shares 0.05 to 0.5)", "Wroclaw". */
void cidx_imethod_label(const struct cidx_method *m, struct sbuf *sb);

/*
 * The methods on one n x k matrix (a row per unit, a column per
 * indicator; NaN = missing), weights w (finite, >= 0, any scale, used as
 * w / sum w) and directions dir (+1, -1; NULL: all +1), as topsis.h.
 * Each writes its value per row into out[], NaN for a row it does not
 * score.  @return 0 or CIDX_EINVAL (CIDX_ENUMERIC where the numbers
 * fail) with a message naming the column or row.
 */

/*! cidx_mpi_z() : z_ij = 100 + 10 d_j (x_ij - M_j) / S_j, M_j and S_j
 *  the mean and population standard deviation of column j's values;
 *  skip[j] (CIDX_SKIP_*) says why a column is NaN (no value, one value,
 *  no spread). */
void cidx_mpi_z(const gsl_matrix *x, const int *dir, gsl_matrix *z,
    int *skip);

/*! cidx_ampi_r() : r_ij = 70 + 60 (y_ij - lo_j) / (hi_j - lo_j), y = d x,
 *  with the goalposts lo, hi of y over the panel (NULL: over the column
 *  itself); skip as cidx_mpi_z() (no spread: hi_j <= lo_j). */
void cidx_ampi_r(const gsl_matrix *x, const int *dir, const double *lo,
    const double *hi, gsl_matrix *r, int *skip);

/*! cidx_mpi_combine() : per row over its values present with w_j > 0:
 *  M = sum w z / W, S = sqrt(sum w (z - M)^2 / W), cv = S / M and
 *  out = M + sign S cv (sign -1: MPI-, the default; +1: MPI+).
 *  CIDX_ENUMERIC when M <= 0. */
int cidx_mpi_combine(const gsl_matrix *z, const double *w, int sign,
    double *out, struct cidx_err *err);

/*! cidx_mpi(), cidx_ampi() : cidx_mpi_z() or cidx_ampi_r(), then
 *  cidx_mpi_combine(): a row is scored on the values it has. */
int cidx_mpi(const gsl_matrix *x, const int *dir, const double *w, int sign,
    double *out, struct cidx_err *err);
int cidx_ampi(const gsl_matrix *x, const int *dir, const double *w,
    const double *lo, const double *hi, int sign, double *out,
    struct cidx_err *err);

/*! cidx_gra() : s normalised (higher is better): the reference is the
 *  best value of each column, D_ij = best_j - s_ij, Dmin and Dmax over
 *  every value present, xi_ij = (Dmin + rho Dmax) / (D_ij + rho Dmax),
 *  out_i = sum w xi / sum w over the values row i has.  Errors: rho not
 *  in (0, 1], no column separating the rows (Dmax = 0). */
int cidx_gra(const gsl_matrix *s, const double *w, double rho, double *out,
    struct cidx_err *err);

/*! cidx_bod() : s normalised, >= 0: per row with every value, the
 *  benefit-of-the-doubt score (the LP optimum, in [0, 1]) over the rows
 *  with every value, by GLPK; lo, hi (NaN: none) bound each share
 *  v_j s_ij / sum v s_i.  A row whose values are all 0 scores 0.  rows
 *  (may be NULL): the unit codes, for messages.  Errors: a negative value,
 *  bounds no weights meet (the LP's GLPK status named), a GLPK failure. */
int cidx_bod(const gsl_matrix *s, double lo, double hi,
    const char *const *rows, double *out, struct cidx_err *err);

/*! cidx_glpk_status() : "GLP_NOFEAS, no feasible solution" and so on. */
const char *cidx_glpk_status(int status);

/*! cidx_wroclaw() : over the rows with every value: z-scores of each
 *  column (population sd), the ideal z*_j = the best z, d_i =
 *  sqrt(sum w (z_ij - z*_j)^2 / W) and out_i = 1 - d_i / (mean(d) +
 *  2 sd(d)), sd with divisor n (Hellwig).  Errors: fewer than two
 *  complete rows, a column without spread, every row at the ideal. */
int cidx_wroclaw(const gsl_matrix *x, const int *dir, const double *w,
    double *out, struct cidx_err *err);

/*! cidx_imethod_scores() :
 *  With an index method m->imethod (not composite): the score of every
 *  aggregate of `fw` over the indicators below it, each weighted by its
 *  global weight within the aggregate (cidx_global_weights() over the
 *  nodes with data in the year), into the aggregate columns of `s`
 *  (units x fw->n); the indicator columns get the values the method
 *  works on (cityidx(1), METHOD, Index methods).  `st`: the
 *  normalisation statistics of --scale panel for the methods that work
 *  on normalised values, and the panel's range for AMPI (NULL: the
 *  year's own).  skipped[col] (fw->n_ind, may be NULL) says which
 *  indicators were left out and why.  An indicator without data in the
 *  year is left out and its weight goes to its siblings.
 *  @return 0, or the method's error prefixed with the aggregate. */
int cidx_imethod_scores(const struct cidx_framework *fw,
    const struct cidx_dataset *ds, const double *w,
    const struct cidx_method *m, const struct cidx_norm_stats *st,
    gsl_matrix *s, int *skipped, struct cidx_err *err);

#endif
