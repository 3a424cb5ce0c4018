/*
 * chartdata.h - the plot layer's inputs filled from the library's results
 * (a ranking, its movement, contributions, medians, correlations): the
 * glue that `chart` and `report` share.  Every number comes from the
 * library; this only picks names in the chosen language and copies.
 */
#ifndef CIDX_CLI_CHARTDATA_H
#define CIDX_CLI_CHARTDATA_H

#include "calc/mc.h"
#include "calc/movement.h"
#include "cli/methodopt.h"
#include "ws/geo.h"
#include "core/geom.h"
#include "plot/plot.h"

/* what the charts of one ranking are made from */
struct chart_ctx {
	struct cli_engine *e;
	int year, cyear;
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;
	const struct cidx_ranking *r;
	const struct cidx_movement *mv;   /* NULL without movement */
	const struct cidx_tierspec *ts;
	size_t top;                       /* 0: every ranked unit */
	enum cidx_plot_lang lang;
	const struct cidx_ws_geo *geo;       /* boundaries, NULL: none */
	size_t labels;                    /* map: the top units numbered */
};

/* the map numbers the top 10 by default */
#define CHART_MAP_LABELS 10

/* allocations that live as long as the chart data */
struct chart_mem {
	void **p;
	size_t n, cap;
};

void chart_mem_release(struct chart_mem *m);
/* n zeroed items of `size` bytes, freed with m */
void *chart_mem_alloc(struct chart_mem *m, size_t n, size_t size);
/* p (from malloc) freed with m; @return p */
void *chart_mem_keep(struct chart_mem *m, void *p);

struct cli_ranked;

/* the context of the charts of the ranked year `k`, `top` units, in
 * `lang` (no geometries) */
void chart_ctx_init(struct chart_ctx *c, struct cli_ranked *k,
    size_t top, enum cidx_plot_lang lang);

const char *chart_unit_name(const struct chart_ctx *c,
    const struct cidx_unit *u);
const char *chart_node_name(const struct chart_ctx *c, size_t node);

/* the default title of a chart: the index's name, the year, the kind */
char *chart_title(const struct chart_ctx *c,
    const struct cidx_chart_type *type, const char *unit,
    struct chart_mem *m);
/* the subtitle of a chart: that the year lacks pillars, and for the
 * movers chart the basis of the movement; NULL when there is nothing to
 * say */
char *chart_subtitle(const struct chart_ctx *c,
    const struct cidx_chart_type *type, struct chart_mem *m);
/* the method, for the footer of a figure */
char *chart_footer(const struct chart_ctx *c, struct chart_mem *m);

/* Each fills `out`; @return CLI_OK or CLI_ERROR (printed) when the data
 * cannot support the chart. */
int chart_tiers(const struct chart_ctx *c, struct cidx_tiers *out,
    struct chart_mem *m);
int chart_pillars(const struct chart_ctx *c, struct cidx_pillars *out,
    struct chart_mem *m);
int chart_movers(const struct chart_ctx *c, struct cidx_movers *out,
    struct chart_mem *m);
int chart_heatmap(const struct chart_ctx *c, int indicators,
    struct cidx_heatmap *out, struct chart_mem *m);
int chart_profile(const struct chart_ctx *c, long row,
    struct cidx_profile *out, struct chart_mem *m);
/* the units of the year on the map (chartmap.c): ranked ones by tier or
 * score and numbered up to c->labels, the screened ones hatched, the
 * workspace's units without data in the year pale; the base layers, in
 * the figure's language; a note on the units not ranked */
int chart_map(const struct chart_ctx *c, enum cidx_map_fill fill,
    struct cidx_map *out, struct chart_mem *m);
/* the nominal ranks of the top N with their 5%, 50% and 95% ranks over
 * the draws of `mc` (a Monte Carlo of c's year and method) */
int chart_uncert(const struct chart_ctx *c, const struct cidx_mc_result *mc,
    struct cidx_uncert *out, struct chart_mem *m);
/* the draws and the uncertain inputs, for the subtitle */
char *chart_uncert_note(const struct chart_ctx *c,
    const struct cidx_mc_result *mc, struct chart_mem *m);

#endif
