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
	struct cidx_plot_row *row = cidx_xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = d->units[i].rank;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

/* an uncertainty chart being drawn: its units in order, rows, columns */
struct fig {
	const struct cidx_uncert *d;
	size_t *ord;		/* the units by nominal rank */
	struct ticks tk;	/* the rank axis: tick 0 is rank 1 */
	struct cidx_plot_rows rows;
	double rank_right;	/* the right edge of the nominal ranks */
	double name_right, name_w;
	double axis_left, axis_right;	/* rank 1 .. tk.hi */
	double scale;		/* points per rank */
};

#define RANGE_COLOUR 0x56b4e9
#define MEDIAN_COLOUR 0x0072b2

/* the x of rank v */
static double
rank_x(const struct fig *f, double v)
{
	return f->axis_left + (v - 1) * f->scale;
}

/* the legend at the top of b; @return its height */
static double
legend(struct cidx_plot_ctx *c, const struct cidx_rect *b)
{
	struct legend_item items[3];

	items[0].label = cidx_plot_word(c->lang, W_NOMINAL_RANK);
	items[0].sw = SW_DOT;
	items[0].col = cidx_pal_hex(0x1a1a1a);
	items[1].label = cidx_plot_word(c->lang, W_RANGE_5_95);
	items[1].sw = SW_RANGE;
	items[1].col = cidx_pal_hex(RANGE_COLOUR);
	items[2].label = cidx_plot_word(c->lang, W_MEDIAN_RANK);
	items[2].sw = SW_TICK;
	items[2].col = cidx_pal_hex(MEDIAN_COLOUR);
	return cidx_plot_legend(c, items, 3, b->x, b->y, b->w, 1);
}

/* ranks 1 .. a round number covering every 95th percentile drawn */
static void
rank_ticks(struct fig *f)
{
	double hi = 1;

	for (size_t r = 0; r < f->rows.n; r++) {
		const struct cidx_uncert_unit *u = &f->d->units[f->ord[r]];

		hi = fmax(hi, fmax(u->p95, u->rank));
	}
	cidx_plot_ticks(0, hi, 6, &f->tk);
	if (f->tk.step < 1) {
		f->tk.step = 1;
		f->tk.hi = fmax(2, ceil(hi));
		f->tk.n = (int)f->tk.hi + 1;
		f->tk.dec = 0;
	}
}

/* the value of tick i, or 0 for a tick that would repeat rank 1 */
static double
tick_rank(const struct ticks *tk, int i)
{
	double v = i == 0 ? 1 : tk->lo + i * tk->step;

	return i > 0 && v <= 1 ? 0 : v;
}

/* the columns, from the text measured: rank | name | ranges */
static void
columns(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	double fs = f->rows.fs, rank_w = 0;
	char buf[64];

	f->name_w = 0;
	cidx_ptext_font(&c->t, fs, 0, 0);
	for (size_t r = 0; r < f->rows.n; r++) {
		const struct cidx_uncert_unit *u = &f->d->units[f->ord[r]];

		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		rank_w = fmax(rank_w, cidx_ptext_measure(&c->t, buf));
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t,
		    u->name));
	}
	f->name_w = fmin(f->name_w, b->w * 0.36);
	f->rank_right = b->x + rank_w;
	f->name_right = f->rank_right + fs * 0.6 + f->name_w;
	f->axis_left = f->name_right + fs * 0.8;
	f->axis_right = b->x + b->w - fs;
	f->scale = (f->axis_right - f->axis_left) / (f->tk.hi - 1);
}

/* every other row shaded, to follow a row across, and the grid */
static void
draw_background(cairo_t *cr, const struct cidx_rect *b, const struct fig *f)
{
	const struct cidx_plot_rows *rows = &f->rows;

	cairo_set_source_rgb(cr, 0.955, 0.955, 0.955);
	for (size_t r = 1; r < rows->n; r += 2)
		cairo_rectangle(cr, b->x, rows->top + (double)r * rows->h,
		    b->w, rows->h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
	cairo_set_line_width(cr, 0.5);
	for (int i = 0; i < f->tk.n; i++) {
		double v = tick_rank(&f->tk, i);

		if (v == 0)
			continue;
		cairo_move_to(cr, rank_x(f, v), rows->top);
		cairo_line_to(cr, rank_x(f, v), rows->bottom);
	}
	cairo_stroke(cr);
}

/* row r: the nominal rank and name, the 5-95% range, a tick at the
 * median rank and a dot at the nominal one */
static void
draw_row(struct cidx_plot_ctx *c, const struct fig *f, size_t r)
{
	const struct cidx_uncert_unit *u = &f->d->units[f->ord[r]];
	cairo_t *cr = c->cr;
	double rh = f->rows.h, yc = cidx_plot_row_mid(&f->rows, r);
	double lw = fmin(2.5, rh * 0.3), dot = fmin(2.6, rh * 0.28);
	char buf[64];

	cidx_ptext_font(&c->t, f->rows.fs, 0, 0);
	cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
	cidx_ptext_line(&c->t, buf, 0);
	cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
	cidx_ptext_show(&c->t, f->rank_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);
	cidx_ptext_line(&c->t, u->name, f->name_w);
	cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
	cidx_ptext_show(&c->t, f->name_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);

	cidx_pal_set(cr, cidx_pal_hex(RANGE_COLOUR));
	cairo_set_line_width(cr, lw);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_move_to(cr, rank_x(f, fmax(u->p05, 1)), yc);
	cairo_line_to(cr, rank_x(f, fmax(u->p95, 1)), yc);
	cairo_stroke(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cidx_pal_set(cr, cidx_pal_hex(MEDIAN_COLOUR));
	cairo_set_line_width(cr, fmin(1.4, rh * 0.15));
	cairo_move_to(cr, rank_x(f, fmax(u->p50, 1)), yc - rh * 0.36);
	cairo_line_to(cr, rank_x(f, fmax(u->p50, 1)), yc + rh * 0.36);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_arc(cr, rank_x(f, u->rank), yc, dot, 0, 2 * PLOT_PI);
	cairo_fill(cr);
}

/* the rank axis under the rows, rank 1 at the left */
static void
draw_axis(struct cidx_plot_ctx *c, const struct fig *f)
{
	cairo_t *cr = c->cr;
	double y = f->rows.bottom;
	char buf[64];

	cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, f->axis_left, y);
	cairo_line_to(cr, f->axis_right, y);
	cairo_stroke(cr);
	cidx_ptext_font(&c->t, c->fs * 0.9, 0, 0);
	for (int i = 0; i < f->tk.n; i++) {
		double v = tick_rank(&f->tk, i);

		if (v == 0)
			continue;
		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		cairo_move_to(cr, rank_x(f, v), y);
		cairo_line_to(cr, rank_x(f, v), y + 3);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cidx_ptext_show(&c->t, rank_x(f, v),
		    y + 3 + c->fs * 0.9 * 1.05, AL_CENTER);
	}
	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_RANK), 0);
	cidx_ptext_show(&c->t, (f->axis_left + f->axis_right) / 2,
	    y + 3 + c->fs * 0.9 * 1.3 + c->fs * 1.1, AL_CENTER);
}

static void
uncert_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	struct fig f = { 0 };
	double legend_h, axis_h;

	f.d = data;
	f.ord = by_rank(f.d);
	f.rows.n = cidx_plot_bar_rows(f.d->top, f.d->n);
	legend_h = legend(c, b);
	rank_ticks(&f);
	axis_h = cidx_plot_axis(c, &f.tk, 0, 1, 0,
	    cidx_plot_word(c->lang, W_RANK), 0);
	cidx_plot_bar_layout(c, b, legend_h, axis_h, f.rows.n, &f.rows);
	columns(c, b, &f);
	draw_background(c->cr, b, &f);
	for (size_t r = 0; r < f.rows.n; r++)
		draw_row(c, &f, r);
	draw_axis(c, &f);
	free(f.ord);
}

const struct cidx_chart_draw cidx_plot_uncert = {
	.check = uncert_check,
	.size = uncert_size,
	.draw = uncert_draw,
};
