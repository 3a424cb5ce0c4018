/*
 * yearcount.c - what `years` shows of each year (The data of a year in
 * man/cityidx.1): its units, indicators and values, counted where the
 * values are, with the errors loading the year would give.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/intmap.h"
#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"
#include "store/yload.h"

/* the units of the workspace: id -> 1 with a code, 2 without one (read
 * once for every year) */
static int
unit_ids(struct cidx_store *st, struct cidx_intmap *ids, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT id, typeof(code) = 'text' "
	    "FROM units", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		cidx_intmap_put(ids, (uint64_t)sqlite3_column_int64(s, 0),
		    sqlite3_column_int(s, 1) ? 1 : 2);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "load units");
	return 0;
}

/* The units picked are in units, with a code: as loading the year finds
 * it, the unit without a code of the lowest id first (units is read in
 * the order of its ids), then the first unit picked that is not there. */
static int
check_units(struct cidx_store *st, int year, const struct cidx_intmap *ids,
    const struct cidx_yload *y, struct cidx_err *err)
{
	sqlite3_int64 bad = 0;
	size_t absent = (size_t)-1, v;
	int any_bad = 0;

	for (size_t k = 0; k < y->np; k++) {
		sqlite3_int64 uid = y->uid[y->prow[k]];

		if (!cidx_intmap_get(ids, (uint64_t)uid, &v)) {
			if (absent == (size_t)-1)
				absent = k;
		} else if (v == 2 && (!any_bad || uid < bad)) {
			bad = uid;
			any_bad = 1;
		}
	}
	if (any_bad)
		return cidx_yload_no_code(st, bad, err);
	if (absent != (size_t)-1)
		return cidx_yload_not_in_units(st, year, y, absent, err);
	return 0;
}

/* the counts of one year; the values per indicator column are what the
 * check of its `matrices` row counted */
static int
count_year(struct cidx_store *st, const struct cidx_framework *fw,
    const struct cidx_intmap *ids, int year, struct cidx_year_counts *out,
    struct cidx_err *err)
{
	struct cidx_dataset *ds = cidx_yload_dataset(fw, year);
	struct cidx_yload y;
	int ret;

	memset(&y, 0, sizeof(y));
	memset(out, 0, sizeof(*out));
	out->year = year;
	y.no_rowof = 1;
	if ((ret = cidx_yload_values(st, fw, ds, &y, NULL, NULL, err)) == 0 &&
	    y.np == 0)
		ret = cidx_yload_no_data(st, year, err);
	if (ret == 0)
		ret = check_units(st, year, ids, &y, err);
	if (ret == 0) {
		/* a row not picked has no indicator value: the series'
		 * counts are the picked rows' */
		out->n_units = y.np;
		for (size_t j = 0; j < fw->n_ind; j++) {
			size_t per = y.from[j] >= 0 ?
			    (size_t)y.s.check.used[y.from[j]] : 0;

			out->n_ind += per > 0;
			out->n_val += per;
		}
	}
	cidx_dataset_free(ds);
	cidx_yload_release(st, &y);
	return ret;
}

int
cidx_store_years_counts(struct cidx_store *st,
    const struct cidx_framework *fw, const int *years, size_t n,
    struct cidx_year_counts *out, size_t *done, struct cidx_err *err)
{
	struct cidx_intmap ids = CIDX_INTMAP_INIT;
	int ret, own;

	*done = 0;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	if ((ret = unit_ids(st, &ids, err)) == 0)
		for (; *done < n; (*done)++)
			if ((ret = count_year(st, fw, &ids, years[*done],
			    &out[*done], err)) < 0)
				break;
	cidx_intmap_release(&ids);
	cidx_db_read_end(st, own);
	return ret;
}

int
cidx_store_year_counts(struct cidx_store *st, const struct cidx_framework *fw,
    int year, size_t *n_units, size_t *n_ind, size_t *n_val,
    struct cidx_err *err)
{
	struct cidx_year_counts c;
	size_t done;
	int ret;

	memset(&c, 0, sizeof(c));
	ret = cidx_store_years_counts(st, fw, &year, 1, &c, &done, err);
	*n_units = c.n_units;
	*n_ind = c.n_ind;
	*n_val = c.n_val;
	return ret;
}
