/*
 * storegeo.h - the boundaries of a year's units and the base layers, read
 * from the workspace for the map figures of `chart` and `report`.
 */
#ifndef CIDX_CLI_STOREGEO_H
#define CIDX_CLI_STOREGEO_H

#include "cli/methodopt.h"
#include "core/geom.h"
#include "store/store.h"

struct storegeo {
	struct cidx_geom **geom;  /* per unit of the dataset; NULL: none */
	size_t n;
	/* the other units of the workspace that have a boundary (not in the
	 * year's prepared data: no data, or screened out) */
	char **other_code;
	struct cidx_geom **other_geom;
	size_t n_other;
	struct cidx_layers *layers;   /* the base layers (n 0: none) */
};

/*! storegeo_load() : the boundaries of the units of `ds`, and of the
 *  workspace's other units (geo->geom stays NULL when the workspace has
 *  none), and the base layers.  @return CLI_OK or CLI_ERROR (printed). */
int storegeo_load(struct storegeo *geo, struct cli_engine *e,
    const struct cidx_dataset *ds);
void storegeo_release(struct storegeo *geo);

#endif
