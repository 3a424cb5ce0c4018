/*
 * maplabel.c - the numbered markers of a map's top units and their key
 * (map_int.h).  A marker sits on its unit when there is room; where units
 * crowd (the Yangtze delta, the Pearl River delta, London) it moves to
 * the nearest free place and a leader joins it to its unit, so that at
 * any size no two markers overlap and every number points at its unit.
 * The names go in a key beside or under the map, where they can be read.
 */
#include <math.h>
#include <stdio.h>

#include "core/geom.h"
#include "plot/map_int.h"

/* twice the signed area and the centroid (times 6 A) of ring r, page */
static double
ring_moment(const struct mview *v, const struct cidx_geom *g, size_t r,
    double *cx, double *cy)
{
	double a = 0, px = 0, py = 0;

	*cx = *cy = 0;
	for (size_t i = g->ring_off[r]; i + 1 < g->ring_off[r + 1]; i++) {
		double x0, y0, x1, y1, k;

		cidx_mproj_page(&v->pj, g->xy[2 * i], g->xy[2 * i + 1], &x0,
		    &y0);
		cidx_mproj_page(&v->pj, g->xy[2 * i + 2], g->xy[2 * i + 3], &x1,
		    &y1);
		k = x0 * y1 - x1 * y0;
		a += k;
		px += (x0 + x1) * k;
		py += (y0 + y1) * k;
	}
	*cx = px;
	*cy = py;
	return a;
}

/*
 * Where the horizontal line at y crosses polygon q, the middle of the
 * widest inside stretch, nearest x0 among equals (even-odd, holes
 * included): for a crescent or a ring-shaped unit the centroid may lie
 * outside it.
 */
static int
scanline(const struct mview *v, const struct cidx_geom *g, size_t q,
    double y, double *x)
{
	double xs[64], best = -1;
	size_t n = 0;

	for (size_t r = g->poly_off[q]; r < g->poly_off[q + 1]; r++)
		for (size_t i = g->ring_off[r]; i + 1 < g->ring_off[r + 1];
		    i++) {
			double x0, y0, x1, y1;

			cidx_mproj_page(&v->pj, g->xy[2 * i], g->xy[2 * i + 1],
			    &x0, &y0);
			cidx_mproj_page(&v->pj, g->xy[2 * i + 2],
			    g->xy[2 * i + 3], &x1, &y1);
			if ((y0 > y) == (y1 > y) || n == 64)
				continue;
			xs[n] = x0 + (y - y0) * (x1 - x0) / (y1 - y0);
			/* insertion sort: few crossings */
			for (size_t j = n++; j > 0 && xs[j - 1] > xs[j]; j--) {
				double t = xs[j];

				xs[j] = xs[j - 1];
				xs[j - 1] = t;
			}
		}
	for (size_t i = 0; i + 1 < n; i += 2)
		if (xs[i + 1] - xs[i] > best) {
			best = xs[i + 1] - xs[i];
			*x = (xs[i] + xs[i + 1]) / 2;
		}
	return best > 0;
}

int
cidx_map_anchor(const struct mview *v, const struct cidx_geom *g, double *x,
    double *y)
{
	double best = 0, cx = 0, cy = 0;
	size_t bq = 0;

	if (g == NULL || g->lines)
		return 0;
	for (size_t q = 0; q < g->n_polys; q++) {
		double mx, my, a;

		if (!cidx_mview_takes(v, g, q))
			continue;
		a = fabs(ring_moment(v, g, g->poly_off[q], &mx, &my));
		if (a > best) {
			double s = ring_moment(v, g, g->poly_off[q], &mx, &my);

			best = a;
			bq = q;
			cx = mx / (3 * s);
			cy = my / (3 * s);
		}
	}
	if (best <= 0)
		return 0;
	*y = cy;
	if (!scanline(v, g, bq, cy, x))
		*x = cx;
	return 1;
}

static int
free_at(const struct mlabel *l, size_t i, size_t n, double x, double y,
    double r, const struct cidx_rect *area, const struct cidx_rect *avoid)
{
	double m = r * 0.25;

	if (x - r < area->x || x + r > area->x + area->w || y - r < area->y ||
	    y + r > area->y + area->h)
		return 0;
	if (avoid && x + r + m > avoid->x && x - r - m < avoid->x + avoid->w &&
	    y + r + m > avoid->y && y - r - m < avoid->y + avoid->h)
		return 0;
	for (size_t j = 0; j < n; j++) {
		if (j < i && hypot(l[j].x - x, l[j].y - y) < 2 * r + m)
			return 0;
		/* a marker never hides another unit's anchor */
		if (j != i && hypot(l[j].ax - x, l[j].ay - y) < r + m)
			return 0;
	}
	return 1;
}

void
cidx_map_place(struct mlabel *l, size_t n, double r,
    const struct cidx_rect *area, const struct cidx_rect *avoid)
{
	double mx = area->x + area->w / 2, my = area->y + area->h / 2;

	for (size_t i = 0; i < n; i++) {
		double out = atan2(l[i].ay - my, l[i].ax - mx);
		int placed = 0;

		l[i].x = l[i].ax;
		l[i].y = l[i].ay;
		if (free_at(l, i, n, l[i].ax, l[i].ay, r, area, avoid))
			continue;
		for (int ring = 1; ring <= 12 && !placed; ring++) {
			double dist = r * (1.5 + 1.2 * (ring - 1));

			for (int k = 0; k < 16 && !placed; k++) {
				/* 0, +1, -1, +2, ... steps of 22.5 degrees
				 * from the outward direction */
				int s = (k + 1) / 2 * (k % 2 ? 1 : -1);
				double a = out + s * PLOT_PI / 8;
				double x = l[i].ax + dist * cos(a);
				double y = l[i].ay + dist * sin(a);

				if (free_at(l, i, n, x, y, r, area, avoid)) {
					l[i].x = x;
					l[i].y = y;
					placed = 1;
				}
			}
		}
	}
}

static void
marker(struct cidx_plot_ctx *c, double x, double y, double r, int rank,
    double lw)
{
	cairo_t *cr = c->cr;
	char num[16];

	cairo_new_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * PLOT_PI);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cairo_set_line_width(cr, 0.6 * lw);
	cairo_stroke(cr);
	snprintf(num, sizeof(num), "%d", rank);
	cidx_ptext_font(&c->t, r * (rank >= 100 ? 0.95 : 1.2), 1, 0);
	cidx_ptext_line(&c->t, num, 0);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cidx_ptext_show(&c->t, x, cidx_ptext_mid(&c->t, y), AL_CENTER);
}

void
cidx_map_draw_labels(struct cidx_plot_ctx *c, const struct mlabel *l, size_t n,
    double r, const struct mstyle *st)
{
	cairo_t *cr = c->cr;

	cairo_save(cr);
	for (size_t i = 0; i < n; i++) {
		double dx = l[i].x - l[i].ax, dy = l[i].y - l[i].ay;
		double d = hypot(dx, dy);

		if (d < 1e-9)
			continue;
		/* the leader: from a dot on the unit to the marker's edge */
		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		cairo_new_path(cr);
		cairo_arc(cr, l[i].ax, l[i].ay, 0.9 * st->lw, 0, 2 * PLOT_PI);
		cairo_fill(cr);
		cairo_set_line_width(cr, 0.5 * st->lw);
		cairo_move_to(cr, l[i].ax, l[i].ay);
		cairo_line_to(cr, l[i].x - dx / d * r, l[i].y - dy / d * r);
		cairo_stroke(cr);
	}
	for (size_t i = 0; i < n; i++)
		marker(c, l[i].x, l[i].y, r, l[i].rank, st->lw);
	cairo_restore(cr);
}

/* the marker in the key is the map's, smaller */
static double
key_r(const struct cidx_plot_ctx *c)
{
	return c->fs * 0.55;
}

double
cidx_map_key_item_w(struct cidx_plot_ctx *c, const struct mlabel *l, size_t n)
{
	double w = 0;

	cidx_ptext_font(&c->t, c->fs, 0, 0);
	for (size_t i = 0; i < n; i++)
		w = fmax(w, cidx_ptext_measure(&c->t, l[i].name));
	return 2 * key_r(c) + c->fs * 0.5 + w;
}

double
cidx_map_key(struct cidx_plot_ctx *c, const struct mlabel *l, size_t n,
    double x, double y, double w, int cols, int draw)
{
	double iw = cidx_map_key_item_w(c, l, n), gap = c->fs * 1.5;
	double row = c->fs * 1.45, r = key_r(c), cw;
	size_t rows;

	if (n == 0)
		return 0;
	if (cols <= 0)
		cols = (int)fmax(1, floor((w + gap) / (iw + gap)));
	if ((size_t)cols > n)
		cols = (int)n;
	rows = (n + (size_t)cols - 1) / (size_t)cols;
	cw = fmin(iw, (w - gap * (cols - 1)) / cols);
	if (!draw)
		return (double)rows * row;
	for (size_t i = 0; i < n; i++) {
		double cx = x + (double)(i / rows) * (cw + gap);
		double cy = y + (double)(i % rows) * row + row / 2;

		marker(c, cx + r, cy, r, l[i].rank, 0.8);
		cidx_ptext_font(&c->t, c->fs, 0, 0);
		cidx_ptext_line(&c->t, l[i].name, cw - 2 * r - c->fs * 0.5 + 1);
		cairo_set_source_rgb(c->cr, 0.15, 0.15, 0.15);
		cidx_ptext_show(&c->t, cx + 2 * r + c->fs * 0.5,
		    cidx_ptext_mid(&c->t, cy), AL_LEFT);
	}
	return (double)rows * row;
}
