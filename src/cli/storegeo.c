/*
 * storegeo.c - boundaries from the workspace (storegeo.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/storegeo.h"
#include "core/mem.h"
#include "core/strmap.h"
#include "store/store.h"

int
storegeo_load(struct storegeo *geo, struct cli_engine *e,
    const struct cidx_dataset *ds)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	struct cidx_boundaries *b = NULL;
	size_t k;

	memset(geo, 0, sizeof(*geo));
	if (cidx_store_load_boundaries(e->st, NULL, 0, &b, &err) < 0 ||
	    cidx_store_load_layers(e->st, &geo->layers, &err) < 0) {
		cidx_boundaries_free(b);
		return cli_error_core(&err);
	}
	if (b->n > 0) {
		geo->n = ds->n_units;
		geo->geom = cidx_xcalloc(geo->n ? geo->n : 1, sizeof(*geo->geom));
		geo->other_code = cidx_xcalloc(b->n, sizeof(*geo->other_code));
		geo->other_geom = cidx_xcalloc(b->n, sizeof(*geo->other_geom));
		for (size_t i = 0; i < ds->n_units; i++)
			cidx_strmap_put(&map, ds->unit[i].code, i);
		/* the geometries move to `geo` */
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
	}
	cidx_strmap_release(&map);
	cidx_boundaries_free(b);
	return CLI_OK;
}

void
storegeo_release(struct storegeo *geo)
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
