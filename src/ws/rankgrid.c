/*
 * rankgrid.c - a ranking as a grid of cells (rankgrid.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "ws/rankgrid.h"

const char *
cidx_ws_unit_name(const struct cidx_unit *u)
{
	if (u->name && *u->name)
		return u->name;
	if (u->name_en && *u->name_en)
		return u->name_en;
	return u->code;
}

static void
add_col(struct cidx_ws_grid *g, size_t *c, const char *name,
    enum cidx_ws_cell k)
{
	g->col[*c].name = cidx_xstrdup(name);
	g->col[(*c)++].kind = k;
}

void
cidx_ws_rank_grid_head(struct cidx_ws_grid *g,
    const struct cidx_ws_grid_in *v)
{
	const struct cidx_framework *fw = v->fw;
	size_t nagg = fw->n_agg - 1, c = 0;

	memset(g, 0, sizeof(*g));
	g->ncols = 4 + v->nkeys + 3 + nagg + 6 + (v->relative != NULL) +
	    (v->growth != NULL);
	g->nrows = v->r->n_ranked;
	g->col = cidx_xcalloc(g->ncols, sizeof(*g->col));
	add_col(g, &c, "rank", CIDX_WS_CELL_INT);
	add_col(g, &c, "code", CIDX_WS_CELL_TEXT);
	add_col(g, &c, "name", CIDX_WS_CELL_TEXT);
	add_col(g, &c, "name_en", CIDX_WS_CELL_TEXT);
	for (size_t k = 0; k < v->nkeys; k++)
		add_col(g, &c, v->keys[k], CIDX_WS_CELL_TEXT);
	add_col(g, &c, "score", CIDX_WS_CELL_NUM);
	if (v->relative)
		add_col(g, &c, "relative", CIDX_WS_CELL_NUM);
	if (v->growth)
		add_col(g, &c, "growth", CIDX_WS_CELL_NUM);
	add_col(g, &c, "tier", CIDX_WS_CELL_INT);
	add_col(g, &c, "coverage", CIDX_WS_CELL_SHARE);
	for (size_t a = 0; a < nagg; a++)
		add_col(g, &c, fw->node[fw->top_down[a]].code,
		    CIDX_WS_CELL_NUM);
	add_col(g, &c, "basis_rank", CIDX_WS_CELL_INT);
	add_col(g, &c, "prev_rank", CIDX_WS_CELL_INT);
	add_col(g, &c, "rank_common_prev", CIDX_WS_CELL_INT);
	add_col(g, &c, "rank_common_now", CIDX_WS_CELL_INT);
	add_col(g, &c, "rank_change", CIDX_WS_CELL_INT);
	add_col(g, &c, "coverage_prev", CIDX_WS_CELL_SHARE);
}

void
cidx_ws_rank_grid_row(const struct cidx_ws_grid *g,
    const struct cidx_ws_grid_in *v, size_t p, const char **t, double *x)
{
	const struct cidx_framework *fw = v->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_movement *mv = v->mv;
	size_t i = r->order[p], nagg = fw->n_agg - 1, c = 0;
	const struct cidx_unit *u = &v->ds->unit[i];

	for (size_t q = 0; q < g->ncols; q++) {
		x[q] = NAN;
		t[q] = NULL;
	}
	x[c++] = r->rank[i];
	t[c++] = u->code;
	t[c++] = cidx_ws_unit_name(u);
	t[c++] = u->name_en;
	for (size_t k = 0; k < v->nkeys; k++)
		t[c++] = cidx_unit_attr(u, v->keys[k]);
	x[c++] = gsl_matrix_get(r->s, i, fw->root);
	if (v->relative)
		x[c++] = v->relative[i];
	if (v->growth)
		x[c++] = v->growth[i];
	x[c++] = r->tier[i] ? r->tier[i] : NAN;
	x[c++] = v->rep->coverage ? v->rep->coverage[i] : NAN;
	for (size_t a = 0; a < nagg; a++)
		x[c++] = gsl_matrix_get(r->s, i, fw->top_down[a]);
	if (mv && mv->basis != CIDX_BASIS_WITHHELD) {
		const struct cidx_move *m = &mv->mv[i];

		x[c] = m->basis_rank ? m->basis_rank : NAN;
		x[c + 1] = m->prev ? m->prev : NAN;
		x[c + 2] = m->prev_common ? m->prev_common : NAN;
		x[c + 3] = m->now_common ? m->now_common : NAN;
		x[c + 4] = m->has_change ? m->change : NAN;
		x[c + 5] = m->cov_prev;
	}
}

void
cidx_ws_rank_grid(struct cidx_ws_grid *g, const struct cidx_ws_grid_in *v)
{
	size_t cells;

	cidx_ws_rank_grid_head(g, v);
	cells = g->ncols * (g->nrows ? g->nrows : 1);
	g->text = cidx_xcalloc(cells, sizeof(*g->text));
	g->num = cidx_xcalloc(cells, sizeof(*g->num));
	for (size_t p = 0; p < g->nrows; p++)
		cidx_ws_rank_grid_row(g, v, p, &g->text[p * g->ncols],
		    &g->num[p * g->ncols]);
}

void
cidx_ws_grid_release(struct cidx_ws_grid *g)
{
	for (size_t c = 0; c < g->ncols; c++)
		free(g->col[c].name);
	free(g->col);
	free(g->text);
	free(g->num);
	memset(g, 0, sizeof(*g));
}

