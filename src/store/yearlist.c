/*
 * yearlist.c - the years with data (The data of a year in man/cityidx.1),
 * from the rows of `matrices`, and the workspace's units.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

/* Whether each series is an indicator of the framework in the workspace
 * (years count indicator values only). */
static int
indicator_series(struct cidx_store *st, size_t ns, unsigned char **out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	unsigned char *is = cidx_xcalloc(ns ? ns : 1, 1);
	int ret, rc;

	*out = NULL;
	if ((ret = cidx_db_prepare(st, &s, "SELECT s.id FROM series s JOIN "
	    "nodes n ON n.code = s.code WHERE n.type = 'indicator'", err)) < 0) {
		free(is);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);

		if (id >= 0 && (size_t)id < ns)
			is[id] = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(is);
		return cidx_db_err(st, err, "read series");
	}
	*out = is;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* a growable list of years */
struct ylist {
	int *v;
	size_t n, cap;
};

static void
ylist_add(struct ylist *l, int year)
{
	ALLOC_GROW(l->v, l->n + 1, l->cap);
	l->v[l->n++] = year;
}

/*
 * The years of the rows of `matrices` with an indicator value, by their
 * `sources`, into *y; a row whose shape is not right goes to *stale, for
 * loading to say how it is damaged (the lengths of the blobs are read,
 * not the blobs).
 */
static int
matrix_years(struct cidx_store *st, size_t ns, const unsigned char *is,
    struct ylist *y, struct ylist *stale, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT year, format, n_units, "
	    "n_series, sources, typeof(format) = 'integer' AND typeof(n_units) "
	    "= 'integer' AND typeof(n_series) = 'integer' AND typeof(sources) "
	    "= 'blob' AND typeof(units) = 'blob' AND typeof(vals) = 'blob', "
	    "length(units), length(vals) FROM matrices ORDER BY year",
	    err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(s, 4);
		size_t k = (size_t)sqlite3_column_bytes(s, 4);
		int32_t t[3];
		int any = 0;

		if (!sqlite3_column_int(s, 5) || !cidx_ymat_shape_ok(
		    sqlite3_column_int(s, 1), sqlite3_column_int64(s, 2),
		    sqlite3_column_int64(s, 3), ns, k,
		    (size_t)sqlite3_column_int64(s, 6),
		    (size_t)sqlite3_column_int64(s, 7))) {
			ylist_add(stale, sqlite3_column_int(s, 0));
			continue;
		}
		for (size_t j = 0; blob && j < k / 12 && !any; j++) {
			memcpy(t, (const char *)blob + 12 * j, sizeof(t));
			any = t[0] >= 0 && (size_t)t[0] < ns && is[t[0]] &&
			    t[2] > 0;
		}
		if (any)
			ylist_add(y, sqlite3_column_int(s, 0));
	}
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read years");
	sqlite3_finalize(s);
	return ret;
}

int
cidx_store_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err)
{
	struct ylist y = { NULL, 0, 0 }, stale = { NULL, 0, 0 };
	unsigned char *is = NULL;
	size_t ns = 0;
	int ret, own;

	*out = NULL;
	*n = 0;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	if ((ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = indicator_series(st, ns, &is, err)) < 0)
		goto out;
	if ((ret = matrix_years(st, ns, is, &y, &stale, err)) < 0)
		goto out;
	/* the others: loading says how they are damaged */
	for (size_t i = 0; i < stale.n; i++) {
		struct cidx_ymat *m = NULL;
		int any = 0;

		if ((ret = cidx_ymat_load(st, stale.v[i], ns, &m, err)) < 0)
			goto out;
		for (size_t r = 0; r < m->n && !any; r++)
			for (size_t j = 0; j < ns && !any; j++)
				any = is[j] && !isnan(m->v[r * ns + j]);
		cidx_ymat_free(m);
		if (any)
			ylist_add(&y, stale.v[i]);
	}
	if (y.n > 1)
		qsort(y.v, y.n, sizeof(*y.v), cmp_int);
	*out = y.v;
	*n = y.n;
	y.v = NULL;
out:
	free(y.v);
	free(is);
	free(stale.v);
	cidx_db_read_end(st, own);
	return ret;
}
int
cidx_store_units(struct cidx_store *st, struct cidx_dataset **out,
    struct cidx_err *err)
{
	struct cidx_dataset *ds = cidx_xcalloc(1, sizeof(*ds));
	size_t cap = 0;
	sqlite3_stmt *s;
	int ret, rc;

	*out = NULL;
	if ((ret = cidx_db_prepare(st, &s, "SELECT code, name, name_en FROM "
	    "units WHERE code IS NOT NULL ORDER BY code", err)) < 0) {
		cidx_dataset_free(ds);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_unit *u;

		ALLOC_GROW(ds->unit, ds->n_units + 1, cap);
		u = &ds->unit[ds->n_units++];
		memset(u, 0, sizeof(*u));
		u->code = cidx_db_col_dup(s, 0);
		u->name = cidx_db_col_dup(s, 1);
		u->name_en = cidx_db_col_dup(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		cidx_dataset_free(ds);
		return cidx_db_err(st, err, "read units");
	}
	*out = ds;
	return 0;
}
