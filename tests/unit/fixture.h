/*
 * fixture.h - what several unit-test files need: a temporary directory
 * for real files (CSV inputs, SQLite workspaces), small matrices,
 * frameworks, datasets and workspaces.  tmp_begin() makes the directory,
 * tmp_end() removes it and its files.
 */
#ifndef CIDX_FIXTURE_H
#define CIDX_FIXTURE_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#include "calc/engine.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

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

/* the framework of the import and weights-file tests:
 *   INDEX <- A, B (indicators); POP a denominator; PROV a group column.
 * Nodes: INDEX 0, A 1, B 2, POP 3, PROV 4.  NULL after a failed check. */
struct cidx_framework *fx_small_framework(void);

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

/* an engine over src with the options o; NULL after a failed check */
struct cidx_engine *fx_engine(const struct cidx_framework *fw,
    struct cidx_source src, const struct cidx_engine_opts *o);

/*
 * A workspace in a fresh temporary directory (tmp_begin()): tmpdir/ws.db
 * created, its path in path[size], with the framework fw set (as
 * "fw.csv"; NULL: none).  @return the store, or NULL after a failed
 * check (the directory is gone again).  fx_ws_end() closes the store
 * and removes the directory.
 */
struct cidx_store *fx_ws_begin(const struct cidx_framework *fw, char *path,
    size_t size);
void fx_ws_end(struct cidx_store *st);

#endif
