#define _GNU_SOURCE /* strtod_l, newlocale */
#include <ctype.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/num.h"

/* the one C locale object of the library, made once (thread-safe) */
static locale_t loc;
static pthread_once_t loc_once = PTHREAD_ONCE_INIT;

static void
make_c_locale(void)
{
	loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t
c_locale(void)
{
	pthread_once(&loc_once, make_c_locale);
	return loc;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The code point at s (UTF-8, assumed valid), and its length in *len. */
static unsigned long
code_point(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] >= 0xe0 && p[0] < 0xf0 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		*len = 3;
		return (unsigned long)(p[0] & 0x0f) << 12 |
		    (unsigned long)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
	}
	*len = 1;
	return 0xfffd;
}

static int
is_dash(unsigned long c)
{
	/* hyphen-minus, en dash, em dash, horizontal bar, fullwidth
	 * hyphen-minus */
	return c == 0x2d || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
	    c == 0xff0d;
}

static int
is_ellipsis(unsigned long c)
{
	/* horizontal ellipsis, midline horizontal ellipsis */
	return c == 0x2026 || c == 0x22ef;
}

/*
 * The marks yearbooks and spreadsheets use for "not available": nothing;
 * NA, N/A, n/a; a run of dashes (- -- — —— – ― －); two or more full
 * stops (.. ...) or a run of ellipses (… …… ⋯).  Blanks around are
 * allowed.  man/cityidx.1, "Values and missing values".
 */
int
cidx_num_is_missing(const char *s)
{
	size_t n, len, dashes = 0, dots = 0, ellipses = 0, other = 0;

	while (blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && blank(s[n - 1]))
		n--;
	if (n == 0)
		return 1;
	if ((n == 2 && strncmp(s, "NA", 2) == 0) ||
	    (n == 3 && (strncmp(s, "N/A", 3) == 0 ||
	    strncmp(s, "n/a", 3) == 0)))
		return 1;
	for (size_t i = 0; i < n; i += len) {
		unsigned long c = code_point(s + i, &len);

		if (i + len > n)
			return 0;
		if (is_dash(c))
			dashes++;
		else if (c == '.')
			dots++;
		else if (is_ellipsis(c))
			ellipses++;
		else
			other++;
	}
	if (other)
		return 0;
	if (dashes)
		return dots == 0 && ellipses == 0;
	return ellipses > 0 || dots >= 2;
}

/*
 * Clinger's fast path: a decimal with at most 15 significant digits and a
 * power of ten of magnitude at most 22 is one exact integer times or
 * divided by one exact power of ten, and IEEE 754 rounds that single
 * operation correctly, so the result is strtod's.  Most data values are
 * like that; the others go to strtod_l().  The digits are gathered while
 * cidx_num_parse() checks the number (one pass, issue 17): dec_digit()
 * per digit (frac: after the point); ok 0 once the path is left.
 */
struct dec {
	unsigned long long m;
	int nd, e, ok;
};

static void
dec_digit(struct dec *d, char c, int frac)
{
	if (d->m == 0 && c == '0') {
		d->e -= frac; /* leading zeros: only the scale counts */
		return;
	}
	if (++d->nd > 15) {
		d->ok = 0;
		return;
	}
	d->m = d->m * 10 + (unsigned long long)(c - '0');
	d->e -= frac;
}

/* the value of d with sign neg and exponent x added; -1 to fall back */
static int
dec_value(const struct dec *d, int neg, int x, double *out)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
		1e22,
	};
	int e = d->e + x;
	double v;

	if (!d->ok)
		return -1;
	if (d->m == 0) {
		*out = neg ? -0.0 : 0.0;
		return 0;
	}
	if (e < -22 || e > 22)
		return -1;
	v = (double)d->m;
	v = e < 0 ? v / p10[-e] : v * p10[e];
	*out = neg ? -v : v;
	return 0;
}

/* '0'..'9', without isdigit()'s look-up of the locale's table */
static int
is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

/* whether the digits before the exponent of s .. end are not all 0 */
static int
nonzero_digits(const char *s, const char *end)
{
	for (; s < end && *s != 'e' && *s != 'E'; s++)
		if (*s >= '1' && *s <= '9')
			return 1;
	return 0;
}

int
cidx_num_parse(const char *s, double *out, size_t *bad_at)
{
	const char *p = s, *start;
	struct dec d = { 0, 0, 0, 1 };
	int digits = 0, neg = 0, x = 0;
	char *end;
	double v;

	while (blank(*p))
		p++;
	start = p;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; is_digit(*p); p++, digits++)
		dec_digit(&d, *p, 0);
	if (*p == '.') {
		for (p++; is_digit(*p); p++, digits++)
			dec_digit(&d, *p, 1);
	}
	if (digits == 0)
		goto bad;
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;
		int xneg = 0;

		if (*q == '+' || *q == '-')
			xneg = *q++ == '-';
		if (!is_digit(*q)) {
			p = q;
			goto bad;
		}
		for (; is_digit(*q); q++) {
			if (x > 1000)
				d.ok = 0;
			else
				x = x * 10 + (*q - '0');
		}
		x = xneg ? -x : x;
		p = q;
	}
	{
		const char *q = p;

		while (blank(*q))
			q++;
		if (*q != '\0')
			goto bad;
	}
	if (dec_value(&d, neg, x, &v) == 0) {
		*out = v;
		return 0;
	}
	errno = 0;
	v = strtod_l(start, &end, c_locale());
	if (end != p)
		goto bad;
	/* 1e400 and 1e-400 alike: beyond binary64 (overflow, or a nonzero
	 * number that would become 0 or lose digits as a subnormal) */
	if (!isfinite(v) || (v != 0 && fabs(v) < DBL_MIN) ||
	    (v == 0 && nonzero_digits(start, p))) {
		if (bad_at)
			*bad_at = (size_t)(start - s);
		return CIDX_ENUMERIC;
	}
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

__extension__ typedef unsigned __int128 u128;

/*
 * The digits of |x| rounded to `prec` significant ones, as the integer *q
 * in [10^(prec-1), 10^prec) and the decimal exponent *x10 of its first:
 * exactly printf's, computed in 128-bit integers instead of its
 * multiple-precision arithmetic.  |x| = m 2^e with m < 2^53 times 10^k
 * (k <= 21 < 70 bits) fits in 128 bits; the quotient by 2^-e and the
 * remainder decide the rounding: to nearest, ties to the even digit, as
 * glibc in the default rounding mode.  @return 0, or -1 outside the range
 * 1e-5 <= |x| < 10^prec (then snprintf does it).
 */
static int
digits17(double x, int prec, uint64_t *q, int *x10)
{
	static const uint64_t p10[] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
		1000000000, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
		10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
		10000000000000000ULL, 100000000000000000ULL,
		1000000000000000000ULL, 10000000000000000000ULL,
	};
	int ex, e, k, X;
	uint64_t m;

	uint64_t bits;

	x = fabs(x);
	if (!(x >= 1e-5) || prec < 1 || prec > 17 || x >= (double)p10[prec])
		return -1;
	/* x = m 2^e from its bits (x is normal here: >= 1e-5), and a first
	 * guess of its decimal exponent from the binary one, a below or
	 * the one (2^(ex-1) <= x < 2^ex), set right by the loop as a guess
	 * from log10() was: the exponent the digits are taken at is the one
	 * that gives prec of them (issue 17: log10, frexp and ldexp were a
	 * quarter of formatting a number) */
	memcpy(&bits, &x, sizeof(bits));
	ex = (int)(bits >> 52) - 1022;
	m = (bits & ((UINT64_C(1) << 52) - 1)) | (UINT64_C(1) << 52);
	e = ex - 53;
	X = (int)floor((ex - 1) * 0.30102999566398119521);
	for (int tries = 0; tries < 3; tries++) {
		u128 num, lo = p10[prec - 1], hi = lo * 10, t, half;
		int s = -e;

		k = prec - 1 - X;
		if (k < 0 || k > 21 || s > 120)
			return -1;
		num = (u128)m * (k > 19 ? p10[19] : p10[k]) *
		    (k > 19 ? p10[k - 19] : 1);
		if (s <= 0) {
			t = num << -s;
			half = 0;
			num = 0;
		} else {
			t = num >> s;
			num &= ((u128)1 << s) - 1; /* the remainder */
			half = (u128)1 << (s - 1);
		}
		if (t < lo) {
			X--;
			continue;
		}
		if (t >= hi) {
			X++;
			continue;
		}
		if (num > half || (num == half && half != 0 && (t & 1)))
			t++;
		if (t == hi) {
			t = lo;
			X++;
		}
		*q = (uint64_t)t;
		*x10 = X;
		return 0;
	}
	return -1;
}

/* %.*g of x from its digits, without an exponent: -1 when %g would
 * write one or buf is too small */
static int
fmt_g(char *buf, size_t n, double x, int prec)
{
	char d[24] = "", out[48];
	uint64_t q;
	int X, len = 0, nd;

	if (fegetround() != FE_TONEAREST || digits17(x, prec, &q, &X) < 0 ||
	    X < -4 || X >= prec)
		return -1;
	for (nd = prec; nd > 0; nd--, q /= 10)
		d[nd - 1] = (char)('0' + q % 10);
	nd = prec;
	while (nd > 1 && nd > X + 1 && d[nd - 1] == '0')
		nd--; /* %g drops the trailing zeros of the fraction */
	if (signbit(x))
		out[len++] = '-';
	if (X < 0) {
		out[len++] = '0';
		out[len++] = '.';
		for (int i = 0; i < -X - 1; i++)
			out[len++] = '0';
		memcpy(out + len, d, (size_t)nd);
		len += nd;
	} else {
		memcpy(out + len, d, (size_t)X + 1);
		len += X + 1;
		if (nd > X + 1) {
			out[len++] = '.';
			memcpy(out + len, d + X + 1, (size_t)(nd - X - 1));
			len += nd - X - 1;
		}
	}
	if ((size_t)len >= n)
		return -1;
	memcpy(buf, out, (size_t)len);
	buf[len] = '\0';
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
	if (fmt_g(buf, n, x, prec) == 0)
		return;
	old = uselocale(c_locale());
	snprintf(buf, n, "%.*g", prec, x);
	uselocale(old);
}

void
cidx_num_shortest(char *buf, size_t n, double x)
{
	locale_t old;

	if (isnan(x)) {
		snprintf(buf, n, "%s", "");
		return;
	}
	old = uselocale(c_locale());
	for (int prec = 1; prec <= 17; prec++) {
		int e = x != 0 && isfinite(x) ? (int)floor(log10(fabs(x))) : 0;

		/* 100, not 1e+02: no exponent while the digits fit */
		if (e >= prec && e < 17)
			prec = e + 1;
		snprintf(buf, n, "%.*g", prec, x == 0 ? 0.0 : x);
		if (strtod(buf, NULL) == x)
			break;
	}
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
	if (strcmp(buf, "-0") == 0 || (buf[0] == '-' &&
	    strspn(buf + 1, "0.") == strlen(buf + 1)))
		memmove(buf, buf + 1, strlen(buf));
}

void
cidx_num_fmt_percent(char *buf, size_t n, double share)
{
	cidx_num_fmt_fixed(buf, n, 100 * share, 0);
	if (buf[0] != '\0' && strlen(buf) + 1 < n)
		strcat(buf, "%");
}

int
cidx_num_parse_size(const char *s, size_t *out)
{
	static const char units[] = "KMGT";
	const char *u;
	char num[64];
	size_t len = strspn(s, "0123456789.");
	double v, mult = 1;

	if (len == 0 || len >= sizeof(num) || !isdigit((unsigned char)*s))
		return CIDX_EINVAL;
	memcpy(num, s, len);
	num[len] = '\0';
	if (cidx_num_parse(num, &v, NULL) < 0)
		return CIDX_EINVAL;
	s += len;
	if (*s != '\0') {
		if ((u = strchr(units, toupper((unsigned char)*s))) == NULL)
			return CIDX_EINVAL;
		for (const char *k = units; k <= u; k++)
			mult *= 1024;
		s++;
		if (strcmp(s, "") != 0 && strcmp(s, "B") != 0 &&
		    strcmp(s, "iB") != 0)
			return CIDX_EINVAL;
	}
	v = floor(v * mult);
	/* 2^64 and above (or SIZE_MAX + 1 where size_t is narrower) */
	if (!(v >= 1) || v >= 18446744073709551616.0 ||
	    v > (double)SIZE_MAX)
		return CIDX_EINVAL;
	*out = (size_t)v;
	return 0;
}

void
cidx_num_fmt_size(char *buf, size_t n, size_t bytes)
{
	static const char *const unit[] = {
		"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"
	};
	double v = (double)bytes;
	int k = -1;
	size_t len;

	if (bytes < 1024) {
		snprintf(buf, n, "%zu byte%s", bytes, bytes == 1 ? "" : "s");
		return;
	}
	/* the unit that keeps the figure below 1024 once rounded */
	while (k < 5 && v >= 1023.95) {
		v /= 1024;
		k++;
	}
	cidx_num_fmt_fixed(buf, n, v, 1);
	len = strlen(buf);
	if (len >= 2 && strcmp(buf + len - 2, ".0") == 0)
		buf[len - 2] = '\0';
	len = strlen(buf);
	snprintf(buf + len, n > len ? n - len : 0, " %s", unit[k]);
}
