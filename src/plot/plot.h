/*
 * plot.h - charts of results handed over as plain data, drawn with cairo
 * and pango: into a rectangle of any cairo context (so a report can place
 * them on a page), or as a standalone PDF, PNG or SVG file.
 *
 * The layer knows nothing of workspaces or methods: the caller fills the
 * small structs below (names, scores, ranks, tiers, boundaries) and keeps
 * them alive during the call.  Strings are UTF-8 (other bytes are
 * CIDX_EINVAL).  Every function returns 0 or a negative CIDX_E* code with
 * a message in `err`; nothing prints.
 *
 * Text: pango lays out every label with the font family of the options
 * (default "Noto Sans CJK SC", found through fontconfig), measures it
 * before placing it, and ellipsises names that would take more than a
 * fixed share of the width (PANGO_ELLIPSIZE_END).  Glyph hinting is off,
 * so a chart has the same layout in PDF, PNG and SVG.  Every number on a
 * figure is printed by cidx_num_fmt_fixed() (locale-independent).
 *
 * Colours: tiers use a sequential blue ramp (ColorBrewer YlGnBu, tier 1
 * darkest) whose CIE L* lightness strictly increases from tier 1 to tier
 * k, so tiers stay apart for colour-blind readers and in greyscale print;
 * untiered units are a neutral light grey, lighter than every tier.  A
 * score map uses the same ramp (darker = higher).  Pillars use the
 * Okabe-Ito colours; the heatmap ColorBrewer RdBu (red -1, white 0,
 * blue +1).  Text on a coloured area is black or white by luminance.
 *
 * Reproducible bytes: the same inputs give the same file.  PDF creation
 * and modification dates are taken from SOURCE_DATE_EPOCH (seconds since
 * 1970, UTC) when it is set, else fixed at 1970-01-01T00:00:00Z; a
 * malformed SOURCE_DATE_EPOCH is an error.  SVG element ids that cairo
 * numbers per process are renumbered per file.  No path, time or random
 * id is written.
 */
#ifndef CIDX_PLOT_H
#define CIDX_PLOT_H

#include <stddef.h>

#include <cairo.h>

#include "core/err.h"
#include "core/geom.h"

#define CIDX_PLOT_FONT "Noto Sans CJK SC"

/* the language of the chart's own words (axis titles, legends) */
enum cidx_plot_lang {
	CIDX_LANG_ZH = 0,
	CIDX_LANG_EN = 1
};

struct cidx_plot_opts {
	const char *path;      /* output file: .pdf, .png or .svg */
	double width;          /* points (1/72 in); 0 = the chart's default */
	double height;
	double dpi;            /* PNG only: pixels = points * dpi / 72 */
	const char *font;      /* font family; NULL = CIDX_PLOT_FONT */
	const char *title;     /* NULL or "" = none */
	const char *subtitle;
	const char *footer;    /* source or method note, small, at the bottom */
	enum cidx_plot_lang lang;
	const char *workspace; /* a file never to write over (the workspace,
				  cidx_ofile_check()), or NULL */
};

#define CIDX_PLOT_OPTS_INIT                                                   \
	{ NULL, 0, 0, 150, CIDX_PLOT_FONT, NULL, NULL, NULL, CIDX_LANG_ZH,    \
	  NULL }

/* a rectangle in the user space of a cairo context, in points */
struct cidx_rect {
	double x, y, w, h;
};

/* 1. tiers: the best units as horizontal bars, coloured by tier */
struct cidx_tier_unit {
	int rank;              /* printed; 0 = none */
	const char *name;
	double score;          /* finite */
	int tier;              /* 1..n_tiers, 0 = untiered */
};

struct cidx_tiers {
	const struct cidx_tier_unit *units;
	size_t n;
	size_t top;            /* draw the `top` best scores; 0 = all */
	int n_tiers;           /* k; 0 = the largest tier among the units */
	const char *const *tier_names;  /* k names; NULL = "第一梯队"/"Tier 1" */
};

/* 2. pillars: each unit's score split into its pillars' contributions */
struct cidx_pillars {
	const char *const *names;       /* n units */
	size_t n;
	const char *const *pillars;     /* m pillar names */
	size_t m;
	const double *contrib;          /* n x m, row-major, finite */
	const double *score;            /* n; row sums of contrib */
	size_t top;                     /* 0 = all */
};

/* 3. movers: a slope chart of ranks between two years */
enum cidx_mover_flag {
	CIDX_MOVER_NONE = 0,
	CIDX_MOVER_DARK_HORSE,
	CIDX_MOVER_NEW_ENTRANT
};

struct cidx_mover {
	const char *name;
	int rank_before;       /* earlier year's rank; 0 = not ranked then */
	int rank_now;          /* >= 1 */
	enum cidx_mover_flag flag;
};

struct cidx_movers {
	const struct cidx_mover *units;
	size_t n;
	int year_before, year_now;
};

/* 4. heatmap: a k x k correlation matrix */
struct cidx_heatmap {
	const char *const *labels;      /* k */
	size_t k;
	const double *r;                /* k x k, row-major, in [-1, 1] or NaN */
};

/* 5. profile: one unit against the median of all units */
struct cidx_profile_row {
	const char *name_zh;            /* shown for CIDX_LANG_ZH ... */
	const char *name_en;            /* ... and EN; NULL = use the other */
	int indicator;                  /* 0 = pillar row, 1 = indicator row
	                                 * grouped under the pillar above */
	double value;                   /* the unit's score; NaN = no data */
	double median;                  /* the median over all units; NaN ok */
};

struct cidx_profile {
	const char *unit;               /* the unit's display name */
	const struct cidx_profile_row *rows;
	size_t n;
	double lo, hi;                  /* value axis; lo == hi: from data */
};

/* 6. map: units drawn from their boundaries, filled by tier or score,
 * over and under the base layers of the country */
enum cidx_map_fill {
	CIDX_MAP_TIER = 0,
	CIDX_MAP_SCORE
};

struct cidx_map_unit {
	const char *name;
	const struct cidx_geom *geom;   /* NULL = no boundary: listed below */
	int tier;                       /* CIDX_MAP_TIER: 0..n_tiers */
	double score;                   /* CIDX_MAP_SCORE: NaN = no data */
	int unranked;                   /* not ranked in the year (too little
					   data): hatched grey */
	int no_data;                    /* no data in the year at all: the
					   pale land colour, as islands */
	int rank;                       /* >= 1 when ranked: the units ranked
					   1 .. labels are numbered */
};

/* a feature of a base layer (cityidx(1), LAYERS FILES): kind is an enum
 * cidx_layer_kind of core/geom.h; name the caption of an inset or the
 * text of a credit, in the figure's language */
struct cidx_map_layer {
	int kind;
	const char *name;
	const struct cidx_geom *geom;   /* NULL for a credit */
};

/*
 * Projection: Albers equal-area conic on the sphere.  With lon0, lat1 and
 * lat2 all 0 they come from the extent of the boundaries drawn: central
 * meridian in the middle of the longitudes, standard parallels at 1/6 and
 * 5/6 of the latitude span (for China's 18..54 N: about 24 N and 48 N,
 * close to the usual 25 N / 47 N / 105 E).  Give 105, 25, 47 to pin it.
 * The projected box is fitted into the rectangle keeping its aspect.  An
 * inset (a layer of that kind) has its own projection, from its window.
 */
struct cidx_map {
	const struct cidx_map_unit *units;
	size_t n;
	enum cidx_map_fill fill;
	int n_tiers;                    /* 0 = the largest tier */
	const char *const *tier_names;  /* NULL = "第一梯队"/"Tier 1" */
	double lon0, lat1, lat2;        /* degrees; all 0 = from the data */
	size_t top;                     /* the top group the tiers split: the
					   legend names tier 0 "outside the
					   top N" (0: "untiered") */
	const struct cidx_map_layer *layers; /* drawn in this order within
						their kind */
	size_t n_layers;
	size_t labels;                  /* number the units ranked 1..labels
					   on the map and name them in a key
					   (0: none) */
	const char *note;               /* a note under the map (e.g. why
					   units are not ranked), or NULL */
};

/* 7. uncertainty: nominal ranks with their 5th-95th percentile range */
struct cidx_uncert_unit {
	const char *name;
	int rank;                       /* nominal rank, >= 1 */
	double p05, p50, p95;           /* percentile ranks, p05<=p50<=p95 */
};

struct cidx_uncert {
	const struct cidx_uncert_unit *units;
	size_t n;
	size_t top;                     /* the `top` best nominal ranks; 0 all */
};

enum cidx_chart_type {
	CIDX_CHART_TIERS = 0,
	CIDX_CHART_PILLARS,
	CIDX_CHART_MOVERS,
	CIDX_CHART_HEATMAP,
	CIDX_CHART_PROFILE,
	CIDX_CHART_MAP,
	CIDX_CHART_UNCERT
};

/* any chart: the type and a pointer to its data, e.g.
 * struct cidx_chart c = { CIDX_CHART_TIERS, { .tiers = &t } }; */
struct cidx_chart {
	enum cidx_chart_type type;
	union {
		const struct cidx_tiers *tiers;
		const struct cidx_pillars *pillars;
		const struct cidx_movers *movers;
		const struct cidx_heatmap *heatmap;
		const struct cidx_profile *profile;
		const struct cidx_map *map;
		const struct cidx_uncert *uncert;
	} u;
};

/*! cidx_plot_draw() :
 *  Checks the data, then draws the chart with the title, subtitle and
 *  footer of `o` inside `r` of `cr` (clipped to it); `o->path`, width,
 *  height and dpi are not used.  The state of `cr` is restored.
 *  @return 0; CIDX_EINVAL for bad data (nothing is drawn) or a font family
 *  fontconfig cannot find (the message names it and the family matched
 *  instead); CIDX_ERROR when cairo reports an error on `cr`. */
int cidx_plot_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err);

/*! cidx_plot_write() :
 *  Writes the chart alone to `o->path`, format from its extension (.pdf,
 *  .png, .svg, any case), size `o->width` x `o->height` points or the
 *  chart's default (A4-width-friendly; a tiers chart grows with its rows),
 *  with a white background and a 16 pt margin.  A PNG is `width * dpi / 72`
 *  by `height * dpi / 72` pixels, rounded (dpi 0 = 150).
 *  @return 0; CIDX_EINVAL for bad data or options (an unknown extension,
 *  a size out of range, a malformed SOURCE_DATE_EPOCH, a missing font);
 *  CIDX_EIO naming the path when the file cannot be written (a partial
 *  file is removed). */
int cidx_plot_write(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err);

/* Per chart: _draw() is cidx_plot_draw(), the other cidx_plot_write(). */
int cidx_plot_tiers(const struct cidx_tiers *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_tiers_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_tiers *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_pillars(const struct cidx_pillars *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_pillars_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_pillars *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_movers(const struct cidx_movers *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_movers_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_movers *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_heatmap(const struct cidx_heatmap *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_heatmap_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_heatmap *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_profile(const struct cidx_profile *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_profile_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_profile *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_map(const struct cidx_map *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_map_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_map *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);
int cidx_plot_uncert(const struct cidx_uncert *d,
    const struct cidx_plot_opts *o, struct cidx_err *err);
int cidx_plot_uncert_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_uncert *d, const struct cidx_plot_opts *o,
    struct cidx_err *err);

/*! cidx_plot_shutdown() :
 *  Releases what pango and cairo keep for the whole process (the default
 *  font map, font caches), so that leak checkers see a clean exit.  Call
 *  it last, when no chart or report is open.  (fontconfig's own
 *  configuration stays: FcFini() is not safe while pango may still be
 *  loading it in its thread.) */
void cidx_plot_shutdown(void);

#endif
