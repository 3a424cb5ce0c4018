/*
 * movement.h - how units moved between two years: rank change, new
 * entrants to the top N and dark horses (cityidx(1), METHOD, Movement).
 */
#ifndef CIDX_CALC_MOVEMENT_H
#define CIDX_CALC_MOVEMENT_H

#include <stddef.h>

#include "calc/calc.h"
#include "core/err.h"
#include "core/model.h"

struct cidx_move {
	int prev;       /* rank in the earlier year, 0 = not ranked there */
	int has_change; /* ranked in both years */
	int change;     /* prev - rank: positive = climbed */
	int entrant;    /* in the top N now, not in the earlier year's */
	int dark;       /* an entrant that climbed at least D places */
};

struct cidx_movement {
	int year, cyear;
	size_t top;             /* N: the top group's size */
	int dark;               /* D: places climbed to be a dark horse */
	size_t n;               /* units of the current year's dataset */
	struct cidx_move *mv;   /* per unit (row), zero when not ranked */
	int n_cur, n_prev;      /* indicators with data in each year */
	int shared;             /* indicators with data in both */
};

/*! cidx_movement_compute() :
 *  Pairs the ranked units of `cur` (the dataset `cur_ds` and its
 *  ranking) with those of `prev` by unit code.  A unit ranked now is a
 *  new entrant when its rank is <= N (N = top, or every ranked unit
 *  when top is 0) and it was not ranked, or ranked below N, in the
 *  earlier year; a dark horse when it is an entrant that was ranked in
 *  both years and climbed at least `dark` places.  The indicators with
 *  data in each year come from the rankings' skipped[] arrays.
 *  @return 0 and *out (free with cidx_movement_free()). */
int cidx_movement_compute(struct cidx_movement **out,
    const struct cidx_framework *fw, const struct cidx_dataset *cur_ds,
    const struct cidx_ranking *cur, const struct cidx_dataset *prev_ds,
    const struct cidx_ranking *prev, size_t top, int dark,
    struct cidx_err *err);

/*! cidx_movement_same_indicators() : both years have data for the same
 *  indicators. */
int cidx_movement_same_indicators(const struct cidx_movement *mv);

void cidx_movement_free(struct cidx_movement *mv);

#endif
