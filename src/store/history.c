/*
 * history.c - what each import replaced or cleared (the table
 * `replaced`, WORKSPACE SCHEMA version 4), so that removing an import
 * puts back the values it overwrote (cityidx(1), IMPORT SEMANTICS, and
 * remove).
 *
 * A row (import_id, year, unit, series, value, prev_import) says: import
 * import_id changed this cell; before it, the cell held `value` (NULL:
 * no value), written by prev_import (0: none).  The rows of one cell,
 * by import id, form a chain: each one's previous state is the state
 * the one before it left.  Undoing an import takes its rows out of the
 * chain:
 *  - it is the cell's last row and the cell still holds what the import
 *    left (its value, or no value after a clear): the previous state is
 *    put back;
 *  - a later import changed the cell since: the cell keeps the later
 *    value, and the later import's row inherits the undone one's previous
 *    state (so undoing the later one too restores what was there before
 *    both);
 *  - a later row that names the undone import as the writer of the value
 *    it replaced, where the undone import has no row (it wrote into an
 *    empty cell), now says "no value".
 * Writing into an empty cell is recorded only when the cell has rows
 * (it was cleared before): otherwise nothing was replaced.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/history.h"

void
cidx_hist_release(struct cidx_hist *h)
{
	sqlite3_finalize(h->put);
	cidx_intmap_release(&h->cells);
	memset(h, 0, sizeof(*h));
}

static uint64_t
cell_key(sqlite3_int64 uid, size_t series)
{
	return ((uint64_t)uid << 21) ^ (uint64_t)series;
}

int
cidx_hist_year(struct cidx_store *st, struct cidx_hist *h, int year,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	if (h->year == year && h->loaded)
		return 0;
	cidx_intmap_release(&h->cells);
	h->year = year;
	h->loaded = 1;
	if ((ret = cidx_db_prepare(st, &s, "SELECT DISTINCT unit, series FROM "
	    "replaced WHERE year = ?1", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "i", year)) < 0) {
		sqlite3_finalize(s);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		cidx_intmap_put(&h->cells, cell_key(sqlite3_column_int64(s, 0),
		    (size_t)sqlite3_column_int64(s, 1)), 1);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : cidx_db_err(st, err, "read replaced");
}

int
cidx_hist_record(struct cidx_store *st, struct cidx_hist *h,
    long long id, int year, sqlite3_int64 uid, size_t series, double old,
    int32_t old_import, struct cidx_err *err)
{
	size_t dummy;
	int ret;

	if (isnan(old)) {
		/* an empty cell: something was replaced only if it was
		 * cleared before */
		if ((ret = cidx_hist_year(st, h, year, err)) < 0)
			return ret;
		if (!cidx_intmap_get(&h->cells, cell_key(uid, series), &dummy))
			return 0;
		old_import = 0;
	}
	if (h->put == NULL && (ret = cidx_db_prepare(st, &h->put,
	    "INSERT OR IGNORE INTO replaced(import_id, year, unit, series, "
	    "value, prev_import) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, h->put, err, "IiIIdI", (sqlite3_int64)id,
	    year, uid, (sqlite3_int64)series, old,
	    (sqlite3_int64)old_import)) < 0 ||
	    (ret = cidx_db_done(st, h->put, "record a replaced value",
	    err)) < 0)
		return ret;
	if (h->loaded && h->year == year)
		cidx_intmap_put(&h->cells, cell_key(uid, series), 1);
	return 0;
}

int
cidx_hist_has(struct cidx_store *st, long long id, int year, int *out,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	*out = 0;
	if ((ret = cidx_db_prepare(st, &s, "SELECT 1 FROM replaced WHERE "
	    "(import_id = ?1 OR prev_import = ?1) AND year = ?2 LIMIT 1",
	    err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "Ii", (sqlite3_int64)id, year)) < 0) {
		sqlite3_finalize(s);
		return ret;
	}
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    cidx_db_err(st, err, "read replaced");
}

/* a later row of the cell inherits the undone row's previous state */
static int
splice(struct cidx_store *st, sqlite3_stmt *up, sqlite3_int64 next,
    int year, sqlite3_int64 uid, sqlite3_int64 series, sqlite3_stmt *row,
    struct cidx_err *err)
{
	double v = sqlite3_column_type(row, 2) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(row, 2);
	int ret;

	if ((ret = cidx_db_bind(st, up, err, "dIIiII", v,
	    sqlite3_column_int64(row, 3), next, year, uid, series)) < 0)
		return ret;
	return cidx_db_done(st, up, "update replaced", err);
}

/* the cell still holds what import `id` left: put the state before back */
static void
restore(struct cidx_ymat *m, long long id, sqlite3_stmt *row,
    struct cidx_hist_undone *u)
{
	sqlite3_int64 uid = sqlite3_column_int64(row, 0);
	size_t c = (size_t)sqlite3_column_int64(row, 1), r;
	double v = sqlite3_column_type(row, 2) == SQLITE_NULL ? NAN :
	    sqlite3_column_double(row, 2);
	int32_t prev = (int32_t)sqlite3_column_int64(row, 3);

	if (c >= m->ns)
		return;
	if (!cidx_intmap_get(&m->rowof, (uint64_t)uid, &r)) {
		if (isnan(v))
			return;
		r = cidx_ymat_row(m, uid);
	}
	if (!isnan(m->v[r * m->ns + c]) && cidx_ymat_import_of(m, r, c) != id)
		return;
	if (!isnan(v)) {
		u->restored++;
	} else if (!isnan(m->v[r * m->ns + c])) {
		u->removed++;
		u->per[c]++;
	}
	cidx_ymat_set(m, r, c, v, isnan(v) ? 0 : prev);
}

int
cidx_hist_undo(struct cidx_store *st, struct cidx_ymat *m, long long id,
    sqlite3_int64 unit, struct cidx_hist_undone *u, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL, *up = NULL, *orphan = NULL, *del = NULL;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &orphan, "UPDATE replaced SET value = "
	    "NULL, prev_import = 0 WHERE prev_import = ?1 AND year = ?2 AND "
	    "(?3 < 0 OR unit = ?3) AND NOT EXISTS (SELECT 1 FROM replaced x "
	    "WHERE x.import_id = ?1 AND x.year = ?2 AND x.unit = replaced.unit "
	    "AND x.series = replaced.series)", err)) < 0 ||
	    (ret = cidx_db_bind(st, orphan, err, "IiI", (sqlite3_int64)id,
	    m->year, unit)) < 0 ||
	    (ret = cidx_db_done(st, orphan, "update replaced", err)) < 0)
		goto out;
	if ((ret = cidx_db_prepare(st, &s, "SELECT r.unit, r.series, r.value, "
	    "r.prev_import, (SELECT min(x.import_id) FROM replaced x WHERE "
	    "x.year = r.year AND x.unit = r.unit AND x.series = r.series AND "
	    "x.import_id > r.import_id) FROM replaced r WHERE r.import_id = ?1 "
	    "AND r.year = ?2 AND (?3 < 0 OR r.unit = ?3)", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "IiI", (sqlite3_int64)id, m->year,
	    unit)) < 0 ||
	    (ret = cidx_db_prepare(st, &up, "UPDATE replaced SET value = ?1, "
	    "prev_import = ?2 WHERE import_id = ?3 AND year = ?4 AND "
	    "unit = ?5 AND series = ?6", err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_type(s, 4) == SQLITE_NULL)
			restore(m, id, s, u);
		else if ((ret = splice(st, up, sqlite3_column_int64(s, 4),
		    m->year, sqlite3_column_int64(s, 0),
		    sqlite3_column_int64(s, 1), s, err)) < 0)
			goto out;
	}
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read replaced");
		goto out;
	}
	if ((ret = cidx_db_prepare(st, &del, "DELETE FROM replaced WHERE "
	    "import_id = ?1 AND year = ?2 AND (?3 < 0 OR unit = ?3)",
	    err)) == 0 &&
	    (ret = cidx_db_bind(st, del, err, "IiI", (sqlite3_int64)id,
	    m->year, unit)) == 0)
		ret = cidx_db_done(st, del, "delete replaced", err);
out:
	sqlite3_finalize(s);
	sqlite3_finalize(up);
	sqlite3_finalize(orphan);
	sqlite3_finalize(del);
	return ret;
}

int
cidx_hist_forget(struct cidx_store *st, int year, sqlite3_int64 unit,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, "DELETE FROM replaced WHERE "
	    "(?1 = 0 OR year = ?1) AND (?2 < 0 OR unit = ?2)", err)) == 0 &&
	    (ret = cidx_db_bind(st, s, err, "iI", year, unit)) == 0)
		ret = cidx_db_done(st, s, "delete replaced", err);
	sqlite3_finalize(s);
	return ret;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
cidx_hist_add_years(struct cidx_store *st, long long id, int **years,
    size_t *n, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t k = *n;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT DISTINCT year FROM replaced "
	    "WHERE import_id = ?1 OR prev_import = ?1", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "I", (sqlite3_int64)id)) < 0) {
		sqlite3_finalize(s);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int y = sqlite3_column_int(s, 0), seen = 0;

		for (size_t i = 0; i < k && !seen; i++)
			seen = (*years)[i] == y;
		if (seen)
			continue;
		*years = cidx_xreallocarray(*years, k + 1, sizeof(**years));
		(*years)[k++] = y;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "read replaced");
	if (k > *n)
		qsort(*years, k, sizeof(**years), cmp_int);
	*n = k;
	return 0;
}
