/*
 * ahp.h - read AHP pairwise comparisons (METHODS.md section 4, `ahp`).
 *
 * The file is CSV with a header naming the columns `parent`, `a`, `b` and
 * `value` (ASCII case-insensitive, in any order; other columns are
 * ignored).  A row says that framework node `a` is `value` times as
 * important as node `b`, both children of node `parent`:
 *
 *	parent,a,b,value
 *	ECON,GDP,JOBS,3
 *	ECON,GDP,FIRMS,5
 *	ECON,JOBS,FIRMS,1/2
 *
 * `value` is a positive number (Saaty's scale is 1..9 and its
 * reciprocals, but any positive number is accepted), written as a decimal
 * or as a fraction p/q.  The reciprocal (b over a) is implied; the
 * diagonal is 1.  Every parent that appears must have all of its
 * k(k-1)/2 sibling pairs given exactly once, in either order.  Parents
 * that do not appear are not in the result (the caller decides what they
 * get).  The matrix is not checked for consistency here:
 * cidx_weights_ahp() computes CR.
 */
#ifndef CIDX_IO_AHP_H
#define CIDX_IO_AHP_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

/*
 * One comparison matrix per parent, groups in framework (node) order.
 * Group g compares the k[g] children of node parent[g]: child[g][i] is the
 * framework node index of the i-th, in framework (file) order, and
 * A[g][i * k[g] + j] says how many times child i is as important as
 * child j (A[g][j * k[g] + i] = 1 / that; the diagonal is 1).
 */
struct cidx_ahp {
	size_t n_groups;
	size_t *parent; /* framework node index */
	size_t *k;
	size_t **child; /* framework node indices, framework order */
	double **A;     /* k x k row-major, positive, reciprocal */
};

/*! cidx_ahp_read() :
 *  Reads the comparisons of `path` for the framework `fw`.  Errors name
 *  file:line:column: unknown codes, a parent that is not an aggregate or
 *  has a single child, `a` or `b` not a child of `parent`, a == b, a value
 *  that is not a positive number, a pair given twice (either order; the
 *  message names the earlier line); a parent with a pair missing is an
 *  error naming the parent and the pair.  A file without comparisons is
 *  an error.
 *  @return 0 and the comparisons in *out (caller frees with
 *          cidx_ahp_free()), or CIDX_EIO / CIDX_EINVAL with *out NULL. */
int cidx_ahp_read(struct cidx_ahp **out, const struct cidx_framework *fw,
    const char *path, struct cidx_err *err);

/*! cidx_ahp_find() : the group of framework node `parent`, or -1. */
int cidx_ahp_find(const struct cidx_ahp *ahp, size_t parent);

/*! cidx_ahp_free() : accepts NULL. */
void cidx_ahp_free(struct cidx_ahp *ahp);

#endif
