/*
 * calc.h - the method engine: normalisation, aggregation, ranking, tiers.
 *
 * Everything works on dense matrices held in memory: `x` is units x
 * indicators (framework column order), scores are units x nodes (every
 * node of the framework; indicator nodes hold normalised values,
 * aggregates their aggregated scores, NaN = not available).  No function
 * here allocates per cell, touches SQLite or prints.  The formulas are
 * those of cityidx(1), METHOD (Normalisation, Aggregation, TOPSIS,
 * Ranking, Tiers).
 */
#ifndef CIDX_CALC_H
#define CIDX_CALC_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "core/err.h"
#include "core/method.h"
#include "core/model.h"

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

/*! cidx_calc_normalise_in_place() :
 *  As cidx_calc_normalise_with(), the scores written over the values:
 *  column j of x becomes the scores of indicator column j (for a caller
 *  that does not need the values again: a year is then held once, not
 *  twice, issue 17).  On failure x holds some scores and some values. */
int cidx_calc_normalise_in_place(const struct cidx_framework *fw,
    gsl_matrix *x, const struct cidx_method *m,
    const struct cidx_norm_stats *st, int *skipped, struct cidx_err *err);

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
	CIDX_TIER_KMEANS, CIDX_TIER_JENKS,
	CIDX_TIER_EIS  /* performance groups relative to a reference */
};

struct cidx_tierspec {
	enum cidx_tier_kind kind;
	int k;          /* number of tiers */
	double *v;      /* counts or breaks (k - 1 breaks, k counts) */
	size_t nv;
	char *text;     /* canonical spelling, in full; it reads back to
			   the same spec */
	double ref;     /* CIDX_TIER_EIS: the reference index (100 %);
			   the caller sets it, NaN until then */
};

/*! cidx_tierspec_parse() : "counts:3,7,40", "breaks:80,60", "quantile:3",
 *  "kmeans:3", "jenks:3", "eis" (the European Innovation Scoreboard's
 *  performance groups: with r = 100 score / ref, tier 1 leaders r > 125,
 *  2 strong 100 <= r <= 125, 3 moderate 70 <= r < 100, 4 emerging
 *  r < 70; t->ref is NaN until the caller sets the reference).  Free
 *  with cidx_tierspec_release(). */
int cidx_tierspec_parse(struct cidx_tierspec *out, const char *s,
    struct cidx_err *err);
void cidx_tierspec_release(struct cidx_tierspec *t);

/*! cidx_tier_eis_name() : the name of EIS performance group k (1-4):
 *  "leaders", "strong", "moderate", "emerging"; zh: 领先, 强, 中等,
 *  新兴; "" otherwise. */
const char *cidx_tier_eis_name(int k, int zh);

/*! cidx_tier_assign() :
 *  `score` holds n scores in rank order (best first) and `rank` their
 *  competition ranks; writes tier[i] in 1..k (1 = best) or 0 (untiered,
 *  e.g. below the last count).  Units with equal scores always share a
 *  tier.  @return 0, or CIDX_EINVAL when jenks/kmeans ask for more tiers
 *  than there are distinct scores, or for eis without a reference > 0. */
int cidx_tier_assign(const struct cidx_tierspec *t, const double *score,
    const int *rank, size_t n, int *tier, struct cidx_err *err);

/*! cidx_jenks() :
 *  Fisher's exact optimal partition of the sorted (descending) values
 *  v[0..n) into k contiguous classes minimising the total within-class sum
 *  of squared deviations; class[i] in 1..k.  Dynamic programming, O(k n^2).
 *  @return 0, or CIDX_EINVAL when k < 1 or k > n. */
int cidx_jenks(const double *v, size_t n, int k, int *cls);

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
 *  scaling; NULL: the year's own).  With an index method (m->imethod
 *  not composite) the scores of the index and of every aggregate are
 *  that method's over the indicators below it, weighted by their global
 *  weights within it (cidx_imethod_scores()). */
int cidx_ranking_compute_with(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err);
/*! cidx_ranking_compute_taking() :
 *  As cidx_ranking_compute_with() on the values *x (of ds's units), which
 *  it takes (*x NULL after, ds->x is not read): with the composite index
 *  the scores are computed in x's own memory (normalised in place, then
 *  widened to the nodes' columns), so that the year is held once, not
 *  twice (30,000 x 400 is 96 MB: issue 17); other methods score as
 *  cidx_ranking_compute_with() does and free x. */
int cidx_ranking_compute_taking(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    gsl_matrix **x, const double *w, const struct cidx_method *m,
    const struct cidx_norm_stats *st, const struct cidx_tierspec *tiers,
    size_t top, struct cidx_err *err);
void cidx_ranking_free(struct cidx_ranking *r);

/*! cidx_pillars() :
 *  pil[j] for each indicator column j: the framework node of its pillar
 *  (the aggregate child of the index above it), or -1 for an indicator
 *  that is itself a child of the index. */
void cidx_pillars(const struct cidx_framework *fw, long *pil);

/*! cidx_ranking_tier_span() :
 *  The number of units in tier k, and the lowest and highest score of
 *  node `node` among them (NaN when the tier is empty). */
size_t cidx_ranking_tier_span(const struct cidx_ranking *r, size_t node,
    int k, double *lo, double *hi);

/*! cidx_global_weights() :
 *  gw[k] for every node below `top` (and gw[top] = 1): the product of the
 *  weights along the path, each divided by the sum of the weights of its
 *  siblings that are present (present[k] != 0; present NULL: all nodes).
 *  share[k] (share may be NULL) is that quotient for node k itself, 1 for
 *  `top`, NaN for a node that is absent, outside the subtree, or whose
 *  present siblings weigh 0 together; gw is 0 there. */
void cidx_global_weights(const struct cidx_framework *fw, const double *w,
    size_t top, const unsigned char *present, double *share, double *gw);

#endif
