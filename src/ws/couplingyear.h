/*
 * couplingyear.h - the coupling coordination degree C, T, D of a year's
 * units over their pillars, or the nodes named (calc/coupling.h;
 * cityidx(1), METHOD, Coupling coordination), with the scores the
 * workspace's method gives (ws.h).
 */
#ifndef CIDX_WS_COUPLINGYEAR_H
#define CIDX_WS_COUPLINGYEAR_H

#include "calc/calc.h"
#include "ws/ws.h"

struct cidx_ws_coupling_opts {
	int year;          /* 0: the latest year with data */
	const char *of;    /* the subsystems, node codes comma-separated;
			      NULL: every pillar with data */
};

#define CIDX_WS_COUPLING_OPTS_INIT { 0, NULL }

struct cidx_ws_coupling_row {
	size_t unit;       /* in ds and r */
	double c, t, d;
	int grade;         /* -1: no score for some subsystem (d NaN) */
};

/* r, sub and rows are owned, ds borrowed from the workspace's engine */
struct cidx_ws_coupling {
	int year;
	const struct cidx_dataset *ds;     /* prepared */
	struct cidx_ranking *r;
	size_t *sub;                       /* the subsystems' nodes */
	size_t n_sub;
	struct cidx_ws_coupling_row *rows; /* the ranked units by D
					      descending (ties in rank
					      order), those without a score
					      for a subsystem last */
	size_t n_rows;
};

/*! cidx_ws_coupling() :
 *  Ranks the year and computes C, T and D (U = score / 100) of each
 *  ranked unit.  @return 0, CIDX_EOPTION when the subsystems are not
 *  nodes below the index or fewer than two, CIDX_EINVAL when a score is
 *  outside 0..100, or another negative code; release `out` with
 *  cidx_ws_coupling_release() either way. */
int cidx_ws_coupling(struct cidx_ws_coupling *out, struct cidx_ws *ws,
    const struct cidx_ws_coupling_opts *o, struct cidx_err *err);
void cidx_ws_coupling_release(struct cidx_ws_coupling *c);

#endif
