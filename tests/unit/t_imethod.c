/* calc: the index methods (imethod.h) on examples worked by hand */
#include <math.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/methodvocab.h"
#include "runner.h"

static gsl_matrix *
mat(size_t n, size_t k, const double *v)
{
	gsl_matrix *m = gsl_matrix_alloc(n, k);

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < k; j++)
			gsl_matrix_set(m, i, j, v[i * k + j]);
	return m;
}

/*
 * MPI (De Muro, Mazziotta, Pareto 2011), four units, two indicators:
 *   x1 = 1 2 3 4: mean 2.5, population sd sqrt(1.25) = 1.118034
 *   x2 = 4 4 2 2: mean 3, sd 1
 *   z = 100 + 10 (x - mean) / sd:
 *     unit 1: 86.583592, 110     M = 98.291796, S = 11.708204
 *   MPI- = M - S cv = M - S^2 / M = 98.291796 - 137.082039 / 98.291796
 *        = 96.897152;   MPI+ = 99.686440
 */
void
test_imethod__mpi_by_hand(void)
{
	static const double x[] = { 1, 4, 2, 4, 3, 2, 4, 2 };
	static const double w[] = { 1, 1 }, w31[] = { 3, 1 };
	static const double neg[] = { 96.89715231, 102.25440812, 96.69757767,
		100.36040667 };
	static const double pos[] = { 99.68643982, 103.27345593, 97.77455828,
		103.0560012 };
	/* weights 3:1: M = 0.75 z1 + 0.25 z2, S^2 = the weighted variance */
	static const double wneg[] = { 91.32546894, 98.74980994, 100.46472257,
		106.60647357 };
	/* x2 with direction -1: z2 = 200 - z2 */
	static const double dneg[] = { 88.25874701, 92.68157975, 107.16482963,
		111.68208266 };
	static const int dir[] = { 1, -1 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(4, 2, x);
	double out[4];

	CHECK_INT(cidx_mpi(m, NULL, w, -1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], neg[i], 1e-9);
	CHECK_INT(cidx_mpi(m, NULL, w, 1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], pos[i], 1e-9);
	CHECK_INT(cidx_mpi(m, NULL, w31, -1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], wneg[i], 1e-9);
	CHECK_INT(cidx_mpi(m, dir, w, -1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], dneg[i], 1e-9);
	gsl_matrix_free(m);
}

/* a missing value is skipped: unit 1 is scored on z1 alone (S = 0), and
 * the statistics of x2 run over the three values present */
void
test_imethod__mpi_skips_missing_values(void)
{
	static const double x[] = { 1, NA, 2, 4, 3, 2, 4, 2 };
	static const double w[] = { 1, 1 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(4, 2, x);
	double out[4];

	CHECK_INT(cidx_mpi(m, NULL, w, -1, out, &err), 0);
	CHECK_DBL(out[0], 100 + 10 * (1 - 2.5) / sqrt(1.25), 1e-12);
	gsl_matrix_free(m);
}

/*
 * AMPI (Mazziotta, Pareto 2016), goalposts over the panel lo = 0, 1 and
 * hi = 5, 5: r = 70 + 60 (x - lo) / (hi - lo):
 *   unit 1: r = 82, 115, M = 98.5, S = 16.5, AMPI- = 98.5 - 272.25 / 98.5
 *   = 95.736041, AMPI+ = 101.263959.
 * Compind 3.x ci_ampi() with gp = (lo + hi) / 2, the midpoint that these
 * goalposts make 100, gives the same r and, with penalty = "NEG", the
 * same AMPI-; with penalty = "POS" it adds the penalty (AMPI+), the
 * opposite of its ci_mpi(), where penalty = "POS" subtracts it
 * (M (1 - cv^2)).  cityidx names the sign: ampi:neg is M - S cv, always.
 */
void
test_imethod__ampi_by_hand(void)
{
	static const double x[] = { 1, 4, 2, 4, 3, 2, 4, 2 };
	static const double w[] = { 1, 1 }, lo[] = { 0, 1 }, hi[] = { 5, 5 };
	static const double neg[] = { 95.73604061, 103.44497608, 94.34554974,
		98.81773399 };
	static const double pos[] = { 101.26395939, 105.55502392,
		96.65445026, 104.18226601 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(4, 2, x);
	double out[4];

	CHECK_INT(cidx_ampi(m, NULL, w, lo, hi, -1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], neg[i], 1e-9);
	CHECK_INT(cidx_ampi(m, NULL, w, lo, hi, 1, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], pos[i], 1e-9);
	gsl_matrix_free(m);
}

/*
 * GRA (Deng 1989): four units, three indicators normalised to 0..100.
 *   best = 100, 100, 100; D = 100 - s:
 *     unit 1: 100 0 50   unit 2: 0 100 0   unit 3: 50 50 100
 *     unit 4: 75 0 0     Dmin = 0, Dmax = 100
 *   rho 0.5: xi = 50 / (D + 50): unit 1: 1/3, 1, 1/2 -> grade 0.611111
 *   rho 0.3: xi = 30 / (D + 30): unit 1: 0.230769, 1, 0.375 -> 0.535256
 *   weights 2, 1, 1: unit 1: (2/3 + 1 + 1/2) / 4 = 0.541667
 */
void
test_imethod__gra_by_hand(void)
{
	static const double s[] = { 0, 100, 50, 100, 0, 100, 50, 50, 0,
		25, 100, 100 };
	static const double w[] = { 1, 1, 1 }, w2[] = { 2, 1, 1 };
	static const double g5[] = { 0.61111111111, 0.77777777778,
		0.44444444444, 0.8 };
	static const double g3[] = { 0.53525641026, 0.74358974359,
		0.32692307692, 0.76190476190 };
	static const double gw[] = { 0.54166666667, 0.83333333333,
		0.45833333333, 0.7 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(4, 3, s);
	double out[4];

	CHECK_INT(cidx_gra(m, w, 0.5, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], g5[i], 1e-10);
	CHECK_INT(cidx_gra(m, w, 0.3, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], g3[i], 1e-10);
	CHECK_INT(cidx_gra(m, w2, 0.5, out, &err), 0);
	for (size_t i = 0; i < 4; i++)
		CHECK_DBL(out[i], gw[i], 1e-10);
	CHECK_INT(cidx_gra(m, w, 0, out, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "distinguishing coefficient");
	gsl_matrix_free(m);
}

/*
 * Wroclaw (Hellwig 1968): five units, x1 = 1..5, x2 = 4 4 2 2 1.
 *   z (population sd), ideal z* = the best z of each indicator;
 *   d = 2, 1.5, 1.545603, 1.280191, 1.767767 (x sqrt(2): weights 1/2);
 *   d0 = mean(d) + 2 sd(d) = 2.109941 (sd with divisor 5);
 *   score = 1 - d / d0 = 0.052106, 0.289080, ...
 * Compind 3.x ci_wroclaw() returns d / d0 instead (lower is better) and
 * takes sd with divisor n - 1: 0.922542 for unit 1, where Hellwig's d0
 * gives d / d0 = 0.947894.
 */
void
test_imethod__wroclaw_by_hand(void)
{
	static const double x[] = { 1, 4, 2, 4, 3, 2, 4, 2, 5, 1 };
	static const double w[] = { 1, 1 };
	static const double want[] = { 0.05210609, 0.28907956, 0.26746612,
		0.39325739, 0.16217223 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(5, 2, x);
	double out[5];

	CHECK_INT(cidx_wroclaw(m, NULL, w, out, &err), 0);
	for (size_t i = 0; i < 5; i++)
		CHECK_DBL(out[i], want[i], 1e-8);
	gsl_matrix_free(m);
}

/*
 * BoD (Cherchye et al. 2007): three units, two indicators
 *   s = (1, 0.2), (0.5, 1), (0.4, 0.4).
 * Units 1 and 2 are on the frontier (1).  Unit 3: max 0.4 v1 + 0.4 v2
 * with v1 + 0.2 v2 <= 1 and 0.5 v1 + v2 <= 1: v = (8/9, 5/9), 26/45.
 * Shares of each indicator between 0.4 and 0.6: unit 3's optimum had
 * 8/13 > 0.6 of its score from indicator 1, so the bound binds: v1 =
 * 1.5 v2, 1.75 v2 <= 1, score 4/7; unit 1: 10/23; unit 2 stays at 1
 * (scipy's linprog gives the same optima).
 */
void
test_imethod__bod_by_hand(void)
{
	static const double s[] = { 1, 0.2, 0.5, 1, 0.4, 0.4 };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(3, 2, s);
	double out[3];

	CHECK_INT(cidx_bod(m, NAN, NAN, NULL, out, &err), 0);
	CHECK_DBL(out[0], 1, 1e-12);
	CHECK_DBL(out[1], 1, 1e-12);
	CHECK_DBL(out[2], 26.0 / 45, 1e-9);
	CHECK_INT(cidx_bod(m, 0.4, 0.6, NULL, out, &err), 0);
	CHECK_DBL(out[0], 10.0 / 23, 1e-9);
	CHECK_DBL(out[1], 1, 1e-9);
	CHECK_DBL(out[2], 4.0 / 7, 1e-9);
	gsl_matrix_free(m);
}

/* bounds no weights can meet: the LP's status is named */
void
test_imethod__bod_errors(void)
{
	static const double s[] = { 1, 0.2, 0.5, 1, 0.4, 0.4 };
	static const double z[] = { 1, 0, 0, 1, 0.5, 0.5 };
	static const double neg[] = { 1, -0.2, 0.5, 1 };
	static const char *const rows[] = { "A", "B", "C" };
	struct cidx_err err = CIDX_ERR_INIT;
	gsl_matrix *m = mat(3, 2, s), *mz = mat(3, 2, z), *mn = mat(2, 2, neg);
	double out[3];

	/* shares of at least 0.6 each cannot sum to 1 */
	CHECK_INT(cidx_bod(m, 0.6, 0.7, rows, out, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "GLP_NOFEAS, no feasible solution");
	CHECK_HAS(err.msg, "unit 'A'");
	CHECK_HAS(err.msg, "cannot sum to 1");
	/* unit A has 0 for indicator 2: its share cannot reach 0.1 */
	CHECK_INT(cidx_bod(mz, 0.1, 0.9, rows, out, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "GLP_NOFEAS");
	CHECK_HAS(err.msg, "a value of 0 cannot reach the lower bound");
	/* without bounds a 0 is no problem: (0.5, 0.5) with v = (1, 1) */
	CHECK_INT(cidx_bod(mz, NAN, NAN, rows, out, &err), 0);
	CHECK_DBL(out[2], 1, 1e-12);
	CHECK_INT(cidx_bod(mn, NAN, NAN, rows, out, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "unit 'A', column 2 has -0.2");
	gsl_matrix_free(m);
	gsl_matrix_free(mz);
	gsl_matrix_free(mn);
}

/* every method name and parameter reads back as it is written */
void
test_imethod__vocabulary(void)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{ "composite", "composite" }, { "topsis", "topsis" },
		{ "mpi", "mpi:neg" }, { "mpi:pos", "mpi:pos" },
		{ "ampi", "ampi:neg" }, { "ampi:pos", "ampi:pos" },
		{ "gra", "gra:0.5" }, { "gra:0.25", "gra:0.25" },
		{ "bod", "bod" }, { "bod:0.05,0.5", "bod:0.05,0.5" },
		{ "wroclaw", "wroclaw" },
	};
	static const struct {
		const char *in, *msg;
	} bad[] = {
		{ "mpi:both", "the penalty is neg" },
		{ "gra:0", "RHO is a number above 0 and at most 1" },
		{ "gra:1.5", "RHO" },
		{ "bod:0.5,0.2", "0 <= LO <= HI <= 1" },
		{ "bod:0.5", "0 <= LO <= HI <= 1" },
		{ "topsis:1", "topsis takes no parameters" },
		{ "dea", "expected composite, topsis, mpi" },
	};

	for (size_t i = 0; i < LEN(ok); i++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		struct cidx_err err = CIDX_ERR_INIT;
		char b[80];

		CHECK_INT(cidx_method_set(&m, CIDX_MK_METHOD, ok[i].in, &err),
		    0);
		cidx_method_text(&m, CIDX_MK_METHOD, b, sizeof(b));
		CHECK_STR(b, ok[i].out);
	}
	for (size_t i = 0; i < LEN(bad); i++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		struct cidx_method d = CIDX_METHOD_INIT;
		struct cidx_err err = CIDX_ERR_INIT;

		CHECK_INT(cidx_method_set(&m, CIDX_MK_METHOD, bad[i].in, &err),
		    CIDX_EINVAL);
		CHECK_HAS(err.msg, bad[i].msg);
		CHECK(memcmp(&m, &d, sizeof(m)) == 0);
	}
}
