/*
 * num: the marks of a missing value, what is (not) a number, and the
 * shortest form of one.
 */
#include <math.h>
#include <stdint.h>

#include "core/err.h"
#include "core/num.h"
#include "runner.h"

void
test_num__missing_marks(void)
{
	static const char *const yes[] = { "", "  ", "\t", "NA", " NA ",
		"N/A", "n/a", "-", "--", " - ", "—", "——", "–", "―", "－",
		"－－", "..", "...", "…", "……", "⋯", " … " };
	static const char *const no[] = { "0", "-0", "NaN", "na", "Na", "NA1",
		"#N/A", ".", "-.", "-…", ".-", "x", "- 1", "—1", "1..", "n.a.",
		"-1" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		runner_count();
		if (!cidx_num_is_missing(yes[i]))
			runner_fail(__FILE__, __LINE__, "'%s' should be missing",
			    yes[i]);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		runner_count();
		if (cidx_num_is_missing(no[i]))
			runner_fail(__FILE__, __LINE__, "'%s' should not be "
			    "missing", no[i]);
	}
}

/* a share as a whole percentage: %.0f of 100 x, so halves go to even */
void
test_num__percent(void)
{
	char b[16];

	cidx_num_fmt_percent(b, sizeof(b), 0.625);
	CHECK_STR(b, "62%");
	cidx_num_fmt_percent(b, sizeof(b), 0.875);
	CHECK_STR(b, "88%");
	cidx_num_fmt_percent(b, sizeof(b), 2.0 / 3);
	CHECK_STR(b, "67%");
	cidx_num_fmt_percent(b, sizeof(b), 1);
	CHECK_STR(b, "100%");
	cidx_num_fmt_percent(b, sizeof(b), 0);
	CHECK_STR(b, "0%");
	cidx_num_fmt_percent(b, sizeof(b), -0.001);
	CHECK_STR(b, "0%");
	cidx_num_fmt_percent(b, sizeof(b), NAN);
	CHECK_STR(b, "");
	/* no room for the sign: the number alone, never cut */
	cidx_num_fmt_percent(b, 4, 1);
	CHECK_STR(b, "100");
}

void
test_num__sizes(void)
{
	static const struct {
		const char *s;
		size_t v;
	} ok[] = {
		{ "1", 1 }, { "4096", 4096 }, { "1K", 1024 }, { "1k", 1024 },
		{ "512M", (size_t)512 << 20 }, { "8G", (size_t)8 << 30 },
		{ "8GB", (size_t)8 << 30 }, { "8GiB", (size_t)8 << 30 },
		{ "1.5G", (size_t)3 << 29 }, { "2T", (size_t)2 << 40 },
		{ "0.5K", 512 }, { "1.9", 1 },
		{ "16777215T", (((size_t)1 << 24) - 1) << 40 },
	};
	static const char *const bad[] = { "", "0", "0.4", "K", "-1", "+1",
		" 1G", "1G ", "1 G", "1X", "1Gb", "1GiBs", "1.2.3", ".5G",
		"1e3", "16777216T", "99999999999999999999", "1P" };
	char b[32];
	size_t v;

	for (size_t i = 0; i < LEN(ok); i++) {
		v = 0;
		CHECK_INT(cidx_num_parse_size(ok[i].s, &v), 0);
		if (v != ok[i].v)
			runner_fail(__FILE__, __LINE__, "'%s': %zu, not %zu",
			    ok[i].s, v, ok[i].v);
	}
	for (size_t i = 0; i < LEN(bad); i++) {
		runner_count();
		if (cidx_num_parse_size(bad[i], &v) != CIDX_EINVAL)
			runner_fail(__FILE__, __LINE__, "'%s' accepted", bad[i]);
	}
	cidx_num_fmt_size(b, sizeof(b), 0);
	CHECK_STR(b, "0 bytes");
	cidx_num_fmt_size(b, sizeof(b), 1);
	CHECK_STR(b, "1 byte");
	cidx_num_fmt_size(b, sizeof(b), 1023);
	CHECK_STR(b, "1023 bytes");
	cidx_num_fmt_size(b, sizeof(b), 1024);
	CHECK_STR(b, "1 KiB");
	cidx_num_fmt_size(b, sizeof(b), 1536);
	CHECK_STR(b, "1.5 KiB");
	cidx_num_fmt_size(b, sizeof(b), ((size_t)1 << 20) - 1);
	CHECK_STR(b, "1 MiB");
	cidx_num_fmt_size(b, sizeof(b), (size_t)4 << 30);
	CHECK_STR(b, "4 GiB");
	/* 10^7 x 5 runs x 289 units x 4 bytes */
	cidx_num_fmt_size(b, sizeof(b), (size_t)57800000000);
	CHECK_STR(b, "53.8 GiB");
	cidx_num_fmt_size(b, sizeof(b), SIZE_MAX);
	CHECK_STR(b, "16 EiB");
}

void
test_num__shortest(void)
{
	char b[40];

	cidx_num_shortest(b, sizeof(b), 100);
	CHECK_STR(b, "100");
	cidx_num_shortest(b, sizeof(b), 0.1 + 0.2);
	CHECK_STR(b, "0.30000000000000004");
	cidx_num_shortest(b, sizeof(b), 1e21);
	CHECK_STR(b, "1e+21");
	cidx_num_shortest(b, sizeof(b), -0.0);
	CHECK_STR(b, "0");
	cidx_num_shortest(b, sizeof(b), 2.0 / 3);
	CHECK_STR(b, "0.6666666666666666");
	cidx_num_shortest(b, sizeof(b), NAN);
	CHECK_STR(b, "");
}
