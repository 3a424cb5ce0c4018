/*
 * pillars.c - stacked horizontal bars: each unit's index score split into
 * its pillars' weighted contributions.  Positive parts stack right of
 * zero, negative ones left of it; the total is printed at the end.
 */
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

static int
pillars_check(const void *data, struct cidx_err *err)
{
	const struct cidx_pillars *d = data;

	if (d->n == 0 || d->names == NULL || d->score == NULL ||
	    d->contrib == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "pillars chart: no "
		    "units");
	if (d->m == 0 || d->pillars == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "pillars chart: no "
		    "pillars");
	for (size_t j = 0; j < d->m; j++)
		if (cidx_plot_name_check("pillars chart: pillar", j + 1,
		    d->pillars[j], err) < 0)
			return CIDX_EINVAL;
	for (size_t i = 0; i < d->n; i++) {
		double sum = 0;

		if (cidx_plot_name_check("pillars chart: unit", i + 1,
		    d->names[i], err) < 0)
			return CIDX_EINVAL;
		if (!isfinite(d->score[i]))
			return cidx_err_set(err, CIDX_EINVAL, "pillars chart: "
			    "'%s': the score is not a finite number",
			    d->names[i]);
		for (size_t j = 0; j < d->m; j++) {
			double v = d->contrib[i * d->m + j];

			if (!isfinite(v))
				return cidx_err_set(err, CIDX_EINVAL,
				    "pillars chart: '%s': the contribution of "
				    "'%s' is not a finite number", d->names[i],
				    d->pillars[j]);
			sum += v;
		}
		if (fabs(sum - d->score[i]) > 1e-6 * fmax(1, fabs(sum)))
			return cidx_err_set(err, CIDX_EINVAL, "pillars chart: "
			    "'%s': the contributions sum to %.17g, not to the "
			    "score %.17g", d->names[i], sum, d->score[i]);
	}
	return 0;
}

static void
pillars_size(const void *data, double *w, double *h)
{
	const struct cidx_pillars *d = data;

	cidx_plot_bar_size(cidx_plot_bar_rows(d->top, d->n), 140, 14, w, h);
}

/* the units in the order drawn: best score first, then input order */
static size_t *
by_score(const struct cidx_pillars *d)
{
	struct cidx_plot_row *row = cidx_xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = -d->score[i];
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

/* a pillars chart being drawn: its units in order, rows and columns */
struct fig {
	const struct cidx_pillars *d;
	size_t *ord;		/* the units, best first */
	struct ticks tk;	/* the score axis */
	struct cidx_plot_rows rows;
	double name_right, name_w;
	double bar_left, bar_right;	/* the axis from tk.lo to tk.hi */
};

/* the range of the stacks drawn: the sums of the positive and of the
 * negative contributions, and 0 */
static void
extent(const struct fig *f, double *lo, double *hi)
{
	size_t m = f->d->m;

	*lo = *hi = 0;
	for (size_t r = 0; r < f->rows.n; r++) {
		double pos = 0, neg = 0;

		for (size_t j = 0; j < m; j++) {
			double v = f->d->contrib[f->ord[r] * m + j];

			if (v > 0)
				pos += v;
			else
				neg += v;
		}
		*hi = fmax(*hi, pos);
		*lo = fmin(*lo, neg);
	}
}

/* pillar j's colour: from its place in the framework, not among the
 * pillars drawn */
static struct rgb
pillar_colour(const struct cidx_pillars *d, size_t j)
{
	return cidx_pal_cat(d->colour ? d->colour[j] : j);
}

/* the legend at the top of b, a box for each pillar; @return its height */
static double
legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f)
{
	struct legend_item *items = cidx_xcalloc(f->d->m, sizeof(*items));
	double h;

	for (size_t j = 0; j < f->d->m; j++) {
		items[j].label = f->d->pillars[j];
		items[j].sw = SW_BOX;
		items[j].col = pillar_colour(f->d, j);
	}
	h = cidx_plot_legend(c, items, f->d->m, b->x, b->y, b->w, 1);
	free(items);
	return h;
}

/* the columns, from the text measured: name | stacks | total */
static void
columns(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	double fs = f->rows.fs, total_w = 0;
	char buf[64];

	f->name_w = 0;
	for (size_t r = 0; r < f->rows.n; r++) {
		cidx_ptext_font(&c->t, fs, 0, 0);
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t,
		    f->d->names[f->ord[r]]));
		cidx_ptext_font(&c->t, fs, 1, 0);
		cidx_plot_fmt_num(buf, sizeof(buf), f->d->score[f->ord[r]], 2);
		total_w = fmax(total_w, cidx_ptext_measure(&c->t, buf));
	}
	f->name_w = fmin(f->name_w, b->w * 0.36);
	f->name_right = b->x + f->name_w;
	f->bar_left = f->name_right + fs * 0.5;
	f->bar_right = b->x + b->w - total_w - fs * 0.6;
}

/* one pillar's part of the stack of row r, from xa to xb, with its value
 * inside when it fits */
static void
draw_part(struct cidx_plot_ctx *c, const struct fig *f, double yc,
    size_t j, double v, double xa, double xb)
{
	struct rgb col = pillar_colour(f->d, j);
	char buf[64];

	cidx_pal_set(c->cr, col);
	cairo_rectangle(c->cr, xa, yc - f->rows.h * 0.35, xb - xa,
	    f->rows.h * 0.7);
	cairo_fill(c->cr);
	cidx_ptext_font(&c->t, f->rows.fs * 0.8, 0, 0);
	cidx_plot_fmt_num(buf, sizeof(buf), v, 1);
	cidx_ptext_line(&c->t, buf, 0);
	if (f->rows.h >= 9 &&
	    cidx_ptext_w(&c->t) + f->rows.fs * 0.4 < xb - xa) {
		cidx_pal_set(c->cr, cidx_pal_text_on(col));
		cidx_ptext_show(&c->t, (xa + xb) / 2,
		    cidx_ptext_mid(&c->t, yc), AL_CENTER);
	}
}

/* row r: the name, the stack (positive parts right of zero, negative
 * ones left of it) and the total at its end */
static void
draw_row(struct cidx_plot_ctx *c, const struct fig *f, size_t r)
{
	size_t i = f->ord[r], m = f->d->m;
	double yc = cidx_plot_row_mid(&f->rows, r), pos = 0, neg = 0;
	double scale = (f->bar_right - f->bar_left) / (f->tk.hi - f->tk.lo);
	double xz = f->bar_left + (0 - f->tk.lo) * scale, xend = xz;
	char buf[64];

	cidx_ptext_font(&c->t, f->rows.fs, 0, 0);
	cidx_ptext_line(&c->t, f->d->names[i], f->name_w);
	cairo_set_source_rgb(c->cr, 0.07, 0.07, 0.07);
	cidx_ptext_show(&c->t, f->name_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);
	for (size_t j = 0; j < m; j++) {
		double v = f->d->contrib[i * m + j], xa, xb;

		if (v == 0)
			continue;
		if (v > 0) {
			xa = xz + pos * scale;
			pos += v;
			xb = xz + pos * scale;
			xend = fmax(xend, xb);
		} else {
			xb = xz + neg * scale;
			neg += v;
			xa = xz + neg * scale;
		}
		draw_part(c, f, yc, j, v, xa, xb);
	}
	cidx_ptext_font(&c->t, f->rows.fs, 1, 0);
	cidx_plot_fmt_num(buf, sizeof(buf), f->d->score[i], 2);
	cidx_ptext_line(&c->t, buf, 0);
	cairo_set_source_rgb(c->cr, 0.1, 0.1, 0.1);
	cidx_ptext_show(&c->t, xend + f->rows.fs * 0.3,
	    cidx_ptext_mid(&c->t, yc), AL_LEFT);
}

static void
pillars_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const char *score = cidx_plot_word(c->lang, W_SCORE);
	struct fig f = { 0 };
	double lo, hi, legend_h, axis_h;

	f.d = data;
	f.ord = by_score(f.d);
	f.rows.n = cidx_plot_bar_rows(f.d->top, f.d->n);
	extent(&f, &lo, &hi);
	legend_h = legend(c, b, &f);
	cidx_plot_ticks(lo, hi, 5, &f.tk);
	axis_h = cidx_plot_axis(c, &f.tk, 0, 1, 0, score, 0);
	cidx_plot_bar_layout(c, b, legend_h, axis_h, f.rows.n, &f.rows);
	columns(c, b, &f);

	cidx_plot_grid(c, &f.tk, f.bar_left, f.bar_right, f.rows.top,
	    f.rows.bottom);
	for (size_t r = 0; r < f.rows.n; r++)
		draw_row(c, &f, r);
	cidx_plot_zero_line(c, &f.tk, f.bar_left, f.bar_right, f.rows.top,
	    f.rows.bottom);
	cidx_plot_axis(c, &f.tk, f.bar_left, f.bar_right, f.rows.bottom,
	    score, 1);
	free(f.ord);
}

const struct cidx_chart_draw cidx_plot_pillars = {
	.check = pillars_check,
	.size = pillars_size,
	.draw = pillars_draw,
};
