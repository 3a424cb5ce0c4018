/*
 * matblob.c - a year's row of `matrices`: its blobs read in place
 * (cidx_ymat_view()) and written from a matrix (cidx_ymat_save_matrix()).
 *
 * Blob layout (format 1 little-endian, 2 big-endian: the machine's own;
 * a workspace moved to a machine of the other order reads `cells`):
 *   units    n_units int64: the unit id of each row
 *   vals     n_units x n_series binary64, row by row; NaN: no value
 *   sources  int32 triples (series, import id, number of values), by
 *            series then import: where the year's values came from
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/ystream.h"

/* blobs of more than this are not kept: the year is read from cells */
#define MATRIX_MAX ((size_t)256 << 20)

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

/* The contents of a row whose shape is right checked (ystream.h); a
 * row that fails is not ours: the year is read from cells. */
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

	*state = CIDX_MATROW_CELLS;
	*sp = NULL;
	if ((ret = cidx_db_prepare(st, &s, streamed ? "SELECT (SELECT "
	    "count(*) FROM stale_years WHERE year = ?1), (SELECT format FROM "
	    "matrices WHERE year = ?1), n_units, n_series, sources, units, "
	    "typeof(vals), length(vals) FROM (SELECT 1) LEFT JOIN matrices ON "
	    "year = ?1" : "SELECT (SELECT count(*) FROM stale_years WHERE "
	    "year = ?1), (SELECT format FROM matrices WHERE year = ?1), "
	    "n_units, n_series, sources, units, vals FROM (SELECT 1) LEFT JOIN "
	    "matrices ON year = ?1", err)) < 0)
		return ret;
	*sp = s;
	if ((ret = cidx_db_bind(st, s, err, "i", year)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW)
		return cidx_db_err(st, err, "read matrix");
	if (sqlite3_column_int(s, 0) != 0)
		return 0; /* stale */
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
		return 0; /* not ours: read cells */
	*state = CIDX_MATROW_READ;
	return 0;
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
		goto fail; /* not ours: read cells */
	nsrc = nsb / 12;
	out->n = nub / 8;
	out->ns = (size_t)sqlite3_column_int64(s, 3);
	out->uid = aligned(uid, nub, sizeof(*out->uid), &out->own[0]);
	out->v = aligned(v, nvb, sizeof(*out->v), &out->own[1]);
	out->src = aligned(src, nsb, sizeof(*out->src), &out->own[2]);
	out->nsrc = nsrc;
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
	for (size_t i = 0; i < 3; i++)
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

int
cidx_ymat_save_matrix(struct cidx_store *st, const struct cidx_ymat *m,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t ns = m->ns, n = 0, nsrc = 0;
	sqlite3_int64 *uid = NULL;
	double *v = NULL;
	int32_t *src = NULL;
	unsigned char *keep = NULL;
	int ret = 0;

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
		goto fresh;
	}
	if (n * ns * 8 > MATRIX_MAX) {
		/* too large to keep: stale, read from cells */
		ret = exec_year(st, "INSERT OR IGNORE INTO stale_years "
		    "VALUES (?1)", m->year, err);
		goto out;
	}
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
	src = cidx_ymat_sources(m, &nsrc);
	qsort(src, nsrc, 3 * sizeof(*src), cmp_src);
	/* the values written into a zeroblob: bound, SQLite would copy
	 * them into its record first (as much memory again) */
	if ((ret = cidx_db_prepare(st, &s, "INSERT OR REPLACE INTO "
	    "matrices(year, format, n_units, n_series, sources, units, vals) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, zeroblob(?7))", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "iiIIBBI", m->year,
	    cidx_ymat_format(), (sqlite3_int64)n, (sqlite3_int64)ns,
	    (const void *)src, 3 * nsrc * sizeof(*src),
	    (const void *)(uid ? uid : m->uid), n * sizeof(*uid),
	    (sqlite3_int64)(n * ns * sizeof(*v)))) < 0 ||
	    (ret = cidx_db_done(st, s, "save matrix", err)) < 0 ||
	    (ret = cidx_matrix_write(st, m->year, v ? v : m->v,
	    n * ns * sizeof(*v), err)) < 0)
		goto out;
fresh:
	if (ret == 0)
		ret = exec_year(st, "DELETE FROM stale_years WHERE year = ?1",
		    m->year, err);
out:
	sqlite3_finalize(s);
	free(keep);
	free(uid);
	free(v);
	free(src);
	return ret;
}
