/*
 * history.h - the values each import replaced or cleared, for undoing it
 * (store/history.c; cityidx(1), IMPORT SEMANTICS).  Internal to the
 * store.
 */
#ifndef CIDX_STORE_HISTORY_H
#define CIDX_STORE_HISTORY_H

#include <stdint.h>

#include <sqlite3.h>

#include "core/err.h"
#include "core/intmap.h"
#include "store/internal.h"

/* the recording side of an import: the cells of one year that have
 * history, and the insert statement */
struct cidx_hist {
	sqlite3_stmt *put;
	struct cidx_intmap cells;
	int year, loaded;
};

#define CIDX_HIST_INIT { NULL, CIDX_INTMAP_INIT, 0, 0 }

void cidx_hist_release(struct cidx_hist *h);

/*! cidx_hist_year() : loads the cells of `year` that have history. */
int cidx_hist_year(struct cidx_store *st, struct cidx_hist *h, int year,
    struct cidx_err *err);

/*! cidx_hist_record() : import `id` replaces (or clears) the value `old`
 *  (NaN: none) of a cell, written by `old_import`.  Into an empty cell,
 *  a row is written only when the cell has history. */
int cidx_hist_record(struct cidx_store *st, struct cidx_hist *h,
    long long id, int year, sqlite3_int64 uid, size_t series, double old,
    int32_t old_import, struct cidx_err *err);

/*! cidx_hist_has() : *out 1 when import `id` replaced or cleared a value
 *  of `year`. */
int cidx_hist_has(struct cidx_store *st, long long id, int year, int *out,
    struct cidx_err *err);

/* what undoing an import did to a year's cells */
struct cidx_hist_undone {
	long restored;  /* values put back */
	long removed;   /* values of the import taken out (the cell had
			   none before it) */
	long *per;      /* removed, per series (the caller's, ns long) */
};

/*! cidx_hist_undo() : undoes import `id` in the year of `m` (for the unit
 *  `unit` only when >= 0): cells that still hold what it left get their
 *  state before it back; later history inherits its previous states; its
 *  rows go.  Cells it wrote that had no history are left to the caller
 *  (they become empty). */
int cidx_hist_undo(struct cidx_store *st, struct cidx_ymat *m, long long id,
    sqlite3_int64 unit, struct cidx_hist_undone *u, struct cidx_err *err);

/*! cidx_hist_add_years() : adds to the ascending list years[0..*n) the
 *  years where import `id` has history (rows of its own, or as the writer
 *  of a value a later import replaced), kept ascending. */
int cidx_hist_add_years(struct cidx_store *st, long long id, int **years,
    size_t *n, struct cidx_err *err);

/*! cidx_hist_forget() : drops the history of the cells of `year` (0: every
 *  year) and `unit` (< 0: every unit), whose values are removed. */
int cidx_hist_forget(struct cidx_store *st, int year, sqlite3_int64 unit,
    struct cidx_err *err);

#endif
