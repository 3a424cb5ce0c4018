/*
 * engine.h - the computation behind every command, as library calls:
 * the years of a source, each year's prepared data (computed once),
 * the weights (framework, derived, overridden level by level), the
 * ranking of a year, and the panel statistics of --scale panel.
 * Charts, reports and the Monte Carlo analysis ask the engine for "the
 * ranking of 2017" or "the prepared data of 2016" instead of going
 * through a command.  cityidx(1), METHOD, is the specification.
 *
 * The engine reads data only through a `struct cidx_source` (the CLI
 * makes one from the workspace), so it does not depend on the store.
 * One engine serves one thread.
 */
#ifndef CIDX_CALC_ENGINE_H
#define CIDX_CALC_ENGINE_H

#include <stddef.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"
#include "calc/prepare.h"
#include "core/err.h"
#include "core/method.h"
#include "core/model.h"
#include "core/wspec.h"

/* Where the engine's data come from. */
struct cidx_source {
	void *ctx;
	/* the years with indicator data, ascending; *out owned by the
	 * caller (free()) */
	int (*years)(void *ctx, int **out, size_t *n, struct cidx_err *err);
	/* one year's data (cidx_store_load_year() semantics) */
	int (*load_year)(void *ctx, const struct cidx_framework *fw, int year,
	    struct cidx_dataset **out, struct cidx_err *err);
};

struct cidx_engine_opts {
	struct cidx_method m;
	const struct cidx_wset *base;  /* assignments over the framework's
					  weights before anything else (a
					  method file's weights); may be NULL */
	enum cidx_wmethod wmethod;     /* derive weights with this method */
	const struct cidx_ahp *ahp;    /* the judgements, for CIDX_WM_AHP */
	int wlevel;                    /* derive only this level; 0: all */
	int wpanel;                    /* derive over all years pooled */
	const struct cidx_wset *over;  /* weights file and --set: they win
					  over every other source, applied
					  level by level; may be NULL */
	double walpha;                 /* CIDX_WM_COMBINE: the AHP share */
};

#define CIDX_ENGINE_OPTS_INIT { CIDX_METHOD_INIT, NULL, CIDX_WM_FILE, \
	NULL, 0, 0, NULL, 0.0 }

/* The derivation of one group of siblings' weights, with diagnostics. */
struct cidx_wgroup {
	size_t parent;      /* framework node */
	size_t k;
	size_t *child;      /* framework nodes, framework order */
	double *w;          /* derived, summing to 1 over the group */
	double *diag1;      /* entropy: e_j; CRITIC: sigma_j; PCA: loading */
	double *diag2;      /* entropy: d_j; CRITIC: conflict_j; else NaN */
	size_t n_rows;      /* rows the derivation saw */
	size_t n_used;      /* PCA: complete rows used */
	size_t n_negative;  /* PCA: negative loadings set to 0 */
	double pc1_var;     /* PCA: share of variance explained by PC1 */
	double lambda_max, ci, cr; /* AHP; NaN otherwise */
};

struct cidx_engine;

/*! cidx_engine_new() :
 *  An engine over `fw` and `src` (copied); `fw`, o->base, o->over and
 *  o->ahp are borrowed and must outlive the engine.  The assignments
 *  of o->base and o->over are checked against the framework here.
 *  @return 0 and *out (free with cidx_engine_free()), or CIDX_EINVAL. */
int cidx_engine_new(struct cidx_engine **out, const struct cidx_framework *fw,
    const struct cidx_source *src, const struct cidx_engine_opts *o,
    struct cidx_err *err);
void cidx_engine_free(struct cidx_engine *e);

const struct cidx_framework *cidx_engine_framework(const struct cidx_engine *e);
const struct cidx_method *cidx_engine_method(const struct cidx_engine *e);
const struct cidx_engine_opts *cidx_engine_opts(const struct cidx_engine *e);

/*! cidx_engine_years() :
 *  The years with data, ascending (borrowed).  @return 0 or the source's
 *  error. */
int cidx_engine_years(struct cidx_engine *e, const int **years, size_t *n,
    struct cidx_err *err);

/*! cidx_engine_year_gaps() :
 *  *n: the number of pillars without data in `year` (0 when every pillar
 *  has data, whatever the screening rule; cityidx(1), METHOD, Screen);
 *  when *n > 0, err holds the message that says which.
 *  @return 0, or a negative code when the year cannot be prepared. */
int cidx_engine_year_gaps(struct cidx_engine *e, int year, size_t *n,
    struct cidx_err *err);

/*! cidx_engine_pick_years() :
 *  *year: `want`, or when `want` is 0 the latest year with data in every
 *  pillar (cidx_engine_year_gaps()).  *cyear (cyear may be NULL):
 *  `compare` when > 0, the latest year before *year with data in every
 *  pillar when 0 (0 if there is none), and 0 when -1.
 *  @return 0, or CIDX_ENOTFOUND when there are no data at all or a
 *  year asked for has none (the message lists the years with data), or
 *  CIDX_EINVAL when compare equals the year. */
int cidx_engine_pick_years(struct cidx_engine *e, int want, int compare,
    int *year, int *cyear, struct cidx_err *err);

/*! cidx_engine_prepared() :
 *  The data of `year` after preparation, and what preparation did
 *  (both borrowed; rep may be NULL).  Computed once per year.  The raw
 *  years are read from the source only when needed (all of them for
 *  carry-forward).  @return 0 or a negative code. */
int cidx_engine_prepared(struct cidx_engine *e, int year,
    const struct cidx_dataset **ds, const struct cidx_prep_report **rep,
    struct cidx_err *err);

/*! cidx_engine_set_frugal() :
 *  For a caller that reads no values of a year after ranking it (cityidx
 *  rank: only the units and what preparation did): from now on a
 *  ranking with the composite index takes the prepared values of its
 *  year and computes the scores in their memory, so that a year is held
 *  once, not twice (issue 17).  cidx_engine_prepared() prepares such a
 *  year again when its values are wanted later. */
void cidx_engine_set_frugal(struct cidx_engine *e, int on);

/*! cidx_engine_prepared_units() :
 *  As cidx_engine_prepared(), without the values a frugal ranking took:
 *  ds->x may be NULL then (the units, their order, the denominators and
 *  the report are the prepared year's). */
int cidx_engine_prepared_units(struct cidx_engine *e, int year,
    const struct cidx_dataset **ds, const struct cidx_prep_report **rep,
    struct cidx_err *err);

/*! cidx_engine_prepare_with() :
 *  The data of `year` prepared with the preparation items of `m`
 *  (denominate, impute, screen, treat) instead of the engine's, for the
 *  alternatives of the Monte Carlo analysis (calc/mc.h).  Not cached.
 *  @return 0 and *out (owned by the caller: cidx_dataset_free()), or a
 *  negative code. */
int cidx_engine_prepare_with(struct cidx_engine *e, int year,
    const struct cidx_method *m, struct cidx_dataset **out,
    struct cidx_err *err);

/*! cidx_engine_derive() :
 *  Fixes the weights, once: with a derived method, derives them on
 *  `year` (or all years, wpanel) bottom-up, level by level, applying
 *  o->over to each level before the scores of the next level are
 *  computed (cityidx(1), METHOD, Derived weights); otherwise the
 *  framework's weights, o->base, then o->over.  Later calls do nothing.
 *  cidx_engine_rank() calls it.  @return 0 or a negative code
 *  (CIDX_ENOTFOUND when `year` lacks a pillar: nothing can be derived
 *  for it). */
int cidx_engine_derive(struct cidx_engine *e, int year, struct cidx_err *err);

/*! cidx_engine_weights() : the weights in use, per node (borrowed); the
 *  framework's (with o->base and o->over) before cidx_engine_derive(). */
const double *cidx_engine_weights(const struct cidx_engine *e);

/*! cidx_engine_weights_year() : the year the weights were derived on
 *  (0 before cidx_engine_derive()). */
int cidx_engine_weights_year(const struct cidx_engine *e);

/*! cidx_engine_groups() : the derivation of each group, bottom-up
 *  (borrowed; none without a derived method). */
const struct cidx_wgroup *cidx_engine_groups(const struct cidx_engine *e,
    size_t *n);

/*! cidx_engine_rank() :
 *  The ranking of `year` with the engine's method and weights, tiers
 *  over the top `top` (tiers may be NULL).  @return 0 and *out (owned by
 *  the caller: cidx_ranking_free()), or a negative code with a message
 *  that names the year.  A year without data for some pillar is ranked
 *  on the others (cidx_engine_year_gaps() says which). */
int cidx_engine_rank(struct cidx_engine *e, int year,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_ranking **out,
    struct cidx_err *err);

/*! cidx_engine_rank_ds() :
 *  The ranking of an explicit prepared dataset (a counterfactual, a year
 *  restricted to some indicators), with the panel statistics of its year
 *  under --scale panel and no tiers. */
int cidx_engine_rank_ds(struct cidx_engine *e, const struct cidx_dataset *ds,
    struct cidx_ranking **out, struct cidx_err *err);

#endif
