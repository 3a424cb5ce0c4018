/*
 * f_geojson.c - GeoJSON FeatureCollections (io/import.h): as units (the
 * code in "code" or "NUTS_ID") and as the features of a base layer of
 * polygons and of lines.  An accepted file gives units with codes and
 * boundaries, or layer features, whose WKT reads back; a refusal says
 * where.
 */
#include <string.h>

#include "core/geom.h"
#include "fuzz.h"
#include "io/import.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_framework("mini");
	return 0;
}

static void
check(const struct cidx_import *imp, int layer)
{
	struct cidx_err err = CIDX_ERR_INIT;

	fuzz_assert(strcmp(imp->layout, layer < 0 ? "geojson" : "layers") ==
	    0);
	fuzz_assert(imp->n_val == 0);
	for (size_t u = 0; u < imp->n_unit; u++) {
		struct cidx_geom *g = NULL;

		fuzz_assert(layer < 0 && imp->boundary != NULL);
		fuzz_assert(imp->unit[u].code && imp->unit[u].code[0]);
		fuzz_assert(cidx_geom_parse_wkt(&g, imp->boundary[u], NULL,
		    &err) == 0);
		cidx_geom_free(g);
	}
	for (size_t i = 0; i < imp->n_layer; i++) {
		struct cidx_geom *g = NULL;

		fuzz_assert(imp->layer[i].kind == layer);
		fuzz_assert(cidx_geom_parse(&g, imp->layer[i].wkt,
		    cidx_layer_kind_geoms(layer), NULL, &err) == 0);
		cidx_geom_free(g);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		const char *code;
		int layer;
	} as[] = {
		{ NULL, -1 }, { "NUTS_ID", -1 }, { NULL, CIDX_LAYER_PROVINCE },
		{ NULL, CIDX_LAYER_LINE },
	};
	const char *path = fuzz_put("data.geojson", data, size);
	const struct cidx_framework *fw = fuzz_framework("mini");

	for (size_t i = 0; i < sizeof(as) / sizeof(as[0]); i++) {
		struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
		struct cidx_import *imp = NULL;
		struct cidx_err err = CIDX_ERR_INIT;

		o.code_field = as[i].code;
		o.layer = as[i].layer;
		if (cidx_import_read(&imp, path, fw, &o, &err) < 0) {
			fuzz_assert(imp == NULL);
			fuzz_assert(strncmp(err.msg, path, strlen(path)) == 0);
			continue;
		}
		check(imp, as[i].layer);
		cidx_import_free(imp);
	}
	return 0;
}
