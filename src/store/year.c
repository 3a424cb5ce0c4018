/*
 * year.c - one year as the dataset, and its counts (The data of a year in
 * man/cityidx.1), read from the year's `matrices` row a block of rows at
 * a time (store/matstream.c).
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
#include "store/yload.h"

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* dataset rows: the matrix rows with an indicator value, by code; k: the
 * row's place among them in the matrix's order */
struct pick {
	size_t k;
	struct cidx_unit *u;
};

static int
cmp_pick(const void *a, const void *b)
{
	return strcmp(((const struct pick *)a)->u->code,
	    ((const struct pick *)b)->u->code);
}

/* The code and names of the units whose ids `rowof` maps to places,
 * into unit[place]. */
static int
load_units(struct cidx_store *st, const struct cidx_intmap *rowof,
    struct cidx_unit *unit, struct cidx_err *err)
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
			ret = cidx_yload_no_code(st,
			    sqlite3_column_int64(s, 0), err);
			sqlite3_finalize(s);
			return ret;
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

/* the dataset's matrices filled as the rows are read, in the matrix's
 * order: each value copied once, from the block read into its place */
struct yfill {
	const struct cidx_framework *fw;
	const struct cidx_yload *y;
	struct cidx_dataset *ds;
	int same;       /* -1 until known: columns are the series */
};

static void
fill_row(void *ctx, size_t k, const double *v)
{
	struct yfill *f = ctx;
	struct cidx_dataset *ds = f->ds;
	const long *from = f->y->from;
	size_t ni = f->fw->n_ind;
	double *x;

	if (ds->x == NULL) {
		ds->x = cidx_matrix_alloc(f->y->nrows, ni);
		if (ds->n_den)
			ds->den = cidx_matrix_alloc(f->y->nrows, ds->n_den);
	}
	x = ds->x->data + k * ds->x->tda;
	if (f->same < 0) {
		/* series j is indicator column j, for each j: a row is copied
		 * whole (the usual case: the series were made from the
		 * framework) */
		f->same = 1;
		for (size_t j = 0; j < ni && f->same; j++)
			f->same = from[j] == (long)j;
	}
	if (f->same) {
		memcpy(x, v, ni * sizeof(*x));
	} else {
		for (size_t j = 0; j < ni; j++)
			x[j] = from[j] >= 0 ? v[from[j]] : NAN;
	}
	for (size_t d = 0; d < ds->n_den; d++)
		ds->den->data[k * ds->den->tda + d] = from[ni + d] >= 0 ?
		    v[from[ni + d]] : NAN;
}

/* rows of a (n of w values) put in place: row i takes row from[i] (a
 * permutation), a cycle at a time */
static void
permute_rows(double *a, size_t w, const size_t *from, size_t n)
{
	unsigned char *done = cidx_xcalloc(n ? n : 1, 1);
	double *tmp = cidx_xmalloc((w ? w : 1) * sizeof(*tmp));

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (done[i] || from[i] == i)
			continue;
		memcpy(tmp, a + i * w, w * sizeof(*a));
		while (from[j] != i) {
			memcpy(a + j * w, a + from[j] * w, w * sizeof(*a));
			done[j] = 1;
			j = from[j];
		}
		memcpy(a + j * w, tmp, w * sizeof(*a));
		done[j] = 1;
	}
	free(done);
	free(tmp);
}

/* the units picked, with their codes and names, by code; their rows of
 * the dataset's matrices put in the same order */
static int
yload_units(struct cidx_store *st, int year, struct cidx_dataset *ds,
    struct cidx_yload *y, struct cidx_err *err)
{
	struct pick *pick;
	size_t *from;
	int ret;

	y->unit = cidx_xcalloc(y->np, sizeof(*y->unit));
	if ((ret = load_units(st, &y->rowof, y->unit, err)) < 0)
		return ret;
	for (size_t k = 0; k < y->np; k++)
		if (y->unit[k].code == NULL)
			return cidx_yload_not_in_units(st, year, y, k, err);
	pick = cidx_xcalloc(y->np, sizeof(*pick));
	from = cidx_xcalloc(y->np, sizeof(*from));
	for (size_t k = 0; k < y->np; k++) {
		pick[k].k = k;
		pick[k].u = &y->unit[k];
	}
	qsort(pick, y->np, sizeof(*pick), cmp_pick);
	ds->n_units = y->np;
	ds->unit = cidx_xcalloc(y->np, sizeof(*ds->unit));
	for (size_t i = 0; i < y->np; i++) {
		ds->unit[i] = *pick[i].u;
		memset(pick[i].u, 0, sizeof(*pick[i].u));
		from[i] = pick[i].k;
	}
	permute_rows(ds->x->data, ds->x->tda, from, y->np);
	ds->x->size1 = y->np;
	if (ds->den) {
		permute_rows(ds->den->data, ds->den->tda, from, y->np);
		ds->den->size1 = y->np;
	}
	free(pick);
	free(from);
	return 0;
}

/* the imports of the indicator values, ascending */
static void
yload_imports(struct cidx_dataset *ds, const struct cidx_yload *y)
{
	size_t icap = 0;

	for (size_t k = 0; k < y->nsrc; k++) {
		const int32_t *t = y->src + 3 * k;
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

/*
 * One year as the dataset: the year's `matrices` row read a block of rows
 * at a time, each unit's row copied once from the block into the
 * dataset's matrix (then the rows put in the order of the units' codes);
 * a row that fails its check says the year is damaged.
 */
int
cidx_store_load_year(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct cidx_dataset **out, struct cidx_err *err)
{
	struct cidx_dataset *ds;
	struct yfill f;
	struct cidx_yload y;
	int ret, own;

	*out = NULL;
	memset(&y, 0, sizeof(y));
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	ds = cidx_yload_dataset(fw, year);
	f.fw = fw;
	f.y = &y;
	f.ds = ds;
	f.same = -1;
	if ((ret = cidx_yload_values(st, fw, ds, &y, fill_row, &f, err)) == 0 && y.np == 0)
		ret = cidx_yload_no_data(st, year, err);
	if (ret == 0 && (ret = yload_units(st, year, ds, &y, err)) == 0) {
		yload_imports(ds, &y);
		ret = load_attrs(st, ds, err);
	}
	if (ret < 0) {
		cidx_dataset_free(ds);
		ds = NULL;
	}
	cidx_yload_release(st, &y);
	cidx_db_read_end(st, own);
	*out = ds;
	return ret;
}

