/*
 * internal.h - what the files of the store share: the handle, the SQLite
 * helpers that turn every return code into a cidx_err, and the year
 * matrices.  Not part of the library's interface (store.h is).
 */
#ifndef CIDX_STORE_INTERNAL_H
#define CIDX_STORE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "core/err.h"
#include "core/intmap.h"
#include "core/model.h"

/* values per row of `cells` (schemas 2 to 5, read and written only by
 * the migrations): series s is column v<s % CHUNK> of the row with
 * chunk = s / CHUNK */
#define CIDX_CHUNK 64

/* series ids are below this (WORKSPACE SCHEMA): they size the matrices,
 * so an id far out in a crafted workspace is refused, not allocated */
#define CIDX_SERIES_MAX (1 << 20)

/* how long a writer waits for another one (ms): a large import holds the
 * write lock for a few seconds */
#define CIDX_BUSY_MS 120000

/* reads go through a memory map of the workspace up to this size (PRAGMA
 * mmap_size), but for the values of a large year (store/matstream.c) */
#define CIDX_MMAP_PRAGMA "PRAGMA mmap_size = 1073741824"
/* SQLite's page cache: 16 MiB (but 1 MiB while a large year's values
 * are read: each of their pages is read once) */
#define CIDX_CACHE_PRAGMA "PRAGMA cache_size = -16384"

struct cidx_store {
	sqlite3 *db;
	char *path;
	int snapshot; /* inside cidx_store_snapshot() */
	int readonly; /* this process cannot write the workspace */
	char ro_why[320]; /* why not, for messages */
};

/*! cidx_store_open_memory() : a new workspace in memory, named `name` in
 *  messages (init writes it to its file whole). */
int cidx_store_open_memory(struct cidx_store **out, const char *name,
    struct cidx_err *err);

int cidx_db_err(struct cidx_store *st, struct cidx_err *err,
    const char *what);
int cidx_db_exec(struct cidx_store *st, const char *sql,
    struct cidx_err *err);
int cidx_db_prepare(struct cidx_store *st, sqlite3_stmt **out,
    const char *sql, struct cidx_err *err);
/*
 * Resets `s` and binds its parameters ?1, ?2, ... from the arguments, one
 * per letter of `types`:
 *   t  const char *     text (NULL binds NULL); copied by SQLite
 *   i  int
 *   I  sqlite3_int64
 *   d  double           NaN binds NULL
 *   b  const void *, size_t   a blob, copied by SQLite
 *   B  const void *, size_t   a blob not copied (SQLITE_STATIC): it must
 *                             stay unchanged until the statement is reset
 * Every return code is checked: the one place statements get values.
 */
int cidx_db_bind(struct cidx_store *st, sqlite3_stmt *s,
    struct cidx_err *err, const char *types, ...);
/* Steps a statement that returns no row. */
int cidx_db_done(struct cidx_store *st, sqlite3_stmt *s, const char *what,
    struct cidx_err *err);
/* A store function that reads several tables opens its own read
 * transaction when the caller has none; *own says whether read_end()
 * closes it. */
int cidx_db_read_begin(struct cidx_store *st, int *own,
    struct cidx_err *err);
void cidx_db_read_end(struct cidx_store *st, int own);
/* The write transaction of a command (BEGIN IMMEDIATE), refused inside a
 * snapshot and on a workspace opened read-only.  Waits CIDX_BUSY_MS for
 * another writer, then says one is busy. */
int cidx_db_write_begin(struct cidx_store *st, struct cidx_err *err);
int cidx_db_commit(struct cidx_store *st, struct cidx_err *err);
void cidx_db_rollback(struct cidx_store *st);
/* A copy of text column i, or NULL. */
char *cidx_db_col_dup(sqlite3_stmt *s, int i);

/*
 * The values of one year in memory: a row per unit with at least one
 * value, a column per series (the series id), NaN where there is none.
 * Beside each value the import that wrote it (0 for none), from the
 * `imports` blob of the year's `matrices` row (schema 6) or, in a
 * migration, from `cells`.  `prov` counts the values per series and
 * import.
 */
struct cidx_ymat {
	int year;
	size_t n, cap;        /* rows */
	size_t ns, nch;       /* columns, chunks of CIDX_CHUNK columns */
	sqlite3_int64 *uid;   /* unit id of each row */
	double *v;            /* n x ns */
	int32_t *imp;         /* n x ns, or NULL: every value's import is
				 imp_all (a year that one import wrote
				 whole, issue 17: 4 bytes a value spared) */
	int32_t imp_all;
	unsigned char *dirty; /* n x nch: cells rows to rewrite (migrations) */
	struct cidx_intmap rowof; /* unit id -> row */
	struct cidx_intmap prov;  /* series << 32 | import id -> values */
	/* values set by import pid not yet counted in prov: pend[c] per
	 * series, the series in touched[0..ntouched) (cidx_ymat_prov()) */
	int32_t pid;
	size_t *pend, *touched, ntouched;
	int changed;          /* values set: the matrices row to write */
};

/*! cidx_ymat_load() : the year's matrix with `ns` columns (at least the
 *  number of series) and the import of each value, from `matrices`; a
 *  row that does not agree with itself (cidx_ymat_view(), or its imports)
 *  is an error that says the year is damaged.  A year without values
 *  gives an empty matrix. */
int cidx_ymat_load(struct cidx_store *st, int year, size_t ns,
    struct cidx_ymat **out, struct cidx_err *err);
/*! cidx_ymat_load_cells() : the same from `cells`, every value checked
 *  (the migration to schema 6 from 2 to 5). */
int cidx_ymat_load_cells(struct cidx_store *st, int year, size_t ns,
    struct cidx_ymat **out, struct cidx_err *err);
/*! cidx_ymat_damaged() : the error of a year whose `matrices` row does
 *  not agree with itself (`why` says how: CIDX_DAMAGED_ROW, or its
 *  imports). */
#define CIDX_DAMAGED_ROW "its counts, lengths, values, units or sources do " \
	"not agree"
int cidx_ymat_damaged(struct cidx_store *st, int year, const char *why,
    struct cidx_err *err);
/*
 * A year's `matrices` row read in place (for loading a year without a
 * copy): valid until cidx_ymat_view_end().  ok 0: the row is not of this
 * machine, or not consistent (cidx_ymat_shape_ok(), a value that is not a
 * finite number, a unit twice, sources that do not count the values):
 * cidx_ymat_load() says the year is damaged; ok 1 with n 0: the year has
 * no values.  imps: the `imports` blob as it is (npairs 0 and imps NULL
 * when it is not a blob of whole pairs), checked by cidx_runs_decode().
 */
struct cidx_yview {
	int ok;
	size_t n, ns;
	const sqlite3_int64 *uid;
	const double *v;        /* n x ns */
	const int32_t *src;     /* nsrc (series, import, count) triples */
	size_t nsrc;
	const int32_t *imps;    /* npairs (count, import) pairs */
	size_t npairs;
	sqlite3_stmt *stmt;
	void *own[4];           /* aligned copies of blobs, if any */
};

int cidx_ymat_view(struct cidx_store *st, int year, size_t ns,
    struct cidx_yview *out, struct cidx_err *err);
void cidx_ymat_view_end(struct cidx_yview *w);
/* what cidx_matrow_step() found of a year's `matrices` row */
enum {
	CIDX_MATROW_BAD = 0,   /* not a row of ours: the year is damaged */
	CIDX_MATROW_NONE,      /* no row: the year has no values */
	CIDX_MATROW_READ       /* a row of the right types: check and read */
};

/*! cidx_matrow_step() :
 *  The `matrices` row of `year` selected (a placeholder, format, n_units,
 *  n_series, sources, units, then vals and imports, or typeof(vals) and
 *  length(vals) when `streamed`: those do not read the values) and its
 *  types checked
 *  (cityidx(1), WORKSPACE SCHEMA, matrices); *state one of the above.
 *  *sp is the statement, to finalize also on error.
 *  @return 0, or an error. */
int cidx_matrow_step(struct cidx_store *st, int year, int streamed,
    sqlite3_stmt **sp, int *state, struct cidx_err *err);

/*! cidx_ymat_shape_ok() : whether a `matrices` row's columns agree: the
 *  `format` of this machine, `n` >= 1 units and 1 <= `k` <= `ns` series
 *  that the blob lengths (in bytes) match exactly, sources in triples.
 *  No product of the stored counts is computed: they may be anything. */
int cidx_ymat_shape_ok(int format, sqlite3_int64 n, sqlite3_int64 k,
    size_t ns, size_t src_bytes, size_t uid_bytes, size_t val_bytes);

/*! cidx_ymat_row() : the row of unit `uid`, added (all NaN) if absent. */
size_t cidx_ymat_row(struct cidx_ymat *m, sqlite3_int64 uid);
/*! cidx_ymat_import_of() : the import that wrote cell (r, c) (0: none). */
int32_t cidx_ymat_import_of(const struct cidx_ymat *m, size_t r, size_t c);
/*! cidx_ymat_set() : sets value (r, c) to `v` (NaN: none) written by
 *  import `id`, keeping the counts and the rows to rewrite. */
void cidx_ymat_set(struct cidx_ymat *m, size_t r, size_t c, double v,
    int32_t id);
/*! cidx_ymat_prov() : prov brought up to date (cidx_ymat_save() does). */
void cidx_ymat_prov(struct cidx_ymat *m);
/*! cidx_ymat_save() : writes the year's `matrices` row from `m` (inside
 *  the caller's write transaction), if it changed: deleted when no value
 *  is left; a year too large for one row is an error.  The imports of
 *  the values (imp) are freed once coded: after this, only
 *  cidx_ymat_free(). */
int cidx_ymat_save(struct cidx_store *st, struct cidx_ymat *m,
    struct cidx_err *err);
/*! cidx_ymat_save_cells() : writes the rows of `cells` that changed (the
 *  migration from version 1, whose `cells` the migration to version 6
 *  then turns into `matrices` rows). */
int cidx_ymat_save_cells(struct cidx_store *st, struct cidx_ymat *m,
    struct cidx_err *err);
/*! cidx_matrix_write() : writes v[0..n bytes) into the `vals` zeroblob
 *  of year's `matrices` row, just inserted (of at most INT_MAX bytes). */
int cidx_matrix_write(struct cidx_store *st, int year, const double *v,
    size_t n, struct cidx_err *err);
void cidx_ymat_free(struct cidx_ymat *m);
/*! cidx_ymat_sources() : where the values came from, as `matrices`
 *  keeps it: *n (series, import, count) triples from `prov`, in no order
 *  (caller frees). */
int32_t *cidx_ymat_sources(const struct cidx_ymat *m, size_t *n);
/*! cidx_ymat_format() : the `format` of the matrices this machine writes
 *  and reads (1 little-endian, 2 big-endian). */
int cidx_ymat_format(void);

/*
 * The `imports` blob of a `matrices` row being built (store/matimports.c):
 * cidx_runs_add() the values of each kept row with their imports, then
 * cidx_runs_end(); p[0..n) are the int32 pairs (count, import id).
 */
struct cidx_runs {
	int32_t *p;
	size_t n, cap;
	int32_t id;      /* of the open run */
	uint32_t count;  /* its cells so far */
};
/* imp NULL: every value's import is `all` */
void cidx_runs_add(struct cidx_runs *r, const double *v, const int32_t *imp,
    int32_t all, size_t n);
void cidx_runs_end(struct cidx_runs *r);
void cidx_runs_release(struct cidx_runs *r);
/*! cidx_runs_decode() : imp[0..n) from `npairs` pairs p, checked against
 *  the values v[0..n): counts >= 1 that cover exactly n cells, ids >= 0,
 *  0 where there is no value.  @return 0, or -1 when they do not agree. */
int cidx_runs_decode(const int32_t *p, size_t npairs, const double *v,
    size_t n, int32_t *imp);

/*! cidx_ymat_years() : every year with a `matrices` row (a value of
 *  any series), ascending (caller frees). */
int cidx_ymat_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err);

/*! cidx_ymat_units() : the id of every unit with a value in some year
 *  into *out (store/matscan.c). */
int cidx_ymat_units(struct cidx_store *st, struct cidx_intmap *out,
    struct cidx_err *err);
/*! cidx_ymat_series_used() : *out, whether series `id` has a value in
 *  some year (by the years' sources). */
int cidx_ymat_series_used(struct cidx_store *st, size_t id, int *out,
    struct cidx_err *err);

/*! cidx_obs_register() : `observations` (store/obsvtab.c) on the
 *  workspace's connection, for the queries of cityidx sql. */
int cidx_obs_register(struct cidx_store *st, struct cidx_err *err);

/*! cidx_series_count() : 1 + the highest series id (0 if none); an id
 *  below 0 or not below CIDX_SERIES_MAX is CIDX_EDB. */
int cidx_series_count(struct cidx_store *st, size_t *out,
    struct cidx_err *err);

/*! cidx_schema_migrate_v2() : takes a version-1 workspace to version 2,
 *  inside the caller's write transaction (foreign keys off). */
int cidx_schema_migrate_v2(struct cidx_store *st, struct cidx_err *err);
/*! cidx_layers_apply() : the layer features of a batch into `layers`
 *  (store/layer.c), each kind it holds replaced whole, counted in ss. */
struct cidx_import;
struct cidx_import_stats;
int cidx_layers_apply(struct cidx_store *st, const struct cidx_import *imp,
    long long id, struct cidx_import_stats *ss, struct cidx_err *err);
/*! cidx_schema_step() : takes a workspace of version `from` to from + 1
 *  (0 -> 1 the script, 1 -> 2 cidx_schema_migrate_v2(), 2 -> 3 the
 *  layers table), inside the caller's transaction. */
int cidx_schema_step(struct cidx_store *st, int from, struct cidx_err *err);

#endif
