/*
 * maplegend.c - what the map chart writes around the map (map_int.h):
 * the legend above it (the tiers present, or the score scale, and the
 * swatches of units not ranked and without data) and the notes under it
 * (units not ranked, units without a boundary, the credit lines).
 */
#include <math.h>
#include <stdio.h>

#include "core/geom.h"
#include "core/mem.h"
#include "plot/map_int.h"

/* the score legend: a horizontal colour bar with round ticks, then the
 * swatches of units not ranked and without data */
static double
score_legend(struct cidx_plot_ctx *c, double x, double y, double w, double lo,
    double hi, const struct legend_item *extra, size_t n_extra)
{
	cairo_t *cr = c->cr;
	double bw = fmin(w * 0.4, 200), bh = c->fs * 0.9, tw, x0;
	cairo_pattern_t *pat;
	struct ticks tk;
	char buf[64];

	cidx_ptext_font(&c->t, c->fs, 0, 0);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_SCORE), 0);
	tw = cidx_ptext_w(&c->t);
	cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
	cidx_ptext_show(&c->t, x, cidx_ptext_mid(&c->t, y + bh / 2), AL_LEFT);
	x0 = x + tw + c->fs * 0.8;
	pat = cairo_pattern_create_linear(x0, 0, x0 + bw, 0);
	for (int i = 0; i <= 14; i++) {
		struct rgb col = cidx_pal_seq(i / 14.0);

		cairo_pattern_add_color_stop_rgb(pat, i / 14.0, col.r, col.g,
		    col.b);
	}
	cairo_set_source(cr, pat);
	cairo_rectangle(cr, x0, y, bw, bh);
	cairo_fill(cr);
	cairo_pattern_destroy(pat);
	cidx_plot_ticks(lo, hi, 4, &tk);
	cidx_ptext_font(&c->t, c->fs * 0.85, 0, 0);
	for (int i = 0; i < tk.n; i++) {
		double v = tk.lo + i * tk.step, xt;

		if (v < lo - 1e-9 * fabs(hi - lo) ||
		    v > hi + 1e-9 * fabs(hi - lo) || !(hi > lo))
			continue;
		xt = x0 + (v - lo) / (hi - lo) * bw;
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, xt, y + bh);
		cairo_line_to(cr, xt, y + bh + 2.5);
		cairo_stroke(cr);
		cidx_plot_fmt_num(buf, sizeof(buf), v, tk.dec);
		cidx_ptext_line(&c->t, buf, 0);
		cidx_ptext_show(&c->t, xt, y + bh + 2.5 + c->fs * 0.85,
		    AL_CENTER);
	}
	if (n_extra > 0) {
		double lx = x0 + bw + c->fs * 1.5;

		if (lx < x + w * 0.75) {
			cidx_plot_legend(c, extra, n_extra, lx,
			    y + bh / 2 - c->fs * 0.8, x + w - lx, 1);
		} else {
			double h = bh + 2.5 + c->fs * 1.5;

			return h +
			    cidx_plot_legend(c, extra, n_extra, x, y + h, w, 1);
		}
	}
	return bh + 2.5 + c->fs * 1.3;
}

void
cidx_map_stats(const struct cidx_map *d, struct mstyle *st, struct mstat *ms)
{
	st->k = d->n_tiers;
	st->s_lo = INFINITY;
	st->s_hi = -INFINITY;
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];

		if (u->geom == NULL) {
			ms->missing++;
			continue;
		}
		if (u->no_data)
			ms->no_data = 1;
		else if (d->fill == CIDX_MAP_TIER && u->unranked)
			ms->unranked = 1;
		else if (d->fill == CIDX_MAP_TIER) {
			st->k = u->tier > st->k ? u->tier : st->k;
			ms->present[u->tier] = 1;
		} else if (isnan(u->score))
			ms->unranked = 1;
		else {
			st->s_lo = fmin(st->s_lo, u->score);
			st->s_hi = fmax(st->s_hi, u->score);
		}
	}
	for (size_t i = 0; i < d->n_layers; i++)
		if (d->layers[i].kind == CIDX_LAYER_ISLAND ||
		    d->layers[i].kind == CIDX_LAYER_OUTLINE)
			ms->no_data = 1;
	if (!(st->s_lo <= st->s_hi))
		st->s_lo = st->s_hi = 0;
}

double
cidx_map_legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_map *d, const struct mstyle *st,
    const struct mstat *ms)
{
	struct legend_item items[MAP_MAX_TIERS + 3];
	char labels[MAP_MAX_TIERS + 1][128];
	size_t n = 0, ne;

	for (int t = 1; d->fill == CIDX_MAP_TIER && t <= st->k + 1; t++) {
		int tier = t <= st->k ? t : 0;

		if (!ms->present[tier])
			continue;
		if (tier == 0 && d->top > 0)
			snprintf(labels[n], sizeof(labels[0]), c->lang ==
			    CIDX_LANG_EN ? "outside the top %zu" : "前%zu名以外",
			    d->top);
		else
			cidx_plot_tier_label(labels[n], sizeof(labels[0]),
			    c->lang, tier, d->tier_names);
		items[n].label = labels[n];
		items[n].sw = SW_BOX;
		items[n].col = cidx_pal_tier(tier, st->k);
		n++;
	}
	ne = n;
	if (ms->unranked) {
		items[n].label = cidx_plot_word(c->lang, W_NOT_RANKED);
		items[n].sw = SW_HATCH;
		items[n++].col = cidx_pal_hex(0x8c8c8c);
	}
	if (ms->no_data) {
		items[n].label = cidx_plot_word(c->lang, W_NO_DATA);
		items[n].sw = SW_EDGED;
		items[n++].col = cidx_pal_hex(MAP_PALE);
	}
	if (d->fill == CIDX_MAP_SCORE)
		return score_legend(c, b->x, b->y, b->w, st->s_lo, st->s_hi,
		    items + ne, n - ne);
	return cidx_plot_legend(c, items, n, b->x, b->y, b->w, 1);
}

double
cidx_map_notes(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_map *d, const struct mstat *ms, int draw)
{
	struct sbuf nb = SBUF_INIT, cr = SBUF_INIT;
	double h = 0, hn = 0, hc = 0;
	char num[32];

	if (d->note && *d->note)
		cidx_sbuf_adds(&nb, d->note);
	if (ms->missing > 0) {
		size_t j = 0;

		cidx_plot_fmt_num(num, sizeof(num), (double)ms->missing, 0);
		cidx_sbuf_addf(&nb, "%s%s%s%s%s%s", nb.len ? "\n" : "",
		    cidx_plot_word(c->lang, W_NO_BOUNDARY),
		    c->lang == CIDX_LANG_EN ? " (" : "（", num,
		    c->lang == CIDX_LANG_EN ? ")" : "）",
		    cidx_plot_word(c->lang, W_COLON));
		for (size_t i = 0; i < d->n; i++) {
			if (d->units[i].geom != NULL)
				continue;
			if (j++ > 0)
				cidx_sbuf_adds(&nb,
				    cidx_plot_word(c->lang, W_LIST_SEP));
			cidx_sbuf_adds(&nb, d->units[i].name);
		}
	}
	for (size_t i = 0; i < d->n_layers; i++)
		if (d->layers[i].kind == CIDX_LAYER_CREDIT &&
		    d->layers[i].name && *d->layers[i].name)
			cidx_sbuf_addf(&cr, "%s%s", cr.len ? (c->lang == CIDX_LANG_EN ?
			    "; " : "；") : "", d->layers[i].name);
	if (cr.len) {
		/* an attribution is never cut */
		cidx_ptext_font(&c->t, c->fs * 0.78, 0, 0);
		cidx_ptext_wrap(&c->t, cr.buf, b->w, 0);
		hc = cidx_ptext_h(&c->t);
		if (draw) {
			cairo_set_source_rgb(c->cr, 0.45, 0.45, 0.45);
			cidx_ptext_show_top(&c->t, b->x, b->y + b->h - hc,
			    AL_LEFT);
		}
	}
	if (nb.len) {
		cidx_ptext_font(&c->t, c->fs * 0.85, 0, 0);
		cidx_ptext_wrap(&c->t, nb.buf, b->w, 4);
		hn = cidx_ptext_h(&c->t) + (hc > 0 ? c->fs * 0.3 : 0);
		if (draw) {
			cairo_set_source_rgb(c->cr, 0.3, 0.3, 0.3);
			cidx_ptext_show_top(&c->t, b->x, b->y + b->h - hc - hn,
			    AL_LEFT);
		}
	}
	h = hn + hc;
	cidx_sbuf_release(&nb);
	cidx_sbuf_release(&cr);
	return h > 0 ? h + c->fs * 0.5 : 0;
}

