/*
 * stats: summary, Excel SKEW/KURT, type-7 quantiles, ranks, Pearson and
 * Spearman on columns with missing values (NaN).
 *
 * Every expected number is worked out by hand in the comment above its
 * check (exact fractions; the last digits of a square root from a
 * calculator), or is one of Excel's documented examples.
 */
#include <math.h>

#include "calc/stats.h"
#include "runner.h"


void
test_stats__summary_skips_missing(void)
{
	/*
	 * Present: 2 4 4 4 5 5 7 9 (n 8, sum 40, mean 5), min 2, max 9.
	 * Centred: -3 -1 -1 -1 0 0 2 4
	 *   sum c^2 = 9+1+1+1+0+0+4+16 = 32    -> sd = sqrt(32/7)
	 *   sum c^3 = -27-1-1-1+0+0+8+64 = 42
	 *   sum c^4 = 81+1+1+1+0+0+16+256 = 356
	 * skew: g = sqrt(8) 42 / 32^(3/2) = 2 sqrt2 42 / (128 sqrt2) = 0.65625,
	 *   skew = 0.65625 sqrt(56) / 6 = 0.8184875534
	 * kurt: r = 8 356 / 32^2 = 2.78125,
	 *   kurt = (9 (2.78125 - 3) + 6) 7 / (6 5) = 4.03125 7 / 30 = 0.940625
	 * median (type 7, 8 values): index 1 + 7/2 = 4.5 -> (4 + 5) / 2 = 4.5
	 */
	double x[] = { 4, NA, 2, 9, 4, 5, NA, 4, 7, 5 };
	struct cidx_summary s;

	cidx_stat_summary(x, LEN(x), &s);
	CHECK_INT(s.n, 8);
	CHECK_DBL(s.mean, 5, 1e-15);
	CHECK_DBL(s.sd, sqrt(32.0 / 7), 1e-15);
	CHECK_DBL(s.min, 2, 0);
	CHECK_DBL(s.max, 9, 0);
	CHECK_DBL(s.median, 4.5, 0);
	CHECK_DBL(s.skew, 0.8184875534, 1e-9);
	CHECK_DBL(s.kurt, 0.940625, 1e-14);
	CHECK_DBL(cidx_stat_mean(x, LEN(x)), 5, 1e-15);
}

void
test_stats__summary_degenerate_columns(void)
{
	double none[] = { NA, NA, NA };
	double one[] = { NA, 7 };
	/* ten times 0.1: the plain sum is 0.9999999999999999, so a naive
	 * mean leaves ten equal tiny deviations e, g = sqrt10 10 e^3 /
	 * (10 e^2)^(3/2) = +-1 and skew = +-sqrt(90)/8 = +-1.19 instead of
	 * "no skew" */
	double tenth[10];
	struct cidx_summary s;

	cidx_stat_summary(none, LEN(none), &s);
	CHECK_INT(s.n, 0);
	CHECK_DBL(s.mean, NA, 0);
	CHECK_DBL(s.sd, NA, 0);
	CHECK_DBL(s.min, NA, 0);
	CHECK_DBL(s.max, NA, 0);
	CHECK_DBL(s.median, NA, 0);
	CHECK_DBL(s.skew, NA, 0);
	CHECK_DBL(s.kurt, NA, 0);

	/* one value: it is the mean, min, max and median; no sd */
	cidx_stat_summary(one, LEN(one), &s);
	CHECK_INT(s.n, 1);
	CHECK_DBL(s.mean, 7, 0);
	CHECK_DBL(s.median, 7, 0);
	CHECK_DBL(s.sd, NA, 0);
	CHECK_DBL(s.skew, NA, 0);

	for (size_t i = 0; i < LEN(tenth); i++)
		tenth[i] = 0.1;
	cidx_stat_summary(tenth, LEN(tenth), &s);
	CHECK(s.mean == 0.1);
	CHECK(s.sd == 0);
	CHECK(s.median == 0.1);
	CHECK_DBL(s.skew, NA, 0);
	CHECK_DBL(s.kurt, NA, 0);
	CHECK_DBL(cidx_stat_skew(tenth, LEN(tenth)), NA, 0);
}

void
test_stats__excel_skew_kurt(void)
{
	/* Excel's documentation: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543,
	 * KURT(3,4,5,2,3,4,5,6,4,7) = -0.151799637 */
	double x[] = { 3, 4, 5, 2, 3, NA, 4, 5, 6, 4, 7 };

	CHECK_DBL(cidx_stat_skew(x, LEN(x)), 0.359543, 1e-6);
	CHECK_DBL(cidx_stat_kurt(x, LEN(x)), -0.151799637, 1e-9);
}

void
test_stats__skew_kurt_need_enough_values(void)
{
	/*
	 * 1 2 4: mean 7/3, centred -4/3 -1/3 5/3;
	 *   sum c^2 = (16+1+25)/9 = 14/3, sum c^3 = (-64-1+125)/27 = 20/9
	 *   g = sqrt3 (20/9) / (14/3)^(3/2), skew = g sqrt6 / 1 = 0.9352195296
	 * KURT needs 4 values, SKEW 3.
	 */
	double three[] = { 1, NA, 2, 4 };
	double two[] = { 1, 2, NA };

	CHECK_DBL(cidx_stat_skew(three, LEN(three)), 0.9352195296, 1e-9);
	CHECK_DBL(cidx_stat_kurt(three, LEN(three)), NA, 0);
	CHECK_DBL(cidx_stat_skew(two, LEN(two)), NA, 0);
	CHECK_DBL(cidx_stat_kurt(two, LEN(two)), NA, 0);
}

void
test_stats__quantile_type7(void)
{
	/*
	 * Type 7: index h = 1 + (m - 1) p, value x[floor h] + (h - floor h)
	 * (x[floor h + 1] - x[floor h]).
	 * 1..4: p .25 -> h 1.75 -> 1 + .75 = 1.75;  p .5 -> 2.5;
	 *   p 0 -> 1; p 1 -> 4; p .9 -> h 3.7 -> 3.7
	 */
	double x[] = { 4, NA, 2, 1, 3 };
	double s[] = { 1, 2, 3, 4 };
	double ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 0.25), 1.75, 1e-15);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 0.5), 2.5, 1e-15);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 0), 1, 0);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 1), 4, 0);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 0.9), 3.7, 1e-15);
	CHECK_DBL(cidx_stat_quantile_sorted(s, LEN(s), 0.25), 1.75, 1e-15);
	/* 1..10: p .05 -> h 1.45 -> 1.45;  p .95 -> h 9.55 -> 9.55 */
	CHECK_DBL(cidx_stat_quantile(ten, LEN(ten), 0.05), 1.45, 1e-15);
	CHECK_DBL(cidx_stat_quantile(ten, LEN(ten), 0.95), 9.55, 1e-15);
	/* nothing to take a quantile of, or p outside [0, 1] */
	CHECK_DBL(cidx_stat_quantile(x, 2, 0.5), 4, 0);
	CHECK_DBL(cidx_stat_quantile(x + 1, 1, 0.5), NA, 0);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), 1.5), NA, 0);
	CHECK_DBL(cidx_stat_quantile(x, LEN(x), NA), NA, 0);
	CHECK_DBL(cidx_stat_quantile_sorted(s, 0, 0.5), NA, 0);
}

void
test_stats__ranks_average_and_min_ties(void)
{
	/*
	 * Present, ascending: 5 (1st), 10 (2nd), 20 20 20 (3rd-5th).
	 * Average ties: the 20s get (3+4+5)/3 = 4; min ties: 3.
	 */
	double x[] = { 10, 20, 20, NA, 5, 20 };
	double avg[] = { 2, 4, 4, NA, 1, 4 };
	double min[] = { 2, 3, 3, NA, 1, 3 };
	double r[LEN(x)];

	cidx_stat_ranks(x, LEN(x), 1, r);
	for (size_t i = 0; i < LEN(x); i++)
		CHECK_DBL(r[i], avg[i], 0);
	cidx_stat_ranks(x, LEN(x), 0, r);
	for (size_t i = 0; i < LEN(x); i++)
		CHECK_DBL(r[i], min[i], 0);
	/* in place */
	cidx_stat_ranks(x, LEN(x), 1, x);
	for (size_t i = 0; i < LEN(x); i++)
		CHECK_DBL(x[i], avg[i], 0);
}

void
test_stats__pearson_spearman_pairs(void)
{
	/*
	 * Pairs with a NaN on either side are dropped (the 100 would
	 * otherwise dominate).  Left: x 1 2 3 4 5, y 2 4 5 4 5.
	 * Pearson: means 3, 4; dx -2 -1 0 1 2, dy -2 0 1 0 1;
	 *   sxy = 4+0+0+0+2 = 6, sxx = 10, syy = 4+0+1+0+1 = 6
	 *   r = 6 / sqrt(60) = 0.7745966692
	 * Spearman: rank x = 1 2 3 4 5; y: 2 -> 1, the 4s -> (2+3)/2 = 2.5,
	 *   the 5s -> (4+5)/2 = 4.5: 1 2.5 4.5 2.5 4.5, mean 3,
	 *   dy -2 -.5 1.5 -.5 1.5: sxy = 4+.5+0-.5+3 = 7,
	 *   syy = 4+.25+2.25+.25+2.25 = 9 -> rho = 7 / sqrt(90) = 0.7378647874
	 */
	double x[] = { 1, 2, 3, 4, 5, NA, 7 };
	double y[] = { 2, 4, 5, 4, 5, 100, NA };

	CHECK_DBL(cidx_stat_pearson(x, y, LEN(x)), 6 / sqrt(60), 1e-15);
	CHECK_DBL(cidx_stat_spearman(x, y, LEN(x)), 7 / sqrt(90), 1e-15);
	CHECK_DBL(cidx_stat_pearson(y, x, LEN(x)), 6 / sqrt(60), 1e-15);
}

void
test_stats__correlation_edge_cases(void)
{
	/* monotone but not linear: rho = 1 exactly, r < 1 */
	double x[] = { 1, 2, 3, 4 };
	double y[] = { 1, 8, 27, 64 };
	double flat[] = { 3, 3, 3, 3 };
	double two[] = { 1, NA, NA, 4 };

	CHECK_DBL(cidx_stat_spearman(x, y, 4), 1, 0);
	CHECK(cidx_stat_pearson(x, y, 4) < 1);
	/* reversed: -1 */
	CHECK_DBL(cidx_stat_spearman(x, (double[]){ 9, 7, 5, 1 }, 4), -1, 0);
	CHECK_DBL(cidx_stat_pearson(x, (double[]){ 8, 6, 4, 2 }, 4), -1, 0);
	/* no spread on one side, or fewer than 3 pairs */
	CHECK_DBL(cidx_stat_pearson(x, flat, 4), NA, 0);
	CHECK_DBL(cidx_stat_spearman(flat, y, 4), NA, 0);
	CHECK_DBL(cidx_stat_pearson(x, two, 4), NA, 0);
	CHECK_DBL(cidx_stat_spearman(x, two, 4), NA, 0);
	CHECK_DBL(cidx_stat_pearson(x, y, 2), NA, 0);
}
