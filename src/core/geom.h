/*
 * geom.h - a unit's boundary: polygons in longitude/latitude, read from
 * WKT (`POLYGON`, `MULTIPOLYGON`), for the map chart; and the features
 * of the base layers a map draws besides the units (polygons, or lines:
 * `LINESTRING`, `MULTILINESTRING`).
 *
 * Layout: points xy[2 p], xy[2 p + 1] (x = longitude, y = latitude, in
 * degrees); ring r holds points ring_off[r] .. ring_off[r + 1]; polygon q
 * holds rings poly_off[q] .. poly_off[q + 1], the first its outer ring,
 * the others its holes.  Rings are closed (the last point repeats the
 * first) and have at least 4 points.  Plain data: one allocation per
 * array, released by cidx_geom_free().
 */
#ifndef CIDX_GEOM_H
#define CIDX_GEOM_H

#include <stddef.h>

#include "core/err.h"

struct cidx_geom {
	double *xy;
	size_t n_pts;
	size_t *ring_off;  /* n_rings + 1 entries */
	size_t n_rings;
	size_t *poly_off;  /* n_polys + 1 entries */
	size_t n_polys;
	double bbox[4];    /* min x, min y, max x, max y */
	int lines;         /* 1: LINESTRING / MULTILINESTRING */
};

/* what cidx_geom_parse() accepts */
#define CIDX_GEOM_POLYGONS 1u
#define CIDX_GEOM_LINES 2u

/* The kinds of base-layer features (cityidx(1), LAYERS FILES). */
enum cidx_layer_kind {
	CIDX_LAYER_OUTLINE,  /* land under the units, its edge drawn over */
	CIDX_LAYER_PROVINCE, /* region borders drawn over the units */
	CIDX_LAYER_ISLAND,   /* land without units (filled "no data") */
	CIDX_LAYER_LINE,     /* a line drawn over everything */
	CIDX_LAYER_INSET,    /* the window of an inset map */
	CIDX_LAYER_EXTENT,   /* the window of the main map */
	CIDX_LAYER_CREDIT,   /* no geometry: an attribution line */
	CIDX_LAYER__COUNT
};

/*! cidx_layer_kind_name() : "outline" ... "credit"; "?" if unknown. */
const char *cidx_layer_kind_name(int kind);
/*! cidx_layer_kind_parse() : the kind named `s` (exactly), or -1. */
int cidx_layer_kind_parse(const char *s);
/*! cidx_layer_kind_geoms() : the geometries a kind takes (CIDX_GEOM_*),
 *  0 for a credit, which has none. */
unsigned cidx_layer_kind_geoms(int kind);

/*! cidx_geom_parse_wkt() :
 *  Parses `POLYGON ((x y, ...), (...))` or `MULTIPOLYGON (((x y, ...)),
 *  ((...)))`, keywords in any case, blanks anywhere between tokens.
 *  Coordinates are plain decimal numbers (no Z or M), longitude in
 *  [-180, 180] and latitude in [-90, 90]; every ring must be closed and
 *  have at least 4 points.  `EMPTY` geometries and other types are
 *  refused, and so is what cidx_geom_check() refuses (*bad_at is then
 *  the offset of the point it names).  @return 0 and *out (free with
 *  cidx_geom_free()), or CIDX_EINVAL with *bad_at (may be NULL) the
 *  byte offset of the fault and a message without a location (the
 *  caller adds file:line:col). */
int cidx_geom_parse_wkt(struct cidx_geom **out, const char *wkt,
    size_t *bad_at, struct cidx_err *err);

/*! cidx_geom_parse() : as cidx_geom_parse_wkt(), for the types in
 *  `accept` (CIDX_GEOM_POLYGONS, CIDX_GEOM_LINES or both): lines have at
 *  least 2 points each and only the antimeridian rule of
 *  cidx_geom_check(). */
int cidx_geom_parse(struct cidx_geom **out, const char *wkt, unsigned accept,
    size_t *bad_at, struct cidx_err *err);

/*! cidx_geom_check() :
 *  A well-formed geometry that a map can draw as meant: no edge spans
 *  more than 180 degrees of longitude (one that crosses the antimeridian
 *  would be drawn round the world), no two edges of a polygon (its outer
 *  ring and its holes) cross or overlap (touching at a point is allowed),
 *  and every hole has a point inside its outer ring.  @return 0, or
 *  CIDX_EINVAL with *bad_pt (may be NULL) the index of the point at
 *  fault (the end of the edge across the antimeridian, the start of the
 *  later of two crossing edges, the first point of a hole outside) and a
 *  message saying what and how to repair it. */
int cidx_geom_check(const struct cidx_geom *g, size_t *bad_pt,
    struct cidx_err *err);

/*! cidx_geom_free() : accepts NULL. */
void cidx_geom_free(struct cidx_geom *g);

/*! cidx_geom_area() :
 *  The planar (shoelace) area of the polygons in square degrees, holes
 *  subtracted; for sizes relative to each other, not for km^2. */
double cidx_geom_area(const struct cidx_geom *g);

#endif
