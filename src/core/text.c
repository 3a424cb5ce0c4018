/*
 * text.c - see text.h.
 */
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/text.h"

/*
 * The UTF-8 sequence at p (n > 0 bytes left): its length when it is
 * well-formed (*ok = 1), else the length of its maximal subpart (*ok = 0,
 * at least 1 byte): the longest start of a well-formed sequence, or its
 * first byte (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal
 * Subparts").
 */
static size_t
seq(const unsigned char *p, size_t n, int *ok)
{
	unsigned c = p[0];
	unsigned lo = 0x80, hi = 0xbf; /* range of the second byte */
	size_t k;

	*ok = 1;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		k = 1;
	} else if (c >= 0xe0 && c <= 0xef) {
		k = 2;
		if (c == 0xe0)
			lo = 0xa0; /* overlong */
		else if (c == 0xed)
			hi = 0x9f; /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		k = 3;
		if (c == 0xf0)
			lo = 0x90; /* overlong */
		else if (c == 0xf4)
			hi = 0x8f; /* above U+10FFFF */
	} else {
		*ok = 0;
		return 1;
	}
	for (size_t j = 1; j <= k; j++) {
		if (j >= n || p[j] < lo || p[j] > hi) {
			*ok = 0;
			return j;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return k + 1;
}

int
cidx_text_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int ok;

	while (i < n) {
		size_t len = seq(p + i, n - i, &ok);

		if (!ok) {
			if (bad_at)
				*bad_at = i;
			return CIDX_EINVAL;
		}
		i += len;
	}
	return 0;
}

/* decodes the code point at p (valid UTF-8) and its length */
static unsigned long
next(const unsigned char *p, size_t *len)
{
	unsigned long c = p[0];
	int k = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;

	*len = (size_t)k + 1;
	if (k)
		c &= 0x3fUL >> k;
	for (int i = 1; i <= k; i++)
		c = c << 6 | (p[i] & 0x3f);
	return c;
}

static int
is_control(unsigned long c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 ||
	    c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

static int
is_space(unsigned long c)
{
	return c == 0x20 || c == 0xa0 || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f ||
	    c == 0x3000;
}

static int
is_invisible(unsigned long c)
{
	return c == 0xad || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x2060 && c <= 0x2064) || c == 0xfeff;
}

static int
scan(const char *s, int code, size_t *bad_at, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;

	if (code && *p == '\0') {
		*bad_at = 0;
		*cp = 0;
		return CIDX_EINVAL;
	}
	while (p[i]) {
		unsigned long c = next(p + i, &len);

		if (is_control(c) || (code && (is_space(c) ||
		    is_invisible(c)))) {
			*bad_at = i;
			*cp = c;
			return CIDX_EINVAL;
		}
		i += len;
	}
	return 0;
}

int
cidx_text_check(const char *s, size_t *bad_at, unsigned long *cp)
{
	return scan(s, 0, bad_at, cp);
}

int
cidx_text_check_code(const char *s, size_t *bad_at, unsigned long *cp)
{
	return scan(s, 1, bad_at, cp);
}

void
cidx_text_what(unsigned long cp, char *buf, size_t n)
{
	if (cp == 0)
		snprintf(buf, n, "empty");
	else if (is_control(cp))
		snprintf(buf, n, "control character U+%04lX", cp);
	else if (is_space(cp))
		snprintf(buf, n, "white space U+%04lX", cp);
	else
		snprintf(buf, n, "invisible character U+%04lX", cp);
}

void
cidx_text_repair(struct sbuf *sb, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	int ok;

	while (i < n) {
		size_t len = seq(p + i, n - i, &ok);

		if (!ok) {
			cidx_sbuf_add(sb, p + run, i - run);
			cidx_sbuf_add(sb, "\xef\xbf\xbd", 3); /* U+FFFD */
			run = i + len;
		}
		i += len;
	}
	cidx_sbuf_add(sb, p + run, n - run);
}

void
cidx_text_escape(struct sbuf *sb, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	int ok;

	while (i < n) {
		unsigned long c = 0;

		len = seq(p + i, n - i, &ok);
		if (ok)
			c = next(p + i, &len);
		if (ok && !is_control(c)) {
			i += len;
			continue;
		}
		cidx_sbuf_add(sb, p + run, i - run);
		if (!ok)
			for (size_t j = 0; j < len; j++)
				cidx_sbuf_addf(sb, "\\x%02X", p[i + j]);
		else if (c <= 0x9f)
			cidx_sbuf_addf(sb, "\\x%02lX", c);
		else
			cidx_sbuf_addf(sb, "\\u%04lX", c);
		i += len;
		run = i;
	}
	cidx_sbuf_add(sb, p + run, n - run);
}
