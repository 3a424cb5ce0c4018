/*
 * fastpath: the fast paths of issue 17 give what the slow ones gave.
 * cidx_num_fmt()'s own digits (core/num.c, issue 17) are
 * snprintf's "%.*g" in the C locale, byte for byte: random doubles of
 * every magnitude and precision, the ties that round to even, the powers
 * of ten and the numbers that round up to the next one.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/num.h"
#include "io/csv.h"
#include "fixture.h"
#include "runner.h"

static int
same_as_printf(double x, int prec)
{
	char a[64], b[64];

	cidx_num_fmt(a, sizeof(a), x, prec);
	snprintf(b, sizeof(b), "%.*g", prec, x == 0 ? 0.0 : x);
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "%.17g at %d: '%s', printf '%s'\n", x, prec,
		    a, b);
		return 0;
	}
	return 1;
}

void
test_fastpath__random(void)
{
	uint64_t s = 20261207;
	int bad = 0;

	for (int i = 0; i < 200000 && bad < 5; i++) {
		double x;

		s = s * 6364136223846793005ULL + 1442695040888963407ULL;
		/* a mantissa and a decimal exponent from -7 to 19 */
		x = ldexp((double)(s >> 11), -53) *
		    pow(10, (double)((s >> 3) % 27) - 7);
		if (s & 4)
			x = -x;
		bad += !same_as_printf(x, 1 + (int)((s >> 40) % 17));
		bad += !same_as_printf(x, 17);
	}
	CHECK_INT(bad, 0);
}

void
test_fastpath__edges(void)
{
	static const double xs[] = {
		0.125, 0.375, 2.5, 0.5, 1.5, 99.5, 999.5, 0.0001, 0.00001,
		0.000099999, 1e-5, 9.9999999999999995e-6, 1, 10, 100, 1e16,
		9.9999999999999998e16, 1e17, 123456789012345678.0, 0.1, 0.2,
		0.3, 1.0 / 3, 2.0 / 3, 59.77005083861512, 54.875201010055179,
		1.7976931348623157e308, -0.0, 0, 4503599627370496.5, 9007199254740993.0,
	};
	int bad = 0;

	for (size_t i = 0; i < LEN(xs); i++)
		for (int p = 1; p <= 17; p++) {
			bad += !same_as_printf(xs[i], p);
			bad += !same_as_printf(nextafter(xs[i], 0), p);
			bad += !same_as_printf(nextafter(xs[i], 1e300), p);
		}
	CHECK_INT(bad, 0);
}

/* the UTF-8 check skips the ASCII prefix 8 bytes at a time (io/csv.c,
 * issue 17): the bad byte is still named by its line and column, wherever
 * it falls against those 8-byte words */
void
test_fastpath__utf8_after_ascii(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128], text[64], want[32];

	if (tmp_begin() < 0)
		return;
	for (int pad = 0; pad < 10; pad++) {
		struct cidx_csv *t = NULL;

		/* line 2: "x" + pad "y" + ",\xff": the bad byte at column
		 * pad + 3 */
		snprintf(text, sizeof(text), "a,b\nx%.*s,\xff\n", pad,
		    "yyyyyyyyyy");
		put(p, sizeof(p), "u.csv", text);
		CHECK_INT(cidx_csv_read(&t, p, "UTF-8", &err), CIDX_EENCODING);
		snprintf(want, sizeof(want), ":2:%d: not valid UTF-8", pad + 3);
		CHECK_HAS(err.msg, want);
		cidx_csv_free(t);
	}
	tmp_end();
}
