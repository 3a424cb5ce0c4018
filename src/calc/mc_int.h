/*
 * mc_int.h - the Monte Carlo's plan, shared by mc.c (building it from
 * the engine), mcvariant.c (its data combinations), mcdraw.c (the runs
 * and their threads) and mcstat.c (the statistics).  Not for other
 * files.
 *
 * Everything a run reads is in the plan, read-only during the runs:
 * per data combination ("variant") the normalised indicators as
 * column-major n-vectors, the tree flattened bottom-up, the nominal
 * weights and ranks.  Everything a run writes is in its thread's
 * struct mc_work (allocated before the runs) or in its own slot of the
 * per-run arrays.
 */
#ifndef CIDX_CALC_MC_INT_H
#define CIDX_CALC_MC_INT_H

#include <stddef.h>
#include <stdint.h>

#include "calc/mc.h"

/* one data combination: indicator column j of unit i at [j * np + i];
 * rows n .. np-1 are padding (missing) */
struct mc_variant {
	double *z;    /* normalised value, 0 where missing */
	double *mask; /* 1 present, 0 missing */
	double *lz;   /* ln z, NaN where z <= 0 (for geom); NULL: unused */
	double *hz;   /* z, NaN where z <= 0, +inf where missing (for harm:
			 w / +inf adds 0); NULL: unused */
	unsigned char *full; /* per column: every unit has a value */
};

struct mc_plan {
	size_t n;                 /* units */
	size_t np;                /* n rounded up to a multiple of 4: the
				     stride of the arrays the aggregation
				     reads, so its loops vectorise */
	size_t m;                 /* indicator columns */
	size_t nn;                /* framework nodes */

	/* aggregates bottom-up; child c of aggregate a is ch[c] (>= 0:
	   indicator column; < 0: aggregate -1 - ch[c]) with framework node
	   ch_node[c] */
	size_t n_agg;
	size_t *agg_node;
	long *agg_parent;         /* the parent's place, -1 for the index */
	size_t *ch_off;           /* n_agg + 1 */
	long *ch;
	size_t *ch_node;
	size_t root;              /* the index's place among the aggregates */

	double *w;                /* nominal weights, per node */
	double phi;
	const size_t *noisy;
	size_t n_noisy;
	const size_t *drop;       /* indicator nodes */
	size_t n_drop;

	/* alternatives: variant of (impute, winmax, normalise) choices
	   is (imp * n_win + win) * n_norm + norm */
	size_t n_imp, n_win, n_norm;
	struct mc_variant *var;
	size_t n_var;
	size_t n_aggalt;          /* >= 1 */
	unsigned char *how;       /* n_aggalt x n_agg: the enum cidx_agg of
				     aggregate a under alternative g at
				     [g * n_agg + a], the engine's choice
				     for its level (cidx_method_agg_at()) */

	/* index methods (mcindex.c): the methods a run picks from (NULL:
	   the composite only), and per (impute, winmax) combination the
	   prepared data on the nominal units and their panel statistics */
	const struct cidx_framework *fw;
	const struct cidx_method *meth;
	size_t n_meth;            /* >= 1 */
	const struct cidx_method *norm_alt; /* NULL: the nominal's */
	int panel;                /* the nominal's --scale */
	struct cidx_dataset **pds;
	struct cidx_norm_stats **pst;

	/* ranking */
	size_t *code_ord;         /* unit -> position in code order */
	size_t *nom_perm;         /* units in nominal order, unranked last */
	const int *nom_rank;      /* 0: unranked */

	/* the design: uniform u[off[k] .. off[k] + len[k]) drives input k */
	uint64_t seed;
	int sobol;
	size_t N, runs, dim, d;
	enum cidx_mc_input input[CIDX_MC_N_INPUTS];
	size_t off[CIDX_MC_N_INPUTS], len[CIDX_MC_N_INPUTS];
	int active[CIDX_MC_N_INPUTS];

	/* outputs, one slot per run */
	double *shift;
	int *ranks;               /* NULL unless kept */
	int hist;                 /* count ranks per unit (not Saltelli) */
};

/* a unit to sort: its score (-inf without one) and place in code order */
struct mc_ent {
	double s;
	uint32_t co, i;
};

/* one thread's buffers */
struct mc_work {
	double *u;                /* 2 dim: a row of A and of B */
	double *w;                /* nn: this run's weights */
	double *val, *msk;        /* n_agg x np: aggregate values, present */
	unsigned char *full;      /* n_agg: every unit has a value */
	double *acc, *sw, *tmp;   /* np each */
	struct mc_ent *ent, *ent2; /* n: the units, sorted */
	int *rank;                /* n */
	uint32_t *hist;           /* n x (n + 1): runs with unit i at rank r
				     (r = 0: unranked) */
	size_t n_invalid;
};

/* a + b and a b, or SIZE_MAX when they do not fit in a size_t: sizes
 * of allocations are computed with these before anything is allocated
 * (cidx_mc_memory_plan()) */
static inline size_t
mc_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static inline size_t
mc_mul(size_t a, size_t b)
{
	return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

/* mc.c */
/* the spec's own checks (cidx_mc_run()'s first) */
int cidx_mc_check_spec(const struct cidx_mc_spec *s,
    const struct cidx_method *m, int top_level, struct cidx_err *err);
/* node k's weight is perturbed */
int cidx_mc_noisy(const struct cidx_mc_spec *s, const struct cidx_framework *fw,
    size_t k);
/* the bytes of one data combination (fill_variant()) */
size_t cidx_mc_variant_bytes(const struct mc_plan *p, int geom, int harm);

/* mcmem.c: the estimate of a run whose nominal ranking is `nom` and
 * nominal prepared data `ds` (0, or the engine's error) */
int cidx_mc_memory_plan(struct cidx_mc_memory *out, struct cidx_engine *e,
    const struct cidx_mc_spec *s, const struct cidx_ranking *nom,
    const struct cidx_dataset *ds, struct cidx_err *err);

/* mcdraw.c */
/* the bytes of a thread's buffers (cidx_mc_work_init() and its place) */
size_t cidx_mc_work_bytes(const struct mc_plan *p);
size_t cidx_mc_thread_bytes(const struct mc_plan *p);
/* the threads cidx_mc_execute() runs: at most `threads`, the chunks of runs,
 * CIDX_MC_MAX_THREADS, and 512 MiB of rank counts */
size_t cidx_mc_threads(const struct mc_plan *p, unsigned threads);
void cidx_mc_work_init(struct mc_work *w, const struct mc_plan *p);
void cidx_mc_work_release(struct mc_work *w);
/* the uniforms of run `run` into w->u[0 .. dim); *matrix, *row: its
   place in the Saltelli design (-1 and run otherwise) */
void cidx_mc_uniforms(const struct mc_plan *p, size_t run, double *u,
    int *matrix, size_t *row);
/* the choice of list input k (u in [0,1), n choices) */
size_t cidx_mc_choice(double u, size_t n);
/* runs every run over `threads` threads; hist of the threads summed
   into `hist` (n x (n + 1), may be NULL when p->hist is 0) */
void cidx_mc_execute(const struct mc_plan *p, unsigned threads, uint64_t *hist,
    size_t *n_invalid, void (*progress)(void *, size_t, size_t),
    void *pctx);

/* mcindex.c: keep combination q's data (dp, rows map[i] for nominal
   unit i, st its panel statistics or NULL); the index of a run with
   method k and normalisation choice `norm` into val/msk (msk 1 and val
   NaN where it fails: invalid); free what was kept */
void cidx_mc_index_keep(struct mc_plan *p, size_t q,
    const struct cidx_dataset *nominal, const struct cidx_dataset *dp,
    const long *map, const struct cidx_norm_stats *st);
int cidx_mc_index_score(const struct mc_plan *p, size_t q, size_t norm,
    size_t k, const double *w, double *val, double *msk,
    struct cidx_err *err);
void cidx_mc_index_free(struct mc_plan *p);
/* the methods runs pick from, and the index methods checked on every
   data combination before the runs */
void cidx_mc_index_plan(struct mc_plan *p, const struct cidx_mc_spec *s,
    const struct cidx_method *m, const struct cidx_framework *fw);
int cidx_mc_index_check(const struct mc_plan *p, const struct cidx_mc_result *r,
    struct cidx_err *err);
/* mcvariant.c: every data combination of the plan prepared, normalised
   and checked (p->var) */
int cidx_mc_variants(struct mc_plan *p, struct cidx_engine *e, int year,
    const struct cidx_mc_spec *s, const struct cidx_dataset *ds,
    const struct cidx_mc_result *r, struct cidx_err *err);
/* mc.c: what a combination of alternatives is called in messages */
void cidx_mc_describe(char *buf, size_t len, const struct cidx_mc_result *r,
    const size_t *pick);

/* mcstat.c: the nominal order, code order and tier bands into the plan
   and the result; what the runs add up to; freeing the plan */
void cidx_mc_ranking(struct mc_plan *p, struct cidx_mc_result *r,
    const struct cidx_dataset *ds);
void cidx_mc_results(struct cidx_mc_result *r, const struct mc_plan *p,
    const uint64_t *hist);
void cidx_mc_free_variants(struct mc_plan *p);
void cidx_mc_plan_free(struct mc_plan *p);

#endif
