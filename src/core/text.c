/*
 * text.c - see text.h.
 */
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "core/text.h"

int
cidx_text_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		unsigned lo = 0x80, hi = 0xbf; /* range of the second byte */
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
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
			goto bad;
		}
		if (i + k >= n)
			goto bad;
		if (p[i + 1] < lo || p[i + 1] > hi)
			goto bad;
		for (size_t j = 2; j <= k; j++)
			if ((p[i + j] & 0xc0) != 0x80)
				goto bad;
		i += k + 1;
	}
	return 0;
bad:
	if (bad_at)
		*bad_at = i;
	return CIDX_EINVAL;
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
