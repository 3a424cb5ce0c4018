/*
 * year.c - one year as the dataset, and its counts (The data of a year in
 * man/cityidx.1), read from the year's `matrices` row a block of rows at
 * a time (store/matstream.c), or from `cells` when that row is not
 * current (store/yearmatrix.c).
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
#include "store/ystream.h"

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

/* the reading of one year: the dataset column of each series, its
 * values read a block at a time (or from cells) and the rows picked */
struct yload {
	struct cidx_ystream s;  /* the year's `matrices` row */
	struct cidx_ymat *m;    /* or, not current there, the year from cells */
	const sqlite3_int64 *uid;
	const int32_t *src;     /* nsrc (series, import, count) triples */
	int32_t *msrc;          /* src of m */
	size_t nsrc, nrows, width; /* rows and values per row */
	long *col, *from;
	size_t ns, np;
	size_t *prow;           /* the row of each picked one, in order */
	struct cidx_unit *unit; /* np: by the pick's place */
	struct cidx_intmap rowof; /* unit id -> the pick's place */
};

/* what is done with each row picked: its place k and its values */
typedef void (*yrow_fn)(void *ctx, size_t k, const double *v);

/* the row of values of unit row r picked when it has an indicator value */
static void
yload_pick(const struct cidx_framework *fw, struct yload *y, size_t r,
    const double *v, yrow_fn fn, void *ctx)
{
	size_t j;

	for (j = 0; j < fw->n_ind; j++)
		if (y->from[j] >= 0 && !isnan(v[y->from[j]]))
			break;
	if (j == fw->n_ind)
		return;
	y->prow[y->np] = r;
	cidx_intmap_put(&y->rowof, (uint64_t)y->uid[r], y->np);
	fn(ctx, y->np++, v);
}

/* the rows of the matrices row, a block of about 1 MB at a time: 1 when
 * its contents fail the check (then read cells) */
static int
yload_stream(struct cidx_store *st, const struct cidx_framework *fw,
    struct yload *y, yrow_fn fn, void *ctx, struct cidx_err *err)
{
	size_t w = y->width ? y->width : 1, nb = ((size_t)1 << 17) / w;
	double *buf;
	int ret = 0;

	nb = nb ? nb : 1;
	buf = cidx_xmalloc(nb * w * sizeof(*buf));
	for (size_t r0 = 0; r0 < y->nrows && ret == 0; r0 += nb) {
		size_t nr = y->nrows - r0 < nb ? y->nrows - r0 : nb;

		if ((ret = cidx_ymat_stream_read(st, &y->s, r0, nr, buf,
		    err)) < 0)
			break;
		for (size_t i = 0; i < nr; i++)
			yload_pick(fw, y, r0 + i, buf + i * y->width, fn, ctx);
	}
	free(buf);
	if (ret == 0 && !cidx_ymat_stream_end(&y->s))
		ret = 1;
	return ret;
}

/* the year from cells (its matrices row not current, or not ours) */
static int
yload_cells(struct cidx_store *st, int year, struct yload *y,
    struct cidx_err *err)
{
	int ret;

	cidx_ymat_stream_close(st, &y->s);
	if ((ret = cidx_ymat_load(st, year, y->ns, &y->m, err)) < 0)
		return ret;
	y->nrows = y->m->n;
	y->width = y->m->ns;
	y->uid = y->m->uid;
	y->src = y->msrc = cidx_ymat_sources(y->m, &y->nsrc);
	return 0;
}

/* resets what a visit of the rows found */
static void
yload_reset(struct yload *y)
{
	free(y->prow);
	y->prow = cidx_xcalloc(y->nrows ? y->nrows : 1, sizeof(*y->prow));
	y->np = 0;
	cidx_intmap_release(&y->rowof);
}

/*
 * The year's values, the rows with an indicator value given to fn with
 * their place among them, in the order of the matrix: from the `matrices`
 * row, or, when it is not current or fails the check, from cells (fn is
 * then called again from the start: `restart` resets the caller).
 * from[j]: the series of dataset column j, or -1.
 */
static int
yload_values(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_dataset *ds, struct yload *y, yrow_fn fn,
    void (*restart)(void *), void *ctx, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_series_count(st, &y->ns, err)) < 0 ||
	    (ret = series_columns(st, fw, ds, y->ns, &y->col, err)) < 0 ||
	    (ret = cidx_ymat_stream_open(st, ds->year, y->ns, &y->s, err)) < 0)
		return ret;
	if (y->s.ok) {
		y->nrows = y->s.n;
		y->width = y->s.ns;
		y->uid = y->s.uid;
		y->src = y->s.src;
		y->nsrc = y->s.nsrc;
	} else if ((ret = yload_cells(st, ds->year, y, err)) < 0) {
		return ret;
	}
	y->from = cidx_xcalloc(fw->n_ind + ds->n_den + 1, sizeof(*y->from));
	for (size_t j = 0; j < fw->n_ind + ds->n_den; j++)
		y->from[j] = -1;
	for (size_t c = 0; c < y->width; c++)
		if (y->col[c] >= 0)
			y->from[y->col[c]] = (long)c;
		else if (y->col[c] <= -2)
			y->from[fw->n_ind + (size_t)(-2 - y->col[c])] = (long)c;
	yload_reset(y);
	if (y->m == NULL) {
		if ((ret = yload_stream(st, fw, y, fn, ctx, err)) <= 0)
			return ret;
		/* not ours after all: from cells, the same columns */
		restart(ctx);
		if ((ret = yload_cells(st, ds->year, y, err)) < 0)
			return ret;
		yload_reset(y);
	}
	for (size_t r = 0; r < y->nrows; r++)
		yload_pick(fw, y, r, y->m->v + r * y->width, fn, ctx);
	return 0;
}

static int
not_in_units(struct cidx_store *st, int year, const struct yload *y,
    size_t k, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': values of %d for "
	    "unit id %lld, which is not in units", st->path, year,
	    (long long)y->uid[y->prow[k]]);
}

static int
no_data(struct cidx_store *st, int year, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_ENOTFOUND, "no indicator data for year "
	    "%d in '%s'", year, st->path);
}

/* the dataset's matrices filled as the rows are read, in the matrix's
 * order: each value copied once, from the block read into its place */
struct yfill {
	const struct cidx_framework *fw;
	const struct yload *y;
	struct cidx_dataset *ds;
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
	for (size_t j = 0; j < ni; j++)
		x[j] = from[j] >= 0 ? v[from[j]] : NAN;
	for (size_t d = 0; d < ds->n_den; d++)
		ds->den->data[k * ds->den->tda + d] = from[ni + d] >= 0 ?
		    v[from[ni + d]] : NAN;
}

static void
fill_restart(void *ctx)
{
	struct yfill *f = ctx;

	if (f->ds->x)
		gsl_matrix_free(f->ds->x);
	if (f->ds->den)
		gsl_matrix_free(f->ds->den);
	f->ds->x = f->ds->den = NULL;
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
    struct yload *y, struct cidx_err *err)
{
	struct pick *pick;
	size_t *from;
	int ret;

	y->unit = cidx_xcalloc(y->np, sizeof(*y->unit));
	if ((ret = load_units(st, &y->rowof, y->unit, NULL, err)) < 0)
		return ret;
	for (size_t k = 0; k < y->np; k++)
		if (y->unit[k].code == NULL)
			return not_in_units(st, year, y, k, err);
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
yload_imports(struct cidx_dataset *ds, const struct yload *y)
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

static void
yload_release(struct cidx_store *st, struct yload *y)
{
	for (size_t k = 0; y->unit && k < y->np; k++)
		cidx_unit_clear(&y->unit[k]);
	free(y->unit);
	free(y->prow);
	free(y->col);
	free(y->from);
	free(y->msrc);
	cidx_intmap_release(&y->rowof);
	cidx_ymat_stream_close(st, &y->s);
	cidx_ymat_free(y->m);
}

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

/*
 * One year as the dataset: the year's `matrices` row read a block of rows
 * at a time, each unit's row copied once from the block into the
 * dataset's matrix (then the rows put in the order of the units' codes);
 * a year that is not current there is read from cells.
 */
int
cidx_store_load_year(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct cidx_dataset **out, struct cidx_err *err)
{
	struct cidx_dataset *ds;
	struct yfill f;
	struct yload y;
	int ret, own;

	*out = NULL;
	memset(&y, 0, sizeof(y));
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	ds = year_dataset(fw, year);
	f.fw = fw;
	f.y = &y;
	f.ds = ds;
	if ((ret = yload_values(st, fw, ds, &y, fill_row, fill_restart, &f,
	    err)) == 0 && y.np == 0)
		ret = no_data(st, year, err);
	if (ret == 0 && (ret = yload_units(st, year, ds, &y, err)) == 0) {
		yload_imports(ds, &y);
		ret = load_attrs(st, ds, err);
	}
	if (ret < 0) {
		cidx_dataset_free(ds);
		ds = NULL;
	}
	yload_release(st, &y);
	cidx_db_read_end(st, own);
	*out = ds;
	return ret;
}

/* the counts of a year: per indicator column, its values */
struct ycount {
	const struct cidx_framework *fw;
	const struct yload *y;
	size_t *per;
};

static void
count_row(void *ctx, size_t k, const double *v)
{
	struct ycount *c = ctx;
	const long *from = c->y->from;

	(void)k;
	for (size_t j = 0; j < c->fw->n_ind; j++)
		c->per[j] += from[j] >= 0 && !isnan(v[from[j]]);
}

static void
count_restart(void *ctx)
{
	struct ycount *c = ctx;

	memset(c->per, 0, c->fw->n_ind * sizeof(*c->per));
}

int
cidx_store_year_counts(struct cidx_store *st, const struct cidx_framework *fw,
    int year, size_t *n_units, size_t *n_ind, size_t *n_val,
    struct cidx_err *err)
{
	struct cidx_dataset *ds;
	unsigned char *seen = NULL;
	struct ycount c;
	struct yload y;
	int ret, own;

	*n_units = *n_ind = *n_val = 0;
	memset(&y, 0, sizeof(y));
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	ds = year_dataset(fw, year);
	c.fw = fw;
	c.y = &y;
	c.per = cidx_xcalloc(fw->n_ind + 1, sizeof(*c.per));
	if ((ret = yload_values(st, fw, ds, &y, count_row, count_restart, &c,
	    err)) == 0 && y.np == 0)
		ret = no_data(st, year, err);
	if (ret == 0) {
		seen = cidx_xcalloc(y.np, 1);
		ret = load_units(st, &y.rowof, NULL, seen, err);
	}
	for (size_t k = 0; ret == 0 && k < y.np; k++)
		if (!seen[k])
			ret = not_in_units(st, year, &y, k, err);
	if (ret == 0) {
		*n_units = y.np;
		for (size_t j = 0; j < fw->n_ind; j++) {
			*n_ind += c.per[j] > 0;
			*n_val += c.per[j];
		}
	}
	free(c.per);
	free(seen);
	cidx_dataset_free(ds);
	yload_release(st, &y);
	cidx_db_read_end(st, own);
	return ret;
}
