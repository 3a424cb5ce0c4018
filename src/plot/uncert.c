/*
 * uncert.c - rank uncertainty (Monte Carlo): units in nominal rank order,
 * each a line from its 5th to its 95th percentile rank, a tick at the
 * median rank and a dot at the nominal rank; rank 1 at the left.
 */
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

static int
uncert_check(const void *data, struct cidx_err *err)
{
	const struct cidx_uncert *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "uncertainty chart: no "
		    "units");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_uncert_unit *u = &d->units[i];

		if (cidx_plot_name_check("uncertainty chart: unit", i + 1,
		    u->name, err) < 0)
			return CIDX_EINVAL;
		if (u->rank < 1 || u->rank > 1000000)
			return cidx_err_set(err, CIDX_EINVAL, "uncertainty "
			    "chart: '%s': nominal rank %d is not 1 or more",
			    u->name, u->rank);
		if (!(u->p05 >= 0 && u->p05 <= u->p50 && u->p50 <= u->p95 &&
		    u->p95 <= 1e6))
			return cidx_err_set(err, CIDX_EINVAL, "uncertainty "
			    "chart: '%s': percentile ranks must be finite, "
			    "p05 <= p50 <= p95", u->name);
	}
	return 0;
}

static void
uncert_size(const void *data, double *w, double *h)
{
	const struct cidx_uncert *d = data;

	cidx_plot_bar_size(cidx_plot_bar_rows(d->top, d->n), 130, 13.5, w, h);
}

/* the units by nominal rank, then in input order */
static size_t *
by_rank(const struct cidx_uncert *d)
{
	struct cidx_plot_row *row = xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = d->units[i].rank;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

static void
uncert_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_uncert *d = data;
	cairo_t *cr = c->cr;
	size_t n = cidx_plot_bar_rows(d->top, d->n), *ord = by_rank(d);
	struct legend_item items[3];
	struct rgb range = cidx_pal_hex(0x56b4e9), med = cidx_pal_hex(0x0072b2);
	double hi = 1, lh, ah, y0, y1, rh, lfs, rw = 0, nw = 0, xr, xn, x0,
	    x1, scale;
	struct ticks tk;
	char buf[64];

	for (size_t r = 0; r < n; r++) {
		const struct cidx_uncert_unit *u = &d->units[ord[r]];

		hi = fmax(hi, fmax(u->p95, u->rank));
	}
	items[0].label = cidx_plot_word(c->lang, W_NOMINAL_RANK);
	items[0].sw = SW_DOT;
	items[0].col = cidx_pal_hex(0x1a1a1a);
	items[1].label = cidx_plot_word(c->lang, W_RANGE_5_95);
	items[1].sw = SW_RANGE;
	items[1].col = range;
	items[2].label = cidx_plot_word(c->lang, W_MEDIAN_RANK);
	items[2].sw = SW_TICK;
	items[2].col = med;
	lh = cidx_plot_legend(c, items, 3, b->x, b->y, b->w, 1);

	/* ranks 1 .. a round number; tick 0 is shown as 1 */
	cidx_plot_ticks(0, hi, 6, &tk);
	if (tk.step < 1) {
		tk.step = 1;
		tk.hi = fmax(2, ceil(hi));
		tk.n = (int)tk.hi + 1;
		tk.dec = 0;
	}
	ah =
	    cidx_plot_axis(c, &tk, 0, 1, 0, cidx_plot_word(c->lang, W_RANK), 0);
	cidx_plot_bar_layout(c, b, lh, ah, n, &y0, &y1, &rh, &lfs);
	cidx_ptext_font(&c->t, lfs, 0, 0);
	for (size_t r = 0; r < n; r++) {
		const struct cidx_uncert_unit *u = &d->units[ord[r]];

		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		rw = fmax(rw, cidx_ptext_measure(&c->t, buf));
		nw = fmax(nw, cidx_ptext_measure(&c->t, u->name));
	}
	nw = fmin(nw, b->w * 0.36);
	xr = b->x + rw;
	xn = xr + lfs * 0.6 + nw;
	x0 = xn + lfs * 0.8;
	x1 = b->x + b->w - lfs;
	scale = (x1 - x0) / (tk.hi - 1);

	/* every other row shaded, to follow a row across */
	cairo_set_source_rgb(cr, 0.955, 0.955, 0.955);
	for (size_t r = 1; r < n; r += 2)
		cairo_rectangle(cr, b->x, y0 + (double)r * rh, b->w, rh);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
	cairo_set_line_width(cr, 0.5);
	for (int i = 0; i < tk.n; i++) {
		double v = i == 0 ? 1 : tk.lo + i * tk.step;

		if (i > 0 && v <= 1)
			continue;

		cairo_move_to(cr, x0 + (v - 1) * scale, y0);
		cairo_line_to(cr, x0 + (v - 1) * scale, y1);
	}
	cairo_stroke(cr);

	for (size_t r = 0; r < n; r++) {
		const struct cidx_uncert_unit *u = &d->units[ord[r]];
		double yc = y0 + ((double)r + 0.5) * rh;
		double lw = fmin(2.5, rh * 0.3), dot = fmin(2.6, rh * 0.28);

		cidx_ptext_font(&c->t, lfs, 0, 0);
		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cidx_ptext_show(&c->t, xr, cidx_ptext_mid(&c->t, yc), AL_RIGHT);
		cidx_ptext_line(&c->t, u->name, nw);
		cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
		cidx_ptext_show(&c->t, xn, cidx_ptext_mid(&c->t, yc), AL_RIGHT);

		cidx_pal_set(cr, range);
		cairo_set_line_width(cr, lw);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_move_to(cr, x0 + (fmax(u->p05, 1) - 1) * scale, yc);
		cairo_line_to(cr, x0 + (fmax(u->p95, 1) - 1) * scale, yc);
		cairo_stroke(cr);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		cidx_pal_set(cr, med);
		cairo_set_line_width(cr, fmin(1.4, rh * 0.15));
		cairo_move_to(cr, x0 + (fmax(u->p50, 1) - 1) * scale,
		    yc - rh * 0.36);
		cairo_line_to(cr, x0 + (fmax(u->p50, 1) - 1) * scale,
		    yc + rh * 0.36);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		cairo_arc(cr, x0 + (u->rank - 1) * scale, yc, dot, 0,
		    2 * PLOT_PI);
		cairo_fill(cr);
	}

	/* the rank axis */
	cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0, y1);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	for (int i = 0; i < tk.n; i++) {
		double v = i == 0 ? 1 : tk.lo + i * tk.step;

		if (i > 0 && v <= 1)
			continue;

		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cairo_move_to(cr, x0 + (v - 1) * scale, y1);
		cairo_line_to(cr, x0 + (v - 1) * scale, y1 + 3);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, x0 + (v - 1) * scale,
		    y1 + 3 + c->fs * 0.9 * 1.05, AL_CENTER);
	}
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_RANK), 0);
	cidx_ptext_show(&c->t, (x0 + x1) / 2, y1 + 3 + c->fs * 0.9 * 1.3 +
	    c->fs * 1.1, AL_CENTER);
	free(ord);
}

const struct cidx_chart_type cidx_chart_uncert = {
	.name = "uncertainty",
	.needs = CIDX_CHART_NEEDS_DRAWS,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_DRAWS,
	.check = uncert_check,
	.size = uncert_size,
	.draw = uncert_draw,
};
