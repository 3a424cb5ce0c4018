/*
 * csv.c - libcsv driver that records the line and column of each field.
 *
 * libcsv reports a field only when it ends and does not say where it began,
 * so the bytes are fed one at a time and the position of the first byte
 * after each reported field is remembered as the start of the next one.
 * Feeding byte by byte costs a function call per byte (about 40 ms for a
 * 2 MB file), far below the SQLite work that follows.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "core/mem.h"
#include "core/sha256.h"
#include "io/csv.h"

struct pstate {
	struct sbuf text;          /* field strings, NUL-separated */
	size_t *off;               /* offset of each field in text */
	struct cidx_csv_field *f;  /* positions (s filled in at the end) */
	size_t nf, af;
	size_t *row_off;
	unsigned *row_endcol, *row_endline;
	size_t nr, ar;
	unsigned line, col;        /* position of the byte being fed */
	unsigned fline, fcol;      /* start of the current field */
	int fquoted;
	int need_start;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct pstate *st = data;

	ALLOC_GROW(st->f, st->nf + 1, st->af);
	st->off = xreallocarray(st->off, st->af, sizeof(*st->off));
	st->off[st->nf] = st->text.len;
	sbuf_add(&st->text, s ? s : "", s ? len : 0);
	sbuf_addc(&st->text, '\0');
	st->f[st->nf].s = NULL;
	st->f[st->nf].line = st->fline;
	st->f[st->nf].col = st->fcol;
	st->f[st->nf].quoted = st->fquoted;
	st->nf++;
	st->need_start = 1;
}

static void
on_row(int c, void *data)
{
	struct pstate *st = data;

	(void)c;
	ALLOC_GROW(st->row_off, st->nr + 2, st->ar);
	st->row_endcol = xreallocarray(st->row_endcol, st->ar,
	    sizeof(*st->row_endcol));
	st->row_endline = xreallocarray(st->row_endline, st->ar,
	    sizeof(*st->row_endline));
	st->row_off[st->nr + 1] = st->nf;
	st->row_endcol[st->nr] = st->col;
	st->row_endline[st->nr] = st->line;
	st->nr++;
	st->need_start = 1;
}

static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			return 0;
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++)
			if ((p[i + j] & 0xc0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

/* Converts buf (n bytes) from `enc` to UTF-8 in *out. */
static int
to_utf8(const char *path, const char *enc, char *buf, size_t n, char **out,
    size_t *nout, struct cidx_err *err)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	size_t cap = n * 4 + 16, left = cap, inleft = n;
	char *dst, *in = buf, *o;

	if (cd == (iconv_t)-1)
		return cidx_err_set(err, CIDX_EINVAL,
		    "unknown encoding '%s'", enc);
	dst = xmalloc(cap);
	o = dst;
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		size_t at = (size_t)(in - buf);
		unsigned line = 1;

		for (size_t i = 0; i < at; i++)
			line += buf[i] == '\n';
		iconv_close(cd);
		free(dst);
		return cidx_err_set(err, CIDX_EENCODING,
		    "%s:%u: invalid %s byte sequence", path, line, enc);
	}
	iconv_close(cd);
	*out = dst;
	*nout = cap - left;
	return 0;
}

static int
slurp(const char *path, char **out, size_t *n, struct cidx_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct sbuf sb = SBUF_INIT;
	char chunk[65536];
	size_t k;

	if (fp == NULL)
		return cidx_err_set(err, CIDX_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		sbuf_add(&sb, chunk, k);
	if (ferror(fp)) {
		int e = errno;

		if (fp != stdin)
			fclose(fp);
		sbuf_release(&sb);
		return cidx_err_set(err, CIDX_EIO, "cannot read '%s': %s",
		    path, strerror(e));
	}
	if (fp != stdin)
		fclose(fp);
	*n = sb.len;
	*out = sbuf_detach(&sb);
	return 0;
}

int
cidx_csv_read(struct cidx_csv **out, const char *path, const char *encoding,
    struct cidx_err *err)
{
	struct pstate st;
	struct csv_parser p;
	struct cidx_csv *t;
	char *raw = NULL, *conv = NULL, *txt;
	size_t nraw, ntxt;
	const char *enc = "UTF-8";
	int ret;

	*out = NULL;
	if ((ret = slurp(path, &raw, &nraw, err)) < 0)
		return ret;
	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	cidx_sha256_buf(raw, nraw, t->sha256);

	txt = raw;
	ntxt = nraw;
	if (encoding && strcasecmp(encoding, "UTF-8") && strcasecmp(encoding, "UTF8")) {
		enc = encoding;
	} else if (nraw >= 2 && ((unsigned char)raw[0] == 0xff &&
	    (unsigned char)raw[1] == 0xfe)) {
		enc = "UTF-16";
	} else if (nraw >= 2 && ((unsigned char)raw[0] == 0xfe &&
	    (unsigned char)raw[1] == 0xff)) {
		enc = "UTF-16";
	} else if (!encoding && !valid_utf8((unsigned char *)raw, nraw)) {
		enc = "GB18030";
	}
	if (strcmp(enc, "UTF-8") != 0) {
		if ((ret = to_utf8(path, enc, raw, nraw, &conv, &ntxt, err)) < 0)
			goto fail;
		txt = conv;
	} else if (!valid_utf8((unsigned char *)raw, nraw)) {
		ret = cidx_err_set(err, CIDX_EENCODING,
		    "'%s': not valid UTF-8", path);
		goto fail;
	}
	snprintf(t->encoding, sizeof(t->encoding), "%s", enc);
	if (ntxt >= 3 && memcmp(txt, "\xef\xbb\xbf", 3) == 0)
		txt += 3, ntxt -= 3;

	memset(&st, 0, sizeof(st));
	st.text = (struct sbuf)SBUF_INIT;
	st.line = 1;
	st.col = 1;
	st.need_start = 1;
	ALLOC_GROW(st.row_off, 1, st.ar);
	st.row_endcol = xreallocarray(NULL, st.ar, sizeof(*st.row_endcol));
	st.row_endline = xreallocarray(NULL, st.ar, sizeof(*st.row_endline));
	st.row_off[0] = 0;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	for (size_t i = 0; i < ntxt; i++) {
		unsigned char c = (unsigned char)txt[i];

		if (c == '\0') {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: NUL byte in text", path, st.line,
			    st.col);
			goto parse_fail;
		}
		if (st.need_start && c != '\r' && c != '\n') {
			st.fline = st.line;
			st.fcol = st.col;
			st.fquoted = c == '"';
			st.need_start = 0;
		} else if (st.need_start && (c == '\r' || c == '\n')) {
			/* an empty last field or a row end: starts here too */
			st.fline = st.line;
			st.fcol = st.col;
			st.fquoted = 0;
		}
		if (csv_parse(&p, &c, 1, on_field, on_row, &st) != 1) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: malformed CSV: a quote inside an "
			    "unquoted field, or text after a closing quote",
			    path, st.line, st.col);
			goto parse_fail;
		}
		if (c == '\n') {
			st.line++;
			st.col = 1;
		} else if ((c & 0xc0) != 0x80) {
			st.col++;
		}
	}
	if (csv_fini(&p, on_field, on_row, &st) != 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: unterminated quoted field", path, st.fline,
		    st.fcol);
		goto parse_fail;
	}
	csv_free(&p);
	if (st.nr == 0) {
		ret = cidx_err_set(err, CIDX_EINVAL, "%s: empty file", path);
		goto free_st;
	}
	t->nrows = st.nr;
	t->row_off = st.row_off;
	t->row_endcol = st.row_endcol;
	t->row_endline = st.row_endline;
	t->field = st.f;
	t->text = sbuf_detach(&st.text);
	for (size_t i = 0; i < st.nf; i++)
		t->field[i].s = t->text + st.off[i];
	free(st.off);
	free(conv);
	free(raw);
	*out = t;
	return 0;

parse_fail:
	csv_free(&p);
free_st:
	sbuf_release(&st.text);
	free(st.off);
	free(st.f);
	free(st.row_off);
	free(st.row_endcol);
	free(st.row_endline);
fail:
	free(conv);
	free(raw);
	cidx_csv_free(t);
	return ret;
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

int
cidx_csv_find_col(const struct cidx_csv *t, const char *const *names)
{
	size_t nc = cidx_csv_ncols(t, 0);

	for (const char *const *n = names; *n; n++)
		for (size_t c = 0; c < nc; c++)
			if (strcasecmp(cidx_csv_at(t, 0, c)->s, *n) == 0)
				return (int)c;
	return -1;
}

int
cidx_csv_check_rect(const struct cidx_csv *t, struct cidx_err *err)
{
	size_t nc = cidx_csv_ncols(t, 0);

	for (size_t r = 1; r < t->nrows; r++) {
		size_t k = cidx_csv_ncols(t, r);

		if (k > nc) {
			const struct cidx_csv_field *f = cidx_csv_at(t, r, nc);

			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: row has %zu fields, header has %zu",
			    t->path, f->line, f->col, k, nc);
		}
		if (k < nc) {
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: row has %zu fields, header has %zu",
			    t->path, t->row_endline[r], t->row_endcol[r], k,
			    nc);
		}
	}
	return 0;
}
