/*
 * model.h - the framework (the indicator hierarchy) and the data of one
 * year as a dense matrix: plain data with _free functions.
 *
 * Ownership: every pointer inside these structs is owned by the struct and
 * released by its _free function.
 */
#ifndef CIDX_MODEL_H
#define CIDX_MODEL_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "core/err.h"

enum cidx_node_type {
	CIDX_NODE_INDICATOR = 1,
	CIDX_NODE_AGGREGATE = 2,
	CIDX_NODE_DENOMINATOR = 3,
	CIDX_NODE_GROUP = 4
};

struct cidx_node {
	char *code;
	char *parent;      /* code, or NULL for the root and non-tree rows */
	char *name_zh;
	char *name_en;
	char *unit;
	char *denominator; /* code of a denominator node, or NULL */
	enum cidx_node_type type;
	int level;         /* 1 = indicator ... top = index; 0 outside the tree */
	int direction;     /* +1 / -1 for indicators, +1 otherwise */
	double weight;     /* relative within the parent */
	double target;     /* NaN when not given */
	double goal_lo;    /* goalposts (raw units); NaN when not given
			      (callers building nodes by hand set target,
			      goal_lo and goal_hi to NaN) */
	double goal_hi;
	char *treat;       /* outlier treatment override: NULL (use the
			      command line), "none", or "SKEW,KURT,WINMAX" */
	char *description; /* what the node measures, and where its data */
	char *source;      /* come from: text for the report (NULL: none);
			      not in the checksum (no result depends on it) */
	char *unit_zh;     /* the unit of measure, the description and the */
	char *description_zh; /* source in Chinese, for a Chinese reader */
	char *source_zh;   /* (unit, description, source: the English or
			      the framework's only form); NULL: none */
	int pidx;          /* index of the parent node, -1 for none */
};

/*
 * The tree: node[0..n) in file order.  Derived orders:
 *  ind[0..n_ind)         indicators in file order: the matrix columns
 *  bottom_up[0..n_agg)   aggregates by level ascending, file order within
 *  top_down[0..n_agg-1)  aggregates below the root, level descending,
 *                        file order within (the CSV columns)
 *  children of node k:   child[child_off[k] .. child_off[k+1]) in file order
 *  col[k]                matrix column of indicator node k, -1 otherwise
 */
struct cidx_framework {
	struct cidx_node *node;
	size_t n;
	size_t *ind, n_ind;
	size_t *bottom_up, n_agg;
	size_t *top_down;
	size_t *child_off, *child;
	int *col;
	size_t root;
	int top_level;
	char checksum[65]; /* sha256 of the canonical text of the framework */
};

void cidx_framework_free(struct cidx_framework *fw);
/*! cidx_nodes_free() : frees `n` nodes and their strings, for a reader
 *  that fails before cidx_framework_build() has taken them (NULL: none). */
void cidx_nodes_free(struct cidx_node *node, size_t n);

/*! cidx_framework_find() : index of the node with `code`, or -1. */
int cidx_framework_find(const struct cidx_framework *fw, const char *code);

/* the largest framework: nodes, and levels from the indicators (1) up to
 * the index */
/* the largest weight a framework, a weights file or --set may give:
 * sums of siblings stay far from overflow */
#define CIDX_WEIGHT_MAX 1e9
#define CIDX_FRAMEWORK_MAX_NODES 1000000
#define CIDX_FRAMEWORK_MAX_LEVELS 100

/*! cidx_framework_build() :
 *  Checks the nodes (unique codes, one root, parents exist and are
 *  aggregates and not the node itself, no cycle, levels consistent and
 *  at most CIDX_FRAMEWORK_MAX_LEVELS, at most CIDX_FRAMEWORK_MAX_NODES
 *  nodes, indicators are leaves with direction +1/-1, weights finite and
 *  >= 0) and computes the derived orders and the checksum, in time
 *  linear in n.  Takes ownership of `node` (n entries) even on failure.
 *  `where` names the source for messages.  @return 0 or CIDX_EINVAL. */
int cidx_framework_build(struct cidx_framework **out, struct cidx_node *node,
    size_t n, const char *where, struct cidx_err *err);

/* A unit attribute (key = column name such as "province"). */
struct cidx_attr {
	char *key;
	char *value;
};

struct cidx_unit {
	char *code;
	char *name;     /* primary display name (e.g. Chinese) */
	char *name_en;
	struct cidx_attr *attr; /* sorted by key */
	size_t n_attr;
};

/*
 * The data of one year: x is units x indicators (framework column order),
 * NaN = missing.  Units are sorted by code; only units with at least one
 * value in the year are present.
 */
struct cidx_dataset {
	int year;
	struct cidx_unit *unit;
	size_t n_units;
	gsl_matrix *x;
	gsl_matrix *den;  /* units x fw denominators (NULL if none) */
	size_t *den_node; /* framework node of each den column */
	size_t n_den;
	int *import_ids; /* distinct import ids the values came from, sorted */
	size_t n_import_ids;
};

void cidx_unit_clear(struct cidx_unit *u);
void cidx_unit_copy(struct cidx_unit *dst, const struct cidx_unit *src);
void cidx_dataset_free(struct cidx_dataset *ds);

/*! cidx_dataset_counts() : *n_ind the indicator columns with a value for
 *  some unit, *n_val the values (not NaN) in the matrix. */
void cidx_dataset_counts(const struct cidx_dataset *ds, size_t *n_ind,
    size_t *n_val);
/*! cidx_dataset_copy() : a deep copy (caller frees). */
struct cidx_dataset *cidx_dataset_copy(const struct cidx_dataset *ds);
/*! cidx_dataset_keep() : keeps the units with keep[i] != 0, in order. */
void cidx_dataset_keep(struct cidx_dataset *ds, const int *keep);
/*! cidx_dataset_find() : row of the unit with `code`, or -1. */
long cidx_dataset_find(const struct cidx_dataset *ds, const char *code);

/* All years of a workspace, ascending. */
struct cidx_panel {
	struct cidx_dataset **ds;
	size_t n;
};

void cidx_panel_free(struct cidx_panel *p);

/*! cidx_matrix_alloc() :
 *  gsl_matrix_alloc() under the project's allocation policy (GSL has no
 *  empty matrix: a dimension of 0 allocates 1, the caller keeps its own
 *  counts); running out of memory aborts with a message, as
 *  cidx_xmalloc() does, so the result is never NULL.  The first call turns off
 *  GSL's own error handler (which would abort on any error): the library
 *  checks every GSL status itself. */
gsl_matrix *cidx_matrix_alloc(size_t rows, size_t cols);

/*! cidx_gsl_init() : turns off GSL's aborting error handler, once per
 *  process (thread-safe).  Every library function that calls GSL calls
 *  this first, so a program linking the library needs no setup. */
void cidx_gsl_init(void);
/*! cidx_panel_year() : the dataset of `year`, or NULL. */
struct cidx_dataset *cidx_panel_year(const struct cidx_panel *p, int year);
/*! cidx_unit_attr() : the value of attribute `key` of `u` (whose
 *  attributes are sorted by key, in strcmp() order), or NULL. */
const char *cidx_unit_attr(const struct cidx_unit *u, const char *key);

/* The text of a node a reader of `zh`/English sees (cityidx(1),
 * FRAMEWORK FILE): in Chinese unit_zh, description_zh, source_zh when
 * given, else the unit, description, source the framework has. */
enum cidx_node_text { CIDX_NODE_UNIT, CIDX_NODE_DESCRIPTION,
	CIDX_NODE_SOURCE };
const char *cidx_node_text(const struct cidx_node *nd,
    enum cidx_node_text what, int zh);

#endif
