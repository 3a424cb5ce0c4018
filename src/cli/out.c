#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"

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
	t->right = xcalloc(ncols, sizeof(int));
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
		    xstrdup(cells[c] ? cells[c] : "");
	t->nrows++;
}

void
out_table_print(FILE *fp, const struct out_table *t)
{
	size_t *w = xcalloc(t->ncols, sizeof(size_t));

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
				sbuf_adds(&line, "  ");
			if (t->right[c])
				for (size_t i = 0; i < pad; i++)
					sbuf_addc(&line, ' ');
			sbuf_adds(&line, s);
			if (!t->right[c] && c + 1 < t->ncols)
				for (size_t i = 0; i < pad; i++)
					sbuf_addc(&line, ' ');
		}
		while (line.len && line.buf[line.len - 1] == ' ')
			line.buf[--line.len] = '\0';
		fprintf(fp, "%s\n", line.buf);
		sbuf_release(&line);
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

void
out_csv_field(FILE *fp, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

void
out_json_string(FILE *fp, const char *s)
{
	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\r')
			fputs("\\r", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

void
out_json_number(FILE *fp, double x)
{
	char b[40];

	if (!isfinite(x)) {
		fputs("null", fp);
		return;
	}
	cidx_num_fmt(b, sizeof(b), x, 17);
	fputs(b, fp);
}
