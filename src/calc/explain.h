/*
 * explain.h - why a unit has its score and its rank (cityidx(1), METHOD,
 * Explanation): the contribution of every node to the index, and the
 * split of a rank change into the unit's own data and the others'.
 */
#ifndef CIDX_CALC_EXPLAIN_H
#define CIDX_CALC_EXPLAIN_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "calc/engine.h"
#include "calc/movement.h"
#include "core/err.h"
#include "core/model.h"

/* What each node of a unit's hierarchy brings to its index, per node. */
struct cidx_contrib {
	double *share;   /* its weight / the weights of its siblings that
			    have a value for the unit; NaN without a value */
	double *global;  /* the product of the shares on the path to the
			    index; 0 without a value */
	double *contrib; /* global * value: with arithmetic aggregation the
			    contributions of a node's children add up to
			    the node's own */
	double *factor;  /* value^share: what a geometric mean multiplies */
};

/*! cidx_contributions() :
 *  The contributions of unit `row` of the scores `s` (units x nodes)
 *  with the weights `w`.  @return *out (free with
 *  cidx_contrib_free()). */
void cidx_contributions(struct cidx_contrib **out,
    const struct cidx_framework *fw, const double *w, const gsl_matrix *s,
    size_t row);
void cidx_contrib_free(struct cidx_contrib *c);

/* A rank change split into the unit's own data and the others'. */
struct cidx_rank_split {
	enum cidx_basis basis;    /* the movement basis (movement.h) */
	int shared;               /* indicators with data in both years */
	char why[256];            /* CIDX_BASIS_WITHHELD: the reason */
	int rank_now, rank_then;  /* in year and cyear, on the basis, among
				     the units ranked in both years */
	size_t n_common;          /* those units */
	int rank_own_new;         /* its year data among the others' cyear
				     data */
	int rank_own_old;         /* its cyear data among the others' year
				     data */
	double own, others;       /* places climbed due to each; they add up
				     to rank_then - rank_now */
};

/*! cidx_engine_split() :
 *  The Shapley split of unit `code`'s rank change from `cyear` to `year`:
 *  own = ((then - own_new) + (own_old - now)) / 2, others = ((own_new -
 *  now) + (then - own_old)) / 2, the average of the two orders of
 *  changing first its data, then the others'.  The years are compared on
 *  the basis of cidx_engine_movement(): when their indicators differ,
 *  every ranking here is on the indicators with data in both; when that
 *  basis is withheld, out->basis says so (with out->why) and nothing
 *  else is computed.  @return 0, or CIDX_ENOTFOUND when the unit is not
 *  ranked in one of the years (on the basis). */
int cidx_engine_split(struct cidx_engine *e, const char *code, int year,
    int cyear, struct cidx_rank_split *out, struct cidx_err *err);

#endif
