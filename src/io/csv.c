/*
 * csv.c - the reader: the file read whole and converted to UTF-8
 * (csvfile.c; Text encodings and CSV syntax in man/cityidx.1), its
 * checksum, and the libcsv driver that records the line and column of each
 * field.  The whole table and the checks on a row's fields are in
 * csvtable.c.
 *
 * libcsv reports a field only when it ends and does not say where it began.
 * The text is therefore fed in segments that each end at the first comma,
 * CR or LF: a field can only end at the last byte of a segment, so the
 * first byte of the segment after a reported field is where the next field
 * starts.  That is one csv_parse() call per field instead of one per byte.
 *
 * Buffers grow geometrically (libcsv's own too, through its blk_size), so a
 * long field costs time in proportion to its length.
 *
 * The text already read is not read again: of a large file, its pages are
 * given back to the system as the reading goes, so that the file and the
 * batch it becomes are not both whole in memory (issue 17).  A large file
 * is mapped (csvfile.c): the checks of its bytes, the checksum and the
 * parser each give back what they have looked at, and a page looked at
 * again is read again from the file.  The text of a file read whole is
 * given back once the checksum has read it (converted text at once).
 */
#define _DEFAULT_SOURCE /* madvise */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <csv.h>

#include "core/mem.h"
#include "core/sha256.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/csv_int.h"

/* the checksum is computed on the other core while the text is parsed */
struct digest {
	const char *buf;
	size_t n;
	int drop;         /* buf is a mapped file: give it back as read */
	char hex[65];
	pthread_t thread;
	int running;
	atomic_int done;  /* buf read whole */
};

/* the text given back in steps of this many bytes, from files of at
 * least DROP_MIN bytes */
#define DROP_STEP CIDX_CSV_DROP_STEP
#define DROP_MIN CIDX_CSV_MAP_MIN

struct cidx_csv_reader {
	char *path;
	struct digest dg;
	char *raw;                 /* the bytes as read, while dg runs */
	char *map;                 /* raw when the file is mapped */
	size_t maplen;
	char encoding[32];
	char *buf;                 /* the UTF-8 text (owned) */
	const unsigned char *txt;  /* buf without a BOM */
	size_t n, pos;             /* text length, next byte to feed */
	struct csv_parser p;
	unsigned line, col;        /* position of txt[pos] */
	unsigned last_line, last_col; /* of the last byte of the segment */
	unsigned fline, fcol;      /* start of the current field */
	int fquoted;
	int need_start;
	size_t flen, llen;         /* bytes of the current field, line */
	int in_fini, eof;
	/* the row being read */
	struct sbuf text;          /* its field strings, NUL-separated */
	size_t *off;               /* offset of each field in text */
	struct cidx_csv_field *f;
	size_t nf, af;
	unsigned end_line, end_col;
	int row_done;
	size_t nrows;
	int slow;                  /* no fast path (tests) */
	size_t dropped;            /* bytes of buf given back */
};

static void *
digest_run(void *arg)
{
	struct digest *d = arg;
	struct cidx_sha256 s;

	cidx_sha256_init(&s);
	for (size_t at = 0, k; at < d->n; at += k) {
		k = d->n - at > DROP_STEP ? DROP_STEP : d->n - at;
		cidx_sha256_update(&s, d->buf + at, k);
		if (d->drop)
			cidx_csv_drop(d->buf + at, k);
	}
	cidx_sha256_hex(&s, d->hex);
	atomic_store(&d->done, 1);
	return NULL;
}

static void
digest_start(struct digest *d, const char *buf, size_t n, int drop)
{
	d->buf = buf;
	d->n = n;
	d->drop = drop;
	d->running = pthread_create(&d->thread, NULL, digest_run, d) == 0;
	if (!d->running)
		digest_run(d);
}

static void
digest_wait(struct digest *d)
{
	if (d->running)
		pthread_join(d->thread, NULL);
	d->running = 0;
}

static void *
csv_xrealloc(void *p, size_t n)
{
	return cidx_xreallocarray(p, n ? n : 1, 1);
}

static void
on_field(void *s, size_t len, void *data)
{
	struct cidx_csv_reader *r = data;

	if (r->nf + 1 > r->af) {
		ALLOC_GROW(r->f, r->nf + 1, r->af);
		r->off = cidx_xreallocarray(r->off, r->af, sizeof(*r->off));
	}
	r->off[r->nf] = r->text.len;
	if (s == NULL)
		len = 0;
	/* what cidx_sbuf_grow() would check, without a call per field */
	if (r->text.len + len + 2 > r->text.alloc)
		cidx_sbuf_grow(&r->text, len + 1);
	if (len)
		memcpy(r->text.buf + r->text.len, s, len);
	r->text.len += len + 1;
	r->text.buf[r->text.len - 1] = '\0';
	r->f[r->nf].s = NULL;
	r->f[r->nf].line = r->fline;
	r->f[r->nf].col = r->fcol;
	r->f[r->nf].quoted = r->fquoted;
	r->nf++;
	r->need_start = 1;
}

static void
on_row(int c, void *data)
{
	struct cidx_csv_reader *r = data;

	(void)c;
	r->end_line = r->in_fini ? r->line : r->last_line;
	r->end_col = r->in_fini ? r->col : r->last_col;
	r->row_done = 1;
	r->need_start = 1;
}

/* the bytes as read, of a file read whole or mapped */
static void
raw_free(struct cidx_csv_reader *r, char *raw)
{
	if (raw == NULL || raw != r->map) {
		free(raw);
		return;
	}
	munmap(r->map, r->maplen);
	r->map = NULL;
}

int
cidx_csv_open(struct cidx_csv_reader **out, const char *path,
    const char *encoding, struct cidx_err *err)
{
	struct cidx_csv_reader *r;
	char *raw = NULL, *conv = NULL;
	size_t nraw, ntxt = 0, bad, maplen = 0;
	const char *enc = "UTF-8";
	unsigned bad_line = 0, bad_col = 0;
	int ret = 0, mapped, nul_stops;

	*out = NULL;
	nul_stops = encoding == NULL || !cidx_csv_is_utf16_name(encoding);
	if ((mapped = cidx_csv_map(path, nul_stops, &raw, &nraw, &maplen,
	    err)) < 0 || (!mapped && (ret = cidx_csv_slurp(path, nul_stops,
	    &raw, &nraw, err)) < 0))
		return mapped < 0 ? mapped : ret;
	r = cidx_xcalloc(1, sizeof(*r));
	r->path = cidx_xstrdup(path);
	r->raw = raw;
	if (mapped) {
		r->map = raw;
		r->maplen = maplen;
	}
	digest_start(&r->dg, raw, nraw, mapped);
	if (encoding && !cidx_csv_is_utf8_name(encoding)) {
		enc = encoding;
	} else if (nraw >= 2 && (((unsigned char)raw[0] == 0xff &&
	    (unsigned char)raw[1] == 0xfe) || ((unsigned char)raw[0] == 0xfe &&
	    (unsigned char)raw[1] == 0xff))) {
		enc = "UTF-16";
	} else if (!cidx_csv_utf8_ok(raw, nraw, mapped, &bad)) {
		cidx_csv_position((const unsigned char *)raw, bad, &bad_line,
		    &bad_col);
		if (encoding) {
			ret = cidx_err_set(err, CIDX_EENCODING,
			    "%s:%u:%u: not valid UTF-8", path, bad_line,
			    bad_col);
			goto fail;
		}
		enc = "GB18030";
	}
	if (strcmp(enc, "UTF-8") != 0) {
		if ((ret = cidx_csv_to_utf8(path, enc, raw, nraw, &conv, &ntxt,
		    err)) < 0) {
			/* guessed: say first why it is not UTF-8 */
			if (encoding == NULL && bad_line > 0)
				cidx_err_set(err, CIDX_EENCODING, "%s:%u:%u: "
				    "not valid UTF-8, and not GB18030 either",
				    path, bad_line, bad_col);
			goto fail;
		}
		r->buf = conv;
	} else {
		r->buf = raw;
		r->raw = NULL;
		ntxt = nraw;
	}
	snprintf(r->encoding, sizeof(r->encoding), "%s", enc);
	r->txt = (const unsigned char *)r->buf;
	r->n = ntxt;
	if (r->n >= 3 && memcmp(r->txt, "\xef\xbb\xbf", 3) == 0) {
		r->txt += 3;
		r->n -= 3;
	}
	r->text = (struct sbuf)SBUF_INIT;
	r->line = 1;
	r->col = 1;
	r->need_start = 1;
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_realloc_func(&r->p, csv_xrealloc);
	*out = r;
	return 0;
fail:
	digest_wait(&r->dg);
	raw_free(r, raw);
	free(r->path);
	free(r);
	return ret;
}

void
cidx_csv_close(struct cidx_csv_reader *r)
{
	if (r == NULL)
		return;
	digest_wait(&r->dg);
	raw_free(r, r->raw);
	csv_free(&r->p);
	cidx_sbuf_release(&r->text);
	free(r->off);
	free(r->f);
	raw_free(r, r->buf);
	free(r->path);
	free(r);
}

size_t
cidx_csv_rows(const struct cidx_csv_reader *r)
{
	return r->nrows;
}

const char *
cidx_csv_path(const struct cidx_csv_reader *r)
{
	return r->path;
}

const char *
cidx_csv_sha256(struct cidx_csv_reader *r)
{
	digest_wait(&r->dg);
	raw_free(r, r->raw);
	r->raw = NULL;
	return r->dg.hex;
}

void
cidx_csv_no_fast_path(struct cidx_csv_reader *r)
{
	r->slow = 1;
}

const char *
cidx_csv_encoding(const struct cidx_csv_reader *r)
{
	return r->encoding;
}

/* Feeds one segment: the bytes up to and including the next comma, CR or
 * LF (or the end of the text). */
static int
feed(struct cidx_csv_reader *r, struct cidx_err *err)
{
	const unsigned char *t = r->txt;
	size_t i = r->pos, end, k;
	unsigned line, col, chars = 0;
	int delim = 0;

	/* no line break before the segment's last byte: only the column
	 * moves, by the characters (UTF-8 lead bytes) passed */
	for (end = i; end < r->n; end++) {
		unsigned char c = t[end];

		if (c == ',' || c == '\n' || c == '\r') {
			end++;
			delim = 1;
			break;
		}
		if (c == '\0')
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: NUL byte in text", r->path, r->line,
			    r->col + chars);
		chars += (c & 0xc0) != 0x80;
	}
	if (r->need_start) {
		/* a field starts here (an empty one at a row end, too) */
		r->fline = r->line;
		r->fcol = r->col;
		r->fquoted = 0;
		if (t[i] != '\r' && t[i] != '\n') {
			r->fquoted = t[i] == '"';
			r->need_start = 0;
			r->flen = 0;
		}
	}
	r->flen += end - i;
	if (!r->need_start && r->flen > CIDX_CSV_MAX_FIELD)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: field longer "
		    "than %zu MiB", r->path, r->fline, r->fcol,
		    CIDX_CSV_MAX_FIELD >> 20);
	r->llen += end - i;
	if (r->llen > CIDX_CSV_MAX_FIELD)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:1: line longer "
		    "than %zu MiB", r->path, r->line, CIDX_CSV_MAX_FIELD >> 20);
	if (t[end - 1] == '\n' || t[end - 1] == '\r')
		r->llen = 0;
	r->last_line = r->line;
	/* the last byte is the delimiter, or else the last character */
	r->last_col = r->col + chars - (!delim && (t[end - 1] & 0xc0) != 0x80);
	/* libcsv grows its field buffer by blk_size: keep that at least the
	 * size it has and the segment, so growth is geometric */
	r->p.blk_size = r->p.entry_size > 128 ? r->p.entry_size : 128;
	if (r->p.blk_size < end - i)
		r->p.blk_size = end - i;
	k = csv_parse(&r->p, t + i, end - i, on_field, on_row, r);
	if (k != end - i) {
		line = r->line;
		col = r->col;
		cidx_csv_advance(t + i, k, &line, &col);
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: malformed CSV: a quote inside an unquoted "
		    "field, or text after a closing quote", r->path, line, col);
	}
	r->line = r->last_line;
	r->col = r->last_col;
	cidx_csv_advance(t + end - 1, 1, &r->line, &r->col);
	r->pos = end;
	return 0;
}

#define is_blank(c) ((c) == ' ' || (c) == '\t')

/*
 * The fast path of a row (issue 17): a line that ends with LF (or CR LF),
 * holds no quote, CR or NUL and is within the limits is split at its
 * commas as libcsv would (strict mode): an unquoted field loses its
 * leading and trailing blanks, its position is where its text after the
 * comma begins, the row ends at the CR or LF.  libcsv sees none of it and
 * stays at the start of a row (the LF after a row ended by CR, which it
 * skips there, is skipped here).  A line of blanks only (no row) and all
 * else go through feed().  0: not taken.
 */
static int
fast_row(struct cidx_csv_reader *r)
{
	const unsigned char *t = r->txt, *nl;
	size_t i = r->pos, end;
	unsigned col, line = r->line;
	/* what on_field() changes, put back when the line is not taken */
	unsigned fline = r->fline, fcol0 = r->fcol;
	int any = 0, fquoted = r->fquoted, need_start = r->need_start;

	if (i > 0 && t[i] == '\n' && t[i - 1] == '\r' && !r->slow)
		i++;
	if (r->slow || i >= r->n || (nl = memchr(t + i, '\n', r->n - i)) ==
	    NULL || nl == t + i || (size_t)(nl - (t + i)) >= CIDX_CSV_MAX_FIELD)
		return 0;
	end = (size_t)(nl - t) - (nl[-1] == '\r');
	col = i > r->pos ? 1 : r->col;
	line += i > r->pos;
	/* one pass: the line checked while it is split */
	while (i <= end) {
		size_t stop = i, b = i, e;
		unsigned fcol = col;

		for (; stop < end; stop++) {
			unsigned char c = t[stop];

			if (c == ',') {
				any = 1;
				break;
			}
			if (c == '"' || c == '\r' || c == '\0')
				goto undo;
			any |= !is_blank(c);
			col += (c & 0xc0) != 0x80;
		}
		while (b < stop && is_blank(t[b]))
			b++;
		for (e = stop; e > b && is_blank(t[e - 1]); e--)
			;
		r->fline = line;
		r->fcol = fcol;
		r->fquoted = 0;
		on_field((void *)(uintptr_t)(t + b), e - b, r);
		col++; /* the comma, or the CR or LF that ends the row */
		i = stop + 1;
	}
	if (!any)
		goto undo;
	r->line = line;
	r->end_line = r->line++;
	r->end_col = col - 1;
	r->row_done = r->need_start = r->col = 1;
	r->llen = 0;
	r->pos = (size_t)(nl - t) + 1;
	return 1;
undo:
	r->nf = 0;
	cidx_sbuf_reset(&r->text);
	r->fline = fline;
	r->fcol = fcol0;
	r->fquoted = fquoted;
	r->need_start = need_start;
	return 0;
}

/*
 * The pages of buf before the current row (of which only the byte before
 * r->pos is looked at again) are given back: at once of a mapped file or
 * of converted text, else once the checksum is done (given back, private
 * memory reads as zero bytes).
 */
static void
drop_read(struct cidx_csv_reader *r)
{
	size_t upto = (size_t)(r->txt - (const unsigned char *)r->buf) +
	    (r->pos ? r->pos - 1 : 0);

	if (r->n < DROP_MIN || upto < r->dropped + DROP_STEP ||
	    (r->buf == r->dg.buf && r->map == NULL &&
	    !atomic_load(&r->dg.done)))
		return;
	cidx_csv_drop(r->buf + r->dropped, upto - r->dropped);
	r->dropped = upto;
}

int
cidx_csv_next(struct cidx_csv_reader *r, struct cidx_csv_row *row,
    struct cidx_err *err)
{
	int ret;

	r->row_done = 0;
	r->nf = 0;
	cidx_sbuf_reset(&r->text);
	drop_read(r);
	if (r->pos < r->n)
		fast_row(r);
	while (!r->row_done) {
		if (r->pos < r->n) {
			if ((ret = feed(r, err)) < 0)
				return ret;
			continue;
		}
		if (r->eof)
			break;
		r->eof = 1;
		r->in_fini = 1;
		if (csv_fini(&r->p, on_field, on_row, r) != 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: unterminated quoted field", r->path,
			    r->fline, r->fcol);
	}
	if (!r->row_done) {
		if (r->nrows == 0)
			return cidx_err_set(err, CIDX_EINVAL, "%s: empty file",
			    r->path);
		return 0;
	}
	for (size_t i = 0; i < r->nf; i++)
		r->f[i].s = r->text.buf + r->off[i];
	row->field = r->f;
	row->n = r->nf;
	row->index = r->nrows++;
	row->end_line = r->end_line;
	row->end_col = r->end_col;
	return 1;
}
