/*
 * applyvals.c - the values of an import batch applied (IMPORT SEMANTICS
 * in man/cityidx.1), inside the transaction of apply.c: one year's matrix
 * in memory at a time (issue 17).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/intmap.h"
#include "core/mem.h"
#include "store/applyvals.h"

/*
 * One value (cityidx(1), IMPORT SEMANTICS): a missing value leaves the
 * stored one unless the batch clears missing values; every value
 * replaced or cleared is recorded (store/history.c), so that removing
 * the import puts it back.
 */
static int
apply_value(struct cidx_store *st, struct cidx_yapply *a, uint32_t unit,
    uint32_t node, double v, struct cidx_err *err)
{
	struct cidx_ymat *m = a->m;
	struct cidx_import_stats *ss = a->ss;
	size_t ns = m->ns, r, c = (size_t)a->sid[node];
	int32_t by;
	double old;
	int ret;

	/* a unit's values come one after another: its row is looked up
	 * once */
	if (unit == a->last_u)
		r = a->last_r;
	else if (isnan(v) && !cidx_intmap_get(&m->rowof,
	    (uint64_t)a->uid[unit], &r))
		return 0;
	else if (!isnan(v))
		r = cidx_ymat_row(m, a->uid[unit]);
	a->last_u = unit;
	a->last_r = r;
	old = m->v[r * ns + c];
	if (isnan(v)) {
		if (isnan(old))
			return 0;
		if (!a->imp->clear_missing) {
			ss->values_kept++;
			return 0;
		}
		ss->values_removed++;
	} else if (old == v) { /* the same binary64 value: unchanged */
		ss->values_unchanged++;
		return 0;
	} else if (isnan(old)) {
		ss->values_new++;
	} else {
		ss->values_changed++;
	}
	/* into an empty cell, history is recorded only where the cell has
	 * some: none when the year has none (apply_year() loaded it) */
	if (isnan(old) && a->h->loaded && a->h->year == m->year &&
	    a->h->cells.n == 0)
		goto set;
	by = cidx_ymat_import_of(m, r, c);
	if ((ret = cidx_hist_record(st, a->h, a->id, m->year, a->uid[unit], c,
	    old, by, err)) < 0)
		return ret;
set:
	cidx_ymat_set(m, r, c, v, a->id);
	return 0;
}

/*
 * The runs of one year, runs lo..hi-1 of the batch, or with `order` the
 * runs order[lo..hi): the year's matrix loaded, the values set, the
 * matrix saved and freed, and each run's values released once applied
 * (batch.h), so that one year's matrix lives at a time.
 */
static int
apply_year(struct cidx_store *st, struct cidx_yapply *a, size_t ns,
    const uint32_t *order, size_t lo, size_t hi, struct cidx_err *err)
{
	struct cidx_import *imp = a->imp;
	struct cidx_run_view w;
	int ret;

	a->last_u = SIZE_MAX;
	if ((ret = cidx_ymat_load(st, imp->run[order ? order[lo] : lo].year,
	    ns, &a->m, err)) < 0)
		return ret;
	if ((ret = cidx_hist_year(st, a->h, a->m->year, err)) < 0)
		goto out;
	for (size_t i = lo; i < hi; i++) {
		size_t r = order ? order[i] : i;

		cidx_import_run_view(imp, r, &w);
		for (size_t k = 0; k < w.n; k++)
			if ((ret = apply_value(st, a, imp->run[r].unit,
			    cidx_run_view_node(&w, k), w.v[k], err)) < 0)
				goto out;
		cidx_import_run_done(imp, r);
	}
	ret = cidx_ymat_save(st, a->m, err);
out:
	cidx_ymat_free(a->m);
	a->m = NULL;
	return ret;
}

/* order[]: the runs of the batch by year (the years as yi numbers them,
 * at[y] their counts), in the order of the file within a year; at[y]
 * becomes where year y's runs end.  A run's index fits in 32 bits: each
 * starts a line of its own. */
static uint32_t *
order_by_year(const struct cidx_import *imp, const struct cidx_intmap *yi,
    size_t *at, size_t ny)
{
	uint32_t *order = cidx_xcalloc(imp->n_run, sizeof(*order));
	size_t k = 0;

	for (size_t y = 0, sum = 0, c; y < ny; y++, sum += c) {
		c = at[y];
		at[y] = sum;
	}
	for (size_t r = 0; r < imp->n_run; r++) {
		if (r == 0 || imp->run[r].year != imp->run[r - 1].year)
			cidx_intmap_get(yi,
			    (uint64_t)(uint32_t)imp->run[r].year, &k);
		order[at[k]++] = (uint32_t)r;
	}
	return order;
}

/*
 * The values of one batch, a year at a time, the years in the order the
 * file first states them.  When each year's runs come together (a file
 * of one year, or sorted by year) they are taken as they are; else they
 * are ordered by year first, in the order of the file within a year.
 */
int
cidx_apply_values(struct cidx_store *st, struct cidx_yapply *a, size_t ns,
    struct cidx_err *err)
{
	const struct cidx_import *imp = a->imp;
	struct cidx_intmap yi = CIDX_INTMAP_INIT;
	size_t *at = NULL, ny = 0, cap = 0, k = 0, lo = 0;
	uint32_t *order = NULL;
	int ret = 0, together = 1;

	/* at[y]: the runs of year y, counted */
	for (size_t r = 0; r < imp->n_run; r++) {
		if (r > 0 && imp->run[r].year == imp->run[r - 1].year) {
			at[k]++;
			continue;
		}
		if (cidx_intmap_add(&yi, (uint64_t)(uint32_t)imp->run[r].year,
		    ny, &k)) {
			ALLOC_GROW(at, ny + 1, cap);
			at[k = ny++] = 0;
		} else {
			together = 0;
		}
		at[k]++;
	}
	if (!together)
		order = order_by_year(imp, &yi, at, ny);
	for (size_t y = 0; y < ny && ret == 0; y++) {
		size_t hi = together ? lo + at[y] : at[y];

		ret = apply_year(st, a, ns, order, lo, hi, err);
		lo = hi;
	}
	cidx_intmap_release(&yi);
	free(at);
	free(order);
	return ret;
}
