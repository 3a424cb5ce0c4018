#define _GNU_SOURCE /* strtod_l, newlocale */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/num.h"

static locale_t
c_locale(void)
{
	static locale_t loc;

	if (loc == (locale_t)0)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

int
cidx_num_is_missing(const char *s)
{
	while (blank(*s))
		s++;
	if (*s == '\0')
		return 1;
	if (s[0] == 'N' && s[1] == 'A') {
		s += 2;
		while (blank(*s))
			s++;
		return *s == '\0';
	}
	return 0;
}

int
cidx_num_parse(const char *s, double *out, size_t *bad_at)
{
	const char *p = s, *start;
	int digits = 0;
	char *end;
	double v;

	while (blank(*p))
		p++;
	start = p;
	if (*p == '+' || *p == '-')
		p++;
	while (isdigit((unsigned char)*p))
		p++, digits++;
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++, digits++;
	}
	if (digits == 0)
		goto bad;
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;

		if (*q == '+' || *q == '-')
			q++;
		if (!isdigit((unsigned char)*q)) {
			p = q;
			goto bad;
		}
		while (isdigit((unsigned char)*q))
			q++;
		p = q;
	}
	{
		const char *q = p;

		while (blank(*q))
			q++;
		if (*q != '\0')
			goto bad;
	}
	errno = 0;
	v = strtod_l(start, &end, c_locale());
	if (end != p || !isfinite(v))
		goto bad;
	*out = v;
	return 0;
bad:
	if (bad_at)
		*bad_at = (size_t)(p - s);
	return CIDX_EINVAL;
}

int
cidx_num_parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return CIDX_EINVAL;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end != '\0' || v < lo || v > hi)
		return CIDX_EINVAL;
	*out = v;
	return 0;
}

void
cidx_num_fmt(char *buf, size_t n, double x, int prec)
{
	locale_t old;

	if (isnan(x)) {
		snprintf(buf, n, "%s", "");
		return;
	}
	if (x == 0)
		x = 0; /* no "-0" */
	old = uselocale(c_locale());
	snprintf(buf, n, "%.*g", prec, x);
	uselocale(old);
}

void
cidx_num_fmt_fixed(char *buf, size_t n, double x, int decimals)
{
	locale_t old;

	if (isnan(x)) {
		snprintf(buf, n, "%s", "");
		return;
	}
	old = uselocale(c_locale());
	snprintf(buf, n, "%.*f", decimals, x);
	uselocale(old);
	if (strcmp(buf, "-0") == 0 || (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1)))
		memmove(buf, buf + 1, strlen(buf));
}
