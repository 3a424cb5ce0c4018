/*
 * batch.h - an import batch: what one data file states about units and
 * values, already checked against the framework.  Plain data: io/import.c
 * fills it from a file, store/apply.c applies it to a workspace, and
 * neither needs the other's header.
 *
 * Ownership: every pointer inside is owned by the batch and released by
 * cidx_import_free().
 */
#ifndef CIDX_BATCH_H
#define CIDX_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/*
 * The values of a batch come in runs: a run is what consecutive lines of
 * the file state for one unit in one year.  A wide row is one run of a
 * value per value column (the nodes are the batch's col_node).  A long
 * row is a run of one value, whose node the run holds, unless it follows
 * a row of the same unit and year on the line before: then it joins that
 * row's run, and the run's values keep their nodes beside them (a run of
 * n values states them on lines line .. line + n - 1).  So a long file
 * whose rows come grouped by unit and year takes about what a wide one
 * does (issue 17).  The values themselves are doubles (NaN: the file
 * states the value is missing), kept in blocks so that the store can free
 * them as it applies them (release_values).
 */
#define CIDX_RUN_COLS UINT32_MAX /* run.node: the values of col_node */
#define CIDX_RUN_MANY ((uint32_t)1 << 31) /* run.node: MANY | n, a long
					      run of n values (n > 1) */
#define CIDX_RUN_NODE16 UINT16_MAX /* nodes from here on never join a run
				      of many (their nodes are uint16_t) */

struct cidx_import_run {
	uint32_t unit; /* index into the batch's units */
	int32_t year;
	uint32_t line; /* where the file states its first value */
	uint32_t node; /* framework node (indicator or denominator) of the
			  run's one value, CIDX_RUN_MANY | n or
			  CIDX_RUN_COLS */
};

/* one value of a batch, as cidx_import_value_at() gives it */
struct cidx_import_value {
	double value;  /* NaN: the file states the value is missing */
	uint32_t unit;
	uint32_t node;
	int32_t year;
	uint32_t line;
};

/* the runs of a batch in chunks of CIDX_CHUNK_RUNS: a chunk's runs have
 * their values one after another in one block */
#define CIDX_CHUNK_RUNS 64
struct cidx_import_chunk {
	size_t first;  /* the index (in the batch) of its first value */
	size_t off;    /* where its values start in the block */
	uint32_t blk;
	uint32_t many; /* its runs of many values: none, every run holds
			  `width` values */
};

/* the blocks of a batch's values: block b holds cap[b] values, node[b]
 * the nodes of those of its runs of many (NULL while it has none), left[b]
 * counts its runs not yet applied (cidx_import_run_done()) */
struct cidx_import_vals {
	double **blk;
	uint16_t **node;
	size_t *cap, *left;
	size_t nblk, used;  /* used: values in the last block */
	struct cidx_import_chunk *chunk;
	size_t n_chunk, chunk_cap;
};

/* the values of one run and their nodes (cidx_import_run_view()) */
struct cidx_run_view {
	const double *v;        /* NULL once released: nor are the nodes
				   known then */
	size_t n;
	uint32_t node;          /* the node of a run of one value */
	const uint32_t *node32; /* or the nodes, of a wide run */
	const uint16_t *node16; /* or of a run of many */
};

/* a feature of a base layer (cityidx(1), LAYERS FILES): what a map draws
 * besides the units */
struct cidx_layer_feature {
	int kind;           /* enum cidx_layer_kind (core/geom.h) */
	char *name;         /* NULL: none */
	char *name_en;      /* NULL: none */
	char *wkt;          /* checked; NULL for a credit */
};

struct cidx_import {
	char *path;
	char sha256[65];
	char encoding[32];
	const char *layout; /* "long", "wide", "coinr", "units", "geojson" or
			       "layers" */
	char fw_sha256[65]; /* checksum of the framework it was checked against */
	size_t n_rows;      /* data rows */
	struct cidx_unit *unit; /* name / name_en NULL: not given */
	size_t n_unit;
	struct cidx_import_run *run;
	size_t n_run, run_cap;
	uint32_t *col_node; /* the nodes of a wide file's value columns */
	size_t width;       /* values per run: the value columns of a wide
			       file, 1 in a long one (but for its runs of
			       many) */
	struct cidx_import_vals vals;
	size_t n_val;       /* the values of all runs */
	int release_values; /* the store frees the values as it applies
			       them: the batch is applied once */
	char **boundary;    /* per unit, its outline as WKT (checked), or
			       NULL; the array is NULL when none is given */
	struct cidx_layer_feature *layer; /* a layers file's features, in
					     the order of the file */
	size_t n_layer;
	int clear_missing;  /* a missing value clears the stored one (else
			       the stored value stays; IMPORT SEMANTICS) */
	size_t n_blank_rows;  /* rows of empty fields, skipped */
	size_t n_empty_cols;  /* columns without a name or a value, skipped */
	char **attr_col;      /* the columns read as unit attributes because
				 they hold text and are not in the framework */
	size_t n_attr_col;
};

/*! cidx_import_free() : releases the batch and everything in it; accepts
 *  NULL. */
void cidx_import_free(struct cidx_import *imp);

/*! cidx_import_set_cols() : a wide batch: every run holds `n` values, of
 *  the nodes node[0..n) (copied).  Before the first run. */
void cidx_import_set_cols(struct cidx_import *imp, const uint32_t *node,
    size_t n);

/*! cidx_import_add_run() : a new run (node: of its one value in a long
 *  batch, CIDX_RUN_COLS in a wide one); @return its imp->width values,
 *  for the caller to fill. */
double *cidx_import_add_run(struct cidx_import *imp, uint32_t unit,
    int32_t year, uint32_t line, uint32_t node);

/*! cidx_import_add_value() : a long batch's value v of `node` stated at
 *  `line`: it joins the last run when that is of the same unit and year
 *  and ends on the line before, else starts a run of its own. */
void cidx_import_add_value(struct cidx_import *imp, uint32_t unit,
    int32_t year, uint32_t line, uint32_t node, double v);

/*! cidx_import_run_len() : the number of values of run r. */
static inline size_t
cidx_import_run_len(const struct cidx_import *imp, size_t r)
{
	uint32_t node = imp->run[r].node;

	if (node == CIDX_RUN_COLS)
		return imp->width;
	return node & CIDX_RUN_MANY ? node & ~CIDX_RUN_MANY : 1;
}

/*! cidx_import_run_view() : the values of run r and their nodes. */
void cidx_import_run_view(const struct cidx_import *imp, size_t r,
    struct cidx_run_view *out);

/*! cidx_run_view_node() : the node of value k of a run. */
static inline uint32_t
cidx_run_view_node(const struct cidx_run_view *w, size_t k)
{
	if (w->node32)
		return w->node32[k];
	return w->node16 ? w->node16[k] : w->node;
}

/*! cidx_import_run_done() : run r is applied: with imp->release_values,
 *  the block of its values is freed once all its runs are. */
void cidx_import_run_done(struct cidx_import *imp, size_t r);

/*! cidx_import_value_at() : value i of the batch (0 <= i < n_val), in
 *  the order of the file. */
struct cidx_import_value cidx_import_value_at(const struct cidx_import *imp,
    size_t i);

#endif
