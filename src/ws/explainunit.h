/*
 * explainunit.h - "the explanation of unit U": why a unit has its score and
 * its rank, the contributions of every node (calc/explain.h) and the
 * split of its rank change since a compare year (cityidx(1), METHOD,
 * Explanation), from one call (ws.h).
 */
#ifndef CIDX_WS_EXPLAINUNIT_H
#define CIDX_WS_EXPLAINUNIT_H

#include "calc/calc.h"
#include "calc/explain.h"
#include "ws/ws.h"

struct cidx_ws_explain_opts {
	int year;       /* 0: the latest year with data */
	int compare;    /* a year to split the rank change since; 0: the
			   latest earlier year with data, -1: none */
};

#define CIDX_WS_EXPLAIN_OPTS_INIT { 0, -1 }

/* r and contrib are owned, ds borrowed from the workspace's engine */
struct cidx_ws_explanation {
	int year, cyear;                   /* cyear 0: no split */
	const struct cidx_dataset *ds;     /* prepared */
	size_t row;                        /* the unit, in ds and r */
	struct cidx_ranking *r;
	struct cidx_contrib *contrib;
	int additive;                      /* scores are sums of the
					      contributions (arithmetic
					      aggregation at every level) */
	struct cidx_rank_split split;      /* with cyear */
	int rank_change;                   /* places climbed: rank_then -
					      rank_now (without a withheld
					      basis) */
};

/*! cidx_ws_find_unit() :
 *  The row, in the prepared data of `year`, of the unit `unit` names (by
 *  code or name, core/lookup.h).  @return 0 and *row, or CIDX_ENOTFOUND
 *  with the reason: the unit is screened out in the year (with its
 *  coverage and the pillar it is short in) or has no data in it; or no
 *  unit of the workspace is `unit` (with the code or name one edit
 *  away: "did you mean '杭州市'?"); CIDX_EINVAL when it names several. */
int cidx_ws_find_unit(long *row, struct cidx_ws *ws, int year,
    const char *unit, struct cidx_err *err);

/*! cidx_ws_explain() :
 *  Ranks the year, finds `unit` (by code or name) and computes its
 *  contributions and, with a compare year, the split of its rank change.
 *  @return 0, or CIDX_ENOTFOUND when the unit is unknown, screened out
 *  or has no index value (the message says which), or another negative
 *  code; release `out` with cidx_ws_explanation_release() either way. */
int cidx_ws_explain(struct cidx_ws_explanation *out, struct cidx_ws *ws,
    const char *unit, const struct cidx_ws_explain_opts *o,
    struct cidx_err *err);
void cidx_ws_explanation_release(struct cidx_ws_explanation *x);

#endif
