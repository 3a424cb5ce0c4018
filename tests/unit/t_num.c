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
