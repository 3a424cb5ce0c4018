/*
 * ws: the workspace-level library (src/ws/) on a real workspace, built
 * from the bundled mini data (tests/data/mini, both years) as `cityidx
 * init` and `cityidx import` build it.  The numbers are rank's and
 * explain's on the same workspace (tests/cli/rank, tests/cli/explain).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "io/framework.h"
#include "io/import.h"
#include "store/store.h"
#include "ws/chartdata.h"
#include "ws/couplingyear.h"
#include "ws/explainunit.h"
#include "ws/geo.h"
#include "ws/mcrun.h"
#include "ws/rankgrid.h"
#include "ws/ranking.h"
#include "ws/ws.h"
#include "fixture.h"
#include "runner.h"

#define MINI "tests/data/mini/"

/* the mini workspace at tmpdir/w.db, path in buf; 0 or -1 */
static int
mini_ws(char *buf, size_t n)
{
	static const char *const file[] = { MINI "cities-2016.csv",
		MINI "cities-2017.csv" };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_import *imp[2] = { NULL, NULL };
	struct cidx_import_stats ss[2];
	int created = 0, ret = -1;

	memset(ss, 0, sizeof(ss));
	path_of(buf, n, "w.db");
	if (cidx_framework_read(&fw, MINI "framework.csv", NULL, &err) < 0 ||
	    cidx_store_init(buf, fw, "framework.csv", &created, &err) < 0 ||
	    cidx_store_open(&st, buf, CIDX_STORE_WRITE, &err) < 0)
		goto out;
	for (size_t i = 0; i < 2; i++)
		if (cidx_import_read(&imp[i], file[i], fw, NULL, &err) < 0)
			goto out;
	ret = cidx_store_import(st, imp, 2, "2024-01-01T00:00:00Z", ss, &err);
out:
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	for (size_t i = 0; i < 2; i++) {
		cidx_import_stats_release(&ss[i]);
		cidx_import_free(imp[i]);
	}
	cidx_store_close(st);
	cidx_framework_free(fw);
	return ret < 0 ? -1 : 0;
}

/* the warnings, joined */
static void
collect(void *ctx, const char *msg)
{
	cidx_sbuf_addf(ctx, "%s\n", msg);
}

/* opens the mini workspace with the default method */
static struct cidx_ws *
open_mini(void)
{
	struct cidx_ws_opts o = CIDX_WS_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws *ws = NULL;
	char p[128];

	if (mini_ws(p, sizeof(p)) < 0)
		return NULL;
	if (cidx_ws_open(&ws, p, &o, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return ws;
}

/* "the ranking of 2017 with movement": rank's numbers */
static void
check_ranking(struct cidx_ws *ws, const struct cidx_ws_ranking *k)
{
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	const struct cidx_ranking *r = k->r;
	size_t first = r->order[0];
	long sh = cidx_dataset_find(k->ds, "310100");

	CHECK_INT(k->year, 2017);
	CHECK_INT(k->cyear, 2016);
	CHECK(r->n_ranked > 4);
	CHECK_STR(k->ds->unit[first].code, "440300");
	CHECK_INT(r->rank[first], 1);
	CHECK_DBL(gsl_matrix_get(r->s, first, fw->root), 82.142857142857139,
	    1e-12);
	CHECK_INT(r->tier[first], 1);
	CHECK(sh >= 0);
	CHECK_INT(r->rank[sh], 4);
	CHECK(k->mv != NULL);
	CHECK_INT(k->mv->mv[sh].prev, 3);
	CHECK(k->mv->mv[sh].has_change);
	CHECK_INT(k->mv->mv[sh].change, -1);
	CHECK(isnan(k->ref_index));
}

/* the grid a row at a time (the CSV writer's way): the same cells */
static void
check_grid_rows(const struct cidx_ws_grid *g,
    const struct cidx_ws_grid_in *in)
{
	struct cidx_ws_grid h;
	const char **t;
	double *x;

	cidx_ws_rank_grid_head(&h, in);
	CHECK_INT(h.ncols, g->ncols);
	CHECK_INT(h.nrows, g->nrows);
	CHECK(h.text == NULL && h.num == NULL);
	t = calloc(h.ncols, sizeof(*t));
	x = calloc(h.ncols, sizeof(*x));
	for (size_t c = 0; c < h.ncols; c++) {
		CHECK_STR(h.col[c].name, g->col[c].name);
		CHECK_INT(h.col[c].kind, g->col[c].kind);
	}
	for (size_t p = 0; p < h.nrows; p++) {
		cidx_ws_rank_grid_row(&h, in, p, t, x);
		for (size_t c = 0; c < h.ncols; c++) {
			double y = g->num[p * g->ncols + c];

			CHECK(t[c] == g->text[p * g->ncols + c]);
			CHECK(isnan(y) ? isnan(x[c]) : x[c] == y);
		}
	}
	free(t);
	free(x);
	cidx_ws_grid_release(&h);
}

/* the grid CSV and the workbook are written from */
static void
check_grid(struct cidx_ws *ws, const struct cidx_ws_ranking *k)
{
	static const char *const key[] = { "province" };
	struct cidx_ws_grid g;
	struct cidx_ws_grid_in in;

	memset(&in, 0, sizeof(in));
	in.fw = cidx_ws_framework(ws);
	in.ds = k->ds;
	in.rep = k->rep;
	in.r = k->r;
	in.mv = k->mv;
	in.keys = key;
	in.nkeys = 1;
	cidx_ws_rank_grid(&g, &in);
	/* rank code name name_en province score tier coverage TALENT MARKET
	 * basis_rank prev_rank rank_common_prev rank_common_now rank_change
	 * coverage_prev */
	CHECK_INT(g.ncols, 16);
	CHECK_INT(g.nrows, k->r->n_ranked);
	CHECK_STR(g.col[4].name, "province");
	CHECK_STR(g.col[8].name, "TALENT");
	CHECK_INT(g.col[7].kind, CIDX_WS_CELL_SHARE);
	CHECK_STR(g.text[1], "440300");
	CHECK_STR(g.text[2], "深圳市");
	CHECK_STR(g.text[4], "广东省");
	CHECK_DBL(g.num[5], 82.142857142857139, 1e-12);
	CHECK_DBL(g.num[9], 100, 1e-12);
	/* 上海市, fourth: 3 -> 4 */
	CHECK_STR(g.text[3 * g.ncols + 1], "310100");
	CHECK_DBL(g.num[3 * g.ncols + 11], 3, 0);
	CHECK_DBL(g.num[3 * g.ncols + 12], 3, 0);
	CHECK_DBL(g.num[3 * g.ncols + 13], 4, 0);
	CHECK_DBL(g.num[3 * g.ncols + 14], -1, 0);
	CHECK_STR(g.col[15].name, "coverage_prev");
	check_grid_rows(&g, &in);
	cidx_ws_grid_release(&g);
}

void
test_ws__open_rank_with_movement(void)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_tierspec ts;
	struct cidx_ws_ranking k;
	struct cidx_ws *ws;
	double *rel = NULL, *gro = NULL;

	if (tmp_begin() < 0)
		return;
	memset(&k, 0, sizeof(k));
	CHECK_INT(cidx_tierspec_parse(&ts, CIDX_WS_TIERS_DEFAULT, &err), 0);
	if ((ws = open_mini()) == NULL)
		goto out;
	ro.tiers = &ts;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	check_ranking(ws, &k);
	/* no reference: no relative performance; growth needs one scale */
	CHECK_INT(cidx_ws_relative(&rel, &gro, ws, &k, 0, &err), 0);
	CHECK(rel == NULL && gro == NULL);
	check_grid(ws, &k);
	CHECK_INT(cidx_ws_relative(&rel, &gro, ws, &k, 2016, &err),
	    CIDX_EOPTION);
	CHECK_HAS(err.msg, "--growth 2016 compares the scores of two years");
	free(rel);
	free(gro);
out:
	cidx_ws_ranking_release(&k);
	cidx_tierspec_release(&ts);
	cidx_ws_close(ws);
	tmp_end();
}

void
test_ws__relative_to_the_mean(void)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_refspec ref;
	struct cidx_ws_ranking k;
	struct cidx_ws *ws;
	double *rel = NULL, *gro = NULL, sum = 0;
	size_t n = 0;

	if (tmp_begin() < 0)
		return;
	memset(&k, 0, sizeof(k));
	CHECK_INT(cidx_refspec_parse(&ref, "mean", &err), 0);
	if ((ws = open_mini()) == NULL)
		goto out;
	ro.relative = &ref;
	ro.compare = -1;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	CHECK(k.mv == NULL);
	CHECK(!isnan(k.ref_index));
	CHECK_INT(cidx_ws_relative(&rel, &gro, ws, &k, 0, &err), 0);
	/* 100 x index / the mean index of the ranked units averages 100 */
	for (size_t i = 0; rel && i < k.r->n; i++)
		if (!isnan(rel[i])) {
			sum += rel[i];
			n++;
		}
	CHECK_INT(n, k.r->n_ranked);
	CHECK_DBL(sum / (double)n, 100, 1e-9);
	free(rel);
	free(gro);
out:
	cidx_ws_ranking_release(&k);
	cidx_ws_close(ws);
	tmp_end();
}

void
test_ws__no_workspace(void)
{
	struct cidx_ws_opts o = CIDX_WS_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws *ws = (struct cidx_ws *)&o;
	char p[128];

	if (tmp_begin() < 0)
		return;
	CHECK_INT(cidx_ws_open(&ws, path_of(p, sizeof(p), "none.db"), &o,
	    &err), CIDX_ENOWORKSPACE);
	CHECK(ws == NULL);
	tmp_end();
}

void
test_ws__warnings_go_to_the_callback(void)
{
	struct cidx_ws_opts o = CIDX_WS_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct sbuf sb = SBUF_INIT;
	struct cidx_ws *ws = NULL;
	const char *mf;
	char p[128], m[128];

	if (tmp_begin() < 0)
		return;
	if (mini_ws(p, sizeof(p)) < 0)
		goto out;
	/* a method file whose framework differs from the workspace's */
	mf = put(m, sizeof(m), "m.json", "{\"method\": {\"framework_sha256\": "
	    "\"00\", \"normalise\": \"zscore\"}}");
	o.method.method_file = mf;
	o.warn = collect;
	o.warn_ctx = &sb;
	CHECK_INT(cidx_ws_open(&ws, p, &o, &err), 0);
	CHECK_HAS(sb.buf, "was made with another framework");
	CHECK_INT(cidx_ws_method(ws)->m.norm, CIDX_NORM_ZSCORE);
out:
	cidx_sbuf_release(&sb);
	cidx_ws_close(ws);
	tmp_end();
}

/* "the chart data of the tiers chart", and a profile */
void
test_ws__chart_data(void)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_ws_chart_opts co = CIDX_WS_CHART_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_mem m = CIDX_WS_MEM_INIT;
	struct cidx_tierspec ts;
	struct cidx_ws_ranking k;
	struct cidx_ws_chart c;
	struct cidx_chart ch;
	struct cidx_ws_geo geo;
	const struct cidx_tiers *t;
	const char *unit = NULL;
	struct cidx_ws *ws;

	if (tmp_begin() < 0)
		return;
	memset(&k, 0, sizeof(k));
	memset(&geo, 0, sizeof(geo));
	CHECK_INT(cidx_tierspec_parse(&ts, "counts:1,2,3", &err), 0);
	if ((ws = open_mini()) == NULL)
		goto out;
	ro.tiers = &ts;
	ro.top = 6;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	cidx_ws_chart_init(&c, ws, &k, &ts, 6, CIDX_LANG_EN);
	CHECK_INT(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_tiers, &co,
	    &m, &err), 0);
	t = ch.data;
	CHECK(ch.type == &cidx_chart_tiers);
	CHECK(unit == NULL);
	CHECK_INT(t->n, 6);
	CHECK_INT(t->n_tiers, 3);
	CHECK_STR(t->units[0].name, "Shenzhen");
	CHECK_DBL(t->units[0].score, 82.142857142857139, 1e-12);
	CHECK_INT(t->units[1].tier, 2);
	CHECK_HAS(cidx_ws_chart_title(&c, ch.type, NULL, &m), "2017");
	CHECK_HAS(cidx_ws_chart_footer(&c, &m), "weights: the framework's");
	/* the heatmap of scores: the top 6 by pillar, then by indicator
	 * grouped under their pillars */
	co.units = 1;
	CHECK_INT(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_heatmap,
	    &co, &m, &err), 0);
	{
		const struct cidx_heatmap *h = ch.data;
		const struct cidx_framework *fw = cidx_ws_framework(ws);
		size_t p0 = fw->child[fw->child_off[fw->root]];

		CHECK_INT(h->k, 6);
		CHECK(h->cols != NULL && h->group == NULL);
		CHECK_STR(h->labels[0], "Shenzhen");
		CHECK_INT(h->rank[0], 1);
		CHECK_DBL(h->r[0], gsl_matrix_get(k.r->s, k.r->order[0], p0),
		    0);
	}
	co.indicators = 1;
	CHECK_INT(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_heatmap,
	    &co, &m, &err), 0);
	{
		const struct cidx_heatmap *h = ch.data;

		CHECK(h->m > 2 && h->group != NULL);
		for (size_t j = 1; j < h->m; j++)
			CHECK(h->group[j] >= h->group[j - 1]);
	}
	co.units = co.indicators = 0;
	co.unit = "310100";
	CHECK_INT(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_profile, &co,
	    &m, &err), 0);
	CHECK_STR(unit, "Shanghai");
	co.unit = "NOWHERE";
	CHECK(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_profile, &co,
	    &m, &err) < 0);
	CHECK_HAS(err.msg, "no unit 'NOWHERE'");
	/* the mini data have no boundaries: no map */
	CHECK_INT(cidx_ws_geo_load(&geo, ws, k.ds, &err), 0);
	CHECK(geo.geom == NULL);
	c.geo = &geo;
	CHECK_INT(cidx_ws_chart_data(&ch, &unit, &c, &cidx_chart_map, &co,
	    &m, &err), CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "has a boundary");
out:
	cidx_ws_geo_release(&geo);
	cidx_ws_mem_release(&m);
	cidx_ws_ranking_release(&k);
	cidx_tierspec_release(&ts);
	cidx_ws_close(ws);
	tmp_end();
}

/* the trend chart's data: the top units' ranks in the earlier years
 * comparable with the year (rank's prev column) and in the year */
void
test_ws__trend_data(void)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_mem m = CIDX_WS_MEM_INIT;
	struct cidx_ws_ranking k;
	struct cidx_ws_chart c;
	struct cidx_trend t;
	struct cidx_ws *ws;
	long sh;

	if (tmp_begin() < 0)
		return;
	memset(&k, 0, sizeof(k));
	if ((ws = open_mini()) == NULL)
		goto out;
	ro.top = 5;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	cidx_ws_chart_init(&c, ws, &k, NULL, 5, CIDX_LANG_EN);
	CHECK_INT(cidx_ws_chart_trend(&t, &c, &m, &err), 0);
	CHECK_INT(t.n_years, 2);
	CHECK_INT(t.years[0], 2016);
	CHECK_INT(t.years[1], 2017);
	CHECK_INT(t.n, 5);
	CHECK_STR(t.units[0].code, "440300");
	CHECK_STR(t.units[0].name, "Shenzhen");
	CHECK_INT(t.units[0].rank[1], 1);
	sh = cidx_dataset_find(k.ds, "310100");
	for (size_t i = 0; i < t.n; i++) {
		long row = cidx_dataset_find(k.ds, t.units[i].code);

		CHECK_INT(t.units[i].rank[0], k.mv->mv[row].prev);
		CHECK_INT(t.units[i].rank[1], k.r->rank[row]);
		if (row == sh)
			CHECK_INT(t.units[i].rank[0], 3);
	}
	CHECK_HAS(cidx_ws_chart_trend_note(&c, &t, &m), "shared with 2017");
	/* the first year has no earlier one */
	cidx_ws_ranking_release(&k);
	ro.year = 2016;
	ro.compare = -1;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	cidx_ws_chart_init(&c, ws, &k, NULL, 5, CIDX_LANG_EN);
	CHECK_INT(cidx_ws_chart_trend(&t, &c, &m, &err), CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "no earlier year is comparable with 2016");
out:
	cidx_ws_mem_release(&m);
	cidx_ws_ranking_release(&k);
	cidx_ws_close(ws);
	tmp_end();
}

/* "the explanation of unit U": explain's numbers */
void
test_ws__explain(void)
{
	struct cidx_ws_explain_opts o = CIDX_WS_EXPLAIN_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_explanation x;
	struct cidx_ws *ws;
	const struct cidx_framework *fw;

	if (tmp_begin() < 0)
		return;
	memset(&x, 0, sizeof(x));
	if ((ws = open_mini()) == NULL)
		goto out;
	fw = cidx_ws_framework(ws);
	o.compare = 2016;
	CHECK_INT(cidx_ws_explain(&x, ws, "310100", &o, &err), 0);
	CHECK_INT(x.year, 2017);
	CHECK_INT(x.r->rank[x.row], 4);
	CHECK(x.additive);
	CHECK_INT(x.split.rank_then, 3);
	CHECK_INT(x.split.rank_now, 4);
	CHECK_INT(x.rank_change, -1);
	CHECK_DBL(x.split.own + x.split.others, x.rank_change, 1e-12);
	/* the contributions of the index's children add up to its score */
	CHECK_DBL(x.contrib->contrib[fw->root], gsl_matrix_get(x.r->s, x.row,
	    fw->root), 1e-9);
	cidx_ws_explanation_release(&x);
	CHECK_INT(cidx_ws_explain(&x, ws, "NOWHERE", &o, &err),
	    CIDX_ENOTFOUND);
	CHECK_HAS(err.msg, "no unit 'NOWHERE'");
out:
	cidx_ws_explanation_release(&x);
	cidx_ws_close(ws);
	tmp_end();
}

/* "the sensitivity run": refused without an uncertain input, else the
 * nominal ranking is the year's */
void
test_ws__sensitivity_run(void)
{
	struct cidx_ws_mc_opts o = CIDX_WS_MC_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_result *r = NULL;
	struct cidx_ranking *nom = NULL;
	struct cidx_ws *ws;

	if (tmp_begin() < 0)
		return;
	if ((ws = open_mini()) == NULL)
		goto out;
	CHECK_INT(cidx_ws_mc_run(&r, ws, 2017, &o, &err), CIDX_EOPTION);
	CHECK_HAS(err.msg, "no uncertain input");
	o.draws = 20;
	o.threads = 1;
	o.phi = 0.2;
	o.phi_given = 1;
	CHECK_INT(cidx_ws_mc_run(&r, ws, 2017, &o, &err), 0);
	CHECK_INT(cidx_ws_rank(ws, 2017, NULL, 0, &nom, &err), 0);
	CHECK(r != NULL && nom != NULL);
	if (r && nom) {
		CHECK_INT(r->draws, 20);
		CHECK_INT(r->nominal->n_ranked, nom->n_ranked);
		for (size_t i = 0; i < nom->n; i++)
			CHECK_INT(r->nominal->rank[i], nom->rank[i]);
	}
out:
	cidx_ranking_free(nom);
	cidx_mc_result_free(r);
	cidx_ws_close(ws);
	tmp_end();
}

/* coupling coordination over the pillars: D descending; a bad --of */
void
test_ws__coupling(void)
{
	struct cidx_ws_coupling_opts o = CIDX_WS_COUPLING_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_coupling cp;
	struct cidx_ws *ws;

	if (tmp_begin() < 0)
		return;
	memset(&cp, 0, sizeof(cp));
	if ((ws = open_mini()) == NULL)
		goto out;
	CHECK_INT(cidx_ws_coupling(&cp, ws, &o, &err), 0);
	CHECK_INT(cp.year, 2017);
	CHECK_INT(cp.n_sub, 2);
	CHECK_INT(cp.n_rows, cp.r->n_ranked);
	/* by D descending, then those without one (Wenzhou: every U 0) */
	CHECK_STR(cp.ds->unit[cp.rows[0].unit].code, "440300");
	CHECK_DBL(cp.rows[0].d, 0.8954, 1e-4);
	for (size_t p = 1; p < cp.n_rows; p++)
		CHECK(isnan(cp.rows[p].d) || cp.rows[p].d <= cp.rows[p - 1].d);
	CHECK(isnan(cp.rows[cp.n_rows - 1].d));
	cidx_ws_coupling_release(&cp);
	o.of = "TALENT,INDEX";
	CHECK_INT(cidx_ws_coupling(&cp, ws, &o, &err), CIDX_EOPTION);
	CHECK_STR(err.msg, "--of: 'INDEX' is not a node below the index");
out:
	cidx_ws_coupling_release(&cp);
	cidx_ws_close(ws);
	tmp_end();
}
