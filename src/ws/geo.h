/*
 * geo.h - the boundaries of a year's units and the base layers, from the
 * workspace, for the map figures (ws.h).
 */
#ifndef CIDX_WS_GEO_H
#define CIDX_WS_GEO_H

#include "core/geom.h"
#include "core/model.h"
#include "store/store.h"
#include "ws/ws.h"

struct cidx_ws_geo {
	struct cidx_geom **geom;  /* per unit of the dataset; NULL: none */
	size_t n;
	/* the other units of the workspace that have a boundary (not in the
	 * year's prepared data: no data, or screened out) */
	char **other_code;
	struct cidx_geom **other_geom;
	size_t n_other;
	struct cidx_layers *layers;   /* the base layers (n 0: none) */
};

/*! cidx_ws_geo_load() : the boundaries of the units of `ds`, and of the
 *  workspace's other units (out->geom stays NULL when the workspace has
 *  none), and the base layers.  @return 0, or a negative code; release
 *  `out` with cidx_ws_geo_release() either way. */
int cidx_ws_geo_load(struct cidx_ws_geo *out, struct cidx_ws *ws,
    const struct cidx_dataset *ds, struct cidx_err *err);
void cidx_ws_geo_release(struct cidx_ws_geo *geo);

#endif
