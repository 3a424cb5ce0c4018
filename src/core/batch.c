/*
 * batch.c - the import batch (see batch.h).
 *
 * A batch's values are kept in blocks of about 32 MiB (BLOCK_VALUES
 * doubles, a whole number of runs): a block is never copied as the batch
 * grows (only the first grows, up to its size), and the store frees each
 * block once it has applied its runs, so that the batch and the year's
 * matrices it fills do not both stay whole in memory.  A block of this
 * size is also above glibc's largest threshold for allocating with
 * mmap(), so that freeing it gives the memory back to the system.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/batch.h"
#include "core/mem.h"

#define BLOCK_VALUES ((size_t)1 << 19)
#define FIRST_RUNS 64 /* the first block's first size, in runs */

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
	free(imp->run);
	free(imp->col_node);
	for (size_t b = 0; b < imp->vals.nblk; b++)
		free(imp->vals.blk[b]);
	free(imp->vals.blk);
	free(imp->vals.left);
	free(imp->path);
	free(imp);
}

void
cidx_import_set_cols(struct cidx_import *imp, const uint32_t *node, size_t n)
{
	free(imp->col_node);
	imp->col_node = cidx_xcalloc(n ? n : 1, sizeof(*imp->col_node));
	if (n)
		memcpy(imp->col_node, node, n * sizeof(*node));
	imp->width = n;
}

/* room in the blocks for run r (the next one) */
static void
vals_reserve(struct cidx_import *imp, size_t r)
{
	struct cidx_import_vals *v = &imp->vals;
	size_t w = imp->width;

	if (v->runs_per == 0)
		v->runs_per = BLOCK_VALUES / w ? BLOCK_VALUES / w : 1;
	if (r / v->runs_per >= v->nblk) {
		/* a new block: the first starts small */
		v->blk = cidx_xreallocarray(v->blk, v->nblk + 1,
		    sizeof(*v->blk));
		v->left = cidx_xreallocarray(v->left, v->nblk + 1,
		    sizeof(*v->left));
		v->cap0 = v->nblk ? v->runs_per :
		    (FIRST_RUNS < v->runs_per ? FIRST_RUNS : v->runs_per);
		v->blk[v->nblk] = cidx_xreallocarray(NULL, v->cap0,
		    w * sizeof(double));
		v->left[v->nblk++] = 0;
	} else if (v->nblk == 1 && r >= v->cap0) {
		v->cap0 = 2 * v->cap0 < v->runs_per ? 2 * v->cap0 :
		    v->runs_per;
		v->blk[0] = cidx_xreallocarray(v->blk[0], v->cap0,
		    w * sizeof(double));
	}
}

double *
cidx_import_add_run(struct cidx_import *imp, uint32_t unit, int32_t year,
    uint32_t line, uint32_t node)
{
	struct cidx_import_vals *v = &imp->vals;
	size_t r = imp->n_run;

	if (imp->width == 0)
		imp->width = 1;
	ALLOC_GROW(imp->run, r + 1, imp->run_cap);
	vals_reserve(imp, r);
	imp->run[r].unit = unit;
	imp->run[r].year = year;
	imp->run[r].line = line;
	imp->run[r].node = node;
	v->left[r / v->runs_per]++;
	imp->n_run++;
	imp->n_val += imp->width;
	return v->blk[r / v->runs_per] + (r % v->runs_per) * imp->width;
}

void
cidx_import_run_done(struct cidx_import *imp, size_t r)
{
	struct cidx_import_vals *v = &imp->vals;
	size_t b = r / v->runs_per;

	if (!imp->release_values || v->left[b] == 0 || --v->left[b] > 0)
		return;
	free(v->blk[b]);
	v->blk[b] = NULL;
}

struct cidx_import_value
cidx_import_value_at(const struct cidx_import *imp, size_t i)
{
	struct cidx_import_value out;
	size_t r = i / imp->width, k = i % imp->width;
	const double *v = cidx_import_run_values(imp, r);

	out.value = v ? v[k] : NAN;
	out.unit = imp->run[r].unit;
	out.node = cidx_import_run_node(imp, r, k);
	out.year = imp->run[r].year;
	out.line = imp->run[r].line;
	return out;
}
