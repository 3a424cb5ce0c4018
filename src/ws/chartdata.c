/*
 * chartdata.c - plot inputs from a ranked year (chartdata.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "calc/explain.h"
#include "core/mem.h"
#include "ws/chartdata.h"
#include "ws/explainunit.h"
#include "ws/names.h"
#include "ws/mcrun.h"
#include "ws/methodwords.h"

static void *
keep(struct cidx_ws_mem *m, void *p)
{
	ALLOC_GROW(m->p, m->n + 1, m->cap);
	m->p[m->n++] = p;
	return p;
}

static void *
alloc(struct cidx_ws_mem *m, size_t n, size_t size)
{
	return keep(m, cidx_xcalloc(n ? n : 1, size));
}

void *
cidx_ws_mem_alloc(struct cidx_ws_mem *m, size_t n, size_t size)
{
	return alloc(m, n, size);
}

void *
cidx_ws_mem_keep(struct cidx_ws_mem *m, void *p)
{
	return keep(m, p);
}

void
cidx_ws_mem_release(struct cidx_ws_mem *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->p[i]);
	free(m->p);
	memset(m, 0, sizeof(*m));
}

const char *
cidx_ws_chart_unit_name(const struct cidx_ws_chart *c,
    const struct cidx_unit *u)
{
	if (c->names && u >= c->ds->unit && u < c->ds->unit + c->ds->n_units)
		return c->names[u - c->ds->unit];
	return cidx_ws_unit_name1(u, c->lang == CIDX_LANG_ZH);
}

const char *
cidx_ws_chart_node_name(const struct cidx_ws_chart *c, size_t node)
{
	const struct cidx_node *nd = &c->fw->node[node];
	const char *a = c->lang == CIDX_LANG_EN ? nd->name_en : nd->name_zh;
	const char *b = c->lang == CIDX_LANG_EN ? nd->name_zh : nd->name_en;

	return a && *a ? a : b && *b ? b : nd->code;
}

char *
cidx_ws_chart_title(const struct cidx_ws_chart *c,
    const struct cidx_chart_type *type,
    const char *unit, struct cidx_ws_mem *m)
{
	const char *idx = cidx_ws_chart_node_name(c, c->fw->root);
	enum cidx_lang l = c->lang;
	size_t top = c->top && c->top < c->r->n_ranked ? c->top :
	    c->r->n_ranked;
	struct sbuf sb = SBUF_INIT;

	if (top > CIDX_WS_BARS_MAX)	/* the subtitle says how many more */
		top = CIDX_WS_BARS_MAX;

	if (type == &cidx_chart_tiers)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_TIERS, idx, c->year, top);
	else if (type == &cidx_chart_pillars)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_PILLARS, idx, c->year);
	else if (type == &cidx_chart_movers)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_MOVERS, idx, c->cyear,
		    c->year);
	else if (type == &cidx_chart_heatmap)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_HEATMAP, idx, c->year);
	else if (type == &cidx_chart_profile)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_PROFILE, idx, c->year, unit,
		    cidx_msg_noun(l, cidx_ws_unit_noun(c->ws), 1));
	else if (type == &cidx_chart_map)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_MAP, idx, c->year);
	else if (type == &cidx_chart_uncert)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_UNCERT, idx, c->year);
	else if (type == &cidx_chart_trend)
		cidx_msg_add(&sb, l, CIDX_MSG_TITLE_TREND, idx, c->year,
		    top > CIDX_WS_TREND_MAX ? CIDX_WS_TREND_MAX : top);
	return keep(m, cidx_sbuf_detach(&sb));
}

char *
cidx_ws_chart_scores_title(const struct cidx_ws_chart *c, int indicators,
    struct cidx_ws_mem *m)
{
	const char *idx = cidx_ws_chart_node_name(c, c->fw->root);
	struct sbuf sb = SBUF_INIT;

	cidx_msg_add(&sb, c->lang, CIDX_MSG_TITLE_SCORES, idx, c->year,
	    cidx_msg_noun(c->lang, cidx_ws_unit_noun(c->ws), 1),
	    cidx_msg(c->lang, indicators ? CIDX_MSG_BY_INDICATOR :
	    CIDX_MSG_BY_PILLAR));
	return keep(m, cidx_sbuf_detach(&sb));
}

void
cidx_ws_chart_init(struct cidx_ws_chart *c, struct cidx_ws *ws,
    const struct cidx_ws_ranking *k, const struct cidx_tierspec *ts,
    size_t top, enum cidx_plot_lang lang)
{
	memset(c, 0, sizeof(*c));
	c->ws = ws;
	c->fw = cidx_ws_framework(ws);
	c->year = k->year;
	c->cyear = k->cyear;
	c->ds = k->ds;
	c->rep = k->rep;
	c->r = k->r;
	c->mv = k->mv;
	c->ts = ts;
	c->top = top;
	c->lang = lang;
	c->names = k->names[lang == CIDX_LANG_ZH];
	c->labels = CIDX_WS_MAP_LABELS;
}

static size_t top_all(const struct cidx_ws_chart *c);

/* a figure of the top group cut at CIDX_WS_BARS_MAX units says how many
 * more there are (cityidx(1), chart) */
static void
add_more(struct sbuf *sb, const struct cidx_ws_chart *c)
{
	if (top_all(c) > CIDX_WS_BARS_MAX)
		cidx_msg_add(sb, c->lang, CIDX_MSG_BARS_MORE, sb->len ?
		    cidx_msg(c->lang, CIDX_MSG_SEMI) : "", CIDX_WS_BARS_MAX,
		    cidx_msg_noun(c->lang, cidx_ws_unit_noun(c->ws), 1),
		    top_all(c) - CIDX_WS_BARS_MAX);
}

/* the subtitle of a chart of `type`; `cut`: the figure draws at
 * most CIDX_WS_BARS_MAX units of the top group */
static char *
subtitle(const struct cidx_ws_chart *c, const struct cidx_chart_type *type,
    int cut, struct cidx_ws_mem *m)
{
	struct sbuf sb = SBUF_INIT;
	int zh = c->lang == CIDX_LANG_ZH;
	char *gap = cidx_ws_gap_text(c->fw, c->rep, c->year, zh);

	if (gap)
		cidx_sbuf_adds(&sb, gap);
	free(gap);
	if ((type->needs & CIDX_CHART_NEEDS_MOVEMENT) && c->mv &&
	    c->mv->basis == CIDX_BASIS_COMMON)
		cidx_sbuf_addf(&sb, zh ? "%s两年的排名均按两年都有数据的%d项指标计算"
		    "（%d年共%d项）" : "%sboth years ranked on the %d "
		    "indicators with data in both (of %d in %d)", sb.len ?
		    (zh ? "；" : "; ") : "", c->mv->shared,
		    zh ? c->year : c->mv->n_cur, zh ? c->mv->n_cur : c->year);
	if (cut)
		add_more(&sb, c);
	if (sb.len == 0) {
		cidx_sbuf_release(&sb);
		return NULL;
	}
	return keep(m, cidx_sbuf_detach(&sb));
}

char *
cidx_ws_chart_subtitle(const struct cidx_ws_chart *c,
    const struct cidx_chart_type *type,
    struct cidx_ws_mem *m)
{
	return subtitle(c, type, type == &cidx_chart_tiers ||
	    type == &cidx_chart_pillars, m);
}

char *
cidx_ws_chart_scores_note(const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m)
{
	return subtitle(c, &cidx_chart_heatmap, 1, m);
}

char *
cidx_ws_chart_footer(const struct cidx_ws_chart *c, struct cidx_ws_mem *m)
{
	struct sbuf sb = SBUF_INIT;

	cidx_sbuf_adds(&sb, "cityidx ");
	cidx_ws_method_line(c->ws, c->lang, &sb);
	return keep(m, cidx_sbuf_detach(&sb));
}

/* the units of the top group (ties at the boundary included), all ranked
 * units with top 0 */
static size_t
top_all(const struct cidx_ws_chart *c)
{
	size_t n = c->r->n_ranked;

	if (c->top == 0)
		return n;
	for (size_t p = 0; p < c->r->n_ranked; p++)
		if ((size_t)c->r->rank[c->r->order[p]] > c->top)
			return p;
	return n;
}

/* the units a bar chart draws: the top group, at most CIDX_WS_BARS_MAX */
static size_t
top_n(const struct cidx_ws_chart *c)
{
	size_t n = top_all(c);

	return n > CIDX_WS_BARS_MAX ? CIDX_WS_BARS_MAX : n;
}

int
cidx_ws_chart_tiers(struct cidx_tiers *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_ranking *r = c->r;
	size_t n = top_n(c), root = c->fw->root;
	struct cidx_tier_unit *u = alloc(m, n, sizeof(*u));

	for (size_t p = 0; p < n; p++) {
		size_t i = r->order[p];

		u[p].rank = r->rank[i];
		u[p].name = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		u[p].score = gsl_matrix_get(r->s, i, root);
		u[p].tier = r->tier[i];
	}
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = n;
	out->n_tiers = c->ts ? c->ts->k : 0;
	(void)err;
	return 0;
}

/* the pillars: the children of the index */
static size_t
pillars(const struct cidx_framework *fw, size_t *node)
{
	size_t k = 0;

	for (size_t q = fw->child_off[fw->root];
	    q < fw->child_off[fw->root + 1]; q++)
		node[k++] = fw->child[q];
	return k;
}

/* the pillars some ranked unit has a score for */
static size_t
pillars_with_data(const struct cidx_ws_chart *c, size_t *node)
{
	size_t k = 0, all = pillars(c->fw, node);

	for (size_t q = 0; q < all; q++)
		for (size_t p = 0; p < c->r->n_ranked; p++)
			if (!isnan(gsl_matrix_get(c->r->s, c->r->order[p],
			    node[q]))) {
				node[k++] = node[q];
				break;
			}
	return k;
}

int
cidx_ws_chart_pillars(struct cidx_pillars *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	const struct cidx_ranking *r = c->r;
	const struct cidx_method *meth = cidx_engine_method(cidx_ws_engine(c->ws));
	size_t n = top_n(c), *node = alloc(m, fw->n, sizeof(size_t));
	size_t k = pillars_with_data(c, node), *all = alloc(m, fw->n,
	    sizeof(size_t)), na = pillars(fw, all);
	size_t *colour = alloc(m, k + 1, sizeof(size_t));
	const char **names = alloc(m, n, sizeof(char *));
	const char **pnames = alloc(m, k, sizeof(char *));
	double *contrib = alloc(m, n * k, sizeof(double));
	double *score = alloc(m, n, sizeof(double));

	if (!cidx_method_all_arith(meth, fw->top_level))
		return cidx_err_set(err, CIDX_EOPTION, "the pillars chart "
		    "splits scores into sums: it needs arithmetic aggregation at every level (not "
		    "geom, harm or an index method such as TOPSIS)");
	for (size_t q = 0; q < k; q++) {
		pnames[q] = cidx_ws_chart_node_name(c, node[q]);
		/* its colour: its place among all the pillars */
		for (size_t a = 0; a < na; a++)
			if (all[a] == node[q])
				colour[q] = a;
	}
	for (size_t p = 0; p < n; p++) {
		size_t i = r->order[p];
		struct cidx_contrib *ct;

		cidx_contributions(&ct, fw, cidx_engine_weights(cidx_ws_engine(c->ws)),
		    r->s, i);
		names[p] = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		score[p] = gsl_matrix_get(r->s, i, fw->root);
		for (size_t q = 0; q < k; q++)
			contrib[p * k + q] = isnan(ct->contrib[node[q]]) ? 0 :
			    ct->contrib[node[q]];
		cidx_contrib_free(ct);
	}
	memset(out, 0, sizeof(*out));
	out->names = names;
	out->n = n;
	out->pillars = pnames;
	out->m = k;
	out->colour = colour;
	out->contrib = contrib;
	out->score = score;
	return 0;
}

int
cidx_ws_chart_movers(struct cidx_movers *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_movement *mv = c->mv;
	const struct cidx_ranking *r = c->r;
	size_t N = c->top ? c->top : r->n_ranked, k = 0;
	struct cidx_mover *u;

	if (mv == NULL)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no earlier year to "
		    "compare %d with", c->year);
	if (mv->basis == CIDX_BASIS_WITHHELD)
		return cidx_err_set(err, CIDX_EOPTION, "movement against %d "
		    "withheld: %s", c->cyear, mv->why);
	u = alloc(m, r->n_ranked, sizeof(*u));
	/* the top N now, wherever they came from */
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_move *v = &mv->mv[i];

		if (v->basis_rank == 0 || (size_t)r->rank[i] > N)
			continue;
		u[k].name = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		/* the published ranks (those of the tiers chart), the change
		 * among the units ranked in both years */
		u[k].rank_before = v->prev;
		u[k].rank_now = r->rank[i];
		u[k].change = v->change;
		u[k].flag = v->dark ? CIDX_MOVER_DARK_HORSE : v->entrant ?
		    CIDX_MOVER_NEW_ENTRANT : CIDX_MOVER_NONE;
		u[k].no_data_before = v->prev == 0 &&
		    v->prev_status == CIDX_PREV_NODATA;
		k++;
	}
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = k;
	out->year_before = c->cyear;
	out->year_now = c->year;
	return 0;
}

int
cidx_ws_chart_heatmap(struct cidx_heatmap *out, const struct cidx_ws_chart *c,
    int indicators, struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	size_t *node = alloc(m, fw->n, sizeof(size_t)), k = 0;
	const char **labels;
	double *R;

	if (indicators) {
		for (size_t j = 0; j < fw->n_ind; j++)
			if (c->r->skipped[j] == 0)
				node[k++] = fw->ind[j];
	} else {
		k = pillars_with_data(c, node);
	}
	if (k < 2)
		return cidx_err_set(err, CIDX_EOPTION, "a correlation matrix "
		    "needs two %s with data in %d", indicators ? "indicators" : "pillars", c->year);
	labels = alloc(m, k, sizeof(char *));
	R = alloc(m, k * k, sizeof(double));
	for (size_t q = 0; q < k; q++)
		labels[q] = cidx_ws_chart_node_name(c, node[q]);
	cidx_ranking_correlations(c->r, node, k, R);
	memset(out, 0, sizeof(*out));
	out->labels = labels;
	out->k = k;
	out->r = R;
	return 0;
}

/* the rows of unit `row`'s profile: each pillar, then its indicators */
static size_t
profile_rows(struct cidx_profile_row *rows, const struct cidx_ws_chart *c,
    long row, struct cidx_ws_mem *m)
{
	const struct cidx_framework *fw = c->fw;
	size_t *node = alloc(m, fw->n, sizeof(size_t)), k = pillars(fw, node);
	double *med = alloc(m, fw->n, sizeof(double));
	long *pil = alloc(m, fw->n_ind, sizeof(long));
	size_t n = 0;

	cidx_ranking_medians(fw, c->r, med);
	cidx_pillars(fw, pil);
	for (size_t q = 0; q < k; q++) {
		size_t p = node[q];

		rows[n].name_zh = fw->node[p].name_zh;
		rows[n].name_en = fw->node[p].name_en;
		rows[n].indicator = 0;
		rows[n].value = gsl_matrix_get(c->r->s, (size_t)row, p);
		rows[n].median = med[p];
		if (!rows[n].name_zh && !rows[n].name_en)
			rows[n].name_en = fw->node[p].code;
		n++;
		for (size_t j = 0; j < fw->n_ind; j++) {
			size_t i = fw->ind[j];

			if (pil[j] != (long)p)
				continue;
			rows[n].name_zh = fw->node[i].name_zh;
			rows[n].name_en = fw->node[i].name_en;
			if (!rows[n].name_zh && !rows[n].name_en)
				rows[n].name_en = fw->node[i].code;
			rows[n].indicator = 1;
			rows[n].value = gsl_matrix_get(c->r->s, (size_t)row, i);
			rows[n].median = med[i];
			n++;
		}
	}
	return n;
}

int
cidx_ws_chart_profile(struct cidx_profile *out, const struct cidx_ws_chart *c,
    const char *code, struct cidx_ws_mem *m, struct cidx_err *err)
{
	struct cidx_profile_row *rows;
	long row;
	int ret;

	if ((ret = cidx_ws_find_unit(&row, c->ws, c->year, code, err)) < 0)
		return ret;
	if (c->r->rank[row] == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is not "
		    "ranked in %d", code, c->year);
	rows = alloc(m, c->fw->n, sizeof(*rows));
	memset(out, 0, sizeof(*out));
	out->unit = cidx_ws_chart_unit_name(c, &c->ds->unit[row]);
	out->rows = rows;
	out->n = profile_rows(rows, c, row, m);
	return 0;
}

int
cidx_ws_chart_uncert(struct cidx_uncert *out, const struct cidx_ws_chart *c,
    const struct cidx_mc_result *mc, struct cidx_ws_mem *m,
    struct cidx_err *err)
{
	const struct cidx_ranking *r = mc->nominal;
	struct cidx_uncert_unit *u = alloc(m, r->n_ranked,
	    sizeof(*u));
	size_t n = 0;

	/* a unit never ranked in a draw has no interval to draw */
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];

		if (isnan(mc->median[i]))
			continue;
		u[n].name = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		u[n].rank = r->rank[i];
		u[n].p05 = mc->q05[i];
		u[n].p50 = mc->median[i];
		u[n++].p95 = mc->q95[i];
	}
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = n;
	out->top = c->top;
	if (n == 0)
		return cidx_err_set(err, CIDX_EOPTION, "no unit has a rank in "
		    "the draws of %d", c->year);
	return 0;
}

char *
cidx_ws_chart_uncert_note(const struct cidx_ws_chart *c,
    const struct cidx_mc_result *mc,
    struct cidx_ws_mem *m)
{
	struct sbuf sb = SBUF_INIT;

	cidx_msg_add(&sb, c->lang, CIDX_MSG_MC_DRAWS, mc->draws);
	cidx_ws_mc_words(mc, c->fw, c->lang, cidx_ws_unit_noun(c->ws), &sb);
	return keep(m, cidx_sbuf_detach(&sb));
}

/* what each chart type's data is */
union chart_data {
	struct cidx_tiers tiers;
	struct cidx_pillars pillars;
	struct cidx_movers movers;
	struct cidx_heatmap heatmap;
	struct cidx_profile profile;
	struct cidx_map map;
	struct cidx_uncert uncert;
	struct cidx_trend trend;
};

int
cidx_ws_chart_data(struct cidx_chart *out, const char **unit,
    const struct cidx_ws_chart *c, const struct cidx_chart_type *t,
    const struct cidx_ws_chart_opts *o, struct cidx_ws_mem *m,
    struct cidx_err *err)
{
	union chart_data *d = alloc(m, 1, sizeof(*d));
	int ret;

	out->type = t;
	out->data = d;
	*unit = NULL;
	if (t == &cidx_chart_tiers)
		return cidx_ws_chart_tiers(&d->tiers, c, m, err);
	if (t == &cidx_chart_pillars)
		return cidx_ws_chart_pillars(&d->pillars, c, m, err);
	if (t == &cidx_chart_movers)
		return cidx_ws_chart_movers(&d->movers, c, m, err);
	if (t == &cidx_chart_heatmap && o->units)
		return cidx_ws_chart_scores(&d->heatmap, c, o->indicators,
		    top_n(c), m, err);
	if (t == &cidx_chart_heatmap)
		return cidx_ws_chart_heatmap(&d->heatmap, c, o->indicators, m,
		    err);
	if (t == &cidx_chart_profile) {
		if ((ret = cidx_ws_chart_profile(&d->profile, c, o->unit, m,
		    err)) == 0)
			*unit = d->profile.unit;
		return ret;
	}
	if (t == &cidx_chart_map)
		return cidx_ws_chart_map(&d->map, c, o->fill, m, err);
	if (t == &cidx_chart_uncert)
		return cidx_ws_chart_uncert(&d->uncert, c, o->mc, m, err);
	if (t == &cidx_chart_trend)
		return cidx_ws_chart_trend(&d->trend, c, m, err);
	return cidx_err_set(err, CIDX_EINVAL, "chart type '%s' has no data",
	    t->name);
}
