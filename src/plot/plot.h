/*
 * plot.h - charts of results handed over as plain data, drawn with cairo
 * and pango: into a rectangle of any cairo context (so a report can place
 * them on a page: plot_int.h), or as a standalone PDF, PNG or SVG file.
 *
 * This header names no cairo type: the binary includes it, and with it
 * the chart types' entries (charttype.c), while the code that draws is a
 * shared object loaded only by the commands that draw (cityidx(1),
 * DEVELOPMENT, The drawing code).
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
 * 1970, UTC) when it is set, else from the options' date (the data's:
 * the workspace's last change), else fixed at 1970-01-01T00:00:00Z; a
 * malformed SOURCE_DATE_EPOCH is an error.  SVG element ids that cairo
 * numbers per process are renumbered per file.  No path, time or random
 * id is written.
 */
#ifndef CIDX_PLOT_H
#define CIDX_PLOT_H

#include <stddef.h>

#include "core/err.h"
#include "core/geom.h"
#include "core/msg.h"

#define CIDX_PLOT_FONT "Noto Sans CJK SC"

/* the language of the chart's own words (axis titles, legends): the
 * catalogue's (core/msg.h); cidx_plot_lang is its older name */
#define cidx_plot_lang cidx_lang

/*
 * The limits of a chart file (cityidx(1), chart, --width, --height and
 * --dpi), the same for the command line and the library: 72 to 14400
 * points each way (an inch to a PDF page's 200 inches); a PNG at 10 to
 * 1200 dpi, at most 32767 pixels each way (cairo's image limit) and 100
 * million pixels in all: the image is drawn in memory at 4 bytes a pixel
 * (400 MB, a few seconds).
 */
#define CIDX_PLOT_SIZE_MIN 72
#define CIDX_PLOT_SIZE_MAX 14400
#define CIDX_PLOT_DPI_MIN 10
#define CIDX_PLOT_DPI_MAX 1200
#define CIDX_PLOT_DPI_DEFAULT 150
#define CIDX_PLOT_PNG_SIDE_MAX 32767
#define CIDX_PLOT_PNG_PIXELS_MAX 100000000.0

struct cidx_plot_opts {
	const char *path;      /* output file: .pdf, .png or .svg */
	double width;          /* points (1/72 in); 0 = the chart's default */
	double height;
	double dpi;            /* PNG only: pixels = points * dpi / 72;
				  0 = CIDX_PLOT_DPI_DEFAULT */
	const char *font;      /* font family; NULL = CIDX_PLOT_FONT */
	const char *title;     /* NULL or "" = none */
	const char *subtitle;
	const char *footer;    /* source or method note, small, at the bottom */
	enum cidx_plot_lang lang;
	const char *workspace; /* a file never to write over (the workspace,
				  cidx_ofile_check()), or NULL */
	const char *date;      /* the data's date, YYYY-MM-DDTHH:MM:SSZ (the
				  workspace's last change): a PDF's creation
				  date unless SOURCE_DATE_EPOCH is set; NULL
				  or "": 1970-01-01 */
};

#define CIDX_PLOT_OPTS_INIT                                                   \
	{ NULL, 0, 0, 0, CIDX_PLOT_FONT, NULL, NULL, NULL, CIDX_LANG_ZH,      \
	  NULL, NULL }

/* the options of a figure that the command line sets one by one */
enum cidx_plot_key {
	CIDX_PLOT_OPT_WIDTH,   /* --width W: points */
	CIDX_PLOT_OPT_HEIGHT,  /* --height H: points */
	CIDX_PLOT_OPT_DPI,     /* --dpi D */
	CIDX_PLOT_OPT_TITLE,   /* --title TEXT */
	CIDX_PLOT_OPT_FONT,    /* --font FAMILY */
	CIDX_PLOT_OPT_N
};

/*! cidx_plot_opt_set() :
 *  Sets one option of `o` from its text as argv gives it: a size or dpi
 *  within the limits above (a plain decimal number, read without the
 *  locale), a title or font family in valid UTF-8 (kept, not copied).
 *  @return 0; CIDX_EINVAL with a message naming the option and the text
 *  (`o` unchanged). */
int cidx_plot_opt_set(struct cidx_plot_opts *o, enum cidx_plot_key key,
    const char *text, struct cidx_err *err);

/*! cidx_plot_opts_check() :
 *  What can be checked of the options of cidx_plot_write() before the
 *  chart's data exists: the format from o->path; the width, height and
 *  dpi within the limits above (0 = the default); no dpi for a PDF or
 *  SVG; and for a PNG whose width and height are both given, its pixels
 *  within the limits.  cidx_plot_write() checks the same, and the pixels
 *  again once the figure's own size is known.
 *  @return 0; CIDX_EINVAL with a message naming the options at fault. */
int cidx_plot_opts_check(const struct cidx_plot_opts *o,
    struct cidx_err *err);

/* a rectangle in the user space of a cairo context, in points */
struct cidx_rect {
	double x, y, w, h;
};

/*
 * Chart types.  A type is one entry (struct cidx_chart_type) in
 * charttype.c, which lists them in cidx_chart_types[]: what the data is
 * made from and which options of the chart command apply to the type.
 * Its own file of src/plot holds the check of its data, its size and its
 * drawing (plot_int.h: struct cidx_chart_draw), found by the entry's id.
 * cityidx(1), DEVELOPMENT, lists the files a new type touches.
 */

/* the types, as ids: the drawing of a type is found by it */
enum cidx_chart_id {
	CIDX_CHART_TIERS,
	CIDX_CHART_PILLARS,
	CIDX_CHART_MOVERS,
	CIDX_CHART_HEATMAP,
	CIDX_CHART_PROFILE,
	CIDX_CHART_MAP,
	CIDX_CHART_UNCERT,
	CIDX_CHART_TREND,
	CIDX_CHART_N
};

/* what a type's data is made from besides the ranking of one year */
enum cidx_chart_need {
	CIDX_CHART_NEEDS_UNIT = 1 << 0,       /* one unit the caller names */
	CIDX_CHART_NEEDS_MOVEMENT = 1 << 1,   /* an earlier year's ranks */
	CIDX_CHART_NEEDS_BOUNDARIES = 1 << 2, /* the units' boundaries and
						 the base layers */
	CIDX_CHART_NEEDS_DRAWS = 1 << 3       /* a Monte Carlo run */
};

/*
 * The options of the chart command (cityidx(1), chart) that some types
 * draw and others do not, a bit each; every other option (the year, the
 * language, the method, the title and size) applies to every type.
 */
enum cidx_chart_opt {
	CIDX_CHART_OPT_COMPARE = 1 << 0,      /* --compare */
	CIDX_CHART_OPT_DARK_HORSE = 1 << 1,   /* --dark-horse */
	CIDX_CHART_OPT_TOP = 1 << 2,          /* --top */
	CIDX_CHART_OPT_TIERS = 1 << 3,        /* --tiers */
	CIDX_CHART_OPT_OF = 1 << 4,           /* --of */
	CIDX_CHART_OPT_BY = 1 << 5,           /* --by */
	CIDX_CHART_OPT_DRAWS = 1 << 6,        /* --draws and the other
						 uncertain inputs */
	CIDX_CHART_OPT_LABELS = 1 << 7,       /* --labels */
	CIDX_CHART_OPT_BY_SCORE = 1 << 8,     /* --by score (with
						 CIDX_CHART_OPT_BY) */
	CIDX_CHART_OPT_N = 9                  /* the number of bits */
};

struct cidx_chart_type {
	const char *name;	/* as the chart command takes it */
	enum cidx_chart_id id;	/* its drawing (plot_int.h) */
	unsigned needs;		/* CIDX_CHART_NEEDS_* */
	unsigned opts;		/* the CIDX_CHART_OPT_* the type draws */
	struct {		/* with the options `when` given, those of */
		unsigned when;	/* `off` do not apply either: the figure is */
		unsigned off;	/* `why` (e.g. "a map filled by score") */
		const char *why;
	} unless;
	int keep_shape;		/* a width alone scales the height too */
	int fit_height;		/* without a height, the page is cut to
				   what the drawing uses of its default
				   height (the drawing says it in
				   cidx_plot_ctx.used_bottom) */
};

/* every chart type, in the order cityidx(1) lists them; NULL-terminated */
extern const struct cidx_chart_type *const cidx_chart_types[];

/*! cidx_chart_find() :
 *  @return the chart type called `name` ("tiers", "uncertainty"), or NULL
 *  when there is none. */
const struct cidx_chart_type *cidx_chart_find(const char *name);

/*! cidx_chart_opts_check() :
 *  Refuses an option that the type `t` does not draw: `given` holds the
 *  CIDX_CHART_OPT_* bits of the options given, and names[b] the name of
 *  the option of bit 1 << b as the caller took it ("draws"), for the
 *  message (NULL where that bit is not given).
 *  @return 0; CIDX_EINVAL naming the type, the first option refused (in
 *  the order of the bits) and the types that do draw it, or why it does
 *  not apply (the entry's `unless`). */
int cidx_chart_opts_check(const struct cidx_chart_type *t, unsigned given,
    const char *const names[CIDX_CHART_OPT_N], struct cidx_err *err);

/* any chart: its type and its data, e.g.
 * struct cidx_chart c = { &cidx_chart_tiers, &t }; */
struct cidx_chart {
	const struct cidx_chart_type *type;
	const void *data;	/* the type's struct (cidx_tiers for tiers) */
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

extern const struct cidx_chart_type cidx_chart_tiers;

/* 2. pillars: each unit's score split into its pillars' contributions */
struct cidx_pillars {
	const char *const *names;       /* n units */
	size_t n;
	const char *const *pillars;     /* m pillar names */
	size_t m;
	const double *contrib;          /* n x m, row-major, finite */
	const double *score;            /* n; row sums of contrib */
	size_t top;                     /* 0 = all */
	const size_t *colour;           /* m: pillar j's colour, its place
					 * among all the framework's pillars,
					 * so that it keeps it in every year
					 * whichever have data; NULL: j */
};

extern const struct cidx_chart_type cidx_chart_pillars;

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
	int change;            /* places climbed, shown by the name: measured
				  among the units ranked in both years
				  (cityidx(1), METHOD, Movement), so not
				  always rank_before - rank_now */
	int no_data_before;    /* rank_before 0: 1 when the unit had no data
				  then ("无数据"), 0 when it had too little to
				  be ranked ("未上榜") */
};

struct cidx_movers {
	const struct cidx_mover *units;
	size_t n;
	int year_before, year_now;
};

extern const struct cidx_chart_type cidx_chart_movers;

/* 4. heatmap: a k x k correlation matrix, or (cols set) a k x m table of
 * scores: units by pillar or by indicator */
struct cidx_heatmap {
	const char *const *labels;      /* k rows (and columns of a
					   correlation matrix) */
	size_t k;
	const double *r;                /* row-major: k x k, in [-1, 1] or
					   NaN; with cols k x m scores, NaN =
					   no data */
	/* the table of scores */
	const char *const *cols;        /* m column names; NULL: a
					   correlation matrix */
	size_t m;
	const int *rank;                /* k: printed before each row's
					   label; NULL: none */
	const size_t *group;            /* m: each column's group (its
					   pillar), nondecreasing, a line
					   between groups and their names
					   above; NULL: none */
	const char *const *group_names; /* by group */
	double lo, hi;                  /* the colour scale; lo == hi: from
					   the data */
};

extern const struct cidx_chart_type cidx_chart_heatmap;

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

extern const struct cidx_chart_type cidx_chart_profile;

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

extern const struct cidx_chart_type cidx_chart_map;

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

extern const struct cidx_chart_type cidx_chart_uncert;

/* 8. trend: the ranks of the top units over the years, a bump chart */
struct cidx_trend_unit {
	const char *name;
	const char *code;               /* not drawn (the chart's data) */
	const int *rank;                /* n_years: the rank in each year,
					   0 = not ranked then (a gap) */
};

struct cidx_trend {
	const int *years;               /* n_years, ascending */
	size_t n_years;
	const struct cidx_trend_unit *units; /* in the order of their rank in
						the last year */
	size_t n;
};

extern const struct cidx_chart_type cidx_chart_trend;

/*
 * The layout record: the box of every text a chart shows (its glyphs'
 * ink, axis-aligned, in points from the top left of the page), so that
 * a test can check that no two labels overlap and that nothing lies
 * outside the page without looking at pixels.
 */
struct cidx_plot_box {
	double x, y, w, h;
	char text[48];          /* its start, for messages */
};

struct cidx_plot_layout {
	struct cidx_plot_box *box;
	size_t n, cap;
	double page_w, page_h;  /* the figure's size, points */
};

/*! cidx_plot_layout() :
 *  Lays out chart `c` as cidx_plot_write() would for `o` (the same size;
 *  o->path only for its format's checks, nothing is written) and records
 *  the box of every text it shows in *out (cidx_plot_layout_release()).
 *  @return 0, or the errors of cidx_plot_write() before any file. */
int cidx_plot_layout(struct cidx_plot_layout *out, const struct cidx_chart *c,
    const struct cidx_plot_opts *o, struct cidx_err *err);
void cidx_plot_layout_release(struct cidx_plot_layout *l);

/*! cidx_plot_write() :
 *  Writes the chart alone to `o->path`, format from its extension (.pdf,
 *  .png, .svg, any case), size `o->width` x `o->height` points or the
 *  chart's default (A4-width-friendly; a tiers chart grows with its rows),
 *  with a white background and a 16 pt margin.  A PNG is `width * dpi / 72`
 *  by `height * dpi / 72` pixels, rounded (dpi 0 = 150).  The options are
 *  checked as by cidx_plot_opts_check(), and a PNG's pixels with the
 *  figure's size, before the file is opened or anything drawn.
 *  @return 0; CIDX_EINVAL for bad data or options (an unknown extension,
 *  a size out of range, a PNG over the pixel limits, a malformed
 *  SOURCE_DATE_EPOCH, a missing font);
 *  CIDX_EIO naming the path when the file cannot be written (a partial
 *  file is removed). */
int cidx_plot_write(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err);

/*! cidx_plot_shutdown() :
 *  Releases what pango and cairo keep for the whole process (the default
 *  font map, font caches), so that leak checkers see a clean exit.  Call
 *  it last, when no chart or report is open.  (fontconfig's own
 *  configuration stays: FcFini() is not safe while pango may still be
 *  loading it in its thread.) */
void cidx_plot_shutdown(void);

#endif
