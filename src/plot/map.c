/*
 * map.c - units drawn from their boundaries, filled by tier or by score,
 * in an Albers equal-area conic projection (see plot.h for its
 * parameters).  Points are projected twice (to find the box to fit, then
 * to draw) rather than stored; a path skips points closer than the
 * context's tolerance to the last one kept (a third of a pixel, 0.25 pt,
 * under 0.1 mm, in vector output), which keeps 300 city outlines fast and
 * small.  Units without a boundary are listed under the map.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_TIERS 100
#define RAD (PLOT_PI / 180)

int
map_check(const struct cidx_map *d, struct cidx_err *err)
{
	size_t with = 0;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "map: no units");
	if (d->fill != CIDX_MAP_TIER && d->fill != CIDX_MAP_SCORE)
		return cidx_err_set(err, CIDX_EINVAL, "map: unknown fill %d",
		    (int)d->fill);
	if (d->n_tiers < 0 || d->n_tiers > MAX_TIERS)
		return cidx_err_set(err, CIDX_EINVAL, "map: %d tiers (0 to "
		    "%d)", d->n_tiers, MAX_TIERS);
	if (!isfinite(d->lon0) || !isfinite(d->lat1) || !isfinite(d->lat2) ||
	    fabs(d->lat1) > 89 || fabs(d->lat2) > 89)
		return cidx_err_set(err, CIDX_EINVAL, "map: standard parallels "
		    "must be within 89 degrees of the equator");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];

		if (name_check("map: unit", i + 1, u->name, err) < 0)
			return CIDX_EINVAL;
		if (d->fill == CIDX_MAP_TIER && (u->tier < 0 ||
		    u->tier > MAX_TIERS ||
		    (d->n_tiers > 0 && u->tier > d->n_tiers)))
			return cidx_err_set(err, CIDX_EINVAL, "map: '%s': tier "
			    "%d is not 0 (untiered) to %d", u->name, u->tier,
			    d->n_tiers > 0 ? d->n_tiers : MAX_TIERS);
		if (d->fill == CIDX_MAP_SCORE && isinf(u->score))
			return cidx_err_set(err, CIDX_EINVAL, "map: '%s': "
			    "infinite score", u->name);
		if (u->geom != NULL && u->geom->n_pts > 0)
			with++;
	}
	if (with == 0)
		return cidx_err_set(err, CIDX_EINVAL, "map: no unit has a "
		    "boundary");
	return 0;
}

void
map_size(const struct cidx_map *d, double *w, double *h)
{
	(void)d;
	*w = 540;
	*h = 520;
}

struct albers {
	double n, c, rho0, lon0;
};

static void
albers_init(struct albers *a, double lon0, double lat1, double lat2)
{
	a->lon0 = lon0 * RAD;
	a->n = (sin(lat1 * RAD) + sin(lat2 * RAD)) / 2;
	a->c = cos(lat1 * RAD) * cos(lat1 * RAD) +
	    2 * a->n * sin(lat1 * RAD);
	a->rho0 = fabs(a->n) > 1e-9 ? sqrt(a->c) / a->n : 0;
}

static void
albers(const struct albers *a, double lon, double lat, double *x, double *y)
{
	double lam = lon * RAD - a->lon0, phi = lat * RAD, rho, q;

	if (lam > PLOT_PI)
		lam -= 2 * PLOT_PI;
	else if (lam < -PLOT_PI)
		lam += 2 * PLOT_PI;
	if (fabs(a->n) <= 1e-9) {
		/* parallels symmetric about the equator: the cylindrical
		 * equal-area limit */
		*x = lam;
		*y = sin(phi);
		return;
	}
	q = a->c - 2 * a->n * sin(phi);
	rho = sqrt(q > 0 ? q : 0) / a->n;
	*x = rho * sin(a->n * lam);
	*y = a->rho0 - rho * cos(a->n * lam);
}

static int
has_geom(const struct cidx_map_unit *u)
{
	return u->geom != NULL && u->geom->n_pts > 0;
}

/* the unit's rings into the path, from projected points p */
static void
unit_path(cairo_t *cr, const struct cidx_geom *g, const double *p,
    double tol)
{
	for (size_t r = 0; r < g->n_rings; r++) {
		size_t a = g->ring_off[r], e = g->ring_off[r + 1];
		double lx = p[2 * a], ly = p[2 * a + 1];

		cairo_move_to(cr, lx, ly);
		for (size_t i = a + 1; i < e; i++) {
			double x = p[2 * i], y = p[2 * i + 1];

			if (fabs(x - lx) < tol && fabs(y - ly) < tol &&
			    i + 1 < e)
				continue;
			cairo_line_to(cr, x, y);
			lx = x;
			ly = y;
		}
		cairo_close_path(cr);
	}
}

/* the score legend: a horizontal colour bar with round ticks */
static double
score_legend(struct pctx *c, double x, double y, double w, double lo,
    double hi, int any_nan)
{
	cairo_t *cr = c->cr;
	double bw = fmin(w * 0.45, 220), bh = c->fs * 0.9, tw, x0;
	cairo_pattern_t *pat;
	struct ticks tk;
	char buf[64];

	ptext_font(&c->t, c->fs, 0, 0);
	ptext_line(&c->t, word(c->lang, W_SCORE), 0);
	tw = ptext_w(&c->t);
	cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
	ptext_show(&c->t, x, ptext_mid(&c->t, y + bh / 2), AL_LEFT);
	x0 = x + tw + c->fs * 0.8;
	pat = cairo_pattern_create_linear(x0, 0, x0 + bw, 0);
	for (int i = 0; i <= 14; i++) {
		struct rgb col = pal_seq(i / 14.0);

		cairo_pattern_add_color_stop_rgb(pat, i / 14.0, col.r, col.g,
		    col.b);
	}
	cairo_set_source(cr, pat);
	cairo_rectangle(cr, x0, y, bw, bh);
	cairo_fill(cr);
	cairo_pattern_destroy(pat);
	nice_ticks(lo, hi, 4, &tk);
	ptext_font(&c->t, c->fs * 0.85, 0, 0);
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
		fmt_num(buf, sizeof(buf), v, tk.dec);
		ptext_line(&c->t, buf, 0);
		ptext_show(&c->t, xt, y + bh + 2.5 + c->fs * 0.85, AL_CENTER);
	}
	if (any_nan) {
		struct legend_item it = { word(c->lang, W_NO_DATA), SW_HATCH,
			{ 0.55, 0.55, 0.55 } };

		legend(c, &it, 1, x0 + bw + c->fs * 1.5, y + bh / 2 -
		    c->fs * 0.8, w - (x0 + bw + c->fs * 1.5 - x), 1);
	}
	return bh + 2.5 + c->fs * 1.3;
}

void
map_body(struct pctx *c, const struct cidx_rect *b, const struct cidx_map *d)
{
	cairo_t *cr = c->cr;
	struct legend_item items[MAX_TIERS + 2];
	char labels[MAX_TIERS + 1][128], num[32];
	int k = d->n_tiers, present[MAX_TIERS + 1] = { 0 }, any_nan = 0;
	double lon_lo = 180, lon_hi = -180, lat_lo = 90, lat_hi = -90;
	double px_lo = INFINITY, px_hi = -INFINITY, py_lo = INFINITY,
	    py_hi = -INFINITY, s_lo = INFINITY, s_hi = -INFINITY;
	double lh, nbh = 0, my0, my1, sc, ox, oy, *p = NULL;
	size_t nitems = 0, missing = 0, cap = 0;
	struct sbuf nb = SBUF_INIT;
	struct albers a;

	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];

		if (!has_geom(u)) {
			missing++;
			continue;
		}
		lon_lo = fmin(lon_lo, u->geom->bbox[0]);
		lat_lo = fmin(lat_lo, u->geom->bbox[1]);
		lon_hi = fmax(lon_hi, u->geom->bbox[2]);
		lat_hi = fmax(lat_hi, u->geom->bbox[3]);
		if (u->geom->n_pts > cap)
			cap = u->geom->n_pts;
		if (d->fill == CIDX_MAP_TIER && u->unranked) {
			any_nan = 1;
		} else if (d->fill == CIDX_MAP_TIER) {
			if (u->tier > k)
				k = u->tier;
			present[u->tier] = 1;
		} else if (isnan(u->score)) {
			any_nan = 1;
		} else {
			s_lo = fmin(s_lo, u->score);
			s_hi = fmax(s_hi, u->score);
		}
	}
	if (d->lon0 == 0 && d->lat1 == 0 && d->lat2 == 0)
		albers_init(&a, (lon_lo + lon_hi) / 2,
		    lat_lo + (lat_hi - lat_lo) / 6,
		    lat_hi - (lat_hi - lat_lo) / 6);
	else
		albers_init(&a, d->lon0, d->lat1, d->lat2);

	/* legend above the map */
	if (d->fill == CIDX_MAP_TIER) {
		for (int t = 1; t <= k + 1; t++) {
			int tier = t <= k ? t : 0;

			if (!present[tier])
				continue;
			if (tier == 0 && d->top > 0)
				snprintf(labels[nitems], sizeof(labels[0]),
				    c->lang == CIDX_LANG_EN ? "outside the top "
				    "%zu" : "前%zu名以外", d->top);
			else
				tier_label(labels[nitems], sizeof(labels[0]),
				    c->lang, tier, d->tier_names);
			items[nitems].label = labels[nitems];
			items[nitems].sw = SW_BOX;
			items[nitems].col = pal_tier(tier, k);
			nitems++;
		}
		if (any_nan) {
			items[nitems].label = word(c->lang, W_NOT_RANKED);
			items[nitems].sw = SW_HATCH;
			items[nitems].col = pal_hex(0x8c8c8c);
			nitems++;
		}
		lh = legend(c, items, nitems, b->x, b->y, b->w, 1);
	} else {
		if (!(s_lo <= s_hi))
			s_lo = s_hi = 0;
		lh = score_legend(c, b->x, b->y, b->w, s_lo, s_hi, any_nan);
	}

	/* the units without a boundary, under the map */
	if (missing > 0) {
		size_t j = 0;

		fmt_num(num, sizeof(num), (double)missing, 0);
		sbuf_addf(&nb, "%s%s%s%s%s", word(c->lang, W_NO_BOUNDARY),
		    c->lang == CIDX_LANG_EN ? " (" : "（", num,
		    c->lang == CIDX_LANG_EN ? ")" : "）",
		    word(c->lang, W_COLON));
		for (size_t i = 0; i < d->n; i++) {
			if (has_geom(&d->units[i]))
				continue;
			if (j++ > 0)
				sbuf_adds(&nb, word(c->lang, W_LIST_SEP));
			sbuf_adds(&nb, d->units[i].name);
		}
		ptext_font(&c->t, c->fs * 0.9, 0, 0);
		ptext_wrap(&c->t, nb.buf, b->w, 3);
		nbh = ptext_h(&c->t) + c->fs * 0.5;
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		ptext_show_top(&c->t, b->x, b->y + b->h - nbh + c->fs * 0.5,
		    AL_LEFT);
	}
	my0 = b->y + lh + c->fs * 0.6;
	my1 = b->y + b->h - nbh;

	/* project once, to find the box to fit */
	p = xreallocarray(NULL, cap ? 2 * cap : 2, sizeof(*p));
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_geom *g = d->units[i].geom;

		if (!has_geom(&d->units[i]))
			continue;
		for (size_t j = 0; j < g->n_pts; j++) {
			double x, y;

			albers(&a, g->xy[2 * j], g->xy[2 * j + 1], &x, &y);
			px_lo = fmin(px_lo, x);
			px_hi = fmax(px_hi, x);
			py_lo = fmin(py_lo, y);
			py_hi = fmax(py_hi, y);
		}
	}
	sc = fmin(b->w / fmax(px_hi - px_lo, 1e-12),
	    (my1 - my0) / fmax(py_hi - py_lo, 1e-12));
	ox = b->x + (b->w - (px_hi - px_lo) * sc) / 2;
	oy = my0 + (my1 - my0 - (py_hi - py_lo) * sc) / 2;

	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_set_line_width(cr, 0.3);
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];
		const struct cidx_geom *g = u->geom;
		int nan = 0;
		struct rgb col;

		if (!has_geom(u))
			continue;
		for (size_t j = 0; j < g->n_pts; j++) {
			double x, y;

			albers(&a, g->xy[2 * j], g->xy[2 * j + 1], &x, &y);
			p[2 * j] = ox + (x - px_lo) * sc;
			p[2 * j + 1] = oy + (py_hi - y) * sc;
		}
		if (d->fill == CIDX_MAP_TIER && (nan = u->unranked) != 0)
			col = pal_hex(0xeeeeee);
		else if (d->fill == CIDX_MAP_TIER)
			col = pal_tier(u->tier, k);
		else if ((nan = isnan(u->score)) != 0)
			col = pal_hex(0xeeeeee);
		else
			col = pal_seq(s_hi > s_lo ? (u->score - s_lo) /
			    (s_hi - s_lo) : 0.6);
		unit_path(cr, g, p, c->tol);
		set_rgb(cr, col);
		if (nan) {
			cairo_fill_preserve(cr);
			hatch(cr, 2, pal_hex(0x8c8c8c));
			unit_path(cr, g, p, c->tol);
		} else {
			cairo_fill_preserve(cr);
		}
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_stroke(cr);
	}
	free(p);
	sbuf_release(&nb);
}
