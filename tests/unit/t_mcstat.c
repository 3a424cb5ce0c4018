/* calc: the pieces of the Monte Carlo analysis (mc.h) that need no
 * engine: the random streams, quantiles from counts, Sobol indices */
#include <math.h>
#include <stdlib.h>

#include "calc/mc.h"
#include "core/mem.h"
#include "runner.h"

void
test_mc__random_streams(void)
{
	struct cidx_rng g = { { 1, 2, 3, 4 } }, h;
	uint64_t st = 0, out[8];
	double sum = 0;

	/* xoshiro256**'s first outputs from 1, 2, 3, 4 by hand: rotl(2 *
	 * 5, 7) * 9 = 11520; then s1 = 2 ^ (3 ^ 1) = 0, so 0 */
	CHECK(cidx_rng_next(&g) == 11520);
	CHECK(cidx_rng_next(&g) == 0);
	/* SplitMix64 from 0: the published first output */
	CHECK(cidx_splitmix64(&st) == 0xe220a8397b1dcdafULL);
	/* stream k: SplitMix64's outputs 4k+1 .. 4k+4 */
	st = 42;
	for (int i = 0; i < 8; i++)
		out[i] = cidx_splitmix64(&st);
	cidx_mc_stream(&g, 42, 0);
	cidx_mc_stream(&h, 42, 1);
	for (int i = 0; i < 4; i++) {
		CHECK(g.s[i] == out[i]);
		CHECK(h.s[i] == out[4 + i]);
	}
	/* the same (seed, k), the same numbers */
	cidx_mc_stream(&h, 42, 0);
	for (int i = 0; i < 100; i++)
		CHECK(cidx_rng_next(&g) == cidx_rng_next(&h));
	for (int i = 0; i < 100000; i++) {
		double u = cidx_rng_uniform(&g);

		if (!(u >= 0 && u < 1))
			CHECK(u >= 0 && u < 1);
		sum += u;
	}
	CHECK_DBL(sum / 100000, 0.5, 0.005);
}

void
test_mc__quantiles_from_counts(void)
{
	/* 1 2 2 5: R's quantile(type 7) gives 1.15, 2, 4.55 */
	uint64_t c[6] = { 0, 1, 2, 0, 0, 1 }, *flat;

	CHECK(cidx_mc_quantile_counts(c, 6, 4, 5, 100) == 1.15);
	CHECK(cidx_mc_quantile_counts(c, 6, 4, 1, 2) == 2);
	CHECK(cidx_mc_quantile_counts(c, 6, 4, 95, 100) == 4.55);
	CHECK(cidx_mc_quantile_counts(c, 6, 4, 0, 1) == 1);
	CHECK(cidx_mc_quantile_counts(c, 6, 4, 1, 1) == 5);
	CHECK(isnan(cidx_mc_quantile_counts(c, 6, 0, 1, 2)));
	/* 0 .. 999 once each: h = 999 p exactly, 49.95 not 49.9499... */
	flat = cidx_xcalloc(1000, sizeof(uint64_t));
	for (int v = 0; v < 1000; v++)
		flat[v] = 1;
	CHECK(cidx_mc_quantile_counts(flat, 1000, 1000, 5, 100) == 49.95);
	CHECK(cidx_mc_quantile_counts(flat, 1000, 1000, 95, 100) == 949.05);
	CHECK(cidx_mc_quantile_counts(flat, 1000, 1000, 1, 2) == 499.5);
	free(flat);
}

/* y = f(x1, x2) over a Saltelli design of N rows from the library's
 * generator; S and ST estimated with cidx_mc_sobol() */
static void
toy(double (*f)(double, double), size_t n, double *s, double *st)
{
	double *ya = cidx_xcalloc(n, sizeof(double)), *yb = cidx_xcalloc(n,
	    sizeof(double)), *yab = cidx_xcalloc(2 * n, sizeof(double)), v, mean;
	struct cidx_rng g;

	for (size_t j = 0; j < n; j++) {
		double a[2], b[2];

		cidx_mc_stream(&g, 7, 2 * j);
		a[0] = cidx_rng_uniform(&g);
		a[1] = cidx_rng_uniform(&g);
		cidx_mc_stream(&g, 7, 2 * j + 1);
		b[0] = cidx_rng_uniform(&g);
		b[1] = cidx_rng_uniform(&g);
		ya[j] = f(a[0], a[1]);
		yb[j] = f(b[0], b[1]);
		yab[j] = f(b[0], a[1]);
		yab[n + j] = f(a[0], b[1]);
	}
	cidx_mc_sobol(ya, yb, yab, n, 2, s, st, &v, &mean);
	free(ya);
	free(yb);
	free(yab);
}

static double
linear(double x1, double x2)
{
	return x1 + 2 * x2;
}

static double
product(double x1, double x2)
{
	return x1 * x2;
}

void
test_mc__sobol_indices_of_toy_functions(void)
{
	double s[2], st[2];

	/* x1 + 2 x2, x ~ U(0,1): V = 5/12, S = ST = 1/5, 4/5 */
	toy(linear, 200000, s, st);
	CHECK_DBL(s[0], 0.2, 0.01);
	CHECK_DBL(s[1], 0.8, 0.01);
	CHECK_DBL(st[0], 0.2, 0.01);
	CHECK_DBL(st[1], 0.8, 0.01);
	/* x1 x2: V = 1/9 - 1/16 = 7/144, V1 = var(x1/2) = 1/48, so
	 * S = 3/7 each and ST = 1 - S(other) = 4/7: the interaction */
	toy(product, 200000, s, st);
	CHECK_DBL(s[0], 3.0 / 7, 0.01);
	CHECK_DBL(s[1], 3.0 / 7, 0.01);
	CHECK_DBL(st[0], 4.0 / 7, 0.01);
	CHECK_DBL(st[1], 4.0 / 7, 0.01);
}

/*
 * The estimators on N = 2 runs and d = 2 inputs, worked by hand:
 *   y_A = (0, 2), y_B = (1, 3), y_AB[0] = (1, 2), y_AB[1] = (2, 2)
 *   mean = (0 + 2 + 1 + 3) / 4 = 1.5
 *   V    = (1.5^2 + 0.5^2 + 0.5^2 + 1.5^2) / (2N - 1) = 5 / 3
 *   S_0  = (1/2) (1 (1 - 0) + 3 (2 - 2)) / V = 0.5 / (5/3) = 0.3
 *   S_1  = (1/2) (1 (2 - 0) + 3 (2 - 2)) / V = 1 / (5/3)   = 0.6
 *   ST_0 = ((0 - 1)^2 + (2 - 2)^2) / (2 N V) = 1 / (20/3) = 0.15
 *   ST_1 = ((0 - 2)^2 + (2 - 2)^2) / (2 N V) = 4 / (20/3) = 0.6
 * (a divisor 2N + 1 would give V = 1 and S = 0.5, 1; ST = 0.25, 1).
 */
void
test_mc__sobol_estimator_by_hand(void)
{
	static const double ya[2] = { 0, 2 }, yb[2] = { 1, 3 };
	static const double yab[4] = { 1, 2, 2, 2 };
	double s[2], st[2], v, mean;

	cidx_mc_sobol(ya, yb, yab, 2, 2, s, st, &v, &mean);
	CHECK_DBL(mean, 1.5, 1e-15);
	CHECK_DBL(v, 5.0 / 3, 1e-15);
	CHECK_DBL(s[0], 0.3, 1e-15);
	CHECK_DBL(s[1], 0.6, 1e-15);
	CHECK_DBL(st[0], 0.15, 1e-15);
	CHECK_DBL(st[1], 0.6, 1e-15);
}
