/*
 * cmd_report.c - a multi-page A4 PDF of one year's ranking: a title page
 * with the method summary, the full ranking (every unit, its tier,
 * pillar scores, coverage and movement) on pages with a repeated header,
 * the tiers, pillars, movers and map figures, an audit summary, and a
 * method appendix with the formulas and the weights used.  The numbers
 * are those `rank` prints for the same options; the pages are the plot
 * layer's (plot/doc.h).
 */
#include <stddef.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "calc/effweight.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/optgroups.h"
#include "cli/report.h"
#include "cli/yearopt.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/explainunit.h"
#include "ws/summary.h"
#include "version.h"

#define ZH(r) ((r)->c.lang == CIDX_LANG_ZH)

/* the units profiled and the attribute of the region tables (NULL:
 * none) */
struct report_pick {
	size_t *rows, n_rows;
	const char *region;
};

struct report_opts {
	struct cli_year_opts y;
	const char *output, *title, *font;
	const char *profiles, *by_region;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
};

static int
title_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	int r;

	(void)o;
	if ((r = cli_text_option(cmd, "--title", arg)) != 0)
		return r;
	*(const char **)field = arg;
	return 0;
}

/* --profiles N|all|UNIT,...: a count from 0 to 100000, all, or units
 * (found once the year is ranked) */
static int
profiles_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	size_t len = strlen(arg);

	(void)o;
	if (len == 0 || arg[0] == ',' || arg[len - 1] == ',' ||
	    strstr(arg, ",,") != NULL)
		return cli_usage_error(cmd, "--profiles '%s': expected a "
		    "number, 'all' or units separated by commas", arg);
	if (strspn(arg, "0123456789") == len && (len > 6 ||
	    atol(arg) > 100000))
		return cli_usage_error(cmd, "--profiles '%s': at most 100000",
		    arg);
	*(const char **)field = arg;
	return 0;
}

#define O struct report_opts
const struct cli_opt cmd_report_opts[] = {
	CLI_OPT_STRING("output", 'o', "FILE", O, output, "the PDF (default: "
	    "cityidx-report-YEAR.pdf)"),
	CLI_OPT_YEAR(O, y, "year to report (default: the latest with data)"),
	CLI_OPT_COMPARE("YEAR|none", O, y, "year of the movement (default: "
	    "the latest before)"),
	CLI_OPT_TOP(O, y, "the top group of tiers and figures (default 50)"),
	CLI_OPT_TIERS(O, y, "as for rank (default jenks:3)"),
	{ .kind = CLI_K_CALLBACK, .name = "dark-horse", .arg = "D",
	  .off = offsetof(O, y), .cb = cli_year_cb, .val = 'D',
	  .flags = CLI_OPTF_NOSYN, .help = "places climbed (default 20)" },
	CLI_OPT_LANG(O, y, "language of the report (default zh)"),
	CLI_OPT_UNIT_WORD(O, y),
	CLI_OPT_CALLBACK("title", "TEXT", O, title, title_cb, 0, "title "
	    "(default: the index's name and year)"),
	CLI_OPT_STRING("font", 0, "FAMILY", O, font, "font family (default "
	    "Noto Sans CJK SC)"),
	CLI_OPT_CALLBACK("profiles", "N|all|UNIT,...", O, profiles,
	    profiles_cb, 0, "unit profiles: the top N (default 10), all, "
	    "or the units named"),
	CLI_OPT_STRING("by-region", 0, "ATTR|auto", O, by_region, "a "
	    "ranking within each region of attribute ATTR (auto: province, "
	    "country or region)"),
	CLI_OPT_HELP,
	CLI_OPT_TEXT("\nwith --draws or an uncertain input, a page of rank "
	    "uncertainty:"),
	CLI_OPT_GROUP(cli_mc_group, O, mc),
	CLI_OPT_GROUP(cli_method_group, O, mo),
	CLI_OPT_END,
};
#undef O

/* the columns of the ranking: rank, name, tier, score, the pillars,
 * coverage, then the movement's */
static void
ranking_cols(struct report *r, struct cidx_doc_col *cols, size_t np,
    int moves)
{
	const struct cidx_framework *fw = r->c.fw;
	size_t c = 0;

	cols[c].header = ZH(r) ? "排名" : "rank";
	cols[c++].align = CIDX_ALIGN_RIGHT;
	cols[c++].header = ZH(r) ? "名称" : "name";
	cols[c].header = ZH(r) ? "梯队" : "tier";
	cols[c++].align = CIDX_ALIGN_RIGHT;
	cols[c].header = ZH(r) ? "得分" : "score";
	cols[c++].align = CIDX_ALIGN_RIGHT;
	for (size_t q = 0; q < np; q++) {
		cols[c].header = cidx_ws_chart_node_name(&r->c,
		    fw->child[fw->child_off[fw->root] + q]);
		cols[c++].align = CIDX_ALIGN_RIGHT;
	}
	cols[c].header = ZH(r) ? "覆盖率" : "cover";
	cols[c++].align = CIDX_ALIGN_RIGHT;
	/* the ranks among the units ranked in both years, whose difference
	 * is the change (cityidx(1), METHOD, Movement) */
	if (moves) {
		cols[c].header = ZH(r) ? "本年*" : "now*";
		cols[c++].align = CIDX_ALIGN_RIGHT;
		cols[c].header = ZH(r) ? "上年*" : "prev*";
		cols[c++].align = CIDX_ALIGN_RIGHT;
		cols[c].header = ZH(r) ? "变化" : "change";
		cols[c++].align = CIDX_ALIGN_RIGHT;
	}
}

/* the cells of unit i */
static void
ranking_row(struct report *r, const char **row, size_t i, size_t np,
    int moves)
{
	const struct cidx_framework *fw = r->c.fw;
	const struct cidx_ranking *rk = r->c.r;
	const struct cidx_move *m = moves ? &r->c.mv->mv[i] : NULL;
	char pct[16];
	size_t c = 0;

	row[c++] = report_fmt(r, "%d", rk->rank[i]);
	row[c++] = cidx_ws_chart_unit_name(&r->c, &r->c.ds->unit[i]);
	row[c++] = rk->tier[i] ? report_fmt(r, "%d", rk->tier[i]) : NULL;
	row[c++] = report_num2(r, gsl_matrix_get(rk->s, i, fw->root));
	for (size_t q = 0; q < np; q++)
		row[c++] = report_num2(r, gsl_matrix_get(rk->s, i,
		    fw->child[fw->child_off[fw->root] + q]));
	cidx_num_fmt_percent(pct, sizeof(pct), r->c.rep->coverage[i]);
	row[c++] = report_fmt(r, "%s", pct);
	if (m == NULL)
		return;
	row[c++] = m->now_common ? report_fmt(r, "%d", m->now_common) : NULL;
	row[c++] = m->prev_common ? report_fmt(r, "%d", m->prev_common) : NULL;
	row[c++] = m->has_change ? (m->change ? report_fmt(r, "%+d", m->change) :
	    "0") : m->prev_status == CIDX_PREV_SCREENED ? (ZH(r) ?
	    "数据不足" : "too little data") : (ZH(r) ? "无数据" : "no data");
}

/* the full ranking, one row per ranked unit */
static int
ranking_table(struct report *r, struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	const struct cidx_ranking *rk = r->c.r;
	const struct cidx_movement *mv = r->c.mv;
	int moves = mv && mv->basis != CIDX_BASIS_WITHHELD;
	size_t np = fw->child_off[fw->root + 1] - fw->child_off[fw->root];
	size_t nc = 4 + np + 1 + (moves ? 3 : 0);
	struct cidx_doc_col *cols = cidx_xcalloc(nc, sizeof(*cols));
	const char **cells = cidx_xcalloc(nc * (rk->n_ranked ? rk->n_ranked : 1),
	    sizeof(char *));
	int ret;

	ranking_cols(r, cols, np, moves);
	for (size_t p = 0; p < rk->n_ranked; p++)
		ranking_row(r, &cells[p * nc], rk->order[p], np, moves);
	ret = cidx_doc_table(doc, ZH(r) ? "排名" : "Ranking", cols, nc, cells,
	    rk->n_ranked, err);
	free(cols);
	free(cells);
	return ret;
}

/* per aggregate: its children with data, Cronbach's alpha, PC1's share */
static int
audit_table(struct report *r, struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	const struct cidx_method *m = cidx_engine_method(cidx_ws_engine(r->c.ws));
	struct cidx_audit_row *rows = cidx_xcalloc(fw->n, sizeof(*rows));
	struct cidx_doc_col cols[6] = {
		{ ZH(r) ? "代码" : "code", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "名称" : "name", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "层" : "level", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "与上级相关" : "r with parent", CIDX_ALIGN_RIGHT },
		{ "Cronbach α", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "第一主成分" : "PC1 share", CIDX_ALIGN_RIGHT },
	};
	const char **cells = cidx_xcalloc(6 * fw->n, sizeof(char *));
	size_t n = 0;
	int ret;

	cidx_audit(fw, r->c.ds, r->c.r, &m->treat_p, rows);
	for (int lv = fw->top_level; lv >= 1; lv--)
		for (size_t k = 0; k < fw->n; k++) {
			const char **row = &cells[n * 6];

			if (fw->node[k].level != lv)
				continue;
			row[0] = fw->node[k].code;
			row[1] = cidx_ws_chart_node_name(&r->c, k);
			row[2] = report_fmt(r, "%d", lv);
			row[3] = report_num2(r, rows[k].r_parent);
			row[4] = report_num2(r, rows[k].alpha);
			row[5] = report_num2(r, rows[k].pc1);
			n++;
		}
	ret = cidx_doc_table(doc, ZH(r) ? "统计审查" : "Statistical audit",
	    cols, 6, cells, n, err);
	free(rows);
	free(cells);
	return ret;
}

/* the weights page: as set, and nominal, effective and importance in
 * the year side by side, the nodes without weight marked (cityidx(1),
 * METHOD, Effective weights and importance) */
static int
weights_table(struct report *r, struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	const double *w = cidx_engine_weights(cidx_ws_engine(r->c.ws));
	struct cidx_effweights *ew;
	struct cidx_doc_col cols[7] = {
		{ ZH(r) ? "代码" : "code", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "名称" : "name", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "上级" : "parent", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "权重" : "weight", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "名义占比" : "nominal", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "实际占比" : "effective", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "重要性" : "importance", CIDX_ALIGN_RIGHT },
	};
	const char **cells = cidx_xcalloc(7 * fw->n, sizeof(char *));
	size_t n = 0;
	int ret;

	cidx_effweights_compute(&ew, fw, w, r->c.r);
	for (int lv = fw->top_level - 1; lv >= 1; lv--)
		for (size_t k = 0; k < fw->n; k++) {
			const char **row = &cells[n * 7];
			char b[40];

			if (fw->node[k].level != lv)
				continue;
			row[0] = fw->node[k].code;
			row[1] = cidx_ws_chart_node_name(&r->c, k);
			row[2] = fw->node[k].parent;
			cidx_num_shortest(b, sizeof(b), w[k]);
			row[3] = report_fmt(r, "%s", b);
			row[4] = report_fmt(r, "%.1f%%", 100 * ew->nominal[k]);
			row[5] = !ew->present[k] ? (ZH(r) ? "0（无数据）" :
			    "0 (no data)") : cidx_effweights_weightless(ew, k) ?
			    (ZH(r) ? "0（权重为0）" : "0 (weight 0)") :
			    report_fmt(r, "%.1f%%", 100 * ew->effective[k]);
			row[6] = isnan(ew->importance[k]) ? NULL : report_fmt(r,
			    "%.1f%%", 100 * ew->importance[k]);
			n++;
		}
	ret = cidx_doc_table(doc, ZH(r) ? "权重" : "Weights", cols, 7, cells,
	    n, err);
	cidx_effweights_free(ew);
	free(cells);
	return ret;
}

/* a page the data cannot support is left out, saying why */
static int
ok(int ret, const struct cidx_err *err)
{
	if (ret < 0)
		cli_error_core(err);
	return ret == 0;
}

/* the figure pages: every one the data support, and the Monte Carlo's
 * when there is one */
static int
figures(struct report *r, const struct cidx_mc_result *mc,
    struct cidx_doc *doc, struct cidx_err *err)
{
	struct cidx_uncert un;
	struct cidx_tiers t;
	struct cidx_pillars p;
	struct cidx_movers mv;
	struct cidx_map mp;
	struct cidx_chart ch;
	const struct cidx_method *m = cidx_engine_method(cidx_ws_engine(r->c.ws));
	struct cidx_err cerr = CIDX_ERR_INIT;
	int ret;

	(void)cidx_ws_chart_tiers(&t, &r->c, &r->mem, &cerr);
	ch.type = &cidx_chart_tiers;
	ch.data = &t;
	if ((ret = cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&r->c, ch.type, NULL,
	    &r->mem), cidx_ws_chart_subtitle(&r->c, ch.type, &r->mem), err)) < 0)
		return ret;
	if (cidx_method_all_arith(m, r->c.fw->top_level) &&
	    ok(cidx_ws_chart_pillars(&p, &r->c, &r->mem, &cerr), &cerr)) {
		ch.type = &cidx_chart_pillars;
		ch.data = &p;
		if ((ret = cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&r->c,
		    ch.type, NULL, &r->mem), cidx_ws_chart_subtitle(&r->c, ch.type,
		    &r->mem), err)) < 0)
			return ret;
	}
	if (r->c.mv && r->c.mv->basis != CIDX_BASIS_WITHHELD &&
	    ok(cidx_ws_chart_movers(&mv, &r->c, &r->mem, &cerr), &cerr)) {
		ch.type = &cidx_chart_movers;
		ch.data = &mv;
		if ((ret = cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&r->c,
		    ch.type, NULL, &r->mem), cidx_ws_chart_subtitle(&r->c, ch.type,
		    &r->mem), err)) < 0)
			return ret;
	}
	if (r->c.geo && r->c.geo->geom && ok(cidx_ws_chart_map(&mp, &r->c,
	    CIDX_MAP_TIER, &r->mem, &cerr), &cerr)) {
		ch.type = &cidx_chart_map;
		ch.data = &mp;
		if ((ret = cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&r->c,
		    ch.type, NULL, &r->mem), cidx_ws_chart_subtitle(&r->c, ch.type,
		    &r->mem), err)) < 0)
			return ret;
	}
	if (mc && ok(cidx_ws_chart_uncert(&un, &r->c, mc, &r->mem, &cerr),
	    &cerr)) {
		ch.type = &cidx_chart_uncert;
		ch.data = &un;
		if ((ret = cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&r->c,
		    ch.type, NULL, &r->mem), cidx_ws_chart_uncert_note(&r->c, mc,
		    &r->mem), err)) < 0)
			return ret;
	}
	return 0;
}

/* the ranks of the top 10 over the comparable years, when there are
 * earlier ones (a bump chart; cityidx(1), chart trend) */
static int
trend_page(struct report *r, struct cidx_doc *doc, struct cidx_err *err)
{
	struct cidx_ws_chart tc = r->c;
	struct cidx_err cerr = CIDX_ERR_INIT;
	struct cidx_trend t;
	struct cidx_chart ch;

	tc.top = CIDX_WS_TREND_TOP;
	if (cidx_ws_chart_trend(&t, &tc, &r->mem, &cerr) < 0)
		return 0;
	ch.type = &cidx_chart_trend;
	ch.data = &t;
	return cidx_doc_chart(doc, &ch, cidx_ws_chart_title(&tc, ch.type, NULL,
	    &r->mem), cidx_ws_chart_trend_note(&tc, &t, &r->mem), err);
}

/* the rows of the profiles: the top N (default 10), all, or the ranked
 * units named (by code or name, core/lookup.h), each once */
static int
profile_rows(struct report *r, const char *spec, size_t *rows, size_t *n)
{
	const struct cidx_ranking *rk = r->c.r;
	struct cidx_err err = CIDX_ERR_INIT;
	char *list, *save = NULL;
	int ret = CLI_OK;

	*n = 0;
	if (spec == NULL || strcmp(spec, "all") == 0 ||
	    strspn(spec, "0123456789") == strlen(spec)) {
		size_t want = spec == NULL ? 10 : strcmp(spec, "all") == 0 ?
		    rk->n_ranked : (size_t)atol(spec);

		for (size_t p = 0; p < rk->n_ranked && p < want; p++)
			rows[(*n)++] = rk->order[p];
		return CLI_OK;
	}
	list = cidx_xstrdup(spec);
	for (char *u = strtok_r(list, ",", &save); u && ret == CLI_OK;
	    u = strtok_r(NULL, ",", &save)) {
		long row;
		size_t k;

		if (cidx_ws_find_unit(&row, r->c.ws, r->c.year, u, &err) < 0)
			ret = cli_error("report --profiles: %s", err.msg);
		else if (rk->rank[row] == 0)
			ret = cli_error("report --profiles: unit '%s' is not "
			    "ranked in %d", u, r->c.year);
		for (k = 0; ret == CLI_OK && k < *n &&
		    rows[k] != (size_t)row; k++)
			;
		if (ret == CLI_OK && k == *n)
			rows[(*n)++] = (size_t)row;
	}
	free(list);
	return ret;
}

/* the attribute of --by-region: ATTR (that a ranked unit must carry),
 * auto (the first of province, country, region a unit carries, or
 * none) or NULL (none) */
static int
region_key(struct report *r, const char *arg, const char **key)
{
	*key = NULL;
	if (arg == NULL)
		return CLI_OK;
	*key = cidx_ws_region_key(&r->c, strcmp(arg, "auto") == 0 ? NULL :
	    arg);
	if (*key == NULL && strcmp(arg, "auto") != 0)
		return cli_error("report --by-region: no unit ranked in %d has "
		    "the attribute '%s'", r->c.year, arg);
	if (*key == NULL)
		cli_warn("report --by-region auto: no unit ranked in %d has "
		    "an attribute province, country or region", r->c.year);
	return CLI_OK;
}

/* the pages after the title, in order */
static int
pages(struct report *r, const struct report_pick *pk,
    const struct cidx_mc_result *mc, struct cidx_doc *doc,
    struct cidx_err *err)
{
	int ret;

	if ((ret = report_summary_page(r, doc, err)) < 0 ||
	    (ret = ranking_table(r, doc, err)) < 0 ||
	    (pk->region && (ret = report_regions(r, doc, pk->region,
	    err)) < 0) ||
	    (ret = figures(r, mc, doc, err)) < 0 ||
	    (ret = trend_page(r, doc, err)) < 0 ||
	    (ret = report_profiles(r, doc, pk->rows, pk->n_rows, err)) < 0 ||
	    (ret = audit_table(r, doc, err)) < 0)
		return ret;
	report_method(r, mc);
	if ((ret = cidx_doc_text(doc, ZH(r) ? "方法" : "Method", r->para,
	    r->n_para, err)) < 0 ||
	    (ret = weights_table(r, doc, err)) < 0)
		return ret;
	return report_appendix(r, doc, err);
}

static int
write_report(struct report *r, const struct report_opts *o,
    const struct report_pick *pk, const struct cidx_mc_result *mc,
    const char *path)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_plot_opts po = CIDX_PLOT_OPTS_INIT;
	struct cidx_doc *doc = NULL;
	const char *idx = cidx_ws_chart_node_name(&r->c, r->c.fw->root);
	char date[32];
	int ret;

	po.lang = o->y.lang;
	po.workspace = cli_workspace();
	if (cidx_ws_last_change(r->c.ws, date, &err) < 0)
		return cli_error_core(&err);
	po.date = date;
	if (o->font)
		po.font = o->font;
	po.title = o->title ? o->title : report_fmt(r, ZH(r) ? "%s %d年" :
	    "%s %d", idx, r->c.year);
	po.footer = report_fmt(r, "cityidx %s", CITYIDX_VERSION);
	if (cidx_doc_open(&doc, path, &po, &err) < 0)
		return cli_error_core(&err);
	report_summary(r);
	ret = cidx_doc_title_page(doc, po.title, ZH(r) ? "排名、梯队与变化" :
	    "Ranking, tiers and movement", r->c.mv && r->c.mv->basis !=
	    CIDX_BASIS_WITHHELD ? report_fmt(r, ZH(r) ?
	    "%d年数据，与%d年比较" : "Data for %d, compared with %d",
	    r->c.year, r->c.cyear) : report_fmt(r, ZH(r) ? "%d年数据" :
	    "Data for %d", r->c.year), r->para, r->n_para, &err);
	if (ret == 0)
		ret = pages(r, pk, mc, doc, &err);
	if (ret < 0) {
		cidx_doc_abort(doc);
		return cli_error_core(&err);
	}
	if (cidx_doc_close(doc, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

/* what the pages need besides the ranking: the boundaries, the units
 * profiled, the region attribute, the Monte Carlo run */
static int
gather(struct report *r, struct report_opts *o, struct cli_ranked *k,
    struct cidx_ws_geo *geo, struct report_pick *pk,
    struct cidx_mc_result **mc)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	cidx_ws_chart_init(&r->c, k->e.ws, &k->w, &k->ts, (size_t)o->y.top,
	    o->y.lang);
	if (cidx_ws_geo_load(geo, k->e.ws, r->c.ds, &err) < 0)
		return cli_error_core(&err);
	r->c.geo = geo;
	pk->rows = cidx_xcalloc(r->c.r->n_ranked ? r->c.r->n_ranked : 1,
	    sizeof(size_t));
	if ((ret = profile_rows(r, o->profiles, pk->rows, &pk->n_rows)) !=
	    CLI_OK || (ret = region_key(r, o->by_region, &pk->region)) !=
	    CLI_OK)
		return ret;
	if (o->mc.given)
		return cli_mc_run(k->e.ws, k->w.year, &o->mc, &k->ts,
		    (size_t)o->y.top, 0, 0, "report", mc);
	return CLI_OK;
}

int
cmd_report(int argc, char **argv)
{
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	struct report_opts o;
	struct report r;
	struct report_pick pk;
	struct cli_ranked k;
	struct cidx_ws_geo geo;
	struct cidx_mc_result *mc = NULL;
	char path[64];
	int ret;

	memset(&o, 0, sizeof(o));
	memset(&r, 0, sizeof(r));
	memset(&k, 0, sizeof(k));
	memset(&geo, 0, sizeof(geo));
	memset(&pk, 0, sizeof(pk));
	o.y = y;
	cli_method_opts_init(&o.mo);
	cli_mc_opts_init(&o.mc);
	if ((ret = cli_opt_parse("report", argc, argv, &o, NULL)) !=
	    CLI_OK) {
		cli_method_opts_release(&o.mo);
		cli_mc_opts_release(&o.mc);
		return ret;
	}
	if ((o.output && (ret = cli_output_check(o.output)) != CLI_OK) ||
	    (ret = cli_ranked_open(&k, &o.mo, &o.y, "report")) != CLI_OK ||
	    (ret = gather(&r, &o, &k, &geo, &pk, &mc)) != CLI_OK)
		goto out;
	snprintf(path, sizeof(path), "cityidx-report-%d.pdf", k.w.year);
	ret = write_report(&r, &o, &pk, mc, o.output ? o.output : path);
out:
	free(pk.rows);
	cidx_mc_result_free(mc);
	cidx_ws_geo_release(&geo);
	cidx_ws_mem_release(&r.mem);
	free(r.para);
	cli_ranked_close(&k);
	cli_method_opts_release(&o.mo);
	cli_mc_opts_release(&o.mc);
	return ret;
}
