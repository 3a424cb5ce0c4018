/*
 * geomcheck.c - what a boundary must be besides well-formed (geom.h,
 * cidx_geom_check()): no edge across the antimeridian (a ring from 179 E
 * to 179 W would be drawn the long way round, a band over the whole
 * map), no polygon whose edges cross (the fill would leave holes where
 * the user meant land), no hole outside its outer ring (the fill would
 * draw it as land).  Edges are compared by a sweep over their x extents,
 * so a ring of n points costs about n log n unless many edges span the
 * same longitudes.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/geom.h"
#include "core/mem.h"

struct edge {
	double x0, x1, y0, y1; /* the extent */
	size_t a;              /* index of the first point; b = a + 1 */
	size_t ring;
};

static int
cmp_edge(const void *p, const void *q)
{
	const struct edge *e = p, *f = q;

	if (e->x0 != f->x0)
		return e->x0 < f->x0 ? -1 : 1;
	return (e->a > f->a) - (e->a < f->a);
}

/* the side of c from the line a-b: 1 left, -1 right, 0 on it (within a
 * rounding error relative to the lengths involved) */
static int
orient(const double *a, const double *b, const double *c)
{
	double ux = b[0] - a[0], uy = b[1] - a[1];
	double vx = c[0] - a[0], vy = c[1] - a[1];
	double o = ux * vy - uy * vx;
	double tol = 1e-12 * (fabs(ux) + fabs(uy)) * (fabs(vx) + fabs(vy));

	return o > tol ? 1 : o < -tol ? -1 : 0;
}

/* t of c along a-b (its projection), for collinear points */
static double
along(const double *a, const double *b, const double *c)
{
	double ux = b[0] - a[0], uy = b[1] - a[1];

	return ((c[0] - a[0]) * ux + (c[1] - a[1]) * uy) /
	    (ux * ux + uy * uy);
}

/*
 * Do edges p-q and r-s cross: their insides meet in one point, or they
 * overlap along a length?  Touching at an end (two rings sharing a
 * vertex, a ring touching itself) is allowed.  *x, *y: where.
 */
static int
crosses(const double *p, const double *q, const double *r, const double *s,
    double *x, double *y)
{
	int o1 = orient(p, q, r), o2 = orient(p, q, s);
	int o3 = orient(r, s, p), o4 = orient(r, s, q);

	if (o1 * o2 < 0 && o3 * o4 < 0) {
		double d = (q[0] - p[0]) * (s[1] - r[1]) -
		    (q[1] - p[1]) * (s[0] - r[0]);
		double t = ((r[0] - p[0]) * (s[1] - r[1]) -
		    (r[1] - p[1]) * (s[0] - r[0])) / d;

		*x = p[0] + t * (q[0] - p[0]);
		*y = p[1] + t * (q[1] - p[1]);
		return 1;
	}
	if (o1 == 0 && o2 == 0 && o3 == 0 && o4 == 0) {
		double t0 = along(p, q, r), t1 = along(p, q, s), lo, hi;

		lo = fmax(fmin(t0, t1), 0);
		hi = fmin(fmax(t0, t1), 1);
		if (hi - lo > 1e-9) {
			*x = p[0] + lo * (q[0] - p[0]);
			*y = p[1] + lo * (q[1] - p[1]);
			return 1;
		}
	}
	return 0;
}

/* neighbours along one ring share a point by construction */
static int
adjacent(const struct cidx_geom *g, const struct edge *e,
    const struct edge *f)
{
	size_t first, last;

	if (e->ring != f->ring)
		return 0;
	if (e->a + 1 == f->a || f->a + 1 == e->a)
		return 1;
	first = g->ring_off[e->ring];
	last = g->ring_off[e->ring + 1] - 2; /* the closing edge */
	return (e->a == first && f->a == last) ||
	    (f->a == first && e->a == last);
}

/* The crossing of polygon q's edges with the latest-starting later edge
 * (the place a reader walking the rings meets first), or 0. */
static int
polygon_crossing(const struct cidx_geom *g, size_t q, size_t *bad,
    double *x, double *y)
{
	size_t r0 = g->poly_off[q], r1 = g->poly_off[q + 1], n = 0;
	size_t best = SIZE_MAX;
	struct edge *e;

	e = cidx_xcalloc(g->ring_off[r1] - g->ring_off[r0], sizeof(*e));
	for (size_t r = r0; r < r1; r++)
		for (size_t i = g->ring_off[r]; i + 1 < g->ring_off[r + 1];
		    i++) {
			const double *a = &g->xy[2 * i], *b = a + 2;

			if (a[0] == b[0] && a[1] == b[1])
				continue; /* a repeated point: no edge */
			e[n].x0 = fmin(a[0], b[0]);
			e[n].x1 = fmax(a[0], b[0]);
			e[n].y0 = fmin(a[1], b[1]);
			e[n].y1 = fmax(a[1], b[1]);
			e[n].a = i;
			e[n++].ring = r;
		}
	qsort(e, n, sizeof(*e), cmp_edge);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && e[j].x0 <= e[i].x1; j++) {
			size_t late = e[i].a > e[j].a ? e[i].a : e[j].a;
			double cx, cy;

			if (late >= best || e[j].y0 > e[i].y1 ||
			    e[j].y1 < e[i].y0 || adjacent(g, &e[i], &e[j]))
				continue;
			if (crosses(&g->xy[2 * e[i].a], &g->xy[2 * e[i].a + 2],
			    &g->xy[2 * e[j].a], &g->xy[2 * e[j].a + 2], &cx,
			    &cy)) {
				best = late;
				*x = cx;
				*y = cy;
			}
		}
	free(e);
	if (best == SIZE_MAX)
		return 0;
	*bad = best;
	return 1;
}

/* 1 inside ring r, 0 outside, -1 on its edge */
static int
in_ring(const struct cidx_geom *g, size_t r, const double *p)
{
	int in = 0;

	for (size_t i = g->ring_off[r]; i + 1 < g->ring_off[r + 1]; i++) {
		const double *a = &g->xy[2 * i], *b = a + 2;

		if (orient(a, b, p) == 0 && p[0] >= fmin(a[0], b[0]) &&
		    p[0] <= fmax(a[0], b[0]) && p[1] >= fmin(a[1], b[1]) &&
		    p[1] <= fmax(a[1], b[1]))
			return -1;
		if ((a[1] > p[1]) != (b[1] > p[1]) &&
		    p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) /
		    (b[1] - a[1]))
			in = !in;
	}
	return in;
}

/* the first hole of polygon q that lies outside its outer ring, or 0;
 * with crossings refused, one point of the hole off the outer ring
 * tells */
static int
hole_outside(const struct cidx_geom *g, size_t q, size_t *bad)
{
	size_t shell = g->poly_off[q];

	for (size_t r = shell + 1; r < g->poly_off[q + 1]; r++)
		for (size_t i = g->ring_off[r]; i < g->ring_off[r + 1]; i++) {
			int in = in_ring(g, shell, &g->xy[2 * i]);

			if (in < 0)
				continue;
			if (in == 0) {
				*bad = g->ring_off[r];
				return 1;
			}
			break;
		}
	return 0;
}

static int
fault(struct cidx_err *err, size_t *bad_pt, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fault(struct cidx_err *err, size_t *bad_pt, size_t at, const char *fmt, ...)
{
	char what[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (bad_pt)
		*bad_pt = at;
	return cidx_err_set(err, CIDX_EINVAL, "boundary: %s", what);
}

int
cidx_geom_check(const struct cidx_geom *g, size_t *bad_pt,
    struct cidx_err *err)
{
	for (size_t q = 0; q < g->n_polys; q++) {
		size_t at;
		double x, y;

		for (size_t r = g->poly_off[q]; r < g->poly_off[q + 1]; r++)
			for (size_t i = g->ring_off[r];
			    i + 1 < g->ring_off[r + 1]; i++) {
				const double *a = &g->xy[2 * i], *b = a + 2;

				if (fabs(b[0] - a[0]) > 180)
					return fault(err, bad_pt, i + 1, "an "
					    "edge crosses the antimeridian "
					    "(longitude %.10g to %.10g): split "
					    "the polygon at 180 degrees "
					    "(ogr2ogr -wrapdateline)", a[0],
					    b[0]);
			}
		if (g->lines)
			continue; /* a line may cross itself */
		if (polygon_crossing(g, q, &at, &x, &y))
			return fault(err, bad_pt, at, "edges of the polygon "
			    "cross near %.10g %.10g (repair it, e.g. with "
			    "ogr2ogr -makevalid)", x, y);
		if (hole_outside(g, q, &at))
			return fault(err, bad_pt, at, "a hole lies outside "
			    "its polygon's outer ring (%.10g %.10g): give it "
			    "as a polygon of its own", g->xy[2 * at],
			    g->xy[2 * at + 1]);
	}
	return 0;
}
