/*
 * fixture.h - what several unit-test files need: a temporary directory
 * for real files (CSV inputs, SQLite workspaces) and small matrices.
 * tmp_begin() makes the directory, tmp_end() removes it and its files.
 */
#ifndef CIDX_FIXTURE_H
#define CIDX_FIXTURE_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "calc/engine.h"
#include "core/err.h"
#include "core/model.h"

extern char tmpdir[64];

int tmp_begin(void);
void tmp_end(void);

/* tmpdir/name into buf; @return buf */
const char *path_of(char *buf, size_t size, const char *name);
/* writes n bytes (or a string) to tmpdir/name; @return the path in buf */
const char *put_n(char *buf, size_t size, const char *name,
    const char *bytes, size_t n);
const char *put(char *buf, size_t size, const char *name, const char *text);

/* rows x cols matrix from a row-major array (caller frees) */
gsl_matrix *mat(size_t rows, size_t cols, const double *v);

/* a framework from a table of nodes (cidx_framework_build()) */
struct fx_node {
	const char *code, *parent;
	enum cidx_node_type type;
	int level, dir;
	double w;
};

#define IND CIDX_NODE_INDICATOR
#define AGG CIDX_NODE_AGGREGATE
#define DEN CIDX_NODE_DENOMINATOR

int fx_framework(struct cidx_framework **out, const struct fx_node *d,
    size_t n, struct cidx_err *err);

/* a dataset of `year`: units `codes` (sorted), x row-major n x m (NaN
 * missing); caller frees */
struct cidx_dataset *fx_dataset(int year, const char *const *codes,
    size_t n, const double *x, size_t m);

/* a source of one year, 2020, of fx_dataset(2020, codes, n, x, m) */
struct fx_year {
	const char *const *codes;
	size_t n, m;
	const double *x;
};

/* the engine's source over *y (borrowed) */
struct cidx_source fx_source(struct fx_year *y);

#endif
