/* calc: the coupling coordination degree (coupling.h), worked by hand */
#include <math.h>

#include "calc/coupling.h"
#include "runner.h"

/*
 * Two subsystems U = 0.8, 0.2: C = 2 sqrt(0.8 x 0.2) / (0.8 + 0.2) = 0.8,
 * T = 0.5, D = sqrt(0.4) = 0.632456, grade 7 (0.6 <= D < 0.7, 初级协调).
 * Three at 0.5: C = 1, T = 0.5, D = 0.707107, grade 8 (中级协调).
 * U = 0.25, 0.25: D = 0.5 exactly, the lower edge of grade 6 (勉强协调).
 * A level of 0: C = 0 and D = 0, grade 1 (极度失调).
 */
void
test_coupling__by_hand(void)
{
	static const double u2[] = { 0.8, 0.2 }, u3[] = { 0.5, 0.5, 0.5 };
	static const double q[] = { 0.25, 0.25 }, z[] = { 0, 0.5 };
	struct cidx_err err = CIDX_ERR_INIT;
	double c, t, d;

	CHECK_INT(cidx_coupling(u2, 2, &c, &t, &d, &err), 0);
	CHECK_DBL(c, 0.8, 1e-15);
	CHECK_DBL(t, 0.5, 1e-15);
	CHECK_DBL(d, sqrt(0.4), 1e-15);
	CHECK_INT(cidx_coupling_grade(d), 7);
	CHECK_STR(cidx_coupling_grade_name(7, 1), "初级协调");
	CHECK_INT(cidx_coupling(u3, 3, &c, &t, &d, &err), 0);
	CHECK_DBL(c, 1, 1e-15);
	CHECK_DBL(d, sqrt(0.5), 1e-15);
	CHECK_INT(cidx_coupling_grade(d), 8);
	CHECK_INT(cidx_coupling(q, 2, &c, &t, &d, &err), 0);
	CHECK_DBL(d, 0.5, 0);
	CHECK_INT(cidx_coupling_grade(d), 6);
	CHECK_STR(cidx_coupling_grade_name(6, 0), "barely coordinated");
	CHECK_INT(cidx_coupling(z, 2, &c, &t, &d, &err), 0);
	CHECK_DBL(c, 0, 0);
	CHECK_DBL(d, 0, 0);
	CHECK_INT(cidx_coupling_grade(d), 1);
	CHECK_STR(cidx_coupling_grade_name(1, 1), "极度失调");
	CHECK_INT(cidx_coupling_grade(1), 10);
	CHECK_STR(cidx_coupling_grade_name(10, 1), "优质协调");
}

void
test_coupling__errors(void)
{
	static const double one[] = { 0.5 }, big[] = { 0.5, 1.2 };
	static const double zero[] = { 0, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	double c, t, d;

	CHECK_INT(cidx_coupling(one, 1, &c, &t, &d, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "at least two subsystems");
	CHECK_INT(cidx_coupling(big, 2, &c, &t, &d, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "subsystem 2: level 1.2 is not within [0, 1]");
	CHECK_INT(cidx_coupling(zero, 2, &c, &t, &d, &err), 0);
	CHECK(isnan(c) && isnan(d) && t == 0);
	CHECK_INT(cidx_coupling_grade(d), 0);
}
