/*
 * csv.h - read CSV files with the position of every field, so that every
 * later error can name file:line:column.
 *
 * Reading is done by libcsv in strict mode.  The text is converted to UTF-8
 * first: a UTF-8 BOM is dropped, UTF-16 with a BOM is converted, and a file
 * that is not valid UTF-8 is read as GB18030 (a superset of GBK, what
 * Chinese Excel exports) unless an encoding is given.  Columns are counted
 * in characters, from 1.
 *
 * Two ways to read: a reader hands out one row at a time (cidx_csv_open(),
 * cidx_csv_next()), so a large data file is never held as fields; and
 * cidx_csv_read() keeps the whole table, for the small files (frameworks,
 * weights) that are looked at column by column.
 *
 * Limits (man/cityidx.1, CSV syntax): a file of at most CIDX_CSV_MAX_FILE
 * bytes, a field and a line of at most CIDX_CSV_MAX_FIELD bytes.
 */
#ifndef CIDX_CSV_H
#define CIDX_CSV_H

#include <stddef.h>

#include "core/err.h"

#define CIDX_CSV_MAX_FILE ((size_t)1 << 30)  /* 1 GiB, as read */
#define CIDX_CSV_MAX_FIELD ((size_t)1 << 24) /* 16 MiB, after conversion */

struct cidx_csv_field {
	const char *s; /* NUL-terminated */
	unsigned line, col;
	int quoted;    /* the field began with a quote (its text one later) */
};

/* One row from a reader: valid until the next cidx_csv_next(). */
struct cidx_csv_row {
	const struct cidx_csv_field *field;
	size_t n;
	size_t index;              /* 0 for the header */
	unsigned end_line, end_col; /* just past the last field */
};

struct cidx_csv_reader;

/*! cidx_csv_open() :
 *  Reads `path` (or standard input for "-") into memory, checks and
 *  converts its encoding.  `encoding` may be NULL (detect) or an iconv
 *  name such as "GB18030" or "UTF-8".
 *  @return 0 and a reader in *out (close with cidx_csv_close()), or
 *          CIDX_EIO, CIDX_EENCODING (text not valid in its encoding) or
 *          CIDX_EINVAL with a message naming the file. */
int cidx_csv_open(struct cidx_csv_reader **out, const char *path,
    const char *encoding, struct cidx_err *err);

/*! cidx_csv_next() :
 *  The next row (the header first; empty lines are skipped).
 *  @return 1 and *row, 0 at the end, or CIDX_EINVAL naming
 *          file:line:column (malformed CSV, a NUL byte, a field or line
 *          over the limit, or a file without any row). */
int cidx_csv_next(struct cidx_csv_reader *r, struct cidx_csv_row *row,
    struct cidx_err *err);

/*! cidx_csv_rows() : rows returned so far, the header included. */
size_t cidx_csv_rows(const struct cidx_csv_reader *r);
const char *cidx_csv_path(const struct cidx_csv_reader *r);
/*! cidx_csv_sha256() : of the file's bytes as read (64 hex digits),
 *  computed on another thread from cidx_csv_open() on: this waits for it. */
const char *cidx_csv_sha256(struct cidx_csv_reader *r);
/*! cidx_csv_encoding() : what the text was converted from. */
const char *cidx_csv_encoding(const struct cidx_csv_reader *r);
void cidx_csv_close(struct cidx_csv_reader *r);
/*! cidx_csv_no_fast_path() : every row through libcsv, for the tests that
 *  compare the rows of the fast path (plain lines split here) with it. */
void cidx_csv_no_fast_path(struct cidx_csv_reader *r);

/*! cidx_csv_row_find() :
 *  Index of the field of `row` equal (ASCII case-insensitive) to one of
 *  the NULL-terminated `names`, trying the names in order, or -1. */
int cidx_csv_row_find(const struct cidx_csv_row *row,
    const char *const *names);

/*! cidx_csv_row_find_once() :
 *  As cidx_csv_row_find(), and the header cell found must be the only
 *  one of its name (in any ASCII case): of two 'code' columns, which one
 *  is meant cannot be told.  (Two aliases, such as 'code' and 'iCode',
 *  are not a duplicate: the first name in `names` wins.)
 *  @return 0 and *col (-1: no such column), or CIDX_EINVAL naming the
 *          path, line and column of the second cell and where the first
 *          is (*col -1). */
int cidx_csv_row_find_once(const struct cidx_csv_row *row,
    const char *const *names, const char *path, int *col,
    struct cidx_err *err);

/*! cidx_csv_row_check() :
 *  A row must have `n` fields (as many as the header).
 *  @return 0 or CIDX_EINVAL naming the first extra field or the row end. */
int cidx_csv_row_check(const char *path, const struct cidx_csv_row *row,
    size_t n, struct cidx_err *err);

/* A whole table. */
struct cidx_csv {
	char *path;            /* as given, for messages */
	char sha256[65];       /* of the file's bytes as read */
	char encoding[32];     /* what it was converted from */
	size_t nrows;          /* rows, header included */
	size_t *row_off;       /* row r = field[row_off[r] .. row_off[r+1]) */
	struct cidx_csv_field *field;
	unsigned *row_endcol;  /* column just past the last field of each row */
	unsigned *row_endline; /* line of the end of each row */
	char *text;            /* arena holding field strings */
};

/*! cidx_csv_read() :
 *  Reads a whole file as cidx_csv_open() and cidx_csv_next() do.
 *  @return 0 and a table in *out (caller frees with cidx_csv_free()),
 *          or an error as those functions give. */
int cidx_csv_read(struct cidx_csv **out, const char *path,
    const char *encoding, struct cidx_err *err);

void cidx_csv_free(struct cidx_csv *t);

static inline size_t
cidx_csv_ncols(const struct cidx_csv *t, size_t r)
{
	return t->row_off[r + 1] - t->row_off[r];
}

static inline const struct cidx_csv_field *
cidx_csv_at(const struct cidx_csv *t, size_t r, size_t c)
{
	return &t->field[t->row_off[r] + c];
}

/*! cidx_csv_col_at() : the column (in characters) of the byte at offset
 *  `byte_off` of field `f`. */
unsigned cidx_csv_col_at(const struct cidx_csv_field *f, size_t byte_off);

/*! cidx_csv_find_col() :
 *  Index of the header column equal (ASCII case-insensitive) to one of the
 *  NULL-terminated `names`, or -1. */
int cidx_csv_find_col(const struct cidx_csv *t, const char *const *names);

/*! cidx_csv_find_col_once() : cidx_csv_row_find_once() on the header. */
int cidx_csv_find_col_once(const struct cidx_csv *t, const char *const *names,
    int *col, struct cidx_err *err);

/*! cidx_csv_check_rect() :
 *  Every row must have as many fields as the header.
 *  @return 0 or CIDX_EINVAL naming the first ragged row. */
int cidx_csv_check_rect(const struct cidx_csv *t, struct cidx_err *err);

#endif
