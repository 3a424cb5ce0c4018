/*
 * bod.c - benefit-of-the-doubt scores (imethod.h; cityidx(1), METHOD,
 * Index methods): each unit's weights chosen by a linear programme to
 * show it in its best light, with optional bounds on the share of each
 * indicator in its score, solved by GLPK's simplex.
 *
 * Cherchye L., Moesen W., Rogge N., Van Puyenbroeck T. (2007), An
 * introduction to 'benefit of the doubt' composite indicators, Social
 * Indicators Research 82; the share bounds as in Compind's
 * ci_bod_constr (Vidoli, Fusco, Mazziotta).
 *
 * Unit i's score is max sum_j v_j s_ij subject to sum_j v_j s_kj <= 1
 * for every unit k and v >= 0.  It is solved in the equivalent form
 * (u = v / sum_j v_j s_ij): min t subject to sum_j u_j s_kj <= t for
 * every k, sum_j u_j s_ij = 1, u >= 0 and LO <= u_j s_ij <= HI (the
 * shares), score 1 / t, so that bounds no weights can meet make the LP
 * infeasible instead of scoring the unit 0.  A t within 1e-9 of 1 (the
 * simplex's tolerance) counts as 1: the units on the frontier tie.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glpk.h>

#include "calc/imethod.h"
#include "calc/stats.h"
#include "core/mem.h"

const char *
cidx_glpk_status(int status)
{
	switch (status) {
	case GLP_OPT:
		return "GLP_OPT, optimal";
	case GLP_FEAS:
		return "GLP_FEAS, feasible but not proven optimal";
	case GLP_INFEAS:
		return "GLP_INFEAS, infeasible";
	case GLP_NOFEAS:
		return "GLP_NOFEAS, no feasible solution";
	case GLP_UNBND:
		return "GLP_UNBND, unbounded";
	case GLP_UNDEF:
		return "GLP_UNDEF, undefined";
	default:
		return "unknown status";
	}
}

static const char *
simplex_error(int ret)
{
	switch (ret) {
	case GLP_EBADB:
		return "GLP_EBADB, invalid basis";
	case GLP_ESING:
		return "GLP_ESING, singular basis matrix";
	case GLP_ECOND:
		return "GLP_ECOND, ill-conditioned basis matrix";
	case GLP_EFAIL:
		return "GLP_EFAIL, solver failure";
	case GLP_EITLIM:
		return "GLP_EITLIM, iteration limit";
	default:
		return "simplex failure";
	}
}

struct lp {
	glp_prob *P;
	int *ind;      /* 1-based GLPK indices, k + 2 */
	double *val;
	size_t k, nrows; /* indicators; unit rows in the LP */
	int bounds;
};

/* the rows that do not depend on the unit scored: one per complete unit
 * q, sum_j s_qj u_j - t <= 0 */
static void
lp_build(struct lp *lp, const gsl_matrix *s, const char *complete,
    int bounds)
{
	size_t k = s->size2, r = 0;

	lp->P = glp_create_prob();
	lp->k = k;
	lp->bounds = bounds;
	lp->ind = cidx_xcalloc(k + 2, sizeof(int));
	lp->val = cidx_xcalloc(k + 2, sizeof(double));
	glp_set_obj_dir(lp->P, GLP_MIN);
	glp_add_cols(lp->P, (int)k + 1);
	for (size_t j = 1; j <= k; j++)
		glp_set_col_bnds(lp->P, (int)j, GLP_LO, 0, 0);
	glp_set_col_bnds(lp->P, (int)k + 1, GLP_FR, 0, 0);
	glp_set_obj_coef(lp->P, (int)k + 1, 1);
	for (size_t q = 0; q < s->size1; q++)
		lp->nrows += (size_t)complete[q];
	glp_add_rows(lp->P, (int)(lp->nrows + 1 + (bounds ? k : 0)));
	for (size_t q = 0; q < s->size1; q++) {
		int len = 0;

		if (!complete[q])
			continue;
		for (size_t j = 0; j < k; j++)
			if (gsl_matrix_get(s, q, j) != 0) {
				lp->ind[++len] = (int)j + 1;
				lp->val[len] = gsl_matrix_get(s, q, j);
			}
		lp->ind[++len] = (int)k + 1;
		lp->val[len] = -1;
		glp_set_mat_row(lp->P, (int)++r, len, lp->ind, lp->val);
		glp_set_row_bnds(lp->P, (int)r, GLP_UP, 0, 0);
	}
}

/* the rows of unit i: sum_j s_ij u_j = 1 and the shares s_ij u_j */
static void
lp_unit(struct lp *lp, const gsl_matrix *s, size_t i, double lo, double hi)
{
	int len = 0, row = (int)lp->nrows + 1;

	for (size_t j = 0; j < lp->k; j++)
		if (gsl_matrix_get(s, i, j) != 0) {
			lp->ind[++len] = (int)j + 1;
			lp->val[len] = gsl_matrix_get(s, i, j);
		}
	glp_set_mat_row(lp->P, row, len, lp->ind, lp->val);
	glp_set_row_bnds(lp->P, row, GLP_FX, 1, 1);
	for (size_t j = 0; lp->bounds && j < lp->k; j++) {
		double v = gsl_matrix_get(s, i, j);

		lp->ind[1] = (int)j + 1;
		lp->val[1] = v;
		glp_set_mat_row(lp->P, row + 1 + (int)j, v != 0, lp->ind,
		    lp->val);
		glp_set_row_bnds(lp->P, row + 1 + (int)j, lo == hi ? GLP_FX :
		    GLP_DB, lo, hi);
	}
}

/* min t for the unit set by lp_unit(): 0, or the GLPK failure named */
static int
lp_solve(struct lp *lp, double *t, const char **why)
{
	glp_smcp parm;
	int ret;

	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	glp_std_basis(lp->P);
	ret = glp_simplex(lp->P, &parm);
	if (ret != 0) {
		*why = simplex_error(ret);
		return -1;
	}
	if (glp_get_status(lp->P) != GLP_OPT) {
		*why = cidx_glpk_status(glp_get_status(lp->P));
		return -1;
	}
	*t = glp_get_obj_val(lp->P);
	return 0;
}

static void
lp_free(struct lp *lp)
{
	if (lp->P)
		glp_delete_prob(lp->P);
	free(lp->ind);
	free(lp->val);
	/* every resource GLPK holds in this thread */
	glp_free_env();
}

/* the units with every value, and the values checked: finite, >= 0 */
static int
check(const gsl_matrix *s, double lo, double hi, char *complete,
    const char *const *rows, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_matrix_check(s, NULL, "BoD", err)) < 0)
		return ret;
	if (!isnan(lo) && !(lo >= 0 && lo <= hi && hi <= 1))
		return cidx_err_set(err, CIDX_EINVAL, "BoD: share bounds %g,%g: "
		    "expected 0 <= LO <= HI <= 1", lo, hi);
	for (size_t i = 0; i < s->size1; i++) {
		complete[i] = 1;
		for (size_t j = 0; j < s->size2; j++) {
			double v = gsl_matrix_get(s, i, j);

			if (isnan(v))
				complete[i] = 0;
			else if (v < 0 && rows)
				return cidx_err_set(err, CIDX_EINVAL, "BoD "
				    "needs normalised values >= 0: unit '%s', "
				    "column %zu has %g (normalise with minmax "
				    "or distmax)", rows[i], j + 1, v);
			else if (v < 0)
				return cidx_err_set(err, CIDX_EINVAL, "BoD "
				    "needs values >= 0: row %zu, column %zu "
				    "has %g", i + 1, j + 1, v);
		}
	}
	return 0;
}

static int
infeasible(const gsl_matrix *s, size_t i, double lo, double hi,
    const char *why, const char *const *rows, struct cidx_err *err)
{
	size_t k = s->size2, zero = 0, nz = 0;
	char row[40];

	snprintf(row, sizeof(row), "row %zu", i + 1);
	for (size_t j = 0; j < k; j++) {
		if (gsl_matrix_get(s, i, j) == 0 && zero == 0)
			zero = j + 1;
		nz += gsl_matrix_get(s, i, j) > 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "BoD: share bounds %g,%g: "
	    "the LP of %s%s%s has no solution (GLPK: %s): %s", lo, hi,
	    rows ? "unit '" : "", rows ? rows[i] : row, rows ? "'" : "", why,
	    (double)k * lo > 1 || (double)k * hi < 1 ? "shares between these "
	    "bounds cannot sum to 1 over these indicators" : zero && lo > 0 ?
	    "a value of 0 cannot reach the lower bound" : (double)nz * hi < 1 ?
	    "too few of its values are above 0 for shares of at most the "
	    "upper bound to sum to 1" : "see cityidx(1), METHOD, Index "
	    "methods");
}

int
cidx_bod(const gsl_matrix *s, double lo, double hi, const char *const *rows,
    double *out, struct cidx_err *err)
{
	size_t n = s->size1;
	char *complete = cidx_xcalloc(n + 1, 1);
	struct lp lp = { NULL, NULL, NULL, 0, 0, 0 };
	const char *why = NULL;
	int ret, bounds = !isnan(lo);

	if ((ret = check(s, lo, hi, complete, rows, err)) < 0)
		goto out;
	glp_term_out(GLP_OFF);
	lp_build(&lp, s, complete, bounds);
	for (size_t i = 0; i < n && ret == 0; i++) {
		double t, any = 0;

		for (size_t j = 0; complete[i] && j < s->size2; j++)
			any += gsl_matrix_get(s, i, j);
		if (!complete[i] || !(any > 0)) {
			out[i] = complete[i] ? 0 : NAN;
			continue;
		}
		lp_unit(&lp, s, i, lo, hi);
		if (lp_solve(&lp, &t, &why) < 0)
			ret = bounds ? infeasible(s, i, lo, hi, why, rows, err) :
			    cidx_err_set(err, CIDX_ENUMERIC, "BoD: the LP of row "
			    "%zu failed (GLPK: %s)", i + 1, why);
		else
			/* on the frontier to the LP's tolerance: exactly 1,
			   so that the units there tie */
			out[i] = fabs(t - 1) <= 1e-9 ? 1 : 1 / t;
	}
	lp_free(&lp);
out:
	free(complete);
	return ret;
}
