/*
 * mapdraw.c - the map's projection and drawing (map_int.h).  Points are
 * projected when they are drawn rather than stored; a path skips points
 * closer than the context's tolerance to the last one kept (a third of a
 * pixel, or 0.25 pt in vector output), which keeps 370 city outlines and
 * the province layer fast and small.  Each polygon is filled on its own,
 * its holes by the even-odd rule, so that two polygons of a unit that
 * touch or overlap never cut holes in each other.  A part too small to
 * see at the map's scale (a reef in the South China Sea) is drawn as a
 * dot.
 */
#include <math.h>

#include "core/geom.h"
#include "plot/map_int.h"

#define RAD (PLOT_PI / 180)

void
cidx_mproj_albers(struct mproj *p, double lon0, double lat1, double lat2)
{
	p->lon0 = lon0 * RAD;
	p->n = (sin(lat1 * RAD) + sin(lat2 * RAD)) / 2;
	p->c = cos(lat1 * RAD) * cos(lat1 * RAD) + 2 * p->n * sin(lat1 * RAD);
	p->rho0 = fabs(p->n) > 1e-9 ? sqrt(p->c) / p->n : 0;
	p->sc = 1;
	p->ox = p->oy = p->x_lo = p->y_hi = 0;
}

void
cidx_mproj_raw(const struct mproj *p, double lon, double lat, double *x,
    double *y)
{
	double lam = lon * RAD - p->lon0, phi = lat * RAD, rho, q;

	if (lam > PLOT_PI)
		lam -= 2 * PLOT_PI;
	else if (lam < -PLOT_PI)
		lam += 2 * PLOT_PI;
	if (fabs(p->n) <= 1e-9) {
		/* parallels symmetric about the equator: the cylindrical
		 * equal-area limit */
		*x = lam;
		*y = sin(phi);
		return;
	}
	q = p->c - 2 * p->n * sin(phi);
	rho = sqrt(q > 0 ? q : 0) / p->n;
	*x = rho * sin(p->n * lam);
	*y = p->rho0 - rho * cos(p->n * lam);
}

void
cidx_mproj_page(const struct mproj *p, double lon, double lat, double *x,
    double *y)
{
	double px, py;

	cidx_mproj_raw(p, lon, lat, &px, &py);
	*x = p->ox + (px - p->x_lo) * p->sc;
	*y = p->oy + (p->y_hi - py) * p->sc;
}

void
cidx_map_part_bbox(const struct cidx_geom *g, size_t q, double *bb)
{
	size_t r = g->poly_off[q];

	bb[0] = bb[1] = INFINITY;
	bb[2] = bb[3] = -INFINITY;
	for (size_t i = g->ring_off[r]; i < g->ring_off[r + 1]; i++) {
		bb[0] = fmin(bb[0], g->xy[2 * i]);
		bb[1] = fmin(bb[1], g->xy[2 * i + 1]);
		bb[2] = fmax(bb[2], g->xy[2 * i]);
		bb[3] = fmax(bb[3], g->xy[2 * i + 1]);
	}
}

static int
overlaps(const double *a, const double *b)
{
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

static int
within(const double *a, const double *b)
{
	return a[0] >= b[0] && a[2] <= b[2] && a[1] >= b[1] && a[3] <= b[3];
}

int
cidx_mview_takes(const struct mview *v, const struct cidx_geom *g, size_t q)
{
	double bb[4];

	if (!v->has_win && !v->has_away)
		return 1;
	cidx_map_part_bbox(g, q, bb);
	if (v->has_win && !overlaps(bb, v->win))
		return 0;
	return !(v->has_away && within(bb, v->away) &&
	    !(v->has_win && within(bb, v->win)));
}

/* the geometries a view may draw: every unit's and every layer's but the
 * windows' and credits' */
static const struct cidx_geom *
geom_at(const struct cidx_map *d, size_t i)
{
	if (i < d->n)
		return d->units[i].geom;
	i -= d->n;
	if (d->layers[i].kind == CIDX_LAYER_INSET ||
	    d->layers[i].kind == CIDX_LAYER_EXTENT)
		return NULL;
	return d->layers[i].geom;
}

/* the lon/lat box of what v takes; 0 when nothing */
static int
taken_lonlat(const struct mview *v, const struct cidx_map *d, double *bb)
{
	bb[0] = bb[1] = INFINITY;
	bb[2] = bb[3] = -INFINITY;
	for (size_t i = 0; i < d->n + d->n_layers; i++) {
		const struct cidx_geom *g = geom_at(d, i);

		for (size_t q = 0; g && q < g->n_polys; q++) {
			double b[4];

			if (!cidx_mview_takes(v, g, q))
				continue;
			cidx_map_part_bbox(g, q, b);
			bb[0] = fmin(bb[0], b[0]);
			bb[1] = fmin(bb[1], b[1]);
			bb[2] = fmax(bb[2], b[2]);
			bb[3] = fmax(bb[3], b[3]);
		}
	}
	return bb[0] <= bb[2];
}

/* the projected box of what v takes */
static void
taken_projected(const struct mview *v, const struct cidx_map *d, double *bb)
{
	bb[0] = bb[1] = INFINITY;
	bb[2] = bb[3] = -INFINITY;
	for (size_t i = 0; i < d->n + d->n_layers; i++) {
		const struct cidx_geom *g = geom_at(d, i);

		for (size_t q = 0; g && q < g->n_polys; q++) {
			size_t r = g->poly_off[q];

			if (!cidx_mview_takes(v, g, q))
				continue;
			for (size_t j = g->ring_off[r]; j < g->ring_off[r + 1];
			    j++) {
				double x, y;

				cidx_mproj_raw(&v->pj, g->xy[2 * j],
				    g->xy[2 * j + 1], &x, &y);
				bb[0] = fmin(bb[0], x);
				bb[1] = fmin(bb[1], y);
				bb[2] = fmax(bb[2], x);
				bb[3] = fmax(bb[3], y);
			}
		}
	}
}

/* the projected box of the window's border (its edges bend) */
static void
window_projected(const struct mview *v, double *bb)
{
	const double *w = v->win;

	bb[0] = bb[1] = INFINITY;
	bb[2] = bb[3] = -INFINITY;
	for (int i = 0; i <= 64; i++) {
		double t = i / 64.0, pt[4][2] = {
			{ w[0] + t * (w[2] - w[0]), w[1] },
			{ w[0] + t * (w[2] - w[0]), w[3] },
			{ w[0], w[1] + t * (w[3] - w[1]) },
			{ w[2], w[1] + t * (w[3] - w[1]) } };

		for (int k = 0; k < 4; k++) {
			double x, y;

			cidx_mproj_raw(&v->pj, pt[k][0], pt[k][1], &x, &y);
			bb[0] = fmin(bb[0], x);
			bb[1] = fmin(bb[1], y);
			bb[2] = fmax(bb[2], x);
			bb[3] = fmax(bb[3], y);
		}
	}
}

int
cidx_mview_project(struct mview *v, const struct cidx_map *d, int inset)
{
	double ll[4];

	if (inset) {
		/* its own projection: the window shown whole */
		const double *w = v->win;

		cidx_mproj_albers(&v->pj, (w[0] + w[2]) / 2,
		    w[1] + (w[3] - w[1]) / 6, w[3] - (w[3] - w[1]) / 6);
		window_projected(v, v->raw);
		return 1;
	}
	if (!taken_lonlat(v, d, ll))
		return 0;
	if (d->lon0 == 0 && d->lat1 == 0 && d->lat2 == 0)
		cidx_mproj_albers(&v->pj, (ll[0] + ll[2]) / 2,
		    ll[1] + (ll[3] - ll[1]) / 6, ll[3] - (ll[3] - ll[1]) / 6);
	else
		cidx_mproj_albers(&v->pj, d->lon0, d->lat1, d->lat2);
	taken_projected(v, d, v->raw);
	return 1;
}

double
cidx_mview_aspect(const struct mview *v)
{
	return fmax(v->raw[2] - v->raw[0], 1e-12) /
	    fmax(v->raw[3] - v->raw[1], 1e-12);
}

void
cidx_mview_place(struct mview *v, const struct cidx_rect *area, int corner)
{
	double w = fmax(v->raw[2] - v->raw[0], 1e-12);
	double h = fmax(v->raw[3] - v->raw[1], 1e-12);

	v->pj.sc = fmin(area->w / w, area->h / h);
	v->pj.x_lo = v->raw[0];
	v->pj.y_hi = v->raw[3];
	v->box.w = w * v->pj.sc;
	v->box.h = h * v->pj.sc;
	v->box.x = area->x + (area->w - v->box.w) / (corner ? 1 : 2);
	v->box.y = area->y + (area->h - v->box.h) / (corner ? 1 : 2);
	v->pj.ox = v->box.x;
	v->pj.oy = v->box.y;
}

/*
 * Part q of g into the path (closed rings for a polygon), decimated; bb
 * gets its page box (of the first ring).
 */
static void
part_path(cairo_t *cr, const struct mproj *pj, const struct cidx_geom *g,
    size_t q, double tol, double *bb)
{
	bb[0] = bb[1] = INFINITY;
	bb[2] = bb[3] = -INFINITY;
	for (size_t r = g->poly_off[q]; r < g->poly_off[q + 1]; r++) {
		size_t a = g->ring_off[r], e = g->ring_off[r + 1];
		double lx, ly;

		cidx_mproj_page(pj, g->xy[2 * a], g->xy[2 * a + 1], &lx, &ly);
		cairo_move_to(cr, lx, ly);
		for (size_t i = a; i < e; i++) {
			double x, y;

			cidx_mproj_page(pj, g->xy[2 * i], g->xy[2 * i + 1], &x,
			    &y);
			if (r == g->poly_off[q]) {
				bb[0] = fmin(bb[0], x);
				bb[1] = fmin(bb[1], y);
				bb[2] = fmax(bb[2], x);
				bb[3] = fmax(bb[3], y);
			}
			if (i == a || (fabs(x - lx) < tol &&
			    fabs(y - ly) < tol && i + 1 < e))
				continue;
			cairo_line_to(cr, x, y);
			lx = x;
			ly = y;
		}
		if (!g->lines)
			cairo_close_path(cr);
	}
}

/* a part too small to see: a dot at its centre */
static int
tiny(const double *bb, double lw)
{
	return bb[2] - bb[0] < 1.2 * lw && bb[3] - bb[1] < 1.2 * lw;
}

static void
dot(cairo_t *cr, const double *bb, double rad, struct rgb col)
{
	cairo_new_path(cr);
	cairo_arc(cr, (bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2, rad, 0,
	    2 * PLOT_PI);
	cidx_pal_set(cr, col);
	cairo_fill(cr);
}

struct rgb
cidx_map_unit_colour(const struct cidx_map *d, const struct cidx_map_unit *u,
    const struct mstyle *st, int *hatched)
{
	*hatched = 0;
	if (u->no_data)
		return cidx_pal_hex(MAP_PALE);
	if (d->fill == CIDX_MAP_TIER && u->unranked) {
		*hatched = 1;
		return cidx_pal_hex(0xeeeeee);
	}
	if (d->fill == CIDX_MAP_TIER)
		return cidx_pal_tier(u->tier, st->k);
	if (isnan(u->score)) {
		*hatched = 1;
		return cidx_pal_hex(0xeeeeee);
	}
	return cidx_pal_seq(st->s_hi > st->s_lo ? (u->score - st->s_lo) /
	    (st->s_hi - st->s_lo) : 0.6);
}

static void
draw_units(struct cidx_plot_ctx *c, const struct mview *v,
    const struct cidx_map *d, const struct mstyle *st)
{
	cairo_t *cr = c->cr;

	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];
		const struct cidx_geom *g = u->geom;
		int hatched;
		struct rgb col;

		if (g == NULL)
			continue;
		col = cidx_map_unit_colour(d, u, st, &hatched);
		for (size_t q = 0; q < g->n_polys; q++) {
			double bb[4];

			if (!cidx_mview_takes(v, g, q))
				continue;
			cairo_new_path(cr);
			part_path(cr, &v->pj, g, q, c->tol, bb);
			if (tiny(bb, st->lw)) {
				dot(cr, bb, 0.6 * st->lw, v->inset &&
				    u->no_data ? cidx_pal_hex(MAP_EDGE) : col);
				continue;
			}
			cidx_pal_set(cr, col);
			cairo_fill_preserve(cr);
			if (hatched) {
				cidx_plot_hatch(cr, 2 * st->lw,
				    cidx_pal_hex(0x8c8c8c));
				part_path(cr, &v->pj, g, q, c->tol, bb);
			}
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_set_line_width(cr, 0.3 * st->lw);
			cairo_stroke(cr);
		}
	}
}

/* the layers of `kind`: filled (pale) and/or edged */
static void
draw_layer(struct cidx_plot_ctx *c, const struct mview *v,
    const struct cidx_map *d, int kind, int fill, double width, struct rgb edge)
{
	cairo_t *cr = c->cr;

	for (size_t i = 0; i < d->n_layers; i++) {
		const struct cidx_geom *g = d->layers[i].geom;

		if (d->layers[i].kind != kind || g == NULL)
			continue;
		for (size_t q = 0; q < g->n_polys; q++) {
			double bb[4];

			if (!cidx_mview_takes(v, g, q))
				continue;
			cairo_new_path(cr);
			part_path(cr, &v->pj, g, q, c->tol, bb);
			/* islands too small to see are dots; a province's
			 * are its units' */
			if (!g->lines && tiny(bb, 2.2 * width)) {
				if (width > 0 && kind != CIDX_LAYER_PROVINCE)
					dot(cr, bb, 1.3 * width, edge);
				continue;
			}
			if (fill && !g->lines) {
				cidx_pal_set(cr, cidx_pal_hex(MAP_PALE));
				cairo_fill_preserve(cr);
			}
			if (width > 0) {
				cidx_pal_set(cr, edge);
				cairo_set_line_width(cr, width);
				cairo_stroke(cr);
			}
		}
	}
	cairo_new_path(cr);
}

void
cidx_mview_draw(struct cidx_plot_ctx *c, const struct mview *v,
    const struct cidx_map *d, const struct mstyle *st)
{
	cairo_t *cr = c->cr;
	double lw = st->lw;

	cairo_save(cr);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	draw_layer(c, v, d, CIDX_LAYER_OUTLINE, 1, 0, cidx_pal_hex(0));
	draw_layer(c, v, d, CIDX_LAYER_ISLAND, 1, 0, cidx_pal_hex(0));
	draw_units(c, v, d, st);
	draw_layer(c, v, d, CIDX_LAYER_PROVINCE, 0, 0.45 * lw,
	    cidx_pal_hex(MAP_EDGE));
	draw_layer(c, v, d, CIDX_LAYER_ISLAND, 0, 0.45 * lw,
	    cidx_pal_hex(MAP_EDGE));
	draw_layer(c, v, d, CIDX_LAYER_OUTLINE, 0, 0.7 * lw,
	    cidx_pal_hex(0x5a5a5a));
	draw_layer(c, v, d, CIDX_LAYER_LINE, 0, 0.9 * lw,
	    cidx_pal_hex(0x4a4a4a));
	cairo_restore(cr);
}
