/*
 * yload.c - the reading of one year's values (The data of a year in
 * man/cityidx.1): the dataset column of each series, the `matrices` row
 * read a block of rows at a time (store/matstream.c) and checked, and the
 * rows with an indicator value picked (yload.h).  A row that fails its
 * check is the only copy of the year's values: the year is damaged.
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
#include "store/yload.h"

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

/* the row of values of unit row r picked when it has an indicator value */
static void
yload_pick(const struct cidx_framework *fw, struct cidx_yload *y, size_t r,
    const double *v, cidx_yrow_fn fn, void *ctx)
{
	size_t j;

	for (j = 0; j < fw->n_ind; j++)
		if (y->from[j] >= 0 && !isnan(v[y->from[j]]))
			break;
	if (j == fw->n_ind)
		return;
	y->prow[y->np] = r;
	if (!y->no_rowof)
		cidx_intmap_put(&y->rowof, (uint64_t)y->uid[r], y->np);
	if (fn)
		fn(ctx, y->np, v);
	y->np++;
}

/* the rows of the matrices row, a block of about 1 MB at a time: 1 when
 * its contents fail the check */
static int
yload_stream(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_yload *y, cidx_yrow_fn fn, void *ctx, struct cidx_err *err)
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


/* resets what a visit of the rows found */
static void
yload_reset(struct cidx_yload *y)
{
	free(y->prow);
	y->prow = cidx_xcalloc(y->nrows ? y->nrows : 1, sizeof(*y->prow));
	y->np = 0;
	cidx_intmap_release(&y->rowof);
}

/* from[j]: the column of the values (a series) of dataset column j, -1
 * for none */
static void
yload_from(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    struct cidx_yload *y)
{
	free(y->from);
	y->from = cidx_xcalloc(fw->n_ind + ds->n_den + 1, sizeof(*y->from));
	for (size_t j = 0; j < fw->n_ind + ds->n_den; j++)
		y->from[j] = -1;
	for (size_t c = 0; c < y->width; c++)
		if (y->col[c] >= 0)
			y->from[y->col[c]] = (long)c;
		else if (y->col[c] <= -2)
			y->from[fw->n_ind + (size_t)(-2 - y->col[c])] = (long)c;
}

/*
 * The year's values, the rows with an indicator value given to fn with
 * their place among them, in the order of the matrix, from the `matrices`
 * row; from[j]: the series of dataset column j, or -1.
 */
int
cidx_yload_values(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_dataset *ds, struct cidx_yload *y, cidx_yrow_fn fn,
    void *ctx, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_series_count(st, &y->ns, err)) < 0 ||
	    (ret = series_columns(st, fw, ds, y->ns, &y->col, err)) < 0 ||
	    (ret = cidx_ymat_stream_open(st, ds->year, y->ns, &y->s, err)) < 0)
		return ret;
	if (!y->s.ok)
		return cidx_ymat_damaged(st, ds->year, CIDX_DAMAGED_ROW, err);
	y->nrows = y->s.n;
	y->width = y->s.ns;
	y->uid = y->s.uid;
	y->src = y->s.src;
	y->nsrc = y->s.nsrc;
	yload_from(fw, ds, y);
	yload_reset(y);
	if (y->nrows == 0) /* no row: the year has no values */
		return 0;
	if ((ret = yload_stream(st, fw, y, fn, ctx, err)) > 0)
		ret = cidx_ymat_damaged(st, ds->year, CIDX_DAMAGED_ROW, err);
	return ret;
}

int
cidx_yload_not_in_units(struct cidx_store *st, int year,
    const struct cidx_yload *y, size_t k, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': values of %d for "
	    "unit id %lld, which is not in units", st->path, year,
	    (long long)y->uid[y->prow[k]]);
}

int
cidx_yload_no_code(struct cidx_store *st, sqlite3_int64 id,
    struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': unit id %lld has "
	    "no code", st->path, (long long)id);
}

int
cidx_yload_no_data(struct cidx_store *st, int year, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_ENOTFOUND, "no indicator data for year "
	    "%d in '%s'", year, st->path);
}

void
cidx_yload_release(struct cidx_store *st, struct cidx_yload *y)
{
	for (size_t k = 0; y->unit && k < y->np; k++)
		cidx_unit_clear(&y->unit[k]);
	free(y->unit);
	free(y->prow);
	free(y->col);
	free(y->from);
	cidx_intmap_release(&y->rowof);
	cidx_ymat_stream_close(st, &y->s);
}

/* an empty dataset of `year`, its denominators known */
struct cidx_dataset *
cidx_yload_dataset(const struct cidx_framework *fw, int year)
{
	struct cidx_dataset *ds = cidx_xcalloc(1, sizeof(*ds));

	ds->year = year;
	ds->den_node = cidx_xcalloc(fw->n ? fw->n : 1, sizeof(size_t));
	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].type == CIDX_NODE_DENOMINATOR)
			ds->den_node[ds->n_den++] = k;
	return ds;
}

