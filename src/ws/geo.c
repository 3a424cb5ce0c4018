/*
 * geo.c - boundaries from the workspace (geo.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/strmap.h"
#include "ws/geo.h"

/* the geometries of `b` move to `geo`: the dataset's units by index,
 * the others by code */
static void
take(struct cidx_ws_geo *geo, struct cidx_boundaries *b,
    const struct cidx_dataset *ds)
{
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	size_t k;

	geo->n = ds->n_units;
	geo->geom = cidx_xcalloc(geo->n ? geo->n : 1, sizeof(*geo->geom));
	geo->other_code = cidx_xcalloc(b->n, sizeof(*geo->other_code));
	geo->other_geom = cidx_xcalloc(b->n, sizeof(*geo->other_geom));
	for (size_t i = 0; i < ds->n_units; i++)
		cidx_strmap_put(&map, ds->unit[i].code, i);
	for (size_t j = 0; j < b->n; j++) {
		if (cidx_strmap_get(&map, b->code[j], &k)) {
			geo->geom[k] = b->geom[j];
		} else {
			geo->other_code[geo->n_other] = b->code[j];
			geo->other_geom[geo->n_other++] = b->geom[j];
			b->code[j] = NULL;
		}
		b->geom[j] = NULL;
	}
	cidx_strmap_release(&map);
}

int
cidx_ws_geo_load(struct cidx_ws_geo *out, struct cidx_ws *ws,
    const struct cidx_dataset *ds, struct cidx_err *err)
{
	struct cidx_store *st = cidx_ws_store(ws);
	struct cidx_boundaries *b = NULL;
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_store_load_boundaries(st, NULL, 0, &b, err)) < 0 ||
	    (ret = cidx_store_load_layers(st, &out->layers, err)) < 0) {
		cidx_boundaries_free(b);
		return ret;
	}
	if (b->n > 0)
		take(out, b, ds);
	cidx_boundaries_free(b);
	return 0;
}

void
cidx_ws_geo_release(struct cidx_ws_geo *geo)
{
	for (size_t i = 0; geo->geom && i < geo->n; i++)
		cidx_geom_free(geo->geom[i]);
	for (size_t i = 0; i < geo->n_other; i++) {
		free(geo->other_code[i]);
		cidx_geom_free(geo->other_geom[i]);
	}
	free(geo->geom);
	free(geo->other_code);
	free(geo->other_geom);
	cidx_layers_free(geo->layers);
	memset(geo, 0, sizeof(*geo));
}
