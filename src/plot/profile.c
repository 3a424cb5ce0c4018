/*
 * profile.c - one unit against the median of all units: a row per pillar
 * (bold, a thicker bar) with its indicators indented beneath it, each a
 * bar for the unit's score and a black tick at the median, and both
 * numbers in two columns at the right.
 */
#include <math.h>

#include "plot/plot_int.h"

static const char *
row_name(const struct cidx_profile_row *r, enum cidx_plot_lang lang)
{
	const char *a = lang == CIDX_LANG_EN ? r->name_en : r->name_zh;

	if (a == NULL)
		a = lang == CIDX_LANG_EN ? r->name_zh : r->name_en;
	return a;
}

static int
profile_check(const void *data, struct cidx_err *err)
{
	const struct cidx_profile *d = data;

	if (d->n == 0 || d->rows == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: no "
		    "rows");
	if (d->unit == NULL || !cidx_plot_utf8_ok(d->unit))
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: the "
		    "unit's name is missing or not valid UTF-8");
	if (!isfinite(d->lo) || !isfinite(d->hi) || d->lo > d->hi)
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: the "
		    "axis needs finite lo <= hi");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];

		if (r->name_zh == NULL && r->name_en == NULL)
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "row %zu has no name", i + 1);
		if (!cidx_plot_utf8_ok(r->name_zh) ||
		    !cidx_plot_utf8_ok(r->name_en))
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "row %zu: the name is not valid UTF-8", i + 1);
		if (isinf(r->value) || isinf(r->median))
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "'%s': infinite value", row_name(r, CIDX_LANG_ZH));
	}
	return 0;
}

/* row heights in units of a plain indicator row */
static double
units_of(const struct cidx_profile *d)
{
	double u = 0;

	for (size_t i = 0; i < d->n; i++)
		u += d->rows[i].indicator ? 1 : (i > 0 ? 1.8 : 1.3);
	return u;
}

static void
profile_size(const void *data, double *w, double *h)
{
	const struct cidx_profile *d = data;

	*w = 540;
	*h = 150 + 15 * units_of(d);
	*h = *h < 320 ? 320 : *h > 2400 ? 2400 : *h;
}

#define PILLAR_COLOUR 0x0072b2
#define INDICATOR_COLOUR 0x56b4e9

/* a profile being drawn: its rows and columns */
struct fig {
	const struct cidx_profile *d;
	struct ticks tk;	/* the value axis */
	double top, bottom;	/* of the rows */
	double unit;		/* the height of an indicator row */
	double fs;		/* the row labels */
	double indent;		/* of an indicator's name */
	double name_w;
	double bar_left, bar_right;	/* the axis from tk.lo to tk.hi */
	double value_right, median_right;	/* the two number columns */
};

/* the legend at the top of b: the unit's bars, the median's tick;
 * @return its height */
static double
legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_profile *d)
{
	struct legend_item items[2];

	items[0].label = d->unit;
	items[0].sw = SW_BOX;
	items[0].col = cidx_pal_hex(PILLAR_COLOUR);
	items[1].label = cidx_plot_word(c->lang, W_MEDIAN);
	items[1].sw = SW_TICK;
	items[1].col = cidx_pal_hex(0);
	return cidx_plot_legend(c, items, 2, b->x, b->y, b->w, 1);
}

/* the axis given, or the values and medians drawn, and 0 */
static void
value_range(const struct cidx_profile *d, double *lo, double *hi)
{
	*lo = *hi = 0;
	if (d->lo < d->hi) {
		*lo = d->lo;
		*hi = d->hi;
		return;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];

		if (!isnan(r->value)) {
			*lo = fmin(*lo, r->value);
			*hi = fmax(*hi, r->value);
		}
		if (!isnan(r->median)) {
			*lo = fmin(*lo, r->median);
			*hi = fmax(*hi, r->median);
		}
	}
}

/* the rows under the legend and the column headers, above the axis */
static void
rows(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f,
    double legend_h, double axis_h)
{
	f->top = b->y + legend_h + c->fs * 1.9; /* room for the headers */
	f->bottom = b->y + b->h - axis_h;
	f->unit = fmin((f->bottom - f->top) / units_of(f->d), c->fs * 2);
	f->bottom = f->top + f->unit * units_of(f->d);
	f->fs = fmin(c->fs, f->unit * 0.75);
	f->indent = f->fs * 1.2;
}

/* the columns, from the text measured: name | bars | value | median */
static void
columns(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	const char *value = cidx_plot_word(c->lang, W_VALUE);
	const char *median = cidx_plot_word(c->lang, W_MEDIAN);
	double num_w = 0;
	char buf[64];

	f->name_w = 0;
	for (size_t i = 0; i < f->d->n; i++) {
		const struct cidx_profile_row *r = &f->d->rows[i];

		cidx_ptext_font(&c->t, f->fs, !r->indicator, 0);
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t,
		    row_name(r, c->lang)) + (r->indicator ? f->indent : 0));
		cidx_ptext_font(&c->t, f->fs, 0, 0);
		cidx_plot_fmt_num(buf, sizeof(buf),
		    isnan(r->value) ? 0 : r->value, 2);
		num_w = fmax(num_w, cidx_ptext_measure(&c->t, buf));
		cidx_plot_fmt_num(buf, sizeof(buf),
		    isnan(r->median) ? 0 : r->median, 2);
		num_w = fmax(num_w, cidx_ptext_measure(&c->t, buf));
	}
	cidx_ptext_font(&c->t, c->fs * 0.9, 1, 0);
	num_w = fmax(num_w, cidx_ptext_measure(&c->t, value));
	num_w = fmax(num_w, cidx_ptext_measure(&c->t, median));
	f->name_w = fmin(f->name_w, b->w * 0.34);
	f->median_right = b->x + b->w;
	f->value_right = f->median_right - num_w - c->fs;
	f->bar_left = b->x + f->name_w + f->fs * 0.6;
	f->bar_right = f->value_right - num_w - c->fs * 1.2;
}

/* the headers of the number columns (in the font columns() left) */
static void
draw_headers(struct cidx_plot_ctx *c, const struct fig *f)
{
	double y = f->top - c->fs * 0.6;

	cairo_set_source_rgb(c->cr, 0.2, 0.2, 0.2);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_VALUE), 0);
	cidx_ptext_show(&c->t, f->value_right, y, AL_RIGHT);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_MEDIAN), 0);
	cidx_ptext_show(&c->t, f->median_right, y, AL_RIGHT);
}

/* a row's bar and value (values beyond a given axis stop at its ends),
 * or "no data" */
static void
draw_value(struct cidx_plot_ctx *c, const struct fig *f,
    const struct cidx_profile_row *r, double yc, double bar_h)
{
	const struct ticks *tk = &f->tk;
	double x0 = f->bar_left, x1 = f->bar_right;
	double scale = (x1 - x0) / (tk->hi - tk->lo);
	double base = tk->lo > 0 ? tk->lo : 0, xa, xb;
	char buf[64];

	cidx_ptext_font(&c->t, f->fs, 0, 0);
	if (isnan(r->value)) {
		cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_NO_DATA), 0);
		cairo_set_source_rgb(c->cr, 0.5, 0.5, 0.5);
		cidx_ptext_show(&c->t, x0 + f->fs * 0.3,
		    cidx_ptext_mid(&c->t, yc), AL_LEFT);
		cidx_ptext_line(&c->t, "-", 0);
	} else {
		xa = x0 + (base - tk->lo) * scale;
		xb = fmin(x1, fmax(x0, x0 + (r->value - tk->lo) * scale));
		cidx_pal_set(c->cr, cidx_pal_hex(r->indicator ?
		    INDICATOR_COLOUR : PILLAR_COLOUR));
		cairo_rectangle(c->cr, fmin(xa, xb), yc - bar_h / 2,
		    fabs(xb - xa), bar_h);
		cairo_fill(c->cr);
		cidx_plot_fmt_num(buf, sizeof(buf), r->value, 2);
		cidx_ptext_line(&c->t, buf, 0);
	}
	cairo_set_source_rgb(c->cr, 0.1, 0.1, 0.1);
	cidx_ptext_show(&c->t, f->value_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);
}

/* a row's median: a tick on the bar and the number, or "-" */
static void
draw_median(struct cidx_plot_ctx *c, const struct fig *f,
    const struct cidx_profile_row *r, double yc, double bar_h)
{
	const struct ticks *tk = &f->tk;
	double x0 = f->bar_left, x1 = f->bar_right;
	double scale = (x1 - x0) / (tk->hi - tk->lo);
	char buf[64];

	if (!isnan(r->median)) {
		double x = fmin(x1, fmax(x0, x0 + (r->median - tk->lo) *
		    scale));

		cairo_set_source_rgb(c->cr, 0, 0, 0);
		cairo_set_line_width(c->cr, 1.3);
		cairo_move_to(c->cr, x, yc - bar_h / 2 - 2);
		cairo_line_to(c->cr, x, yc + bar_h / 2 + 2);
		cairo_stroke(c->cr);
		cidx_plot_fmt_num(buf, sizeof(buf), r->median, 2);
		cidx_ptext_line(&c->t, buf, 0);
	} else {
		cidx_ptext_line(&c->t, "-", 0);
	}
	cairo_set_source_rgb(c->cr, 0.35, 0.35, 0.35);
	cidx_ptext_show(&c->t, f->median_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);
}

/* row i below y: a pillar row (bold, a thicker bar, a rule above it but
 * the first) or an indicator row, indented; @return its height */
static double
draw_row(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f, size_t i, double y)
{
	const struct cidx_profile_row *r = &f->d->rows[i];
	double u = f->unit, indent = r->indicator ? f->indent : 0;
	double h = r->indicator ? u : (i > 0 ? 1.8 : 1.3) * u;
	double top = y + h - (r->indicator ? u : 1.3 * u);
	double hr = r->indicator ? u : 1.3 * u, yc = top + hr / 2;
	double bar_h = (r->indicator ? 0.5 : 0.66) * hr;

	if (!r->indicator && i > 0) {
		cairo_set_source_rgb(c->cr, 0.75, 0.75, 0.75);
		cairo_set_line_width(c->cr, 0.5);
		cairo_move_to(c->cr, b->x, top - 0.25 * u);
		cairo_line_to(c->cr, f->median_right, top - 0.25 * u);
		cairo_stroke(c->cr);
	}
	cidx_ptext_font(&c->t, f->fs, !r->indicator, 0);
	cidx_ptext_line(&c->t, row_name(r, c->lang), f->name_w - indent);
	cairo_set_source_rgb(c->cr, 0.07, 0.07, 0.07);
	cidx_ptext_show(&c->t, b->x + indent, cidx_ptext_mid(&c->t, yc),
	    AL_LEFT);
	draw_value(c, f, r, yc, bar_h);
	draw_median(c, f, r, yc, bar_h);
	return h;
}

static void
profile_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const char *value = cidx_plot_word(c->lang, W_VALUE);
	struct fig f = { 0 };
	double lo, hi, legend_h, axis_h, y;

	f.d = data;
	legend_h = legend(c, b, f.d);
	value_range(f.d, &lo, &hi);
	cidx_plot_ticks(lo, hi, 5, &f.tk);
	axis_h = cidx_plot_axis(c, &f.tk, 0, 1, 0, value, 0);
	rows(c, b, &f, legend_h, axis_h);
	columns(c, b, &f);
	draw_headers(c, &f);
	cidx_plot_grid(c, &f.tk, f.bar_left, f.bar_right, f.top, f.bottom);
	y = f.top;
	for (size_t i = 0; i < f.d->n; i++)
		y += draw_row(c, b, &f, i, y);
	cidx_plot_axis(c, &f.tk, f.bar_left, f.bar_right, f.bottom, value, 1);
}

const struct cidx_chart_draw cidx_plot_profile = {
	.check = profile_check,
	.size = profile_size,
	.draw = profile_draw,
};
