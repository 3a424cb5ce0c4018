/*
 * year.c - the years with data and one year as the dataset (The data of
 * a year in man/cityidx.1), read from the year's `matrices` row in place,
 * or from `cells` when that row is not current (store/yearmatrix.c).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/intmap.h"
#include "core/mem.h"
#include "core/strmap.h"
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
 * The years of the current rows of `matrices` with an indicator value,
 * by their `sources`, into *y; a row whose shape is not right goes to
 * *stale, to be read from cells as loading the year would (the lengths of
 * the blobs are read, not the blobs).
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
	    "length(units), length(vals) FROM matrices WHERE year NOT IN "
	    "(SELECT year FROM stale_years) ORDER BY year", err)) < 0)
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
	    (ret = indicator_series(st, ns, &is, err)) < 0 ||
	    (ret = cidx_ymat_stale(st, &stale.v, &stale.n, err)) < 0)
		goto out;
	stale.cap = stale.n;
	if ((ret = matrix_years(st, ns, is, &y, &stale, err)) < 0)
		goto out;
	/* the others from cells */
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

/* dataset rows: the matrix rows with an indicator value, by code */
struct pick {
	size_t row;
	struct cidx_unit *u;
};

static int
cmp_pick(const void *a, const void *b)
{
	return strcmp(((const struct pick *)a)->u->code,
	    ((const struct pick *)b)->u->code);
}

/* The code and names of the units whose ids `rowof` maps to rows, into
 * unit[row]; or with unit NULL, only seen[row] = 1 for each. */
static int
load_units(struct cidx_store *st, const struct cidx_intmap *rowof,
    struct cidx_unit *unit, unsigned char *seen, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code, name, name_en "
	    "FROM units", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t r;

		if (!cidx_intmap_get(rowof, (uint64_t)sqlite3_column_int64(s, 0),
		    &r))
			continue;
		if (sqlite3_column_type(s, 1) != SQLITE_TEXT) {
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': "
			    "unit id %lld has no code", st->path,
			    (long long)sqlite3_column_int64(s, 0));
			sqlite3_finalize(s);
			return ret;
		}
		if (unit == NULL) {
			seen[r] = 1;
			continue;
		}
		unit[r].code = cidx_db_col_dup(s, 1);
		unit[r].name = cidx_db_col_dup(s, 2);
		unit[r].name_en = cidx_db_col_dup(s, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "load units");
	return 0;
}

static int
load_attrs(struct cidx_store *st, struct cidx_dataset *ds,
    struct cidx_err *err)
{
	struct cidx_strmap umap = CIDX_STRMAP_INIT;
	sqlite3_stmt *s;
	int ret, rc;

	for (size_t i = 0; i < ds->n_units; i++)
		cidx_strmap_put(&umap, ds->unit[i].code, i);
	if ((ret = cidx_db_prepare(st, &s, "SELECT unit, key, value FROM "
	    "unit_attrs ORDER BY unit, key", err)) < 0) {
		cidx_strmap_release(&umap);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *code = sqlite3_column_text(s, 0);
		struct cidx_unit *u;
		size_t i;

		if (code == NULL || !cidx_strmap_get(&umap,
		    (const char *)code, &i))
			continue;
		u = &ds->unit[i];
		u->attr = cidx_xreallocarray(u->attr, u->n_attr + 1,
		    sizeof(*u->attr));
		u->attr[u->n_attr].key = cidx_db_col_dup(s, 1);
		u->attr[u->n_attr].value = cidx_db_col_dup(s, 2);
		if (u->attr[u->n_attr].key == NULL)
			u->attr[u->n_attr].key = cidx_xstrdup("");
		if (u->attr[u->n_attr].value == NULL)
			u->attr[u->n_attr].value = cidx_xstrdup("");
		u->n_attr++;
	}
	sqlite3_finalize(s);
	cidx_strmap_release(&umap);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "load attributes");
	return 0;
}

/* The framework column (>= 0 indicator, <= -2 denominator -2 - d) of each
 * series, -1 for none. */
static int
series_columns(struct cidx_store *st, const struct cidx_framework *fw,
    const struct cidx_dataset *ds, size_t ns, long **out,
    struct cidx_err *err)
{
	struct cidx_strmap codes = CIDX_STRMAP_INIT;
	long *col = cidx_xcalloc(ns ? ns : 1, sizeof(*col));
	sqlite3_stmt *s;
	int ret, rc;

	*out = NULL;
	for (size_t j = 0; j < ns; j++)
		col[j] = -1;
	for (size_t j = 0; j < fw->n_ind; j++)
		cidx_strmap_put(&codes, fw->node[fw->ind[j]].code, j);
	for (size_t d = 0; d < ds->n_den; d++)
		cidx_strmap_put(&codes, fw->node[ds->den_node[d]].code,
		    fw->n_ind + d);
	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code FROM series",
	    err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);
		const unsigned char *code = sqlite3_column_text(s, 1);
		size_t k;

		if (id < 0 || (size_t)id >= ns || code == NULL ||
		    !cidx_strmap_get(&codes, (const char *)code, &k))
			continue;
		col[id] = k < fw->n_ind ? (long)k : -2 - (long)(k - fw->n_ind);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read series");
		goto out;
	}
	*out = col;
	col = NULL;
out:
	free(col);
	cidx_strmap_release(&codes);
	return ret;
}

/* the reading of one year: its values (in place, or from cells), the
 * dataset column of each series and the rows picked */
struct yload {
	struct cidx_yview w;
	struct cidx_ymat *m;    /* when the year is read from cells */
	int32_t *src;
	long *col, *from;
	size_t ns, nrows, np;
	struct cidx_unit *unit;
	struct pick *pick;
	struct cidx_intmap rowof;
};

/* the year's values: its `matrices` row in place, or, not current there,
 * from cells; from[j]: the series of dataset column j, or -1 */
static int
yload_values(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_dataset *ds, struct yload *y, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_series_count(st, &y->ns, err)) < 0 ||
	    (ret = series_columns(st, fw, ds, y->ns, &y->col, err)) < 0 ||
	    (ret = cidx_ymat_view(st, ds->year, y->ns, &y->w, err)) < 0)
		return ret;
	if (!y->w.ok) {
		if ((ret = cidx_ymat_load(st, ds->year, y->ns, &y->m, err)) < 0)
			return ret;
		y->w.n = y->m->n;
		y->w.ns = y->m->ns;
		y->w.uid = y->m->uid;
		y->w.v = y->m->v;
		y->w.src = y->src = cidx_ymat_sources(y->m, &y->w.nsrc);
	}
	y->nrows = y->w.n;
	y->from = cidx_xcalloc(fw->n_ind + ds->n_den + 1, sizeof(*y->from));
	for (size_t j = 0; j < fw->n_ind + ds->n_den; j++)
		y->from[j] = -1;
	for (size_t c = 0; c < y->w.ns; c++)
		if (y->col[c] >= 0)
			y->from[y->col[c]] = (long)c;
		else if (y->col[c] <= -2)
			y->from[fw->n_ind + (size_t)(-2 - y->col[c])] = (long)c;
	return 0;
}

/* the rows with at least one indicator value this year */
static int
yload_pick(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct yload *y, struct cidx_err *err)
{
	y->pick = cidx_xcalloc(y->nrows ? y->nrows : 1, sizeof(*y->pick));
	for (size_t r = 0; r < y->nrows; r++) {
		const double *v = y->w.v + r * y->w.ns;
		size_t j;

		for (j = 0; j < fw->n_ind; j++)
			if (y->from[j] >= 0 && !isnan(v[y->from[j]]))
				break;
		if (j == fw->n_ind)
			continue;
		y->pick[y->np++].row = r;
		cidx_intmap_put(&y->rowof, (uint64_t)y->w.uid[r], r);
	}
	if (y->np == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no indicator data for "
		    "year %d in '%s'", year, st->path);
	return 0;
}

static int
not_in_units(struct cidx_store *st, int year, const struct yload *y,
    size_t i, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': values of %d for "
	    "unit id %lld, which is not in units", st->path, year,
	    (long long)y->w.uid[y->pick[i].row]);
}

/* the units with at least one indicator value this year, by code */
static int
yload_units(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct yload *y, struct cidx_err *err)
{
	int ret;

	if ((ret = yload_pick(st, fw, year, y, err)) < 0)
		return ret;
	y->unit = cidx_xcalloc(y->nrows ? y->nrows : 1, sizeof(*y->unit));
	for (size_t i = 0; i < y->np; i++)
		y->pick[i].u = &y->unit[y->pick[i].row];
	if ((ret = load_units(st, &y->rowof, y->unit, NULL, err)) < 0)
		return ret;
	for (size_t i = 0; i < y->np; i++)
		if (y->pick[i].u->code == NULL)
			return not_in_units(st, year, y, i, err);
	qsort(y->pick, y->np, sizeof(*y->pick), cmp_pick);
	return 0;
}

/* each picked unit's row copied once into the dataset's matrices */
static void
yload_fill(const struct cidx_framework *fw, struct cidx_dataset *ds,
    struct yload *y)
{
	size_t np = y->np;

	ds->n_units = np;
	ds->unit = cidx_xcalloc(np, sizeof(*ds->unit));
	ds->x = cidx_matrix_alloc(np, fw->n_ind);
	if (ds->n_den)
		ds->den = cidx_matrix_alloc(np, ds->n_den);
	for (size_t i = 0; i < np; i++) {
		const double *v = y->w.v + y->pick[i].row * y->w.ns;
		double *x = ds->x->data + i * ds->x->tda;

		ds->unit[i] = *y->pick[i].u;
		memset(y->pick[i].u, 0, sizeof(*y->pick[i].u));
		for (size_t j = 0; j < fw->n_ind; j++)
			x[j] = y->from[j] >= 0 ? v[y->from[j]] : NAN;
		for (size_t d = 0; d < ds->n_den; d++) {
			long c = y->from[fw->n_ind + d];

			ds->den->data[i * ds->den->tda + d] = c >= 0 ? v[c] :
			    NAN;
		}
	}
}

/* the imports of the indicator values, ascending */
static void
yload_imports(struct cidx_dataset *ds, const struct yload *y)
{
	size_t icap = 0;

	for (size_t k = 0; k < y->w.nsrc; k++) {
		const int32_t *t = y->w.src + 3 * k;
		size_t i;

		if (t[1] == 0 || t[2] <= 0 || t[0] < 0 ||
		    (size_t)t[0] >= y->ns || y->col[t[0]] < 0)
			continue;
		for (i = 0; i < ds->n_import_ids; i++)
			if (ds->import_ids[i] == t[1])
				break;
		if (i == ds->n_import_ids) {
			ALLOC_GROW(ds->import_ids, i + 1, icap);
			ds->import_ids[ds->n_import_ids++] = t[1];
		}
	}
	if (ds->n_import_ids > 1)
		qsort(ds->import_ids, ds->n_import_ids, sizeof(int), cmp_int);
}

static void
yload_release(struct yload *y)
{
	for (size_t r = 0; y->unit && r < y->nrows; r++)
		cidx_unit_clear(&y->unit[r]);
	free(y->unit);
	free(y->pick);
	free(y->col);
	free(y->from);
	free(y->src);
	cidx_intmap_release(&y->rowof);
	if (y->m == NULL)
		cidx_ymat_view_end(&y->w);
	cidx_ymat_free(y->m);
}

/*
 * One year as the dataset: the year's `matrices` row is read in place
 * (cidx_ymat_view()) and each unit's row copied once into the dataset's
 * matrix; a year that is not current there is read from cells.
 */
/* an empty dataset of `year`, its denominators known */
static struct cidx_dataset *
year_dataset(const struct cidx_framework *fw, int year)
{
	struct cidx_dataset *ds = cidx_xcalloc(1, sizeof(*ds));

	ds->year = year;
	ds->den_node = cidx_xcalloc(fw->n ? fw->n : 1, sizeof(size_t));
	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].type == CIDX_NODE_DENOMINATOR)
			ds->den_node[ds->n_den++] = k;
	return ds;
}

int
cidx_store_load_year(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct cidx_dataset **out, struct cidx_err *err)
{
	struct cidx_dataset *ds;
	struct yload y;
	int ret, own;

	*out = NULL;
	memset(&y, 0, sizeof(y));
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	ds = year_dataset(fw, year);
	if ((ret = yload_values(st, fw, ds, &y, err)) == 0 &&
	    (ret = yload_units(st, fw, year, &y, err)) == 0) {
		yload_fill(fw, ds, &y);
		yload_imports(ds, &y);
		ret = load_attrs(st, ds, err);
	}
	if (ret < 0) {
		cidx_dataset_free(ds);
		ds = NULL;
	}
	yload_release(&y);
	cidx_db_read_end(st, own);
	*out = ds;
	return ret;
}

/* the counts of a loaded year's dataset, from the rows picked in place */
static void
yload_counts(const struct cidx_framework *fw, const struct yload *y,
    size_t *n_ind, size_t *n_val)
{
	size_t *per = cidx_xcalloc(fw->n_ind + 1, sizeof(*per));

	for (size_t i = 0; i < y->np; i++) {
		const double *v = y->w.v + y->pick[i].row * y->w.ns;

		for (size_t j = 0; j < fw->n_ind; j++)
			per[j] += y->from[j] >= 0 && !isnan(v[y->from[j]]);
	}
	for (size_t j = 0; j < fw->n_ind; j++) {
		*n_ind += per[j] > 0;
		*n_val += per[j];
	}
	free(per);
}

int
cidx_store_year_counts(struct cidx_store *st, const struct cidx_framework *fw,
    int year, size_t *n_units, size_t *n_ind, size_t *n_val,
    struct cidx_err *err)
{
	struct cidx_dataset *ds;
	unsigned char *seen = NULL;
	struct yload y;
	int ret, own;

	*n_units = *n_ind = *n_val = 0;
	memset(&y, 0, sizeof(y));
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	ds = year_dataset(fw, year);
	if ((ret = yload_values(st, fw, ds, &y, err)) == 0 &&
	    (ret = yload_pick(st, fw, year, &y, err)) == 0) {
		seen = cidx_xcalloc(y.nrows, 1);
		ret = load_units(st, &y.rowof, NULL, seen, err);
	}
	for (size_t i = 0; ret == 0 && i < y.np; i++)
		if (!seen[y.pick[i].row])
			ret = not_in_units(st, year, &y, i, err);
	if (ret == 0) {
		*n_units = y.np;
		yload_counts(fw, &y, n_ind, n_val);
	}
	free(seen);
	cidx_dataset_free(ds);
	yload_release(&y);
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
