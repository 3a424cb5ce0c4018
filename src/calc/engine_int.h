/*
 * engine_int.h - the engine's state, shared by engine.c (data, weights,
 * ranking) and derive.c (derived weights).  Not for other files.
 */
#ifndef CIDX_CALC_ENGINE_INT_H
#define CIDX_CALC_ENGINE_INT_H

#include "calc/engine.h"

struct cidx_engine {
	const struct cidx_framework *fw;
	struct cidx_source src;
	struct cidx_engine_opts o;
	int *years;                 /* the years with data, ascending */
	size_t n_years;
	int have_years;
	struct cidx_panel panel;    /* raw; a slot per year, read on need */
	struct cidx_dataset **prep; /* prepared, per year (lazy) */
	struct cidx_prep_report *rep;
	unsigned char *taken;       /* per year: a frugal ranking took the
				       prepared values (prep[t]->x NULL) */
	int frugal;                 /* cidx_engine_set_frugal() */
	struct cidx_norm_stats *pstats; /* --scale panel, once computed */
	double *w;                  /* the weights in use, per node */
	int weights_year;           /* 0 until cidx_engine_derive() */
	struct cidx_wgroup *groups;
	size_t n_groups;
};

/* w[node] = value for every assignment of `s` whose node has children
 * at level `level` (level 0: every assignment). */
void cidx_engine_apply(struct cidx_engine *e, const struct cidx_wset *s,
    int level);

/* derive.c: the derived weights, bottom-up, into e->w and e->groups */
int cidx_engine_derive_groups(struct cidx_engine *e, int year,
    struct cidx_err *err);

#endif
