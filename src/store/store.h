/*
 * store.h - the SQLite workspace: schema, migrations, framework, imports,
 * and loading one year as a dense matrix.
 *
 * The schema (PRAGMA user_version 6) is documented in man/cityidx.1,
 * WORKSPACE SCHEMA:
 *   meta(key, value)
 *   nodes(code, parent, type, level, name_zh, name_en, direction, weight,
 *         unit, denominator, target, goal_lo, goal_hi, treat, ord)
 *   units(id, code, name, name_en, boundary, import_id)
 *   unit_attrs(unit, key, value)
 *   imports(id, file, sha256, time, layout, encoding, rows, values_new,
 *           values_changed, values_removed, values_unchanged, units_new,
 *           units_changed, kind, units_removed)
 *   series(id, code)             the column of each indicator/denominator
 *   matrices(year, ...)          each year's values as one row of blobs
 *   replaced(import_id, year, unit, series, value, prev_import)
 *   layers(id, kind, name, name_en, geometry, import_id)   base layers
 * Foreign keys are on and the journal is WAL.  SQL is used to load and
 * save; computation happens on the matrices, never in SQL.
 */
#ifndef CIDX_STORE_H
#define CIDX_STORE_H

#include "core/batch.h"
#include "core/err.h"
#include "core/geom.h"
#include "core/model.h"

#define CIDX_SCHEMA_VERSION 6

struct cidx_store;

enum {
	/* make a missing file, or an empty SQLite database, a workspace */
	CIDX_STORE_CREATE = 1 << 0,
	/* the caller writes: a workspace it cannot write is refused at once
	 * (CREATE implies it) */
	CIDX_STORE_WRITE = 1 << 1
};

/*! cidx_store_open() :
 *  Opens the workspace at `path` and migrates it to this schema version.
 *  A missing file without CIDX_STORE_CREATE in `flags`, or a database that
 *  is not yet a workspace, is CIDX_ENOWORKSPACE.  A workspace this process
 *  cannot write (the file, or its directory, by permission or a read-only
 *  file system) is opened read-only, creating no file beside it, and
 *  every write through it fails; with CIDX_STORE_CREATE or
 *  CIDX_STORE_WRITE it is refused: CIDX_EIO, "workspace 'PATH' is
 *  read-only (REASON)".  A read-only workspace of an older schema version
 *  cannot be migrated and is refused likewise.
 *  @return 0 and the handle in *out (close with cidx_store_close()). */
int cidx_store_open(struct cidx_store **out, const char *path,
    unsigned flags, struct cidx_err *err);
/*! cidx_store_close() : ends a snapshot still open; accepts NULL. */
void cidx_store_close(struct cidx_store *st);

/*! cidx_store_snapshot() :
 *  Begins a read transaction: every later read through `st` sees the
 *  workspace as it is now, whatever other processes write meanwhile, until
 *  cidx_store_snapshot_end().  A command that only reads calls it right
 *  after cidx_store_open(), so its years, framework, names and values all
 *  come from one state.  Writing functions fail inside a snapshot.
 *  Without a snapshot each read function still sees one state per call.
 *  @return 0, or CIDX_EDB. */
int cidx_store_snapshot(struct cidx_store *st, struct cidx_err *err);
/*! cidx_store_snapshot_end() : ends the snapshot, if any. */
void cidx_store_snapshot_end(struct cidx_store *st);

/*! cidx_store_init() :
 *  Sets the framework of the workspace at `path` (as
 *  cidx_store_set_framework()), creating the workspace if there is no
 *  file.  A new workspace is built in memory and written to an anonymous
 *  file (core/ofile.h) that takes the name `path` only when complete and
 *  only if nothing has it meanwhile: a failed or killed init leaves no
 *  file behind.  *created says whether the workspace is new.
 *  @return 0 or an error as cidx_store_open() and
 *  cidx_store_set_framework() give, or CIDX_EIO. */
int cidx_store_init(const char *path, const struct cidx_framework *fw,
    const char *source, int *created, struct cidx_err *err);

/*! cidx_store_set_framework() :
 *  Replaces the framework in one transaction.  Fails, changing nothing,
 *  if data exist for an indicator the new framework drops or turns into
 *  an aggregate.  `source` is recorded in meta (framework_file). */
int cidx_store_set_framework(struct cidx_store *st,
    const struct cidx_framework *fw, const char *source,
    struct cidx_err *err);

/*! cidx_store_load_framework() : CIDX_ENOWORKSPACE when none was set. */
int cidx_store_load_framework(struct cidx_store *st,
    struct cidx_framework **out, struct cidx_err *err);

struct cidx_import_stats {
	long long id;          /* import log id, 0 when nothing changed */
	long values_new, values_changed, values_removed, values_unchanged;
	long values_kept;      /* missing in the file, a value stored: kept
				  (without clear_missing) */
	long units_new, units_changed;
	long layers_new, layers_changed, layers_removed, layers_unchanged;
	int already;           /* same sha256 imported before */
	long units_before;     /* units in the workspace before the batch */
	char **unit_new;       /* the codes of the units_new units created,
				  in the order of the file */
	char **unit_like;      /* for each, a code the workspace had one edit
				  away (core/suggest.h), or NULL */
	char **attr_new;       /* attribute keys new to the workspace, from
				  text columns not in the framework */
	size_t n_attr_new;
};

/*! cidx_import_stats_release() : frees unit_new and unit_like. */
void cidx_import_stats_release(struct cidx_import_stats *ss);

/*! cidx_store_import() :
 *  Applies `n` batches in one transaction: all land or none does.  A batch
 *  that changes nothing is not logged (stats[i].id = 0).
 *  `when` is the ISO-8601 time recorded in the log.  Each batch must have
 *  been read against the workspace's framework (else CIDX_EINVAL).
 *  stats[0..n) are filled (release each with
 *  cidx_import_stats_release(), whatever the result). */
int cidx_store_import(struct cidx_store *st, struct cidx_import *const *imp,
    size_t n, const char *when, struct cidx_import_stats *stats,
    struct cidx_err *err);

/* One entry of the import log (the table imports). */
struct cidx_log_entry {
	long long id;
	char *kind;     /* "import" or "remove" */
	char *time;     /* UTC, ISO 8601 */
	char *file;     /* the file; for a removal, its filters */
	char *sha256, *layout, *encoding; /* empty for a removal */
	long rows;
	long values_new, values_changed, values_removed, values_unchanged;
	long units_new, units_changed, units_removed;
};

/*! cidx_store_log() : the import log, by id; *out owned by the caller
 *  (free with cidx_store_log_free()). */
int cidx_store_log(struct cidx_store *st, struct cidx_log_entry **out,
    size_t *n, struct cidx_err *err);
void cidx_store_log_free(struct cidx_log_entry *e, size_t n);

/* What to remove: the values matching every filter given (at least one). */
struct cidx_remove_filter {
	long long import_id; /* the values import #id last wrote; 0: any */
	const char *unit;    /* the values of this unit code; NULL: any */
	int year;            /* the values of this year; 0: any */
};

#define CIDX_REMOVE_FILTER_INIT { 0, NULL, 0 }

struct cidx_remove_count {
	int year;
	char *indicator; /* an indicator or denominator code */
	long values;
};

struct cidx_remove_stats {
	long long id;    /* log id of the removal; 0 for a dry run */
	long values;     /* values removed */
	long restored;   /* values an undone import had replaced or
			    cleared, put back */
	struct cidx_remove_count *count; /* by year, then framework order */
	size_t n_count;
	char **unit;     /* codes of the units removed, by code */
	size_t n_unit;
};

/*! cidx_store_last_change() :
 *  buf: the time of the workspace's last import or removal, as the log
 *  holds it (YYYY-MM-DDTHH:MM:SSZ), or "" when it has none.  The date
 *  of a figure or report made from the workspace (cityidx(1), ENVIRONMENT:
 *  SOURCE_DATE_EPOCH wins). */
int cidx_store_last_change(struct cidx_store *st, char buf[32],
    struct cidx_err *err);

/*! cidx_store_remove() :
 *  Removes, in one transaction, the values matching `f`, and the units
 *  left without a value that were named alone (`unit` without `year` or
 *  `import_id`) or created by import `import_id` (with their names,
 *  attributes and boundary).  Logs the removal (kind "remove", file the
 *  filters) unless `dry_run`, which changes nothing and reports what
 *  would go.  `when` is the time recorded.
 *  @return 0 and *out (release with cidx_remove_stats_release()), or
 *          CIDX_EINVAL (no filter, an import id that is not an import,
 *          a unit that is not in the workspace), CIDX_ENOTFOUND (nothing
 *          matches), CIDX_EDB. */
int cidx_store_remove(struct cidx_store *st,
    const struct cidx_remove_filter *f, int dry_run, const char *when,
    struct cidx_remove_stats *out, struct cidx_err *err);
void cidx_remove_stats_release(struct cidx_remove_stats *rs);

/* Unit outlines for maps: geom[i] is the boundary of unit code[i], or
 * NULL when it has none. */
struct cidx_boundaries {
	size_t n;
	char **code;
	struct cidx_geom **geom;
};

/*! cidx_store_load_boundaries() :
 *  The boundaries of the units `codes[0..n)`, in that order (NULL for a
 *  code without one, or not in the workspace); with `codes` NULL, every
 *  unit that has one, by code.  Each is parsed (core/geom.h); a stored
 *  text that does not parse is CIDX_EDB naming the unit.
 *  @return 0 and *out (free with cidx_boundaries_free()). */
int cidx_store_load_boundaries(struct cidx_store *st,
    const char *const *codes, size_t n, struct cidx_boundaries **out,
    struct cidx_err *err);
void cidx_boundaries_free(struct cidx_boundaries *b);

/* The base layers of maps (LAYERS FILES in man/cityidx.1), in the order
 * they were imported. */
struct cidx_layer {
	int kind;               /* enum cidx_layer_kind (core/geom.h) */
	char *name, *name_en;   /* NULL: none */
	struct cidx_geom *geom; /* NULL for a credit */
};

struct cidx_layers {
	struct cidx_layer *f;
	size_t n;
};

/*! cidx_store_load_layers() :
 *  Every stored feature, its geometry parsed; a stored text that does not
 *  parse is CIDX_EDB naming the feature.  @return 0 and *out (free with
 *  cidx_layers_free(); n is 0 when the workspace has none). */
int cidx_store_load_layers(struct cidx_store *st, struct cidx_layers **out,
    struct cidx_err *err);
void cidx_layers_free(struct cidx_layers *l);

/*! cidx_store_years() : years with indicator data, ascending; *out owned by
 *  the caller (free()). */
int cidx_store_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err);

/*! cidx_store_load_year() :
 *  The dataset of `year` (units with at least one indicator value, sorted
 *  by code, with names and attributes).  CIDX_ENOTFOUND if no data. */
int cidx_store_load_year(struct cidx_store *st,
    const struct cidx_framework *fw, int year, struct cidx_dataset **out,
    struct cidx_err *err);

/*! cidx_store_year_counts() :
 *  What cidx_store_load_year() would give as ds->n_units and
 *  cidx_dataset_counts(): the units, the indicators with a value and the
 *  values of `year`, with the same errors, counted where the values are
 *  (no names, attributes or copy).  For `years`. */
int cidx_store_year_counts(struct cidx_store *st,
    const struct cidx_framework *fw, int year, size_t *n_units,
    size_t *n_ind, size_t *n_val, struct cidx_err *err);

/* What `years` shows of a year. */
struct cidx_year_counts {
	int year;
	size_t n_units, n_ind, n_val;
};

/*! cidx_store_years_counts() :
 *  cidx_store_year_counts() of years[0..n) into out[], in one read of
 *  the workspace (its units read once, not once a year).  *done: the
 *  years counted; on an error it is the year the error names.
 *  @return 0, or the first year's error. */
int cidx_store_years_counts(struct cidx_store *st,
    const struct cidx_framework *fw, const int *years, size_t n,
    struct cidx_year_counts *out, size_t *done, struct cidx_err *err);

/*! cidx_store_units() :
 *  Every unit of the workspace, with its code and names (no attributes,
 *  no values: (*out)->x is NULL), sorted by code: for looking a unit up
 *  by name (core/lookup.h).  @return 0 or CIDX_EDB. */
int cidx_store_units(struct cidx_store *st, struct cidx_dataset **out,
    struct cidx_err *err);

/*! cidx_store_path() : the path the workspace was opened with. */
const char *cidx_store_path(const struct cidx_store *st);

/* ---- read-only SQL over the workspace (store/query.c, cityidx sql) ---- */

/* the type of a value of a query's row */
enum {
	CIDX_QNULL = 0,
	CIDX_QINT,     /* i */
	CIDX_QREAL,    /* d */
	CIDX_QTEXT,    /* s, len bytes of UTF-8 (and a '\0' after them) */
	CIDX_QBLOB     /* s, len bytes */
};

/* A value of a query's row: valid only during the callback. */
struct cidx_qval {
	int type; /* CIDX_QNULL, CIDX_QINT, CIDX_QREAL, CIDX_QTEXT, CIDX_QBLOB */
	long long i;
	double d;
	const char *s;
	size_t len;
};

/* Called with row 0, the column names (CIDX_QTEXT each), then with rows
 * 1, 2, ... of the result, n values each.  @return 0 to go on, or < 0
 * (with err set) to stop: cidx_store_query() returns that. */
typedef int (*cidx_query_row_fn)(void *ctx, long long row,
    const struct cidx_qval *v, size_t n, struct cidx_err *err);

/*! cidx_store_query() :
 *  Runs `sql`, which must be exactly one statement (blanks, ';' and
 *  comments may follow it) that only reads: writes, schema changes,
 *  ATTACH, transactions and pragmas that change something are refused
 *  when it is prepared, as is a second statement.  The rows come from
 *  one snapshot of the workspace, which may be open read-only.  Errors
 *  are CIDX_EINVAL, "sql: " and SQLite's message with the place in the
 *  query when SQLite gives one ("sql: near \"SELEC\": syntax error at
 *  column 1"), or the callback's.
 *  @return 0, or an error (the callback may have been called). */
int cidx_store_query(struct cidx_store *st, const char *sql,
    cidx_query_row_fn row, void *ctx, struct cidx_err *err);

#endif
