/*
 * normalise.c - per-indicator normalisation (cityidx(1), METHOD,
 * Normalisation).
 * Direction is applied first (y = direction * x) for the methods defined
 * on ordered values (minmax, zscore, rank, percentile); ratio, distmax and
 * goalposts work on the raw values and define direction -1 themselves.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "calc/stats.h"
#include "core/mem.h"

/*
 * The statistics of every indicator over the rows of xs[0..nx), read row
 * by row (a column at a time strides through the whole matrix: issue 17);
 * each column's sums are still taken in the order of its rows, so they
 * are the same numbers.
 */
void
cidx_calc_norm_stats(const struct cidx_framework *fw,
    const gsl_matrix *const *xs, size_t nx, struct cidx_norm_stats *st)
{
	size_t m = fw->n_ind, *cnt = cidx_xcalloc(m + 1, sizeof(size_t));
	double *sum = cidx_xcalloc(4 * (m + 1), sizeof(double));
	double *ss = sum + (m + 1), *lo = ss + (m + 1), *hi = lo + (m + 1);
	double *dir = cidx_xcalloc(m + 1, sizeof(double));

	for (size_t j = 0; j < m; j++) {
		dir[j] = fw->node[fw->ind[j]].direction;
		lo[j] = INFINITY;
		hi[j] = -INFINITY;
	}
	for (size_t t = 0; t < nx; t++)
		for (size_t i = 0; i < xs[t]->size1; i++) {
			const double *row = xs[t]->data + i * xs[t]->tda;

			for (size_t j = 0; j < m; j++) {
				double v = row[j] * dir[j];

				if (isnan(v))
					continue;
				cnt[j]++;
				sum[j] += v;
				lo[j] = v < lo[j] ? v : lo[j];
				hi[j] = v > hi[j] ? v : hi[j];
			}
		}
	for (size_t j = 0; j < m; j++) {
		st[j].n = cnt[j];
		st[j].lo = lo[j];
		st[j].hi = hi[j];
		st[j].mean = cnt[j] ? sum[j] / (double)cnt[j] : NAN;
	}
	for (size_t t = 0; t < nx; t++)
		for (size_t i = 0; i < xs[t]->size1; i++) {
			const double *row = xs[t]->data + i * xs[t]->tda;

			for (size_t j = 0; j < m; j++)
				if (!isnan(row[j]))
					ss[j] += (dir[j] * row[j] - st[j].mean) *
					    (dir[j] * row[j] - st[j].mean);
		}
	for (size_t j = 0; j < m; j++)
		st[j].sd = st[j].n > 1 ? sqrt(ss[j] / (double)(st[j].n - 1)) :
		    NAN;
	free(cnt);
	free(sum);
	free(dir);
}

static int
skip_reason(const struct cidx_norm_stats *st)
{
	if (st->n == 0)
		return CIDX_SKIP_NODATA;
	if (st->n == 1)
		return CIDX_SKIP_ONE;
	if (!(st->hi > st->lo) || !(st->sd > 0))
		return CIDX_SKIP_CONSTANT;
	return CIDX_SKIP_NONE;
}

/*
 * The statistic a normalisation divides by must be finite: values near
 * the largest double (about 1.8e308) overflow the range (minmax), the sum
 * (zscore, ratio) or the spread (zscore), and a score computed from an
 * infinite statistic is 0 or NaN for every unit, which would drop the
 * indicator without a word.
 */
static int
check_stats(const struct cidx_framework *fw, size_t j,
    const struct cidx_method *m, const struct cidx_norm_stats *st,
    struct cidx_err *err)
{
	int ok = 1;

	if (m->norm == CIDX_NORM_MINMAX)
		ok = isfinite(st->hi - st->lo);
	else if (m->norm == CIDX_NORM_ZSCORE)
		ok = isfinite(st->mean) && isfinite(st->sd);
	else if (m->norm == CIDX_NORM_RATIO)
		ok = isfinite(st->mean);
	if (ok)
		return 0;
	return cidx_err_set(err, CIDX_ENUMERIC, "'%s': values from %g to %g "
	    "are too large to normalise (their range, sum or spread exceeds "
	    "the largest number, about 1.8e308); rescale them",
	    fw->node[fw->ind[j]].code, st->lo, st->hi);
}

/* checks that need the raw values: sign constraints, goalposts given */
static int
check_column(const struct cidx_framework *fw, size_t j, const gsl_matrix *x,
    const struct cidx_method *m, double *glo, double *ghi,
    struct cidx_err *err)
{
	const struct cidx_node *nd = &fw->node[fw->ind[j]];

	if (m->norm == CIDX_NORM_RATIO && nd->direction < 0)
		return cidx_err_set(err, CIDX_EINVAL, "ratio normalisation "
		    "needs direction +1: '%s' has -1 (choose another method)",
		    nd->code);
	if (m->norm == CIDX_NORM_GOALPOSTS) {
		*glo = !isnan(nd->goal_lo) ? nd->goal_lo : m->norm_p1;
		*ghi = !isnan(nd->goal_hi) ? nd->goal_hi : m->norm_p2;
		if (isnan(*glo) || isnan(*ghi) || !(*glo < *ghi))
			return cidx_err_set(err, CIDX_EINVAL, "goalposts: "
			    "'%s' has no goal_lo < goal_hi in the framework "
			    "and none was given (goalposts:LO,HI)", nd->code);
		/* a framework's goalposts are not bounded: -1e308 to 1e308
		 * would score every unit 0 */
		if (!isfinite(*ghi - *glo))
			return cidx_err_set(err, CIDX_ENUMERIC, "goalposts: "
			    "'%s': goal_lo %g to goal_hi %g is too wide a range "
			    "(it exceeds the largest number, about 1.8e308)",
			    nd->code, *glo, *ghi);
	}
	if (m->norm != CIDX_NORM_RATIO && m->norm != CIDX_NORM_DISTMAX)
		return 0;
	for (size_t i = 0; i < x->size1; i++) {
		double v = gsl_matrix_get(x, i, j);

		if (isnan(v))
			continue;
		if (v < 0 || (m->norm == CIDX_NORM_DISTMAX &&
		    nd->direction < 0 && v <= 0))
			return cidx_err_set(err, CIDX_EINVAL, "%s normalisation "
			    "needs values %s: '%s' has %g",
			    m->norm == CIDX_NORM_RATIO ? "ratio" : "distmax",
			    nd->direction < 0 ? "> 0" : ">= 0", nd->code, v);
	}
	return 0;
}

/*
 * No information: skipped.  With panel scaling a year whose values are
 * all equal still sits on the common scale, so only the panel's spread
 * counts (rank and percentile are always within the year).
 */
static int
skip_column(const struct cidx_method *m, int panel,
    const struct cidx_norm_stats *own, const struct cidx_norm_stats *st)
{
	if (m->norm == CIDX_NORM_GOALPOSTS)
		/* fixed goalposts need no spread */
		return own->n == 0 ? CIDX_SKIP_NODATA : CIDX_SKIP_NONE;
	if (panel && m->norm != CIDX_NORM_RANK &&
	    m->norm != CIDX_NORM_PERCENTILE)
		return own->n == 0 ? CIDX_SKIP_NODATA : skip_reason(st);
	return skip_reason(own);
}

/* the score of value v (direction dir) by the method m: st the column's
 * statistics, n_own its number of values this year, rk the value's rank
 * among them, [glo, ghi] the goalposts */
static double
normalised(const struct cidx_method *m, double v, double dir,
    const struct cidx_norm_stats *st, size_t n_own, double rk, double glo,
    double ghi)
{
	double y = dir * v, r = NAN;

	switch (m->norm) {
	case CIDX_NORM_MINMAX:
		r = m->norm_p1 + (m->norm_p2 - m->norm_p1) * (y - st->lo) /
		    (st->hi - st->lo);
		break;
	case CIDX_NORM_ZSCORE:
		r = m->norm_p1 + m->norm_p2 * (y - st->mean) / st->sd;
		break;
	case CIDX_NORM_RANK:
		r = rk;
		break;
	case CIDX_NORM_PERCENTILE:
		r = (rk - 1) / (double)(n_own - 1) * 100;
		break;
	case CIDX_NORM_RATIO:
		/* raw mean: direction is +1 here */
		r = 100 * v / st->mean;
		break;
	case CIDX_NORM_DISTMAX:
		/* y = -x for direction -1, so min x = -hi */
		r = dir > 0 ? 100 * v / st->hi : 100 * (-st->hi) / v;
		break;
	case CIDX_NORM_GOALPOSTS:
		r = dir > 0 ? (v - glo) / (ghi - glo) : (ghi - v) / (ghi - glo);
		r = 100 * (r < 0 ? 0 : r > 1 ? 1 : r);
		break;
	}
	return r;
}

/* where the scores go: node column ind[j] of s, or, in place, column j
 * of x itself */
struct nout {
	gsl_matrix *s;
	const size_t *col;      /* NULL: in place */
};

static double *
out_at(const struct nout *o, size_t i, size_t j)
{
	return o->s->data + i * o->s->tda + (o->col ? o->col[j] : j);
}

static int
not_finite(const struct cidx_framework *fw, size_t j, double v, double r,
    struct cidx_err *err)
{
	/* a score is a number, never Inf or NaN, even when a product of
	 * finite parts overflows */
	return cidx_err_set(err, CIDX_ENUMERIC, "'%s': normalising the value "
	    "%g gives %g (the values or the method's parameters are too "
	    "large); rescale them", fw->node[fw->ind[j]].code, v, r);
}

/* rank and percentile: a column at a time, each ranked whole */
static int
by_column(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, const struct cidx_norm_stats *pst,
    const struct cidx_norm_stats *all, const struct nout *o, int *skipped,
    struct cidx_err *err)
{
	size_t n = x->size1;
	double *col = cidx_xmalloc((n ? n : 1) * sizeof(double));
	double *rk = cidx_xmalloc((n ? n : 1) * sizeof(double));
	int ret = 0;

	for (size_t j = 0; j < fw->n_ind && ret == 0; j++) {
		double dir = fw->node[fw->ind[j]].direction, glo = NAN,
		    ghi = NAN;
		struct cidx_norm_stats own = all[j], st = pst ? pst[j] : own;
		int skip = skip_column(m, pst != NULL, &own, &st);

		if (skipped)
			skipped[j] = skip;
		if (skip == CIDX_SKIP_NONE &&
		    ((ret = check_column(fw, j, x, m, &glo, &ghi, err)) < 0 ||
		    (ret = check_stats(fw, j, m, &st, err)) < 0))
			break;
		if (skip == CIDX_SKIP_NONE) {
			for (size_t i = 0; i < n; i++)
				col[i] = dir * gsl_matrix_get(x, i, j);
			cidx_stat_ranks(col, n, m->norm == CIDX_NORM_RANK, rk);
		}
		for (size_t i = 0; i < n && ret == 0; i++) {
			double v = gsl_matrix_get(x, i, j), r;

			if (skip != CIDX_SKIP_NONE || isnan(v)) {
				*out_at(o, i, j) = NAN;
				continue;
			}
			r = normalised(m, v, dir, &st, own.n, rk[i], glo, ghi);
			if (!isfinite(r))
				ret = not_finite(fw, j, v, r, err);
			else
				*out_at(o, i, j) = r;
		}
	}
	free(col);
	free(rk);
	return ret;
}

/* what a column's scores need */
struct ncol {
	struct cidx_norm_stats st;
	size_t n_own;
	double dir, glo, ghi;
	int skip;
};

/*
 * The other methods score a value from its column's statistics alone: a
 * row at a time, through the matrix in its order (a column at a time
 * strides through all of it: issue 17).  The outcome is the column order's:
 * the checks of the columns first, in their order, up to the first that
 * fails (jc); then the first value, in column order, whose score is not
 * finite in a column before jc wins over that check's error.
 */
static int
by_row(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, const struct cidx_norm_stats *pst,
    const struct cidx_norm_stats *all, const struct nout *o, int *skipped,
    struct cidx_err *err)
{
	size_t n = x->size1, jc = fw->n_ind, bj = (size_t)-1;
	struct ncol *c = cidx_xcalloc(fw->n_ind + 1, sizeof(*c));
	double bv = 0, br = 0;
	int ret = 0;

	for (size_t j = 0; j < fw->n_ind && jc == fw->n_ind; j++) {
		c[j].dir = fw->node[fw->ind[j]].direction;
		c[j].glo = c[j].ghi = NAN;
		c[j].n_own = all[j].n;
		c[j].st = pst ? pst[j] : all[j];
		c[j].skip = skip_column(m, pst != NULL, &all[j], &c[j].st);
		if (skipped)
			skipped[j] = c[j].skip;
		if (c[j].skip == CIDX_SKIP_NONE &&
		    ((ret = check_column(fw, j, x, m, &c[j].glo, &c[j].ghi,
		    err)) < 0 || (ret = check_stats(fw, j, m, &c[j].st,
		    err)) < 0))
			jc = j;
	}
	for (size_t i = 0; i < n; i++) {
		const double *row = x->data + i * x->tda;

		for (size_t j = 0; j < jc; j++) {
			double v = row[j], r;

			if (c[j].skip != CIDX_SKIP_NONE || isnan(v)) {
				*out_at(o, i, j) = NAN;
				continue;
			}
			/* min-max, the default, written out: normalised()'s
			 * expression, without a call per value */
			if (m->norm == CIDX_NORM_MINMAX)
				r = m->norm_p1 + (m->norm_p2 - m->norm_p1) *
				    (c[j].dir * v - c[j].st.lo) /
				    (c[j].st.hi - c[j].st.lo);
			else
				r = normalised(m, v, c[j].dir, &c[j].st,
				    c[j].n_own, NAN, c[j].glo, c[j].ghi);
			if (!isfinite(r) && j < bj) {
				bj = j;
				bv = v;
				br = r;
			}
			*out_at(o, i, j) = r;
		}
	}
	if (bj != (size_t)-1)
		ret = not_finite(fw, bj, bv, br, err);
	free(c);
	return ret;
}

static int
normalise(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, const struct cidx_norm_stats *pst,
    const struct nout *o, int *skipped, struct cidx_err *err)
{
	struct cidx_norm_stats *all;
	int ret;

	all = cidx_xcalloc(fw->n_ind + 1, sizeof(*all));
	cidx_calc_norm_stats(fw, &x, 1, all);
	if (m->norm == CIDX_NORM_RANK || m->norm == CIDX_NORM_PERCENTILE)
		ret = by_column(fw, x, m, pst, all, o, skipped, err);
	else
		ret = by_row(fw, x, m, pst, all, o, skipped, err);
	free(all);
	return ret;
}

int
cidx_calc_normalise_with(const struct cidx_framework *fw,
    const gsl_matrix *x, const struct cidx_method *m,
    const struct cidx_norm_stats *pst, gsl_matrix *s, int *skipped,
    struct cidx_err *err)
{
	struct nout o = { s, fw->ind };

	return normalise(fw, x, m, pst, &o, skipped, err);
}

int
cidx_calc_normalise_in_place(const struct cidx_framework *fw, gsl_matrix *x,
    const struct cidx_method *m, const struct cidx_norm_stats *pst,
    int *skipped, struct cidx_err *err)
{
	struct nout o = { x, NULL };

	/* each value is read before its score is written over it, and no
	 * other value is read after that */
	return normalise(fw, x, m, pst, &o, skipped, err);
}

int
cidx_calc_normalise(const struct cidx_framework *fw, const gsl_matrix *x,
    const struct cidx_method *m, gsl_matrix *s, int *skipped,
    struct cidx_err *err)
{
	return cidx_calc_normalise_with(fw, x, m, NULL, s, skipped, err);
}
