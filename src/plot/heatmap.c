/*
 * heatmap.c - a k x k correlation matrix: square cells on a diverging
 * scale (RdBu, white at 0) with the value printed in each, black or white
 * by the cell's luminance; undefined (NaN) cells hatched and explained.
 * Column labels turn vertical when they do not fit across a cell.
 */
#include <math.h>

#include "plot/plot_int.h"

static int
heatmap_check(const void *data, struct cidx_err *err)
{
	const struct cidx_heatmap *d = data;

	if (d->k == 0 || d->labels == NULL || d->r == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "heatmap: no matrix");
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

static void
heatmap_size(const void *data, double *w, double *h)
{
	(void)data;
	*w = 540;
	*h = 600;
}

static double
widest(struct cidx_plot_ctx *c, const struct cidx_heatmap *d)
{
	double w = 0;

	for (size_t i = 0; i < d->k; i++)
		w = fmax(w, cidx_ptext_measure(&c->t, d->labels[i]));
	return w;
}

static void
heatmap_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_heatmap *d = data;
	cairo_t *cr = c->cr;
	size_t k = d->k;
	int any_nan = 0, vertical = 1;
	double lfs = c->fs, maxw, rlw, clh, nh = 0, lgw, s, gx, gy, gap,
	    vfs, lx, lh;
	struct legend_item nan_item;
	cairo_pattern_t *pat;
	char buf[64];

	for (size_t i = 0; i < k * k; i++)
		any_nan |= isnan(d->r[i]);
	if (any_nan) {
		nan_item.label = cidx_plot_word(c->lang, W_HATCHED_NAN);
		nan_item.sw = SW_HATCH;
		nan_item.col = cidx_pal_hex(0x909090);
		nh = cidx_plot_legend(c, &nan_item, 1, b->x, 0, b->w, 0) +
		    c->fs * 0.4;
	}
	/* the legend bar: bar, tick labels, and its title above */
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	lgw = c->fs * 1.6 + c->fs * 0.4 + cidx_ptext_measure(&c->t, "-0.5");
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	lgw = fmax(lgw, cidx_ptext_measure(&c->t,
	    cidx_plot_word(c->lang, W_CORRELATION))) + c->fs;

	/* cell size; labels shrink with the cells when k is large */
	for (int pass = 0; pass < 2; pass++) {
		cidx_ptext_font(&c->t, lfs, 0, 0);
		maxw = widest(c, d);
		gap = lfs * 0.5;
		rlw = fmin(maxw, b->w * 0.28);
		s = (b->w - rlw - gap - lgw) / (double)k;
		vertical = maxw > s * 0.92;
		clh = vertical ? fmin(maxw, b->h * 0.25) : cidx_ptext_h(&c->t);
		s = fmin(s, (b->h - nh - clh - gap) / (double)k);
		if (!vertical && maxw > s * 0.92) {
			vertical = 1;
			clh = fmin(maxw, b->h * 0.25);
			s = fmin(s, (b->h - nh - clh - gap) / (double)k);
		}
		if (s >= lfs * 1.3 || pass == 1)
			break;
		lfs = fmax(1, s / 1.3);
	}
	s = fmax(s, 0.5);
	gx = b->x + rlw + gap;
	gy = b->y + clh + gap;
	vfs = fmin(lfs, s * 0.3);

	for (size_t i = 0; i < k; i++) {
		for (size_t j = 0; j < k; j++) {
			double v = d->r[i * k + j], x = gx + (double)j * s,
			    y = gy + (double)i * s;
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
			cidx_ptext_font(&c->t, vfs, 0, 0);
			cidx_ptext_line(&c->t, buf, 0);
			cidx_pal_set(cr, cidx_pal_text_on(col));
			cidx_ptext_show(&c->t, x + s / 2,
			    cidx_ptext_mid(&c->t, y + s / 2), AL_CENTER);
		}
	}
	/* thin white lines between the cells */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, fmin(0.8, s * 0.06));
	for (size_t i = 0; i <= k; i++) {
		cairo_move_to(cr, gx, gy + (double)i * s);
		cairo_line_to(cr, gx + (double)k * s, gy + (double)i * s);
		cairo_move_to(cr, gx + (double)i * s, gy);
		cairo_line_to(cr, gx + (double)i * s, gy + (double)k * s);
	}
	cairo_stroke(cr);

	cidx_ptext_font(&c->t, lfs, 0, 0);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	for (size_t i = 0; i < k; i++) {
		double mid = gy + ((double)i + 0.5) * s;

		cidx_ptext_line(&c->t, d->labels[i], rlw);
		cidx_ptext_show(&c->t, gx - gap, cidx_ptext_mid(&c->t, mid),
		    AL_RIGHT);
	}
	for (size_t j = 0; j < k; j++) {
		double mid = gx + ((double)j + 0.5) * s;

		cidx_ptext_line(&c->t, d->labels[j], vertical ? clh : s);
		if (!vertical) {
			cidx_ptext_show(&c->t, mid,
			    gy - gap - cidx_ptext_h(&c->t) +
			    cidx_ptext_baseline(&c->t),
			    AL_CENTER);
			continue;
		}
		cairo_save(cr);
		cairo_translate(cr, mid, gy - gap);
		cairo_rotate(cr, -PLOT_PI / 2);
		cidx_ptext_show(&c->t, 0, cidx_ptext_mid(&c->t, 0), AL_LEFT);
		cairo_restore(cr);
	}

	/* the colour scale, as tall as the matrix, top = +1 */
	lx = gx + (double)k * s + c->fs;
	lh = (double)k * s;
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_CORRELATION),
	    lgw - c->fs * 0.5);
	cidx_ptext_show(&c->t, lx, gy - c->fs * 1.2, AL_LEFT);
	pat = cairo_pattern_create_linear(0, gy + lh, 0, gy);
	for (int i = 0; i <= 20; i++) {
		struct rgb col = cidx_pal_div(-1 + i / 10.0);

		cairo_pattern_add_color_stop_rgb(pat, i / 20.0, col.r, col.g,
		    col.b);
	}
	cairo_set_source(cr, pat);
	cairo_rectangle(cr, lx, gy, c->fs * 1.2, lh);
	cairo_fill(cr);
	cairo_pattern_destroy(pat);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	cairo_set_line_width(cr, 0.4);
	cairo_rectangle(cr, lx, gy, c->fs * 1.2, lh);
	cairo_stroke(cr);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	for (int i = 0; i <= 4; i++) {
		double v = 1 - i * 0.5, y = gy + lh * i / 4.0;

		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cairo_move_to(cr, lx + c->fs * 1.2, y);
		cairo_line_to(cr, lx + c->fs * 1.6, y);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, 1);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, lx + c->fs * 1.8,
		    cidx_ptext_mid(&c->t, y), AL_LEFT);
	}
	if (any_nan)
		cidx_plot_legend(c, &nan_item, 1, b->x, gy + (double)k * s +
		    c->fs * 0.4, b->w, 1);
}

const struct cidx_chart_type cidx_chart_heatmap = {
	.name = "heatmap",
	.opts = CIDX_CHART_OPT_OF,
	.check = heatmap_check,
	.size = heatmap_size,
	.draw = heatmap_draw,
};
