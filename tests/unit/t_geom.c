/* core: WKT boundaries */
#include <math.h>
#include <string.h>

#include "core/geom.h"
#include "runner.h"

void
test_geom__polygon_with_a_hole(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_geom *g = NULL;

	/* a 4 x 2 rectangle with a 1 x 1 hole: area 8 - 1 = 7 */
	CHECK(cidx_geom_parse_wkt(&g, "polygon ((0 0, 4 0, 4 2, 0 2, 0 0),"
	    "(1 0.5,1 1.5 , 2 1.5,2 0.5, 1 0.5))", NULL, &err) == 0);
	if (g == NULL)
		return;
	CHECK_INT(g->n_polys, 1);
	CHECK_INT(g->n_rings, 2);
	CHECK_INT(g->n_pts, 10);
	CHECK_INT(g->ring_off[0], 0);
	CHECK_INT(g->ring_off[1], 5);
	CHECK_INT(g->ring_off[2], 10);
	CHECK_INT(g->poly_off[1], 2);
	CHECK_DBL(g->xy[2 * 6 + 1], 1.5, 0);
	CHECK_DBL(g->bbox[0], 0, 0);
	CHECK_DBL(g->bbox[3], 2, 0);
	CHECK_DBL(cidx_geom_area(g), 7, 1e-12);
	cidx_geom_free(g);
}

void
test_geom__multipolygon(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_geom *g = NULL;

	/* two unit squares, one clockwise: area 2 either way */
	CHECK(cidx_geom_parse_wkt(&g, " MULTIPOLYGON(((116 39,117 39,117 40,"
	    "116 40,116 39)),((120 30,120 31,121 31,121 30,120 30)))\n", NULL,
	    &err) == 0);
	if (g == NULL)
		return;
	CHECK_INT(g->n_polys, 2);
	CHECK_INT(g->n_rings, 2);
	CHECK_INT(g->poly_off[2], 2);
	CHECK_DBL(g->bbox[0], 116, 0);
	CHECK_DBL(g->bbox[1], 30, 0);
	CHECK_DBL(g->bbox[2], 121, 0);
	CHECK_DBL(g->bbox[3], 40, 0);
	CHECK_DBL(cidx_geom_area(g), 2, 1e-12);
	cidx_geom_free(g);
}

void
test_geom__errors_name_the_offset(void)
{
	static const struct {
		const char *wkt, *msg;
		size_t at;
	} bad[] = {
		{ "POINT (1 2)", "expected POLYGON or MULTIPOLYGON", 0 },
		{ "POLYGON EMPTY", "an empty geometry", 13 },
		{ "POLYGON ((0 0, 1 0, 1 1))", "at least 4 points", 9 },
		{ "POLYGON ((0 0, 1 0, 1 1, 0 1))", "end at its first point",
		  28 },
		{ "POLYGON ((0 0 5, 1 0 5, 1 1 5, 0 0 5))", "no Z or M", 14 },
		{ "POLYGON ((0 0, 1 x, 1 1, 0 0))", "decimal number", 17 },
		{ "POLYGON ((0 0, 190 0, 1 1, 0 0))", "longitude out of", 15 },
		{ "POLYGON ((0 0, 1 95, 1 1, 0 0))", "latitude out of", 17 },
		{ "POLYGON ((0 0, 1 0, 1 1, 0 0)) x", "unexpected text", 31 },
		{ "POLYGON ((0 0, 1 0, 1 1, 0 0)", "expected ')'", 29 },
		{ "POLYGON (0 0, 1 0, 1 1, 0 0)", "expected '('", 9 },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct cidx_err err = CIDX_ERR_INIT;
		struct cidx_geom *g = (struct cidx_geom *)&err;
		size_t at = 999;

		CHECK(cidx_geom_parse_wkt(&g, bad[i].wkt, &at, &err) ==
		    CIDX_EINVAL);
		CHECK(g == NULL);
		if (strstr(err.msg, bad[i].msg) == NULL)
			runner_fail(__FILE__, __LINE__, "'%s': message '%s'",
			    bad[i].wkt, err.msg);
		if (at != bad[i].at)
			runner_fail(__FILE__, __LINE__, "'%s': at %zu, "
			    "expected %zu", bad[i].wkt, at, bad[i].at);
	}
	cidx_geom_free(NULL);
}

/* what cidx_geom_check() refuses, and where the message points */
void
test_geom__refused_shapes_name_the_point(void)
{
	static const struct {
		const char *wkt, *msg;
		size_t at;
	} bad[] = {
		/* Fiji-like: the second point is 358 degrees away */
		{ "POLYGON ((179 -16, -179 -16, -179 -17, 179 -17, 179 -16))",
		  "crosses the antimeridian (longitude 179 to -179)", 19 },
		/* a bow tie: edges 0-1 and 2-3 cross at (1 1); the later
		 * edge starts at the third point */
		{ "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))",
		  "edges of the polygon cross near 1 1", 20 },
		/* a hole that sticks out of its shell */
		{ "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (3 1, 5 1, 5 2, 3 2, 3 1))",
		  "cross near 4 1", 37 },
		/* an edge running back along another: overlap from (1 0) */
		{ "POLYGON ((0 0, 4 0, 4 1, 2 1, 2 0, 1 0, 1 -1, 0 -1, 0 0))",
		  "cross near 1 0", 30 },
		/* a hole wholly outside: its first point */
		{ "MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5)), ((0 0, 1 0, 1 1, 0 1, "
		  "0 0), (2 2, 3 2, 3 3, 2 2)))", "a hole lies outside its "
		  "polygon's outer ring (2 2)", 67 },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct cidx_err err = CIDX_ERR_INIT;
		struct cidx_geom *g = NULL;
		size_t at = 999;

		CHECK(cidx_geom_parse_wkt(&g, bad[i].wkt, &at, &err) ==
		    CIDX_EINVAL);
		CHECK(g == NULL);
		if (strstr(err.msg, bad[i].msg) == NULL)
			runner_fail(__FILE__, __LINE__, "'%s': message '%s'",
			    bad[i].wkt, err.msg);
		if (at != bad[i].at)
			runner_fail(__FILE__, __LINE__, "'%s': at %zu, "
			    "expected %zu", bad[i].wkt, at, bad[i].at);
	}
}

/* what a map draws as meant is accepted: touching is not crossing */
void
test_geom__touching_and_180_are_accepted(void)
{
	static const char *const good[] = {
		/* a hole touching its shell at a corner */
		"POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (0 0, 2 1, 1 2, 0 0))",
		/* a ring touching itself at (2 2), a figure of eight */
		"POLYGON ((0 0, 2 2, 4 0, 4 4, 2 2, 0 4, 0 0))",
		/* up to the antimeridian, and a repeated point */
		"POLYGON ((170 0, 180 0, 180 10, 180 10, 170 10, 170 0))",
		/* two polygons sharing an edge */
		"MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((1 0, 1 1, 2 1, 1 0)))",
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct cidx_err err = CIDX_ERR_INIT;
		struct cidx_geom *g = NULL;

		if (cidx_geom_parse_wkt(&g, good[i], NULL, &err) != 0)
			runner_fail(__FILE__, __LINE__, "'%s': %s", good[i],
			    err.msg);
		cidx_geom_free(g);
	}
}

/* base layers: lines for the line kind, the kind names */
void
test_geom__lines_and_layer_kinds(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_geom *g = NULL;
	size_t at = 0;

	CHECK(cidx_geom_parse(&g, "MULTILINESTRING ((109.3 16.5, 109.8 15.6), "
	    "(110.4 12.6, 110.1 11.5, 110.4 12.6))", CIDX_GEOM_LINES, NULL,
	    &err) == 0);
	if (g != NULL) {
		CHECK_INT(g->lines, 1);
		CHECK_INT(g->n_polys, 2);
		CHECK_INT(g->n_rings, 2);
		CHECK_INT(g->ring_off[1], 2);
		CHECK_INT(g->n_pts, 5);
		CHECK_DBL(g->bbox[1], 11.5, 0);
	}
	cidx_geom_free(g);
	g = NULL;
	CHECK(cidx_geom_parse(&g, "LINESTRING (1 2, 3 4)", CIDX_GEOM_LINES |
	    CIDX_GEOM_POLYGONS, NULL, &err) == 0);
	cidx_geom_free(g);
	g = NULL;
	/* a line of one point; a polygon where only lines go; a line
	 * across the antimeridian */
	CHECK(cidx_geom_parse(&g, "LINESTRING (1 2)", CIDX_GEOM_LINES, &at,
	    &err) == CIDX_EINVAL);
	CHECK_HAS(err.msg, "a line needs at least 2 points");
	CHECK_INT(at, 11);
	CHECK(cidx_geom_parse(&g, "POLYGON ((0 0, 1 0, 1 1, 0 0))",
	    CIDX_GEOM_LINES, &at, &err) == CIDX_EINVAL);
	CHECK_HAS(err.msg, "expected LINESTRING or MULTILINESTRING");
	CHECK(cidx_geom_parse(&g, "LINESTRING (170 0, -170 0)",
	    CIDX_GEOM_LINES, &at, &err) == CIDX_EINVAL);
	CHECK_HAS(err.msg, "antimeridian");
	CHECK_INT(at, 19);
	/* the WKT of units takes no lines */
	CHECK(cidx_geom_parse_wkt(&g, "LINESTRING (1 2, 3 4)", &at, &err) ==
	    CIDX_EINVAL);
	CHECK(g == NULL);

	CHECK_INT(cidx_layer_kind_parse("province"), CIDX_LAYER_PROVINCE);
	CHECK_INT(cidx_layer_kind_parse("credit"), CIDX_LAYER_CREDIT);
	CHECK_INT(cidx_layer_kind_parse("Province"), -1);
	CHECK_STR(cidx_layer_kind_name(CIDX_LAYER_INSET), "inset");
	CHECK_STR(cidx_layer_kind_name(99), "?");
	CHECK_INT(cidx_layer_kind_geoms(CIDX_LAYER_CREDIT), 0);
	CHECK_INT(cidx_layer_kind_geoms(CIDX_LAYER_LINE),
	    CIDX_GEOM_LINES | CIDX_GEOM_POLYGONS);
}
