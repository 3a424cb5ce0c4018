/* io: GeoJSON FeatureCollections and layers files into import batches */
#include <string.h>

#include "core/geom.h"
#include "io/framework.h"
#include "io/import.h"
#include "fixture.h"
#include "runner.h"

static struct cidx_framework *
mini(void)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_framework_read(&fw, "tests/data/mini/framework.csv", NULL,
	    &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return fw;
}

/*
 * Units: the code a whole number, names from the properties named, the
 * boundary as WKT with the coordinates as the file spells them (1e1,
 * 2.50), the altitude dropped, a feature of a MultiPolygon with a hole.
 */
void
test_geojson__units_as_written(void)
{
	struct cidx_framework *fw = mini();
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "u.geojson", "{\"type\": \"FeatureCollection\", "
	    "\"features\": [{\"type\": \"Feature\", \"properties\": "
	    "{\"id\": 110100, \"n\": \"北京市\", \"e\": \"Beijing\"}, "
	    "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
	    "[[[1e1, 2.50], [11, 2.5, 40], [11, 3], [1e1, 2.50]]]}}, "
	    "{\"type\": \"Feature\", \"properties\": {\"id\": \"X1\"}, "
	    "\"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": "
	    "[[[[0, 0], [4, 0], [4, 4], [0, 0]], [[2, 1], [3, 1], [3, 2], "
	    "[2, 1]]]]}}]}\n");
	o.code_field = "id";
	o.name_field = "n";
	o.name_en_field = "e";
	CHECK_INT(cidx_import_read(&imp, p, fw, &o, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "u.geojson:1:");
	CHECK_HAS(err.msg, "feature 2: no property 'n'");
	o.name_field = o.name_en_field = NULL;
	CHECK_INT(cidx_import_read(&imp, p, fw, &o, &err), 0);
	if (imp != NULL) {
		CHECK_STR(imp->layout, "geojson");
		CHECK_INT(imp->n_rows, 2);
		CHECK_INT(imp->n_unit, 2);
		CHECK_STR(imp->unit[0].code, "110100");
		CHECK(imp->unit[0].name == NULL);
		CHECK_STR(imp->boundary[0],
		    "POLYGON((1e1 2.50,11 2.5,11 3,1e1 2.50))");
		CHECK_STR(imp->unit[1].code, "X1");
		CHECK_STR(imp->boundary[1], "MULTIPOLYGON(((0 0,4 0,4 4,0 0),"
		    "(2 1,3 1,3 2,2 1)))");
		CHECK_INT(imp->n_val, 0);
	}
	cidx_import_free(imp);
	cidx_framework_free(fw);
	tmp_end();
}

/*
 * A fault in a geometry is named at the position where it is: the hole
 * outside its polygon at its first position (line 3, column 28), an
 * unclosed ring at its last.
 */
void
test_geojson__faults_at_their_position(void)
{
	struct cidx_framework *fw = mini();
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "h.json", "{\"type\":\"FeatureCollection\",\"features\":"
	    "[{\"type\":\"Feature\",\"properties\":{\"code\":\"A\"},\n"
	    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\n"
	    "[[0,0],[1,0],[1,1],[0,0]],[[5,5],[6,5],[6,6],[5,5]]]}}]}\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "h.json:3:28: feature 1: boundary: a hole lies "
	    "outside");
	put(p, sizeof(p), "o.json", "{\"type\":\"FeatureCollection\",\"features\":"
	    "[{\"type\":\"Feature\",\"properties\":{\"code\":\"A\"},\n"
	    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\n"
	    "[[0,0],[1,0],[1,1],[0,1]]]}}]}\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "o.json:3:20: feature 1: boundary: a ring must end "
	    "at its first point");
	CHECK(imp == NULL);
	cidx_framework_free(fw);
	tmp_end();
}

/* a layers CSV and a GeoJSON layer give the same features */
void
test_geojson__layers(void)
{
	struct cidx_framework *fw = mini();
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *a = NULL, *b = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "l.csv", "layer,name,boundary\n"
	    "line,d1,\"LINESTRING(1 2,3 4)\"\ncredit,c,\n");
	CHECK_INT(cidx_import_read(&a, p, fw, NULL, &err), 0);
	put(p, sizeof(p), "l.geojson", "{\"type\":\"FeatureCollection\","
	    "\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":"
	    "\"d1\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
	    "[[1,2],[3,4]]}}]}");
	o.layer = CIDX_LAYER_LINE;
	CHECK_INT(cidx_import_read(&b, p, fw, &o, &err), 0);
	if (a != NULL && b != NULL) {
		CHECK_STR(a->layout, "layers");
		CHECK_STR(b->layout, "layers");
		CHECK_INT(a->n_layer, 2);
		CHECK_INT(b->n_layer, 1);
		CHECK_INT(a->layer[0].kind, CIDX_LAYER_LINE);
		CHECK_STR(a->layer[0].wkt, b->layer[0].wkt);
		CHECK_STR(a->layer[0].name, b->layer[0].name);
		CHECK_INT(a->layer[1].kind, CIDX_LAYER_CREDIT);
		CHECK(a->layer[1].wkt == NULL);
		CHECK_STR(a->layer[1].name, "c");
	}
	cidx_import_free(a);
	cidx_import_free(b);
	cidx_framework_free(fw);
	tmp_end();
}
