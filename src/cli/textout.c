/*
 * textout.c - aligned text tables, safe text and CSV fields (textout.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/text.h"

/* the last few texts of out_text(), which callers print at once */
#define NTEXT 8
static struct sbuf texts[NTEXT] = {
	SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT,
	SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT
};

const char *
out_text(const char *s)
{
	static size_t k;
	struct sbuf *sb = &texts[k++ % NTEXT];

	cidx_sbuf_reset(sb);
	if (s != NULL)
		cidx_text_escape(sb, s, strlen(s));
	return sb->buf;
}

static uint32_t
next_cp(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	uint32_t c = *s;
	int k = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;

	if (k)
		c &= 0x3f >> k;
	s++;
	while (k-- > 0 && (*s & 0xc0) == 0x80)
		c = (c << 6) | (*s++ & 0x3f);
	*sp = (const char *)s;
	return c;
}

static int
cp_width(uint32_t c)
{
	if (c == 0)
		return 0;
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t
out_width(const char *s)
{
	size_t w = 0;

	while (*s)
		w += (size_t)cp_width(next_cp(&s));
	return w;
}

void
out_table_init(struct out_table *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->right = cidx_xcalloc(ncols, sizeof(int));
}

void
out_table_set_right(struct out_table *t, size_t col, int right)
{
	t->right[col] = right;
}

void
out_table_add(struct out_table *t, const char *const *cells)
{
	ALLOC_GROW(t->cell, (t->nrows + 1) * t->ncols, t->cap);
	for (size_t c = 0; c < t->ncols; c++)
		t->cell[t->nrows * t->ncols + c] =
		    cidx_xstrdup(out_text(cells[c]));
	t->nrows++;
}

void
out_table_print(FILE *fp, const struct out_table *t)
{
	size_t *w = cidx_xcalloc(t->ncols, sizeof(size_t));

	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t k = out_width(t->cell[r * t->ncols + c]);

			if (k > w[c])
				w[c] = k;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		struct sbuf line = SBUF_INIT;

		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cell[r * t->ncols + c];
			size_t pad = w[c] - out_width(s);

			if (c)
				cidx_sbuf_adds(&line, "  ");
			if (t->right[c])
				for (size_t i = 0; i < pad; i++)
					cidx_sbuf_addc(&line, ' ');
			cidx_sbuf_adds(&line, s);
			if (!t->right[c] && c + 1 < t->ncols)
				for (size_t i = 0; i < pad; i++)
					cidx_sbuf_addc(&line, ' ');
		}
		while (line.len && line.buf[line.len - 1] == ' ')
			line.buf[--line.len] = '\0';
		fprintf(fp, "%s\n", line.buf);
		cidx_sbuf_release(&line);
	}
	free(w);
}

void
out_table_release(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->right);
	memset(t, 0, sizeof(*t));
}

/* text for CSV and the workbook: valid UTF-8, control characters shown */
void
out_cell_text(struct sbuf *sb, const char *s)
{
	struct sbuf v = SBUF_INIT;

	cidx_text_repair(&v, s, strlen(s));
	cidx_text_escape(sb, v.buf, v.len);
	cidx_sbuf_release(&v);
}

void
out_csv_field(FILE *fp, const char *s)
{
	struct sbuf sb = SBUF_INIT;

	if (s == NULL)
		return;
	out_cell_text(&sb, s);
	if (strpbrk(sb.buf, ",\"\r\n") == NULL) {
		fputs(sb.buf, fp);
	} else {
		fputc('"', fp);
		for (const char *p = sb.buf; *p; p++) {
			if (*p == '"')
				fputc('"', fp);
			fputc(*p, fp);
		}
		fputc('"', fp);
	}
	cidx_sbuf_release(&sb);
}

int
out_json_end(struct cidx_jsonw *w)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_jsonw_finish(w, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}
