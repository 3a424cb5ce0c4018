/*
 * chartdata.c - plot inputs from the library's results (chartdata.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "calc/explain.h"
#include "cli/chartdata.h"
#include "cli/yearopt.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "core/mem.h"

static void *
keep(struct chart_mem *m, void *p)
{
	ALLOC_GROW(m->p, m->n + 1, m->cap);
	m->p[m->n++] = p;
	return p;
}

static void *
alloc(struct chart_mem *m, size_t n, size_t size)
{
	return keep(m, cidx_xcalloc(n ? n : 1, size));
}

void *
chart_mem_alloc(struct chart_mem *m, size_t n, size_t size)
{
	return alloc(m, n, size);
}

void *
chart_mem_keep(struct chart_mem *m, void *p)
{
	return keep(m, p);
}

void
chart_mem_release(struct chart_mem *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->p[i]);
	free(m->p);
	memset(m, 0, sizeof(*m));
}

const char *
chart_unit_name(const struct chart_ctx *c, const struct cidx_unit *u)
{
	const char *a = c->lang == CIDX_LANG_EN ? u->name_en : u->name;
	const char *b = c->lang == CIDX_LANG_EN ? u->name : u->name_en;

	return a && *a ? a : b && *b ? b : u->code;
}

const char *
chart_node_name(const struct chart_ctx *c, size_t node)
{
	const struct cidx_node *nd = &c->e->fw->node[node];
	const char *a = c->lang == CIDX_LANG_EN ? nd->name_en : nd->name_zh;
	const char *b = c->lang == CIDX_LANG_EN ? nd->name_zh : nd->name_en;

	return a && *a ? a : b && *b ? b : nd->code;
}

char *
chart_title(const struct chart_ctx *c, const struct cidx_chart_type *type,
    const char *unit, struct chart_mem *m)
{
	const char *idx = chart_node_name(c, c->e->fw->root);
	int zh = c->lang == CIDX_LANG_ZH;
	size_t top = c->top && c->top < c->r->n_ranked ? c->top :
	    c->r->n_ranked;
	struct sbuf sb = SBUF_INIT;

	if (type == &cidx_chart_tiers)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：前%zu名梯队" :
		    "%s %d: the top %zu by tier", idx, c->year, top);
	else if (type == &cidx_chart_pillars)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：各支柱的贡献" :
		    "%s %d: what each pillar contributes", idx, c->year);
	else if (type == &cidx_chart_movers)
		cidx_sbuf_addf(&sb, zh ? "%s：%d年至%d年的排名变化" :
		    "%s: rank changes from %d to %d", idx, c->cyear, c->year);
	else if (type == &cidx_chart_heatmap)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：相关系数" :
		    "%s %d: correlations", idx, c->year);
	else if (type == &cidx_chart_profile)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：%s与全部城市的中位数" :
		    "%s %d: %s against the median of all units", idx, c->year,
		    unit);
	else if (type == &cidx_chart_map)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：地图" : "%s %d: map", idx,
		    c->year);
	else if (type == &cidx_chart_uncert)
		cidx_sbuf_addf(&sb, zh ? "%s %d年：排名的不确定性" :
		    "%s %d: how certain the ranks are", idx, c->year);
	return keep(m, cidx_sbuf_detach(&sb));
}

void
chart_ctx_init(struct chart_ctx *c, struct cli_ranked *k, size_t top,
    enum cidx_plot_lang lang)
{
	memset(c, 0, sizeof(*c));
	c->e = &k->e;
	c->year = k->year;
	c->cyear = k->cyear;
	c->ds = k->ds;
	c->rep = k->rep;
	c->r = k->r;
	c->mv = k->mv;
	c->ts = &k->ts;
	c->top = top;
	c->lang = lang;
	c->labels = CHART_MAP_LABELS;
}

char *
chart_subtitle(const struct chart_ctx *c, const struct cidx_chart_type *type,
    struct chart_mem *m)
{
	struct sbuf sb = SBUF_INIT;
	int zh = c->lang == CIDX_LANG_ZH;
	char *gap = cli_gap_text(c->e->fw, c->rep, c->year, zh);

	if (gap)
		cidx_sbuf_adds(&sb, gap);
	free(gap);
	if ((type->needs & CIDX_CHART_NEEDS_MOVEMENT) && c->mv &&
	    c->mv->basis == CIDX_BASIS_COMMON)
		cidx_sbuf_addf(&sb, zh ? "%s两年的排名均按两年都有数据的%d项指标计算"
		    "（%d年共%d项）" : "%sboth years ranked on the %d "
		    "indicators with data in both (of %d in %d)", sb.len ?
		    (zh ? "；" : "; ") : "", c->mv->shared, c->year,
		    c->mv->n_cur);
	if (sb.len == 0) {
		cidx_sbuf_release(&sb);
		return NULL;
	}
	return keep(m, cidx_sbuf_detach(&sb));
}

char *
chart_footer(const struct chart_ctx *c, struct chart_mem *m)
{
	struct sbuf sb = SBUF_INIT;

	cidx_sbuf_adds(&sb, "cityidx: ");
	cli_engine_describe(c->e, &sb);
	return keep(m, cidx_sbuf_detach(&sb));
}

static size_t
top_n(const struct chart_ctx *c)
{
	size_t n = c->r->n_ranked;

	if (c->top == 0)
		return n;
	/* the units ranked <= top, ties at the boundary included */
	for (size_t p = 0; p < c->r->n_ranked; p++)
		if ((size_t)c->r->rank[c->r->order[p]] > c->top)
			return p;
	return n;
}

int
chart_tiers(const struct chart_ctx *c, struct cidx_tiers *out,
    struct chart_mem *m)
{
	const struct cidx_ranking *r = c->r;
	size_t n = top_n(c), root = c->e->fw->root;
	struct cidx_tier_unit *u = alloc(m, n, sizeof(*u));

	for (size_t p = 0; p < n; p++) {
		size_t i = r->order[p];

		u[p].rank = r->rank[i];
		u[p].name = chart_unit_name(c, &c->ds->unit[i]);
		u[p].score = gsl_matrix_get(r->s, i, root);
		u[p].tier = r->tier[i];
	}
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = n;
	out->n_tiers = c->ts ? c->ts->k : 0;
	return CLI_OK;
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
pillars_with_data(const struct chart_ctx *c, size_t *node)
{
	size_t k = 0, all = pillars(c->e->fw, node);

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
chart_pillars(const struct chart_ctx *c, struct cidx_pillars *out,
    struct chart_mem *m)
{
	const struct cidx_framework *fw = c->e->fw;
	const struct cidx_ranking *r = c->r;
	const struct cidx_method *meth = cidx_engine_method(c->e->eng);
	size_t n = top_n(c), *node = alloc(m, fw->n, sizeof(size_t));
	size_t k = pillars_with_data(c, node);
	const char **names = alloc(m, n, sizeof(char *));
	const char **pnames = alloc(m, k, sizeof(char *));
	double *contrib = alloc(m, n * k, sizeof(double));
	double *score = alloc(m, n, sizeof(double));

	if (!cidx_method_all_arith(meth, fw->top_level))
		return cli_error("the pillars chart splits scores into sums: "
		    "it needs arithmetic aggregation at every level (not "
		    "geom, harm or an index method such as TOPSIS)");
	for (size_t q = 0; q < k; q++)
		pnames[q] = chart_node_name(c, node[q]);
	for (size_t p = 0; p < n; p++) {
		size_t i = r->order[p];
		struct cidx_contrib *ct;

		cidx_contributions(&ct, fw, cidx_engine_weights(c->e->eng),
		    r->s, i);
		names[p] = chart_unit_name(c, &c->ds->unit[i]);
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
	out->contrib = contrib;
	out->score = score;
	return CLI_OK;
}

int
chart_movers(const struct chart_ctx *c, struct cidx_movers *out,
    struct chart_mem *m)
{
	const struct cidx_movement *mv = c->mv;
	const struct cidx_ranking *r = c->r;
	size_t N = c->top ? c->top : r->n_ranked, k = 0;
	struct cidx_mover *u;

	if (mv == NULL)
		return cli_error("no earlier year to compare %d with", c->year);
	if (mv->basis == CIDX_BASIS_WITHHELD)
		return cli_error("movement against %d withheld: %s", c->cyear,
		    mv->why);
	u = alloc(m, r->n_ranked, sizeof(*u));
	/* the top N now, wherever they came from */
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_move *v = &mv->mv[i];

		if (v->basis_rank == 0 || (size_t)r->rank[i] > N)
			continue;
		u[k].name = chart_unit_name(c, &c->ds->unit[i]);
		/* the published ranks (those of the tiers chart), the change
		 * among the units ranked in both years */
		u[k].rank_before = v->prev;
		u[k].rank_now = r->rank[i];
		u[k].change = v->change;
		u[k].flag = v->dark ? CIDX_MOVER_DARK_HORSE : v->entrant ?
		    CIDX_MOVER_NEW_ENTRANT : CIDX_MOVER_NONE;
		k++;
	}
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = k;
	out->year_before = c->cyear;
	out->year_now = c->year;
	return CLI_OK;
}

int
chart_heatmap(const struct chart_ctx *c, int indicators,
    struct cidx_heatmap *out, struct chart_mem *m)
{
	const struct cidx_framework *fw = c->e->fw;
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
		return cli_error("a correlation matrix needs two %s with data "
		    "in %d", indicators ? "indicators" : "pillars", c->year);
	labels = alloc(m, k, sizeof(char *));
	R = alloc(m, k * k, sizeof(double));
	for (size_t q = 0; q < k; q++)
		labels[q] = chart_node_name(c, node[q]);
	cidx_ranking_correlations(c->r, node, k, R);
	memset(out, 0, sizeof(*out));
	out->labels = labels;
	out->k = k;
	out->r = R;
	return CLI_OK;
}

int
chart_profile(const struct chart_ctx *c, long row, struct cidx_profile *out,
    struct chart_mem *m)
{
	const struct cidx_framework *fw = c->e->fw;
	size_t *node = alloc(m, fw->n, sizeof(size_t)), k = pillars(fw, node);
	struct cidx_profile_row *rows = alloc(m, fw->n, sizeof(*rows));
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
	memset(out, 0, sizeof(*out));
	out->unit = chart_unit_name(c, &c->ds->unit[row]);
	out->rows = rows;
	out->n = n;
	return CLI_OK;
}

int
chart_uncert(const struct chart_ctx *c, const struct cidx_mc_result *mc,
    struct cidx_uncert *out, struct chart_mem *m)
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
		u[n].name = chart_unit_name(c, &c->ds->unit[i]);
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
		return cli_error("no unit has a rank in the draws of %d",
		    c->year);
	return CLI_OK;
}

char *
chart_uncert_note(const struct chart_ctx *c, const struct cidx_mc_result *mc,
    struct chart_mem *m)
{
	struct sbuf sb = SBUF_INIT;

	cidx_sbuf_addf(&sb, c->lang == CIDX_LANG_ZH ? "%zu次蒙特卡洛模拟：" :
	    "%zu Monte Carlo draws: ", mc->draws);
	cli_mc_describe(mc, c->e->fw, c->lang == CIDX_LANG_ZH, &sb);
	return keep(m, cidx_sbuf_detach(&sb));
}
