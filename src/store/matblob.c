/*
 * matblob.c - a year's row of `matrices`, the only copy of its values
 * (schema 6): its blobs read in place (cidx_ymat_view()) and written from
 * a matrix (cidx_ymat_save()).
 *
 * Blob layout (format 1 little-endian, 2 big-endian: the machine's own;
 * a workspace of the other order is refused as damaged):
 *   units    n_units int64: the unit id of each row
 *   vals     n_units x n_series binary64, row by row; NaN: no value
 *   sources  int32 triples (series, import id, number of values), by
 *            series then import: where the year's values came from
 *   imports  int32 pairs (count, import id), run-length coded over the
 *            cells of vals (store/matimports.c)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/ystream.h"

/* a year's values in bytes: at most what a blob may hold (SQLite's
 * default SQLITE_MAX_LENGTH, and below INT_MAX for its blob I/O) */
#define MATRIX_MAX ((size_t)1000000000)

int
cidx_ymat_format(void)
{
	const uint16_t one = 1;

	return *(const unsigned char *)&one ? 1 : 2;
}

int
cidx_ymat_shape_ok(int format, sqlite3_int64 n, sqlite3_int64 k,
    size_t ns, size_t src_bytes, size_t uid_bytes, size_t val_bytes)
{
	/* no product of the stored counts, which may be anything: quotients
	 * of the blob lengths instead.  A row is written only for a year
	 * with values: n and k are at least 1. */
	if (format != cidx_ymat_format() || n <= 0 || k <= 0 ||
	    (uint64_t)k > ns || src_bytes % 12 != 0 || uid_bytes % 8 != 0 ||
	    (uint64_t)n != uid_bytes / 8 || val_bytes % 8 != 0)
		return 0;
	return (val_bytes / 8) % (uint64_t)k == 0 &&
	    (val_bytes / 8) / (uint64_t)k == (uint64_t)n;
}

/* A blob as an array of `size`-byte numbers: in place when SQLite's copy
 * is aligned for them, else copied into *own (freed by view_end). */
static const void *
aligned(const void *p, size_t bytes, size_t size, void **own)
{
	if (p == NULL || (uintptr_t)p % size == 0)
		return p;
	*own = cidx_xmalloc(bytes);
	memcpy(*own, p, bytes);
	return *own;
}

/* The contents of a row whose shape is right checked (ystream.h). */
static int
content_ok(const struct cidx_yview *w)
{
	struct cidx_ycheck c;

	cidx_ycheck_begin(&c, w->ns, w->uid, w->n, w->src, w->nsrc);
	cidx_ycheck_rows(&c, w->v, w->n);
	return cidx_ycheck_end(&c);
}

int
cidx_matrow_step(struct cidx_store *st, int year, int streamed,
    sqlite3_stmt **sp, int *state, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret;

	*state = CIDX_MATROW_BAD;
	*sp = NULL;
	if ((ret = cidx_db_prepare(st, &s, streamed ? "SELECT 0, (SELECT "
	    "format FROM matrices WHERE year = ?1), n_units, n_series, "
	    "sources, units, typeof(vals), length(vals) FROM (SELECT 1) LEFT "
	    "JOIN matrices ON year = ?1" : "SELECT 0, (SELECT format FROM "
	    "matrices WHERE year = ?1), n_units, n_series, sources, units, "
	    "vals, imports FROM (SELECT 1) LEFT JOIN matrices ON year = ?1",
	    err)) < 0)
		return ret;
	*sp = s;
	if ((ret = cidx_db_bind(st, s, err, "i", year)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW)
		return cidx_db_err(st, err, "read matrix");
	if (sqlite3_column_type(s, 1) == SQLITE_NULL) {
		*state = CIDX_MATROW_NONE;
		return 0;
	}
	/* the types first: reading a value may convert it */
	if (sqlite3_column_type(s, 1) != SQLITE_INTEGER ||
	    sqlite3_column_type(s, 2) != SQLITE_INTEGER ||
	    sqlite3_column_type(s, 3) != SQLITE_INTEGER ||
	    sqlite3_column_type(s, 4) != SQLITE_BLOB ||
	    sqlite3_column_type(s, 5) != SQLITE_BLOB ||
	    (streamed ? strcmp((const char *)sqlite3_column_text(s, 6),
	    "blob") != 0 : sqlite3_column_type(s, 6) != SQLITE_BLOB))
		return 0; /* not ours */
	*state = CIDX_MATROW_READ;
	return 0;
}

/* the row's `imports` (column 7) into the view, when it is a blob of
 * whole pairs (the decoding checks the rest) */
static void
view_imports(sqlite3_stmt *s, struct cidx_yview *w)
{
	const void *p;
	size_t nb;

	if (sqlite3_column_type(s, 7) != SQLITE_BLOB)
		return;
	p = sqlite3_column_blob(s, 7);
	nb = (size_t)sqlite3_column_bytes(s, 7);
	if (p == NULL || nb == 0 || nb % 8 != 0)
		return;
	w->imps = aligned(p, nb, sizeof(*w->imps), &w->own[3]);
	w->npairs = nb / 8;
}

int
cidx_ymat_view(struct cidx_store *st, int year, size_t ns,
    struct cidx_yview *out, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	const void *src, *uid, *v;
	size_t nsrc, nsb, nub, nvb;
	int ret, state = 0;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_matrow_step(st, year, 0, &s, &state, err)) < 0 ||
	    state != CIDX_MATROW_READ) {
		out->ok = state == CIDX_MATROW_NONE;
		goto fail;
	}
	src = sqlite3_column_blob(s, 4);
	nsb = (size_t)sqlite3_column_bytes(s, 4);
	uid = sqlite3_column_blob(s, 5);
	nub = (size_t)sqlite3_column_bytes(s, 5);
	v = sqlite3_column_blob(s, 6);
	nvb = (size_t)sqlite3_column_bytes(s, 6);
	if ((nsb > 0 && src == NULL) || (nub > 0 && uid == NULL) ||
	    (nvb > 0 && v == NULL)) {
		ret = cidx_db_err(st, err, "read matrix");
		goto fail;
	}
	if (!cidx_ymat_shape_ok(sqlite3_column_int(s, 1),
	    sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3), ns, nsb,
	    nub, nvb))
		goto fail; /* not ours */
	nsrc = nsb / 12;
	out->n = nub / 8;
	out->ns = (size_t)sqlite3_column_int64(s, 3);
	out->uid = aligned(uid, nub, sizeof(*out->uid), &out->own[0]);
	out->v = aligned(v, nvb, sizeof(*out->v), &out->own[1]);
	out->src = aligned(src, nsb, sizeof(*out->src), &out->own[2]);
	out->nsrc = nsrc;
	view_imports(s, out);
	out->stmt = s;
	if (!content_ok(out)) {
		cidx_ymat_view_end(out);
		return 0;
	}
	out->ok = 1;
	return 0;
fail:
	sqlite3_finalize(s);
	return ret;
}

void
cidx_ymat_view_end(struct cidx_yview *w)
{
	sqlite3_finalize(w->stmt);
	for (size_t i = 0; i < 4; i++)
		free(w->own[i]);
	memset(w, 0, sizeof(*w));
}

int32_t *
cidx_ymat_sources(const struct cidx_ymat *m, size_t *n)
{
	int32_t *src = cidx_xcalloc(3 * m->prov.n + 3, sizeof(*src));

	*n = 0;
	for (size_t k = 0; k < m->prov.cap; k++) {
		if (m->prov.val[k] <= 1)
			continue;
		src[3 * *n] = (int32_t)(m->prov.key[k] >> 32);
		src[3 * *n + 1] = (int32_t)(uint32_t)m->prov.key[k];
		src[3 * *n + 2] = (int32_t)(m->prov.val[k] - 1);
		(*n)++;
	}
	return src;
}

static int
cmp_src(const void *a, const void *b)
{
	const int32_t *x = a, *y = b;

	if (x[0] != y[0])
		return (x[0] > y[0]) - (x[0] < y[0]);
	return (x[1] > y[1]) - (x[1] < y[1]);
}

static int
exec_year(struct cidx_store *st, const char *sql, int year,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, sql, err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "i", year)) == 0)
		ret = cidx_db_done(st, s, "save matrix", err);
	sqlite3_finalize(s);
	return ret;
}

/* the year's row as one statement; the values go into a zeroblob:
 * bound, SQLite would copy them into its record first (as much memory
 * again) */
static int
put_row(struct cidx_store *st, int year, size_t n, size_t ns,
    const sqlite3_int64 *uid, const double *v, const struct cidx_ymat *m,
    const struct cidx_runs *runs, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t nsrc = 0;
	int32_t *src = cidx_ymat_sources(m, &nsrc);
	int ret;

	qsort(src, nsrc, 3 * sizeof(*src), cmp_src);
	if ((ret = cidx_db_prepare(st, &s, "INSERT OR REPLACE INTO "
	    "matrices(year, format, n_units, n_series, sources, units, "
	    "imports, vals) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, zeroblob(?7))",
	    err)) == 0 &&
	    (ret = cidx_db_bind(st, s, err, "iiIIBBIB", year,
	    cidx_ymat_format(), (sqlite3_int64)n, (sqlite3_int64)ns,
	    (const void *)src, 3 * nsrc * sizeof(*src), (const void *)uid,
	    n * sizeof(*uid), (sqlite3_int64)(n * ns * sizeof(*v)),
	    (const void *)runs->p, runs->n * sizeof(*runs->p))) == 0 &&
	    (ret = cidx_db_done(st, s, "save matrix", err)) == 0)
		ret = cidx_matrix_write(st, year, v, n * ns * sizeof(*v), err);
	sqlite3_finalize(s);
	free(src);
	return ret;
}

/* the kept rows' imports coded (imp is freed then: a third less memory
 * while SQLite copies the values) */
static void
code_imports(struct cidx_ymat *m, const unsigned char *keep,
    struct cidx_runs *runs)
{
	for (size_t r = 0; r < m->n; r++)
		if (keep[r])
			cidx_runs_add(runs, m->v + r * m->ns,
			    m->imp ? m->imp + r * m->ns : NULL, m->imp_all,
			    m->ns);
	cidx_runs_end(runs);
	free(m->imp);
	m->imp = NULL;
}

int
cidx_ymat_save(struct cidx_store *st, struct cidx_ymat *m,
    struct cidx_err *err)
{
	struct cidx_runs runs = { NULL, 0, 0, 0, 0 };
	size_t ns = m->ns, n = 0;
	sqlite3_int64 *uid = NULL;
	double *v = NULL;
	unsigned char *keep = NULL;
	int ret = 0;

	if (!m->changed)
		return 0;
	cidx_ymat_prov(m);
	/* the rows that still hold a value */
	keep = cidx_xcalloc(m->n ? m->n : 1, 1);
	for (size_t r = 0; r < m->n; r++) {
		for (size_t c = 0; c < ns && !keep[r]; c++)
			keep[r] = !isnan(m->v[r * ns + c]);
		n += keep[r];
	}
	if (n == 0) {
		ret = exec_year(st, "DELETE FROM matrices WHERE year = ?1",
		    m->year, err);
		goto out;
	}
	if (ns > MATRIX_MAX / 8 / n) {
		ret = cidx_err_set(err, CIDX_EINVAL, "year %d would hold %zu "
		    "units x %zu series: more than the %zu values a year of a "
		    "workspace can hold", m->year, n, ns, MATRIX_MAX / 8);
		goto out;
	}
	code_imports(m, keep, &runs);
	if (n < m->n) { /* rows to drop: the kept ones copied together */
		uid = cidx_xcalloc(n, sizeof(*uid));
		v = cidx_xcalloc(n * ns + 1, sizeof(*v));
		n = 0;
		for (size_t r = 0; r < m->n; r++) {
			if (!keep[r])
				continue;
			uid[n] = m->uid[r];
			memcpy(v + n * ns, m->v + r * ns, ns * sizeof(*v));
			n++;
		}
	}
	ret = put_row(st, m->year, n, ns, uid ? uid : m->uid, v ? v : m->v, m,
	    &runs, err);
out:
	cidx_runs_release(&runs);
	free(keep);
	free(uid);
	free(v);
	return ret;
}
