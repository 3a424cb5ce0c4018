/*
 * mcindex.c - Monte Carlo runs with an index method (mc.h, imethod.h):
 * the prepared data of each (imputation, winmax) combination kept on
 * the nominal units, and a run's index computed by the method with the
 * run's weights, normalisation and dropped indicator.  Unlike the
 * composite's runs these allocate, through cidx_imethod_scores().
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/mc_int.h"
#include "core/mem.h"

void
cidx_mc_index_keep(struct mc_plan *p, size_t q,
    const struct cidx_dataset *nominal, const struct cidx_dataset *dp,
    const long *map, const struct cidx_norm_stats *st)
{
	struct cidx_dataset *d = cidx_dataset_copy(nominal);

	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < p->m; j++)
			gsl_matrix_set(d->x, i, j, map[i] >= 0 && dp->x ?
			    gsl_matrix_get(dp->x, (size_t)map[i], j) : NAN);
	p->pds[q] = d;
	if (st) {
		p->pst[q] = cidx_xcalloc(p->m + 1, sizeof(*st));
		memcpy(p->pst[q], st, p->m * sizeof(*st));
	}
}

int
cidx_mc_index_score(const struct mc_plan *p, size_t q, size_t norm, size_t k,
    const double *w, double *val, double *msk, struct cidx_err *err)
{
	struct cidx_method m = p->meth[k];
	const struct cidx_norm_stats *st = NULL;
	gsl_matrix *s = cidx_matrix_alloc(p->n ? p->n : 1, p->nn);
	int ret;

	if (p->norm_alt) {
		m.norm = p->norm_alt[norm].norm;
		m.norm_p1 = p->norm_alt[norm].norm_p1;
		m.norm_p2 = p->norm_alt[norm].norm_p2;
	}
	m.panel = p->panel;
	if (cidx_imethod_panel(&m))
		st = p->pst[q];
	gsl_matrix_set_all(s, NAN);
	ret = cidx_imethod_scores(p->fw, p->pds[q], w, &m, st, s, NULL, err);
	for (size_t i = 0; i < p->n; i++) {
		double v = ret < 0 ? NAN : gsl_matrix_get(s, i, p->fw->root);

		val[i] = v;
		msk[i] = ret < 0 || !isnan(v);
	}
	gsl_matrix_free(s);
	return ret;
}

void
cidx_mc_index_free(struct mc_plan *p)
{
	size_t nq = p->n_imp * p->n_win;

	for (size_t q = 0; p->pds && q < nq; q++) {
		cidx_dataset_free(p->pds[q]);
		free(p->pst ? p->pst[q] : NULL);
	}
	free(p->pds);
	free(p->pst);
	p->pds = NULL;
	p->pst = NULL;
}

/* the methods runs pick from: the alternatives of METHOD, else the
 * engine's own; when none is an index method, runs use the composite's
 * plan alone (p->meth NULL) */
void
cidx_mc_index_plan(struct mc_plan *p, const struct cidx_mc_spec *s,
    const struct cidx_method *m, const struct cidx_framework *fw)
{
	int any = 0;

	p->fw = fw;
	p->panel = m->panel;
	p->n_meth = s->n_alt[CIDX_MC_METHOD] ? s->n_alt[CIDX_MC_METHOD] : 1;
	p->meth = s->n_alt[CIDX_MC_METHOD] ? s->alt[CIDX_MC_METHOD] : m;
	for (size_t k = 0; k < p->n_meth; k++)
		any |= p->meth[k].imethod != CIDX_IM_COMPOSITE;
	if (!any) {
		p->meth = NULL;
		return;
	}
	p->norm_alt = s->n_alt[CIDX_MC_NORMALISE] ?
	    s->alt[CIDX_MC_NORMALISE] : NULL;
	p->pds = cidx_xcalloc(p->n_imp * p->n_win, sizeof(*p->pds));
	p->pst = cidx_xcalloc(p->n_imp * p->n_win, sizeof(*p->pst));
}

/* every index method on every data combination, with the nominal
 * weights, before the runs: an alternative the data refuse stops here
 * with a message naming it */
int
cidx_mc_index_check(const struct mc_plan *p, const struct cidx_mc_result *r,
    struct cidx_err *err)
{
	double *val = cidx_xcalloc(p->n + 1, sizeof(double));
	double *msk = cidx_xcalloc(p->n + 1, sizeof(double));
	size_t pick[CIDX_MC_N_INPUTS] = { 0 };
	char what[400];
	int ret = 0;

	for (size_t q = 0; p->meth && q < p->n_imp * p->n_win; q++)
		for (size_t g = 0; g < p->n_norm; g++)
			for (size_t k = 0; k < p->n_meth && ret == 0; k++) {
				if (p->meth[k].imethod == CIDX_IM_COMPOSITE)
					continue;
				ret = cidx_mc_index_score(p, q, g, k, p->w, val, msk,
				    err);
				pick[CIDX_MC_IMPUTE] = q / p->n_win;
				pick[CIDX_MC_WINMAX] = q % p->n_win;
				pick[CIDX_MC_NORMALISE] = g;
				pick[CIDX_MC_METHOD] = k;
				cidx_mc_describe(what, sizeof(what), r, pick);
				if (ret < 0 && what[0])
					cidx_err_prefix(err, "%s", what);
			}
	free(val);
	free(msk);
	return ret;
}
