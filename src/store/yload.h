/*
 * yload.h - the reading of one year's values, shared by the dataset of
 * a year (store/year.c) and its counts (store/yearcount.c).  Not part of
 * the library's interface.
 */
#ifndef CIDX_STORE_YLOAD_H
#define CIDX_STORE_YLOAD_H

#include "store/ystream.h"

/* the reading of one year: the dataset column of each series, its
 * values read a block at a time and the rows picked */
struct cidx_yload {
	struct cidx_ystream s;  /* the year's `matrices` row */
	const sqlite3_int64 *uid;
	const int32_t *src;     /* nsrc (series, import, count) triples */
	size_t nsrc, nrows, width; /* rows and values per row */
	long *col, *from;
	size_t ns, np;
	size_t *prow;           /* the row of each picked one, in order */
	struct cidx_unit *unit; /* np: by the pick's place */
	struct cidx_intmap rowof; /* unit id -> the pick's place */
	int no_rowof;           /* set by the caller: rowof not wanted */
};

/* what is done with each row picked: its place k and its values */
typedef void (*cidx_yrow_fn)(void *ctx, size_t k, const double *v);

/*! cidx_yload_values() :
 *  The year's values, the rows with an indicator value given to fn (may
 *  be NULL) with their place among them, in the order of the matrix,
 *  from the `matrices` row; a row that fails its check says the year is
 *  damaged (fn may have seen some rows: the caller drops what it made).
 *  y->from[j]: the series of dataset column j, or -1; y->rowof: unit id
 *  -> place.  Release y with cidx_yload_release() either way. */
int cidx_yload_values(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_dataset *ds, struct cidx_yload *y, cidx_yrow_fn fn,
    void *ctx, struct cidx_err *err);
void cidx_yload_release(struct cidx_store *st, struct cidx_yload *y);
/*! cidx_yload_dataset() : an empty dataset of `year`, its denominators
 *  known. */
struct cidx_dataset *cidx_yload_dataset(const struct cidx_framework *fw,
    int year);
/* the errors of a year's reading: a picked unit (place k) not in units;
 * no unit with an indicator value */
int cidx_yload_not_in_units(struct cidx_store *st, int year,
    const struct cidx_yload *y, size_t k, struct cidx_err *err);
int cidx_yload_no_data(struct cidx_store *st, int year, struct cidx_err *err);
/* a unit of units whose code is not text */
int cidx_yload_no_code(struct cidx_store *st, sqlite3_int64 id,
    struct cidx_err *err);

#endif
