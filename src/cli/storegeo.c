/*
 * storegeo.c - boundaries from the workspace (storegeo.h).
 */
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/storegeo.h"

int
storegeo_load(struct storegeo *geo, struct cli_engine *e,
    const struct cidx_dataset *ds)
{
	(void)e;
	(void)ds;
	geo->geom = NULL;
	geo->n = 0;
	return CLI_OK;
}

void
storegeo_release(struct storegeo *geo)
{
	for (size_t i = 0; geo->geom && i < geo->n; i++)
		cidx_geom_free(geo->geom[i]);
	free(geo->geom);
	geo->geom = NULL;
	geo->n = 0;
}
