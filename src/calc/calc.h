/*
 * calc.h - the method engine: normalisation, aggregation, ranking, tiers.
 *
 * Everything works on dense matrices held in memory: `x` is units x
 * indicators (framework column order), scores are units x nodes (every
 * node of the framework; indicator nodes hold normalised values,
 * aggregates their aggregated scores, NaN = not available).  No function
 * here allocates per cell, touches SQLite or prints, so the same calls
 * serve a single ranking and the inner loop of a Monte Carlo run.
 * The formulas are those of METHODS.md and man/cityidx.1.
 */
#ifndef CIDX_CALC_H
#define CIDX_CALC_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "calc/prep.h"
#include "core/err.h"
#include "core/model.h"

enum cidx_norm {
	CIDX_NORM_MINMAX,     /* l + (u-l)(x-min)/(max-min), [l,u]=[p1,p2] */
	CIDX_NORM_ZSCORE,     /* p1 + p2 (x-mean)/sd, sample sd */
	CIDX_NORM_RANK,       /* rank among units, ties averaged */
	CIDX_NORM_PERCENTILE, /* (rank-1)/(n-1) 100, ties at the lowest rank */
	CIDX_NORM_RATIO,      /* 100 x / mean(x); x >= 0, direction +1 */
	CIDX_NORM_DISTMAX,    /* 100 x / max(x); direction -1: 100 min / x */
	CIDX_NORM_GOALPOSTS,  /* 100 (x-lo)/(hi-lo) clipped to [0,100] */
};

#define CIDX_MAX_LEVELS 16

enum cidx_agg {
	CIDX_AGG_ARITH, /* sum w y / sum w */
	CIDX_AGG_GEOM,  /* exp(sum w ln y / sum w), y > 0 */
	CIDX_AGG_HARM,  /* sum w / sum (w / y), y > 0 */
};

/*
 * The whole method: preparation (in this order: denominate, impute,
 * screen, treat), normalisation and aggregation.
 */
struct cidx_method {
	enum cidx_norm norm;
	double norm_p1, norm_p2;   /* minmax [l,u], zscore mean/sd,
				      goalposts lo/hi (NaN: framework's) */
	enum cidx_agg agg;         /* every level unless agg_at says */
	int agg_at[CIDX_MAX_LEVELS]; /* 0, or 1 + enum cidx_agg for the
					aggregates of that level */
	int panel;                 /* normalise over all years together */
	int topsis;                /* TOPSIS instead of normalise+aggregate */
	int denominate;
	enum cidx_impute impute;
	char impute_attr[64];      /* group-mean/-median attribute */
	double screen;             /* drop units below this share; 0 off */
	int treat;
	struct cidx_treat_params treat_p;
};

#define CIDX_METHOD_INIT { CIDX_NORM_MINMAX, 0.0, 100.0, CIDX_AGG_ARITH, \
	{ 0 }, 0, 0, 0, CIDX_IMPUTE_NONE, "", 0.0, 0, CIDX_TREAT_PARAMS_INIT }

/*! cidx_method_agg_at() : the aggregation used for aggregates of `level`. */
enum cidx_agg cidx_method_agg_at(const struct cidx_method *m, int level);

/*! cidx_method_parse_norm() / _agg() : "minmax", "minmax:1,100",
 *  "zscore", "zscore:100,10", "rank", "percentile", "ratio", "distmax",
 *  "goalposts", "goalposts:LO,HI"; "arith", "geom", "harm", or per level
 *  "2=geom,3=arith" (levels not named keep the default, arith). */
int cidx_method_parse_norm(struct cidx_method *m, const char *s,
    struct cidx_err *err);
int cidx_method_parse_agg(struct cidx_method *m, const char *s,
    struct cidx_err *err);
/*! cidx_method_describe() : the canonical spelling, e.g. "minmax:0,100". */
void cidx_method_norm_name(const struct cidx_method *m, char *buf, size_t n);
const char *cidx_method_agg_name(const struct cidx_method *m);
/*! cidx_method_agg_spec() : "arith", or "arith,2=geom" with per-level
 *  choices (the first word is the default); parse_agg reads it back. */
void cidx_method_agg_spec(const struct cidx_method *m, char *buf, size_t n);

/* why an indicator could not be normalised (skipped[col]) */
enum {
	CIDX_SKIP_NONE = 0,
	CIDX_SKIP_NODATA = 1,   /* no value in the year */
	CIDX_SKIP_ONE = 2,      /* a single value */
	CIDX_SKIP_CONSTANT = 3, /* max = min (sd = 0): no information */
};

/* per-indicator statistics of direction-applied values */
struct cidx_norm_stats {
	size_t n;
	double lo, hi, mean, sd;
};

/*! cidx_calc_norm_stats() :
 *  Statistics of each indicator over the rows of the `nx` matrices
 *  together (one matrix: one year; all years: panel scaling).
 *  st has fw->n_ind entries. */
void cidx_calc_norm_stats(const struct cidx_framework *fw,
    const gsl_matrix *const *xs, size_t nx, struct cidx_norm_stats *st);

/*! cidx_calc_normalise_with() :
 *  As cidx_calc_normalise(), with the min/max/mean/sd taken from `st`
 *  (panel scaling) instead of from `x`.  rank and percentile are always
 *  within `x`.  Errors: ratio with direction -1 or a negative value,
 *  distmax with a negative value (or a value <= 0 for direction -1),
 *  goalposts without lo/hi. */
int cidx_calc_normalise_with(const struct cidx_framework *fw,
    const gsl_matrix *x, const struct cidx_method *m,
    const struct cidx_norm_stats *st, gsl_matrix *s, int *skipped,
    struct cidx_err *err);

/*! cidx_calc_normalise() :
 *  Writes the normalised value of every indicator into its node column of
 *  `s` (units x fw->n).  Direction is applied first.  An indicator with
 *  fewer than two values or no spread (max = min, sd = 0) cannot be
 *  normalised: its column is NaN and skipped[col] says why (skipped may be
 *  NULL).  @return 0. */
int cidx_calc_normalise(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, gsl_matrix *s, int *skipped,
    struct cidx_err *err);

/*! cidx_calc_aggregate() :
 *  Fills the aggregate columns of `s` bottom-up with weights `w` (one per
 *  node, relative within the parent; renormalised over the children that
 *  are not NaN).  A node none of whose children has a value (or whose
 *  non-NaN children all weigh 0) is NaN.  For geom/harm a value <= 0 is
 *  CIDX_ENUMERIC naming the unit and node (`unit_codes` may be NULL). */
int cidx_calc_aggregate(const struct cidx_framework *fw, const double *w,
    const struct cidx_method *m, gsl_matrix *s,
    const char *const *unit_codes, struct cidx_err *err);

/*! cidx_calc_weights_default() : the framework's weights into w[fw->n]. */
void cidx_calc_weights_default(const struct cidx_framework *fw, double *w);

/*! cidx_rank() :
 *  Competition ranking (1,2,2,4) of `score` descending; NaN scores are not
 *  ranked.  order[0..*n_ranked) lists the ranked units best first, ties by
 *  code (byte order); rank[i] is unit i's rank or 0 if unranked. */
void cidx_rank(const double *score, size_t n, const char *const *codes,
    size_t *order, int *rank, size_t *n_ranked);

enum cidx_tier_kind {
	CIDX_TIER_COUNTS, CIDX_TIER_BREAKS, CIDX_TIER_QUANTILE,
	CIDX_TIER_KMEANS, CIDX_TIER_JENKS
};

struct cidx_tierspec {
	enum cidx_tier_kind kind;
	int k;          /* number of tiers */
	double *v;      /* counts or breaks (k - 1 breaks, k counts) */
	size_t nv;
	char text[128]; /* canonical spelling */
};

/*! cidx_tierspec_parse() : "counts:3,7,40", "breaks:80,60", "quantile:3",
 *  "kmeans:3", "jenks:3".  Free with cidx_tierspec_release(). */
int cidx_tierspec_parse(struct cidx_tierspec *out, const char *s,
    struct cidx_err *err);
void cidx_tierspec_release(struct cidx_tierspec *t);

/*! cidx_tier_assign() :
 *  `score` holds n scores in rank order (best first) and `rank` their
 *  competition ranks; writes tier[i] in 1..k (1 = best) or 0 (untiered,
 *  e.g. below the last count).  Units with equal scores always share a
 *  tier.  @return 0, or CIDX_EINVAL when jenks/kmeans ask for more tiers
 *  than there are distinct scores. */
int cidx_tier_assign(const struct cidx_tierspec *t, const double *score,
    const int *rank, size_t n, int *tier, struct cidx_err *err);

/*! cidx_jenks() :
 *  Fisher's exact optimal partition of the sorted (descending) values
 *  v[0..n) into k contiguous classes minimising the total within-class sum
 *  of squared deviations; class[i] in 1..k.  Dynamic programming, O(k n^2).
 *  @return 0, or CIDX_EINVAL when k < 1 or k > n. */
int cidx_jenks(const double *v, size_t n, int k, int *cls);

/* What preparation did, for the report and the JSON provenance. */
struct cidx_prep_report {
	size_t n_denominated;   /* values divided by their denominator */
	size_t n_den_missing;   /* values made missing: no or zero denominator */
	size_t n_imputed;
	char **screened;        /* codes of the units dropped by screening */
	size_t n_screened;
	int treated;            /* treatment ran: the arrays below are set */
	struct cidx_treat_report *treat;   /* per indicator column */
	int *treat_source;      /* 0 command line, 1 framework, 2 "none" */
};

void cidx_prep_report_release(struct cidx_prep_report *r);

/*! cidx_prepare() :
 *  Runs the preparation steps of `m` on `ds` in place, in the fixed order
 *  denominate, impute, screen, treat.  Carry-forward imputation takes the
 *  unit's value of the latest earlier year of `panel` that has one, else
 *  of the earliest later year (denominated with that year's denominator);
 *  it needs `panel`.  Screening drops units whose share of non-missing
 *  indicators (over all indicators of the framework, after imputation) is
 *  below m->screen.  @return 0, or CIDX_EINVAL (unknown group attribute,
 *  carry-forward without a panel). */
int cidx_prepare(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_panel *panel, const struct cidx_method *m,
    struct cidx_prep_report *rep, struct cidx_err *err);

struct cidx_ranking {
	size_t n;          /* units */
	gsl_matrix *s;     /* n x fw->n scores of every node */
	int *skipped;      /* per indicator column: could not be normalised */
	int *rank;         /* per unit, 0 = unranked (index NaN) */
	size_t *order;     /* ranked units, best first */
	size_t n_ranked;
	size_t n_top;      /* order[0..n_top) are in the top N (rank <= N) */
	int *tier;         /* per unit, 0 = untiered */
};

/*! cidx_ranking_compute() :
 *  The whole calculation for one dataset: normalise, aggregate with `w`,
 *  rank on the index, and (when `tiers` is not NULL) tier the units whose
 *  rank is <= top (top 0: all ranked units).  @return 0 and *out (free
 *  with cidx_ranking_free()), or a negative code. */
int cidx_ranking_compute(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_err *err);
/*! cidx_ranking_compute_with() :
 *  As cidx_ranking_compute(), normalising with the statistics `st` (panel
 *  scaling; NULL: the year's own).  With m->topsis the scores of the index
 *  and of every aggregate are TOPSIS closeness values (x 100) over the
 *  indicators below it, weighted by their global weights within it; a
 *  unit missing any of them gets NaN there. */
int cidx_ranking_compute_with(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err);
void cidx_ranking_free(struct cidx_ranking *r);

/*! cidx_global_weights() :
 *  gw[k] for every node below `top` (and gw[top] = 1): the product of the
 *  weights along the path, each divided by the sum of its siblings'
 *  weights.  Nodes outside the subtree get 0. */
void cidx_global_weights(const struct cidx_framework *fw, const double *w,
    size_t top, double *gw);

#endif
