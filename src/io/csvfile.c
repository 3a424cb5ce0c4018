/*
 * csvfile.c - a CSV file read whole and its text converted to UTF-8 (Text
 * encodings in man/cityidx.1), for the reader of csv.c; and the line and
 * column of a byte of text.  A large file is mapped instead of read, so
 * that only the pages being looked at are in memory (issue 17).
 */
#define _DEFAULT_SOURCE /* madvise, MAP_ANONYMOUS */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/csv_int.h"

/* Moves a line:column position over n bytes of UTF-8 text. */
void
cidx_csv_advance(const unsigned char *s, size_t n, unsigned *line, unsigned *col)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((s[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Line and column of byte `at` of UTF-8 text. */
void
cidx_csv_position(const unsigned char *s, size_t at, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	cidx_csv_advance(s, at, line, col);
}

/*
 * Converts buf (n bytes) from `enc` to UTF-8 in *out.  A byte sequence
 * that is not valid in `enc` is located in the text converted so far, so
 * the message names its line and column whatever the encoding.
 */
int
cidx_csv_to_utf8(const char *path, const char *enc, char *buf, size_t n, char **out,
    size_t *nout, struct cidx_err *err)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	size_t cap = n * 4 + 16, left = cap, inleft = n;
	char *dst, *in = buf, *o;

	if (cd == (iconv_t)-1)
		return cidx_err_set(err, CIDX_EINVAL,
		    "unknown encoding '%s'", enc);
	dst = cidx_xmalloc(cap);
	o = dst;
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		unsigned line, col;

		cidx_csv_position((const unsigned char *)dst, (size_t)(o - dst), &line,
		    &col);
		iconv_close(cd);
		free(dst);
		return cidx_err_set(err, CIDX_EENCODING,
		    "%s:%u:%u: invalid %s byte sequence", path, line, col, enc);
	}
	iconv_close(cd);
	*out = dst;
	*nout = cap - left;
	return 0;
}

/*
 * Reads the whole file, at most CIDX_CSV_MAX_FILE bytes.  When `nul_stops`
 * (text that cannot hold NUL bytes: not UTF-16), reading ends just after
 * the first NUL byte, which the parser then reports with its position:
 * `import /dev/zero` fails at once instead of filling the memory.
 */
#define READ_PIECE ((size_t)1 << 20)

int
cidx_csv_slurp(const char *path, int nul_stops, char **out, size_t *n,
    struct cidx_err *err)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct sbuf sb = SBUF_INIT;
	size_t k;
	int ret = 0;

	if (fp == NULL)
		return cidx_err_set(err, CIDX_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	{
		struct stat fs;

		/* a regular file says its size: refuse it before reading */
		if (fstat(fileno(fp), &fs) == 0 && S_ISREG(fs.st_mode) &&
		    (unsigned long long)fs.st_size > CIDX_CSV_MAX_FILE) {
			ret = cidx_err_set(err, CIDX_EINVAL, "'%s': larger than "
			    "%zu MiB", path, CIDX_CSV_MAX_FILE >> 20);
			goto out;
		}
		if (fstat(fileno(fp), &fs) == 0 && S_ISDIR(fs.st_mode)) {
			ret = cidx_err_set(err, CIDX_EIO, "cannot read '%s': "
			    "it is a directory", path);
			goto out;
		}
		/* and the buffer is made its size at once (issue 17) */
		if (S_ISREG(fs.st_mode) && fs.st_size > 0)
			cidx_sbuf_grow(&sb, (size_t)fs.st_size);
	}
	/* read straight into the buffer, a piece at a time */
	for (;;) {
		char *piece;
		const char *nul;

		cidx_sbuf_grow(&sb, READ_PIECE);
		piece = sb.buf + sb.len;
		if ((k = fread(piece, 1, READ_PIECE, fp)) == 0)
			break;
		/* a UTF-16 byte-order mark at the start allows NUL bytes */
		if (sb.len == 0 && k >= 2 &&
		    (((unsigned char)piece[0] == 0xff &&
		    (unsigned char)piece[1] == 0xfe) ||
		    ((unsigned char)piece[0] == 0xfe &&
		    (unsigned char)piece[1] == 0xff)))
			nul_stops = 0;
		if (nul_stops && (nul = memchr(piece, '\0', k)) != NULL) {
			sb.len += (size_t)(nul - piece) + 1;
			break;
		}
		if (sb.len + k > CIDX_CSV_MAX_FILE) {
			ret = cidx_err_set(err, CIDX_EINVAL, "'%s': larger than "
			    "%zu MiB", path, CIDX_CSV_MAX_FILE >> 20);
			goto out;
		}
		sb.len += k;
	}
	sb.buf[sb.len] = '\0';
	if (ferror(fp))
		ret = cidx_err_set(err, CIDX_EIO, "cannot read '%s': %s", path,
		    strerror(errno));
out:
	if (fp != stdin)
		fclose(fp);
	if (ret < 0) {
		cidx_sbuf_release(&sb);
		return ret;
	}
	*n = sb.len;
	*out = cidx_sbuf_detach(&sb);
	return 0;
}

int
cidx_csv_is_utf8_name(const char *enc)
{
	return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

int
cidx_csv_is_utf16_name(const char *enc)
{
	return strncasecmp(enc, "UTF-16", 6) == 0 ||
	    strncasecmp(enc, "UTF16", 5) == 0 ||
	    strncasecmp(enc, "UTF-32", 6) == 0 ||
	    strncasecmp(enc, "UTF32", 5) == 0 ||
	    strncasecmp(enc, "UCS-", 4) == 0;
}

/* cidx_text_utf8_valid() after the ASCII prefix, 8 bytes at a time (most
 * data files are all ASCII: issue 17) */
static int
utf8_piece_ok(const char *raw, size_t n, size_t *bad)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, raw + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	if (cidx_text_utf8_valid(raw + i, n - i, bad) < 0) {
		*bad += i;
		return 0;
	}
	return 1;
}

/* The text in pieces that each end before a byte that starts a character
 * (so that the first bad byte is the same as in the whole), each dropped
 * once checked when `drop` (a mapped file). */
int
cidx_csv_utf8_ok(const char *raw, size_t n, int drop, size_t *bad)
{
	size_t at = 0, end;

	while (at < n) {
		end = n - at > CIDX_CSV_DROP_STEP ? at + CIDX_CSV_DROP_STEP : n;
		while (end < n && end > at + 4 &&
		    ((unsigned char)raw[end] & 0xc0) == 0x80)
			end--;
		if (!utf8_piece_ok(raw + at, end - at, bad)) {
			*bad += at;
			return 0;
		}
		if (drop)
			cidx_csv_drop(raw + at, end - at);
		at = end;
	}
	return 1;
}

void
cidx_csv_drop(const void *p, size_t n)
{
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE), lo, hi;

	if (pg == 0 || (pg & (pg - 1)) != 0)
		return;
	lo = ((uintptr_t)p + pg - 1) & ~(pg - 1);
	hi = ((uintptr_t)p + n) & ~(pg - 1);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_DONTNEED);
}

/* the length up to and with the first NUL byte of a mapped file, its
 * pages dropped as they are looked at */
static size_t
nul_stop(const char *base, size_t n)
{
	for (size_t at = 0, k; at < n; at += k) {
		const char *nul;

		k = n - at > CIDX_CSV_DROP_STEP ? CIDX_CSV_DROP_STEP : n - at;
		nul = memchr(base + at, '\0', k);
		cidx_csv_drop(base + at, k);
		if (nul)
			return (size_t)(nul - base) + 1;
	}
	return n;
}

int
cidx_csv_map(const char *path, int nul_stops, char **out, size_t *n,
    size_t *maplen, struct cidx_err *err)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE), size, len;
	struct stat fs;
	char *base;
	int fd;

	/* stat() first: opening a FIFO would wait for its writer */
	if (strcmp(path, "-") == 0 || stat(path, &fs) != 0 ||
	    !S_ISREG(fs.st_mode) ||
	    (unsigned long long)fs.st_size < CIDX_CSV_MAP_MIN ||
	    (fd = open(path, O_RDONLY)) < 0)
		return 0;
	if (fstat(fd, &fs) != 0 || !S_ISREG(fs.st_mode) ||
	    (unsigned long long)fs.st_size < CIDX_CSV_MAP_MIN || pg == 0) {
		close(fd);
		return 0;
	}
	if ((unsigned long long)fs.st_size > CIDX_CSV_MAX_FILE) {
		close(fd);
		return cidx_err_set(err, CIDX_EINVAL, "'%s': larger than "
		    "%zu MiB", path, CIDX_CSV_MAX_FILE >> 20);
	}
	/* the file, then zero bytes to at least a page past its end */
	size = (size_t)fs.st_size;
	len = (size + pg - 1) / pg * pg + pg;
	base = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base != MAP_FAILED && mmap(base, size, PROT_READ,
	    MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		munmap(base, len);
		base = MAP_FAILED;
	}
	close(fd);
	if (base == MAP_FAILED)
		return 0;
	/* a UTF-16 byte-order mark allows NUL bytes, as when read */
	if (size >= 2 && (((unsigned char)base[0] == 0xff &&
	    (unsigned char)base[1] == 0xfe) || ((unsigned char)base[0] == 0xfe &&
	    (unsigned char)base[1] == 0xff)))
		nul_stops = 0;
	*out = base;
	*n = nul_stops ? nul_stop(base, size) : size;
	*maplen = len;
	return 1;
}
