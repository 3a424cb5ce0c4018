/*
 * geom.c - WKT polygons (see geom.h).  A recursive-descent reader over
 * the text; arrays grow geometrically, so a boundary of n points costs
 * O(n).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/geom.h"
#include "core/mem.h"
#include "core/num.h"

struct reader {
	const char *s, *p;
	struct cidx_geom *g;
	size_t cap_pts, cap_rings, cap_polys;
	size_t *off, cap_off; /* each point's offset in the text */
	int lines;            /* LINESTRING: open paths of >= 2 points */
	struct cidx_err *err;
};

static void
skip_blank(struct reader *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' ||
	    *r->p == '\r')
		r->p++;
}

static int
fail(struct reader *r, const char *what)
{
	return cidx_err_set(r->err, CIDX_EINVAL, "boundary: %s", what);
}

static int
expect(struct reader *r, char c)
{
	char what[32];

	skip_blank(r);
	if (*r->p == c) {
		r->p++;
		return 0;
	}
	snprintf(what, sizeof(what), "expected '%c'", c);
	return fail(r, what);
}

/* a keyword, case-insensitive, ending at a non-letter */
static int
keyword(struct reader *r, const char *kw)
{
	size_t n = strlen(kw);

	skip_blank(r);
	if (strncasecmp(r->p, kw, n) != 0 || isalpha((unsigned char)r->p[n]))
		return 0;
	r->p += n;
	return 1;
}

static int
number(struct reader *r, double lo, double hi, const char *name, double *out)
{
	char buf[64];
	size_t n = 0;

	skip_blank(r);
	while (r->p[n] && strchr(" \t\r\n,()", r->p[n]) == NULL)
		n++;
	if (n == 0)
		return fail(r, "expected a coordinate");
	if (n >= sizeof(buf) || (memcpy(buf, r->p, n), buf[n] = '\0',
	    cidx_num_parse(buf, out, NULL) < 0))
		return fail(r, "a coordinate must be a decimal number");
	if (*out < lo || *out > hi) {
		char what[160];

		/* projected coordinates (metres) are the usual cause */
		snprintf(what, sizeof(what), "%s out of [%g, %g]%s", name, lo,
		    hi, fabs(*out) > 1000 ? " (not degrees? reproject to "
		    "longitude/latitude, e.g. ogr2ogr -t_srs EPSG:4326)" : "");
		return fail(r, what);
	}
	r->p += n;
	return 0;
}

static int
ring(struct reader *r)
{
	struct cidx_geom *g = r->g;
	size_t first = g->n_pts, ring_start;
	int ret;

	ring_start = (size_t)(r->p - r->s);
	if ((ret = expect(r, '(')) < 0)
		return ret;
	for (;;) {
		double x, y;

		skip_blank(r);
		ALLOC_GROW(r->off, g->n_pts + 1, r->cap_off);
		r->off[g->n_pts] = (size_t)(r->p - r->s);
		if ((ret = number(r, -180, 180, "longitude", &x)) < 0 ||
		    (ret = number(r, -90, 90, "latitude", &y)) < 0)
			return ret;
		skip_blank(r);
		if (*r->p != ',' && *r->p != ')')
			return fail(r, *r->p && strchr("+-.0123456789", *r->p) ?
			    "two coordinates per point (no Z or M)" :
			    "expected ',' or ')' after a point");
		ALLOC_GROW(g->xy, 2 * (g->n_pts + 1), r->cap_pts);
		g->xy[2 * g->n_pts] = x;
		g->xy[2 * g->n_pts + 1] = y;
		g->n_pts++;
		if (*r->p++ == ')')
			break;
	}
	if (r->lines && g->n_pts - first < 2) {
		r->p = r->s + ring_start;
		return fail(r, "a line needs at least 2 points");
	}
	if (!r->lines && g->n_pts - first < 4) {
		r->p = r->s + ring_start;
		return fail(r, "a ring needs at least 4 points");
	}
	if (!r->lines && (g->xy[2 * first] != g->xy[2 * (g->n_pts - 1)] ||
	    g->xy[2 * first + 1] != g->xy[2 * (g->n_pts - 1) + 1])) {
		r->p--;
		return fail(r, "a ring must end at its first point");
	}
	ALLOC_GROW(g->ring_off, g->n_rings + 2, r->cap_rings);
	g->n_rings++;
	g->ring_off[g->n_rings] = g->n_pts;
	return 0;
}

/* a polygon's rings, or a line's points (one "ring") */
static int
polygon(struct reader *r)
{
	struct cidx_geom *g = r->g;
	int ret;

	if (r->lines) {
		if ((ret = ring(r)) < 0)
			return ret;
		goto done;
	}
	if ((ret = expect(r, '(')) < 0)
		return ret;
	for (;;) {
		if ((ret = ring(r)) < 0)
			return ret;
		skip_blank(r);
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		if ((ret = expect(r, ')')) < 0)
			return ret;
		break;
	}
done:
	ALLOC_GROW(g->poly_off, g->n_polys + 2, r->cap_polys);
	g->n_polys++;
	g->poly_off[g->n_polys] = g->n_rings;
	return 0;
}

int
cidx_geom_parse_wkt(struct cidx_geom **out, const char *wkt, size_t *bad_at,
    struct cidx_err *err)
{
	return cidx_geom_parse(out, wkt, CIDX_GEOM_POLYGONS, bad_at, err);
}

/* the geometry's keyword: *multi, r->lines; 0 or the error */
static int
geom_type(struct reader *r, unsigned accept, int *multi)
{
	static const struct {
		const char *kw;
		unsigned type;
		int multi;
	} kw[] = {
		{ "MULTIPOLYGON", CIDX_GEOM_POLYGONS, 1 },
		{ "POLYGON", CIDX_GEOM_POLYGONS, 0 },
		{ "MULTILINESTRING", CIDX_GEOM_LINES, 1 },
		{ "LINESTRING", CIDX_GEOM_LINES, 0 },
	};

	for (size_t i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if ((accept & kw[i].type) && keyword(r, kw[i].kw)) {
			*multi = kw[i].multi;
			r->lines = kw[i].type == CIDX_GEOM_LINES;
			r->g->lines = r->lines;
			return 0;
		}
	return fail(r, accept == CIDX_GEOM_POLYGONS ?
	    "expected POLYGON or MULTIPOLYGON (WKT)" :
	    accept == CIDX_GEOM_LINES ?
	    "expected LINESTRING or MULTILINESTRING (WKT)" :
	    "expected POLYGON, MULTIPOLYGON, LINESTRING or MULTILINESTRING "
	    "(WKT)");
}

int
cidx_geom_parse(struct cidx_geom **out, const char *wkt, unsigned accept,
    size_t *bad_at, struct cidx_err *err)
{
	struct reader r;
	struct cidx_geom *g = cidx_xcalloc(1, sizeof(*g));
	size_t bad = 0;
	int ret, multi = 0;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.s = r.p = wkt;
	r.g = g;
	r.err = err;
	g->ring_off = cidx_xcalloc(1, sizeof(size_t));
	g->poly_off = cidx_xcalloc(1, sizeof(size_t));
	r.cap_rings = r.cap_polys = 1;
	if ((ret = geom_type(&r, accept, &multi)) < 0)
		goto out;
	if (keyword(&r, "EMPTY")) {
		ret = fail(&r, "an empty geometry");
		goto out;
	}
	if (multi) {
		if ((ret = expect(&r, '(')) < 0)
			goto out;
		for (;;) {
			if ((ret = polygon(&r)) < 0)
				goto out;
			skip_blank(&r);
			if (*r.p == ',') {
				r.p++;
				continue;
			}
			if ((ret = expect(&r, ')')) < 0)
				goto out;
			break;
		}
	} else if ((ret = polygon(&r)) < 0) {
		goto out;
	}
	skip_blank(&r);
	if (*r.p != '\0') {
		ret = fail(&r, "unexpected text after the geometry");
		goto out;
	}
	g->bbox[0] = g->bbox[1] = INFINITY;
	g->bbox[2] = g->bbox[3] = -INFINITY;
	for (size_t i = 0; i < g->n_pts; i++) {
		double x = g->xy[2 * i], y = g->xy[2 * i + 1];

		g->bbox[0] = x < g->bbox[0] ? x : g->bbox[0];
		g->bbox[1] = y < g->bbox[1] ? y : g->bbox[1];
		g->bbox[2] = x > g->bbox[2] ? x : g->bbox[2];
		g->bbox[3] = y > g->bbox[3] ? y : g->bbox[3];
	}
	if ((ret = cidx_geom_check(g, &bad, err)) < 0) {
		r.p = r.s + r.off[bad];
		goto out;
	}
	free(r.off);
	*out = g;
	return 0;
out:
	if (bad_at)
		*bad_at = (size_t)(r.p - r.s);
	free(r.off);
	cidx_geom_free(g);
	return ret;
}

static const char *const kind_name[CIDX_LAYER__COUNT] = {
	"outline", "province", "island", "line", "inset", "extent", "credit"
};

const char *
cidx_layer_kind_name(int kind)
{
	return kind >= 0 && kind < CIDX_LAYER__COUNT ? kind_name[kind] : "?";
}

int
cidx_layer_kind_parse(const char *s)
{
	for (int k = 0; k < CIDX_LAYER__COUNT; k++)
		if (strcmp(s, kind_name[k]) == 0)
			return k;
	return -1;
}

unsigned
cidx_layer_kind_geoms(int kind)
{
	switch (kind) {
	case CIDX_LAYER_CREDIT:
		return 0;
	case CIDX_LAYER_LINE:
		return CIDX_GEOM_POLYGONS | CIDX_GEOM_LINES;
	default:
		return CIDX_GEOM_POLYGONS;
	}
}

void
cidx_geom_free(struct cidx_geom *g)
{
	if (g == NULL)
		return;
	free(g->xy);
	free(g->ring_off);
	free(g->poly_off);
	free(g);
}

/* shoelace: positive for counter-clockwise rings */
static double
ring_area(const struct cidx_geom *g, size_t r)
{
	double a = 0;

	for (size_t i = g->ring_off[r]; i + 1 < g->ring_off[r + 1]; i++)
		a += g->xy[2 * i] * g->xy[2 * i + 3] -
		    g->xy[2 * i + 2] * g->xy[2 * i + 1];
	return a / 2;
}

double
cidx_geom_area(const struct cidx_geom *g)
{
	double area = 0;

	for (size_t q = 0; q < g->n_polys; q++)
		for (size_t r = g->poly_off[q]; r < g->poly_off[q + 1]; r++)
			area += (r == g->poly_off[q] ? 1 : -1) *
			    fabs(ring_area(g, r));
	return area;
}
