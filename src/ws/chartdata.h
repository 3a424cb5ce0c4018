/*
 * chartdata.h - "the chart data of chart T": the plot layer's inputs
 * filled from a ranked year (a ranking, its movement, contributions,
 * medians, correlations, a Monte Carlo run), shared by `chart` and
 * `report` and any other front end.  Every number comes from calc; this
 * picks names in the chosen language, words the titles and copies.
 */
#ifndef CIDX_WS_CHARTDATA_H
#define CIDX_WS_CHARTDATA_H

#include "calc/mc.h"
#include "calc/movement.h"
#include "core/geom.h"
#include "plot/plot.h"
#include "ws/geo.h"
#include "ws/ranking.h"
#include "ws/ws.h"

/* what the charts of one ranking are made from (all borrowed) */
struct cidx_ws_chart {
	struct cidx_ws *ws;
	const struct cidx_framework *fw;
	int year, cyear;
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;
	const struct cidx_ranking *r;
	const struct cidx_movement *mv;   /* NULL without movement */
	const struct cidx_tierspec *ts;
	size_t top;                       /* 0: every ranked unit */
	enum cidx_plot_lang lang;
	char *const *names;               /* per unit of ds, in lang */
	const struct cidx_ws_geo *geo;    /* boundaries, NULL: none */
	size_t labels;                    /* map: the top units numbered */
};

/* a bar chart (tiers, pillars) draws at most this many units, so that
 * bars and names stay readable; how many more there are is said in its
 * subtitle (cityidx(1), chart) */
#define CIDX_WS_BARS_MAX 200

/* the trend chart draws the top 10 by default, at most 40 lines */
#define CIDX_WS_TREND_TOP 10
#define CIDX_WS_TREND_MAX 40

/* the map numbers the top 10 by default */
#define CIDX_WS_MAP_LABELS 10

/* allocations that live as long as the chart data */
struct cidx_ws_mem {
	void **p;
	size_t n, cap;
};

#define CIDX_WS_MEM_INIT { NULL, 0, 0 }

void cidx_ws_mem_release(struct cidx_ws_mem *m);
/* n zeroed items of `size` bytes, freed with m */
void *cidx_ws_mem_alloc(struct cidx_ws_mem *m, size_t n, size_t size);
/* p (from malloc) freed with m; @return p */
void *cidx_ws_mem_keep(struct cidx_ws_mem *m, void *p);

/* the context of the charts of the ranked year `k` of `ws` with tiers
 * `ts` (parsed by the caller, ts->k tiers), `top` units, in `lang` (no
 * geometries) */
void cidx_ws_chart_init(struct cidx_ws_chart *c, struct cidx_ws *ws,
    const struct cidx_ws_ranking *k, const struct cidx_tierspec *ts,
    size_t top, enum cidx_plot_lang lang);

/* a unit's name in the chart's language, with its region when another
 * unit of the year has the same (ws/names.h) */
const char *cidx_ws_chart_unit_name(const struct cidx_ws_chart *c,
    const struct cidx_unit *u);
const char *cidx_ws_chart_node_name(const struct cidx_ws_chart *c,
    size_t node);

/* the default title of a chart: the index's name, the year, the kind */
char *cidx_ws_chart_title(const struct cidx_ws_chart *c,
    const struct cidx_chart_type *type, const char *unit,
    struct cidx_ws_mem *m);
/* the subtitle of a chart: that the year lacks pillars, and for the
 * movers chart the basis of the movement; NULL when there is nothing to
 * say */
char *cidx_ws_chart_subtitle(const struct cidx_ws_chart *c,
    const struct cidx_chart_type *type, struct cidx_ws_mem *m);
/* the method, for the footer of a figure */
char *cidx_ws_chart_footer(const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m);

/* what some chart types need besides the ranking */
struct cidx_ws_chart_opts {
	int indicators;                    /* heatmap: indicators, not
					      pillars */
	int units;                         /* heatmap: the top units'
					      scores, not correlations */
	const char *unit;                  /* profile: the unit's code */
	enum cidx_map_fill fill;           /* map: by tier or by score */
	const struct cidx_mc_result *mc;   /* uncertainty: a Monte Carlo of
					      c's year and method */
};

#define CIDX_WS_CHART_OPTS_INIT { 0, 0, NULL, CIDX_MAP_TIER, NULL }

/*! cidx_ws_chart_data() :
 *  The data of a chart of type `t` into *out (out->data and everything
 *  it points to in m).  *unit: the profile's unit's name, else NULL.
 *  @return 0, or CIDX_EOPTION / CIDX_ENOTFOUND when the data cannot
 *  support the chart (the message says why). */
int cidx_ws_chart_data(struct cidx_chart *out, const char **unit,
    const struct cidx_ws_chart *c, const struct cidx_chart_type *t,
    const struct cidx_ws_chart_opts *o, struct cidx_ws_mem *m,
    struct cidx_err *err);

/*! cidx_ws_chart_csv() :
 *  The data of chart `ch` (made by cidx_ws_chart_data() from c) as CSV
 *  in `path` (chartcsv.c, cityidx(1), chart, --data): a row for each
 *  thing drawn in the chart's order, the units' codes and names, the
 *  values at full precision; written through core/ofile, never over
 *  `workspace` (may be NULL).  @return 0, CIDX_EINVAL or CIDX_EIO. */
int cidx_ws_chart_csv(const struct cidx_chart *ch,
    const struct cidx_ws_chart *c, const char *path, const char *workspace,
    struct cidx_err *err);

/* Each fills `out`; @return 0, or a negative code when the data cannot
 * support the chart. */
int cidx_ws_chart_tiers(struct cidx_tiers *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err);
int cidx_ws_chart_pillars(struct cidx_pillars *out,
    const struct cidx_ws_chart *c, struct cidx_ws_mem *m,
    struct cidx_err *err);
int cidx_ws_chart_movers(struct cidx_movers *out,
    const struct cidx_ws_chart *c, struct cidx_ws_mem *m,
    struct cidx_err *err);
int cidx_ws_chart_heatmap(struct cidx_heatmap *out,
    const struct cidx_ws_chart *c, int indicators, struct cidx_ws_mem *m,
    struct cidx_err *err);
/* the scores of the first n ranked units (in rank order) by pillar, or
 * by indicator grouped under the pillars (chartscores.c) */
int cidx_ws_chart_scores(struct cidx_heatmap *out,
    const struct cidx_ws_chart *c, int indicators, size_t n,
    struct cidx_ws_mem *m, struct cidx_err *err);
/* the title of that heatmap */
char *cidx_ws_chart_scores_title(const struct cidx_ws_chart *c,
    int indicators, struct cidx_ws_mem *m);
/* the subtitle of the heatmap of units: as cidx_ws_chart_subtitle(), and
 * how many units of the top group are not drawn past CIDX_WS_BARS_MAX */
char *cidx_ws_chart_scores_note(const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m);
/* the unit `code` against the medians; it must be ranked */
int cidx_ws_chart_profile(struct cidx_profile *out,
    const struct cidx_ws_chart *c, const char *code, struct cidx_ws_mem *m,
    struct cidx_err *err);
/* the units of the year on the map (chartmap.c): ranked ones by tier or
 * score and numbered up to c->labels, the screened ones hatched, the
 * workspace's units without data in the year pale; the base layers, in
 * the figure's language; a note on the units not ranked */
int cidx_ws_chart_map(struct cidx_map *out, const struct cidx_ws_chart *c,
    enum cidx_map_fill fill, struct cidx_ws_mem *m, struct cidx_err *err);
/* the nominal ranks of the top N with their 5%, 50% and 95% ranks over
 * the draws of `mc` (a Monte Carlo of c's year and method) */
int cidx_ws_chart_uncert(struct cidx_uncert *out,
    const struct cidx_ws_chart *c, const struct cidx_mc_result *mc,
    struct cidx_ws_mem *m, struct cidx_err *err);
/* the ranks of the top group of c's year (c->top; at most
 * CIDX_WS_TREND_MAX) in every earlier year comparable with it, as
 * movement defines it, and in the year (trend.c); CIDX_ENOTFOUND when no
 * earlier year is comparable */
int cidx_ws_chart_trend(struct cidx_trend *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err);
/* the trend's subtitle: the basis of the earlier ranks and the years
 * left out */
char *cidx_ws_chart_trend_note(const struct cidx_ws_chart *c,
    const struct cidx_trend *t, struct cidx_ws_mem *m);
/* the draws and the uncertain inputs, for the subtitle */
char *cidx_ws_chart_uncert_note(const struct cidx_ws_chart *c,
    const struct cidx_mc_result *mc, struct cidx_ws_mem *m);

#endif
