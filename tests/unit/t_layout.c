/*
 * layout: every chart type, in both languages, on the UK and China demo
 * data (data/uk, data/cn, as `make demo` imports them), laid out as the
 * chart command would draw it: no two texts' boxes overlap and none is
 * outside the drawable area of the page (issue 16 §4).  The boxes come
 * from the library's layout record (cidx_plot_layout()), not pixels.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/mc.h"
#include "core/err.h"
#include "io/framework.h"
#include "io/import.h"
#include "store/store.h"
#include "ws/chartdata.h"
#include "ws/mcrun.h"
#include "ws/ranking.h"
#include "ws/ws.h"
#include "fixture.h"
#include "runner.h"

/* the workspace `name` from the framework and the files, in two imports
 * (the units' data, then the boundaries and base layers) */
static int
demo_ws(char *path, size_t n, const char *name, const char *framework,
    const char *const *files, size_t nf)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_import *imp[2] = { NULL, NULL };
	struct cidx_import_stats ss[2];
	int created = 0, ret = -1;

	path_of(path, n, name);
	if (cidx_framework_read(&fw, framework, NULL, &err) < 0 ||
	    cidx_store_init(path, fw, "framework.csv", &created, &err) < 0 ||
	    cidx_store_open(&st, path, CIDX_STORE_WRITE, &err) < 0)
		goto out;
	for (size_t b = 0; b < nf; b += 2) {
		memset(ss, 0, sizeof(ss));
		for (size_t i = 0; i < 2; i++)
			if (cidx_import_read(&imp[i], files[b + i], fw, NULL,
			    &err) < 0)
				goto out;
		if (cidx_store_import(st, imp, 2, "2024-01-01T00:00:00Z", ss,
		    &err) < 0)
			goto out;
		for (size_t i = 0; i < 2; i++) {
			cidx_import_stats_release(&ss[i]);
			cidx_import_free(imp[i]);
			imp[i] = NULL;
		}
	}
	ret = 0;
out:
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s: %s", name, err.msg);
	for (size_t i = 0; i < 2; i++)
		cidx_import_free(imp[i]);
	cidx_store_close(st);
	cidx_framework_free(fw);
	return ret;
}

/* two boxes overlap by more than a hair each way */
static int
overlap(const struct cidx_plot_box *a, const struct cidx_plot_box *b)
{
	double w = fmin(a->x + a->w, b->x + b->w) - fmax(a->x, b->x);
	double h = fmin(a->y + a->h, b->y + b->h) - fmax(a->y, b->y);

	return w > 0.3 && h > 0.3;
}

/* the layout of chart `ch` checked; `what` names it in failures */
static void
check_layout(const struct cidx_chart *ch, const struct cidx_plot_opts *o,
    const char *what)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_plot_layout l;
	size_t bad = 0;

	if (cidx_plot_layout(&l, ch, o, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s: %s", what, err.msg);
		return;
	}
	CHECK(l.n > 3);
	/* the title is the first text, at the top left */
	CHECK(l.n > 0 && fabs(l.box[0].x - 16) < 3 && fabs(l.box[0].y - 16) < 6);
	for (size_t i = 0; i < l.n && bad < 5; i++) {
		const struct cidx_plot_box *a = &l.box[i];

		/* within the page's margin (16 points, less a hair) */
		if (a->x < 15 || a->y < 15 || a->x + a->w > l.page_w - 15 ||
		    a->y + a->h > l.page_h - 15) {
			runner_fail(__FILE__, __LINE__, "%s: '%s' at %.1f,%.1f "
			    "%.1fx%.1f is outside the page (%.0fx%.0f)", what,
			    a->text, a->x, a->y, a->w, a->h, l.page_w,
			    l.page_h);
			bad++;
		}
		for (size_t j = i + 1; j < l.n && bad < 5; j++)
			if (overlap(a, &l.box[j])) {
				runner_fail(__FILE__, __LINE__, "%s: '%s' and "
				    "'%s' overlap", what, a->text,
				    l.box[j].text);
				bad++;
			}
	}
	cidx_plot_layout_release(&l);
}

/* every chart type of year `year` of ws in `lang` */
static void
check_types(struct cidx_ws *ws, int year, enum cidx_plot_lang lang,
    const char *name)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_ws_mc_opts mo = CIDX_WS_MC_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_result *mc = NULL;
	struct cidx_tierspec ts;
	struct cidx_ws_ranking k;
	struct cidx_ws_geo geo;

	memset(&k, 0, sizeof(k));
	memset(&geo, 0, sizeof(geo));
	CHECK_INT(cidx_tierspec_parse(&ts, "jenks:3", &err), 0);
	ro.year = year;
	ro.tiers = &ts;
	if (cidx_ws_ranking_open(&k, ws, &ro, &err) < 0 ||
	    cidx_ws_geo_load(&geo, ws, k.ds, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s: %s", name, err.msg);
		goto out;
	}
	mo.draws = 20;
	mo.phi = 0.1;
	mo.phi_given = 1;
	mo.threads = 1;
	CHECK_INT(cidx_ws_mc_run(&mc, ws, year, &mo, &err), 0);
	for (size_t t = 0; cidx_chart_types[t] != NULL; t++)
		for (int units = 0; units < 3; units++) {
			const struct cidx_chart_type *type = cidx_chart_types[t];
			struct cidx_ws_chart_opts co = CIDX_WS_CHART_OPTS_INIT;
			struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
			struct cidx_ws_mem m = CIDX_WS_MEM_INIT;
			struct cidx_ws_chart c;
			struct cidx_chart ch;
			const char *unit = NULL;
			char what[128];

			if (units && type != &cidx_chart_heatmap)
				continue;
			snprintf(what, sizeof(what), "%s %s%s %s", name,
			    type->name, units == 2 ? " --of units --by indicator" :
			    units ? " --of units" : "",
			    lang == CIDX_LANG_EN ? "en" : "zh");
			cidx_ws_chart_init(&c, ws, &k, &ts, type ==
			    &cidx_chart_trend ? CIDX_WS_TREND_TOP :
			    CIDX_WS_TOP_DEFAULT, lang);
			c.geo = &geo;
			co.units = units > 0;
			co.indicators = units == 2;
			co.unit = k.ds->unit[k.r->order[0]].code;
			co.mc = mc;
			if (cidx_ws_chart_data(&ch, &unit, &c, type, &co, &m,
			    &err) < 0) {
				/* a year without an earlier one to compare */
				CHECK(type->needs & CIDX_CHART_NEEDS_MOVEMENT ||
				    type == &cidx_chart_trend);
				cidx_ws_mem_release(&m);
				continue;
			}
			o.path = "x.pdf";
			o.lang = lang;
			o.title = cidx_ws_chart_title(&c, type, unit, &m);
			o.subtitle = type == &cidx_chart_trend ?
			    cidx_ws_chart_trend_note(&c, ch.data, &m) :
			    cidx_ws_chart_subtitle(&c, type, &m);
			o.footer = cidx_ws_chart_footer(&c, &m);
			check_layout(&ch, &o, what);
			cidx_ws_mem_release(&m);
		}
out:
	cidx_mc_result_free(mc);
	cidx_ws_geo_release(&geo);
	cidx_ws_ranking_release(&k);
	cidx_tierspec_release(&ts);
}

static void
check_demo(const char *name, const char *framework,
    const char *const *files, int year)
{
	struct cidx_ws_opts wo = CIDX_WS_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws *ws = NULL;
	char p[256];

	if (demo_ws(p, sizeof(p), name, framework, files, 4) < 0)
		return;
	if (cidx_ws_open(&ws, p, &wo, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		return;
	}
	check_types(ws, year, CIDX_LANG_ZH, name);
	check_types(ws, year, CIDX_LANG_EN, name);
	cidx_ws_close(ws);
}

/* the check finds what it is for: two labels drawn on one another, and
 * text pushed off a page too small for it */
void
test_layout__overlaps_are_found(void)
{
	static const char *const names[] = { "Inner London - West",
		"Inner London - West" };
	static const double v[] = { 50, 50 };
	static const char *const cols[] = { "Talent" };
	struct cidx_heatmap h = { 0 };
	struct cidx_chart ch = { &cidx_chart_heatmap, &h };
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_plot_layout l;
	struct cidx_plot_box a = { 0, 0, 10, 10, "a" }, b = { 9, 9, 5, 5, "b" };
	struct cidx_plot_box c = { 10.1, 0, 5, 5, "c" };
	size_t same = 0;

	CHECK(overlap(&a, &b));
	CHECK(!overlap(&a, &c));
	h.labels = names;
	h.k = 2;
	h.r = v;
	h.cols = cols;
	h.m = 1;
	o.path = "x.svg";
	o.title = "heatmap";
	CHECK_INT(cidx_plot_layout(&l, &ch, &o, &err), 0);
	/* the two rows' labels: the same text, one under the other */
	for (size_t i = 0; i < l.n; i++)
		same += strcmp(l.box[i].text, "Inner London - West") == 0;
	CHECK_INT(same, 2);
	CHECK(l.page_w == 540);
	cidx_plot_layout_release(&l);
}

void
test_layout__uk_and_china_labels_apart_and_on_the_page(void)
{
	static const char *const uk[] = { "data/uk/regions.csv",
		"data/uk/uk-nuts2.csv", "data/uk/boundaries.csv",
		"data/uk/layers.csv" };
	static const char *const cn[] = { "data/cn/cities.csv",
		"data/cn/cn-cities.csv", "data/cn/boundaries.csv",
		"data/cn/layers.csv" };

	if (tmp_begin() < 0)
		return;
	check_demo("uk.db", "indicators/uk-innovation.csv", uk, 2017);
	check_demo("cn.db", "indicators/cn-cities.csv", cn, 2012);
	tmp_end();
}
