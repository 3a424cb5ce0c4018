/*
 * plot_int.h - what the chart files of src/plot share: pango text, the
 * chart's own words, the palettes, the rows of bar charts, axes and
 * legends, the file a figure goes to.  Internal: not for callers of the
 * layer (the unit tests use it to check the palettes and the layout).
 *
 * Names: a function a file shares with the others of src/plot is
 * declared here (or in map_int.h, doc_int.h), never in plot.h or doc.h,
 * and is named cidx_ and its part: cidx_ptext_ (pangotext.c), cidx_pal_
 * (palette.c), cidx_sink_ (sink.c), cidx_chart_ (plot.c), cidx_doc_,
 * cidx_map_, cidx_mview_ and cidx_mproj_ (the report and the map), or
 * cidx_plot_ for the other helpers of the charts.  Everything else is
 * static.
 */
#ifndef CIDX_PLOT_INT_H
#define CIDX_PLOT_INT_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/err.h"
#include "plot/plot.h"

#define PLOT_PI 3.14159265358979323846

/* ---- text (pangotext.c) ---- */

enum { AL_LEFT, AL_CENTER, AL_RIGHT };

struct ptext {
	cairo_t *cr;
	PangoContext *ctx;
	PangoLayout *lay;
	PangoFontDescription *fd;
	double size;
	struct cidx_plot_layout *rec;	/* the boxes shown, or NULL */
};

/* Makes a layout for `cr` with `family`; CIDX_EINVAL when fontconfig
 * matches another family. */
int cidx_ptext_open(struct ptext *t, cairo_t *cr, const char *family,
    enum cidx_plot_lang lang, struct cidx_err *err);
void cidx_ptext_close(struct ptext *t);
/* releases the default font map in this thread, once pango's own thread
 * is done with it; @return 0, or -1 when it still held it (10 s) */
int cidx_ptext_shutdown(void);
/* size in points; bold, italic 0 or 1 */
void cidx_ptext_font(struct ptext *t, double size, int bold, int italic);
/* one line, ellipsised at max_w points (<= 0: no limit) */
void cidx_ptext_line(struct ptext *t, const char *s, double max_w);
/* wrapped at width w, at most max_lines lines (0: no limit; the last one
 * ellipsised) */
void cidx_ptext_wrap(struct ptext *t, const char *s, double w, int max_lines);
double cidx_ptext_w(struct ptext *t);
double cidx_ptext_h(struct ptext *t);
double cidx_ptext_baseline(struct ptext *t);
/* the width of one line of `s` */
double cidx_ptext_measure(struct ptext *t, const char *s);
/* draws the current text, x by `al`, y the first line's baseline */
void cidx_ptext_show(struct ptext *t, double x, double y, int al);
/* draws the current text with its top at y */
void cidx_ptext_show_top(struct ptext *t, double x, double y, int al);
/* the baseline that centres a line of the current font on y */
double cidx_ptext_mid(struct ptext *t, double y);

/* ---- the chart's own words (words.c) ---- */

/* the chart's words are the catalogue's (core/msg.h), by short names */
enum word {
	W_SCORE = CIDX_MSG_SCORE, W_RANK = CIDX_MSG_RANK,
	W_MEDIAN = CIDX_MSG_MEDIAN, W_UNTIERED = CIDX_MSG_UNTIERED,
	W_NO_BOUNDARY = CIDX_MSG_NO_BOUNDARY, W_NO_DATA = CIDX_MSG_NO_DATA,
	W_DARK_HORSE = CIDX_MSG_DARK_HORSE,
	W_NEW_ENTRANT = CIDX_MSG_NEW_ENTRANT, W_OTHERS = CIDX_MSG_OTHERS,
	W_NOT_RANKED_IN = CIDX_MSG_NOT_RANKED_IN, W_NEW = CIDX_MSG_NEW,
	W_CORRELATION = CIDX_MSG_CORRELATION,
	W_HATCHED_NAN = CIDX_MSG_HATCHED_NAN, W_VALUE = CIDX_MSG_VALUE,
	W_NOMINAL_RANK = CIDX_MSG_NOMINAL_RANK,
	W_RANGE_5_95 = CIDX_MSG_RANGE_5_95,
	W_MEDIAN_RANK = CIDX_MSG_MEDIAN_RANK, W_CONTINUED = CIDX_MSG_CONTINUED,
	W_TOTAL = CIDX_MSG_TOTAL, W_LIST_SEP = CIDX_MSG_LIST_SEP,
	W_COLON = CIDX_MSG_COLON, W_NOT_RANKED = CIDX_MSG_NOT_RANKED,
	W_NO_DATA_IN = CIDX_MSG_NO_DATA_IN, W_CLIMBERS = CIDX_MSG_CLIMBERS,
	W_FALLERS = CIDX_MSG_FALLERS, W_SEMI = CIDX_MSG_SEMI,
	W_OR = CIDX_MSG_OR
};

const char *cidx_plot_word(enum cidx_plot_lang lang, enum word w);
/* NULL or valid UTF-8 */
int cidx_plot_utf8_ok(const char *s);
/* cuts a string that snprintf() may have cut inside a character */
void cidx_plot_utf8_trim(char *s);
/* CIDX_EINVAL "<what> <i> has no name" or "... is not valid UTF-8" */
int cidx_plot_name_check(const char *what, size_t i, const char *s,
    struct cidx_err *err);
/* "第一梯队" / "Tier 1", or names[tier - 1] when given; tier 0: untiered */
void cidx_plot_tier_label(char *buf, size_t n, enum cidx_plot_lang lang,
    int tier, const char *const *names);
/* cidx_num_fmt_fixed() without "-0" */
void cidx_plot_fmt_num(char *buf, size_t n, double x, int decimals);

/* ---- palettes (palette.c) ---- */

struct rgb {
	double r, g, b;
};

/* tier 1..k: YlGnBu, tier 1 darkest; 0: the untiered light grey */
struct rgb cidx_pal_tier(int tier, int k);
/* t in [0, 1]: 0 the lightest, 1 the darkest of the same ramp */
struct rgb cidx_pal_seq(double t);
/* Okabe-Ito, cycling */
struct rgb cidx_pal_cat(size_t i);
/* RdBu, v in [-1, 1], white at 0 */
struct rgb cidx_pal_div(double v);
struct rgb cidx_pal_mix(struct rgb a, struct rgb b, double t);
struct rgb cidx_pal_hex(unsigned hex);
/* CIE L* of an sRGB colour, 0 (black) .. 100 (white) */
double cidx_pal_lstar(struct rgb c);
/* black or white, whichever contrasts more with c */
struct rgb cidx_pal_text_on(struct rgb c);
void cidx_pal_set(cairo_t *cr, struct rgb c);

/* ---- the value axis (axis.c) ---- */

struct ticks {
	double lo, hi, step;   /* lo, lo + step, ..., hi */
	int n, dec;            /* n ticks, decimals for their labels */
};

/* ticks covering [lo, hi] in steps of 1, 2 or 5 x 10^k, about `target` */
void cidx_plot_ticks(double lo, double hi, int target, struct ticks *tk);

/* ---- the rows of charts (rows.c) ---- */

/* a row of a chart (the index of its unit) with what it is drawn in
 * order of: `key`, then `tie`, both ascending, then the index */
struct cidx_plot_row {
	double key, tie;
	size_t i;
};

/* sorts rows[0..n) and @return the indexes in that order (the caller
 * frees them) */
size_t *cidx_plot_order(struct cidx_plot_row *rows, size_t n);

/* the rows a bar chart draws: the first `top` of `n` (all when top is 0
 * or >= n) */
size_t cidx_plot_bar_rows(size_t top, size_t n);
/* the page of a bar chart of `rows` rows: 540 pt wide, `head` + `row`
 * per row high, within 320..2400 */
void cidx_plot_bar_size(size_t rows, double head, double row, double *w,
    double *h);
struct cidx_plot_ctx;

/* the rows of a bar chart */
struct cidx_plot_rows {
	size_t n;
	double top;	/* of the first row */
	double bottom;	/* of the last */
	double h;	/* of each: no thicker than a bar should be (few units
			   sit at the top) */
	double fs;	/* the font size of their labels */
};

/* the n rows of a bar chart in `b`, below a legend `legend_h` high and
 * above an axis `axis_h` high */
void cidx_plot_bar_layout(const struct cidx_plot_ctx *c,
    const struct cidx_rect *b, double legend_h, double axis_h, size_t n,
    struct cidx_plot_rows *out);
/* the middle of row i */
double cidx_plot_row_mid(const struct cidx_plot_rows *r, size_t i);
/* moves the centres y[0] <= ... <= y[n-1] apart by at least h, within
 * [top, bot] when they fit (else spread evenly from top) */
void cidx_plot_spread(double *y, size_t n, double h, double top, double bot);

/* ---- the chart being drawn (plot.c) ---- */

/* chart context: one per draw */
struct cidx_plot_ctx {
	cairo_t *cr;
	struct ptext t;
	enum cidx_plot_lang lang;
	double fs;       /* base label size, points */
	double tol;      /* path decimation tolerance, user units */
	double used_bottom; /* set by a chart type with fit_height: the
			       lowest y it drew on (0: all of its body) */
};

/* ---- legends (legend.c) and axes (axis.c) ---- */

enum swatch {
	SW_BOX, SW_LINE, SW_DASH_ENTRY, SW_DOT, SW_RANGE, SW_TICK, SW_HATCH,
	/* a box of the colour with a grey edge (pale colours) */
	SW_EDGED
};

struct legend_item {
	const char *label;
	enum swatch sw;
	struct rgb col;
};

/* lays out the items in rows within width w from (x, y); draws when
 * `draw`; @return the height used */
double cidx_plot_legend(struct cidx_plot_ctx *c, const struct legend_item *it,
    size_t n, double x, double y, double w, int draw);
/* diagonal hatching of the current path (the path is consumed) */
void cidx_plot_hatch(cairo_t *cr, double spacing, struct rgb col);
/* a horizontal value axis at y from x0 (value tk->lo) to x1 (tk->hi),
 * labels below, the title under them; @return its height */
double cidx_plot_axis(struct cidx_plot_ctx *c, const struct ticks *tk,
    double x0, double x1, double y, const char *title, int draw);
/* a darker line at 0 between y0 and y1 when the axis has negative
 * values */
void cidx_plot_zero_line(struct cidx_plot_ctx *c, const struct ticks *tk,
    double x0, double x1, double y0, double y1);
/* light vertical grid lines at the ticks between y0 and y1 */
void cidx_plot_grid(struct cidx_plot_ctx *c, const struct ticks *tk, double x0,
    double x1, double y0, double y1);

/* ---- the heatmap of scores (heatscore.c) ---- */

/* draws d (a table of scores: d->cols set) in b and sets c->used_bottom */
void cidx_plot_scores(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_heatmap *d);

/* ---- the report (doc.c) ---- */

/* table column widths: natural widths w[] in, fitted widths out (their sum
 * is `avail` when the natural ones fit or can be capped to fit) */
void cidx_doc_col_widths(double *w, size_t n, double avail);

/* ---- the file (sink.c) ---- */

enum fmt { FMT_PDF, FMT_PNG, FMT_SVG };

/* the format from the path's extension; CIDX_EINVAL names the path */
int cidx_plot_format(const char *path, enum fmt *out, struct cidx_err *err);
/* "YYYY-MM-DDThh:mm:ssZ" from SOURCE_DATE_EPOCH, else `date` (of that
 * form), else 1970-01-01 */
int cidx_plot_date(char buf[32], const char *date, struct cidx_err *err);

struct sink {
	const char *path;
	struct cidx_ofile *of; /* replaces the file only when complete */
	void *fp;              /* FILE * */
	int errnum;            /* first write error */
	int svg;               /* buffer to renumber ids before writing */
	char *buf;
	size_t len, cap;
};

/* opens a temporary file for path (cidx_ofile_open(): never the file
 * `workspace`, which may be NULL); CIDX_EINVAL or CIDX_EIO names it */
int cidx_sink_open(struct sink *s, const char *path, const char *workspace,
    int svg, struct cidx_err *err);
cairo_status_t cidx_sink_write(void *closure, const unsigned char *data,
    unsigned int len);
/* flushes, checks and puts the file in place; on error (or `failed`)
 * removes the temporary file and leaves the old one as it was.
 * @return 0 or CIDX_EIO naming the path */
int cidx_sink_close(struct sink *s, int failed, struct cidx_err *err);
/* sets the PDF dates and creator; `title` may be NULL */
void cidx_plot_pdf_metadata(cairo_surface_t *pdf, const char *date,
    const char *title);

/* ---- the options (opts.c) ---- */

/* a PNG of w x h points at o->dpi within the pixel limits (plot.h);
 * CIDX_EINVAL names the sizes and the options to change (opts.c) */
int cidx_plot_png_check(const struct cidx_plot_opts *o, double w, double h,
    struct cidx_err *err);

/* ---- the chart (plot.c) ---- */

/* the drawing of a chart type, in the type's file (the entry of plot.h
 * holds no function: it is in the binary, this in the drawing code) */
struct cidx_chart_draw {
	/* `data` is the type's struct (plot.h) */
	int (*check)(const void *data, struct cidx_err *err);
	void (*size)(const void *data, double *w, double *h);
	void (*draw)(struct cidx_plot_ctx *c, const struct cidx_rect *body,
	    const void *data);
};

extern const struct cidx_chart_draw cidx_plot_tiers, cidx_plot_pillars,
    cidx_plot_movers, cidx_plot_heatmap, cidx_plot_profile, cidx_plot_map,
    cidx_plot_uncert, cidx_plot_trend;

/* the drawing of type `t` (by its id), or NULL for none */
const struct cidx_chart_draw *cidx_chart_draw_of(
    const struct cidx_chart_type *t);

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

/* checks the chart's data */
int cidx_chart_check(const struct cidx_chart *c, struct cidx_err *err);
/* title, subtitle and footer inside r; *body gets the rest */
void cidx_chart_frame(struct cidx_plot_ctx *c, const struct cidx_rect *r,
    const char *title, const char *subtitle, const char *footer,
    struct cidx_rect *body);

#endif
