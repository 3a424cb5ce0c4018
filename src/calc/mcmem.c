/*
 * mcmem.c - what a Monte Carlo run needs in memory (mc.h,
 * cidx_mc_estimate()), known before anything large is allocated.
 *
 * The figures are the sizes of the arrays cidx_mc_run() will allocate,
 * from the dimensions of its plan: those of a data combination and of a
 * thread's buffers are counted by the functions beside the allocations
 * (cidx_mc_variant_bytes() by fill_variant(), cidx_mc_work_bytes() by
 * cidx_mc_work_init()), the others here in the order mc.c and mcstat.c
 * allocate them.  The arithmetic saturates at SIZE_MAX instead of
 * wrapping, so a plan that passes cidx_mc_memory_check() has no
 * allocation whose size wraps.  cityidx(1), Uncertainty and
 * sensitivity, Memory, gives the formula.
 */
#include <stdio.h>
#include <string.h>

#include "calc/mc_int.h"
#include "core/num.h"

#define S_D sizeof(double)
#define S_Z sizeof(size_t)

/* the dimensions of the plan cidx_mc_run() builds for `s` over n units;
 * *nc: the children of the aggregates; *geom, *harm: some alternative
 * aggregates with them */
static void
dims(struct mc_plan *p, size_t *nc, int *geom, int *harm,
    const struct cidx_mc_spec *s, const struct cidx_method *m,
    const struct cidx_framework *fw, size_t n)
{
	size_t n_noisy = 0;

	memset(p, 0, sizeof(*p));
	p->n = n;
	p->np = mc_add(n, 3) / 4 * 4;
	p->m = fw->n_ind;
	p->nn = fw->n;
	p->n_agg = fw->n_agg;
	*nc = 0;
	for (size_t a = 0; a < fw->n_agg; a++) {
		size_t k = fw->bottom_up[a];

		*nc += fw->child_off[k + 1] - fw->child_off[k];
	}
	for (size_t k = 0; k < fw->n; k++)
		n_noisy += (size_t)cidx_mc_noisy(s, fw, k);
	if (n_noisy > 0) {
		p->d++;
		p->dim += n_noisy;
	}
	for (int k = CIDX_MC_IMPUTE; k <= CIDX_MC_AGGREGATE; k++)
		p->d += s->n_alt[k] > 0;
	p->d += s->drop_one != 0;
	p->dim += p->d - (n_noisy > 0);
	p->n_imp = s->n_alt[CIDX_MC_IMPUTE] ? s->n_alt[CIDX_MC_IMPUTE] : 1;
	p->n_win = s->n_alt[CIDX_MC_WINMAX] ? s->n_alt[CIDX_MC_WINMAX] : 1;
	p->n_norm = s->n_alt[CIDX_MC_NORMALISE] ?
	    s->n_alt[CIDX_MC_NORMALISE] : 1;
	p->n_aggalt = s->n_alt[CIDX_MC_AGGREGATE] ?
	    s->n_alt[CIDX_MC_AGGREGATE] : 1;
	p->n_var = mc_mul(mc_mul(p->n_imp, p->n_win), p->n_norm);
	p->N = s->draws;
	p->sobol = s->sobol;
	p->runs = s->sobol ? mc_mul(s->draws, p->d + 2) : s->draws;
	p->hist = !s->sobol;
	*geom = *harm = 0;
	for (size_t g = 0; g < p->n_aggalt; g++) {
		const struct cidx_method *a = s->n_alt[CIDX_MC_AGGREGATE] ?
		    &s->alt[CIDX_MC_AGGREGATE][g] : m;

		for (size_t q = 0; q < fw->n_agg; q++) {
			enum cidx_agg h = cidx_method_agg_at(a,
			    fw->node[fw->bottom_up[q]].level);

			*geom |= h == CIDX_AGG_GEOM;
			*harm |= h == CIDX_AGG_HARM;
		}
	}
}

/* the nominal ranking as allocated (cidx_ranking_compute()) */
static size_t
nominal_bytes(const struct cidx_ranking *nom, size_t m)
{
	size_t b = sizeof(*nom), n = nom->n;

	if (nom->s)
		b = mc_add(b, mc_mul(mc_mul(nom->s->size1, nom->s->size2),
		    S_D));
	b = mc_add(b, mc_mul(m, sizeof(int)));
	return mc_add(b, mc_mul(n, 2 * sizeof(int) + S_Z));
}

/* the tree, the orders and what the result keeps besides the runs */
static size_t
plan_bytes(const struct mc_plan *p, size_t nc, const struct cidx_mc_spec *s)
{
	size_t b = sizeof(struct cidx_mc_result) + sizeof(struct mc_plan);
	size_t alts = 0;

	for (int k = 0; k < CIDX_MC_N_INPUTS; k++)
		alts = mc_add(alts, s->n_alt[k]);
	b = mc_add(b, mc_mul(p->nn, 3 * S_D));       /* w, apos, noisy */
	b = mc_add(b, mc_mul(mc_add(p->n_agg, 1), 3 * S_Z));
	b = mc_add(b, mc_mul(mc_add(nc, 1), 2 * S_Z)); /* ch, ch_node */
	b = mc_add(b, mc_mul(mc_add(p->m, 1), S_Z));  /* drop */
	b = mc_add(b, mc_mul(alts, 2 * S_Z + 40));    /* labels */
	/* code_ord, nom_perm, the sort's pairs, the tier bands */
	b = mc_add(b, mc_mul(mc_add(p->n, 1), 4 * S_Z));
	b = mc_add(b, mc_mul(mc_add(p->n, 2), 2 * sizeof(int)));
	return mc_add(b, mc_add(mc_mul(p->n_aggalt, p->n_agg), 1)); /* how */
}

/* while one combination is prepared: its normalised scores (n x nodes),
 * the statistics, and with another imputation or winmax a prepared copy
 * of the year (of every year with --scale panel) and its working copy */
static size_t
prepare_bytes(const struct mc_plan *p, const struct cidx_mc_spec *s,
    const struct cidx_method *m, size_t n_years)
{
	size_t b, copy = 0;

	b = mc_mul(mc_mul(p->n, p->nn), S_D);
	b = mc_add(b, mc_mul(mc_add(p->m, 1), sizeof(struct cidx_norm_stats)));
	b = mc_add(b, mc_mul(mc_add(p->n, 1), sizeof(long)));
	if (s->n_alt[CIDX_MC_IMPUTE] || s->n_alt[CIDX_MC_WINMAX])
		copy = mc_mul(mc_mul(mc_mul(p->n, p->m), 2 * S_D),
		    m->panel ? n_years : 1);
	return mc_add(b, copy);
}

/* the statistics cidx_mc_results() allocates after the runs */
static size_t
stats_bytes(const struct mc_plan *p, const struct cidx_ranking *nom)
{
	size_t b = mc_mul(mc_add(p->d, 1), 2 * S_D), k = 0;

	if (!p->hist)
		return b;
	for (size_t q = 0; q < nom->n_top; q++)
		if (nom->tier[nom->order[q]] > 0 &&
		    (size_t)nom->tier[nom->order[q]] > k)
			k = (size_t)nom->tier[nom->order[q]];
	/* median, mean, q05, q95, unranked, the counts of one unit */
	b = mc_add(b, mc_mul(mc_add(p->n, 1), 6 * S_D));
	return mc_add(b, mc_mul(mc_add(mc_mul(p->n, k), 1), S_D));
}

int
cidx_mc_memory_plan(struct cidx_mc_memory *out, struct cidx_engine *e,
    const struct cidx_mc_spec *s, const struct cidx_ranking *nom,
    const struct cidx_dataset *ds, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_engine_framework(e);
	const struct cidx_method *m = cidx_engine_method(e);
	const int *years;
	size_t nc, ny = 1, run;
	struct mc_plan p;
	int geom, harm, ret;

	memset(out, 0, sizeof(*out));
	if (m->panel && (ret = cidx_engine_years(e, &years, &ny, err)) < 0)
		return ret;
	dims(&p, &nc, &geom, &harm, s, m, fw, ds->n_units);
	out->n = p.n;
	out->n_runs = p.runs;
	out->n_variants = p.n_var;
	out->n_threads = (unsigned)cidx_mc_threads(&p, s->threads);
	out->nominal = nominal_bytes(nom, p.m);
	out->plan = plan_bytes(&p, nc, s);
	out->data = mc_mul(p.n_var, mc_add(sizeof(struct mc_variant),
	    cidx_mc_variant_bytes(&p, geom, harm)));
	out->prepare = prepare_bytes(&p, s, m, ny);
	out->runs = mc_mul(p.runs, S_D);
	if (s->keep_ranks)
		out->ranks = mc_mul(mc_mul(p.runs, p.n ? p.n : 1),
		    sizeof(int));
	if (p.hist)
		out->counts = mc_mul(mc_add(mc_mul(p.n, mc_add(p.n, 1)), 1),
		    sizeof(uint64_t));
	out->threads = mc_mul(out->n_threads, cidx_mc_thread_bytes(&p));
	out->stats = stats_bytes(&p, nom);
	run = mc_add(mc_add(out->runs, out->ranks), mc_add(out->counts,
	    out->threads > out->stats ? out->threads : out->stats));
	out->total = mc_add(mc_add(out->nominal, out->plan), mc_add(out->data,
	    run > out->prepare ? run : out->prepare));
	return 0;
}

int
cidx_mc_memory_check(const struct cidx_mc_memory *mem,
    const struct cidx_mc_spec *s, struct cidx_err *err)
{
	char what[120], need[40], lim[40];

	if (s->sobol)
		snprintf(what, sizeof(what), "%zu Sobol draws (%zu runs) of "
		    "%zu units", s->draws, mem->n_runs, mem->n);
	else
		snprintf(what, sizeof(what), "%zu draws of %zu units",
		    s->draws, mem->n);
	if (mem->total == SIZE_MAX)
		return cidx_err_set(err, CIDX_EINVAL, "%s need more memory "
		    "than can be addressed", what);
	if (s->max_memory == 0 || mem->total <= s->max_memory)
		return 0;
	cidx_num_fmt_size(need, sizeof(need), mem->total);
	cidx_num_fmt_size(lim, sizeof(lim), s->max_memory);
	return cidx_err_set(err, CIDX_EINVAL, "%s need about %s (limit %s)",
	    what, need, lim);
}

int
cidx_mc_estimate(struct cidx_mc_memory *out, struct cidx_engine *e,
    int year, const struct cidx_mc_spec *s, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_engine_framework(e);
	const struct cidx_dataset *ds;
	struct cidx_ranking *nom = NULL;
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_mc_check_spec(s, cidx_engine_method(e), fw->top_level,
	    err)) < 0 ||
	    (ret = cidx_engine_rank(e, year, s->tiers, s->top, &nom,
	    err)) < 0 ||
	    (ret = cidx_engine_prepared(e, year, &ds, NULL, err)) < 0)
		goto out;
	ret = cidx_mc_memory_plan(out, e, s, nom, ds, err);
out:
	cidx_ranking_free(nom);
	return ret;
}
