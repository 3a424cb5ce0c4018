/*
 * legend.c - legends: a row of swatches (box, line, dot, range, tick,
 * hatching) with their labels, wrapped to the width; and the diagonal
 * hatching of areas without a value.
 */
#include <math.h>

#include "plot/plot_int.h"

static double
swatch_w(enum swatch sw, double s)
{
	return sw == SW_LINE || sw == SW_DASH_ENTRY || sw == SW_RANGE ?
	    2 * s : s;
}

static void
swatch(cairo_t *cr, enum swatch sw, struct rgb col, double x, double yc,
    double s)
{
	cairo_save(cr);
	cairo_new_path(cr);
	cidx_pal_set(cr, col);
	switch (sw) {
	case SW_BOX:
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		cairo_fill(cr);
		break;
	case SW_HATCH:
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
		cairo_fill_preserve(cr);
		cidx_plot_hatch(cr, 2.5, col);
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		cidx_pal_set(cr, col);
		cairo_set_line_width(cr, 0.4);
		cairo_stroke(cr);
		break;
	case SW_EDGED:
		cairo_rectangle(cr, x + 0.25, yc - s / 2 + 0.25, s - 0.5,
		    s - 0.5);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.54, 0.54, 0.54);
		cairo_set_line_width(cr, 0.5);
		cairo_stroke(cr);
		break;
	case SW_LINE:
	case SW_RANGE:
		cairo_set_line_width(cr, sw == SW_LINE ? 1.5 : 1.2);
		cairo_move_to(cr, x, yc);
		cairo_line_to(cr, x + 2 * s, yc);
		cairo_stroke(cr);
		break;
	case SW_DASH_ENTRY: {
		double d[] = { 2, 1.5 };

		cairo_set_line_width(cr, 1);
		cairo_arc(cr, x + s * 0.25, yc, s * 0.22, 0, 2 * PLOT_PI);
		cairo_stroke(cr);
		cairo_set_dash(cr, d, 2, 0);
		cairo_move_to(cr, x + s * 0.5, yc);
		cairo_line_to(cr, x + 2 * s, yc);
		cairo_stroke(cr);
		break;
	}
	case SW_DOT:
		cairo_arc(cr, x + s / 2, yc, s * 0.3, 0, 2 * PLOT_PI);
		cairo_fill(cr);
		break;
	case SW_TICK:
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, x + s / 2, yc - s / 2);
		cairo_line_to(cr, x + s / 2, yc + s / 2);
		cairo_stroke(cr);
		break;
	}
	cairo_restore(cr);
}

double
cidx_plot_legend(struct cidx_plot_ctx *c, const struct legend_item *it,
    size_t n, double x, double y, double w, int draw)
{
	double s = c->fs, row = c->fs * 1.6, cx = x, cy = y;

	cidx_ptext_font(&c->t, c->fs, 0, 0);
	for (size_t i = 0; i < n; i++) {
		double sw = swatch_w(it[i].sw, s), tw, iw;

		/* one item never takes more than the whole width */
		cidx_ptext_line(&c->t, it[i].label, w - sw - 0.4 * s);
		tw = cidx_ptext_w(&c->t);
		iw = sw + 0.4 * s + tw;
		if (cx > x && cx + iw > x + w) {
			cx = x;
			cy += row;
		}
		if (draw) {
			swatch(c->cr, it[i].sw, it[i].col, cx, cy + row / 2, s);
			cairo_set_source_rgb(c->cr, 0.15, 0.15, 0.15);
			cidx_ptext_show(&c->t, cx + sw + 0.4 * s,
			    cidx_ptext_mid(&c->t, cy + row / 2), AL_LEFT);
		}
		cx += iw + 1.4 * s;
	}
	return n ? cy + row - y : 0;
}

void
cidx_plot_hatch(cairo_t *cr, double spacing, struct rgb col)
{
	double x0, y0, x1, y1;

	cairo_save(cr);
	cairo_clip(cr);
	cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
	cidx_pal_set(cr, col);
	cairo_set_line_width(cr, 0.5);
	for (double d = x0 - (y1 - y0); d < x1; d += spacing) {
		cairo_move_to(cr, d, y1);
		cairo_line_to(cr, d + (y1 - y0), y0);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}
