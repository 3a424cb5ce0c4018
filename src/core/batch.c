/*
 * batch.c - the import batch (see batch.h).
 *
 * A batch's values are kept in blocks of about 4 MiB (BLOCK_VALUES
 * doubles, a whole number of chunks of runs): a block is never copied as
 * the batch grows (only the first grows, up to its size, and a block past
 * it only when a chunk's runs are longer than the chunk's before), and the
 * store frees each block once it has applied its runs, so that the batch
 * and the year's matrices it fills do not both stay whole in memory.
 *
 * Where run r's values are: its chunk's offset in the chunk's block, plus
 * CIDX_CHUNK_RUNS * width per run before it in the chunk, or, in a chunk
 * with runs of many, the lengths of the runs before it added up.
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
	for (size_t b = 0; b < imp->vals.nblk; b++) {
		free(imp->vals.blk[b]);
		free(imp->vals.node[b]);
	}
	free(imp->vals.blk);
	free(imp->vals.node);
	free(imp->vals.cap);
	free(imp->vals.left);
	free(imp->vals.chunk);
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

/* block b made room for `cap` values (its nodes too) */
static void
block_resize(struct cidx_import_vals *v, size_t b, size_t cap)
{
	v->blk[b] = cidx_xreallocarray(v->blk[b], cap, sizeof(double));
	if (v->node[b])
		v->node[b] = cidx_xreallocarray(v->node[b], cap,
		    sizeof(*v->node[b]));
	v->cap[b] = cap;
}

/* a new block, of room for `cap` values */
static void
block_new(struct cidx_import_vals *v, size_t cap)
{
	size_t b = v->nblk;

	v->blk = cidx_xreallocarray(v->blk, b + 1, sizeof(*v->blk));
	v->node = cidx_xreallocarray(v->node, b + 1, sizeof(*v->node));
	v->cap = cidx_xreallocarray(v->cap, b + 1, sizeof(*v->cap));
	v->left = cidx_xreallocarray(v->left, b + 1, sizeof(*v->left));
	v->blk[b] = NULL;
	v->node[b] = NULL;
	v->left[b] = 0;
	v->nblk++;
	v->used = 0;
	block_resize(v, b, cap);
}

/*
 * Room for n more values in the last block.  A chunk starts (`est`: the
 * values it is expected to take, those of the chunk before) in a new
 * block when the last one is full size and has not room for it; else the
 * last block grows: the first one doubling up to full size, any past it
 * by half.
 */
static void
vals_room(struct cidx_import_vals *v, size_t n, int chunk_start, size_t est)
{
	size_t b, cap;

	if (v->nblk == 0) {
		block_new(v, FIRST_RUNS * n);
		return;
	}
	b = v->nblk - 1;
	if (est < n)
		est = n;
	if (chunk_start && v->cap[b] >= BLOCK_VALUES &&
	    v->used + est > v->cap[b]) {
		block_new(v, est > BLOCK_VALUES ? est : BLOCK_VALUES);
		return;
	}
	if (v->used + n <= v->cap[b])
		return;
	if (v->cap[b] < BLOCK_VALUES)
		cap = 2 * v->cap[b] < BLOCK_VALUES ? 2 * v->cap[b] :
		    BLOCK_VALUES;
	else
		cap = v->cap[b] + v->cap[b] / 2;
	block_resize(v, b, cap >= v->used + est ? cap : v->used + est);
}

double *
cidx_import_add_run(struct cidx_import *imp, uint32_t unit, int32_t year,
    uint32_t line, uint32_t node)
{
	struct cidx_import_vals *v = &imp->vals;
	size_t r = imp->n_run, n, b;
	double *dst;

	if (imp->width == 0)
		imp->width = 1;
	n = node == CIDX_RUN_COLS ? imp->width : 1;
	ALLOC_GROW(imp->run, r + 1, imp->run_cap);
	if (r % CIDX_CHUNK_RUNS == 0) {
		struct cidx_import_chunk *c;

		vals_room(v, n, 1, v->n_chunk ? imp->n_val -
		    v->chunk[v->n_chunk - 1].first : CIDX_CHUNK_RUNS * n);
		ALLOC_GROW(v->chunk, v->n_chunk + 1, v->chunk_cap);
		c = &v->chunk[v->n_chunk++];
		c->first = imp->n_val;
		c->off = v->used;
		c->blk = (uint32_t)(v->nblk - 1);
		c->many = 0;
	} else {
		vals_room(v, n, 0, n);
	}
	b = v->nblk - 1;
	imp->run[r].unit = unit;
	imp->run[r].year = year;
	imp->run[r].line = line;
	imp->run[r].node = node;
	v->left[b]++;
	dst = v->blk[b] + v->used;
	v->used += n;
	imp->n_run++;
	imp->n_val += n;
	return dst;
}

/* where the values of run r start in its chunk's block */
static size_t
run_off(const struct cidx_import *imp, size_t r)
{
	const struct cidx_import_chunk *c = &imp->vals.chunk[r /
	    CIDX_CHUNK_RUNS];
	size_t off = c->off;

	if (c->many == 0)
		return off + r % CIDX_CHUNK_RUNS * imp->width;
	for (size_t j = r - r % CIDX_CHUNK_RUNS; j < r; j++)
		off += cidx_import_run_len(imp, j);
	return off;
}

/* the last run of a long batch can take a value of `node` for (unit,
 * year) stated at `line` */
static int
can_join(const struct cidx_import *imp, uint32_t unit, int32_t year,
    uint32_t line, uint32_t node)
{
	const struct cidx_import_run *last;

	if (imp->n_run == 0)
		return 0;
	last = &imp->run[imp->n_run - 1];
	if (last->unit != unit || last->year != year ||
	    last->node == CIDX_RUN_COLS || node >= CIDX_RUN_NODE16 ||
	    (!(last->node & CIDX_RUN_MANY) && last->node >= CIDX_RUN_NODE16))
		return 0;
	return (uint64_t)last->line + cidx_import_run_len(imp,
	    imp->n_run - 1) == line;
}

void
cidx_import_add_value(struct cidx_import *imp, uint32_t unit, int32_t year,
    uint32_t line, uint32_t node, double v)
{
	struct cidx_import_vals *vs = &imp->vals;
	struct cidx_import_run *last;
	size_t r, n, off, b;

	if (!can_join(imp, unit, year, line, node)) {
		*cidx_import_add_run(imp, unit, year, line, node) = v;
		return;
	}
	r = imp->n_run - 1;
	last = &imp->run[r];
	n = cidx_import_run_len(imp, r);
	off = run_off(imp, r); /* its values end the last block */
	b = vs->nblk - 1;
	vals_room(vs, 1, 0, 1);
	if (vs->node[b] == NULL)
		vs->node[b] = cidx_xreallocarray(NULL, vs->cap[b],
		    sizeof(*vs->node[b]));
	if (n == 1) {
		vs->node[b][off] = (uint16_t)last->node;
		vs->chunk[r / CIDX_CHUNK_RUNS].many++;
	}
	vs->node[b][off + n] = (uint16_t)node;
	vs->blk[b][off + n] = v;
	last->node = CIDX_RUN_MANY | (uint32_t)(n + 1);
	vs->used++;
	imp->n_val++;
}

void
cidx_import_run_view(const struct cidx_import *imp, size_t r,
    struct cidx_run_view *out)
{
	const struct cidx_import_vals *v = &imp->vals;
	uint32_t b = v->chunk[r / CIDX_CHUNK_RUNS].blk;
	size_t off = run_off(imp, r);

	out->n = cidx_import_run_len(imp, r);
	out->v = v->blk[b] ? v->blk[b] + off : NULL;
	out->node = imp->run[r].node;
	out->node32 = NULL;
	out->node16 = NULL;
	if (out->node == CIDX_RUN_COLS)
		out->node32 = imp->col_node;
	else if (out->node & CIDX_RUN_MANY && v->node[b])
		out->node16 = v->node[b] + off;
}

void
cidx_import_run_done(struct cidx_import *imp, size_t r)
{
	struct cidx_import_vals *v = &imp->vals;
	size_t b = v->chunk[r / CIDX_CHUNK_RUNS].blk;

	if (!imp->release_values || v->left[b] == 0 || --v->left[b] > 0)
		return;
	free(v->blk[b]);
	free(v->node[b]);
	v->blk[b] = NULL;
	v->node[b] = NULL;
}

struct cidx_import_value
cidx_import_value_at(const struct cidx_import *imp, size_t i)
{
	const struct cidx_import_vals *v = &imp->vals;
	struct cidx_import_value out;
	struct cidx_run_view w;
	size_t lo = 0, hi = v->n_chunk, r, k;

	/* the last chunk starting at or before i, then its run */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->chunk[mid].first <= i)
			lo = mid;
		else
			hi = mid;
	}
	r = lo * CIDX_CHUNK_RUNS;
	for (k = i - v->chunk[lo].first; k >= cidx_import_run_len(imp, r);
	    r++)
		k -= cidx_import_run_len(imp, r);
	cidx_import_run_view(imp, r, &w);
	out.value = w.v ? w.v[k] : NAN;
	out.unit = imp->run[r].unit;
	out.node = cidx_run_view_node(&w, k);
	out.year = imp->run[r].year;
	out.line = imp->run[r].line +
	    (imp->run[r].node & CIDX_RUN_MANY &&
	    imp->run[r].node != CIDX_RUN_COLS ? (uint32_t)k : 0);
	return out;
}
