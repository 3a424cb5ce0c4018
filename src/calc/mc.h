/*
 * mc.h - uncertainty and sensitivity analysis of a ranking by Monte Carlo
 * (cityidx(1), METHOD, Uncertainty and sensitivity).
 *
 * The nominal ranking is the engine's (the one `rank` prints).  The
 * uncertain inputs are the weights (each perturbed weight multiplied by
 * 1 + phi U(-1,1)), lists of alternative imputations, winsorisation
 * limits, normalisations and aggregations, and the exclusion of one
 * indicator.  Before the draws, every combination of the alternatives
 * that changes the data (imputation x winmax x normalisation) is
 * prepared and normalised once into dense arrays; a draw then only picks
 * a combination, perturbs the weights, aggregates, ranks and counts.
 * The draw loop allocates nothing and touches no SQL; draws are spread
 * over threads and every result is an integer count or a per-draw value
 * combined in draw order, so the number of threads never changes a
 * digit.
 *
 * Random numbers: draw k (and row k of the Saltelli matrices) has its
 * own xoshiro256** generator seeded with outputs 4k+1 .. 4k+4 of
 * SplitMix64 started at the seed (cidx_mc_stream()).
 */
#ifndef CIDX_CALC_MC_H
#define CIDX_CALC_MC_H

#include <stddef.h>
#include <stdint.h>

#include "calc/calc.h"
#include "calc/engine.h"
#include "core/err.h"
#include "core/method.h"

/* The uncertain inputs, in the order their uniforms are drawn. */
enum cidx_mc_input {
	CIDX_MC_WEIGHTS,   /* every perturbed weight: one input */
	CIDX_MC_IMPUTE,
	CIDX_MC_WINMAX,
	CIDX_MC_NORMALISE,
	CIDX_MC_AGGREGATE,
	CIDX_MC_DROP,      /* one indicator left out */
	CIDX_MC_METHOD,    /* composite or an index method (imethod.h) */
	CIDX_MC_N_INPUTS
};

/* "weights", "impute", "winmax", "normalise", "aggregate", "drop",
 * "method" */
extern const char *const cidx_mc_input_names[CIDX_MC_N_INPUTS];

struct cidx_mc_spec {
	size_t draws;          /* N: draws, or base rows of the Saltelli
				  design; 1 .. CIDX_MC_MAX_DRAWS */
	uint64_t seed;
	unsigned threads;      /* 0 or 1: the calling thread only */
	double phi;            /* weight noise in [0, 1]; 0: weights fixed */
	/* nonzero at L: perturb the weights of the nodes of level L (1 ..
	   the index's level - 1, up to CIDX_FRAMEWORK_MAX_LEVELS - 1); all
	   0: every level below the index */
	unsigned char noise_level[CIDX_FRAMEWORK_MAX_LEVELS + 1];
	/*
	 * Alternatives of IMPUTE, WINMAX, NORMALISE, AGGREGATE and METHOD,
	 * each a whole method of which only that item is read (impute and
	 * its attribute; treat and its parameters; the normalisation and
	 * its parameters; the aggregation of every level; the index method
	 * and its parameters).  n_alt 0: the item is not uncertain.
	 * alt[WEIGHTS] and alt[DROP] are not used.
	 */
	const struct cidx_method *alt[CIDX_MC_N_INPUTS];
	size_t n_alt[CIDX_MC_N_INPUTS];
	int drop_one;          /* leave out one indicator per draw */
	int sobol;             /* the Saltelli design: N (d + 2) runs */
	int keep_ranks;        /* keep every run's ranks (r->ranks) */
	int skip_invalid;      /* a design in which a geometric or harmonic
				  mean can meet a value <= 0: skip the runs
				  where one does (r->n_skipped) instead of
				  refusing it; not with sobol */
	const struct cidx_tierspec *tiers; /* the nominal tiers; NULL: none */
	size_t top;            /* tiers over the top N (0: all ranked) */
	size_t max_memory;     /* refuse a run whose estimated peak
				  (cidx_mc_estimate()) is above this many
				  bytes; 0: no limit.  A run whose sizes do
				  not fit in a size_t is always refused. */
	/* called from the calling thread about every 0.1 s while the runs
	   go on, and once at the end; may be NULL */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};

#define CIDX_MC_MAX_DRAWS 10000000
#define CIDX_MC_MAX_THREADS 256

#define CIDX_MC_SPEC_INIT { 1000, 1, 1, 0.0, { 0 }, { NULL }, { 0 }, 0, \
	0, 0, 0, NULL, 0, 0, NULL, NULL }

struct mc_plan;

/* The parameters of one run, replayed from its random stream. */
struct cidx_mc_params {
	size_t alt[CIDX_MC_N_INPUTS]; /* 0-based choice of each active list
					 input; DROP: index into r->drop */
	int matrix;                   /* Saltelli: 0 A, 1 B, 2 + q for
					 A_B of active input q; else -1 */
	size_t row;                   /* Saltelli: the row; else the draw */
};

struct cidx_mc_result {
	int year;
	size_t n;              /* units: those of the nominal prepared data */
	struct cidx_ranking *nominal;  /* the engine's ranking, with tiers */
	int n_tiers;           /* the largest nominal tier (0: none) */
	int *band_lo, *band_hi; /* [1..n_tiers]: the ranks nominal tier k
				   covers; a draw's rank in [lo, hi] is in
				   tier k (band_lo > band_hi: empty) */

	/* the design */
	uint64_t seed;
	double phi;
	int sobol;
	size_t draws;          /* N */
	size_t runs;           /* N, or N (d + 2) with sobol */
	size_t d;              /* active inputs */
	enum cidx_mc_input input[CIDX_MC_N_INPUTS]; /* the active inputs */
	size_t n_choices[CIDX_MC_N_INPUTS]; /* alternatives of each input
					       (WEIGHTS: perturbed weights;
					       DROP: indicators) */
	size_t *noisy;         /* framework nodes whose weights are
				  perturbed, framework order */
	size_t n_noisy;
	size_t *drop;          /* indicator nodes drop-one chooses from */
	size_t n_drop;
	size_t n_variants;     /* data combinations prepared */

	/* the uncertainty analysis (not with sobol); per unit */
	double *median, *mean, *q05, *q95;  /* NaN: never ranked */
	size_t *unranked;      /* runs in which the unit had no rank */
	double *tier_share;    /* n x n_tiers: share of the runs in tier k */
	size_t n_invalid;      /* unit-runs without a rank because a
				  geometric or harmonic mean met a value
				  <= 0 */
	int skip_invalid;      /* the spec's */
	size_t n_skipped;      /* runs skipped (spec skip_invalid) because
				  a geometric or harmonic mean met a value
				  <= 0; the statistics are over the others */

	/* per run, in run order: R_s = mean |nominal rank - rank| over
	   the units ranked in both (NaN: none) */
	double *shift;
	double mean_shift;     /* the mean of shift over the runs */

	/* sobol: per active input, in r->input order */
	double *S, *ST;
	double V;              /* variance of R_s over A and B */
	double y_mean;         /* mean of R_s over A and B */

	int *ranks;            /* runs x n, 0 = unranked (keep_ranks) */

	/* the canonical text of each alternative of the list inputs
	   (IMPUTE .. AGGREGATE; winmax: the number, or "none") */
	char **alt_text[CIDX_MC_N_INPUTS];

	struct mc_plan *plan;  /* private: the design, for cidx_mc_params() */
};

/*! cidx_mc_run() :
 *  The nominal ranking of `year` (cidx_engine_rank() with s->tiers and
 *  s->top), then s->draws draws (or the Saltelli design) with the
 *  uncertain inputs of `s`.  A run whose method (the engine's, or the
 *  alternative it drew) is an index method scores the units with it
 *  (cidx_imethod_scores(): such runs allocate, and BoD solves an LP per
 *  unit).  Before the first draw, every combination of alternatives is
 *  checked (cidx_mc_check_design()).  @return 0 and *out (free with
 *  cidx_mc_result_free()), or CIDX_EINVAL (a bad spec, no uncertain
 *  input, an alternative that cannot be computed: the message names it),
 *  CIDX_ENUMERIC (a geometric or harmonic mean can meet a value <= 0,
 *  without s->skip_invalid) or the engine's error. */
int cidx_mc_run(struct cidx_mc_result **out, struct cidx_engine *e, int year,
    const struct cidx_mc_spec *s, struct cidx_err *err);

void cidx_mc_result_free(struct cidx_mc_result *r);

/*
 * The memory a run needs, in bytes, from the sizes of its plan: what
 * cidx_mc_run() allocates beyond what the engine holds for `rank` (see
 * cityidx(1), Uncertainty and sensitivity, Memory).  Each figure is
 * SIZE_MAX when it would not fit in a size_t.
 */
struct cidx_mc_memory {
	size_t total;    /* the peak: nominal + plan + data + the larger of
			    prepare and runs + ranks + counts + the larger
			    of threads and stats */
	size_t nominal;  /* the nominal ranking: the scores of every node */
	size_t plan;     /* the tree, orders, aggregation per alternative */
	size_t data;     /* the data combinations, dense */
	size_t prepare;  /* while one combination is prepared */
	size_t runs;     /* R_s of every run */
	size_t ranks;    /* every run's ranks (keep_ranks) */
	size_t counts;   /* the counts of ranks of every unit */
	size_t threads;  /* the threads' buffers */
	size_t stats;    /* the statistics per unit, after the runs */
	size_t n;        /* units */
	size_t n_runs;   /* N, or N (d + 2) with sobol */
	size_t n_variants; /* data combinations */
	unsigned n_threads; /* threads the run will use */
};

/*! cidx_mc_estimate() :
 *  What cidx_mc_run(e, year, s) would need at its peak, without running
 *  it: the spec checked as cidx_mc_run() checks it and the nominal
 *  ranking computed (it gives the units and the indicators that count),
 *  nothing else.  @return 0 and *out, or cidx_mc_run()'s errors. */
int cidx_mc_estimate(struct cidx_mc_memory *out, struct cidx_engine *e,
    int year, const struct cidx_mc_spec *s, struct cidx_err *err);

/*! cidx_mc_memory_check() :
 *  cidx_mc_run()'s refusal: @return 0, or CIDX_EINVAL when mem->total
 *  is above s->max_memory (if not 0) or does not fit in a size_t, with
 *  the message "1000 Sobol draws (5000 runs) of 289 units need about
 *  5.4 GiB (limit 4 GiB)" or "... need more memory than can be
 *  addressed". */
int cidx_mc_memory_check(const struct cidx_mc_memory *mem,
    const struct cidx_mc_spec *s, struct cidx_err *err);

/*! cidx_mc_params() :
 *  The parameters run `run` used: the choice of each list input, and
 *  (factor, r->n_noisy entries, may be NULL) the weight factors.
 *  Replays the run's random numbers; nothing is stored per run. */
void cidx_mc_params(const struct cidx_mc_result *r, size_t run,
    struct cidx_mc_params *out, double *factor);

/* ---- the pieces, for the tests ------------------------------------- */

struct cidx_rng {
	uint64_t s[4];
};

/*! cidx_mc_stream() : the generator of draw (or row) k. */
void cidx_mc_stream(struct cidx_rng *g, uint64_t seed, uint64_t k);
/*! cidx_rng_next() : the next xoshiro256** output. */
uint64_t cidx_rng_next(struct cidx_rng *g);
/*! cidx_rng_uniform() : (next >> 11) * 2^-53, in [0, 1). */
double cidx_rng_uniform(struct cidx_rng *g);
/*! cidx_splitmix64() : SplitMix64's output after advancing *state. */
uint64_t cidx_splitmix64(uint64_t *state);

/*! cidx_mc_quantile_counts() :
 *  The type 7 quantile (R's default, numpy's "linear") of probability
 *  p = pnum / pden of a sample of whole numbers given as counts: count[v]
 *  values equal to v, v = 0 .. nv-1, total of them (NaN when 0).  With
 *  x[0 .. total) the sorted sample, h = (total - 1) p, k = floor(h):
 *  x[k] + (h - k) (x[k + 1] - x[k]).  h is taken in integers, so the
 *  result is the exact value rounded once (12.95, not 12.949999...). */
double cidx_mc_quantile_counts(const uint64_t *count, size_t nv,
    uint64_t total, unsigned pnum, unsigned pden);

/*! cidx_mc_sobol() :
 *  Saltelli (2010) first-order and Jansen (1999) total indices of d
 *  inputs from N outputs y_A, y_B and y_AB (d x N, row q = A with
 *  column block q from B):
 *    V    = sample variance of y_A and y_B together (2N - 1 divisor)
 *    S_q  = (1/N) sum_j y_B[j] (y_AB[q][j] - y_A[j]) / V
 *    ST_q = sum_j (y_A[j] - y_AB[q][j])^2 / (2 N V)
 *  Sums run in j order.  V = 0 gives NaN indices. */
void cidx_mc_sobol(const double *ya, const double *yb, const double *yab,
    size_t n, size_t d, double *s, double *st, double *v, double *mean);

#endif
