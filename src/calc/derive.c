/*
 * derive.c - weights derived from the data or from AHP judgements, group
 * by group and level by level (cityidx(1), METHOD, Derived weights).
 *
 * Bottom-up: the weights of level 1 (the indicators within their pillars)
 * are derived first, the weights given by a weights file or --set for
 * level 1 are applied, and only then are the level-2 scores computed on
 * which the level-2 weights are derived; and so on up the tree.  Every
 * output of a run therefore shows the weights `rank` uses.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/engine_int.h"
#include "calc/weights.h"
#include "core/mem.h"

static struct cidx_wgroup *
add_group(struct cidx_engine *e, size_t parent)
{
	const struct cidx_framework *fw = e->fw;
	struct cidx_wgroup *g;
	size_t k = fw->child_off[parent + 1] - fw->child_off[parent];

	e->groups = cidx_xreallocarray(e->groups, e->n_groups + 1,
	    sizeof(*e->groups));
	g = &e->groups[e->n_groups++];
	memset(g, 0, sizeof(*g));
	g->parent = parent;
	g->k = k;
	g->child = cidx_xcalloc(k, sizeof(size_t));
	g->w = cidx_xcalloc(k, sizeof(double));
	g->diag1 = cidx_xcalloc(k, sizeof(double));
	g->diag2 = cidx_xcalloc(k, sizeof(double));
	for (size_t c = 0; c < k; c++) {
		g->child[c] = fw->child[fw->child_off[parent] + c];
		g->diag1[c] = g->diag2[c] = NAN;
	}
	g->pc1_var = g->lambda_max = g->ci = g->cr = NAN;
	return g;
}

/*
 * The data a group's weights are derived from: for indicators, the
 * prepared raw values (entropy, CRITIC) or the normalised ones (PCA); for
 * aggregates, their scores with the weights fixed so far.  Rows of all
 * the years are stacked with wpanel.
 */
static int
group_data(struct cidx_engine *e, const struct cidx_wgroup *g, int level,
    int normalised, const int *years, size_t ny, gsl_matrix **out,
    struct cidx_err *err)
{
	const struct cidx_framework *fw = e->fw;
	const struct cidx_dataset **dss = cidx_xcalloc(ny, sizeof(*dss));
	struct cidx_ranking **rk = cidx_xcalloc(ny, sizeof(*rk));
	int scores = level > 1 || normalised, ret = 0;
	size_t rows = 0, r = 0;

	*out = NULL;
	for (size_t y = 0; y < ny && ret == 0; y++) {
		if ((ret = cidx_engine_prepared(e, years[y], &dss[y], NULL,
		    err)) < 0 || dss[y]->n_units == 0)
			continue;
		rows += dss[y]->n_units;
		if (scores)
			ret = cidx_engine_rank_ds(e, dss[y], &rk[y], err);
	}
	if (ret == 0 && rows == 0)
		ret = cidx_err_set(err, CIDX_ENOTFOUND,
		    "no data to derive weights");
	if (ret == 0) {
		*out = cidx_matrix_alloc(rows, g->k);
		for (size_t y = 0; y < ny; y++)
			for (size_t i = 0; dss[y] && i < dss[y]->n_units;
			    i++, r++)
				for (size_t c = 0; c < g->k; c++) {
					size_t node = g->child[c];

					gsl_matrix_set(*out, r, c, scores ?
					    gsl_matrix_get(rk[y]->s, i, node) :
					    gsl_matrix_get(dss[y]->x, i,
					    (size_t)fw->col[node]));
				}
	}
	for (size_t y = 0; y < ny; y++)
		cidx_ranking_free(rk[y]);
	free(rk);
	free(dss);
	return ret;
}

/*
 * combine:ALPHA:ahp:FILE: w = ALPHA w_ahp + (1 - ALPHA) w_entropy, with
 * w_ahp the AHP weights of the group when the judgements have its
 * parent, else the framework's weights of the children as shares
 * (cityidx(1), METHOD, Derived weights).  g->w holds the entropy weights.
 */
static int
blend(struct cidx_engine *e, struct cidx_wgroup *g, struct cidx_err *err)
{
	const struct cidx_ahp *ahp = e->o.ahp;
	double *subj = cidx_xcalloc(g->k, sizeof(double)), sum = 0;
	double a = e->o.walpha;
	size_t q;
	int ret = 0;

	for (q = 0; q < ahp->n_groups; q++)
		if (ahp->parent[q] == g->parent)
			break;
	if (q < ahp->n_groups) {
		double *w = cidx_xcalloc(ahp->k[q], sizeof(double));

		ret = cidx_weights_ahp(ahp->A[q], ahp->k[q], w, &g->lambda_max,
		    &g->ci, &g->cr, err);
		for (size_t c = 0; ret == 0 && c < g->k; c++)
			for (size_t d = 0; d < ahp->k[q]; d++)
				if (ahp->child[q][d] == g->child[c])
					subj[c] = w[d];
		free(w);
	} else {
		for (size_t c = 0; c < g->k; c++)
			subj[c] = e->fw->node[g->child[c]].weight;
	}
	for (size_t c = 0; c < g->k; c++)
		sum += subj[c];
	for (size_t c = 0; ret == 0 && c < g->k; c++)
		g->w[c] = a * (sum > 0 ? subj[c] / sum : 1.0 / (double)g->k) +
		    (1 - a) * g->w[c];
	free(subj);
	return ret;
}

static int
derive_group(struct cidx_engine *e, struct cidx_wgroup *g, int level,
    const int *years, size_t ny, struct cidx_err *err)
{
	enum cidx_wmethod how = e->o.wmethod;
	gsl_matrix *x = NULL;
	int *dir, ret;

	if (how == CIDX_WM_EQUAL) {
		for (size_t c = 0; c < g->k; c++)
			g->w[c] = 1.0 / (double)g->k;
		return 0;
	}
	if ((ret = group_data(e, g, level, how == CIDX_WM_PCA, years, ny, &x,
	    err)) < 0)
		return ret;
	dir = cidx_xcalloc(g->k, sizeof(int));
	for (size_t c = 0; c < g->k; c++)
		dir[c] = e->fw->node[g->child[c]].direction;
	g->n_rows = x->size1;
	if (how == CIDX_WM_ENTROPY || how == CIDX_WM_ENTROPY_PANEL ||
	    how == CIDX_WM_COMBINE)
		ret = cidx_weights_entropy(x, dir, g->w, g->diag1, g->diag2,
		    err);
	else if (how == CIDX_WM_CRITIC)
		ret = cidx_weights_critic(x, dir, g->w, g->diag1, g->diag2,
		    err);
	else
		ret = cidx_weights_pca(x, g->w, g->diag1, &g->pc1_var,
		    &g->n_used, &g->n_negative, err);
	if (ret == 0 && how == CIDX_WM_COMBINE)
		ret = blend(e, g, err);
	if (ret < 0)
		cidx_err_prefix(err, "%s weights of the children of '%s'",
		    cidx_wmethod_name(how), e->fw->node[g->parent].code);
	gsl_matrix_free(x);
	free(dir);
	return ret;
}

static int
derive_ahp(struct cidx_engine *e, struct cidx_err *err)
{
	const struct cidx_ahp *ahp = e->o.ahp;
	int ret = 0;

	for (size_t q = 0; q < ahp->n_groups && ret == 0; q++) {
		struct cidx_wgroup *g;
		double *w;

		if (e->o.wlevel > 0 &&
		    e->fw->node[ahp->parent[q]].level - 1 != e->o.wlevel)
			continue;
		g = add_group(e, ahp->parent[q]);
		w = cidx_xcalloc(ahp->k[q], sizeof(double));
		ret = cidx_weights_ahp(ahp->A[q], ahp->k[q], w, &g->lambda_max,
		    &g->ci, &g->cr, err);
		/* the judgements list children in framework order */
		for (size_t c = 0; ret == 0 && c < g->k; c++)
			for (size_t d = 0; d < ahp->k[q]; d++)
				if (ahp->child[q][d] == g->child[c]) {
					g->w[c] = w[d];
					e->w[g->child[c]] = w[d];
				}
		if (ret < 0)
			cidx_err_prefix(err, "AHP for '%s'",
			    e->fw->node[ahp->parent[q]].code);
		free(w);
	}
	if (ret == 0)
		cidx_engine_apply(e, e->o.over, 0);
	return ret;
}

int
cidx_engine_derive_groups(struct cidx_engine *e, int year,
    struct cidx_err *err)
{
	const struct cidx_framework *fw = e->fw;
	const int *years = &year;
	size_t ny = 1;
	int ret = 0;

	if (e->o.wmethod == CIDX_WM_AHP)
		return derive_ahp(e, err);
	if (e->o.wpanel || e->o.wmethod == CIDX_WM_ENTROPY_PANEL)
		years = e->years, ny = e->n_years;
	for (int lv = 1; lv < fw->top_level && ret == 0; lv++) {
		if (e->o.wlevel > 0 && lv != e->o.wlevel)
			continue;
		for (size_t a = 0; a < fw->n_agg && ret == 0; a++) {
			size_t p = fw->bottom_up[a];
			struct cidx_wgroup *g;

			if (fw->node[p].level != lv + 1)
				continue;
			g = add_group(e, p);
			ret = derive_group(e, g, lv, years, ny, err);
			for (size_t c = 0; ret == 0 && c < g->k; c++)
				e->w[g->child[c]] = g->w[c];
		}
		/* what the user set for this level wins before the scores
		 * of the next level are computed */
		cidx_engine_apply(e, e->o.over, lv);
	}
	return ret;
}
