/*
 * csvtable.c - a whole table read through the reader (csv.c), and the
 * look-ups and checks on the fields of a row or a table, whose messages
 * name the place as Positions in messages (man/cityidx.1) says.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "io/csv.h"

int
cidx_csv_row_find(const struct cidx_csv_row *row, const char *const *names)
{
	for (const char *const *n = names; *n; n++)
		for (size_t c = 0; c < row->n; c++)
			if (strcasecmp(row->field[c].s, *n) == 0)
				return (int)c;
	return -1;
}

int
cidx_csv_row_find_once(const struct cidx_csv_row *row,
    const char *const *names, const char *path, int *col,
    struct cidx_err *err)
{
	const struct cidx_csv_field *a, *b;
	int c = cidx_csv_row_find(row, names);

	*col = c;
	if (c < 0)
		return 0;
	a = &row->field[c];
	for (size_t d = 0; d < row->n; d++) {
		b = &row->field[d];
		if ((int)d != c && strcasecmp(b->s, a->s) == 0) {
			if ((int)d < c) {
				const struct cidx_csv_field *t = a;

				a = b;
				b = t;
			}
			*col = -1;
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: "
			    "duplicate column '%s' (the first is at %u:%u)",
			    path, b->line, b->col, b->s, a->line, a->col);
		}
	}
	return 0;
}

int
cidx_csv_row_check(const char *path, const struct cidx_csv_row *row,
    size_t n, struct cidx_err *err)
{
	if (row->n > n)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: row has %zu fields, header has %zu", path,
		    row->field[n].line, row->field[n].col, row->n, n);
	if (row->n < n)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: row has %zu fields, header has %zu", path,
		    row->end_line, row->end_col, row->n, n);
	return 0;
}

int
cidx_csv_read(struct cidx_csv **out, const char *path, const char *encoding,
    struct cidx_err *err)
{
	struct cidx_csv_reader *r = NULL;
	struct cidx_csv_row row;
	struct cidx_csv *t;
	struct sbuf text = SBUF_INIT;
	size_t *off = NULL, nf = 0, af = 0, ar = 0;
	int ret;

	*out = NULL;
	if ((ret = cidx_csv_open(&r, path, encoding, err)) < 0)
		return ret;
	t = cidx_xcalloc(1, sizeof(*t));
	t->path = cidx_xstrdup(path);
	memcpy(t->sha256, cidx_csv_sha256(r), sizeof(t->sha256));
	memcpy(t->encoding, cidx_csv_encoding(r), sizeof(t->encoding));
	ALLOC_GROW(t->row_off, 1, ar);
	t->row_endcol = cidx_xreallocarray(NULL, ar, sizeof(*t->row_endcol));
	t->row_endline = cidx_xreallocarray(NULL, ar, sizeof(*t->row_endline));
	t->row_off[0] = 0;
	while ((ret = cidx_csv_next(r, &row, err)) > 0) {
		size_t old = ar;

		ALLOC_GROW(t->row_off, t->nrows + 2, ar);
		if (ar != old) {
			t->row_endcol = cidx_xreallocarray(t->row_endcol, ar,
			    sizeof(*t->row_endcol));
			t->row_endline = cidx_xreallocarray(t->row_endline, ar,
			    sizeof(*t->row_endline));
		}
		for (size_t c = 0; c < row.n; c++) {
			if (nf + 1 > af) {
				ALLOC_GROW(t->field, nf + 1, af);
				off = cidx_xreallocarray(off, af, sizeof(*off));
			}
			t->field[nf] = row.field[c];
			off[nf++] = text.len;
			cidx_sbuf_adds(&text, row.field[c].s);
			cidx_sbuf_addc(&text, '\0');
		}
		t->row_endcol[t->nrows] = row.end_col;
		t->row_endline[t->nrows] = row.end_line;
		t->row_off[++t->nrows] = nf;
	}
	cidx_csv_close(r);
	if (ret < 0) {
		cidx_sbuf_release(&text);
		free(off);
		cidx_csv_free(t);
		return ret;
	}
	t->text = cidx_sbuf_detach(&text);
	for (size_t i = 0; i < nf; i++)
		t->field[i].s = t->text + off[i];
	free(off);
	*out = t;
	return 0;
}

void
cidx_csv_free(struct cidx_csv *t)
{
	if (t == NULL)
		return;
	free(t->path);
	free(t->row_off);
	free(t->row_endcol);
	free(t->row_endline);
	free(t->field);
	free(t->text);
	free(t);
}

unsigned
cidx_csv_col_at(const struct cidx_csv_field *f, size_t byte_off)
{
	unsigned col = f->col + (f->quoted ? 1 : 0);

	for (size_t i = 0; i < byte_off && f->s[i]; i++)
		if (((unsigned char)f->s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* Row r of the table as the reader gave it. */
static struct cidx_csv_row
table_row(const struct cidx_csv *t, size_t r)
{
	struct cidx_csv_row row;

	row.field = cidx_csv_at(t, r, 0);
	row.n = cidx_csv_ncols(t, r);
	row.index = r;
	row.end_line = t->row_endline[r];
	row.end_col = t->row_endcol[r];
	return row;
}

int
cidx_csv_find_col(const struct cidx_csv *t, const char *const *names)
{
	struct cidx_csv_row hdr = table_row(t, 0);

	return cidx_csv_row_find(&hdr, names);
}

int
cidx_csv_find_col_once(const struct cidx_csv *t, const char *const *names,
    int *col, struct cidx_err *err)
{
	struct cidx_csv_row hdr = table_row(t, 0);

	return cidx_csv_row_find_once(&hdr, names, t->path, col, err);
}

int
cidx_csv_check_rect(const struct cidx_csv *t, struct cidx_err *err)
{
	size_t nc = cidx_csv_ncols(t, 0);
	int ret;

	for (size_t r = 1; r < t->nrows; r++) {
		struct cidx_csv_row row = table_row(t, r);

		if ((ret = cidx_csv_row_check(t->path, &row, nc, err)) < 0)
			return ret;
	}
	return 0;
}
