/*
 * f_geom.c - WKT boundaries (core/geom.h).  An accepted geometry keeps
 * the layout geom.h promises (closed rings of >= 4 points, coordinates in
 * range, offsets in order, a bounding box of the points); a refusal
 * points inside the text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *wkt = fuzz_str(data, size);
	struct cidx_geom *g = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	size_t bad_at = (size_t)-1;

	if (cidx_geom_parse_wkt(&g, wkt, &bad_at, &err) < 0) {
		fuzz_assert(g == NULL);
		fuzz_assert(bad_at <= strlen(wkt));
		fuzz_assert(strncmp(err.msg, "boundary: ", 10) == 0);
		free(wkt);
		return 0;
	}
	fuzz_assert(g->n_polys >= 1 && g->poly_off[0] == 0 &&
	    g->poly_off[g->n_polys] == g->n_rings);
	fuzz_assert(g->ring_off[0] == 0 && g->ring_off[g->n_rings] == g->n_pts);
	for (size_t q = 0; q < g->n_polys; q++)
		fuzz_assert(g->poly_off[q + 1] > g->poly_off[q]);
	for (size_t r = 0; r < g->n_rings; r++) {
		size_t a = g->ring_off[r], b = g->ring_off[r + 1];

		fuzz_assert(b >= a + 4);
		fuzz_assert(g->xy[2 * a] == g->xy[2 * (b - 1)] &&
		    g->xy[2 * a + 1] == g->xy[2 * (b - 1) + 1]);
	}
	for (size_t i = 0; i < g->n_pts; i++) {
		double x = g->xy[2 * i], y = g->xy[2 * i + 1];

		fuzz_assert(x >= -180 && x <= 180 && y >= -90 && y <= 90);
		fuzz_assert(x >= g->bbox[0] && y >= g->bbox[1] &&
		    x <= g->bbox[2] && y <= g->bbox[3]);
	}
	fuzz_assert(isfinite(cidx_geom_area(g)));
	cidx_geom_free(g);
	free(wkt);
	return 0;
}
