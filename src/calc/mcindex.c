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
mc_index_keep(struct mc_plan *p, size_t q, const struct cidx_dataset *nominal,
    const struct cidx_dataset *dp, const long *map,
    const struct cidx_norm_stats *st)
{
	struct cidx_dataset *d = cidx_dataset_copy(nominal);

	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < p->m; j++)
			gsl_matrix_set(d->x, i, j, map[i] >= 0 && dp->x ?
			    gsl_matrix_get(dp->x, (size_t)map[i], j) : NAN);
	p->pds[q] = d;
	if (st) {
		p->pst[q] = xcalloc(p->m + 1, sizeof(*st));
		memcpy(p->pst[q], st, p->m * sizeof(*st));
	}
}

int
mc_index_score(const struct mc_plan *p, size_t q, size_t norm, size_t k,
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
mc_index_free(struct mc_plan *p)
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
