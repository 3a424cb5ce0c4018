/*
 * chartscores.c - the data of the heatmap of scores (chart heatmap --of
 * units): the top units of the year by pillar (their pillar scores) or
 * by indicator (their normalised values), in rank order, the indicators
 * grouped under their pillars in framework order (chartdata.h).
 */
#include <math.h>
#include <string.h>

#include "ws/chartdata.h"

/* the columns: the pillars with data, or the indicators with data
 * grouped by pillar (group[] the pillar's place among those drawn);
 * @return how many */
static size_t
score_columns(const struct cidx_ws_chart *c, int indicators, size_t *node,
    size_t *group, size_t *pillar, size_t *np, struct cidx_ws_mem *m)
{
	const struct cidx_framework *fw = c->fw;
	long *pil = cidx_ws_mem_alloc(m, fw->n_ind, sizeof(long));
	size_t k = 0, g = 0;

	*np = 0;
	for (size_t q = fw->child_off[fw->root];
	    q < fw->child_off[fw->root + 1]; q++)
		pillar[(*np)++] = fw->child[q];
	if (!indicators) {
		for (size_t q = 0; q < *np; q++)
			for (size_t p = 0; p < c->r->n_ranked; p++)
				if (!isnan(gsl_matrix_get(c->r->s,
				    c->r->order[p], pillar[q]))) {
					node[k++] = pillar[q];
					break;
				}
		return k;
	}
	cidx_pillars(fw, pil);
	for (size_t q = 0; q < *np; q++) {
		size_t before = k;

		for (size_t j = 0; j < fw->n_ind; j++)
			if ((pil[j] == (long)pillar[q] || (pil[j] < 0 &&
			    fw->ind[j] == pillar[q])) &&
			    c->r->skipped[j] == 0) {
				group[k] = g;
				node[k++] = fw->ind[j];
			}
		if (k > before)
			pillar[g++] = pillar[q];
	}
	*np = g;
	return k;
}

int
cidx_ws_chart_scores(struct cidx_heatmap *out, const struct cidx_ws_chart *c,
    int indicators, size_t n, struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_framework *fw = c->fw;
	const struct cidx_ranking *r = c->r;
	size_t *node = cidx_ws_mem_alloc(m, fw->n, sizeof(size_t));
	size_t *group = cidx_ws_mem_alloc(m, fw->n, sizeof(size_t));
	size_t *pillar = cidx_ws_mem_alloc(m, fw->n, sizeof(size_t)), np;
	size_t k = score_columns(c, indicators, node, group, pillar, &np, m);
	const char **rows, **cols, **gnames;
	int *rank;
	double *v;

	if (k == 0)
		return cidx_err_set(err, CIDX_EOPTION, "no %s with data in %d",
		    indicators ? "indicator" : "pillar", c->year);
	rows = cidx_ws_mem_alloc(m, n, sizeof(char *));
	rank = cidx_ws_mem_alloc(m, n, sizeof(int));
	cols = cidx_ws_mem_alloc(m, k, sizeof(char *));
	gnames = cidx_ws_mem_alloc(m, np, sizeof(char *));
	v = cidx_ws_mem_alloc(m, n * k, sizeof(double));
	for (size_t q = 0; q < k; q++)
		cols[q] = cidx_ws_chart_node_name(c, node[q]);
	for (size_t g = 0; g < np; g++)
		gnames[g] = cidx_ws_chart_node_name(c, pillar[g]);
	for (size_t p = 0; p < n; p++) {
		size_t i = r->order[p];

		rows[p] = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		rank[p] = r->rank[i];
		for (size_t q = 0; q < k; q++)
			v[p * k + q] = gsl_matrix_get(r->s, i, node[q]);
	}
	memset(out, 0, sizeof(*out));
	out->labels = rows;
	out->k = n;
	out->r = v;
	out->cols = cols;
	out->m = k;
	out->rank = rank;
	out->group = indicators ? group : NULL;
	out->group_names = indicators ? gnames : NULL;
	return 0;
}
