/*
 * matstream.c - a year's row of `matrices` read a block of rows at a time
 * into the caller's memory, and the check of a row's contents
 * (ystream.h; the blob layout is in matblob.c).
 *
 * Reading the values blob whole (sqlite3_column_blob()) makes SQLite
 * assemble it in memory of its own, and through the memory map the pages
 * it was read from stay resident too: a year of 30,000 x 400 was held
 * three times (issue 17).  Incremental blob I/O reads it straight into
 * the buffer the caller fills, and for a large year the memory map is off
 * while it is read.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/intmap.h"
#include "core/mem.h"
#include "store/ystream.h"

/* values of more bytes than this are read without the memory map and
 * through a page cache of 1 MiB, not 16 (each page is read once) */
#define UNMAP_ABOVE ((size_t)16 << 20)

void
cidx_ycheck_begin(struct cidx_ycheck *c, size_t ns, const sqlite3_int64 *uid,
    size_t n, const int32_t *src, size_t nsrc)
{
	struct cidx_intmap seen = CIDX_INTMAP_INIT;
	size_t dummy;
	int sorted = 1;

	c->ns = ns;
	c->ok = 1;
	c->count = cidx_xcalloc(ns + 1, sizeof(*c->count));
	c->used = cidx_xcalloc(ns + 1, sizeof(*c->used));
	for (size_t i = 0; i < nsrc && c->ok; i++) {
		const int32_t *t = src + 3 * i;

		if (t[0] < 0 || (size_t)t[0] >= ns || t[2] < 0)
			c->ok = 0;
		else
			c->count[t[0]] += (uint64_t)t[2];
	}
	/* units in ascending order (as an import writes them) are each
	 * there once; the others are looked up */
	for (size_t r = 1; r < n && sorted; r++)
		sorted = uid[r - 1] < uid[r];
	for (size_t r = 0; r < n && c->ok && !sorted; r++)
		if (!cidx_intmap_add(&seen, (uint64_t)uid[r], r, &dummy))
			c->ok = 0;
	cidx_intmap_release(&seen);
}

void
cidx_ycheck_rows(struct cidx_ycheck *c, const double *v, size_t nr)
{
	const uint64_t inf = UINT64_C(0x7ff0000000000000);
	const uint64_t mag = ~(UINT64_C(1) << 63);

	/* the values of each series counted, compared with the sources at
	 * the end; an infinity is the only non-finite value that is not NaN.
	 * On the bits of each value (|bits| > those of infinity: NaN, equal:
	 * an infinity), without a branch per value. */
	for (size_t r = 0; r < nr && c->ok; r++) {
		const double *row = v + r * c->ns;
		uint64_t bad = 0;

		for (size_t k = 0; k < c->ns; k++) {
			uint64_t b;

			memcpy(&b, &row[k], sizeof(b));
			b &= mag;
			c->used[k] += b <= inf;
			bad |= b == inf;
		}
		c->ok = !bad;
	}
}

int
cidx_ycheck_end(struct cidx_ycheck *c)
{
	int ok = c->ok;

	for (size_t k = 0; k < c->ns && ok; k++)
		ok = c->count[k] == c->used[k];
	free(c->count);
	free(c->used);
	c->count = c->used = NULL;
	return ok;
}

/* a small blob column copied out (aligned, ours); NULL when SQLite could
 * not give it */
static void *
blob_dup(sqlite3_stmt *s, int i, size_t *bytes)
{
	const void *p = sqlite3_column_blob(s, i);
	void *d;

	*bytes = (size_t)sqlite3_column_bytes(s, i);
	if (*bytes > 0 && p == NULL)
		return NULL;
	d = cidx_xmalloc(*bytes ? *bytes : 1);
	if (*bytes)
		memcpy(d, p, *bytes);
	return d;
}

/* The row's columns: ok 0 when it is not ours (the year is damaged), ok 1
 * and n 0 when there is none; else the units and sources copied out and
 * *vals the length of the values. */
static int
stream_head(struct cidx_store *st, int year, size_t ns,
    struct cidx_ystream *out, size_t *vals, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t nsb, nub;
	int ret, state = 0;

	/* typeof() and length() of the values do not read them */
	if ((ret = cidx_matrow_step(st, year, 1, &s, &state, err)) < 0 ||
	    state != CIDX_MATROW_READ) {
		out->ok = state == CIDX_MATROW_NONE;
		goto out;
	}
	if ((out->src = blob_dup(s, 4, &nsb)) == NULL ||
	    (out->uid = blob_dup(s, 5, &nub)) == NULL) {
		ret = cidx_db_err(st, err, "read matrix");
		goto out;
	}
	*vals = (size_t)sqlite3_column_int64(s, 7);
	if (!cidx_ymat_shape_ok(sqlite3_column_int(s, 1),
	    sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3), ns, nsb,
	    nub, *vals))
		goto out; /* not ours: damaged */
	out->nsrc = nsb / 12;
	out->n = nub / 8;
	out->ns = (size_t)sqlite3_column_int64(s, 3);
	out->ok = 1;
out:
	sqlite3_finalize(s);
	return ret;
}

int
cidx_ymat_stream_open(struct cidx_store *st, int year, size_t ns,
    struct cidx_ystream *out, struct cidx_err *err)
{
	size_t vals = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = stream_head(st, year, ns, out, &vals, err)) < 0 ||
	    !out->ok || out->n == 0)
		return ret;
	cidx_ycheck_begin(&out->check, out->ns, out->uid, out->n, out->src,
	    out->nsrc);
	if (!out->check.ok) {
		out->ok = 0;
		return 0;
	}
	if (vals > UNMAP_ABOVE) {
		out->unmapped = 1;
		if ((ret = cidx_db_exec(st, "PRAGMA mmap_size = 0", err)) < 0 ||
		    (ret = cidx_db_exec(st, "PRAGMA cache_size = -1024",
		    err)) < 0)
			return ret;
	}
	if (sqlite3_blob_open(st->db, "main", "matrices", "vals", year, 0,
	    &out->blob) != SQLITE_OK)
		return cidx_db_err(st, err, "read matrix");
	return 0;
}

int
cidx_ymat_stream_read(struct cidx_store *st, struct cidx_ystream *s,
    size_t r0, size_t nr, double *buf, struct cidx_err *err)
{
	size_t row = s->ns * sizeof(double);

	/* a block is at most a few MB: its bytes and offset fit an int, as
	 * the whole blob's do (SQLite's limit) */
	if (nr && sqlite3_blob_read(s->blob, buf, (int)(nr * row),
	    (int)(r0 * row)) != SQLITE_OK)
		return cidx_db_err(st, err, "read matrix");
	cidx_ycheck_rows(&s->check, buf, nr);
	return 0;
}

int
cidx_ymat_stream_end(struct cidx_ystream *s)
{
	int ok = s->check.ok;

	for (size_t k = 0; k < s->ns && ok; k++)
		ok = s->check.count[k] == s->check.used[k];
	return ok;
}

void
cidx_ymat_stream_close(struct cidx_store *st, struct cidx_ystream *s)
{
	sqlite3_blob_close(s->blob);
	if (s->unmapped) {
		(void)cidx_db_exec(st, CIDX_MMAP_PRAGMA, NULL);
		(void)cidx_db_exec(st, CIDX_CACHE_PRAGMA, NULL);
	}
	free(s->check.count);
	free(s->check.used);
	free(s->uid);
	free(s->src);
	memset(s, 0, sizeof(*s));
}
