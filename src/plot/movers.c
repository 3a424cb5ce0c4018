/*
 * movers.c - a slope chart of ranks between two years: the earlier
 * year's rank on the left axis, the current one on the right, rank 1 at
 * the top.  Every unit is a line, light grey unless flagged: dark horses
 * and new entrants are coloured.  Every unit is named at the right with
 * its change (the flagged ones in their colour), so a reader can follow
 * any line.
 * Units not ranked in the earlier year enter as a dashed stub from an
 * open circle halfway across.  Name labels that would collide are moved
 * apart (least squares, in rank order) and joined to their line by a
 * leader.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_RANK 100000

static int
movers_check(const void *data, struct cidx_err *err)
{
	const struct cidx_movers *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "movers chart: no "
		    "units");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_mover *u = &d->units[i];

		if (cidx_plot_name_check("movers chart: unit", i + 1, u->name,
		    err) < 0)
			return CIDX_EINVAL;
		if (u->rank_now < 1 || u->rank_now > MAX_RANK ||
		    u->rank_before < 0 || u->rank_before > MAX_RANK)
			return cidx_err_set(err, CIDX_EINVAL, "movers chart: "
			    "'%s': ranks must be 1 to %d (0 before: not "
			    "ranked)", u->name, MAX_RANK);
		if (u->flag < CIDX_MOVER_NONE ||
		    u->flag > CIDX_MOVER_NEW_ENTRANT)
			return cidx_err_set(err, CIDX_EINVAL, "movers chart: "
			    "'%s': unknown flag %d", u->name, (int)u->flag);
	}
	return 0;
}

static int
max_rank(const struct cidx_movers *d)
{
	int m = 1;

	for (size_t i = 0; i < d->n; i++) {
		if (d->units[i].rank_now > m)
			m = d->units[i].rank_now;
		if (d->units[i].rank_before > m)
			m = d->units[i].rank_before;
	}
	return m;
}

static void
movers_size(const void *data, double *w, double *h)
{
	const struct cidx_movers *d = data;

	*w = 540;
	*h = 140 + 12 * (double)max_rank(d);
	*h = *h < 400 ? 400 : *h > 1600 ? 1600 : *h;
}

static struct rgb
flag_col(enum cidx_mover_flag f)
{
	return f == CIDX_MOVER_DARK_HORSE ? cidx_pal_hex(0xd55e00) :
	    f == CIDX_MOVER_NEW_ENTRANT ? cidx_pal_hex(0x0072b2) :
	    cidx_pal_hex(0xc4c4c4);
}

/* the units by their current rank, then in input order */
static size_t *
by_rank_now(const struct cidx_movers *d)
{
	struct cidx_plot_row *row = xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = d->units[i].rank_now;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

struct geo {
	double y0, y1, xl, xr;
	int maxr;
};

static double
ry(const struct geo *g, double rank)
{
	if (g->maxr <= 1)
		return (g->y0 + g->y1) / 2;
	return g->y0 + (rank - 1) / (g->maxr - 1) * (g->y1 - g->y0);
}

static void
label_text(char *buf, size_t n, const struct cidx_mover *u,
    enum cidx_plot_lang lang)
{
	char num[32];
	int ch = u->rank_before - u->rank_now;

	/* the change first: a long name is cut, the number never */
	cidx_plot_fmt_num(num, sizeof(num), abs(ch), 0);
	if (u->rank_before == 0)
		snprintf(buf, n, "%s  %s", cidx_plot_word(lang, W_NEW),
		    u->name);
	else
		snprintf(buf, n, "%s%s  %s", ch > 0 ? "+" : ch < 0 ? "-" : "",
		    num, u->name);
	cidx_plot_utf8_trim(buf);
}

/* rank tick labels at x, every `step` ranks, skipping those near `avoid` */
static void
rank_ticks(struct cidx_plot_ctx *c, const struct geo *g, double x, int al,
    double tfs, const double *avoid, size_t navoid)
{
	static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250,
		500, 1000, 2000, 5000, 10000, 20000, 50000, 100000 };
	double sp = g->maxr > 1 ? (g->y1 - g->y0) / (g->maxr - 1) : 1e9;
	int step = steps[0];
	char buf[32];

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		step = steps[i];
		if (step * sp >= tfs * 1.3)
			break;
	}
	cidx_ptext_font(&c->t, tfs, 0, 0);
	cairo_set_source_rgb(c->cr, 0.45, 0.45, 0.45);
	for (int r = 1; r <= g->maxr; r = r == 1 && step > 1 ? step : r +
	    step) {
		double y = ry(g, r);
		size_t k;

		if (r > 1 && (r - 1) * sp < tfs * 1.3)
			continue;
		for (k = 0; k < navoid && fabs(avoid[k] - y) >= tfs * 0.9; k++)
			;
		if (k < navoid)
			continue;
		cidx_plot_fmt_num(buf, sizeof(buf), r, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cidx_ptext_show(&c->t, x, cidx_ptext_mid(&c->t, y), al);
	}
}

static void
movers_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_movers *d = data;
	cairo_t *cr = c->cr;
	size_t n = d->n, nhl = 0, *ord = by_rank_now(d);
	double *want = xcalloc(n, sizeof(*want)), *at = xcalloc(n,
	    sizeof(*at));
	int any_new = 0, any_dark = 0, any_entry = 0, any_plain = 0;
	struct legend_item items[4];
	size_t nitems = 0;
	double lh, hh, tfs = c->fs * 0.85, lfs = c->fs, rkw, lw = 0, xlab,
	    lw_line, sp, dash[] = { 2.5, 1.5 };
	char year[2][64], buf[512], lab[128];
	struct geo g;

	for (size_t i = 0; i < n; i++) {
		const struct cidx_mover *u = &d->units[i];

		any_dark |= u->flag == CIDX_MOVER_DARK_HORSE;
		any_new |= u->flag == CIDX_MOVER_NEW_ENTRANT;
		any_plain |= u->flag == CIDX_MOVER_NONE;
		any_entry |= u->rank_before == 0;
	}
	if (any_dark) {
		items[nitems].label = cidx_plot_word(c->lang, W_DARK_HORSE);
		items[nitems].sw = SW_LINE;
		items[nitems++].col = flag_col(CIDX_MOVER_DARK_HORSE);
	}
	if (any_new) {
		items[nitems].label = cidx_plot_word(c->lang, W_NEW_ENTRANT);
		items[nitems].sw = SW_LINE;
		items[nitems++].col = flag_col(CIDX_MOVER_NEW_ENTRANT);
	}
	if (any_plain) {
		items[nitems].label = cidx_plot_word(c->lang, W_OTHERS);
		items[nitems].sw = SW_LINE;
		items[nitems++].col = flag_col(CIDX_MOVER_NONE);
	}
	if (any_entry) {
		cidx_plot_fmt_num(year[0], sizeof(year[0]), d->year_before, 0);
		if (c->lang == CIDX_LANG_EN)
			snprintf(lab, sizeof(lab), "%s%s",
			    cidx_plot_word(c->lang, W_NOT_RANKED_IN),
			    d->year_before ? year[0] : "");
		else
			snprintf(lab, sizeof(lab), "%s%s",
			    d->year_before ? year[0] : "",
			    cidx_plot_word(c->lang, W_NOT_RANKED_IN));
		items[nitems].label = lab;
		items[nitems].sw = SW_DASH_ENTRY;
		items[nitems++].col = cidx_pal_hex(0x808080);
	}
	lh = cidx_plot_legend(c, items, nitems, b->x, b->y, b->w, 1);
	hh = c->fs * 1.8;
	g.maxr = max_rank(d);
	g.y0 = b->y + lh + hh + c->fs * 0.6;
	g.y1 = b->y + b->h - c->fs * 0.6;

	/* labels for every unit: shrink them when they cannot all fit */
	nhl = n;
	if (nhl > 0 && (double)nhl * lfs * 1.3 > b->y + b->h - g.y0 + lfs)
		lfs = fmax(1, (b->y + b->h - g.y0 + lfs) / ((double)nhl * 1.3));
	cidx_ptext_font(&c->t, lfs, 0, 0);
	for (size_t i = 0; i < n; i++) {
		label_text(buf, sizeof(buf), &d->units[i], c->lang);
		lw = fmax(lw, cidx_ptext_measure(&c->t, buf));
	}
	lw = fmin(lw, b->w * 0.36);
	cidx_plot_fmt_num(buf, sizeof(buf), g.maxr, 0);
	cidx_ptext_font(&c->t, tfs, 0, 0);
	rkw = cidx_ptext_measure(&c->t, buf) + tfs * 0.5;
	xlab = b->x + b->w - lw;
	g.xl = b->x + rkw;
	g.xr = xlab - (nhl > 0 ? c->fs * 1.8 : 0) - rkw;
	sp = g.maxr > 1 ? (g.y1 - g.y0) / (g.maxr - 1) : 10;

	/* axes and years */
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, g.xl, g.y0);
	cairo_line_to(cr, g.xl, g.y1);
	cairo_move_to(cr, g.xr, g.y0);
	cairo_line_to(cr, g.xr, g.y1);
	cairo_stroke(cr);
	cidx_ptext_font(&c->t, c->fs * 1.1, 1, 0);
	cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
	cidx_plot_fmt_num(year[0], sizeof(year[0]), d->year_before, 0);
	cidx_plot_fmt_num(year[1], sizeof(year[1]), d->year_now, 0);
	if (d->year_before) {
		cidx_ptext_line(&c->t, year[0], 0);
		cidx_ptext_show(&c->t, g.xl, g.y0 - c->fs * 1.1, AL_CENTER);
	}
	if (d->year_now) {
		cidx_ptext_line(&c->t, year[1], 0);
		cidx_ptext_show(&c->t, g.xr, g.y0 - c->fs * 1.1, AL_CENTER);
	}

	/* lines: grey ones first, flagged ones on top */
	lw_line = fmin(0.7, fmax(0.2, sp * 0.4));
	for (int pass = 0; pass < 2; pass++) {
		for (size_t k = 0; k < n; k++) {
			const struct cidx_mover *u = &d->units[ord[k]];
			double yb = ry(&g, u->rank_now), xa;
			int hl = u->flag != CIDX_MOVER_NONE;

			if (hl != pass)
				continue;
			cidx_pal_set(cr, flag_col(u->flag));
			cairo_set_line_width(cr, hl ? 1.5 : lw_line);
			if (u->rank_before > 0) {
				xa = g.xl;
				cairo_move_to(cr, xa, ry(&g, u->rank_before));
				cairo_line_to(cr, g.xr, yb);
				cairo_stroke(cr);
				cairo_arc(cr, xa, ry(&g, u->rank_before),
				    hl ? 1.8 : lw_line * 1.6, 0, 2 * PLOT_PI);
				cairo_fill(cr);
			} else {
				double r = hl ? 1.8 : fmax(0.6, lw_line * 1.6);

				xa = g.xl + (g.xr - g.xl) * 0.55;
				cairo_new_sub_path(cr);
				cairo_arc(cr, xa, yb, r, 0, 2 * PLOT_PI);
				cairo_stroke(cr);
				cairo_set_dash(cr, dash, 2, 0);
				cairo_move_to(cr, xa + r, yb);
				cairo_line_to(cr, g.xr, yb);
				cairo_stroke(cr);
				cairo_set_dash(cr, NULL, 0, 0);
			}
			cairo_arc(cr, g.xr, yb, hl ? 1.8 : lw_line * 1.6, 0,
			    2 * PLOT_PI);
			cairo_fill(cr);
		}
	}

	/* the names, in rank order, moved apart */
	nhl = 0;
	for (size_t k = 0; k < n; k++) {
		want[nhl] = at[nhl] = ry(&g, d->units[ord[k]].rank_now);
		nhl++;
	}
	rank_ticks(c, &g, g.xl - tfs * 0.4, AL_RIGHT, tfs, NULL, 0);
	rank_ticks(c, &g, g.xr + tfs * 0.4, AL_LEFT, tfs, NULL, 0);
	cidx_ptext_font(&c->t, lfs, 0, 0);
	cidx_plot_spread(at, nhl, lfs * 1.3, g.y0 - sp / 2 - lfs * 0.5,
	    b->y + b->h);
	nhl = 0;
	for (size_t k = 0; k < n; k++) {
		const struct cidx_mover *u = &d->units[ord[k]];
		struct rgb col = u->flag == CIDX_MOVER_NONE ?
		    cidx_pal_hex(0x8a8a8a) : flag_col(u->flag);

		cidx_pal_set(cr,
		    u->flag == CIDX_MOVER_NONE ? flag_col(u->flag) : col);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, g.xr, want[nhl]);
		cairo_line_to(cr, g.xr + rkw, want[nhl]);
		cairo_line_to(cr, xlab - c->fs * 0.3, at[nhl]);
		cairo_stroke(cr);
		label_text(buf, sizeof(buf), u, c->lang);
		cidx_ptext_line(&c->t, buf, lw);
		cidx_pal_set(cr, cidx_pal_mix(col, cidx_pal_hex(0), 0.25));
		cidx_ptext_show(&c->t, xlab, cidx_ptext_mid(&c->t, at[nhl]),
		    AL_LEFT);
		nhl++;
	}
	free(want);
	free(at);
	free(ord);
}

const struct cidx_chart_type cidx_chart_movers = {
	.name = "movers",
	.needs = CIDX_CHART_NEEDS_MOVEMENT,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_COMPARE |
	    CIDX_CHART_OPT_DARK_HORSE,
	.check = movers_check,
	.size = movers_size,
	.draw = movers_draw,
};
