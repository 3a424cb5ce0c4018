/*
 * ystream.h - a year's row of `matrices` read a block of rows at a time
 * (store/matstream.c), and the check of its contents that every reader
 * of the row makes (The data of a year in cityidx(1)).  Not part of the
 * library's interface.
 */
#ifndef CIDX_STORE_YSTREAM_H
#define CIDX_STORE_YSTREAM_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/internal.h"

/*
 * The check of a row's contents (cityidx(1), WORKSPACE SCHEMA,
 * matrices): each unit once, the sources naming series that
 * exist, every value a finite number or NaN (none), and the sources
 * counting exactly the values of each series.  Begin with the units and
 * the sources, give it every row once, in any blocks; end says whether
 * the row passed (and frees).
 */
struct cidx_ycheck {
	size_t ns;
	uint64_t *count, *used; /* per series: by the sources, seen */
	int ok;
};

void cidx_ycheck_begin(struct cidx_ycheck *c, size_t ns,
    const sqlite3_int64 *uid, size_t n, const int32_t *src, size_t nsrc);
void cidx_ycheck_rows(struct cidx_ycheck *c, const double *v, size_t nr);
int cidx_ycheck_end(struct cidx_ycheck *c);

/*
 * A year's `matrices` row opened for reading: the units and sources read
 * whole (they are small), the values left in the workspace and read by
 * cidx_ymat_stream_read() into the caller's buffer, so that a year of
 * 30,000 x 400 (96 MB) is never held twice (issue 17).  ok as in
 * cidx_yview (0: not of this machine or not consistent: the year is
 * damaged; ok 1 with n 0: no values); the values' check is complete when
 * every row has been read: cidx_ymat_stream_end() says whether it passed.
 */
struct cidx_ystream {
	int ok;
	size_t n, ns;
	sqlite3_int64 *uid;     /* n: the unit of each row */
	int32_t *src;           /* nsrc (series, import, count) triples */
	size_t nsrc;
	sqlite3_blob *blob;     /* the values, n x ns binary64 */
	struct cidx_ycheck check;
	int unmapped;           /* the memory map is off and the page cache
				   small while reading */
};

/*! cidx_ymat_stream_open() : opens the row of `year` (ns: the number of
 *  series).  @return 0 (see out->ok) or a negative code; close `out`
 *  with cidx_ymat_stream_close() either way. */
int cidx_ymat_stream_open(struct cidx_store *st, int year, size_t ns,
    struct cidx_ystream *out, struct cidx_err *err);
/*! cidx_ymat_stream_read() : rows [r0, r0 + nr) into buf (nr x ns),
 *  checked.  @return 0 or CIDX_EDB. */
int cidx_ymat_stream_read(struct cidx_store *st, struct cidx_ystream *s,
    size_t r0, size_t nr, double *buf, struct cidx_err *err);
/*! cidx_ymat_stream_end() : after every row was read: whether the row's
 *  contents passed the check (0: the year is damaged); if so,
 *  s->check.used[k] holds the number of values of series k. */
int cidx_ymat_stream_end(struct cidx_ystream *s);
void cidx_ymat_stream_close(struct cidx_store *st, struct cidx_ystream *s);

#endif
