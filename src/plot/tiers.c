/*
 * tiers.c - the best units as horizontal bars ordered by score, coloured
 * by tier, on light bands that span each tier's rows (the figure of the
 * Tencent 双创指数 white paper).  Rows share the height evenly: 50 rows
 * fill an A4 page at about 8 pt, 300 still draw at 2 pt.
 */
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_TIERS 100

static int
tiers_check(const void *data, struct cidx_err *err)
{
	const struct cidx_tiers *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "tiers chart: no units");
	if (d->n_tiers < 0 || d->n_tiers > MAX_TIERS)
		return cidx_err_set(err, CIDX_EINVAL, "tiers chart: %d tiers "
		    "(0 to %d)", d->n_tiers, MAX_TIERS);
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_tier_unit *u = &d->units[i];

		if (cidx_plot_name_check("tiers chart: unit", i + 1, u->name,
		    err) < 0)
			return CIDX_EINVAL;
		if (!isfinite(u->score))
			return cidx_err_set(err, CIDX_EINVAL, "tiers chart: "
			    "'%s': the score is not a finite number", u->name);
		if (u->tier < 0 || u->tier > MAX_TIERS ||
		    (d->n_tiers > 0 && u->tier > d->n_tiers))
			return cidx_err_set(err, CIDX_EINVAL, "tiers chart: "
			    "'%s': tier %d is not 0 (untiered) to %d", u->name,
			    u->tier, d->n_tiers > 0 ? d->n_tiers : MAX_TIERS);
	}
	return 0;
}

static void
tiers_size(const void *data, double *w, double *h)
{
	const struct cidx_tiers *d = data;

	cidx_plot_bar_size(cidx_plot_bar_rows(d->top, d->n), 130, 13.5, w, h);
}

/* the units in the order drawn: best score first; ties by rank (0
 * last), then input order */
static size_t *
by_score(const struct cidx_tiers *d)
{
	struct cidx_plot_row *row = xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = -d->units[i].score;
		row[i].tie = (unsigned)d->units[i].rank - 1;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

static void
tiers_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_tiers *d = data;
	cairo_t *cr = c->cr;
	size_t n = cidx_plot_bar_rows(d->top, d->n), *ord = by_score(d);
	int k = d->n_tiers, present[MAX_TIERS + 1] = { 0 };
	struct legend_item items[MAX_TIERS + 1];
	char labels[MAX_TIERS + 1][128], buf[64];
	size_t nitems = 0, nruns = 0;
	double lo = 0, hi = 0, lh, ah, y0, y1, rh, lfs, rw = 0, nw = 0,
	    sw = 0, blw = 0, xr, xn, x0, x1, *ry, *rmid;
	size_t *rstart;
	struct ticks tk;

	for (size_t i = 0; i < d->n; i++)
		if (d->units[i].tier > k)
			k = d->units[i].tier;
	for (size_t i = 0; i < n; i++) {
		const struct cidx_tier_unit *u = &d->units[ord[i]];

		present[u->tier] = 1;
		lo = fmin(lo, u->score);
		hi = fmax(hi, u->score);
	}

	/* legend: the tiers shown, then "untiered" */
	for (int t = 1; t <= k + 1; t++) {
		int tier = t <= k ? t : 0;

		if (!present[tier])
			continue;
		cidx_plot_tier_label(labels[nitems], sizeof(labels[0]), c->lang,
		    tier, d->tier_names);
		items[nitems].label = labels[nitems];
		items[nitems].sw = SW_BOX;
		items[nitems].col = cidx_pal_tier(tier, k);
		nitems++;
	}
	lh = cidx_plot_legend(c, items, nitems, b->x, b->y, b->w, 1);
	cidx_plot_ticks(lo, hi, 5, &tk);
	ah = cidx_plot_axis(c, &tk, 0, 1, 0, cidx_plot_word(c->lang, W_SCORE),
	    0);
	cidx_plot_bar_layout(c, b, lh, ah, n, &y0, &y1, &rh, &lfs);

	/* columns from measured text: rank | name | bars | score | band */
	cidx_ptext_font(&c->t, lfs, 0, 0);
	for (size_t i = 0; i < n; i++) {
		const struct cidx_tier_unit *u = &d->units[ord[i]];

		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		rw = fmax(rw, cidx_ptext_measure(&c->t, buf));
		nw = fmax(nw, cidx_ptext_measure(&c->t, u->name));
		cidx_plot_fmt_num(buf, sizeof(buf), u->score, 2);
		sw = fmax(sw, cidx_ptext_measure(&c->t, buf));
	}
	for (size_t i = 0; i < nitems; i++)
		blw = fmax(blw, cidx_ptext_measure(&c->t, labels[i]));
	nw = fmin(nw, b->w * 0.36);
	blw = fmin(blw, b->w * 0.18) + lfs * 0.8;
	xr = b->x + rw;
	xn = xr + lfs * 0.6 + nw;
	x0 = xn + lfs * 0.5;
	if (lo < 0)	/* negative scores are labelled left of their bars */
		x0 += sw + lfs * 0.4;
	x1 = b->x + b->w - blw - sw - lfs * 0.4;

	/* tier bands: one per run of equal tier */
	rstart = xcalloc(n + 1, sizeof(*rstart));
	for (size_t i = 0; i < n; i++)
		if (i == 0 || d->units[ord[i]].tier !=
		    d->units[ord[i - 1]].tier)
			rstart[nruns++] = i;
	rstart[nruns] = n;
	ry = xcalloc(nruns, sizeof(*ry));
	rmid = xcalloc(nruns, sizeof(*rmid));
	for (size_t r = 0; r < nruns; r++) {
		int tier = d->units[ord[rstart[r]]].tier;
		double ya = y0 + (double)rstart[r] * rh;
		double yb = y0 + (double)rstart[r + 1] * rh;

		rmid[r] = ry[r] = (ya + yb) / 2;
		if (tier == 0)
			continue;
		/* a white seam keeps neighbouring bands apart */
		cidx_pal_set(cr,
		    cidx_pal_mix(cidx_pal_tier(tier, k), cidx_pal_hex(0xffffff),
		    0.86));
		cairo_rectangle(cr, b->x, ya + (r > 0 ? 0.75 : 0), b->w,
		    yb - ya - (r > 0 ? 0.75 : 0) - (r + 1 < nruns ? 0.75 : 0));
		cairo_fill(cr);
	}
	cidx_plot_grid(c, &tk, x0, x1, y0, y1);

	for (size_t i = 0; i < n; i++) {
		const struct cidx_tier_unit *u = &d->units[ord[i]];
		double yc = y0 + ((double)i + 0.5) * rh;
		double xz = x0 + (0 - tk.lo) / (tk.hi - tk.lo) * (x1 - x0);
		double xs = x0 + (u->score - tk.lo) / (tk.hi - tk.lo) *
		    (x1 - x0);

		cidx_pal_set(cr, cidx_pal_tier(u->tier, k));
		cairo_rectangle(cr, fmin(xz, xs), yc - rh * 0.34,
		    fabs(xs - xz), rh * 0.68);
		cairo_fill(cr);
		cidx_ptext_font(&c->t, lfs, 0, 0);
		if (u->rank > 0) {
			cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
			cidx_ptext_line(&c->t, buf, 0);
			cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
			cidx_ptext_show(&c->t, xr, cidx_ptext_mid(&c->t, yc),
			    AL_RIGHT);
		}
		cidx_ptext_line(&c->t, u->name, nw);
		cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
		cidx_ptext_show(&c->t, xn, cidx_ptext_mid(&c->t, yc), AL_RIGHT);
		cidx_plot_fmt_num(buf, sizeof(buf), u->score, 2);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		if (u->score >= 0)
			cidx_ptext_show(&c->t, xs + lfs * 0.25,
			    cidx_ptext_mid(&c->t, yc), AL_LEFT);
		else
			cidx_ptext_show(&c->t, xs - lfs * 0.25,
			    cidx_ptext_mid(&c->t, yc), AL_RIGHT);
	}
	if (tk.lo < 0) {
		double xz = x0 + (0 - tk.lo) / (tk.hi - tk.lo) * (x1 - x0);

		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, xz, y0);
		cairo_line_to(cr, xz, y1);
		cairo_stroke(cr);
	}

	/* band labels at the right, moved apart when bands are thin */
	cidx_ptext_font(&c->t, lfs, 0, 0);
	cidx_plot_spread(ry, nruns, cidx_ptext_h(&c->t) * 0.9, y0, y1);
	for (size_t r = 0; r < nruns; r++) {
		int tier = d->units[ord[rstart[r]]].tier;
		char lab[128];

		if (tier == 0)
			continue;
		cidx_plot_tier_label(lab, sizeof(lab), c->lang, tier,
		    d->tier_names);
		cidx_ptext_line(&c->t, lab, blw - lfs * 0.5);
		cidx_pal_set(cr,
		    cidx_pal_mix(cidx_pal_tier(tier, k), cidx_pal_hex(0),
		    0.35));
		cidx_ptext_show(&c->t, b->x + b->w - lfs * 0.3,
		    cidx_ptext_mid(&c->t, ry[r]), AL_RIGHT);
		if (fabs(ry[r] - rmid[r]) > 0.5) {
			cairo_set_line_width(cr, 0.4);
			cairo_move_to(cr, b->x + b->w - blw + lfs * 0.1,
			    ry[r]);
			cairo_line_to(cr, b->x + b->w - blw - lfs * 0.3,
			    rmid[r]);
			cairo_stroke(cr);
		}
	}
	cidx_plot_axis(c, &tk, x0, x1, y1, cidx_plot_word(c->lang, W_SCORE), 1);
	free(ry);
	free(rmid);
	free(rstart);
	free(ord);
}

const struct cidx_chart_type cidx_chart_tiers = {
	.name = "tiers",
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_TIERS,
	.check = tiers_check,
	.size = tiers_size,
	.draw = tiers_draw,
};
