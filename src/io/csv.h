/*
 * csv.h - read a whole CSV file into memory with the position of every
 * field, so that every later error can name file:line:column.
 *
 * Reading is done by libcsv in strict mode.  The text is converted to UTF-8
 * first: a UTF-8 BOM is dropped, UTF-16 with a BOM is converted, and a file
 * that is not valid UTF-8 is read as GB18030 (a superset of GBK, what
 * Chinese Excel exports) unless an encoding is given.  Columns are counted
 * in characters, from 1.
 */
#ifndef CIDX_CSV_H
#define CIDX_CSV_H

#include <stddef.h>

#include "core/err.h"

struct cidx_csv_field {
	const char *s; /* NUL-terminated, owned by the table */
	unsigned line, col;
	int quoted;    /* the field began with a quote (its text one later) */
};

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
 *  Reads `path` (or standard input for "-").  `encoding` may be NULL
 *  (detect) or an iconv name such as "GB18030" or "UTF-8".
 *  @return 0 and a table in *out (caller frees with cidx_csv_free()),
 *          or CIDX_EIO / CIDX_EINVAL with a message naming path:line:col. */
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

/*! cidx_csv_check_rect() :
 *  Every row must have as many fields as the header.
 *  @return 0 or CIDX_EINVAL naming the first ragged row. */
int cidx_csv_check_rect(const struct cidx_csv *t, struct cidx_err *err);

#endif
