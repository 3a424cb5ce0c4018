/*
 * weights: entropy, CRITIC, PCA and AHP weights, TOPSIS, Cronbach's alpha
 * (cityidx(1), METHOD: Derived weights, TOPSIS, Audit statistics) and the
 * AHP comparison file reader.
 *
 * Every expected number is worked out by hand in the comment above its
 * check, and the check states it as the closed form of that working
 * (log(3), sqrt(5) ...), never as a number copied from the program.
 * Decimals in the comments are for the reader.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_matrix.h>

#include "calc/stats.h"
#include "calc/topsis.h"
#include "calc/weights.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/model.h"
#include "io/ahpfile.h"
#include "io/framework.h"
#include "fixture.h"
#include "runner.h"

#define TOL 1e-12

/* the message contains `sub` */

/*
 * Entropy, 3 units x 2 columns; B is "lower is better".
 *
 *	    A   B
 *	    1  10
 *	    2  40
 *	    3  20
 *
 * A: min 1, max 3: r = (0, 1/2, 1), sum 3/2, p = (0, 1/3, 2/3);
 *    e = -(1/ln 3)(1/3 ln 1/3 + 2/3 ln 2/3) = 1 - 2 ln 2 / (3 ln 3)
 *    d = 2 ln 2 / (3 ln 3) = 0.420620
 * B: r = (40 - x)/30 = (1, 0, 2/3), sum 5/3, p = (3/5, 0, 2/5);
 *    e = -(3/5 ln 3/5 + 2/5 ln 2/5) / ln 3 = 0.612602, d = 0.387398
 * w = d / (d_A + d_B) = (0.520557, 0.479443)
 */
void
test_weights__entropy_3x2_direction(void)
{
	static const double v[] = { 1, 10, 2, 40, 3, 20 };
	static const int dir[] = { 1, -1 };
	gsl_matrix *x = mat(3, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2], e[2], d[2];
	double dA = 2 * log(2) / (3 * log(3));
	double dB = 1 + (0.6 * log(0.6) + 0.4 * log(0.4)) / log(3);

	CHECK_INT(cidx_weights_entropy(x, dir, w, e, d, &err), 0);
	CHECK_DBL(d[0], dA, TOL);
	CHECK_DBL(e[0], 1 - dA, TOL);
	CHECK_DBL(d[1], dB, TOL);
	CHECK_DBL(e[1], 1 - dB, TOL);
	CHECK_DBL(w[0], dA / (dA + dB), TOL);
	CHECK_DBL(w[1], dB / (dA + dB), TOL);
	/* e and d are optional */
	CHECK_INT(cidx_weights_entropy(x, dir, w, NULL, NULL, &err), 0);
	CHECK_DBL(w[0], dA / (dA + dB), TOL);
	gsl_matrix_free(x);
}

/*
 * A constant column gets w = 0; a missing value is skipped (m_j counts
 * what is present).
 *
 *	    A   B   C
 *	    1  10   7
 *	   NA  25   7
 *	    2  40   7
 *	    3  20  NA
 *
 * A: three values 1, 2, 3 as in the test above: d_A = 2 ln 2 / (3 ln 3).
 * B (dir -1, m = 4): r = (40 - x)/30 = (1, 1/2, 0, 2/3), sum 13/6,
 *    p = (6/13, 3/13, 0, 4/13), e = -(sum p ln p)/ln 4, d_B = 0.236883
 * C: constant: e = 1, d = 0, w = 0.
 * w = (d_A, d_B, 0) / (d_A + d_B) = (0.639724, 0.360276, 0)
 */
void
test_weights__entropy_constant_column_and_missing(void)
{
	static const double v[] = {
		1, 10, 7,
		NA, 25, 7,
		2, 40, 7,
		3, 20, NA,
	};
	static const int dir[] = { 1, -1, 1 };
	gsl_matrix *x = mat(4, 3, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], e[3], d[3];
	double dA = 2 * log(2) / (3 * log(3));
	double dB = 1 + (6.0 / 13 * log(6.0 / 13) + 3.0 / 13 * log(3.0 / 13) +
	    4.0 / 13 * log(4.0 / 13)) / log(4);

	CHECK_INT(cidx_weights_entropy(x, dir, w, e, d, &err), 0);
	CHECK_DBL(d[0], dA, TOL);
	CHECK_DBL(d[1], dB, TOL);
	CHECK_DBL(e[2], 1, 0);
	CHECK_DBL(d[2], 0, 0);
	CHECK_DBL(w[0], dA / (dA + dB), TOL);
	CHECK_DBL(w[1], dB / (dA + dB), TOL);
	CHECK_DBL(w[2], 0, 0);
	gsl_matrix_free(x);
}

/*
 * Two units only: r = (0, 1) in every column with spread, p = (0, 1),
 * e = 0, d = 1, whatever the values; so two such columns get 1/2 each.
 * One column (k = 1) with spread gets 1.
 */
void
test_weights__entropy_two_units_and_one_column(void)
{
	static const double v[] = { 5, 1, 9, 100 };
	gsl_matrix *x = mat(2, 2, v);
	gsl_matrix_view one = gsl_matrix_submatrix(x, 0, 0, 2, 1);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2], e[2];

	CHECK_INT(cidx_weights_entropy(x, NULL, w, e, NULL, &err), 0);
	CHECK_DBL(e[0], 0, TOL);
	CHECK_DBL(w[0], 0.5, TOL);
	CHECK_DBL(w[1], 0.5, TOL);
	CHECK_INT(cidx_weights_entropy(&one.matrix, NULL, w, NULL, NULL,
	    &err), 0);
	CHECK_DBL(w[0], 1, TOL);
	gsl_matrix_free(x);
}

void
test_weights__entropy_errors(void)
{
	/* every column constant (B has a single value) */
	static const double flat[] = { 3, NA, 3, 8, 3, NA };
	static const double ok[] = { 1, 2, 3, 4 };
	static const double inf[] = { 1, 2, INFINITY, 4 };
	static const int dir0[] = { 1, 0 };
	gsl_matrix *x = mat(3, 2, flat);
	gsl_matrix *y = mat(2, 2, ok);
	gsl_matrix *z = mat(2, 2, inf);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2] = { -1, -1 };

	CHECK_INT(cidx_weights_entropy(x, NULL, w, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "entropy weights: every column is constant");
	/* w is left alone on error */
	CHECK_DBL(w[0], -1, 0);
	CHECK_INT(cidx_weights_entropy(y, dir0, w, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg,
	    "entropy weights: column 2: direction must be 1 or -1, not 0");
	CHECK_INT(cidx_weights_entropy(z, NULL, w, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg,
	    "entropy weights: row 2, column 1: infinite value");
	gsl_matrix_free(x);
	gsl_matrix_free(y);
	gsl_matrix_free(z);
}

/*
 * CRITIC, 4 units x 3 columns; C is "lower is better".
 *
 *	    A   B   C
 *	    0   0   5
 *	    1   1   5
 *	    2   1   0
 *	    3   0   0
 *
 * r_A = (0, 1/3, 2/3, 1), r_B = (0, 1, 1, 0), r_C = (5 - x)/5 = (0, 0, 1, 1).
 * Every mean is 1/2; deviations
 *   A: (-1/2, -1/6, 1/6, 1/2), sum of squares 1/4+1/36+1/36+1/4 = 5/9
 *   B: (-1/2, 1/2, 1/2, -1/2), sum of squares 1
 *   C: (-1/2, -1/2, 1/2, 1/2), sum of squares 1
 * sigma (n - 1 = 3): A sqrt(5/27) = 0.430331, B = C = sqrt(1/3) = 0.577350
 * cross products: AB 1/4 - 1/12 + 1/12 - 1/4 = 0           -> rho 0
 *                 AC 1/4 + 1/12 + 1/12 + 1/4 = 2/3          -> rho
 *                    (2/3)/sqrt(5/9 * 1) = 2/sqrt5 = 0.894427
 *                 BC 1/4 - 1/4 + 1/4 - 1/4 = 0              -> rho 0
 * conflict: A 1 + (1 - 2/sqrt5) = 2 - 2/sqrt5, B 2, C 2 - 2/sqrt5
 * C_j: A sqrt(5/27)(2 - 2/sqrt5) = 0.475763, B 2/sqrt3 = 1.154701,
 *      C (2 - 2/sqrt5)/sqrt3 = 0.638303; sum 2.268767
 * w = (0.209701, 0.508955, 0.281344)
 */
void
test_weights__critic_4x3(void)
{
	static const double v[] = {
		0, 0, 5,
		1, 1, 5,
		2, 1, 0,
		3, 0, 0,
	};
	static const int dir[] = { 1, 1, -1 };
	gsl_matrix *x = mat(4, 3, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], sigma[3], conflict[3];
	double q = 2 - 2 / sqrt(5);
	double cA = sqrt(5.0 / 27) * q, cB = 2 / sqrt(3), cC = q / sqrt(3);
	double sum = cA + cB + cC;

	CHECK_INT(cidx_weights_critic(x, dir, w, sigma, conflict, &err), 0);
	CHECK_DBL(sigma[0], sqrt(5.0 / 27), TOL);
	CHECK_DBL(sigma[1], sqrt(1.0 / 3), TOL);
	CHECK_DBL(sigma[2], sqrt(1.0 / 3), TOL);
	CHECK_DBL(conflict[0], q, TOL);
	CHECK_DBL(conflict[1], 2, TOL);
	CHECK_DBL(conflict[2], q, TOL);
	CHECK_DBL(w[0], cA / sum, TOL);
	CHECK_DBL(w[1], cB / sum, TOL);
	CHECK_DBL(w[2], cC / sum, TOL);
	CHECK_INT(cidx_weights_critic(x, dir, w, NULL, NULL, &err), 0);
	CHECK_DBL(w[1], cB / sum, TOL);
	gsl_matrix_free(x);
}

/*
 * Missing values: sigma over each column's present values, rho over the
 * rows where both are present.
 *
 *	    A   B
 *	    0   0
 *	    1   1
 *	    2   1
 *	    3   0
 *	   NA   5
 *
 * r_A = (0, 1/3, 2/3, 1, NA): sigma_A = sqrt(5/27) as above.
 * r_B = x/5 = (0, .2, .2, 0, 1): mean 1.4/5 = .28, deviations
 *   (-.28, -.08, -.08, -.28, .72), squares .0784 + .0064 + .0064 + .0784
 *   + .5184 = .688, sigma_B = sqrt(.688/4) = sqrt(.172) = 0.414729
 * rho over rows 1-4: r_B there is (0, .2, .2, 0), proportional to
 *   (0, 1, 1, 0): 0, as AB above.  conflict = 1 each.
 * w = (sqrt(5/27), sqrt(.172)) / sum = (0.509232, 0.490768)
 */
void
test_weights__critic_missing_values(void)
{
	static const double v[] = { 0, 0, 1, 1, 2, 1, 3, 0, NA, 5 };
	gsl_matrix *x = mat(5, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2], sigma[2], conflict[2];
	double sA = sqrt(5.0 / 27), sB = sqrt(0.172);

	CHECK_INT(cidx_weights_critic(x, NULL, w, sigma, conflict, &err), 0);
	CHECK_DBL(sigma[0], sA, TOL);
	CHECK_DBL(sigma[1], sB, TOL);
	CHECK_DBL(conflict[0], 1, TOL);
	CHECK_DBL(conflict[1], 1, TOL);
	CHECK_DBL(w[0], sA / (sA + sB), TOL);
	CHECK_DBL(w[1], sB / (sA + sB), TOL);
	gsl_matrix_free(x);
}

/*
 * A constant column: sigma 0, no defined rho with anyone, so w = 0, and
 * the others' weights are those of CRITIC without it.  A and B as in
 * critic_4x3, where rho_AB = 0: conflict 1 each,
 * w = (sqrt(5/27), sqrt(1/3)) / sum = (0.427051, 0.572949, 0).
 * With only one column with spread, it gets all the weight.
 */
void
test_weights__critic_constant_column(void)
{
	static const double v[] = {
		0, 0, 4,
		1, 1, 4,
		2, 1, 4,
		3, 0, 4,
	};
	gsl_matrix *x = mat(4, 3, v);
	gsl_matrix_view ac = gsl_matrix_submatrix(x, 0, 1, 4, 2);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], sigma[3], conflict[3];
	double sA = sqrt(5.0 / 27), sB = sqrt(1.0 / 3);

	CHECK_INT(cidx_weights_critic(x, NULL, w, sigma, conflict, &err), 0);
	CHECK_DBL(sigma[2], 0, 0);
	CHECK_DBL(conflict[2], 0, 0);
	CHECK_DBL(conflict[0], 1, TOL);
	CHECK_DBL(w[0], sA / (sA + sB), TOL);
	CHECK_DBL(w[1], sB / (sA + sB), TOL);
	CHECK_DBL(w[2], 0, 0);
	/* columns B and C: B alone has spread */
	CHECK_INT(cidx_weights_critic(&ac.matrix, NULL, w, NULL, NULL, &err),
	    0);
	CHECK_DBL(w[0], 1, 0);
	CHECK_DBL(w[1], 0, 0);
	gsl_matrix_free(x);
}

void
test_weights__critic_errors(void)
{
	static const double flat[] = { 1, 2, 1, 2, 1, 2 };
	/* B = 2A + 1 and C = 10 - A (dir -1): r identical, rho = 1 */
	static const double same[] = { 1, 3, 9, 2, 5, 8, 4, 9, 6 };
	static const int dir[] = { 1, 1, -1 };
	gsl_matrix *x = mat(3, 2, flat);
	gsl_matrix *y = mat(3, 3, same);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3];

	CHECK_INT(cidx_weights_critic(x, NULL, w, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "CRITIC weights: every column is constant");
	CHECK_INT(cidx_weights_critic(y, dir, w, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "perfectly correlated");
	gsl_matrix_free(x);
	gsl_matrix_free(y);
}

/*
 * PCA, k = 2: the correlation matrix [[1, rho], [rho, 1]] has eigenvalues
 * 1 + rho, with eigenvector (1, 1)/sqrt2, and 1 - rho.
 *
 *	    A   B
 *	    1   1
 *	    2   3
 *	    3   2
 *	    4   4
 *	   NA   7     (dropped: n_used = 4)
 *
 * means 2.5; deviations A (-1.5, -.5, .5, 1.5), B (-1.5, .5, -.5, 1.5);
 * sums of squares 5 and 5; cross products 2.25 - .25 - .25 + 2.25 = 4;
 * rho = 4/5 = 0.8.  PC1: lambda = 1.8, loadings (1/sqrt2, 1/sqrt2),
 * w = (1/2, 1/2), var_pc1 = 1.8/2 = 0.9.
 */
void
test_weights__pca_k2_closed_form(void)
{
	static const double v[] = { 1, 1, 2, 3, 3, 2, 4, 4, NA, 7 };
	gsl_matrix *x = mat(5, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2], l[2], var = 0;
	size_t used = 0, neg = 9;

	CHECK_INT(cidx_weights_pca(x, w, l, &var, &used, &neg, &err), 0);
	CHECK_INT(used, 4);
	CHECK_INT(neg, 0);
	CHECK_DBL(l[0], 1 / sqrt(2), TOL);
	CHECK_DBL(l[1], 1 / sqrt(2), TOL);
	CHECK_DBL(w[0], 0.5, TOL);
	CHECK_DBL(w[1], 0.5, TOL);
	CHECK_DBL(var, 0.9, TOL);
	CHECK_INT(cidx_weights_pca(x, w, NULL, NULL, NULL, NULL, &err), 0);
	CHECK_DBL(w[0], 0.5, TOL);
	gsl_matrix_free(x);
}

/*
 * PCA, k = 2, rho < 0: A as above, B = (4, 2, 3, 1), deviations
 * (1.5, -.5, .5, -1.5); cross products -2.25 + .25 + .25 - 2.25 = -4,
 * rho = -0.8.  PC1: lambda = 1 - rho = 1.8 with (1, -1)/sqrt2, whose
 * loadings sum to 0: PC1 contrasts A with B instead of combining them,
 * and is refused (it used to give w = (1, 0), decided by column order).
 */
void
test_weights__pca_contrast_is_refused(void)
{
	static const double v[] = { 1, 4, 2, 2, 3, 3, 4, 1 };
	gsl_matrix *x = mat(4, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2] = { -1, -1 }, l[2];

	CHECK_INT(cidx_weights_pca(x, w, l, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "the first principal component is a contrast, "
	    "not a common factor");
	CHECK_HAS(err.msg, "use another method");
	CHECK_DBL(w[0], -1, 0);
	gsl_matrix_free(x);
}

/*
 * PCA, k = 3, with one negative loading.
 *
 *	    A   B   C
 *	    1   1   6
 *	    2   3   1
 *	    3   2   1
 *	    4   4   0
 *	    5  NA   5     (dropped: n_used = 4)
 *
 * A and B as in pca_k2_closed_form: rho_AB = a = 0.8.  C: mean 2,
 * deviations (4, -1, -1, -2), sum of squares 22; cross products with A:
 * -6 + .5 - .5 - 3 = -9, with B: -6 - .5 + .5 - 3 = -9; so
 * rho_AC = rho_BC = c = -9/sqrt(5 * 22) = -9/sqrt(110) = -0.858116.
 * R = [[1, a, c], [a, 1, c], [c, c, 1]].  (1, -1, 0) is an eigenvector
 * with lambda = 1 - a = 0.2; the others are (x, x, y) with
 *   lambda x = (1 + a) x + c y,  lambda y = 2c x + y,
 * i.e. the eigenvalues of [[1 + a, c], [2c, 1]]:
 *   lambda = (2 + a +- sqrt(a^2 + 8c^2)) / 2;  lambda_1 = 2.677782.
 * y/x = 2c / (lambda_1 - 1) = -1.022917; 2x^2 + y^2 = 1 gives
 * x = 1/sqrt(2 + (y/x)^2) = 0.572940, y = -0.586071; the sum
 * 2x + y > 0, so the sign stands.  w = (1/2, 1/2, 0), n_negative = 1,
 * var_pc1 = lambda_1 / 3 = 0.892594.
 */
void
test_weights__pca_k3_negative_loading(void)
{
	static const double v[] = {
		1, 1, 6,
		2, 3, 1,
		3, 2, 1,
		4, 4, 0,
		5, NA, 5,
	};
	gsl_matrix *x = mat(5, 3, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], l[3], var = 0;
	double a = 0.8, c = -9 / sqrt(110);
	double l1 = (2 + a + sqrt(a * a + 8 * c * c)) / 2;
	double t = 2 * c / (l1 - 1), lx = 1 / sqrt(2 + t * t);
	size_t used = 0, neg = 0;

	CHECK_INT(cidx_weights_pca(x, w, l, &var, &used, &neg, &err), 0);
	CHECK_INT(used, 4);
	CHECK_DBL(l[0], lx, TOL);
	CHECK_DBL(l[1], lx, TOL);
	CHECK_DBL(l[2], t * lx, TOL);
	CHECK_DBL(var, l1 / 3, TOL);
	CHECK_INT(neg, 1);
	CHECK_DBL(w[0], 0.5, TOL);
	CHECK_DBL(w[1], 0.5, TOL);
	CHECK_DBL(w[2], 0, 0);
	gsl_matrix_free(x);
}

void
test_weights__pca_errors(void)
{
	/* two complete rows */
	static const double few[] = { 1, 2, 3, NA, 4, 5, NA, 8 };
	/* B constant over the complete rows (its 9 is on an incomplete one) */
	static const double flat[] = { 1, 2, 2, 2, 3, 2, NA, 9 };
	/*
	 * rho = 0: deviations (-1.5, -.5, .5, 1.5) and (1, -1, -1, 1) have
	 * cross products -1.5 + .5 - .5 + 1.5 = 0; both eigenvalues are 1
	 */
	static const double tie[] = { 1, 1, 2, -1, 3, -1, 4, 1 };
	gsl_matrix *x = mat(4, 2, few);
	gsl_matrix *y = mat(4, 2, flat);
	gsl_matrix *z = mat(4, 2, tie);
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2];
	size_t used = 9;

	CHECK_INT(cidx_weights_pca(x, w, NULL, NULL, &used, NULL, &err),
	    CIDX_EINVAL);
	CHECK_INT(used, 2);
	CHECK_STR(err.msg, "PCA weights: 2 units with no missing value; "
	    "at least 3 needed");
	CHECK_INT(cidx_weights_pca(y, w, NULL, NULL, &used, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "PCA weights: column 2 is constant over the 3 "
	    "complete units");
	CHECK_INT(cidx_weights_pca(z, w, NULL, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "not unique");
	gsl_matrix_free(x);
	gsl_matrix_free(y);
	gsl_matrix_free(z);
}

/*
 * AHP, consistent: a_ij = w_i / w_j with w = (4, 2, 1)/7, so A w = 3 w
 * exactly: lambda_max = 3, CI = 0, CR = 0.
 */
void
test_weights__ahp_consistent_3x3(void)
{
	static const double A[] = {
		1, 2, 4,
		0.5, 1, 2,
		0.25, 0.5, 1,
	};
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], lambda = 0, ci = -1, cr = -1;

	CHECK_INT(cidx_weights_ahp(A, 3, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(w[0], 4.0 / 7, TOL);
	CHECK_DBL(w[1], 2.0 / 7, TOL);
	CHECK_DBL(w[2], 1.0 / 7, TOL);
	CHECK_DBL(lambda, 3, TOL);
	CHECK_DBL(ci, 0, TOL);
	CHECK_DBL(cr, 0, TOL);
}

/*
 * AHP, inconsistent 3x3.  For A = [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]]
 * the characteristic polynomial det(lambda I - A), with mu = lambda - 1:
 *   mu (mu^2 - 1) + a(-mu/a - c/b) - b(1/(ac) + mu/b)
 *     = mu^3 - 3 mu - (s + 1/s),   s = ac/b.
 * Put mu = t + 1/t: mu^3 - 3 mu = t^3 + 1/t^3, so t^3 = s and
 *   lambda_max = 1 + s^(1/3) + s^(-1/3).
 * a = 2, b = 1, c = 4: s = 8, lambda_max = 1 + 2 + 1/2 = 3.5,
 * CI = 0.5/2 = 0.25, CR = 0.25/0.58 = 0.431 >= 0.1.
 * (A - 3.5 I) w = 0:  -2.5 w1 + 2 w2 + w3 = 0,  w1/2 - 2.5 w2 + 4 w3 = 0;
 * w3 = 2.5 w1 - 2 w2, then 10.5 w1 = 10.5 w2: w = (1, 1, 1/2) -> (2, 2,
 * 1)/5.  Check row 3: 1 + 1/4 + 1/2 = 1.75 = 3.5 * 1/2.
 */
void
test_weights__ahp_inconsistent_3x3(void)
{
	static const double A[] = {
		1, 2, 1,
		0.5, 1, 4,
		1, 0.25, 1,
	};
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], lambda = 0, ci = 0, cr = 0;

	CHECK_INT(cidx_weights_ahp(A, 3, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(lambda, 3.5, TOL);
	CHECK_DBL(ci, 0.25, TOL);
	CHECK_DBL(cr, 0.25 / 0.58, TOL);
	CHECK(cr >= 0.1);
	CHECK_DBL(w[0], 0.4, TOL);
	CHECK_DBL(w[1], 0.4, TOL);
	CHECK_DBL(w[2], 0.2, TOL);
}

/*
 * AHP, a cycle at the end of Saaty's scale: 1 is 9x 2, 2 is 9x 3, 3 is
 * 9x 1.  s = ac/b = 9 * 9 / (1/9) = 729, s^(1/3) = 9:
 * lambda_max = 1 + 9 + 1/9 = 91/9, CI = (91/9 - 3)/2 = 32/9.  The matrix
 * is circulant, so w = (1, 1, 1)/3.  (Far from consistent, so the second
 * eigenvalue is large: |lambda_2|/lambda_1 = sqrt((lambda_1 - 3)/lambda_1)
 * = 0.84, the case where a bare power iteration is slow.)
 */
void
test_weights__ahp_cycle(void)
{
	static const double A[] = {
		1, 9, 1.0 / 9,
		1.0 / 9, 1, 9,
		9, 1.0 / 9, 1,
	};
	struct cidx_err err = CIDX_ERR_INIT;
	double w[3], lambda = 0, ci = 0, cr = 0;

	CHECK_INT(cidx_weights_ahp(A, 3, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(lambda, 91.0 / 9, TOL);
	CHECK_DBL(ci, 32.0 / 9, TOL);
	CHECK_DBL(cr, 32.0 / 9 / 0.58, TOL);
	for (int i = 0; i < 3; i++)
		CHECK_DBL(w[i], 1.0 / 3, TOL);
}

/*
 * k = 4 consistent (a_ij = w_i/w_j, w = (8, 4, 2, 1)/15): lambda 4, CR 0.
 * k = 2 is always consistent: [[1, 3], [1/3, 1]] gives (3/4, 1/4),
 * lambda 2, CR 0.  k = 1: w = 1.  k = 16: no RI, CR is NaN.
 */
void
test_weights__ahp_sizes(void)
{
	static const double A4[] = {
		1, 2, 4, 8,
		0.5, 1, 2, 4,
		0.25, 0.5, 1, 2,
		0.125, 0.25, 0.5, 1,
	};
	static const double A2[] = { 1, 3, 1.0 / 3, 1 };
	static const double A1[] = { 1 };
	struct cidx_err err = CIDX_ERR_INIT;
	double w[16], A16[16 * 16], lambda = 0, ci = -1, cr = -1;

	CHECK_INT(cidx_weights_ahp(A4, 4, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(w[0], 8.0 / 15, TOL);
	CHECK_DBL(w[3], 1.0 / 15, TOL);
	CHECK_DBL(lambda, 4, TOL);
	CHECK_DBL(cr, 0, TOL);
	CHECK_INT(cidx_weights_ahp(A2, 2, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(w[0], 0.75, TOL);
	CHECK_DBL(w[1], 0.25, TOL);
	CHECK_DBL(lambda, 2, TOL);
	CHECK_DBL(cr, 0, 0);
	CHECK_INT(cidx_weights_ahp(A1, 1, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(w[0], 1, 0);
	CHECK_DBL(lambda, 1, 0);
	CHECK_DBL(ci, 0, 0);
	/* all ones: equal weights, lambda = 16 */
	for (int i = 0; i < 16 * 16; i++)
		A16[i] = 1;
	CHECK_INT(cidx_weights_ahp(A16, 16, w, &lambda, &ci, &cr, &err), 0);
	CHECK_DBL(w[15], 1.0 / 16, TOL);
	CHECK_DBL(lambda, 16, TOL);
	CHECK(isnan(cr));
	/* optional outputs */
	CHECK_INT(cidx_weights_ahp(A4, 4, w, NULL, NULL, NULL, &err), 0);
	CHECK_DBL(w[1], 4.0 / 15, TOL);
}

void
test_weights__ahp_not_reciprocal(void)
{
	static const double twice[] = { 1, 2, 2, 1 };
	static const double zero[] = { 1, 0, 3, 1 };
	static const double diag[] = { 2, 2, 0.5, 1 };
	static const double nans[] = { 1, NA, 1, 1 };
	struct cidx_err err = CIDX_ERR_INIT;
	double w[2] = { -1, -1 };

	CHECK_INT(cidx_weights_ahp(twice, 2, w, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "AHP: not reciprocal: entry (1,2) = 2 but (2,1) = "
	    "2, not 1/2");
	CHECK_DBL(w[0], -1, 0);
	CHECK_INT(cidx_weights_ahp(zero, 2, w, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "AHP: entry (1,2) = 0: entries must be positive "
	    "numbers");
	CHECK_INT(cidx_weights_ahp(diag, 2, w, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "AHP: diagonal entry (1,1) = 2, not 1");
	CHECK_INT(cidx_weights_ahp(nans, 2, w, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "entries must be positive numbers");
	CHECK_INT(cidx_weights_ahp(twice, 0, w, NULL, NULL, NULL, &err),
	    CIDX_EINVAL);
}

/*
 * TOPSIS, 3 units x 2 columns (B lower is better), w = (3, 1) -> (3/4,
 * 1/4); a fourth unit with a missing value gets NaN and is left out.
 *
 *	    A   B
 *	    1   2
 *	    2   1
 *	    2   2
 *	   NA   5
 *
 * norms: A sqrt(1 + 4 + 4) = 3, B sqrt(4 + 1 + 4) = 3 (5 not counted);
 * r_A = (1/3, 2/3, 2/3), r_B = (2/3, 1/3, 2/3);
 * v_A = 3/4 r_A = (1/4, 1/2, 1/2), v_B = 1/4 r_B = (1/6, 1/12, 1/6).
 * A+ = (max v_A, min v_B) = (1/2, 1/12); A- = (1/4, 1/6).
 * unit 1 (1/4, 1/6):  D+ = sqrt(1/16 + 1/144) = sqrt10/12, D- = 0: C = 0
 * unit 2 (1/2, 1/12): D+ = 0: C = 100
 * unit 3 (1/2, 1/6):  D+ = 1/12, D- = 1/4: C = 100 (1/4)/(1/3) = 75
 */
void
test_weights__topsis_3x2(void)
{
	static const double v[] = { 1, 2, 2, 1, 2, 2, NA, 5 };
	static const int dir[] = { 1, -1 };
	static const double w[] = { 3, 1 };
	static const double w01[] = { 0.75, 0.25 };
	gsl_matrix *x = mat(4, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double c[4];

	CHECK_INT(cidx_topsis(x, dir, w, c, &err), 0);
	CHECK_DBL(c[0], 0, TOL);
	CHECK_DBL(c[1], 100, TOL);
	CHECK_DBL(c[2], 75, TOL);
	CHECK(isnan(c[3]));
	/* the scale of w does not matter */
	CHECK_INT(cidx_topsis(x, dir, w01, c, &err), 0);
	CHECK_DBL(c[2], 75, TOL);
	gsl_matrix_free(x);
}

/*
 * Both columns "higher is better", equal weights, four units:
 *
 *	    A   B
 *	    3   0
 *	    0   4
 *	    3   4
 *	    0   0
 *
 * norms sqrt(18) = 3 sqrt2 and sqrt(32) = 4 sqrt2; r_A = (1, 0, 1, 0)/sqrt2,
 * r_B = (0, 1, 1, 0)/sqrt2; v = r/2; A+ = (1, 1)/(2 sqrt2), A- = (0, 0).
 * units 3 and 4 are the ideal and the anti-ideal: 100 and 0; units 1 and
 * 2 are at distance 1/(2 sqrt2) from both: 50.
 */
void
test_weights__topsis_ideal_points(void)
{
	static const double v[] = { 3, 0, 0, 4, 3, 4, 0, 0 };
	static const double w[] = { 1, 1 };
	gsl_matrix *x = mat(4, 2, v);
	struct cidx_err err = CIDX_ERR_INIT;
	double c[4];

	CHECK_INT(cidx_topsis(x, NULL, w, c, &err), 0);
	CHECK_DBL(c[0], 50, TOL);
	CHECK_DBL(c[1], 50, TOL);
	CHECK_DBL(c[2], 100, TOL);
	CHECK_DBL(c[3], 0, TOL);
	gsl_matrix_free(x);
}

void
test_weights__topsis_errors(void)
{
	static const double zero[] = { 1, 0, 2, 0, 3, 0 };
	static const double flat[] = { 1, 5, 2, 5, 3, 5 };
	static const double gaps[] = { 1, NA, NA, 2 };
	static const double w[] = { 1, 1 };
	static const double w_neg[] = { 1, -1 };
	static const double w_b[] = { 0, 1 };
	static const double w0[] = { 0, 0 };
	gsl_matrix *x = mat(3, 2, zero);
	gsl_matrix *y = mat(3, 2, flat);
	gsl_matrix *z = mat(2, 2, gaps);
	struct cidx_err err = CIDX_ERR_INIT;
	double c[3] = { -1, -1, -1 };

	CHECK_INT(cidx_topsis(x, NULL, w, c, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "TOPSIS: column 2 is all zero");
	CHECK_DBL(c[0], -1, 0);
	CHECK_INT(cidx_topsis(y, NULL, w_neg, c, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "weights must be numbers >= 0");
	CHECK_INT(cidx_topsis(y, NULL, w0, c, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "TOPSIS: every weight is 0");
	/* only B has weight, and B is constant */
	CHECK_INT(cidx_topsis(y, NULL, w_b, c, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "separates the units");
	CHECK_INT(cidx_topsis(z, NULL, w, c, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "TOPSIS: no unit has every value");
	CHECK_DBL(c[0], -1, 0);
	gsl_matrix_free(x);
	gsl_matrix_free(y);
	gsl_matrix_free(z);
}

/*
 * Cronbach's alpha, 4 units x 2 (a fifth, incomplete, is left out):
 * A = (1, 2, 3, 4), B = (1, 3, 2, 4) as in pca_k2_closed_form:
 * var A = var B = 5/3, cov AB = 4/3; sum of the covariance matrix
 * 5/3 + 5/3 + 2 (4/3) = 6; alpha = 2^2 (4/3) / 6 = 8/9.
 * Check: k/(k-1) (1 - sum var / var total) = 2 (1 - (10/3)/6) = 8/9.
 */
void
test_weights__cronbach_alpha_4x2(void)
{
	static const double v[] = { 1, 1, 2, 3, 3, 2, 4, 4, 100, NA };
	static const double flat[] = { 1, 1, 1, 1, 1, 1 };
	gsl_matrix *x = mat(5, 2, v);
	gsl_matrix *y = mat(3, 2, flat);
	gsl_matrix_view one = gsl_matrix_submatrix(x, 0, 0, 4, 1);
	gsl_matrix_view two = gsl_matrix_submatrix(x, 0, 0, 1, 2);

	CHECK_DBL(cidx_cronbach_alpha(x), 8.0 / 9, TOL);
	/* k < 2, one complete row, no variance: NaN */
	CHECK(isnan(cidx_cronbach_alpha(&one.matrix)));
	CHECK(isnan(cidx_cronbach_alpha(&two.matrix)));
	CHECK(isnan(cidx_cronbach_alpha(y)));
	gsl_matrix_free(x);
	gsl_matrix_free(y);
}

/* ---- the AHP comparison file ---- */

/*
 * A framework read from its file (types follow from the parent column):
 *   INDEX <- P1 (A, B, C), P2 (D, E), P3 (F); POP a denominator.
 * Nodes: INDEX 0, P1 1, A 2, B 3, C 4, P2 5, D 6, E 7, P3 8, F 9, POP 10.
 * Needs tmp_begin() first.
 */
static struct cidx_framework *
ahp_fw(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	char path[128];

	put(path, sizeof(path), "fw.csv",
	    "code,parent,type\n"
	    "INDEX,,\n"
	    "P1,INDEX,\n"
	    "A,P1,\n"
	    "B,P1,\n"
	    "C,P1,\n"
	    "P2,INDEX,\n"
	    "D,P2,\n"
	    "E,P2,\n"
	    "P3,INDEX,\n"
	    "F,P3,\n"
	    "POP,,denominator\n");
	if (cidx_framework_read(&fw, path, NULL, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return fw;
}

/*
 * Columns in another order, other case and an extra one; P2 comes first
 * in the file but second in the result (framework order); P1's pairs are
 * given in both orders and one as a fraction.
 *
 *   row "P2: D is 1/3 of E"   -> P2 = [[1, 1/3], [3, 1]]
 *   row "P1: A is 0.5 of B"   -> a_AB = 1/2, a_BA = 2
 *   row "P1: A is 0.25 of C"  -> a_AC = 1/4, a_CA = 4
 *   row "P1: C is 2x B"       -> a_CB = 2,   a_BC = 1/2
 * P1 = [[1, 1/2, 1/4], [2, 1, 1/2], [4, 2, 1]]: a_ij = w_i/w_j with
 * w = (1, 2, 4)/7, consistent.  P2: w = (1/4, 3/4).
 */
void
test_weights__ahp_read_file(void)
{
	struct cidx_framework *fw;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ahp *ahp = NULL;
	char path[128];
	double w[3], cr = -1;

	if (tmp_begin() < 0)
		return;
	if ((fw = ahp_fw()) == NULL) {
		tmp_end();
		return;
	}
	put(path, sizeof(path), "ahp.csv",
	    "note,PARENT,b,a,Value\n"
	    "x,P2,E,D,1/3\n"
	    ",P1,B,A,0.5\n"
	    ",P1,C,A,0.25\n"
	    "\"C over B\",P1,B,C,2\n");
	CHECK_INT(cidx_ahp_read(&ahp, fw, path, &err), 0);
	if (ahp == NULL)
		goto out;
	CHECK_INT(ahp->n_groups, 2);
	CHECK_INT(ahp->parent[0], 1);
	CHECK_INT(ahp->k[0], 3);
	CHECK_INT(ahp->child[0][0], 2);
	CHECK_INT(ahp->child[0][1], 3);
	CHECK_INT(ahp->child[0][2], 4);
	CHECK_INT(ahp->parent[1], 5);
	CHECK_INT(ahp->k[1], 2);
	CHECK_INT(ahp->child[1][0], 6);
	CHECK_INT(ahp->child[1][1], 7);
	CHECK_INT(cidx_ahp_find(ahp, 5), 1);
	CHECK_INT(cidx_ahp_find(ahp, 1), 0);
	CHECK_INT(cidx_ahp_find(ahp, 8), -1);
	CHECK_DBL(ahp->A[0][0 * 3 + 1], 0.5, 0);
	CHECK_DBL(ahp->A[0][1 * 3 + 0], 2, 0);
	CHECK_DBL(ahp->A[0][0 * 3 + 2], 0.25, 0);
	CHECK_DBL(ahp->A[0][2 * 3 + 0], 4, 0);
	CHECK_DBL(ahp->A[0][2 * 3 + 1], 2, 0);
	CHECK_DBL(ahp->A[0][1 * 3 + 2], 0.5, 0);
	CHECK_DBL(ahp->A[0][1 * 3 + 1], 1, 0);
	CHECK_DBL(ahp->A[1][0 * 2 + 1], 1.0 / 3, TOL);
	CHECK_DBL(ahp->A[1][1 * 2 + 0], 3, TOL);
	CHECK_INT(cidx_weights_ahp(ahp->A[0], ahp->k[0], w, NULL, NULL, &cr,
	    &err), 0);
	CHECK_DBL(w[0], 1.0 / 7, TOL);
	CHECK_DBL(w[1], 2.0 / 7, TOL);
	CHECK_DBL(w[2], 4.0 / 7, TOL);
	CHECK_DBL(cr, 0, TOL);
	CHECK_INT(cidx_weights_ahp(ahp->A[1], ahp->k[1], w, NULL, NULL, NULL,
	    &err), 0);
	CHECK_DBL(w[0], 0.25, TOL);
	CHECK_DBL(w[1], 0.75, TOL);
out:
	cidx_ahp_free(ahp);
	cidx_framework_free(fw);
	tmp_end();
}

/* the AHP file holding `text`: fails with `msg` after "path" */
static void
check_ahp_error(const struct cidx_framework *fw, const char *text,
    const char *msg, int line)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ahp *ahp = (struct cidx_ahp *)&err;
	char path[128], want[640];

	put(path, sizeof(path), "bad.csv", text);
	snprintf(want, sizeof(want), "%s%s", path, msg);
	runner_count();
	if (cidx_ahp_read(&ahp, fw, path, &err) != CIDX_EINVAL ||
	    ahp != NULL || strcmp(err.msg, want) != 0)
		runner_fail(__FILE__, line, "'%s', expected '%s'", err.msg,
		    want);
	if (ahp != (struct cidx_ahp *)&err)
		cidx_ahp_free(ahp);
}

/*
 * Positions: in "P1,A,B,2" parent is column 1, a 4, b 6, value 8.
 */
void
test_weights__ahp_read_errors(void)
{
	struct cidx_framework *fw;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ahp *ahp = NULL;
	const char *h = "parent,a,b,value\n";
	char text[256];

	if (tmp_begin() < 0)
		return;
	if ((fw = ahp_fw()) == NULL) {
		tmp_end();
		return;
	}
#define BAD(rows, msg)                                                    \
	do {                                                              \
		snprintf(text, sizeof(text), "%s%s", h, rows);            \
		check_ahp_error(fw, text, msg, __LINE__);                 \
	} while (0)
	check_ahp_error(fw, "parent,a,value\nP1,A,2\n",
	    ":1:1: an AHP file needs the columns 'parent', 'a', 'b' and "
	    "'value'; 'b' is missing", __LINE__);
	check_ahp_error(fw, h, ": no comparisons", __LINE__);
	BAD("P1,A,B,2\nPX,A,B,2\n", ":3:1: unknown code 'PX'");
	BAD("A,B,C,2\n", ":2:1: 'A' is not an aggregate: nothing to compare");
	BAD("POP,B,C,2\n",
	    ":2:1: 'POP' is not an aggregate: nothing to compare");
	BAD("P3,F,F,1\n", ":2:1: 'P3' has a single child: nothing to compare");
	BAD("P1,Z,B,2\n", ":2:4: unknown code 'Z'");
	BAD("P1,A,D,2\n", ":2:6: 'D' is not a child of 'P1'");
	BAD("P1,A,A,2\n", ":2:6: 'A' is compared with itself");
	BAD("P1,A,B,0\n", ":2:8: '0': value must be a number from 1e-9 "
	    "to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,-2\n", ":2:8: '-2': value must be a number from 1e-9 "
	    "to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,x\n", ":2:8: 'x': value must be a number from 1e-9 "
	    "to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,1/0\n", ":2:8: '1/0': value must be a number from 1e-9 "
	    "to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,1/3/2\n", ":2:8: '1/3/2': value must be a number from "
	    "1e-9 to 1e9 (or a fraction such as 1/3)");
	/*
	 * The reciprocal is implied: 1e-320 made it Inf, and the weights
	 * failed naming a matrix entry, not the file; 1e300 gave a weight
	 * of 1e-300.  Both ends of the range are accepted.
	 */
	BAD("P1,A,B,1e-320\n", ":2:8: '1e-320': value must be a number from "
	    "1e-9 to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,1e300\n", ":2:8: '1e300': value must be a number from "
	    "1e-9 to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,1/1e10\n", ":2:8: '1/1e10': value must be a number from "
	    "1e-9 to 1e9 (or a fraction such as 1/3)");
	BAD("P1,A,B,1e9\nP1,A,C,1e-9\nP1,B,C,1/1e9\nP1,A,B,1\n",
	    ":5:4: 'A' and 'B' under 'P1' are already compared at line 2");
	/* an empty last field starts where the line ends */
	BAD("P1,A,B,\n", ":2:8: '': value must be a number from 1e-9 "
	    "to 1e9 (or a fraction such as 1/3)");
	/* the same pair in the other order, on line 4 */
	BAD("P1,A,B,2\nP1,A,C,3\nP1,B,A,0.5\n",
	    ":4:4: 'B' and 'A' under 'P1' are already compared at line 2");
	/* P2 is complete; P1 lacks A-C */
	BAD("P1,A,B,2\nP2,D,E,2\nP1,B,C,2\n",
	    ": 'P1': no row compares 'A' and 'C' (its 3 children need 3 rows, "
	    "one per pair)");
#undef BAD
	/* a ragged row, and a file that is not there */
	CHECK_INT(cidx_ahp_read(&ahp, fw, put(text, sizeof(text), "r.csv",
	    "parent,a,b,value\nP1,A,B\n"), &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "row has 3 fields, header has 4");
	snprintf(text, sizeof(text), "%s/none.csv", tmpdir);
	CHECK_INT(cidx_ahp_read(&ahp, fw, text, &err), CIDX_EIO);
	CHECK(ahp == NULL);
	cidx_framework_free(fw);
	tmp_end();
}
