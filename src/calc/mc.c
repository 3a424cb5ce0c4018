/*
 * mc.c - the Monte Carlo analysis (mc.h): the spec checked, the nominal
 * ranking, the plan built once (the tree flattened bottom-up, every data
 * combination prepared and normalised into dense arrays by mcvariant.c),
 * the runs (mcdraw.c) and what they add up to (mcstat.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc_int.h"
#include "calc/imethod.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/num.h"

const char *const cidx_mc_input_names[CIDX_MC_N_INPUTS] = {
	"weights", "impute", "winmax", "normalise", "aggregate", "drop",
	"method"
};

static const char *const alt_word[CIDX_MC_N_INPUTS] = {
	NULL, "imputation", "winmax", "normalisation", "aggregation", NULL,
	"method"
};

/* the inputs given as lists of alternatives */
static int
is_list(int k)
{
	return k != CIDX_MC_WEIGHTS && k != CIDX_MC_DROP;
}

int
cidx_mc_check_spec(const struct cidx_mc_spec *s, const struct cidx_method *m,
    int top_level, struct cidx_err *err)
{
	int any = s->phi > 0 || s->drop_one;

	(void)m; /* any method: index methods have runs of their own */
	if (s->draws < 1 || s->draws > CIDX_MC_MAX_DRAWS)
		return cidx_err_set(err, CIDX_EINVAL, "draws: %zu is not a "
		    "whole number from 1 to %d", s->draws, CIDX_MC_MAX_DRAWS);
	if (!(s->phi >= 0 && s->phi <= 1))
		return cidx_err_set(err, CIDX_EINVAL, "weight noise %g is not "
		    "a number from 0 to 1", s->phi);
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++) {
		if (!is_list(k))
			continue;
		if (s->n_alt[k] && s->alt[k] == NULL)
			return cidx_err_set(err, CIDX_EINVAL, "%s "
			    "alternatives missing", alt_word[k]);
		any |= s->n_alt[k] > 0;
	}
	if (!any)
		return cidx_err_set(err, CIDX_EINVAL, "no uncertain input: "
		    "give weight noise, alternatives or drop-one");
	for (int lv = 0; lv <= CIDX_FRAMEWORK_MAX_LEVELS; lv++)
		if ((lv < 1 || lv >= top_level) && s->noise_level[lv])
			return cidx_err_set(err, CIDX_EINVAL, "weight noise at "
			    "level %d: only levels 1 to %d carry weights (level "
			    "%d is the index)", lv, top_level - 1, top_level);
	return 0;
}

/* the aggregates bottom-up, each with its children */
static void
flatten(struct mc_plan *p, const struct cidx_framework *fw)
{
	long *apos = cidx_xcalloc(fw->n, sizeof(long));
	size_t nc = 0, c = 0;

	p->n_agg = fw->n_agg;
	p->agg_node = cidx_xcalloc(p->n_agg + 1, sizeof(size_t));
	p->agg_parent = cidx_xcalloc(p->n_agg + 1, sizeof(long));
	p->ch_off = cidx_xcalloc(p->n_agg + 1, sizeof(size_t));
	for (size_t a = 0; a < p->n_agg; a++) {
		size_t k = fw->bottom_up[a];

		apos[k] = (long)a;
		p->agg_node[a] = k;
		nc += fw->child_off[k + 1] - fw->child_off[k];
		if (k == fw->root)
			p->root = a;
	}
	p->ch = cidx_xcalloc(nc + 1, sizeof(long));
	p->ch_node = cidx_xcalloc(nc + 1, sizeof(size_t));
	for (size_t a = 0; a < p->n_agg; a++) {
		size_t k = p->agg_node[a];

		p->ch_off[a] = c;
		for (size_t q = fw->child_off[k]; q < fw->child_off[k + 1];
		    q++) {
			size_t ch = fw->child[q];

			if (fw->col[ch] >= 0)
				p->ch[c] = fw->col[ch];
			else if (fw->node[ch].type == CIDX_NODE_AGGREGATE)
				p->ch[c] = -1 - apos[ch];
			else
				continue;
			p->ch_node[c++] = ch;
		}
	}
	p->ch_off[p->n_agg] = c;
	for (size_t a = 0; a < p->n_agg; a++) {
		long q = fw->node[p->agg_node[a]].pidx;

		p->agg_parent[a] = q >= 0 ? apos[q] : -1;
	}
	free(apos);
}

/* the aggregation of each aggregate under each alternative: the
 * engine's (calc/aggregate.c) for the level of the node, whatever the
 * depth of the framework */
static void
agg_methods(struct mc_plan *p, const struct cidx_mc_spec *s,
    const struct cidx_method *m, const struct cidx_framework *fw)
{
	p->how = cidx_xcalloc(p->n_aggalt * p->n_agg + 1, 1);
	for (size_t g = 0; g < p->n_aggalt; g++) {
		const struct cidx_method *a = s->n_alt[CIDX_MC_AGGREGATE] ?
		    &s->alt[CIDX_MC_AGGREGATE][g] : m;

		for (size_t q = 0; q < p->n_agg; q++)
			p->how[g * p->n_agg + q] = (unsigned char)
			    cidx_method_agg_at(a, fw->node[p->agg_node[q]].level);
	}
}

/* what a combination is called in messages */
void
cidx_mc_describe(char *buf, size_t len, const struct cidx_mc_result *r,
    const size_t *pick)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++) {
		if (!is_list(k) || r->alt_text[k] == NULL || used >= len)
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s '%s'",
		    used ? ", " : "", alt_word[k], r->alt_text[k][pick[k]]);
	}
}

static void
alt_labels(struct cidx_mc_result *r, const struct cidx_mc_spec *s)
{
	static const enum cidx_mkey key[CIDX_MC_N_INPUTS] = {
		[CIDX_MC_IMPUTE] = CIDX_MK_IMPUTE,
		[CIDX_MC_NORMALISE] = CIDX_MK_NORMALISE,
		[CIDX_MC_AGGREGATE] = CIDX_MK_AGGREGATE,
		[CIDX_MC_METHOD] = CIDX_MK_METHOD,
	};
	char b[160];

	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++) {
		if (!is_list(k) || s->n_alt[k] == 0)
			continue;
		r->alt_text[k] = cidx_xcalloc(s->n_alt[k], sizeof(char *));
		for (size_t i = 0; i < s->n_alt[k]; i++) {
			const struct cidx_method *a = &s->alt[k][i];

			if (k == CIDX_MC_WINMAX && a->treat)
				snprintf(b, sizeof(b), "%d", a->treat_p.winmax);
			else if (k == CIDX_MC_WINMAX)
				snprintf(b, sizeof(b), "none");
			else
				cidx_method_text(a, key[k], b, sizeof(b));
			r->alt_text[k][i] = cidx_xstrdup(b);
		}
	}
}

int
cidx_mc_noisy(const struct cidx_mc_spec *s, const struct cidx_framework *fw,
    size_t k)
{
	int lv = fw->node[k].level, all = 1;

	for (int l = 0; l <= CIDX_FRAMEWORK_MAX_LEVELS; l++)
		all &= !s->noise_level[l];
	return s->phi > 0 && lv >= 1 && lv < fw->top_level &&
	    fw->node[k].pidx >= 0 && (all || s->noise_level[lv]);
}

/* the weights perturbed, the indicators drop-one chooses from, and
 * where each active input's uniforms sit */
static void
design(struct mc_plan *p, struct cidx_mc_result *r,
    const struct cidx_mc_spec *s, const struct cidx_framework *fw)
{
	r->noisy = cidx_xcalloc(fw->n, sizeof(size_t));
	r->drop = cidx_xcalloc(fw->n_ind + 1, sizeof(size_t));
	for (size_t k = 0; k < fw->n; k++)
		if (cidx_mc_noisy(s, fw, k))
			r->noisy[r->n_noisy++] = k;
	for (size_t j = 0; s->drop_one && j < fw->n_ind; j++)
		if (r->nominal->skipped[j] == CIDX_SKIP_NONE &&
		    p->w[fw->ind[j]] > 0)
			r->drop[r->n_drop++] = fw->ind[j];
	r->n_choices[CIDX_MC_WEIGHTS] = r->n_noisy;
	r->n_choices[CIDX_MC_DROP] = r->n_drop;
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++)
		if (is_list(k))
			r->n_choices[k] = s->n_alt[k];
	for (int k = 0; k < CIDX_MC_N_INPUTS; k++) {
		size_t len = k == CIDX_MC_WEIGHTS ? r->n_noisy : 1;

		if (r->n_choices[k] == 0)
			continue;
		p->active[k] = 1;
		p->off[k] = p->dim;
		p->len[k] = len;
		p->dim += len;
		p->input[p->d] = (enum cidx_mc_input)k;
		r->input[p->d++] = (enum cidx_mc_input)k;
	}
	p->noisy = r->noisy;
	p->n_noisy = r->n_noisy;
	p->drop = r->drop;
	p->n_drop = r->n_drop;
	p->phi = s->phi;
	p->seed = r->seed = s->seed;
	p->sobol = r->sobol = s->sobol;
	p->N = r->draws = s->draws;
	p->runs = r->runs = s->sobol ? s->draws * (p->d + 2) : s->draws;
	r->d = p->d;
	r->phi = s->phi;
}

/* calloc, or a message when the system refuses (the sizes fit: checked
 * by cidx_mc_memory_check()) */
static int
big_calloc(void **out, size_t nmemb, size_t size, const char *what,
    struct cidx_err *err)
{
	char b[40];

	if ((*out = calloc(nmemb ? nmemb : 1, size)) != NULL)
		return 0;
	cidx_num_fmt_size(b, sizeof(b), nmemb * size);
	return cidx_err_set(err, CIDX_ERROR, "cannot allocate %s for %s", b,
	    what);
}

/* what grows with the runs: R_s and the ranks of each run, the counts
 * of ranks of each unit */
static int
run_arrays(struct mc_plan *p, struct cidx_mc_result *r,
    const struct cidx_mc_spec *s, uint64_t **hist, struct cidx_err *err)
{
	void *v;
	int ret;

	if ((ret = big_calloc(&v, r->runs, sizeof(double), "the runs",
	    err)) < 0)
		return ret;
	p->shift = r->shift = v;
	if (s->keep_ranks) {
		if ((ret = big_calloc(&v, r->runs * (r->n ? r->n : 1),
		    sizeof(int), "the ranks of every run", err)) < 0)
			return ret;
		p->ranks = r->ranks = v;
	}
	p->hist = !s->sobol;
	if (p->hist) {
		if ((ret = big_calloc(&v, r->n * (r->n + 1) + 1,
		    sizeof(uint64_t), "the counts of ranks", err)) < 0)
			return ret;
		*hist = v;
	}
	return 0;
}

int
cidx_mc_run(struct cidx_mc_result **out, struct cidx_engine *e, int year,
    const struct cidx_mc_spec *s, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_engine_framework(e);
	const struct cidx_method *m = cidx_engine_method(e);
	const struct cidx_dataset *ds;
	struct cidx_mc_result *r;
	struct cidx_mc_memory mem;
	struct mc_plan *p;
	uint64_t *hist = NULL;
	int ret;

	*out = NULL;
	if ((ret = cidx_mc_check_spec(s, m, fw->top_level, err)) < 0)
		return ret;
	r = cidx_xcalloc(1, sizeof(*r));
	r->plan = p = cidx_xcalloc(1, sizeof(*p));
	r->year = year;
	/* the nominal ranking, then the sizes: nothing large is allocated
	 * before they are known to fit */
	if ((ret = cidx_engine_rank(e, year, s->tiers, s->top, &r->nominal,
	    err)) < 0 ||
	    (ret = cidx_engine_prepared(e, year, &ds, NULL, err)) < 0 ||
	    (ret = cidx_mc_memory_plan(&mem, e, s, r->nominal, ds, err)) < 0 ||
	    (ret = cidx_mc_memory_check(&mem, s, err)) < 0)
		goto fail;
	r->n = p->n = ds->n_units;
	p->np = (p->n + 3) / 4 * 4;
	p->m = fw->n_ind;
	p->nn = fw->n;
	p->w = cidx_xcalloc(fw->n, sizeof(double));
	memcpy(p->w, cidx_engine_weights(e), fw->n * sizeof(double));
	flatten(p, fw);
	alt_labels(r, s);
	design(p, r, s, fw);
	if (s->drop_one && r->n_drop == 0) {
		ret = cidx_err_set(err, CIDX_EINVAL, "drop-one: no indicator "
		    "with data and a weight to leave out");
		goto fail;
	}
	cidx_mc_ranking(p, r, ds);
	p->n_imp = s->n_alt[CIDX_MC_IMPUTE] ? s->n_alt[CIDX_MC_IMPUTE] : 1;
	p->n_win = s->n_alt[CIDX_MC_WINMAX] ? s->n_alt[CIDX_MC_WINMAX] : 1;
	p->n_norm = s->n_alt[CIDX_MC_NORMALISE] ?
	    s->n_alt[CIDX_MC_NORMALISE] : 1;
	p->n_aggalt = s->n_alt[CIDX_MC_AGGREGATE] ?
	    s->n_alt[CIDX_MC_AGGREGATE] : 1;
	agg_methods(p, s, m, fw);
	cidx_mc_index_plan(p, s, m, fw);
	if ((ret = cidx_mc_variants(p, e, year, s, ds, r, err)) < 0 ||
	    (ret = cidx_mc_index_check(p, r, err)) < 0)
		goto fail;
	r->n_variants = p->n_var;
	if ((ret = run_arrays(p, r, s, &hist, err)) < 0)
		goto fail;
	cidx_mc_execute(p, s->threads, hist, &r->n_invalid, s->progress,
	    s->progress_ctx);
	cidx_mc_results(r, p, hist);
	free(hist);
	/* the data are not needed after the runs; the design is */
	cidx_mc_free_variants(p);
	cidx_mc_index_free(p);
	p->shift = NULL;
	p->ranks = NULL;
	*out = r;
	return 0;
fail:
	cidx_mc_result_free(r);
	return ret;
}
