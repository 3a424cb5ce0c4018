/*
 * mcstat.c - what the Monte Carlo's runs add up to (mc.h): exact
 * quantiles of ranks from their counts, the shares of the tiers, the
 * Saltelli/Jansen indices, and a run's parameters replayed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc_int.h"
#include "core/mem.h"

/* the value at 0-based position k of the sorted sample */
static size_t
order_stat(const uint64_t *count, size_t nv, uint64_t k)
{
	uint64_t cum = 0;

	for (size_t v = 0; v < nv; v++)
		if ((cum += count[v]) > k)
			return v;
	return nv - 1;
}

double
cidx_mc_quantile_counts(const uint64_t *count, size_t nv, uint64_t total,
    unsigned pnum, unsigned pden)
{
	uint64_t hn, k, rem;
	size_t lo, hi;

	if (total == 0 || nv == 0 || pden == 0 || pnum > pden)
		return NAN;
	/* h = hn / pden exactly */
	hn = (total - 1) * (uint64_t)pnum;
	k = hn / pden;
	rem = hn % pden;
	lo = order_stat(count, nv, k);
	if (rem == 0)
		return (double)lo;
	hi = order_stat(count, nv, k + 1);
	return ((double)lo * pden + (double)rem * (double)(hi - lo)) /
	    (double)pden;
}

void
cidx_mc_sobol(const double *ya, const double *yb, const double *yab,
    size_t n, size_t d, double *s, double *st, double *v, double *mean)
{
	double sum = 0, ss = 0, mu;

	for (size_t j = 0; j < n; j++)
		sum += ya[j] + yb[j];
	mu = n ? sum / (double)(2 * n) : NAN;
	for (size_t j = 0; j < n; j++)
		ss += (ya[j] - mu) * (ya[j] - mu) + (yb[j] - mu) * (yb[j] - mu);
	*mean = mu;
	*v = n ? ss / (double)(2 * n - 1) : NAN;
	for (size_t q = 0; q < d; q++) {
		const double *yq = yab + q * n;
		double a = 0, b = 0;

		for (size_t j = 0; j < n; j++) {
			a += yb[j] * (yq[j] - ya[j]);
			b += (ya[j] - yq[j]) * (ya[j] - yq[j]);
		}
		s[q] = *v > 0 ? a / (double)n / *v : NAN;
		st[q] = *v > 0 ? b / (2 * (double)n * *v) : NAN;
	}
}

static void
mc_unit_stats(struct cidx_mc_result *r, const uint64_t *hist)
{
	size_t n = r->n;
	uint64_t *c = cidx_xcalloc(n + 1, sizeof(uint64_t));
	int k = r->n_tiers;

	for (size_t i = 0; i < n; i++) {
		uint64_t m = 0, sum = 0;

		/* the ranks 1..n; value 0 (no rank) counted apart */
		memcpy(c, hist + i * (n + 1), (n + 1) * sizeof(uint64_t));
		r->unranked[i] = (size_t)c[0];
		c[0] = 0;
		for (size_t q = 1; q <= n; q++) {
			m += c[q];
			sum += c[q] * q;
		}
		r->median[i] = cidx_mc_quantile_counts(c, n + 1, m, 1, 2);
		r->q05[i] = cidx_mc_quantile_counts(c, n + 1, m, 5, 100);
		r->q95[i] = cidx_mc_quantile_counts(c, n + 1, m, 95, 100);
		r->mean[i] = m ? (double)sum / (double)m : NAN;
		for (int t = 1; t <= k; t++) {
			uint64_t in = 0;

			for (int q = r->band_lo[t]; q <= r->band_hi[t] &&
			    (size_t)q <= n; q++)
				in += c[q];
			r->tier_share[i * (size_t)k + (size_t)(t - 1)] =
			    (double)in / (double)(r->runs - r->n_skipped);
		}
	}
	free(c);
}

void
cidx_mc_params(const struct cidx_mc_result *r, size_t run,
    struct cidx_mc_params *out, double *factor)
{
	const struct mc_plan *p = r->plan;
	double *u = cidx_xcalloc(2 * p->dim + 1, sizeof(double));
	int matrix;
	size_t row;

	cidx_mc_uniforms(p, run, u, &matrix, &row);
	memset(out, 0, sizeof(*out));
	out->matrix = matrix;
	out->row = row;
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++)
		if (p->active[k])
			out->alt[k] = cidx_mc_choice(u[p->off[k]],
			    r->n_choices[k]);
	for (size_t t = 0; factor && t < p->n_noisy; t++)
		factor[t] = p->active[CIDX_MC_WEIGHTS] ?
		    1 + p->phi * (2 * u[p->off[CIDX_MC_WEIGHTS] + t] - 1) : 1;
	free(u);
}

struct coded {
	const char *code;
	size_t i;
};

static int
cmp_coded(const void *a, const void *b)
{
	const struct coded *x = a, *y = b;
	int c = strcmp(x->code, y->code);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * Ties are listed by code, as cidx_rank() does; the draws start from the
 * nominal order, unranked units last (by code).  Tier k covers the
 * positions its units hold in the nominal order: a draw's rank there is
 * in tier k.  Tiers never split tied units, so a band starts at the
 * competition rank of its first unit.
 */
void
cidx_mc_ranking(struct mc_plan *p, struct cidx_mc_result *r,
    const struct cidx_dataset *ds)
{
	const struct cidx_ranking *nom = r->nominal;
	struct coded *c = cidx_xcalloc(p->n + 1, sizeof(*c));
	size_t q;

	p->code_ord = cidx_xcalloc(p->n + 1, sizeof(size_t));
	p->nom_perm = cidx_xcalloc(p->n + 1, sizeof(size_t));
	for (size_t i = 0; i < p->n; i++)
		c[i] = (struct coded){ ds->unit[i].code, i };
	qsort(c, p->n, sizeof(*c), cmp_coded);
	for (size_t k = 0; k < p->n; k++)
		p->code_ord[c[k].i] = k;
	for (q = 0; q < nom->n_ranked; q++)
		p->nom_perm[q] = nom->order[q];
	for (size_t k = 0; k < p->n; k++)
		if (nom->rank[c[k].i] == 0)
			p->nom_perm[q++] = c[k].i;
	p->nom_rank = nom->rank;
	free(c);
	r->band_lo = cidx_xcalloc(p->n + 2, sizeof(int));
	r->band_hi = cidx_xcalloc(p->n + 2, sizeof(int));
	for (size_t t = 0; t <= p->n + 1; t++)
		r->band_hi[t] = -1;
	for (q = 0; q < nom->n_top; q++) {
		int t = nom->tier[nom->order[q]];

		if (t <= 0 || (size_t)t > p->n)
			continue;
		if (r->band_hi[t] < 0)
			r->band_lo[t] = (int)q + 1;
		r->band_hi[t] = (int)q + 1;
		r->n_tiers = t > r->n_tiers ? t : r->n_tiers;
	}
}

void
cidx_mc_results(struct cidx_mc_result *r, const struct mc_plan *p,
    const uint64_t *hist)
{
	double sum = 0;
	size_t cnt = 0;

	/* in run order, whatever the threads did */
	for (size_t k = 0; k < r->runs; k++)
		if (!isnan(r->shift[k])) {
			sum += r->shift[k];
			cnt++;
		}
	r->mean_shift = cnt ? sum / (double)cnt : NAN;
	if (hist) {
		r->median = cidx_xcalloc(r->n + 1, sizeof(double));
		r->mean = cidx_xcalloc(r->n + 1, sizeof(double));
		r->q05 = cidx_xcalloc(r->n + 1, sizeof(double));
		r->q95 = cidx_xcalloc(r->n + 1, sizeof(double));
		r->unranked = cidx_xcalloc(r->n + 1, sizeof(size_t));
		r->tier_share = cidx_xcalloc(r->n * (size_t)r->n_tiers + 1,
		    sizeof(double));
		mc_unit_stats(r, hist);
	}
	if (r->sobol) {
		r->S = cidx_xcalloc(p->d + 1, sizeof(double));
		r->ST = cidx_xcalloc(p->d + 1, sizeof(double));
		cidx_mc_sobol(r->shift, r->shift + p->N, r->shift + 2 * p->N,
		    p->N, p->d, r->S, r->ST, &r->V, &r->y_mean);
	}
}

void
cidx_mc_free_variants(struct mc_plan *p)
{
	for (size_t v = 0; p->var && v < p->n_var; v++) {
		free(p->var[v].z);
		free(p->var[v].mask);
		free(p->var[v].lz);
		free(p->var[v].hz);
		free(p->var[v].full);
	}
	free(p->var);
	p->var = NULL;
}

void
cidx_mc_plan_free(struct mc_plan *p)
{
	if (p == NULL)
		return;
	cidx_mc_free_variants(p);
	cidx_mc_index_free(p);
	free(p->agg_node);
	free(p->agg_parent);
	free(p->ch_off);
	free(p->ch);
	free(p->ch_node);
	free(p->w);
	free(p->how);
	free(p->code_ord);
	free(p->nom_perm);
	free(p);
}

void
cidx_mc_result_free(struct cidx_mc_result *r)
{
	if (r == NULL)
		return;
	cidx_ranking_free(r->nominal);
	free(r->band_lo);
	free(r->band_hi);
	free(r->noisy);
	free(r->drop);
	free(r->median);
	free(r->mean);
	free(r->q05);
	free(r->q95);
	free(r->unranked);
	free(r->tier_share);
	free(r->shift);
	free(r->S);
	free(r->ST);
	free(r->ranks);
	for (int k = 0; k < CIDX_MC_N_INPUTS; k++) {
		for (size_t i = 0; r->alt_text[k] && i < r->n_choices[k]; i++)
			free(r->alt_text[k][i]);
		free(r->alt_text[k]);
	}
	cidx_mc_plan_free(r->plan);
	free(r);
}
