/*
 * map_int.h - what the files of the map chart share: map.c lays the
 * figure out (legend, map, inset, key, notes), mapdraw.c projects and
 * draws the units and the base layers, maplabel.c numbers the top units
 * and writes their key.  Internal to src/plot (the unit tests use the
 * label placement).
 */
#ifndef CIDX_PLOT_MAP_INT_H
#define CIDX_PLOT_MAP_INT_H

#include "plot/plot_int.h"

/* Albers equal-area conic on the unit sphere, then a scale and offset to
 * the page */
struct mproj {
	double n, c, rho0, lon0;
	double sc, ox, oy, x_lo, y_hi;
};

/*
 * A view: the main map or the inset.  It takes the parts (each polygon of
 * a unit or layer, each line) that reach into its window; the main map
 * leaves to the inset the parts that lie in the inset's window without
 * lying wholly in its own (cityidx(1), LAYERS FILES: extent, inset).
 */
struct mview {
	struct mproj pj;
	double win[4];          /* lon/lat window: min lon, min lat, max .. */
	int has_win;
	double away[4];         /* the inset's window, seen from the main map */
	int has_away;
	double raw[4];          /* the projected box of what it shows */
	int inset;              /* the inset: reefs of units without data
				   are dots of the island colour */
	struct cidx_rect box;   /* where it is drawn on the page */
};

/* what the drawing of a figure shares */
struct mstyle {
	int k;                  /* the largest tier */
	double s_lo, s_hi;      /* the range of scores */
	double lw;              /* line widths scale with the text */
};

/* the land without data (no-data units, islands, the outline) */
#define MAP_PALE 0xebe8e1
/* the edges of provinces and islands */
#define MAP_EDGE 0x8a8a8a

void cidx_mproj_albers(struct mproj *p, double lon0, double lat1, double lat2);
/* projected (unit sphere) and page coordinates of a point */
void cidx_mproj_raw(const struct mproj *p, double lon, double lat, double *x,
    double *y);
void cidx_mproj_page(const struct mproj *p, double lon, double lat, double *x,
    double *y);

/* the lon/lat box of part q of g (its outer ring, or the line) */
void cidx_map_part_bbox(const struct cidx_geom *g, size_t q, double *bb);
/* does v draw part q of g */
int cidx_mview_takes(const struct mview *v, const struct cidx_geom *g,
    size_t q);
/* sets v's projection and v->raw: the main map's from d's parameters or
 * else from what it takes, an inset's from its window, which it shows
 * whole.  @return 0 when the main map takes nothing */
int cidx_mview_project(struct mview *v, const struct cidx_map *d, int inset);
/* the width / height of v->raw */
double cidx_mview_aspect(const struct mview *v);
/* fits v->raw into `area` keeping the aspect, centred (or in the lower
 * right `corner`); sets v->box */
void cidx_mview_place(struct mview *v, const struct cidx_rect *area,
    int corner);
/* draws what v takes of d: layers under, units, layers over */
void cidx_mview_draw(struct cidx_plot_ctx *c, const struct mview *v,
    const struct cidx_map *d, const struct mstyle *st);
/* a unit's fill; *hatched for units not ranked */
struct rgb cidx_map_unit_colour(const struct cidx_map *d,
    const struct cidx_map_unit *u, const struct mstyle *st, int *hatched);

/* ---- legend and notes (maplegend.c) ---- */

#define MAP_MAX_TIERS 100

/* what the figure shows: tiers present, units not ranked, without data */
struct mstat {
	int present[MAP_MAX_TIERS + 1];
	int unranked, no_data;
	size_t missing;            /* units without a boundary */
};

/* fills st (tiers, score range) and ms from d */
void cidx_map_stats(const struct cidx_map *d, struct mstyle *st,
    struct mstat *ms);
/* the legend at the top of b; @return its height */
double cidx_map_legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_map *d, const struct mstyle *st,
    const struct mstat *ms);
/* the notes under the map (d->note, the units without a boundary, the
 * credits, never cut), drawn from the bottom of b up when `draw`;
 * @return their height */
double cidx_map_notes(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_map *d, const struct mstat *ms, int draw);

/* ---- labels (maplabel.c) ---- */

struct mlabel {
	double ax, ay;  /* the anchor: a point inside the unit */
	double x, y;    /* the centre of the marker */
	int rank;
	const char *name;
};

/* a point well inside the largest part of g that v draws (page
 * coordinates); 0 when v draws none */
int cidx_map_anchor(const struct mview *v, const struct cidx_geom *g, double *x,
    double *y);
/*
 * Places n markers of radius r, in order: each at its anchor if it
 * overlaps no marker placed before and covers no other anchor, else at
 * the nearest free place around it (rings of 16 directions, the first
 * pointing away from the centre of `area`), to be joined to its anchor by
 * a leader; inside `area`, outside `avoid` (may be NULL).
 */
void cidx_map_place(struct mlabel *l, size_t n, double r,
    const struct cidx_rect *area, const struct cidx_rect *avoid);
/* draws the markers and their leaders */
void cidx_map_draw_labels(struct cidx_plot_ctx *c, const struct mlabel *l,
    size_t n, double r, const struct mstyle *st);
/* the key: each marker's number and name, in `cols` columns (0: as many
 * as fit in w) from (x, y); draws when `draw`; @return its height */
double cidx_map_key(struct cidx_plot_ctx *c, const struct mlabel *l, size_t n,
    double x, double y, double w, int cols, int draw);
/* the width of the key's widest item */
double cidx_map_key_item_w(struct cidx_plot_ctx *c, const struct mlabel *l,
    size_t n);

#endif
