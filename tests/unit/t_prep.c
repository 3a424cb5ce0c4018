/*
 * prep: imputation of one column and the JRC/COINr outlier treatment
 * (cityidx(1), METHOD: Preparation, Impute and Treat).
 *
 * Every expected number is worked out by hand in the comment above its
 * check.  Skew and kurt are Excel's SKEW and KURT; with centred sums
 * C2 = sum c^2, C3 = sum c^3, C4 = sum c^4 over n values:
 *   skew = sqrt(n) C3 / C2^(3/2) * sqrt(n (n - 1)) / (n - 2),
 *   r = n C4 / C2^2, kurt = ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)).
 * A column fails when |skew| >= 2 and kurt >= 3.5 (the defaults).
 * The fractions were reduced by hand, the last digits of the square
 * roots taken from a calculator.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/prepare.h"
#include "calc/stats.h"
#include "core/err.h"
#include "core/num.h"
#include "io/csv.h"
#include "runner.h"

#define NOGROUP ((size_t)-1)

/* x[0..n) equals want[0..n), NaN matching NaN */
static void
check_column(const char *file, int line, const double *x,
    const double *want, size_t n, double tol)
{
	for (size_t i = 0; i < n; i++) {
		if (runner_dbl_eq(x[i], want[i], tol))
			continue;
		runner_fail(file, line, "[%zu] = %.17g, expected %.17g", i,
		    x[i], want[i]);
	}
}

#define CHECK_COL(x, want, n, tol)                                        \
	check_column(__FILE__, __LINE__, (x), (want), (n), (tol))

/* the work array starts as garbage: treatment must not read it first */
static double *
garbage(size_t n)
{
	double *w = malloc(n * sizeof(*w));

	for (size_t i = 0; i < n; i++)
		w[i] = 1e300 * (double)(i % 3) - 7;
	return w;
}

/* ------------------------------------------------------------ impute */

void
test_prep__impute_mean_and_median(void)
{
	/* mean of 1 3 8 = 4 */
	double x[] = { 1, NA, 3, 8 };
	double xw[] = { 1, 4, 3, 8 };
	/* type 7 median of 1 3 8 10: index 2.5 -> (3 + 8) / 2 = 5.5 */
	double y[] = { 1, NA, 3, 8, 10, NA };
	double yw[] = { 1, 5.5, 3, 8, 10, 5.5 };
	double none[] = { NA, NA };
	double full[] = { 1, 2 };

	CHECK_INT(cidx_impute_column(x, LEN(x), CIDX_IMPUTE_MEAN, NULL, 0), 1);
	CHECK_COL(x, xw, LEN(x), 1e-15);
	CHECK_INT(cidx_impute_column(y, LEN(y), CIDX_IMPUTE_MEDIAN, NULL, 0),
	    2);
	CHECK_COL(y, yw, LEN(y), 1e-15);
	/* nothing to take a mean of; nothing missing */
	CHECK_INT(cidx_impute_column(none, 2, CIDX_IMPUTE_MEAN, NULL, 0), 0);
	CHECK(isnan(none[0]) && isnan(none[1]));
	CHECK_INT(cidx_impute_column(full, 2, CIDX_IMPUTE_MEDIAN, NULL, 0), 0);
	CHECK(full[0] == 1 && full[1] == 2);
}

void
test_prep__impute_none_and_carry_forward_do_nothing(void)
{
	double x[] = { 1, NA, 3 };
	size_t g[] = { 0, 0, 0 };

	CHECK_INT(cidx_impute_column(x, 3, CIDX_IMPUTE_NONE, g, 1), 0);
	CHECK_INT(cidx_impute_column(x, 3, CIDX_IMPUTE_CARRY_FORWARD, g, 1), 0);
	/* a group method without groups */
	CHECK_INT(cidx_impute_column(x, 3, CIDX_IMPUTE_GROUP_MEAN, NULL, 0), 0);
	CHECK(isnan(x[1]));
}

/*
 * Units and groups:
 *   group 0: 2 4 9 and one missing   mean 15/3 = 5, median 4
 *   group 1: only missing values     no fill: stays missing
 *   group 2: 10 20 60 and a missing  mean 90/3 = 30, median 20
 *   no group ((size_t)-1, and 7 >= ngroups): stays missing even though
 *   the column has values
 */
static const size_t grp[] = { 0, 0, 1, 0, 2, NOGROUP, 2, 0, 1, 2, 2, 7 };
static const double gx[] = { 2, NA, NA, 4, 10, NA, 20, 9, NA, NA, 60, NA };

void
test_prep__impute_group_mean(void)
{
	double x[LEN(gx)];
	double want[] = { 2, 5, NA, 4, 10, NA, 20, 9, NA, 30, 60, NA };

	memcpy(x, gx, sizeof(x));
	CHECK_INT(cidx_impute_column(x, LEN(x), CIDX_IMPUTE_GROUP_MEAN, grp,
	    3), 2);
	CHECK_COL(x, want, LEN(x), 1e-15);
}

void
test_prep__impute_group_median(void)
{
	double x[LEN(gx)];
	double want[] = { 2, 4, NA, 4, 10, NA, 20, 9, NA, 20, 60, NA };

	memcpy(x, gx, sizeof(x));
	CHECK_INT(cidx_impute_column(x, LEN(x), CIDX_IMPUTE_GROUP_MEDIAN, grp,
	    3), 2);
	CHECK_COL(x, want, LEN(x), 0);
}

/* --------------------------------------------------------- treatment */

void
test_prep__treat_passing_column_is_untouched(void)
{
	/*
	 * 1..10: centred -4.5 .. 4.5, C3 = 0 -> skew 0.
	 * C2 = 2 (0.25+2.25+6.25+12.25+20.25) = 82.5,
	 * C4 = 2 (0.0625+5.0625+39.0625+150.0625+410.0625) = 1208.625,
	 * r = 10 1208.625 / 82.5^2 = 1.7757575..,
	 * kurt = (11 (r - 3) + 6) 9 / 56 = -1.2 (a uniform column).
	 */
	double x[] = { 1, 2, 3, NA, 4, 5, 6, 7, 8, 9, 10 };
	double want[LEN(x)];
	double *w = garbage(LEN(x));
	struct cidx_treat_params p = CIDX_TREAT_PARAMS_INIT;
	struct cidx_treat_report rep;

	memcpy(want, x, sizeof(x));
	CHECK_INT(cidx_treat_column(x, LEN(x), &p, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_NONE);
	CHECK_INT(rep.n_hi, 0);
	CHECK_INT(rep.n_lo, 0);
	CHECK_DBL(rep.skew0, 0, 1e-15);
	CHECK_DBL(rep.kurt0, -1.2, 1e-14);
	CHECK(rep.skew1 == rep.skew0 && rep.kurt1 == rep.kurt0);
	CHECK_COL(x, want, LEN(x), 0);
	free(w);
}

void
test_prep__treat_needs_both_skew_and_kurt(void)
{
	/*
	 * 1..12, 60, 60 (n 14): skewed but not peaked enough.
	 * S1 = 78 + 120 = 198, mean 99/7; S2 = 650 + 7200 = 7850,
	 * C2 = 7850 - 198^2/14 = 35348/7, C3 = 9027162/49,
	 * C4 = 3065833688/343: skew = 2.1596, r = 14 C4 / C2^2 = 4.9074,
	 * kurt = (15 1.9074 + 6) 13 / 132 = 3.4086 < 3.5: passes.
	 */
	double x[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 60, 60 };
	double *w = garbage(LEN(x));
	struct cidx_treat_report rep;

	CHECK_INT(cidx_treat_column(x, LEN(x), NULL, &rep, w), 0);
	CHECK_DBL(rep.skew0, 2.1596, 1e-4);
	CHECK_DBL(rep.kurt0, 3.4086, 1e-4);
	CHECK_INT(rep.action, CIDX_TREAT_NONE);
	CHECK(x[12] == 60 && x[13] == 60);
	free(w);
}

void
test_prep__treat_winsorises_one_point(void)
{
	/*
	 * 1 1 1 1 2 2 2 2 3 20 (and a NaN): n 10, mean 35/10 = 3.5,
	 * centred -2.5 x4, -1.5 x4, -0.5, 16.5:
	 *   C2 = 25 + 9 + 0.25 + 272.25 = 306.5
	 *   C3 = -62.5 - 13.5 - 0.125 + 4492.125 = 4416
	 *   C4 = 156.25 + 20.25 + 0.0625 + 74120.0625 = 74296.625
	 *   skew = sqrt10 4416 / 306.5^1.5 sqrt90 / 8 = 3.086132827
	 *   r = 742966.25 / 93942.25 = 7.908755113,
	 *   kurt = (11 4.908755113 + 6) 9 / 56 = 9.642263503: fails.
	 * Skew >= 0: the 20 becomes 3 (n_hi 1): 1 x4, 2 x4, 3 x2, mean 1.8,
	 * centred -0.8 x4, 0.2 x4, 1.2 x2:
	 *   C2 = 2.56 + 0.16 + 2.88 = 5.6
	 *   C3 = -2.048 + 0.032 + 3.456 = 1.44
	 *   C4 = 1.6384 + 0.0064 + 4.1472 = 5.792
	 *   skew = sqrt10 1.44 / 5.6^1.5 sqrt90 / 8 = 0.4074850871
	 *   r = 57.92 / 31.36 = 1.846938776,
	 *   kurt = (11 (-1.153061224) + 6) 9 / 56 = -1.074161808: passes.
	 */
	double x[] = { 1, 1, 1, NA, 1, 2, 2, 2, 2, 3, 20 };
	double want[] = { 1, 1, 1, NA, 1, 2, 2, 2, 2, 3, 3 };
	double *w = garbage(LEN(x));
	struct cidx_treat_report rep;

	CHECK_INT(cidx_treat_column(x, LEN(x), NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK_INT(rep.n_hi, 1);
	CHECK_INT(rep.n_lo, 0);
	CHECK_DBL(rep.skew0, 3.086132827, 1e-9);
	CHECK_DBL(rep.kurt0, 9.642263503, 1e-9);
	CHECK_DBL(rep.skew1, 0.4074850871, 1e-9);
	CHECK_DBL(rep.kurt1, -1.074161808, 1e-9);
	CHECK_COL(x, want, LEN(x), 0);
	free(w);
}

void
test_prep__treat_mirror_clips_the_minimum(void)
{
	/* the column above negated: skew -3.086 (C3 changes sign, C2 and
	 * C4 do not), so the minimum -20 becomes -3, n_lo 1 */
	double x[] = { -1, -1, -1, NA, -1, -2, -2, -2, -2, -3, -20 };
	double want[] = { -1, -1, -1, NA, -1, -2, -2, -2, -2, -3, -3 };
	double *w = garbage(LEN(x));
	struct cidx_treat_report rep;

	CHECK_INT(cidx_treat_column(x, LEN(x), NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK_INT(rep.n_hi, 0);
	CHECK_INT(rep.n_lo, 1);
	CHECK_DBL(rep.skew0, -3.086132827, 1e-9);
	CHECK_DBL(rep.skew1, -0.4074850871, 1e-9);
	CHECK_DBL(rep.kurt1, -1.074161808, 1e-9);
	CHECK_COL(x, want, LEN(x), 0);
	free(w);
}

void
test_prep__treat_thresholds_are_inclusive(void)
{
	/* the column of treat_winsorises_one_point: with the kurt threshold
	 * at exactly its kurt it fails (>=), one ulp above it passes */
	double x0[] = { 1, 1, 1, 1, 2, 2, 2, 2, 3, 20 };
	double x[LEN(x0)];
	double w[LEN(x0)];
	struct cidx_treat_params p = CIDX_TREAT_PARAMS_INIT;
	struct cidx_treat_report rep;

	p.kurt = cidx_stat_kurt(x0, LEN(x0));
	p.skew = cidx_stat_skew(x0, LEN(x0));
	memcpy(x, x0, sizeof(x));
	cidx_treat_column(x, LEN(x), &p, &rep, w);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK(x[9] == 3);
	p.kurt = nextafter(p.kurt, INFINITY);
	memcpy(x, x0, sizeof(x));
	cidx_treat_column(x, LEN(x), &p, &rep, w);
	CHECK_INT(rep.action, CIDX_TREAT_NONE);
	CHECK(x[9] == 20);
}

void
test_prep__treat_tied_maxima_clip_together(void)
{
	/*
	 * 1 x6, 2 x6, 3 x6, 22, 22: n 20, mean 80/20 = 4,
	 * centred -3 x6, -2 x6, -1 x6, 18 x2:
	 *   C2 = 54 + 24 + 6 + 648 = 732
	 *   C3 = -162 - 48 - 6 + 11664 = 11448
	 *   C4 = 486 + 96 + 6 + 209952 = 210540
	 *   skew = sqrt20 11448 / 732^1.5 sqrt380 / 18 = 2.799608415
	 *   r = 20 210540 / 732^2 = 7.858550569,
	 *   kurt = (21 4.858550569 + 6) 19 / 306 = 6.707717899: fails.
	 * Both 22s are the maximum: one step sets both to 3, n_hi = 2.
	 * 1 x6, 2 x6, 3 x8: mean 42/20 = 2.1, centred -1.1 x6, -0.1 x6,
	 * 0.9 x8:
	 *   C2 = 7.26 + 0.06 + 6.48 = 13.8
	 *   C3 = -7.986 - 0.006 + 5.832 = -2.16
	 *   C4 = 8.7846 + 0.0006 + 5.2488 = 14.034
	 *   skew = sqrt20 (-2.16) / 13.8^1.5 sqrt380 / 18 = -0.2040654177
	 *   r = 280.68 / 190.44 = 1.473850032,
	 *   kurt = (21 (-1.526149968) + 6) 19 / 306 = -1.617430841: passes.
	 */
	double x[] = { 22, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3,
		3, 22 };
	double *w = garbage(LEN(x));
	struct cidx_treat_report rep;

	CHECK_INT(cidx_treat_column(x, LEN(x), NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK_INT(rep.n_hi, 2);
	CHECK_DBL(rep.skew0, 2.799608415, 1e-9);
	CHECK_DBL(rep.kurt0, 6.707717899, 1e-9);
	CHECK_DBL(rep.skew1, -0.2040654177, 1e-9);
	CHECK_DBL(rep.kurt1, -1.617430841, 1e-9);
	CHECK(x[0] == 3 && x[19] == 3);
	CHECK(x[18] == 3 && x[1] == 1);
	free(w);
}

/*
 * 40 values: 1 2 3 4 5 seven times each (35 values; power sums
 * S1..S4 = 105, 385, 1575, 6853) and a tail of five.  Each step clips the
 * tied maximum, which holds every earlier clip plus one, so the steps set
 * 1, 2, 3, 4 values.  With power sums S1..S4 of all 40 values, m = S1/40,
 *   C2 = S2 - 40 m^2, C3 = S3 - 3 m S2 + 80 m^3,
 *   C4 = S4 - 4 m S3 + 6 m^2 S2 - 120 m^4:
 *
 *  step tail             S1   S2     S3       S4      skew    kurt
 *   0  100 60 40 30 10  345 16585 1309575 116346853  3.8580 15.8889 fails
 *   1   60 60 40 30 10  305 10185  525575  29306853  3.0951  8.8503 fails
 *   2   40 40 40 30 10  265  6185  221575   8506853  2.7185  6.1052 fails
 *   3   30 30 30 30 10  235  4085  110575   3256853  2.5614  5.2223 fails
 *   4   10 10 10 10 10  155   885    6575     56853  1.2909  1.0395 passes
 *
 * Step 4 in full: m = 31/8, C2 = 885 - 40 (31/8)^2 = 2275/8,
 * C3 = 30135/32, C4 = 3900001/512;
 *   skew = sqrt40 (30135/32) / (2275/8)^1.5 sqrt1560 / 38 = 1.290900576,
 *   r = 40 C4 / C2^2 = 3.767661877,
 *   kurt = (41 0.767661877 + 6) 39 / 1406 = 1.039467525.
 * Step 0: m = 69/8, C2 = 108875/8, C3 = 29816565/32,
 * C4 = 39887386001/512: skew = 3.857971879, r = 16.82477420,
 * kurt = 15.88891461.
 *
 * Counting: n_hi after the steps is 1, 2, 3, 4, so n_hi < winmax (5)
 * holds before step 4 and the column passes, winsorised, n_hi 4.  A
 * running sum (1 + 2 + 3 = 6 >= 5 after step 3, still failing) would
 * have stopped there and log-transformed the column.
 */
static const double forty[40] = {
	1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5,
	100, 60, 40, 30, 10,
	1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5,
};

void
test_prep__treat_counts_latest_clip_not_running_sum(void)
{
	double x[40], w[40];
	struct cidx_treat_report rep;

	memcpy(x, forty, sizeof(x));
	CHECK_INT(cidx_treat_column(x, 40, NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK_INT(rep.n_hi, 4);
	CHECK_INT(rep.n_lo, 0);
	CHECK_DBL(rep.skew0, 3.857971879, 1e-9);
	CHECK_DBL(rep.kurt0, 15.88891461, 1e-9);
	CHECK_DBL(rep.skew1, 1.290900576, 1e-9);
	CHECK_DBL(rep.kurt1, 1.039467525, 1e-9);
	/* the tail is all 10 now, the rest as it was */
	for (size_t i = 20; i < 25; i++)
		CHECK(x[i] == 10);
	CHECK(x[19] == 5 && x[25] == 1 && x[39] == 5);
}

void
test_prep__treat_counts_step_states(void)
{
	/* the states of the table above: steps 0-3 fail, step 4 passes */
	static const double tails[5][5] = {
		{ 100, 60, 40, 30, 10 }, { 60, 60, 40, 30, 10 },
		{ 40, 40, 40, 30, 10 }, { 30, 30, 30, 30, 10 },
		{ 10, 10, 10, 10, 10 },
	};
	static const double sk[5] = { 3.8580, 3.0951, 2.7185, 2.5614, 1.2909 };
	static const double ku[5] = { 15.8889, 8.8503, 6.1052, 5.2223, 1.0395 };
	double x[40];

	memcpy(x, forty, sizeof(x));
	for (int s = 0; s < 5; s++) {
		memcpy(x + 20, tails[s], sizeof(tails[s]));
		CHECK_DBL(cidx_stat_skew(x, 40), sk[s], 1e-4);
		CHECK_DBL(cidx_stat_kurt(x, 40), ku[s], 1e-4);
	}
}

void
test_prep__treat_winmax_caps_the_steps(void)
{
	/*
	 * The 40 values with winmax 3: after step 3 n_hi = 3, not < 3, and
	 * the column still fails (2.5614, 5.2223): log of the ORIGINAL values,
	 * skew0 > 0: min 1, max 100, 0.01 (max - min) = 0.99,
	 * y = ln(x - 1 + 0.99) = ln(x - 0.01).  n_hi reports the 3.
	 */
	double x[40], w[40];
	struct cidx_treat_params p = CIDX_TREAT_PARAMS_INIT;
	struct cidx_treat_report rep;

	p.winmax = 3;
	memcpy(x, forty, sizeof(x));
	cidx_treat_column(x, 40, &p, &rep, w);
	CHECK_INT(rep.action, CIDX_TREAT_LOG);
	CHECK_INT(rep.n_hi, 3);
	CHECK_DBL(x[20], log(99.99), 1e-15);
	CHECK_DBL(x[24], log(9.99), 1e-15);
	CHECK_DBL(x[0], log(0.99), 1e-15);
	CHECK_DBL(x[4], log(4.99), 1e-15);
	CHECK_DBL(rep.skew1, cidx_stat_skew(x, 40), 1e-15);
	CHECK_DBL(rep.kurt1, cidx_stat_kurt(x, 40), 1e-15);
}

/*
 * 54 tens and a tail 110 60 30 20 15 11 (n 60).  Five steps set 1..5
 * values; then n_hi = 5 and the top six values are all 11: 54 x 10,
 * 6 x 11, mean 10.1, centred -0.1 x54, 0.9 x6:
 *   C2 = 0.54 + 4.86 = 5.4, C3 = -0.054 + 4.374 = 4.32,
 *   C4 = 0.0054 + 3.9366 = 3.942
 *   skew = sqrt60 4.32 / 5.4^1.5 sqrt3540 / 58 = (8/3) 59.4979 / 58
 *        = 2.735535592
 *   r = 60 3.942 / 29.16 = 73/9, kurt = (61 46/9 + 6) 59 / 3306
 *     = 5.671170263: still fails.
 * The states before (skew, kurt): 5.815 36.07, 4.700 22.00, 3.746 13.07,
 * 3.292 9.425, 3.052 7.641: all fail, so winsorising never passes.
 * Log of the ORIGINAL values: min 10, max 110, 0.01 (max - min) = 1:
 *   y = ln(x - 10 + 1): 10 -> 0, 110 -> ln 101, 60 -> ln 51,
 *   30 -> ln 21, 20 -> ln 11, 15 -> ln 6, 11 -> ln 2.
 */
static void
long_tail(double *x, double sign)
{
	static const double tail[6] = { 110, 60, 30, 20, 15, 11 };

	for (size_t i = 0; i < 60; i++)
		x[i] = sign * (i < 54 ? 10 : tail[i - 54]);
	x[60] = NA;
}

void
test_prep__treat_log_when_winsorising_cannot_fix(void)
{
	static const double ln[6] = { 101, 51, 21, 11, 6, 2 };
	double x[61], *w = garbage(61);
	struct cidx_treat_report rep;

	long_tail(x, 1);
	CHECK_DBL(cidx_stat_skew(x, 61), 5.815, 1e-3);
	CHECK_INT(cidx_treat_column(x, 61, NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_LOG);
	CHECK_INT(rep.n_hi, 5);
	CHECK_INT(rep.n_lo, 0);
	CHECK_DBL(rep.skew0, 5.815, 1e-3);
	CHECK_DBL(rep.kurt0, 36.07, 1e-3);
	for (size_t i = 0; i < 54; i++)
		CHECK(x[i] == 0);
	for (size_t i = 0; i < 6; i++)
		CHECK_DBL(x[54 + i], log(ln[i]), 1e-15);
	CHECK(isnan(x[60]));
	CHECK_DBL(rep.skew1, cidx_stat_skew(x, 61), 1e-15);
	CHECK_DBL(rep.kurt1, cidx_stat_kurt(x, 61), 1e-15);
	/* and the log did help */
	CHECK(rep.skew1 < rep.skew0);

	/* the final winsorised state of the comment, checked on its own */
	for (size_t i = 0; i < 60; i++)
		x[i] = i < 54 ? 10 : 11;
	CHECK_DBL(cidx_stat_skew(x, 60), 2.735535592, 1e-9);
	CHECK_DBL(cidx_stat_kurt(x, 60), 5.671170263, 1e-9);
	free(w);
}

void
test_prep__treat_mirrored_log_for_negative_skew(void)
{
	/*
	 * The column above negated: skew0 = -5.815, the minima are clipped
	 * (n_lo 5), still failing; min -110, max -10, 0.01 (max - min) = 1:
	 *   y = -ln(max + 1 - x) = -ln(-9 - x): -10 -> -ln 1 = 0,
	 *   -110 -> -ln 101, -60 -> -ln 51, ... -11 -> -ln 2
	 * i.e. exactly the negated values of the positive case (COINr's
	 * log_CT would take ln(x - min + 1) = ln(x + 111) and skew it more).
	 */
	static const double ln[6] = { 101, 51, 21, 11, 6, 2 };
	double x[61], *w = garbage(61);
	struct cidx_treat_report rep;

	long_tail(x, -1);
	CHECK_INT(cidx_treat_column(x, 61, NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_LOG_NEG);
	CHECK_INT(rep.n_hi, 0);
	CHECK_INT(rep.n_lo, 5);
	CHECK_DBL(rep.skew0, -5.815, 1e-3);
	for (size_t i = 0; i < 54; i++)
		CHECK(x[i] == 0);
	for (size_t i = 0; i < 6; i++)
		CHECK_DBL(x[54 + i], -log(ln[i]), 1e-15);
	CHECK(isnan(x[60]));
	CHECK_DBL(rep.skew1, cidx_stat_skew(x, 61), 1e-15);
	CHECK(rep.skew1 < 0 && rep.skew1 > rep.skew0);
	free(w);
}

void
test_prep__treat_small_or_constant_never_fails(void)
{
	/* three values: no kurt; all equal: no skew or kurt */
	double three[] = { 1, 2, 1000 };
	double flat[] = { 5, 5, NA, 5, 5, 5 };
	double w[6];
	struct cidx_treat_report rep;

	cidx_treat_column(three, 3, NULL, &rep, w);
	CHECK_INT(rep.action, CIDX_TREAT_NONE);
	CHECK(isnan(rep.kurt0));
	CHECK(three[2] == 1000);
	cidx_treat_column(flat, 6, NULL, &rep, w);
	CHECK_INT(rep.action, CIDX_TREAT_NONE);
	CHECK(isnan(rep.skew0) && isnan(rep.kurt0));
	/* an empty column, and no report wanted */
	CHECK_INT(cidx_treat_column(flat, 0, NULL, NULL, w), 0);
}

/*
 * ASEM (tests/data/asem, COINr's example data), 2018: Services / GDP
 * for the 51 countries (no value missing).  The reference
 *   ciref.py --denominate --impute group-mean:EurAsia_group --screen 0.9
 *   --treat
 * keeps all 51 units and reports
 *   Services skew 3.95045 kurt 17.6476 -> winsorise (n_hi 4, n_lo 0)
 *   -> skew 1.62478 kurt 2.11554
 * The four largest ratios are distinct (LUX 2.8277, MLT 1.8246,
 * IRL 1.1092, SGP 1.0262), so the steps set 1, 2, 3, 4 values, all to
 * the fifth largest, CYP's 15.23712 / 20.0462343107038 = 0.76010.  After
 * step 3 (skew 2.139, kurt 4.025) it still fails: a running sum (6) would
 * have gone to the log; the latest-clip count (3 < 5) takes step 4.
 */
void
test_prep__treat_asem_services(void)
{
	static const char *const c_code[] = { "uCode", NULL };
	static const char *const c_serv[] = { "Services", NULL };
	static const char *const c_gdp[] = { "GDP", NULL };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = NULL;
	struct cidx_treat_report rep;
	double x[64], w[64], cyp = NA;
	const char *code[64];
	int jc, js, jg;
	size_t n = 0;

	CHECK_INT(cidx_csv_read(&t, "tests/data/asem/ASEM_iData.csv", NULL,
	    &err), 0);
	if (t == NULL)
		return;
	jc = cidx_csv_find_col(t, c_code);
	js = cidx_csv_find_col(t, c_serv);
	jg = cidx_csv_find_col(t, c_gdp);
	CHECK(jc >= 0 && js >= 0 && jg >= 0);
	CHECK_INT(t->nrows, 52);
	for (size_t r = 1; r < t->nrows && n < LEN(x) && jc >= 0 && js >= 0 &&
	    jg >= 0; r++) {
		double s, g;

		CHECK(cidx_num_parse(cidx_csv_at(t, r, (size_t)js)->s, &s,
		    NULL) == 0);
		CHECK(cidx_num_parse(cidx_csv_at(t, r, (size_t)jg)->s, &g,
		    NULL) == 0);
		code[n] = cidx_csv_at(t, r, (size_t)jc)->s;
		x[n++] = s / g;
	}
	CHECK_INT(n, 51);
	for (size_t i = 0; i < n; i++)
		if (strcmp(code[i], "CYP") == 0)
			cyp = x[i];
	CHECK_DBL(cyp, 15.23712 / 20.0462343107038, 0);

	CHECK_INT(cidx_treat_column(x, n, NULL, &rep, w), 0);
	CHECK_INT(rep.action, CIDX_TREAT_WINSOR);
	CHECK_INT(rep.n_hi, 4);
	CHECK_INT(rep.n_lo, 0);
	CHECK_DBL(rep.skew0, 3.95045, 1e-5);
	CHECK_DBL(rep.kurt0, 17.6476, 1e-5);
	CHECK_DBL(rep.skew1, 1.62478, 1e-5);
	CHECK_DBL(rep.kurt1, 2.11554, 1e-5);
	for (size_t i = 0; i < n; i++) {
		int top = strcmp(code[i], "LUX") == 0 ||
		    strcmp(code[i], "MLT") == 0 ||
		    strcmp(code[i], "IRL") == 0 || strcmp(code[i], "SGP") == 0;

		if (top)
			CHECK(x[i] == cyp);
		else
			CHECK(x[i] <= cyp);
	}
	cidx_csv_free(t);
}
