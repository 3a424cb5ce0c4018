/*
 * ahpfile.h - read AHP pairwise comparisons (cityidx(1), AHP FILES).
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
 * `value` is a number from 1/CIDX_AHP_VALUE_MAX to CIDX_AHP_VALUE_MAX
 * (Saaty's scale is 1..9 and its reciprocals, but any such number is
 * accepted), written as a decimal or as a fraction p/q.  The reciprocal
 * (b over a) is implied; the diagonal is 1.  Every parent that appears
 * must have all of its k(k-1)/2 sibling pairs given exactly once, in
 * either order.  Parents that do not appear are not in the result (the
 * caller decides what they get).  The matrix is not checked for
 * consistency here: cidx_weights_ahp() computes CR.
 */
#ifndef CIDX_IO_AHPFILE_H
#define CIDX_IO_AHPFILE_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"
#include "core/wspec.h"

/* the largest comparison value; its reciprocal is the smallest.  Both
 * stay far from overflow, as weights do (CIDX_WEIGHT_MAX) */
#define CIDX_AHP_VALUE_MAX 1e9

/*! cidx_ahp_read() :
 *  Reads the comparisons of `path` for the framework `fw`.  Errors name
 *  file:line:column: unknown codes, a parent that is not an aggregate or
 *  has a single child, `a` or `b` not a child of `parent`, a == b, a value
 *  that is not a number in range, a pair given twice (either order; the
 *  message names the earlier line); a parent with a pair missing is an
 *  error naming the parent and the pair.  A file without comparisons is
 *  an error.
 *  @return 0 and the comparisons in *out (caller frees with
 *          cidx_ahp_free()), or CIDX_EIO / CIDX_EINVAL with *out NULL. */
int cidx_ahp_read(struct cidx_ahp **out, const struct cidx_framework *fw,
    const char *path, struct cidx_err *err);

#endif
