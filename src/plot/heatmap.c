/*
 * heatmap.c - a k x k correlation matrix: square cells on a diverging
 * scale (RdBu, white at 0) with the value printed in each, black or white
 * by the cell's luminance; undefined (NaN) cells hatched and explained.
 * Column labels turn vertical when they do not fit across a cell.
 * A table of scores (units by pillar or indicator) is heatscore.c's.
 * The page is as tall as what is drawn (fit_height).
 */
#include <math.h>

#include "plot/plot_int.h"

/* a table of scores: names, finite or NaN values, groups in order */
static int
scores_check(const struct cidx_heatmap *d, struct cidx_err *err)
{
	if (d->m == 0 || d->k > 5000 || d->m > 1000)
		return cidx_err_set(err, CIDX_EINVAL, "heatmap: %zu x %zu "
		    "scores (1 to 5000 rows, 1 to 1000 columns)", d->k, d->m);
	for (size_t i = 0; i < d->k; i++)
		if (cidx_plot_name_check("heatmap: row", i + 1, d->labels[i],
		    err) < 0)
			return CIDX_EINVAL;
	for (size_t j = 0; j < d->m; j++) {
		if (cidx_plot_name_check("heatmap: column", j + 1, d->cols[j],
		    err) < 0)
			return CIDX_EINVAL;
		if (d->group != NULL && j > 0 && d->group[j] < d->group[j - 1])
			return cidx_err_set(err, CIDX_EINVAL, "heatmap: the "
			    "columns' groups must not decrease");
		if (d->group != NULL && d->group_names != NULL &&
		    cidx_plot_name_check("heatmap: group", d->group[j] + 1,
		    d->group_names[d->group[j]], err) < 0)
			return CIDX_EINVAL;
	}
	for (size_t i = 0; i < d->k * d->m; i++)
		if (isinf(d->r[i]))
			return cidx_err_set(err, CIDX_EINVAL, "heatmap: '%s' x "
			    "'%s': not a finite score", d->labels[i / d->m],
			    d->cols[i % d->m]);
	if (!isfinite(d->lo) || !isfinite(d->hi) || d->lo > d->hi)
		return cidx_err_set(err, CIDX_EINVAL, "heatmap: the scale "
		    "must be finite, lo <= hi");
	return 0;
}

static int
heatmap_check(const void *data, struct cidx_err *err)
{
	const struct cidx_heatmap *d = data;

	if (d->k == 0 || d->labels == NULL || d->r == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "heatmap: no matrix");
	if (d->cols != NULL)
		return scores_check(d, err);
	if (d->k > 1000)
		return cidx_err_set(err, CIDX_EINVAL, "heatmap: %zu rows is "
		    "more than 1000", d->k);
	for (size_t i = 0; i < d->k; i++)
		if (cidx_plot_name_check("heatmap: row", i + 1, d->labels[i],
		    err) < 0)
			return CIDX_EINVAL;
	for (size_t i = 0; i < d->k * d->k; i++) {
		double v = d->r[i];

		if (!isnan(v) && !(v >= -1 - 1e-9 && v <= 1 + 1e-9))
			return cidx_err_set(err, CIDX_EINVAL, "heatmap: "
			    "'%s' x '%s': %g is not a correlation in [-1, 1]",
			    d->labels[i / d->k], d->labels[i % d->k], v);
	}
	return 0;
}

/* as tall as a page can be for the rows; cut to what is drawn
 * (fit_height) */
static void
heatmap_size(const void *data, double *w, double *h)
{
	const struct cidx_heatmap *d = data;

	*w = 540;
	*h = d->cols == NULL ? 600 : 280 + 14 * (double)d->k;
	*h = *h > 2400 ? 2400 : *h;
}

/* a heatmap being drawn: its labels and cells */
struct fig {
	const struct cidx_heatmap *d;
	size_t k;
	double label_fs;	/* the row and column labels */
	double value_fs;	/* the values in the cells */
	double row_label_w;
	double col_label_h;
	int vertical;		/* column labels turned upright */
	double gap;		/* between the labels and the cells */
	double cell;		/* the side of a cell */
	double left, top;	/* of the matrix */
	double scale_w;		/* the colour scale with its numbers */
	double nan_h;		/* the note on hatched cells, or 0 */
};

static int
has_nan(const struct cidx_heatmap *d)
{
	for (size_t i = 0; i < d->k * d->k; i++)
		if (isnan(d->r[i]))
			return 1;
	return 0;
}

/* the note on the hatched cells, drawn at y when `draw`; @return its
 * height */
static double
nan_legend(struct cidx_plot_ctx *c, const struct cidx_rect *b, double y,
    int draw)
{
	struct legend_item it;

	it.label = cidx_plot_word(c->lang, W_HATCHED_NAN);
	it.sw = SW_HATCH;
	it.col = cidx_pal_hex(0x909090);
	return cidx_plot_legend(c, &it, 1, b->x, y, b->w, draw);
}

/* the width of the colour scale: bar, numbers, and its title above */
static double
scale_width(struct cidx_plot_ctx *c)
{
	double w;

	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	w = c->fs * 1.6 + c->fs * 0.4 + cidx_ptext_measure(&c->t, "-0.5");
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	return fmax(w, cidx_ptext_measure(&c->t,
	    cidx_plot_word(c->lang, W_CORRELATION))) + c->fs;
}

static double
widest(struct cidx_plot_ctx *c, const struct cidx_heatmap *d)
{
	double w = 0;

	for (size_t i = 0; i < d->k; i++)
		w = fmax(w, cidx_ptext_measure(&c->t, d->labels[i]));
	return w;
}

/* the cell size with labels of f->label_fs: column labels across the
 * cells when they fit, else upright */
static void
cells_for_labels(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    struct fig *f)
{
	double maxw, k = (double)f->k;

	cidx_ptext_font(&c->t, f->label_fs, 0, 0);
	maxw = widest(c, f->d);
	f->gap = f->label_fs * 0.5;
	f->row_label_w = fmin(maxw, b->w * 0.28);
	f->cell = (b->w - f->row_label_w - f->gap - f->scale_w) / k;
	f->vertical = maxw > f->cell * 0.92;
	f->col_label_h = f->vertical ? fmin(maxw, b->h * 0.25) :
	    cidx_ptext_h(&c->t);
	f->cell = fmin(f->cell, (b->h - f->nan_h - f->col_label_h - f->gap) /
	    k);
	if (!f->vertical && maxw > f->cell * 0.92) {
		f->vertical = 1;
		f->col_label_h = fmin(maxw, b->h * 0.25);
		f->cell = fmin(f->cell, (b->h - f->nan_h - f->col_label_h -
		    f->gap) / k);
	}
}

/* the cells and labels in b; labels shrink with the cells when k is
 * large */
static void
layout(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	f->label_fs = c->fs;
	cells_for_labels(c, b, f);
	if (f->cell < f->label_fs * 1.3) {
		f->label_fs = fmax(1, f->cell / 1.3);
		cells_for_labels(c, b, f);
	}
	f->cell = fmax(f->cell, 0.5);
	f->left = b->x + f->row_label_w + f->gap;
	f->top = b->y + f->col_label_h + f->gap;
	f->value_fs = fmin(f->label_fs, f->cell * 0.3);
}

/* the cells with their values, undefined ones hatched, and thin white
 * lines between them */
static void
draw_cells(struct cidx_plot_ctx *c, const struct fig *f)
{
	cairo_t *cr = c->cr;
	size_t k = f->k;
	double s = f->cell;
	char buf[64];

	for (size_t i = 0; i < k; i++) {
		for (size_t j = 0; j < k; j++) {
			double v = f->d->r[i * k + j];
			double x = f->left + (double)j * s;
			double y = f->top + (double)i * s;
			struct rgb col = isnan(v) ? cidx_pal_hex(0xf0f0f0) :
			    cidx_pal_div(v);

			cidx_pal_set(cr, col);
			cairo_rectangle(cr, x, y, s, s);
			cairo_fill(cr);
			if (isnan(v)) {
				cairo_rectangle(cr, x, y, s, s);
				cidx_plot_hatch(cr, fmax(1.5, s / 5),
				    cidx_pal_hex(0x909090));
				continue;
			}
			cidx_plot_fmt_num(buf, sizeof(buf), v, 2);
			cidx_ptext_font(&c->t, f->value_fs, 0, 0);
			cidx_ptext_line(&c->t, buf, 0);
			cidx_pal_set(cr, cidx_pal_text_on(col));
			cidx_ptext_show(&c->t, x + s / 2,
			    cidx_ptext_mid(&c->t, y + s / 2), AL_CENTER);
		}
	}
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, fmin(0.8, s * 0.06));
	for (size_t i = 0; i <= k; i++) {
		double at = (double)i * s, end = (double)k * s;

		cairo_move_to(cr, f->left, f->top + at);
		cairo_line_to(cr, f->left + end, f->top + at);
		cairo_move_to(cr, f->left + at, f->top);
		cairo_line_to(cr, f->left + at, f->top + end);
	}
	cairo_stroke(cr);
}

/* the row labels at the left, the column labels above */
static void
draw_labels(struct cidx_plot_ctx *c, const struct fig *f)
{
	cairo_t *cr = c->cr;
	double s = f->cell, y = f->top - f->gap;

	cidx_ptext_font(&c->t, f->label_fs, 0, 0);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	for (size_t i = 0; i < f->k; i++) {
		double mid = f->top + ((double)i + 0.5) * s;

		cidx_ptext_line(&c->t, f->d->labels[i], f->row_label_w);
		cidx_ptext_show(&c->t, f->left - f->gap,
		    cidx_ptext_mid(&c->t, mid), AL_RIGHT);
	}
	for (size_t j = 0; j < f->k; j++) {
		double mid = f->left + ((double)j + 0.5) * s;

		cidx_ptext_line(&c->t, f->d->labels[j],
		    f->vertical ? f->col_label_h : s);
		if (!f->vertical) {
			cidx_ptext_show(&c->t, mid, y - cidx_ptext_h(&c->t) +
			    cidx_ptext_baseline(&c->t), AL_CENTER);
			continue;
		}
		cairo_save(cr);
		cairo_translate(cr, mid, y);
		cairo_rotate(cr, -PLOT_PI / 2);
		cidx_ptext_show(&c->t, 0, cidx_ptext_mid(&c->t, 0), AL_LEFT);
		cairo_restore(cr);
	}
}

/* the colour scale right of the matrix, as tall as it, +1 at the top */
static void
draw_scale(struct cidx_plot_ctx *c, const struct fig *f)
{
	cairo_t *cr = c->cr;
	double x = f->left + (double)f->k * f->cell + c->fs;
	double h = (double)f->k * f->cell, bar_w = c->fs * 1.2;
	cairo_pattern_t *pat;
	char buf[64];

	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_CORRELATION),
	    f->scale_w - c->fs * 0.5);
	cidx_ptext_show(&c->t, x, f->top - c->fs * 1.2, AL_LEFT);
	pat = cairo_pattern_create_linear(0, f->top + h, 0, f->top);
	for (int i = 0; i <= 20; i++) {
		struct rgb col = cidx_pal_div(-1 + i / 10.0);

		cairo_pattern_add_color_stop_rgb(pat, i / 20.0, col.r, col.g,
		    col.b);
	}
	cairo_set_source(cr, pat);
	cairo_rectangle(cr, x, f->top, bar_w, h);
	cairo_fill(cr);
	cairo_pattern_destroy(pat);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	cairo_set_line_width(cr, 0.4);
	cairo_rectangle(cr, x, f->top, bar_w, h);
	cairo_stroke(cr);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	for (int i = 0; i <= 4; i++) {
		double v = 1 - i * 0.5, y = f->top + h * i / 4.0;

		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cairo_move_to(cr, x + bar_w, y);
		cairo_line_to(cr, x + c->fs * 1.6, y);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, 1);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, x + c->fs * 1.8,
		    cidx_ptext_mid(&c->t, y), AL_LEFT);
	}
}

static void
heatmap_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	struct fig f = { 0 };
	int nan;

	if (((const struct cidx_heatmap *)data)->cols != NULL) {
		cidx_plot_scores(c, b, data);
		return;
	}
	nan = has_nan(data);
	f.d = data;
	f.k = f.d->k;
	f.nan_h = nan ? nan_legend(c, b, 0, 0) + c->fs * 0.4 : 0;
	f.scale_w = scale_width(c);
	layout(c, b, &f);
	draw_cells(c, &f);
	draw_labels(c, &f);
	draw_scale(c, &f);
	c->used_bottom = f.top + (double)f.k * f.cell + c->fs * 0.2;
	if (nan)
		c->used_bottom += nan_legend(c, b, f.top + (double)f.k *
		    f.cell + c->fs * 0.4, 1) + c->fs * 0.2;
}

const struct cidx_chart_draw cidx_plot_heatmap = {
	.check = heatmap_check,
	.size = heatmap_size,
	.draw = heatmap_draw,
};
