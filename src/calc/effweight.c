/*
 * effweight.c - effective weights and importance (effweight.h;
 * cityidx(1), METHOD, Effective weights and importance).
 */
#include <math.h>
#include <stdlib.h>

#include "calc/effweight.h"
#include "calc/stats.h"
#include "core/jsonwriter.h"
#include "core/mem.h"

/* present[k]: an indicator that could be normalised in the year, an
 * aggregate with a score for some ranked unit; the root always */
static void
year_present(const struct cidx_framework *fw, const struct cidx_ranking *r,
    unsigned char *present)
{
	for (size_t k = 0; k < fw->n; k++) {
		present[k] = 0;
		if (fw->node[k].level <= 0)
			continue;
		if (fw->col[k] >= 0) {
			present[k] = r->skipped[fw->col[k]] == CIDX_SKIP_NONE;
			continue;
		}
		for (size_t p = 0; p < r->n_ranked && !present[k]; p++)
			present[k] = !isnan(gsl_matrix_get(r->s, r->order[p],
			    k));
	}
	present[fw->root] = 1;
}

/* r[k] of every node with the index over the ranked units, and r^2
 * normalised within each level (the importance) */
static void
importance(const struct cidx_framework *fw, const struct cidx_ranking *r,
    struct cidx_effweights *ew)
{
	size_t m = r->n_ranked;
	double *x = cidx_xcalloc(m ? m : 1, sizeof(double));
	double *y = cidx_xcalloc(m ? m : 1, sizeof(double));
	double *sum = cidx_xcalloc((size_t)fw->top_level + 1, sizeof(double));

	for (size_t p = 0; p < m; p++)
		y[p] = gsl_matrix_get(r->s, r->order[p], fw->root);
	for (size_t k = 0; k < fw->n; k++) {
		ew->r[k] = NAN;
		if (k == fw->root || fw->node[k].level <= 0 || !ew->present[k])
			continue;
		for (size_t p = 0; p < m; p++)
			x[p] = gsl_matrix_get(r->s, r->order[p], k);
		ew->r[k] = cidx_stat_pearson(x, y, m);
		if (!isnan(ew->r[k]))
			sum[fw->node[k].level] += ew->r[k] * ew->r[k];
	}
	for (size_t k = 0; k < fw->n; k++) {
		int lv = fw->node[k].level;

		ew->importance[k] = isnan(ew->r[k]) || sum[lv] <= 0 ? NAN :
		    ew->r[k] * ew->r[k] / sum[lv];
	}
	free(x);
	free(y);
	free(sum);
}

void
cidx_effweights_compute(struct cidx_effweights **out,
    const struct cidx_framework *fw, const double *w,
    const struct cidx_ranking *r)
{
	struct cidx_effweights *ew = cidx_xcalloc(1, sizeof(*ew));
	size_t n = fw->n ? fw->n : 1;

	ew->n = fw->n;
	ew->present = cidx_xcalloc(n, 1);
	ew->nominal = cidx_xcalloc(n, sizeof(double));
	ew->share = cidx_xcalloc(n, sizeof(double));
	ew->effective = cidx_xcalloc(n, sizeof(double));
	ew->r = cidx_xcalloc(n, sizeof(double));
	ew->importance = cidx_xcalloc(n, sizeof(double));
	year_present(fw, r, ew->present);
	/* the product of the shares down the tree (cityidx(1), METHOD,
	 * Effective weights and importance): every sibling counted for the
	 * nominal weight, only those with data for the effective one */
	cidx_global_weights(fw, w, fw->root, NULL, NULL, ew->nominal);
	cidx_global_weights(fw, w, fw->root, ew->present, ew->share,
	    ew->effective);
	importance(fw, r, ew);
	*out = ew;
}

int
cidx_engine_effweights(struct cidx_engine *e, int year,
    struct cidx_effweights **out, struct cidx_err *err)
{
	struct cidx_ranking *r = NULL;
	int ret;

	*out = NULL;
	if ((ret = cidx_engine_rank(e, year, NULL, 0, &r, err)) < 0)
		return ret;
	cidx_effweights_compute(out, cidx_engine_framework(e),
	    cidx_engine_weights(e), r);
	cidx_ranking_free(r);
	return 0;
}

int
cidx_effweights_weightless(const struct cidx_effweights *ew, size_t k)
{
	return !(ew->effective[k] > 0);
}

void
cidx_effweights_free(struct cidx_effweights *ew)
{
	if (ew == NULL)
		return;
	free(ew->present);
	free(ew->nominal);
	free(ew->share);
	free(ew->effective);
	free(ew->r);
	free(ew->importance);
	free(ew);
}

void
cidx_effweights_json_members(struct cidx_jsonw *w,
    const struct cidx_effweights *ew, size_t k)
{
	cidx_jsonw_key(w, "nominal");
	cidx_jsonw_number17(w, ew->nominal[k]);
	cidx_jsonw_key(w, "effective");
	cidx_jsonw_number17(w, ew->effective[k]);
	cidx_jsonw_key(w, "importance");
	cidx_jsonw_number17(w, ew->importance[k]);
	cidx_jsonw_key(w, "has_data");
	cidx_jsonw_bool(w, ew->present[k]);
}
