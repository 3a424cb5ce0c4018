/*
 * movement.h - how units moved between two years: rank change, new
 * entrants to the top N and dark horses (cityidx(1), METHOD, Movement).
 *
 * Years compare like with like: when they have data for different
 * indicators, both are ranked again on the indicators with data in both
 * (the common basis) with the same method and weights, and the changes
 * are measured between those two rankings; when that basis is too thin
 * to stand for the index, movement is withheld.
 */
#ifndef CIDX_CALC_MOVEMENT_H
#define CIDX_CALC_MOVEMENT_H

#include <stddef.h>

#include "calc/calc.h"
#include "calc/engine.h"
#include "calc/prepare.h"
#include "core/err.h"
#include "core/model.h"

enum cidx_basis {
	CIDX_BASIS_SAME,     /* both years have data for the same indicators */
	CIDX_BASIS_COMMON,   /* both ranked on the indicators shared */
	CIDX_BASIS_WITHHELD  /* too little in common: no movement */
};

/* why a unit ranked now has no rank in the earlier year */
enum cidx_prev_status {
	CIDX_PREV_RANKED,
	CIDX_PREV_NODATA,    /* no data (or no index value) then */
	CIDX_PREV_SCREENED   /* too little data then: screened out */
};

struct cidx_move {
	int prev;        /* rank in the earlier year on the basis, 0: none */
	int basis_rank;  /* rank this year on the basis (the rank itself
			    with CIDX_BASIS_SAME), 0: not ranked */
	int prev_common; /* rank in the earlier year on the basis among the
			    units ranked on it in both years, 0: not one */
	int now_common;  /* rank this year on the basis among those units */
	int has_change;  /* ranked in both years */
	int change;      /* prev_common - now_common: positive = climbed */
	int entrant;     /* in the top N now, ranked below it then */
	int dark;        /* an entrant that climbed at least D places */
	enum cidx_prev_status prev_status;
	double cov_now;  /* coverage this year, NaN: not known */
	double cov_prev; /* coverage then (of a unit screened out then
			    too), NaN: not there or not known */
	int cov_changed; /* ranked in both with a different coverage */
};

struct cidx_movement {
	int year, cyear;
	size_t top;             /* N: the top group's size (0: every unit) */
	int dark;               /* D: places climbed to be a dark horse */
	size_t n;               /* units of the current year's dataset */
	size_t n_common;        /* units ranked on the basis in both years */
	struct cidx_move *mv;   /* per unit (row); zero when not ranked */
	int n_cur, n_prev;      /* indicators with data in each year */
	int shared;             /* indicators with data in both */
	enum cidx_basis basis;
	char *in_basis;         /* per indicator column: in the basis */
	char why[256];          /* CIDX_BASIS_WITHHELD: the reason */
	long why_pillar;        /* ... the pillar (node) that shares no
				   indicator, or -1: fewer than half shared */
};

/*! cidx_movement_basis() :
 *  Decides the basis from the indicators with data in each year
 *  (skipped[] of the two rankings: CIDX_SKIP_NODATA means no data):
 *  SAME when the sets are equal; else COMMON, unless the shared
 *  indicators are fewer than half of the current year's or a pillar
 *  with data in the current year shares none, which is WITHHELD with the
 *  reason in mv->why.  Fills n_cur, n_prev, shared, in_basis of `mv`
 *  (in_basis allocated, fw->n_ind entries). */
enum cidx_basis cidx_movement_basis(struct cidx_movement *mv,
    const struct cidx_framework *fw, const int *cur_skipped,
    const int *prev_skipped);

/*! cidx_movement_compute() :
 *  Pairs units by code.  `cur` is this year's ranking (its ranks decide
 *  the top N), `cur_basis` and `prev_basis` the two years' rankings on
 *  the basis (`cur_basis` may be `cur`); `cur_rep` and `prev_rep` (may
 *  be NULL) give the coverage of each year and which units screening
 *  left out in the earlier year.  The change compares like with like in
 *  units too (cityidx(1), METHOD, Movement): both years' basis ranks are
 *  ranked again among the units ranked on the basis in both years, so
 *  a unit ranked only now (an entrant to the ranking) moves nobody, and
 *  change = prev_common - now_common.  A unit ranked
 *  now is a new entrant when its rank is <= N (N = top, or every ranked
 *  unit when top is 0) and it was ranked below N in the earlier year on
 *  the basis; a dark horse when it is an entrant that climbed at least
 *  `dark` places.  A unit not ranked then is no entrant: it had no data
 *  (or too little) to be ranked.  `mv` comes from cidx_movement_basis();
 *  with CIDX_BASIS_WITHHELD nothing is computed. */
void cidx_movement_compute(struct cidx_movement *mv,
    const struct cidx_dataset *cur_ds, const struct cidx_ranking *cur,
    const struct cidx_ranking *cur_basis, const struct cidx_dataset *prev_ds,
    const struct cidx_ranking *prev_basis,
    const struct cidx_prep_report *cur_rep,
    const struct cidx_prep_report *prev_rep, size_t top, int dark);

/*! cidx_rank_among() :
 *  The competition rank of `rank[i]` among the entries k with in[k] != 0
 *  (rank[k] > 0): 1 + the number of them ranked strictly better.  The
 *  same as ranking their scores again (cityidx(1), METHOD, Movement). */
int cidx_rank_among(const int *rank, const unsigned char *in, size_t n,
    size_t i);
/*! cidx_ranks_among() : out[i] = cidx_rank_among(rank, in, n, i) for
 *  every i, in time proportional to n and the largest rank. */
void cidx_ranks_among(const int *rank, const unsigned char *in, size_t n,
    int *out);

/*! cidx_engine_basis() :
 *  The basis of m->year (ranked as `cur`) against m->cyear, as
 *  cidx_movement_basis() decides it (filling `m` the same way), and
 *  *prev, the ranking of m->cyear (free with cidx_ranking_free()).
 *  @return 0 or a negative code. */
int cidx_engine_basis(struct cidx_engine *e, const struct cidx_ranking *cur,
    struct cidx_movement *m, struct cidx_ranking **prev,
    struct cidx_err *err);

/*! cidx_engine_movement() :
 *  The movement of `year` (ranked as `cur`) against `cyear`, with the
 *  basis chosen as above.  @return 0 and *out (free with
 *  cidx_movement_free()), or a negative code. */
int cidx_engine_movement(struct cidx_engine *e, int year, int cyear,
    const struct cidx_ranking *cur, size_t top, int dark,
    struct cidx_movement **out, struct cidx_err *err);

/*! cidx_basis_name() :
 *  "same", "common" or "withheld", as JSON outputs name the basis. */
const char *cidx_basis_name(enum cidx_basis b);

/*! cidx_movement_restrict() :
 *  A copy of `ds` with the values of the indicators outside the basis
 *  (in_basis[j] == 0) made missing: what both years are ranked on with
 *  CIDX_BASIS_COMMON.  Free with cidx_dataset_free(). */
struct cidx_dataset *cidx_movement_restrict(const struct cidx_dataset *ds,
    const char *in_basis);

void cidx_movement_free(struct cidx_movement *mv);

#endif
