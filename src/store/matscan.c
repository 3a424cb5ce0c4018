/*
 * matscan.c - questions about every year at once, answered from the
 * small blobs of the `matrices` rows (cityidx(1), WORKSPACE SCHEMA,
 * matrices) without reading the values: which units hold a value, and
 * whether a series does.
 */
#include <stdint.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"

/* each year's blob `col` (units or sources) as `size`-byte records to
 * fn; a blob that is not whole records says the year is damaged */
static int
each_blob(struct cidx_store *st, const char *sql, size_t size,
    int (*fn)(const unsigned char *rec, void *ctx), void *ctx,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc, stop = 0;

	if ((ret = cidx_db_prepare(st, &s, sql, err)) < 0)
		return ret;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(s, 1);
		size_t nb = (size_t)sqlite3_column_bytes(s, 1);

		if (sqlite3_column_type(s, 1) != SQLITE_BLOB || nb % size) {
			ret = cidx_ymat_damaged(st, sqlite3_column_int(s, 0),
			    "a blob of the wrong type or length", err);
			break;
		}
		for (size_t at = 0; at < nb && !stop; at += size)
			stop = fn(p + at, ctx);
	}
	if (ret == 0 && !stop && rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read matrices");
	sqlite3_finalize(s);
	return ret;
}

static int
put_unit(const unsigned char *rec, void *ctx)
{
	int64_t id;

	memcpy(&id, rec, sizeof(id));
	cidx_intmap_put(ctx, (uint64_t)id, 0);
	return 0;
}

int
cidx_ymat_units(struct cidx_store *st, struct cidx_intmap *out,
    struct cidx_err *err)
{
	return each_blob(st, "SELECT year, units FROM matrices", 8, put_unit,
	    out, err);
}

struct used {
	int32_t id;
	int found;
};

static int
is_series(const unsigned char *rec, void *ctx)
{
	struct used *u = ctx;
	int32_t t[3];

	memcpy(t, rec, sizeof(t));
	u->found = t[0] == u->id && t[2] > 0;
	return u->found;
}

int
cidx_ymat_series_used(struct cidx_store *st, size_t id, int *out,
    struct cidx_err *err)
{
	struct used u = { (int32_t)id, 0 };
	int ret = each_blob(st, "SELECT year, sources FROM matrices", 12,
	    is_series, &u, err);

	*out = u.found;
	return ret;
}
