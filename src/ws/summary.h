/*
 * summary.h - the facts of a report's summary page and of its unit
 * profiles, from one ranked year (cityidx(1), report): the top group
 * with tiers, who is in each tier, the largest climbers and fallers of
 * the like-for-like movement, the dark horses, the units not ranked and
 * why, the pillars without data; per unit its indicators' ranks within
 * the year and its strongest and weakest indicators; the ranking within
 * each region.  Numbers only: the words are the front end's.
 */
#ifndef CIDX_WS_SUMMARY_H
#define CIDX_WS_SUMMARY_H

#include <stddef.h>

#include "core/err.h"
#include "ws/chartdata.h"

#define CIDX_WS_SUMMARY_TOP 10      /* units of the top list */
#define CIDX_WS_SUMMARY_MOVERS 3    /* climbers, fallers */
#define CIDX_WS_PROFILE_PICK 3      /* strengths, weaknesses */

struct cidx_ws_summary {
	size_t top[CIDX_WS_SUMMARY_TOP]; /* rows of c->ds, best first */
	size_t n_top;
	/* tier k (1..n_tiers): rows tier_rows[tier_off[k-1] ..
	 * tier_off[k]), best first */
	size_t n_tiers;
	size_t *tier_off, *tier_rows;
	/* the movement (moves: compared like with like, not withheld):
	 * the rows that climbed most (change > 0, largest first; ties:
	 * better rank now first), that fell most (change < 0), and the
	 * dark horses, best first */
	int moves;
	size_t climb[CIDX_WS_SUMMARY_MOVERS], n_climb;
	size_t fall[CIDX_WS_SUMMARY_MOVERS], n_fall;
	size_t *dark, n_dark;
	/* coverage: the workspace's units; those with data in the year;
	 * ranked; screened out (too little data, c->rep->screened); kept
	 * but without an index value; without data in the year; ranked
	 * with a value for fewer than all the year's indicators */
	size_t n_units, n_data, n_ranked, n_screened, n_unscored, n_nodata;
	size_t n_partial;
	/* the pillars without data in the year (c->rep, borrowed) */
	const long *empty_pillar;
	size_t n_empty_pillar;
};

/*! cidx_ws_summary_make() :
 *  The summary of the ranked year `c`.  @return 0, or a negative code
 *  (reading the workspace's units); release `out` with
 *  cidx_ws_summary_release() either way. */
int cidx_ws_summary_make(struct cidx_ws_summary *out,
    const struct cidx_ws_chart *c, struct cidx_err *err);
void cidx_ws_summary_release(struct cidx_ws_summary *s);

/*
 * The indicators' ranks within the year: per ranked unit and indicator
 * column j, 1 + the number of ranked units whose value of j is better
 * (higher, or lower for direction -1); 0 for a unit without a value.
 * The value is the one the index used (c->ds: as imported, denominated,
 * imputed or treated as the method says).
 */
struct cidx_ws_indranks {
	size_t n_units, n_ind;
	int *rank;        /* n_units x n_ind, row-major */
	size_t *n;        /* per column: ranked units with a value */
};

void cidx_ws_indranks_make(struct cidx_ws_indranks *out,
    const struct cidx_ws_chart *c);
void cidx_ws_indranks_release(struct cidx_ws_indranks *ir);

/* one indicator of a profile */
struct cidx_ws_profile_ind {
	size_t col;       /* indicator column; node fw->ind[col] */
	double value;     /* NaN: none */
	int rank;         /* 0: no value */
	size_t n;         /* ranked units with a value */
};

/*
 * A unit's profile: its rank, tier and score, every indicator with a
 * ranked value in the year (framework order), and its strengths and
 * weaknesses (indexes into ind): of the m indicators it has a value
 * for, the min(CIDX_WS_PROFILE_PICK, ceil(m/2)) with the best rank, and
 * of the others the min(CIDX_WS_PROFILE_PICK, floor(m/2)) with the worst
 * (ties in framework order).
 */
struct cidx_ws_profile {
	size_t row;
	int rank, tier;
	double score;
	struct cidx_ws_profile_ind *ind;
	size_t n_ind;
	size_t strong[CIDX_WS_PROFILE_PICK], n_strong;
	size_t weak[CIDX_WS_PROFILE_PICK], n_weak;
};

/*! cidx_ws_profile_make() :
 *  The profile of the ranked unit at row `row` of c->ds, from `ir`
 *  (cidx_ws_indranks_make() of the same c).  Release with
 *  cidx_ws_profile_release(). */
void cidx_ws_profile_make(struct cidx_ws_profile *out,
    const struct cidx_ws_chart *c, const struct cidx_ws_indranks *ir,
    size_t row);
void cidx_ws_profile_release(struct cidx_ws_profile *p);

/* the years each indicator has data in: has[j * n_years + y] for
 * indicator column j and years[y] */
struct cidx_ws_indyears {
	int *years;
	size_t n_years, n_ind;
	unsigned char *has;
};

/*! cidx_ws_indyears_make() : from every year of the workspace (as
 *  imported).  @return 0 or a negative code; release `out` with
 *  cidx_ws_indyears_release() either way. */
int cidx_ws_indyears_make(struct cidx_ws_indyears *out, struct cidx_ws *ws,
    struct cidx_err *err);
void cidx_ws_indyears_release(struct cidx_ws_indyears *y);

/*
 * The ranking within each region: the ranked units grouped by the value
 * of their attribute `key` (units without it are left out), the groups
 * ordered by their best unit's rank; within a group the rows best first
 * and each one's rank among the group (1 + the members ranked better).
 */
struct cidx_ws_regions {
	size_t n;                 /* groups */
	const char **name;        /* per group: the attribute's value */
	size_t *off;              /* n + 1 offsets into rows, rank */
	size_t *rows;
	int *rank;
};

/* the attributes tried for regions, in order, when none is named */
#define CIDX_WS_REGION_KEYS { "province", "country", "region" }

/*! cidx_ws_region_key() :
 *  `key` when a ranked unit of c carries it, or with `key` NULL the
 *  first of CIDX_WS_REGION_KEYS that one carries; NULL when none. */
const char *cidx_ws_region_key(const struct cidx_ws_chart *c,
    const char *key);

/*! cidx_ws_regions_make() : the groups of attribute `key`.  Release
 *  with cidx_ws_regions_release(). */
void cidx_ws_regions_make(struct cidx_ws_regions *out,
    const struct cidx_ws_chart *c, const char *key);
void cidx_ws_regions_release(struct cidx_ws_regions *g);

#endif
