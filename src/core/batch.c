/*
 * batch.c - the import batch (see batch.h).
 */
#include <stdlib.h>

#include "core/batch.h"

void
cidx_import_free(struct cidx_import *imp)
{
	if (imp == NULL)
		return;
	for (size_t i = 0; i < imp->n_unit; i++) {
		cidx_unit_clear(&imp->unit[i]);
		if (imp->boundary)
			free(imp->boundary[i]);
	}
	free(imp->boundary);
	for (size_t i = 0; i < imp->n_layer; i++) {
		free(imp->layer[i].name);
		free(imp->layer[i].name_en);
		free(imp->layer[i].wkt);
	}
	free(imp->layer);
	for (size_t i = 0; i < imp->n_attr_col; i++)
		free(imp->attr_col[i]);
	free(imp->attr_col);
	free(imp->unit);
	free(imp->val);
	free(imp->path);
	free(imp);
}
