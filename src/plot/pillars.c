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
	struct cidx_plot_row *row = xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = -d->score[i];
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

static void
pillars_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_pillars *d = data;
	cairo_t *cr = c->cr;
	size_t n = cidx_plot_bar_rows(d->top, d->n), m = d->m,
	    *ord = by_score(d);
	struct legend_item *items = xcalloc(m, sizeof(*items));
	double lo = 0, hi = 0, lh, ah, y0, y1, rh, lfs, nw = 0, sw = 0, x0,
	    x1, xn;
	struct ticks tk;
	char buf[64];

	for (size_t r = 0; r < n; r++) {
		double pos = 0, neg = 0;

		for (size_t j = 0; j < m; j++) {
			double v = d->contrib[ord[r] * m + j];

			if (v > 0)
				pos += v;
			else
				neg += v;
		}
		hi = fmax(hi, pos);
		lo = fmin(lo, neg);
	}
	for (size_t j = 0; j < m; j++) {
		items[j].label = d->pillars[j];
		items[j].sw = SW_BOX;
		items[j].col = cidx_pal_cat(j);
	}
	lh = cidx_plot_legend(c, items, m, b->x, b->y, b->w, 1);
	cidx_plot_ticks(lo, hi, 5, &tk);
	ah = cidx_plot_axis(c, &tk, 0, 1, 0, cidx_plot_word(c->lang, W_SCORE),
	    0);
	cidx_plot_bar_layout(c, b, lh, ah, n, &y0, &y1, &rh, &lfs);

	for (size_t r = 0; r < n; r++) {
		cidx_ptext_font(&c->t, lfs, 0, 0);
		nw = fmax(nw, cidx_ptext_measure(&c->t, d->names[ord[r]]));
		cidx_ptext_font(&c->t, lfs, 1, 0);
		cidx_plot_fmt_num(buf, sizeof(buf), d->score[ord[r]], 2);
		sw = fmax(sw, cidx_ptext_measure(&c->t, buf));
	}
	nw = fmin(nw, b->w * 0.36);
	xn = b->x + nw;
	x0 = xn + lfs * 0.5;
	x1 = b->x + b->w - sw - lfs * 0.6;
	cidx_plot_grid(c, &tk, x0, x1, y0, y1);

	for (size_t r = 0; r < n; r++) {
		size_t i = ord[r];
		double yc = y0 + ((double)r + 0.5) * rh, pos = 0, neg = 0;
		double scale = (x1 - x0) / (tk.hi - tk.lo);
		double xz = x0 + (0 - tk.lo) * scale, xend = xz;

		cidx_ptext_font(&c->t, lfs, 0, 0);
		cidx_ptext_line(&c->t, d->names[i], nw);
		cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
		cidx_ptext_show(&c->t, xn, cidx_ptext_mid(&c->t, yc), AL_RIGHT);
		for (size_t j = 0; j < m; j++) {
			double v = d->contrib[i * m + j], xa, xb;
			struct rgb col = cidx_pal_cat(j);

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
			cidx_pal_set(cr, col);
			cairo_rectangle(cr, xa, yc - rh * 0.35, xb - xa,
			    rh * 0.7);
			cairo_fill(cr);
			/* the part's value when it fits inside */
			cidx_ptext_font(&c->t, lfs * 0.8, 0, 0);
			cidx_plot_fmt_num(buf, sizeof(buf), v, 1);
			cidx_ptext_line(&c->t, buf, 0);
			if (rh >= 9 &&
			    cidx_ptext_w(&c->t) + lfs * 0.4 < xb - xa) {
				cidx_pal_set(cr, cidx_pal_text_on(col));
				cidx_ptext_show(&c->t, (xa + xb) / 2,
				    cidx_ptext_mid(&c->t, yc), AL_CENTER);
			}
		}
		cidx_ptext_font(&c->t, lfs, 1, 0);
		cidx_plot_fmt_num(buf, sizeof(buf), d->score[i], 2);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		cidx_ptext_show(&c->t, xend + lfs * 0.3,
		    cidx_ptext_mid(&c->t, yc), AL_LEFT);
	}
	if (tk.lo < 0) {
		double xz = x0 + (0 - tk.lo) / (tk.hi - tk.lo) * (x1 - x0);

		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, xz, y0);
		cairo_line_to(cr, xz, y1);
		cairo_stroke(cr);
	}
	cidx_plot_axis(c, &tk, x0, x1, y1, cidx_plot_word(c->lang, W_SCORE), 1);
	free(items);
	free(ord);
}

const struct cidx_chart_type cidx_chart_pillars = {
	.name = "pillars",
	.opts = CIDX_CHART_OPT_TOP,
	.check = pillars_check,
	.size = pillars_size,
	.draw = pillars_draw,
};
