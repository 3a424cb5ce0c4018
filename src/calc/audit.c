/*
 * audit.c - the statistical audit (audit.h).  An indicator correlated
 * negatively with its parent is flagged: it pulls the pillar the other
 * way.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "calc/prepare.h"
#include "calc/weights.h"
#include "core/mem.h"

static void
column(const gsl_matrix *m, size_t j, double *out)
{
	for (size_t i = 0; i < m->size1; i++)
		out[i] = gsl_matrix_get(m, i, j);
}

void
cidx_audit(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const struct cidx_ranking *r, const struct cidx_treat_params *tp,
    struct cidx_audit_row *rows)
{
	size_t n = ds->n_units;
	double *a = cidx_xcalloc(n ? n : 1, sizeof(double));
	double *b = cidx_xcalloc(n ? n : 1, sizeof(double));
	double *ix = cidx_xcalloc(n ? n : 1, sizeof(double));

	column(r->s, fw->root, ix);
	for (size_t k = 0; k < fw->n; k++) {
		struct cidx_audit_row *w = &rows[k];

		memset(w, 0, sizeof(*w));
		w->node = k;
		w->r_parent = w->rho_parent = w->r_index = w->rho_index = NAN;
		w->alpha = w->pc1 = NAN;
		w->sum.mean = w->sum.sd = w->sum.min = w->sum.max = NAN;
		w->sum.skew = w->sum.kurt = w->sum.median = NAN;
		if (fw->node[k].level == 0)
			continue;
		if (fw->node[k].type == CIDX_NODE_INDICATOR) {
			column(ds->x, (size_t)fw->col[k], a);
			cidx_stat_summary(a, n, &w->sum);
			w->na_share = n ? 1.0 - (double)w->sum.n / (double)n :
			    0;
			w->outlier = cidx_treat_fails(w->sum.skew,
			    w->sum.kurt, tp);
		}
		column(r->s, k, a);
		if (fw->node[k].pidx >= 0) {
			column(r->s, (size_t)fw->node[k].pidx, b);
			w->r_parent = cidx_stat_pearson(a, b, n);
			w->rho_parent = cidx_stat_spearman(a, b, n);
			w->negative = w->r_parent < 0;
		}
		if (k != fw->root) {
			w->r_index = cidx_stat_pearson(a, ix, n);
			w->rho_index = cidx_stat_spearman(a, ix, n);
		}
		if (fw->node[k].type == CIDX_NODE_AGGREGATE) {
			size_t kc = 0, *ch = cidx_xcalloc(fw->n, sizeof(size_t));
			gsl_matrix *g;
			double *wt, *ld, var;
			size_t used = 0, neg = 0;

			/* the children with data this year */
			for (size_t q = fw->child_off[k];
			    q < fw->child_off[k + 1]; q++)
				for (size_t i = 0; i < n; i++)
					if (!isnan(gsl_matrix_get(r->s, i,
					    fw->child[q]))) {
						ch[kc++] = fw->child[q];
						break;
					}
			if (kc < 2) {
				free(ch);
				continue;
			}
			g = cidx_matrix_alloc(n ? n : 1, kc);
			for (size_t i = 0; i < n; i++)
				for (size_t c = 0; c < kc; c++)
					gsl_matrix_set(g, i, c,
					    gsl_matrix_get(r->s, i, ch[c]));
			free(ch);
			w->alpha = cidx_cronbach_alpha(g);
			wt = cidx_xcalloc(kc, sizeof(double));
			ld = cidx_xcalloc(kc, sizeof(double));
			if (cidx_weights_pca(g, wt, ld, &var, &used, &neg,
			    NULL) == 0) {
				w->pc1 = var;
				w->pc1_n = used;
			}
			free(wt);
			free(ld);
			gsl_matrix_free(g);
		}
	}
	free(a);
	free(b);
	free(ix);
}


/* column k of the scores of the ranked units, best first */
static void
ranked_column(const struct cidx_ranking *r, size_t k, double *out)
{
	for (size_t p = 0; p < r->n_ranked; p++)
		out[p] = gsl_matrix_get(r->s, r->order[p], k);
}

void
cidx_ranking_medians(const struct cidx_framework *fw,
    const struct cidx_ranking *r, double *med)
{
	double *col = cidx_xcalloc(r->n_ranked ? r->n_ranked : 1, sizeof(double));

	for (size_t k = 0; k < fw->n; k++) {
		ranked_column(r, k, col);
		med[k] = cidx_stat_quantile(col, r->n_ranked, 0.5);
	}
	free(col);
}

void
cidx_ranking_correlations(const struct cidx_ranking *r, const size_t *node,
    size_t k, double *R)
{
	size_t n = r->n_ranked;
	double *a = cidx_xcalloc(n ? n : 1, sizeof(double));
	double *b = cidx_xcalloc(n ? n : 1, sizeof(double));

	for (size_t i = 0; i < k; i++) {
		ranked_column(r, node[i], a);
		for (size_t j = i; j < k; j++) {
			ranked_column(r, node[j], b);
			R[i * k + j] = R[j * k + i] = i == j ?
			    (isnan(cidx_stat_pearson(a, a, n)) ? NAN : 1) :
			    cidx_stat_pearson(a, b, n);
		}
	}
	free(a);
	free(b);
}
