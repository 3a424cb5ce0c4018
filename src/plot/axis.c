/*
 * axis.c - a value axis: ticks at round steps, the axis with its labels
 * and title, and the light grid lines behind the bars.
 */
#include <math.h>

#include "plot/plot_int.h"

void
cidx_plot_ticks(double lo, double hi, int target, struct ticks *tk)
{
	double raw, mag, norm, step;

	if (!(hi > lo))
		hi = lo + 1;
	if (target < 2)
		target = 2;
	raw = (hi - lo) / target;
	mag = pow(10, floor(log10(raw)));
	norm = raw / mag;
	step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
	step *= mag;
	tk->step = step;
	tk->lo = floor(lo / step + 1e-9) * step;
	tk->hi = ceil(hi / step - 1e-9) * step;
	tk->n = (int)lround((tk->hi - tk->lo) / step) + 1;
	tk->dec = (int)-floor(log10(step) + 1e-9);
	if (tk->dec < 0)
		tk->dec = 0;
}

static double
tick_x(const struct ticks *tk, int i, double x0, double x1)
{
	return x0 + (double)i * tk->step / (tk->hi - tk->lo) * (x1 - x0);
}

double
cidx_plot_axis(struct cidx_plot_ctx *c, const struct ticks *tk, double x0,
    double x1, double y, const char *title, int draw)
{
	double fs = c->fs * 0.9, h = 3 + fs * 1.3;
	char buf[64];

	if (title != NULL)
		h += c->fs * 1.4;
	if (!draw)
		return h + 2;
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(c->cr, 0.6);
	cairo_move_to(c->cr, x0, y);
	cairo_line_to(c->cr, x1, y);
	cairo_stroke(c->cr);
	cidx_ptext_font(&c->t, fs, 0, 0);
	for (int i = 0; i < tk->n; i++) {
		double x = tick_x(tk, i, x0, x1);

		cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
		cairo_move_to(c->cr, x, y);
		cairo_line_to(c->cr, x, y + 3);
		cairo_stroke(c->cr);
		cidx_plot_fmt_num(buf, sizeof(buf), tk->lo + i * tk->step,
		    tk->dec);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(c->cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, x, y + 3 + fs * 1.05, AL_CENTER);
	}
	if (title != NULL) {
		cidx_ptext_font(&c->t, c->fs, 0, 0);
		cidx_ptext_line(&c->t, title, x1 - x0);
		cidx_ptext_show(&c->t, (x0 + x1) / 2,
		    y + 3 + fs * 1.3 + c->fs * 1.1, AL_CENTER);
	}
	cairo_restore(c->cr);
	return h + 2;
}

void
cidx_plot_grid(struct cidx_plot_ctx *c, const struct ticks *tk, double x0,
    double x1, double y0, double y1)
{
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0.88, 0.88, 0.88);
	cairo_set_line_width(c->cr, 0.5);
	for (int i = 0; i < tk->n; i++) {
		double x = tick_x(tk, i, x0, x1);

		cairo_move_to(c->cr, x, y0);
		cairo_line_to(c->cr, x, y1);
	}
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
}

void
cidx_plot_zero_line(struct cidx_plot_ctx *c, const struct ticks *tk,
    double x0, double x1, double y0, double y1)
{
	double xz = x0 + (0 - tk->lo) / (tk->hi - tk->lo) * (x1 - x0);

	if (!(tk->lo < 0))
		return;
	cairo_set_source_rgb(c->cr, 0.3, 0.3, 0.3);
	cairo_set_line_width(c->cr, 0.6);
	cairo_move_to(c->cr, xz, y0);
	cairo_line_to(c->cr, xz, y1);
	cairo_stroke(c->cr);
}

void
cidx_plot_col_label(struct cidx_plot_ctx *c, const char *text, double mid,
    double y, double room, int vertical)
{
	cidx_ptext_line(&c->t, text, room);
	if (!vertical) {
		cidx_ptext_show(&c->t, mid, y - cidx_ptext_h(&c->t) +
		    cidx_ptext_baseline(&c->t), AL_CENTER);
		return;
	}
	cairo_save(c->cr);
	cairo_translate(c->cr, mid, y);
	cairo_rotate(c->cr, -PLOT_PI / 2);
	cidx_ptext_show(&c->t, 0, cidx_ptext_mid(&c->t, 0), AL_LEFT);
	cairo_restore(c->cr);
}
