/*
 * yearmatrix.c - the values of a year in memory (struct cidx_ymat), read
 * from the workspace (WORKSPACE SCHEMA in man/cityidx.1) and changed.
 *
 * `matrices` holds each year as one row of blobs: the values, the units
 * and the import of each value (store/matblob.c, store/matimports.c), so
 * that loading a year is one read; the import writes it in one
 * transaction (store/matblob.c).  `cells` (64 values a row, schemas 2 to
 * 5) is read only by the migration to version 6.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"

static struct cidx_ymat *
ymat_new(int year, size_t ns)
{
	struct cidx_ymat *m = cidx_xcalloc(1, sizeof(*m));

	m->year = year;
	m->ns = ns;
	m->nch = (ns + CIDX_CHUNK - 1) / CIDX_CHUNK;
	m->rowof = (struct cidx_intmap)CIDX_INTMAP_INIT;
	m->prov = (struct cidx_intmap)CIDX_INTMAP_INIT;
	return m;
}

void
cidx_ymat_free(struct cidx_ymat *m)
{
	if (m == NULL)
		return;
	free(m->uid);
	free(m->v);
	free(m->imp);
	free(m->dirty);
	cidx_intmap_release(&m->rowof);
	cidx_intmap_release(&m->prov);
	free(m->pend);
	free(m->touched);
	free(m);
}

static void
reserve(struct cidx_ymat *m, size_t n)
{
	size_t ns = m->ns ? m->ns : 1, nc = m->nch ? m->nch : 1;
	size_t cap = m->cap;

	if (n <= cap)
		return;
	cap = cap ? cap : 64;
	while (cap < n)
		cap *= 2;
	m->uid = cidx_xreallocarray(m->uid, cap, sizeof(*m->uid));
	m->v = cidx_xreallocarray(m->v, cap, ns * sizeof(*m->v));
	if (m->imp)
		m->imp = cidx_xreallocarray(m->imp, cap, ns * sizeof(*m->imp));
	m->dirty = cidx_xreallocarray(m->dirty, cap, nc);
	m->cap = cap;
}

/* A new row: with `blank` all NaN without imports, else for the caller
 * to fill. */
static size_t
add_row(struct cidx_ymat *m, sqlite3_int64 uid, int blank)
{
	size_t r;

	reserve(m, m->n + 1);
	r = m->n++;
	m->uid[r] = uid;
	if (blank) {
		for (size_t s = 0; s < m->ns; s++)
			m->v[r * m->ns + s] = NAN;
		if (m->imp)
			memset(m->imp + r * m->ns, 0, m->ns * sizeof(*m->imp));
	}
	memset(m->dirty + r * m->nch, 0, m->nch);
	cidx_intmap_put(&m->rowof, (uint64_t)uid, r);
	return r;
}

/* the import of each value kept one by one from now on (imp_all for the
 * values so far, 0 where there is none) */
static void
imp_alloc(struct cidx_ymat *m)
{
	size_t ns = m->ns ? m->ns : 1, cap = m->cap ? m->cap : 1;

	if (m->imp)
		return;
	m->imp = cidx_xcalloc(cap, ns * sizeof(*m->imp));
	for (size_t i = 0; m->imp_all && i < m->n * m->ns; i++)
		m->imp[i] = isnan(m->v[i]) ? 0 : m->imp_all;
}

size_t
cidx_ymat_row(struct cidx_ymat *m, sqlite3_int64 uid)
{
	size_t r;

	if (cidx_intmap_get(&m->rowof, (uint64_t)uid, &r))
		return r;
	return add_row(m, uid, 1);
}

static uint64_t
prov_key(size_t series, int32_t id)
{
	return (uint64_t)series << 32 | (uint32_t)id;
}

static void
prov_add(struct cidx_ymat *m, size_t series, int32_t id, long k)
{
	size_t n = 0;

	cidx_intmap_get(&m->prov, prov_key(series, id), &n);
	cidx_intmap_put(&m->prov, prov_key(series, id), (size_t)((long)n + k));
}

/* one more value of import id in series c: counted in pend, for prov
 * when the import changes or prov is read (two hash look-ups a value
 * otherwise) */
static void
prov_inc(struct cidx_ymat *m, size_t c, int32_t id)
{
	if (id != m->pid)
		cidx_ymat_prov(m);
	m->pid = id;
	if (m->pend == NULL) {
		m->pend = cidx_xcalloc(m->ns ? m->ns : 1, sizeof(*m->pend));
		m->touched = cidx_xcalloc(m->ns ? m->ns : 1,
		    sizeof(*m->touched));
	}
	if (m->pend[c]++ == 0)
		m->touched[m->ntouched++] = c;
}

void
cidx_ymat_prov(struct cidx_ymat *m)
{
	for (size_t i = 0; i < m->ntouched; i++) {
		size_t c = m->touched[i];

		prov_add(m, c, m->pid, (long)m->pend[c]);
		m->pend[c] = 0;
	}
	m->ntouched = 0;
}

int
cidx_series_count(struct cidx_store *st, size_t *out, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	*out = 0;
	if ((ret = cidx_db_prepare(st, &s, "SELECT min(id), max(id) FROM "
	    "series", err)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = cidx_db_err(st, err, "read series");
	} else if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
		sqlite3_int64 lo = sqlite3_column_int64(s, 0);
		sqlite3_int64 hi = sqlite3_column_int64(s, 1);

		/* the ids size every year's matrix: one far out would ask
		 * for more memory than there is */
		if (lo < 0 || hi >= CIDX_SERIES_MAX)
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': "
			    "table 'series': id %lld is out of range (0 to "
			    "%d)", st->path, (long long)(lo < 0 ? lo : hi),
			    CIDX_SERIES_MAX - 1);
		else
			*out = (size_t)hi + 1;
	}
	sqlite3_finalize(s);
	return ret;
}

/* The years the query `sql` lists, in its order (caller frees); `what`
 * names a failed read. */
static int
year_list(struct cidx_store *st, const char *sql, const char *what,
    int **out, size_t *n, struct cidx_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int ret, rc;

	*out = NULL;
	*n = 0;
	if ((ret = cidx_db_prepare(st, &s, sql, err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, cap);
		(*out)[(*n)++] = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return cidx_db_err(st, err, what);
	}
	return 0;
}

/* "unit 'X', indicator 'Y'" for a message about value v<k> of a row of
 * cells (chunk >= 0 as stored: the series may not exist, nor fit). */
static void
where(struct cidx_store *st, sqlite3_int64 uid, sqlite3_int64 chunk, int k,
    char *buf, size_t n)
{
	sqlite3_stmt *s = NULL;
	const unsigned char *u = NULL, *i = NULL;
	int fits = chunk <= (INT64_MAX - CIDX_CHUNK) / CIDX_CHUNK;
	sqlite3_int64 col = fits ? chunk * CIDX_CHUNK + k : -1;
	char ub[64], ib[96];

	if (sqlite3_prepare_v2(st->db, "SELECT (SELECT code FROM units WHERE "
	    "id = ?1), (SELECT code FROM series WHERE id = ?2)", -1, &s,
	    NULL) == SQLITE_OK && sqlite3_bind_int64(s, 1, uid) == SQLITE_OK &&
	    sqlite3_bind_int64(s, 2, col) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		u = sqlite3_column_text(s, 0);
		i = sqlite3_column_text(s, 1);
	}
	snprintf(ub, sizeof(ub), "unit id %lld", (long long)uid);
	if (fits)
		snprintf(ib, sizeof(ib), "series %lld", (long long)col);
	else
		snprintf(ib, sizeof(ib), "chunk %lld, column v%d",
		    (long long)chunk, k);
	snprintf(buf, n, "%s%s%s, %s%s%s", u ? "unit '" : "",
	    u ? (const char *)u : ub, u ? "'" : "", i ? "indicator '" : "",
	    i ? (const char *)i : ib, i ? "'" : "");
	sqlite3_finalize(s);
}

/* Prepares the read of the year's rows of `cells`: unit, chunk, the
 * values v0.. (with `values`), the imports i0..; the caller finalizes *s,
 * even on failure. */
static int
cells_read(struct cidx_store *st, int year, int values, sqlite3_stmt **s,
    struct cidx_err *err)
{
	struct sbuf sql = SBUF_INIT;
	int ret;

	cidx_sbuf_adds(&sql, "SELECT unit, chunk");
	for (int k = 0; values && k < CIDX_CHUNK; k++)
		cidx_sbuf_addf(&sql, ", v%d", k);
	for (int k = 0; k < CIDX_CHUNK; k++)
		cidx_sbuf_addf(&sql, ", i%d", k);
	cidx_sbuf_adds(&sql, " FROM cells WHERE year = ?1");
	ret = cidx_db_prepare(st, s, sql.buf, err);
	cidx_sbuf_release(&sql);
	if (ret < 0)
		return ret;
	return cidx_db_bind(st, *s, err, "i", year);
}

/* The year from `cells`: every value checked, since by other hands
 * anything may have been written there. */
static int
from_cells(struct cidx_store *st, struct cidx_ymat *m, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	imp_alloc(m);
	if ((ret = cells_read(st, m->year, 1, &s, err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 uid = sqlite3_column_int64(s, 0);
		sqlite3_int64 chunk = sqlite3_column_int64(s, 1);
		size_t r = (size_t)-1;

		if (sqlite3_column_type(s, 0) != SQLITE_INTEGER ||
		    sqlite3_column_type(s, 1) != SQLITE_INTEGER || chunk < 0) {
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': "
			    "cells of %d: a unit or chunk that is not a whole "
			    "number", st->path, m->year);
			goto out;
		}
		for (int k = 0; k < CIDX_CHUNK; k++) {
			int t = sqlite3_column_type(s, 2 + k);
			/* a chunk past every series: no multiplication */
			size_t col = (uint64_t)chunk < m->nch ?
			    (size_t)chunk * CIDX_CHUNK + (size_t)k : m->ns;
			int32_t id;
			double v;

			if (t == SQLITE_NULL)
				continue;
			v = sqlite3_column_double(s, 2 + k);
			if ((t != SQLITE_FLOAT && t != SQLITE_INTEGER) ||
			    !isfinite(v) || col >= m->ns) {
				char w[256];

				where(st, uid, chunk, k, w, sizeof(w));
				ret = cidx_err_set(err, CIDX_EDB, "workspace "
				    "'%s': %s, year %d: value '%s'%s", st->path,
				    w, m->year,
				    (const char *)sqlite3_column_text(s, 2 + k),
				    col >= m->ns ? " of a series that is not in "
				    "series" : " is not a number");
				goto out;
			}
			if (r == (size_t)-1)
				r = cidx_ymat_row(m, uid);
			id = sqlite3_column_type(s, 2 + CIDX_CHUNK + k) ==
			    SQLITE_INTEGER ? (int32_t)sqlite3_column_int64(s,
			    2 + CIDX_CHUNK + k) : 0;
			m->v[r * m->ns + col] = v;
			m->imp[r * m->ns + col] = id;
			prov_add(m, col, id, 1);
		}
	}
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read cells");
out:
	sqlite3_finalize(s);
	return ret;
}

int
cidx_ymat_damaged(struct cidx_store *st, int year, const char *why,
    struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': the values of %d "
	    "are damaged (table 'matrices': %s); nothing was read or "
	    "changed: restore the workspace from a copy, or import that "
	    "year's files into a new one", st->path, year, why);
}

/* the imports of the view's values into m's rows (m as wide as the view
 * or wider) */
static int
view_imports(struct cidx_ymat *m, const struct cidx_yview *w)
{
	int32_t *imp = m->imp;
	int ret;

	if (w->n == 0)
		return 0;
	if (w->imps == NULL)
		return -1;
	if (w->ns != m->ns)
		imp = cidx_xcalloc(w->n * w->ns, sizeof(*imp));
	ret = cidx_runs_decode(w->imps, w->npairs, w->v, w->n * w->ns, imp);
	if (imp != m->imp) {
		for (size_t r = 0; r < w->n; r++) {
			int32_t *row = m->imp + r * m->ns;

			memcpy(row, imp + r * w->ns, w->ns * sizeof(*row));
			for (size_t c = w->ns; c < m->ns; c++)
				row[c] = 0;
		}
		free(imp);
	}
	return ret;
}

/* The year from `matrices`, the import of every value with it; a row
 * that does not agree with itself is an error (there is no other copy). */
static int
from_matrix(struct cidx_store *st, struct cidx_ymat *m, struct cidx_err *err)
{
	struct cidx_yview w;
	int ret;

	if ((ret = cidx_ymat_view(st, m->year, m->ns, &w, err)) < 0)
		return ret;
	if (!w.ok)
		return cidx_ymat_damaged(st, m->year, CIDX_DAMAGED_ROW, err);
	reserve(m, w.n);
	if (w.n > 0)
		imp_alloc(m);
	for (size_t r = 0; r < w.n; r++) {
		double *row;

		add_row(m, w.uid[r], 0);
		row = m->v + r * m->ns;
		memcpy(row, w.v + r * w.ns, w.ns * sizeof(*row));
		for (size_t c = w.ns; c < m->ns; c++)
			row[c] = NAN;
	}
	if (view_imports(m, &w) < 0) {
		cidx_ymat_view_end(&w);
		return cidx_ymat_damaged(st, m->year, "the imports of its "
		    "values do not agree with them", err);
	}
	for (size_t i = 0; i < w.nsrc; i++)
		prov_add(m, (size_t)w.src[3 * i], w.src[3 * i + 1],
		    w.src[3 * i + 2]);
	cidx_ymat_view_end(&w);
	return 0;
}

int
cidx_ymat_load(struct cidx_store *st, int year, size_t ns,
    struct cidx_ymat **out, struct cidx_err *err)
{
	struct cidx_ymat *m = ymat_new(year, ns);
	int ret;

	*out = NULL;
	if ((ret = from_matrix(st, m, err)) < 0) {
		cidx_ymat_free(m);
		return ret;
	}
	*out = m;
	return 0;
}

int
cidx_ymat_load_cells(struct cidx_store *st, int year, size_t ns,
    struct cidx_ymat **out, struct cidx_err *err)
{
	struct cidx_ymat *m = ymat_new(year, ns);
	int ret;

	*out = NULL;
	if ((ret = from_cells(st, m, err)) < 0) {
		cidx_ymat_free(m);
		return ret;
	}
	*out = m;
	return 0;
}

int
cidx_ymat_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err)
{
	return year_list(st, "SELECT year FROM matrices ORDER BY year",
	    "read years", out, n, err);
}

int32_t
cidx_ymat_import_of(const struct cidx_ymat *m, size_t r, size_t c)
{
	if (m->imp == NULL)
		return isnan(m->v[r * m->ns + c]) ? 0 : m->imp_all;
	return m->imp[r * m->ns + c];
}

void
cidx_ymat_set(struct cidx_ymat *m, size_t r, size_t c, double v, int32_t id)
{
	size_t at = r * m->ns + c, ch = c / CIDX_CHUNK;

	if (m->imp == NULL && !isnan(v) && m->imp_all != id) {
		/* imp_all 0 without imp: no value yet */
		if (m->imp_all == 0)
			m->imp_all = id;
		else
			imp_alloc(m);
	}
	if (!isnan(m->v[at])) {
		int32_t old = cidx_ymat_import_of(m, r, c);

		/* counted before it is taken off: no count below 0 */
		if (old == m->pid && m->ntouched > 0)
			cidx_ymat_prov(m);
		prov_add(m, c, old, -1);
	}
	if (isnan(v))
		id = 0;
	else
		prov_inc(m, c, id);
	m->v[at] = v;
	if (m->imp)
		m->imp[at] = id;
	m->dirty[r * m->nch + ch] = 1;
	m->changed = 1;
}
