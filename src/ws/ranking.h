/*
 * ranking.h - "the ranking of year Y with movement": what rank, chart,
 * report and explain show, from one call (ws.h).
 */
#ifndef CIDX_WS_RANKING_H
#define CIDX_WS_RANKING_H

#include "calc/calc.h"
#include "calc/movement.h"
#include "calc/relative.h"
#include "ws/ws.h"

struct cidx_ws_rank_opts {
	int year;        /* 0: the latest year with data */
	int compare;     /* 0: the latest earlier year with data, -1: none */
	size_t top;      /* tiers and entrants over the top N; 0: all */
	int dark;        /* places climbed to count as a dark horse */
	/* the tiers (parsed by the caller, borrowed; NULL: none) and the
	 * reference of relative performance (NULL: none, or the mean for
	 * eis tiers) */
	const struct cidx_tierspec *tiers;
	const struct cidx_refspec *relative;
	/* the caller reads no values of the years after ranking them (only
	 * the units and the report): the rankings may take them
	 * (cidx_engine_set_frugal()); ds->x is then NULL */
	int frugal;
};

#define CIDX_WS_RANK_OPTS_INIT { 0, 0, CIDX_WS_TOP_DEFAULT, \
	CIDX_WS_DARK_DEFAULT, NULL, NULL, 0 }

/* A year ranked; r and mv are owned, ds and rep borrowed from the
 * workspace's engine (ds->x NULL when o->frugal took the values). */
struct cidx_ws_ranking {
	int year, cyear;                     /* cyear 0: no movement */
	const struct cidx_dataset *ds;       /* prepared */
	const struct cidx_prep_report *rep;
	struct cidx_ranking *r;
	struct cidx_movement *mv;            /* NULL without movement */
	struct cidx_refspec ref;             /* the reference of relative
						performance and eis tiers */
	double ref_index;                    /* its index; NaN: none */
	char **names[2];                     /* per unit of ds: its name as
						a reader sees it (ws/names.h),
						[0] English, [1] Chinese */
};

/*! cidx_ws_ranking_open() :
 *  Picks the year and the compare year (cidx_ws_years()), fixes the
 *  weights and the reference index (with o->relative or eis tiers),
 *  ranks the year with tiers over the top o->top and computes the
 *  movement.  @return 0, or a negative code; release `out` with
 *  cidx_ws_ranking_release() either way. */
int cidx_ws_ranking_open(struct cidx_ws_ranking *out, struct cidx_ws *ws,
    const struct cidx_ws_rank_opts *o, struct cidx_err *err);
void cidx_ws_ranking_release(struct cidx_ws_ranking *k);

/*! cidx_ws_relative() :
 *  Relative performance, per unit 100 x index / the reference's (when
 *  k has a reference index; else *rel NULL), and with `growth` (a base
 *  year; 0: none) growth: 100 (index - index in the base year) / the
 *  reference's index in the base year (or in its own year), cityidx(1),
 *  Relative performance.  NaN for the units without one.  @return 0 and
 *  *rel, *gro (free()), or CIDX_EOPTION when the method scores the two
 *  years on different scales. */
int cidx_ws_relative(double **rel, double **gro, struct cidx_ws *ws,
    struct cidx_ws_ranking *k, int growth, struct cidx_err *err);

#endif
