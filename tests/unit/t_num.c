/*
 * num: the marks of a missing value, and what is (not) a number.
 */
#include <math.h>

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
