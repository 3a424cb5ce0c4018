/*
 * pipeline.c - one ranking from one dataset: the steps in their fixed
 * order.  Allocation happens here, once; the steps themselves do not.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/calc.h"
#include "core/mem.h"

void
cidx_ranking_free(struct cidx_ranking *r)
{
	if (r == NULL)
		return;
	if (r->s)
		gsl_matrix_free(r->s);
	free(r->skipped);
	free(r->rank);
	free(r->order);
	free(r->tier);
	free(r);
}

int
cidx_ranking_compute(struct cidx_ranking **out,
    const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const double *w, const struct cidx_method *m,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_err *err)
{
	struct cidx_ranking *r = xcalloc(1, sizeof(*r));
	const char **codes = xcalloc(ds->n_units, sizeof(char *));
	double *idx = xcalloc(ds->n_units, sizeof(double));
	int ret;

	*out = NULL;
	r->n = ds->n_units;
	r->s = gsl_matrix_alloc(r->n, fw->n);
	gsl_matrix_set_all(r->s, NAN);
	r->skipped = xcalloc(fw->n_ind, sizeof(int));
	r->rank = xcalloc(r->n, sizeof(int));
	r->order = xcalloc(r->n, sizeof(size_t));
	r->tier = xcalloc(r->n, sizeof(int));
	for (size_t i = 0; i < r->n; i++)
		codes[i] = ds->unit[i].code;
	if ((ret = cidx_calc_normalise(fw, ds->x, m, r->s, r->skipped,
	    err)) < 0 ||
	    (ret = cidx_calc_aggregate(fw, w, m, r->s, codes, err)) < 0)
		goto out;
	for (size_t i = 0; i < r->n; i++)
		idx[i] = gsl_matrix_get(r->s, i, fw->root);
	cidx_rank(idx, r->n, codes, r->order, r->rank, &r->n_ranked);
	r->n_top = r->n_ranked;
	if (top > 0)
		for (size_t p = 0; p < r->n_ranked; p++)
			if ((size_t)r->rank[r->order[p]] > top) {
				r->n_top = p;
				break;
			}
	if (tiers && r->n_top > 0) {
		double *sc = xcalloc(r->n_top, sizeof(double));
		int *rk = xcalloc(r->n_top, sizeof(int));
		int *tr = xcalloc(r->n_top, sizeof(int));

		for (size_t p = 0; p < r->n_top; p++) {
			sc[p] = idx[r->order[p]];
			rk[p] = r->rank[r->order[p]];
		}
		ret = cidx_tier_assign(tiers, sc, rk, r->n_top, tr, err);
		for (size_t p = 0; ret == 0 && p < r->n_top; p++)
			r->tier[r->order[p]] = tr[p];
		free(sc);
		free(rk);
		free(tr);
	}
out:
	free(codes);
	free(idx);
	if (ret < 0) {
		cidx_ranking_free(r);
		return ret;
	}
	*out = r;
	return 0;
}
