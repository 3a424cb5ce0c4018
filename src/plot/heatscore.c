/*
 * heatscore.c - the heatmap of scores (cidx_heatmap with cols): a row a
 * unit, in rank order with its rank, a column a pillar or an indicator,
 * each cell on the sequential ramp of the score map (darker = higher)
 * with its value when it fits, cells without data hatched.  Columns of
 * one group (the indicators of a pillar) sit between dark separators
 * under the group's name.  The colour scale is at the right.
 */
#include <math.h>
#include <stdio.h>

#include "plot/plot_int.h"

struct sfig {
	const struct cidx_heatmap *d;
	double fs, value_fs;	/* labels, values in cells */
	double row_w, gap;	/* the row labels' width, the gap after */
	double col_h;		/* the column labels' height */
	int vertical;		/* column labels upright */
	double group_h;		/* the band of group names, or 0 */
	double cw, ch;		/* a cell */
	double left, top;	/* of the table */
	double scale_w;
	double nan_h;		/* the "no data" note, or 0 */
	double lo, hi;
};

static int
any_nan(const struct cidx_heatmap *d)
{
	for (size_t i = 0; i < d->k * d->m; i++)
		if (isnan(d->r[i]))
			return 1;
	return 0;
}

/* the row label: "3  深圳市" */
static void
row_text(char *buf, size_t n, const struct cidx_heatmap *d, size_t i)
{
	char num[32];

	if (d->rank == NULL || d->rank[i] <= 0) {
		snprintf(buf, n, "%s", d->labels[i]);
	} else {
		cidx_plot_fmt_num(num, sizeof(num), d->rank[i], 0);
		snprintf(buf, n, "%s  %s", num, d->labels[i]);
	}
	cidx_plot_utf8_trim(buf);
}

static double
nan_note(struct cidx_plot_ctx *c, double x, double y, double w, int draw)
{
	struct legend_item it;

	it.label = cidx_plot_word(c->lang, W_NO_DATA);
	it.sw = SW_HATCH;
	it.col = cidx_pal_hex(0x909090);
	return cidx_plot_legend(c, &it, 1, x, y, w, draw);
}

/* the scale: lo and hi from the data when the caller gave none */
static void
scale_range(struct sfig *f)
{
	const struct cidx_heatmap *d = f->d;

	f->lo = d->lo;
	f->hi = d->hi;
	if (d->lo < d->hi)
		return;
	f->lo = INFINITY;
	f->hi = -INFINITY;
	for (size_t i = 0; i < d->k * d->m; i++)
		if (!isnan(d->r[i])) {
			f->lo = fmin(f->lo, d->r[i]);
			f->hi = fmax(f->hi, d->r[i]);
		}
	if (!(f->lo < f->hi)) {
		f->lo = isfinite(f->lo) ? f->lo - 1 : 0;
		f->hi = f->lo + 2;
	}
}

/* the sizes of labels and cells for labels of f->fs */
static void
size_cells(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct sfig *f)
{
	const struct cidx_heatmap *d = f->d;
	double row = 0, col = 0, k = (double)d->k;
	char buf[512];

	cidx_ptext_font(&c->t, f->fs, 0, 0);
	for (size_t i = 0; i < d->k; i++) {
		row_text(buf, sizeof(buf), d, i);
		row = fmax(row, cidx_ptext_measure(&c->t, buf));
	}
	for (size_t j = 0; j < d->m; j++)
		col = fmax(col, cidx_ptext_measure(&c->t, d->cols[j]));
	f->gap = f->fs * 0.5;
	/* names whole when the columns leave room (at most half) */
	f->row_w = fmin(row, fmax(b->w * 0.34, fmin(b->w * 0.5, b->w -
	    f->scale_w - (double)d->m * f->fs * 4.5)));
	f->cw = fmin((b->w - f->row_w - f->gap - f->scale_w) / (double)d->m,
	    f->fs * 12);
	f->vertical = col > f->cw * 0.92;
	cidx_ptext_line(&c->t, "M", 0);
	f->col_h = f->vertical ? fmin(col, b->h * 0.3) : cidx_ptext_h(&c->t);
	f->group_h = d->group && d->group_names ? cidx_ptext_h(&c->t) * 1.3 :
	    0;
	f->ch = fmin(f->fs * 1.7, (b->h - f->group_h - f->col_h - f->gap -
	    f->nan_h) / k);
}

static void
layout(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct sfig *f)
{
	f->fs = c->fs;
	size_cells(c, b, f);
	if (f->ch < f->fs * 1.25) {
		f->fs = fmax(1, f->ch / 1.25);
		size_cells(c, b, f);
	}
	f->ch = fmax(f->ch, 0.3);
	f->left = b->x + f->row_w + f->gap;
	f->top = b->y + f->group_h + f->col_h + f->gap;
	f->value_fs = fmin(f->fs * 0.9, f->ch * 0.62);
}

static struct rgb
cell_colour(const struct sfig *f, double v)
{
	return cidx_pal_seq((v - f->lo) / (f->hi - f->lo));
}

static void
draw_cells(struct cidx_plot_ctx *c, const struct sfig *f)
{
	const struct cidx_heatmap *d = f->d;
	cairo_t *cr = c->cr;
	char buf[64];

	cidx_ptext_font(&c->t, f->value_fs, 0, 0);
	for (size_t i = 0; i < d->k; i++)
		for (size_t j = 0; j < d->m; j++) {
			double v = d->r[i * d->m + j];
			double x = f->left + (double)j * f->cw;
			double y = f->top + (double)i * f->ch;
			struct rgb col = isnan(v) ? cidx_pal_hex(0xf0f0f0) :
			    cell_colour(f, v);

			cidx_pal_set(cr, col);
			cairo_rectangle(cr, x, y, f->cw, f->ch);
			cairo_fill(cr);
			if (isnan(v)) {
				cairo_rectangle(cr, x, y, f->cw, f->ch);
				cidx_plot_hatch(cr, fmax(1.5, f->ch / 3),
				    cidx_pal_hex(0x909090));
				continue;
			}
			cidx_plot_fmt_num(buf, sizeof(buf), v, 0);
			cidx_ptext_line(&c->t, buf, 0);
			if (f->ch < 7 || cidx_ptext_w(&c->t) + 2 > f->cw)
				continue;
			cidx_pal_set(cr, cidx_pal_text_on(col));
			cidx_ptext_show(&c->t, x + f->cw / 2,
			    cidx_ptext_mid(&c->t, y + f->ch / 2), AL_CENTER);
		}
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, fmin(0.6, f->ch * 0.06));
	for (size_t i = 0; i <= d->k; i++) {
		cairo_move_to(cr, f->left, f->top + (double)i * f->ch);
		cairo_line_to(cr, f->left + (double)d->m * f->cw,
		    f->top + (double)i * f->ch);
	}
	for (size_t j = 0; j <= d->m; j++) {
		cairo_move_to(cr, f->left + (double)j * f->cw, f->top);
		cairo_line_to(cr, f->left + (double)j * f->cw,
		    f->top + (double)d->k * f->ch);
	}
	cairo_stroke(cr);
}

/* the rows' labels at the left, the columns' above */
static void
draw_labels(struct cidx_plot_ctx *c, const struct sfig *f)
{
	const struct cidx_heatmap *d = f->d;
	cairo_t *cr = c->cr;
	double y = f->top - f->gap;
	char buf[512];

	cidx_ptext_font(&c->t, f->fs, 0, 0);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	for (size_t i = 0; i < d->k; i++) {
		row_text(buf, sizeof(buf), d, i);
		cidx_ptext_line(&c->t, buf, f->row_w);
		cidx_ptext_show(&c->t, f->left - f->gap, cidx_ptext_mid(&c->t,
		    f->top + ((double)i + 0.5) * f->ch), AL_RIGHT);
	}
	for (size_t j = 0; j < d->m; j++)
		cidx_plot_col_label(c, d->cols[j], f->left + ((double)j + 0.5) *
		    f->cw, y, f->vertical ? f->col_h : f->cw, f->vertical);
}

/* the groups: a dark line between two, the name above each */
static void
draw_groups(struct cidx_plot_ctx *c, const struct sfig *f)
{
	const struct cidx_heatmap *d = f->d;
	double y0 = f->top - f->gap - f->col_h - f->group_h;
	double y1 = f->top + (double)d->k * f->ch;
	size_t first = 0;

	if (d->group == NULL)
		return;
	cidx_ptext_font(&c->t, f->fs, 1, 0);
	for (size_t j = 1; j <= d->m; j++) {
		double xa = f->left + (double)first * f->cw;
		double xb = f->left + (double)j * f->cw;

		if (j < d->m && d->group[j] == d->group[first])
			continue;
		if (j < d->m) {
			cairo_set_source_rgb(c->cr, 0.2, 0.2, 0.2);
			cairo_set_line_width(c->cr, 1.2);
			cairo_move_to(c->cr, xb, y0);
			cairo_line_to(c->cr, xb, y1);
			cairo_stroke(c->cr);
		}
		if (d->group_names != NULL) {
			cidx_ptext_line(&c->t, d->group_names[d->group[first]],
			    xb - xa - f->fs * 0.4);
			cairo_set_source_rgb(c->cr, 0.15, 0.15, 0.15);
			cidx_ptext_show_top(&c->t, (xa + xb) / 2, y0,
			    AL_CENTER);
		}
		first = j;
	}
}

/* the width of the scale: the bar, its numbers, its title */
static double
scale_width(struct cidx_plot_ctx *c, const struct sfig *f)
{
	char a[64], b[64];
	double w;

	cidx_plot_fmt_num(a, sizeof(a), f->lo, 0);
	cidx_plot_fmt_num(b, sizeof(b), f->hi, 0);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	w = c->fs * 2 + fmax(cidx_ptext_measure(&c->t, a),
	    cidx_ptext_measure(&c->t, b));
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	return fmax(w, cidx_ptext_measure(&c->t, cidx_plot_word(c->lang,
	    W_VALUE))) + c->fs;
}

/* the scale right of the table: hi at the top */
static void
draw_scale(struct cidx_plot_ctx *c, const struct sfig *f)
{
	cairo_t *cr = c->cr;
	double x = f->left + (double)f->d->m * f->cw + c->fs;
	double h = fmin((double)f->d->k * f->ch, 180), bw = c->fs * 1.2;
	cairo_pattern_t *pat;
	struct ticks tk;
	char buf[64];

	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_VALUE), 0);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cidx_ptext_show(&c->t, x, f->top - c->fs * 0.6, AL_LEFT);
	pat = cairo_pattern_create_linear(0, f->top + h, 0, f->top);
	for (int i = 0; i <= 10; i++) {
		struct rgb col = cidx_pal_seq(i / 10.0);

		cairo_pattern_add_color_stop_rgb(pat, i / 10.0, col.r, col.g,
		    col.b);
	}
	cairo_set_source(cr, pat);
	cairo_rectangle(cr, x, f->top, bw, h);
	cairo_fill(cr);
	cairo_pattern_destroy(pat);
	cidx_plot_ticks(f->lo, f->hi, 4, &tk);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	cairo_set_line_width(cr, 0.4);
	for (int i = 0; i < tk.n; i++) {
		double v = tk.lo + tk.step * i, y;

		if (v < f->lo - 1e-9 || v > f->hi + 1e-9)
			continue;
		y = f->top + h * (f->hi - v) / (f->hi - f->lo);
		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cairo_move_to(cr, x + bw, y);
		cairo_line_to(cr, x + c->fs * 1.6, y);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, tk.dec);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, x + c->fs * 1.8,
		    cidx_ptext_mid(&c->t, y), AL_LEFT);
	}
}

void
cidx_plot_scores(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_heatmap *d)
{
	struct sfig f = { 0 };
	int nan = any_nan(d);
	double bottom;

	f.d = d;
	scale_range(&f);
	f.scale_w = scale_width(c, &f);
	f.nan_h = nan ? nan_note(c, b->x, 0, b->w, 0) + c->fs * 0.4 : 0;
	layout(c, b, &f);
	draw_cells(c, &f);
	draw_labels(c, &f);
	draw_groups(c, &f);
	draw_scale(c, &f);
	bottom = f.top + fmax((double)d->k * f.ch, fmin((double)d->k * f.ch,
	    180) + c->fs);
	if (nan)
		bottom += nan_note(c, b->x, bottom + c->fs * 0.4, b->w, 1) +
		    c->fs * 0.4;
	c->used_bottom = bottom + c->fs * 0.2;
}
