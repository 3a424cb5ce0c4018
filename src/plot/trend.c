/*
 * trend.c - a bump chart: the ranks of the top units over the years,
 * rank 1 at the top, the years along the bottom at their distance in
 * time.  Each unit is a line in its own colour through the years it was
 * ranked, broken where it was not (a gap), with a dot at every rank, and
 * named at its right end with its last rank; names that would collide
 * are moved apart and joined to their line by a leader.  Ranks far below
 * the top group (more than twice the lowest last rank drawn, and 5
 * more) are drawn in a band under the axis, so that one unit that came
 * from far below does not squeeze the rest.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_RANK 100000
#define MAX_YEARS 200

static int
trend_check(const void *data, struct cidx_err *err)
{
	const struct cidx_trend *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "trend chart: no units");
	if (d->n_years == 0 || d->n_years > MAX_YEARS || d->years == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "trend chart: 1 to %d "
		    "years", MAX_YEARS);
	for (size_t y = 1; y < d->n_years; y++)
		if (d->years[y] <= d->years[y - 1])
			return cidx_err_set(err, CIDX_EINVAL, "trend chart: the "
			    "years must ascend (%d after %d)", d->years[y],
			    d->years[y - 1]);
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_trend_unit *u = &d->units[i];

		if (cidx_plot_name_check("trend chart: unit", i + 1, u->name,
		    err) < 0)
			return CIDX_EINVAL;
		if (u->rank == NULL)
			return cidx_err_set(err, CIDX_EINVAL, "trend chart: "
			    "'%s' has no ranks", u->name);
		for (size_t y = 0; y < d->n_years; y++)
			if (u->rank[y] < 0 || u->rank[y] > MAX_RANK)
				return cidx_err_set(err, CIDX_EINVAL, "trend "
				    "chart: '%s': ranks must be 1 to %d (0: "
				    "not ranked)", u->name, MAX_RANK);
	}
	return 0;
}

static void
trend_size(const void *data, double *w, double *h)
{
	const struct cidx_trend *d = data;

	*w = 540;
	*h = 200 + 24 * (double)d->n;
	*h = *h < 400 ? 400 : *h > 1400 ? 1400 : *h;
}

/* a trend chart being drawn */
struct fig {
	const struct cidx_trend *d;
	int lim;		/* the lowest rank on the axis */
	int beyond;		/* some rank is below it */
	double top, bottom;	/* the y of rank 1 and of lim */
	double beyond_y;	/* the band of the ranks below lim */
	double x0, x1;		/* the first and the last year */
	double tick_fs, tick_w;
	double name_fs, name_x, name_w;
};

/* the axis: to the lowest rank drawn, unless that is far below the
 * units' last ranks (twice the lowest, and 5 more) */
static void
axis_limit(struct fig *f)
{
	const struct cidx_trend *d = f->d;
	int last = 1, all = 1, cap;

	for (size_t i = 0; i < d->n; i++) {
		const int *r = d->units[i].rank;

		if (r[d->n_years - 1] > last)
			last = r[d->n_years - 1];
		for (size_t y = 0; y < d->n_years; y++)
			if (r[y] > all)
				all = r[y];
	}
	cap = last * 2 > last + 5 ? last * 2 : last + 5;
	f->lim = all > cap ? cap : all;
	f->beyond = all > cap;
}

static double
rank_y(const struct fig *f, int rank)
{
	if (rank > f->lim)
		return f->beyond_y;
	if (f->lim <= 1)
		return (f->top + f->bottom) / 2;
	return f->top + (double)(rank - 1) / (f->lim - 1) *
	    (f->bottom - f->top);
}

static double
year_x(const struct fig *f, size_t y)
{
	const int *yr = f->d->years;
	size_t n = f->d->n_years;

	if (n < 2)
		return (f->x0 + f->x1) / 2;
	return f->x0 + (double)(yr[y] - yr[0]) / (yr[n - 1] - yr[0]) *
	    (f->x1 - f->x0);
}

/* Tableau 10, then again dashed (colour(), dashed()) */
static struct rgb
colour(size_t i)
{
	static const unsigned hex[] = { 0x4e79a7, 0xf28e2b, 0xe15759,
		0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f,
		0x7f7f7f };

	return cidx_pal_hex(hex[i % 10]);
}

/* "3  深圳市": the last rank and the name */
static void
label_text(char *buf, size_t n, const struct cidx_trend *d, size_t i)
{
	char num[32];
	int r = d->units[i].rank[d->n_years - 1];

	cidx_plot_fmt_num(num, sizeof(num), r, 0);
	snprintf(buf, n, "%s  %s", r > 0 ? num : "–", d->units[i].name);
	cidx_plot_utf8_trim(buf);
}

/* the plot area in b: rank numbers at the left, the years under it, the
 * names at the right */
static void
layout(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	const struct cidx_trend *d = f->d;
	double room;
	char buf[512];

	axis_limit(f);
	f->tick_fs = c->fs * 0.85;
	f->name_fs = c->fs;
	f->top = b->y + c->fs * 0.8;
	f->bottom = b->y + b->h - c->fs * 2.6 - (f->beyond ? c->fs * 1.8 : 0);
	f->beyond_y = f->bottom + c->fs * 1.8;
	room = b->h - c->fs * 0.5;
	if ((double)d->n * f->name_fs * 1.3 > room)
		f->name_fs = fmax(1, room / ((double)d->n * 1.3));
	cidx_ptext_font(&c->t, f->name_fs, 0, 0);
	f->name_w = 0;
	for (size_t i = 0; i < d->n; i++) {
		label_text(buf, sizeof(buf), d, i);
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t, buf));
	}
	f->name_w = fmin(f->name_w, b->w * 0.55);
	cidx_ptext_font(&c->t, f->tick_fs, 0, 0);
	snprintf(buf, sizeof(buf), "> %d", f->lim);
	f->tick_w = cidx_ptext_measure(&c->t, buf) + f->tick_fs * 0.8;
	/* the first year's label is centred on the axis: half of it */
	cidx_plot_fmt_num(buf, sizeof(buf), d->years[0], 0);
	f->x0 = b->x + fmax(f->tick_w, cidx_ptext_measure(&c->t, buf) * 0.6);
	f->name_x = b->x + b->w - f->name_w;
	f->x1 = f->name_x - c->fs * 2.2;
}

/* the rank numbers at the left, every so many ranks as fit, light grid
 * lines across, and the band of the ranks below the axis */
static void
draw_ranks(struct cidx_plot_ctx *c, const struct fig *f)
{
	static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250,
		500, 1000, 2000, 5000, 10000, 20000, 50000, 100000 };
	double sp = f->lim > 1 ? (f->bottom - f->top) / (f->lim - 1) : 1e9;
	int step = steps[0];
	char buf[32];

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		step = steps[i];
		if (step * sp >= f->tick_fs * 1.4)
			break;
	}
	cidx_ptext_font(&c->t, f->tick_fs, 0, 0);
	cairo_set_line_width(c->cr, 0.4);
	for (int r = 1; r <= f->lim; r = r == 1 && step > 1 ? step : r + step) {
		double y = rank_y(f, r);

		if (r > 1 && (r - 1) * sp < f->tick_fs * 1.4)
			continue;
		cairo_set_source_rgb(c->cr, 0.9, 0.9, 0.9);
		cairo_move_to(c->cr, f->x0, y);
		cairo_line_to(c->cr, f->x1, y);
		cairo_stroke(c->cr);
		cidx_plot_fmt_num(buf, sizeof(buf), r, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(c->cr, 0.45, 0.45, 0.45);
		cidx_ptext_show(&c->t, f->x0 - f->tick_fs * 0.6,
		    cidx_ptext_mid(&c->t, y), AL_RIGHT);
	}
	if (f->beyond) {
		static const double dot[] = { 1, 2 };

		cairo_set_source_rgb(c->cr, 0.7, 0.7, 0.7);
		cairo_set_dash(c->cr, dot, 2, 0);
		cairo_move_to(c->cr, f->x0, f->beyond_y);
		cairo_line_to(c->cr, f->x1, f->beyond_y);
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
		snprintf(buf, sizeof(buf), "> %d", f->lim);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(c->cr, 0.45, 0.45, 0.45);
		cidx_ptext_show(&c->t, f->x0 - f->tick_fs * 0.6,
		    cidx_ptext_mid(&c->t, f->beyond_y), AL_RIGHT);
	}
}

/* the years under the plot, those that fit beside the one before */
static void
draw_years(struct cidx_plot_ctx *c, const struct fig *f)
{
	double y = (f->beyond ? f->beyond_y : f->bottom) + c->fs * 0.9;
	double right = -1e9;
	char buf[32];

	cidx_ptext_font(&c->t, f->tick_fs, 0, 0);
	cairo_set_source_rgb(c->cr, 0.3, 0.3, 0.3);
	for (size_t k = 0; k < f->d->n_years; k++) {
		/* the last year is always labelled: it is the year ranked */
		size_t yi = k == 0 ? f->d->n_years - 1 : k - 1;
		double x = year_x(f, yi), w;

		cidx_plot_fmt_num(buf, sizeof(buf), f->d->years[yi], 0);
		w = cidx_ptext_measure(&c->t, buf);
		if (k > 0 && (x + w / 2 + f->tick_fs * 0.6 > year_x(f,
		    f->d->n_years - 1) - w / 2 || x - w / 2 < right))
			continue;
		cidx_ptext_line(&c->t, buf, 0);
		cidx_ptext_show_top(&c->t, x, y, AL_CENTER);
		if (k > 0)
			right = x + w / 2 + f->tick_fs * 0.6;
	}
}

/* unit i's line through the years it was ranked, a dot at each */
static void
draw_line(struct cidx_plot_ctx *c, const struct fig *f, size_t i)
{
	static const double dash[] = { 4, 2 };
	const int *r = f->d->units[i].rank;
	cairo_t *cr = c->cr;

	cidx_pal_set(cr, colour(i));
	cairo_set_line_width(cr, 1.6);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	if (i >= 10)
		cairo_set_dash(cr, dash, 2, 0);
	for (size_t y = 1; y < f->d->n_years; y++) {
		if (r[y - 1] == 0 || r[y] == 0)
			continue;
		cairo_move_to(cr, year_x(f, y - 1), rank_y(f, r[y - 1]));
		cairo_line_to(cr, year_x(f, y), rank_y(f, r[y]));
	}
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	for (size_t y = 0; y < f->d->n_years; y++) {
		if (r[y] == 0)
			continue;
		cairo_new_sub_path(cr);
		cairo_arc(cr, year_x(f, y), rank_y(f, r[y]), 2.2, 0,
		    2 * PLOT_PI);
	}
	cairo_fill(cr);
}

/* the units in the order of their last rank (unranked last), then as
 * given */
static size_t *
by_last_rank(const struct cidx_trend *d)
{
	struct cidx_plot_row *row = cidx_xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		int r = d->units[i].rank[d->n_years - 1];

		row[i].key = r > 0 ? r : MAX_RANK + 1;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

/* every unit named at the right end of its line, in order, moved apart
 * and joined to it by a leader */
static void
draw_names(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f)
{
	size_t n = f->d->n, last = f->d->n_years - 1;
	size_t *ord = by_last_rank(f->d);
	double *want = cidx_xcalloc(n, sizeof(*want));
	double *at = cidx_xcalloc(n, sizeof(*at));
	char buf[512];

	for (size_t k = 0; k < n; k++) {
		int r = f->d->units[ord[k]].rank[last];

		want[k] = at[k] = r > 0 ? rank_y(f, r) : f->bottom;
	}
	cidx_plot_spread(at, n, f->name_fs * 1.3, b->y, b->y + b->h);
	cidx_ptext_font(&c->t, f->name_fs, 0, 0);
	for (size_t k = 0; k < n; k++) {
		struct rgb col = colour(ord[k]);

		cidx_pal_set(c->cr, col);
		cairo_set_line_width(c->cr, 0.6);
		cairo_move_to(c->cr, f->x1 + 3, want[k]);
		cairo_line_to(c->cr, f->x1 + c->fs * 0.8, want[k]);
		cairo_line_to(c->cr, f->name_x - c->fs * 0.3, at[k]);
		cairo_stroke(c->cr);
		label_text(buf, sizeof(buf), f->d, ord[k]);
		cidx_ptext_line(&c->t, buf, f->name_w);
		cidx_pal_set(c->cr, cidx_pal_mix(col, cidx_pal_hex(0), 0.3));
		cidx_ptext_show(&c->t, f->name_x, cidx_ptext_mid(&c->t, at[k]),
		    AL_LEFT);
	}
	free(ord);
	free(want);
	free(at);
}

static void
trend_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	struct fig f = { 0 };

	f.d = data;
	layout(c, b, &f);
	draw_ranks(c, &f);
	draw_years(c, &f);
	/* the best on top */
	for (size_t k = f.d->n; k-- > 0;)
		draw_line(c, &f, k);
	draw_names(c, b, &f);
}

const struct cidx_chart_draw cidx_plot_trend = {
	.check = trend_check,
	.size = trend_size,
	.draw = trend_draw,
};
