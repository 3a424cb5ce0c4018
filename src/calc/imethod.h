/*
 * imethod.h - the index methods: the ways of scoring the index and every
 * aggregate from the indicators below it at once, instead of normalising
 * and aggregating level by level (cityidx(1), METHOD OPTIONS, --method;
 * METHOD, Index methods).  Their names and parameters (the vocabulary of
 * --method, for calc/method.c), and the scores of every aggregate of a
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
