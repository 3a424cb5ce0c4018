/*
 * summary.c - the facts of the report's summary, its unit profiles and
 * its tables within regions (ws/summary.h, cityidx(1), report).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/store.h"
#include "ws/names.h"
#include "ws/summary.h"

/* the tiers: rows by tier, best first within (c->r->order is best first) */
static void
tiers(struct cidx_ws_summary *s, const struct cidx_ws_chart *c)
{
	const struct cidx_ranking *r = c->r;
	size_t k = c->ts ? (size_t)c->ts->k : 0, *fill;

	s->n_tiers = k;
	s->tier_off = cidx_xcalloc(k + 1, sizeof(size_t));
	s->tier_rows = cidx_xcalloc(r->n_ranked ? r->n_ranked : 1,
	    sizeof(size_t));
	for (size_t p = 0; p < r->n_ranked; p++) {
		int t = r->tier[r->order[p]];

		if (t > 0 && (size_t)t <= k)
			s->tier_off[t]++;
	}
	for (size_t t = 1; t <= k; t++)
		s->tier_off[t] += s->tier_off[t - 1];
	fill = cidx_xcalloc(k + 1, sizeof(size_t));
	for (size_t p = 0; p < r->n_ranked; p++) {
		int t = r->tier[r->order[p]];

		if (t > 0 && (size_t)t <= k)
			s->tier_rows[s->tier_off[t - 1] + fill[t]++] =
			    r->order[p];
	}
	free(fill);
}

/* the `max` rows with the largest sign * change, in *out (ties: better
 * rank now first, as c->r->order goes) */
static size_t
movers(const struct cidx_ws_chart *c, int sign, size_t *out, size_t max)
{
	const struct cidx_ranking *r = c->r;
	size_t n = 0;

	for (size_t p = 0; p < r->n_ranked; p++) {
		const struct cidx_move *m = &c->mv->mv[r->order[p]];
		size_t q;

		if (!m->has_change || sign * m->change <= 0)
			continue;
		/* insertion into the list kept sorted: strictly larger
		 * changes go before, equal ones after (rank order) */
		for (q = n; q > 0 && sign * c->mv->mv[out[q - 1]].change <
		    sign * m->change; q--)
			if (q < max)
				out[q] = out[q - 1];
		if (q < max) {
			out[q] = r->order[p];
			n += n < max;
		}
	}
	return n;
}

static void
movement(struct cidx_ws_summary *s, const struct cidx_ws_chart *c)
{
	const struct cidx_ranking *r = c->r;

	s->dark = cidx_xcalloc(r->n_ranked ? r->n_ranked : 1, sizeof(size_t));
	if (c->mv == NULL || c->mv->basis == CIDX_BASIS_WITHHELD)
		return;
	s->moves = 1;
	s->n_climb = movers(c, 1, s->climb, CIDX_WS_SUMMARY_MOVERS);
	s->n_fall = movers(c, -1, s->fall, CIDX_WS_SUMMARY_MOVERS);
	for (size_t p = 0; p < r->n_ranked; p++)
		if (c->mv->mv[r->order[p]].dark)
			s->dark[s->n_dark++] = r->order[p];
}

int
cidx_ws_summary_make(struct cidx_ws_summary *out,
    const struct cidx_ws_chart *c, struct cidx_err *err)
{
	const struct cidx_ranking *r = c->r;
	struct cidx_dataset *all = NULL;
	size_t kept;
	int ret;

	memset(out, 0, sizeof(*out));
	for (size_t p = 0; p < r->n_ranked && p < CIDX_WS_SUMMARY_TOP; p++)
		out->top[out->n_top++] = r->order[p];
	tiers(out, c);
	movement(out, c);
	if ((ret = cidx_store_units(cidx_ws_store(c->ws), &all, err)) < 0)
		return ret;
	out->n_units = all->n_units;
	cidx_dataset_free(all);
	out->n_ranked = r->n_ranked;
	out->n_screened = c->rep ? c->rep->n_screened : 0;
	out->n_data = c->ds->n_units + out->n_screened;
	kept = c->ds->n_units;
	out->n_unscored = kept - r->n_ranked;
	out->n_nodata = out->n_units > out->n_data ? out->n_units -
	    out->n_data : 0;
	for (size_t p = 0; c->rep && p < r->n_ranked; p++)
		out->n_partial += c->rep->coverage[r->order[p]] < 1;
	if (c->rep) {
		out->empty_pillar = c->rep->empty_pillar;
		out->n_empty_pillar = c->rep->n_empty_pillar;
	}
	return 0;
}

void
cidx_ws_summary_release(struct cidx_ws_summary *s)
{
	free(s->tier_off);
	free(s->tier_rows);
	free(s->dark);
	memset(s, 0, sizeof(*s));
}

/* a value and its row, for sorting one indicator's values */
struct vr {
	double v;
	size_t row;
};

static int
vr_cmp(const void *a, const void *b)
{
	const struct vr *x = a, *y = b;

	/* best (largest, direction applied by the caller) first; rows
	 * break ties so that the order is fixed */
	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

void
cidx_ws_indranks_make(struct cidx_ws_indranks *out,
    const struct cidx_ws_chart *c)
{
	const struct cidx_framework *fw = c->fw;
	const struct cidx_ranking *r = c->r;
	size_t nu = c->ds->n_units, ni = fw->n_ind;
	struct vr *v = cidx_xcalloc(nu ? nu : 1, sizeof(*v));

	out->n_units = nu;
	out->n_ind = ni;
	out->rank = cidx_xcalloc(nu * ni > 0 ? nu * ni : 1, sizeof(int));
	out->n = cidx_xcalloc(ni ? ni : 1, sizeof(size_t));
	for (size_t j = 0; j < ni; j++) {
		int dir = fw->node[fw->ind[j]].direction;
		size_t n = 0;

		for (size_t i = 0; i < nu; i++) {
			double x = gsl_matrix_get(c->ds->x, i, j);

			if (r->rank[i] > 0 && !isnan(x)) {
				v[n].v = dir * x;
				v[n++].row = i;
			}
		}
		qsort(v, n, sizeof(*v), vr_cmp);
		/* competition ranks: equal values share the better rank */
		for (size_t p = 0; p < n; p++)
			out->rank[v[p].row * ni + j] = p > 0 && v[p].v ==
			    v[p - 1].v ? out->rank[v[p - 1].row * ni + j] :
			    (int)p + 1;
		out->n[j] = n;
	}
	free(v);
}

void
cidx_ws_indranks_release(struct cidx_ws_indranks *ir)
{
	free(ir->rank);
	free(ir->n);
	memset(ir, 0, sizeof(*ir));
}

/* the `max` entries of ind (not in `excl`) with the best (sign 1: the
 * smallest) or worst (sign -1) rank, ties in framework order */
static size_t
pick(const struct cidx_ws_profile *p, int sign, const size_t *excl,
    size_t n_not, size_t *out, size_t max)
{
	size_t n = 0;

	for (size_t e = 0; e < p->n_ind; e++) {
		int rk = p->ind[e].rank, skip = 0;
		size_t q;

		for (size_t k = 0; k < n_not; k++)
			skip |= excl[k] == e;
		if (skip)
			continue;
		for (q = n; q > 0 && sign * p->ind[out[q - 1]].rank > sign *
		    rk; q--)
			if (q < max)
				out[q] = out[q - 1];
		if (q < max) {
			out[q] = e;
			n += n < max;
		}
	}
	return n;
}

/* the strengths, then the weaknesses among the others, of the m
 * indicators the unit has a value for: at most half of them each (the
 * strengths the larger half when m is odd), so that a unit that is last
 * everywhere does not get "strengths" from the start of a short list */
static void
choose(struct cidx_ws_profile *p)
{
	size_t *excl = cidx_xcalloc(p->n_ind ? p->n_ind : 1, sizeof(size_t));
	size_t nn = 0, m, ns, nw;

	for (size_t e = 0; e < p->n_ind; e++)
		if (p->ind[e].rank == 0)
			excl[nn++] = e;
	m = p->n_ind - nn;
	ns = (m + 1) / 2 < CIDX_WS_PROFILE_PICK ? (m + 1) / 2 :
	    CIDX_WS_PROFILE_PICK;
	nw = m / 2 < CIDX_WS_PROFILE_PICK ? m / 2 : CIDX_WS_PROFILE_PICK;
	p->n_strong = pick(p, 1, excl, nn, p->strong, ns);
	for (size_t k = 0; k < p->n_strong; k++)
		excl[nn++] = p->strong[k];
	p->n_weak = pick(p, -1, excl, nn, p->weak, nw);
	free(excl);
}

void
cidx_ws_profile_make(struct cidx_ws_profile *out,
    const struct cidx_ws_chart *c, const struct cidx_ws_indranks *ir,
    size_t row)
{
	size_t ni = ir->n_ind;

	memset(out, 0, sizeof(*out));
	out->row = row;
	out->rank = c->r->rank[row];
	out->tier = c->r->tier[row];
	out->score = gsl_matrix_get(c->r->s, row, c->fw->root);
	out->ind = cidx_xcalloc(ni ? ni : 1, sizeof(*out->ind));
	for (size_t j = 0; j < ni; j++) {
		struct cidx_ws_profile_ind *e = &out->ind[out->n_ind];

		if (ir->n[j] == 0)
			continue;
		e->col = j;
		e->value = gsl_matrix_get(c->ds->x, row, j);
		e->rank = ir->rank[row * ni + j];
		e->n = ir->n[j];
		out->n_ind++;
	}
	choose(out);
}

void
cidx_ws_profile_release(struct cidx_ws_profile *p)
{
	free(p->ind);
	memset(p, 0, sizeof(*p));
}

int
cidx_ws_indyears_make(struct cidx_ws_indyears *out, struct cidx_ws *ws,
    struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	struct cidx_store *st = cidx_ws_store(ws);
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_store_years(st, &out->years, &out->n_years, err)) < 0)
		return ret;
	out->n_ind = fw->n_ind;
	out->has = cidx_xcalloc(out->n_ind * out->n_years > 0 ? out->n_ind *
	    out->n_years : 1, 1);
	for (size_t y = 0; y < out->n_years; y++) {
		struct cidx_dataset *ds;

		if ((ret = cidx_store_load_year(st, fw, out->years[y], &ds,
		    err)) < 0)
			return ret;
		for (size_t j = 0; j < fw->n_ind; j++)
			for (size_t i = 0; i < ds->n_units; i++)
				if (!isnan(gsl_matrix_get(ds->x, i, j))) {
					out->has[j * out->n_years + y] = 1;
					break;
				}
		cidx_dataset_free(ds);
	}
	return 0;
}

void
cidx_ws_indyears_release(struct cidx_ws_indyears *y)
{
	free(y->years);
	free(y->has);
	memset(y, 0, sizeof(*y));
}

const char *
cidx_ws_region_key(const struct cidx_ws_chart *c, const char *key)
{
	static const char *const keys[] = CIDX_WS_REGION_KEYS;
	const struct cidx_ranking *r = c->r;

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const char *want = key ? key : keys[k];

		for (size_t p = 0; p < r->n_ranked; p++)
			if (cidx_unit_attr(&c->ds->unit[r->order[p]], want))
				return want;
		if (key)
			break;
	}
	return NULL;
}

void
cidx_ws_regions_make(struct cidx_ws_regions *out,
    const struct cidx_ws_chart *c, const char *key)
{
	const struct cidx_ranking *r = c->r;
	size_t nr = r->n_ranked ? r->n_ranked : 1, *grp, *cnt;
	const char **raw = cidx_xcalloc(nr, sizeof(*raw));

	memset(out, 0, sizeof(*out));
	out->name = cidx_xcalloc(nr, sizeof(*out->name));
	out->off = cidx_xcalloc(nr + 1, sizeof(size_t));
	out->rows = cidx_xcalloc(nr, sizeof(size_t));
	out->rank = cidx_xcalloc(nr, sizeof(int));
	grp = cidx_xcalloc(nr, sizeof(size_t));
	cnt = cidx_xcalloc(nr + 1, sizeof(size_t));
	/* groups in the order of their best unit: the order of first
	 * appearance in rank order */
	for (size_t p = 0; p < r->n_ranked; p++) {
		const char *v = cidx_unit_attr(&c->ds->unit[r->order[p]], key);
		size_t g;

		grp[p] = (size_t)-1;
		if (v == NULL || *v == '\0')
			continue;
		for (g = 0; g < out->n && strcmp(raw[g], v) != 0; g++)
			;
		/* a group is named in the reader's language (province_en
		 * in English) */
		if (g == out->n) {
			raw[g] = v;
			out->name[out->n++] = cidx_ws_attr_lang(
			    &c->ds->unit[r->order[p]], key,
			    c->lang == CIDX_LANG_ZH);
		}
		grp[p] = g;
		cnt[g + 1]++;
	}
	for (size_t g = 0; g < out->n; g++)
		out->off[g + 1] = out->off[g] + cnt[g + 1];
	memset(cnt, 0, (nr + 1) * sizeof(size_t));
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t g = grp[p], at, first;
		int rk;

		if (g == (size_t)-1)
			continue;
		at = out->off[g] + cnt[g]++;
		first = out->off[g];
		rk = r->rank[r->order[p]];
		out->rows[at] = r->order[p];
		/* a tie with the member before shares its rank */
		out->rank[at] = at > first && r->rank[out->rows[at - 1]] == rk ?
		    out->rank[at - 1] : (int)(at - first) + 1;
	}
	free(grp);
	free(cnt);
	free(raw);
}

void
cidx_ws_regions_release(struct cidx_ws_regions *g)
{
	free(g->name);
	free(g->off);
	free(g->rows);
	free(g->rank);
	memset(g, 0, sizeof(*g));
}
