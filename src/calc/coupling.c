/*
 * coupling.c - the coupling coordination degree (coupling.h; cityidx(1),
 * METHOD, Coupling coordination).  The capacity coupling model of
 * physics as Chinese regional studies use it: Liu Yaobin, Li Rendong,
 * Song Xuefeng (2005), 中国区域城市化与生态环境耦合的关联分析 (Analysis of
 * coupling degrees of urbanization and ecological environment in
 * China), 地理学报 (Acta Geographica Sinica) 60(2), with the ten grades
 * of D in tenths that papers on city innovation use.
 */
#include <math.h>

#include "calc/coupling.h"

const char cidx_coupling_formula[] =
    "U = score / 100 of each subsystem; C = n (prod U)^(1/n) / sum U, "
    "T = mean U,\nD = sqrt(C T); the grade by D in tenths (0-0.1 极度失调 "
    "... 0.9-1 优质协调).";

static const char *const names[11][2] = {
	{ "", "" },
	{ "极度失调", "extreme imbalance" },
	{ "严重失调", "severe imbalance" },
	{ "中度失调", "moderate imbalance" },
	{ "轻度失调", "mild imbalance" },
	{ "濒临失调", "on the verge of imbalance" },
	{ "勉强协调", "barely coordinated" },
	{ "初级协调", "primary coordination" },
	{ "中级协调", "intermediate coordination" },
	{ "良好协调", "good coordination" },
	{ "优质协调", "high-quality coordination" },
};

int
cidx_coupling(const double *u, size_t n, double *c, double *t, double *d,
    struct cidx_err *err)
{
	double sum = 0, lsum = 0;
	int zero = 0;

	if (n < 2)
		return cidx_err_set(err, CIDX_EINVAL, "coupling coordination "
		    "needs at least two subsystems, got %zu", n);
	for (size_t k = 0; k < n; k++) {
		if (!(u[k] >= 0 && u[k] <= 1))
			return cidx_err_set(err, CIDX_EINVAL, "subsystem %zu: "
			    "level %g is not within [0, 1]", k + 1, u[k]);
		sum += u[k];
		if (u[k] == 0)
			zero = 1;
		else
			lsum += log(u[k]);
	}
	*t = sum / (double)n;
	if (!(sum > 0)) {
		*c = *d = NAN;
		return 0;
	}
	/* the geometric mean over the arithmetic mean, in logarithms so
	   that many small levels do not underflow */
	*c = zero ? 0 : exp(lsum / (double)n) / *t;
	if (*c > 1)
		*c = 1; /* rounding: the geometric mean never exceeds the
			   arithmetic one */
	*d = sqrt(*c * *t);
	return 0;
}

int
cidx_coupling_grade(double d)
{
	int g;

	if (isnan(d))
		return 0;
	g = (int)floor(d * 10) + 1;
	return g < 1 ? 1 : g > 10 ? 10 : g;
}

const char *
cidx_coupling_grade_name(int grade, int zh)
{
	if (grade < 0 || grade > 10)
		grade = 0;
	return names[grade][zh ? 0 : 1];
}
