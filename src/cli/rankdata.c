/*
 * rankdata.c - rank's outputs for programs: the grid of cells that CSV
 * and the workbook share, CSV (RFC 4180, numbers %.17g so they read back
 * to the same double) and JSON with the method and the provenance.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/out.h"
#include "cli/rankout.h"
#include "core/mem.h"
#include "core/num.h"
#include "version.h"

static void
add_col(struct rank_grid *g, size_t *c, const char *name, enum rank_kind k)
{
	g->col[*c].name = xstrdup(name);
	g->col[(*c)++].kind = k;
}

/*
 * Columns: rank, code, name, name_en, the attributes, score, tier,
 * coverage, the aggregates below the index (top-down), and the movement:
 * basis_rank, prev_rank, rank_change (empty without movement).
 */
void
rank_grid_build(struct rank_grid *g, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_movement *mv = v->mv;
	int moves = mv && mv->basis != CIDX_BASIS_WITHHELD;
	size_t nagg = fw->n_agg - 1, c = 0;

	g->ncols = 4 + v->nkeys + 3 + nagg + 3;
	g->nrows = r->n_ranked;
	g->col = xcalloc(g->ncols, sizeof(*g->col));
	g->text = xcalloc(g->ncols * (g->nrows ? g->nrows : 1),
	    sizeof(*g->text));
	g->num = xcalloc(g->ncols * (g->nrows ? g->nrows : 1),
	    sizeof(*g->num));
	add_col(g, &c, "rank", RK_INT);
	add_col(g, &c, "code", RK_TEXT);
	add_col(g, &c, "name", RK_TEXT);
	add_col(g, &c, "name_en", RK_TEXT);
	for (size_t k = 0; k < v->nkeys; k++)
		add_col(g, &c, v->keys[k], RK_TEXT);
	add_col(g, &c, "score", RK_NUM);
	add_col(g, &c, "tier", RK_INT);
	add_col(g, &c, "coverage", RK_SHARE);
	for (size_t a = 0; a < nagg; a++)
		add_col(g, &c, fw->node[fw->top_down[a]].code, RK_NUM);
	add_col(g, &c, "basis_rank", RK_INT);
	add_col(g, &c, "prev_rank", RK_INT);
	add_col(g, &c, "rank_change", RK_INT);
	for (size_t p = 0; p < g->nrows; p++) {
		size_t i = r->order[p];
		const struct cidx_unit *u = &v->ds->unit[i];
		const char **t = &g->text[p * g->ncols];
		double *x = &g->num[p * g->ncols];

		for (size_t q = 0; q < g->ncols; q++)
			x[q] = NAN;
		c = 0;
		x[c++] = r->rank[i];
		t[c++] = u->code;
		t[c++] = rank_unit_name(u);
		t[c++] = u->name_en;
		for (size_t k = 0; k < v->nkeys; k++)
			t[c++] = cidx_unit_attr(u, v->keys[k]);
		x[c++] = gsl_matrix_get(r->s, i, fw->root);
		x[c++] = r->tier[i] ? r->tier[i] : NAN;
		x[c++] = v->rep->coverage ? v->rep->coverage[i] : NAN;
		for (size_t a = 0; a < nagg; a++)
			x[c++] = gsl_matrix_get(r->s, i, fw->top_down[a]);
		if (moves) {
			const struct cidx_move *m = &mv->mv[i];

			x[c] = m->basis_rank ? m->basis_rank : NAN;
			x[c + 1] = m->prev ? m->prev : NAN;
			x[c + 2] = m->has_change ? m->change : NAN;
		}
	}
}

void
rank_grid_release(struct rank_grid *g)
{
	for (size_t c = 0; c < g->ncols; c++)
		free(g->col[c].name);
	free(g->col);
	free(g->text);
	free(g->num);
	memset(g, 0, sizeof(*g));
}

void
rank_print_csv(const struct rank_view *v, int bom)
{
	struct rank_grid g;
	char b[48];

	rank_grid_build(&g, v);
	if (bom)
		fputs("\xef\xbb\xbf", stdout);
	for (size_t c = 0; c < g.ncols; c++) {
		if (c)
			fputc(',', stdout);
		out_csv_field(stdout, g.col[c].name);
	}
	fputc('\n', stdout);
	for (size_t p = 0; p < g.nrows; p++) {
		for (size_t c = 0; c < g.ncols; c++) {
			double x = g.num[p * g.ncols + c];

			if (c)
				fputc(',', stdout);
			if (g.col[c].kind == RK_TEXT) {
				out_csv_field(stdout, g.text[p * g.ncols + c]);
			} else if (!isnan(x)) {
				cidx_num_fmt(b, sizeof(b), x, 17);
				fputs(b, stdout);
			}
		}
		fputc('\n', stdout);
	}
	rank_grid_release(&g);
}

static void
json_int(int v)
{
	if (v)
		printf("%d", v);
	else
		fputs("null", stdout);
}

static void
json_codes(const struct rank_view *v, int dark)
{
	int first = 1;

	fputc('[', stdout);
	for (size_t p = 0; v->mv && p < v->r->n_ranked; p++) {
		size_t i = v->r->order[p];

		if (!(dark ? v->mv->mv[i].dark : v->mv->mv[i].entrant))
			continue;
		fputs(first ? "" : ", ", stdout);
		first = 0;
		out_json_string(stdout, v->ds->unit[i].code);
	}
	fputc(']', stdout);
}

static void
json_prep(const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_prep_report *rep = v->rep;

	printf("{\"denominated\": %zu, \"denominator_missing\": %zu, "
	    "\"imputed\": %zu, \"indicators_with_data\": %zu, "
	    "\"pillars_without_data\": [", rep->n_denominated,
	    rep->n_den_missing, rep->n_imputed, rep->n_year_ind);
	for (size_t i = 0; i < rep->n_empty_pillar; i++) {
		fputs(i ? ", " : "", stdout);
		out_json_string(stdout, fw->node[rep->empty_pillar[i]].code);
	}
	fputs("], \"screened_out\": [", stdout);
	for (size_t i = 0; i < rep->n_screened; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		fputs(i ? ", " : "", stdout);
		fputs("{\"code\": ", stdout);
		out_json_string(stdout, s->code);
		fputs(", \"coverage\": ", stdout);
		out_json_number(stdout, s->coverage);
		fputs(", \"short_pillar\": ", stdout);
		out_json_string(stdout, s->pillar >= 0 ?
		    fw->node[s->pillar].code : NULL);
		fputs("}", stdout);
	}
	fputs("], \"treatment\": ", stdout);
	if (!rep->treated) {
		fputs("null}", stdout);
		return;
	}
	fputs("{", stdout);
	for (size_t j = 0; j < fw->n_ind; j++) {
		const struct cidx_treat_report *t = &rep->treat[j];

		printf("%s\n    ", j ? "," : "");
		out_json_string(stdout, fw->node[fw->ind[j]].code);
		printf(": {\"action\": \"%s\", \"source\": \"%s\", "
		    "\"winsorised_high\": %d, \"winsorised_low\": %d, "
		    "\"skew_before\": ", rank_treat_action(t->action),
		    rep->treat_source[j] == 2 ? "framework:none" :
		    rep->treat_source[j] == 1 ? "framework" : "command line",
		    t->n_hi, t->n_lo);
		out_json_number(stdout, t->skew0);
		fputs(", \"kurt_before\": ", stdout);
		out_json_number(stdout, t->kurt0);
		fputs(", \"skew_after\": ", stdout);
		out_json_number(stdout, t->skew1);
		fputs(", \"kurt_after\": ", stdout);
		out_json_number(stdout, t->kurt1);
		fputs("}", stdout);
	}
	fputs("\n  }}", stdout);
}

static void
json_movement(const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_movement *mv = v->mv;

	if (mv == NULL) {
		fputs("null", stdout);
		return;
	}
	printf("{\"basis\": \"%s\", \"indicators_now\": %d, "
	    "\"indicators_then\": %d, \"shared\": %d, \"indicators\": [",
	    cidx_basis_name(mv->basis), mv->n_cur, mv->n_prev, mv->shared);
	for (size_t j = 0, first = 1; j < fw->n_ind; j++)
		if (mv->in_basis[j]) {
			fputs(first ? "" : ", ", stdout);
			first = 0;
			out_json_string(stdout, fw->node[fw->ind[j]].code);
		}
	fputs("], \"withheld_because\": ", stdout);
	out_json_string(stdout, mv->basis == CIDX_BASIS_WITHHELD ? mv->why :
	    NULL);
	fputs("}", stdout);
}

static void
json_unit(const struct rank_view *v, size_t i)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_unit *u = &v->ds->unit[i];
	const struct cidx_move *m = v->mv && v->mv->basis !=
	    CIDX_BASIS_WITHHELD ? &v->mv->mv[i] : NULL;
	static const char *const status[] = { "ranked", "no data",
		"screened out" };

	printf("{\"rank\": %d, \"code\": ", r->rank[i]);
	out_json_string(stdout, u->code);
	fputs(", \"name\": ", stdout);
	out_json_string(stdout, rank_unit_name(u));
	fputs(", \"name_en\": ", stdout);
	out_json_string(stdout, u->name_en);
	fputs(", \"attributes\": {", stdout);
	for (size_t a = 0; a < u->n_attr; a++) {
		fputs(a ? ", " : "", stdout);
		out_json_string(stdout, u->attr[a].key);
		fputs(": ", stdout);
		out_json_string(stdout, u->attr[a].value);
	}
	fputs("}, \"score\": ", stdout);
	out_json_number(stdout, gsl_matrix_get(r->s, i, fw->root));
	fputs(", \"tier\": ", stdout);
	json_int(r->tier[i]);
	fputs(", \"coverage\": ", stdout);
	out_json_number(stdout, v->rep->coverage ? v->rep->coverage[i] : NAN);
	fputs(", \"scores\": {", stdout);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		fputs(a ? ", " : "", stdout);
		out_json_string(stdout, fw->node[fw->top_down[a]].code);
		fputs(": ", stdout);
		out_json_number(stdout, gsl_matrix_get(r->s, i,
		    fw->top_down[a]));
	}
	fputs("}, \"basis_rank\": ", stdout);
	json_int(m ? m->basis_rank : 0);
	fputs(", \"prev_rank\": ", stdout);
	json_int(m ? m->prev : 0);
	fputs(", \"rank_change\": ", stdout);
	if (m && m->has_change)
		printf("%d", m->change);
	else
		fputs("null", stdout);
	fputs(", \"prev_status\": ", stdout);
	out_json_string(stdout, m ? status[m->prev_status] : NULL);
	printf(", \"new_entrant\": %s, \"dark_horse\": %s}",
	    m && m->entrant ? "true" : "false",
	    m && m->dark ? "true" : "false");
}

void
rank_print_json(const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	int first = 1;

	printf("{\n  \"cityidx\": \"%s\",\n  \"command\": \"rank\",\n",
	    CITYIDX_VERSION);
	fputs("  \"workspace\": ", stdout);
	out_json_string(stdout, v->workspace);
	printf(",\n  \"year\": %d,\n  \"compare_year\": ", v->year);
	json_int(v->cyear);
	fputs(",\n  \"method\": ", stdout);
	cli_engine_json_method(v->e, stdout, v->year, v->ts->text,
	    (long)v->top, v->dark, "  ");
	fputs(",\n  \"preparation\": ", stdout);
	json_prep(v);
	fputs(",\n  \"movement\": ", stdout);
	json_movement(v);
	fputs(",\n  \"columns\": [", stdout);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		fputs(a ? ", " : "", stdout);
		out_json_string(stdout, fw->node[fw->top_down[a]].code);
	}
	fputs("],\n  \"skipped_indicators\": [", stdout);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j]) {
			fputs(first ? "" : ", ", stdout);
			first = 0;
			out_json_string(stdout, fw->node[fw->ind[j]].code);
		}
	fputs("],\n  \"units\": [", stdout);
	for (size_t p = 0; p < r->n_ranked; p++) {
		printf("%s\n    ", p ? "," : "");
		json_unit(v, r->order[p]);
	}
	fputs("\n  ],\n  \"unranked\": [", stdout);
	first = 1;
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0) {
			fputs(first ? "" : ", ", stdout);
			first = 0;
			out_json_string(stdout, v->ds->unit[i].code);
		}
	fputs("],\n  \"new_entrants\": ", stdout);
	json_codes(v, 0);
	fputs(",\n  \"dark_horses\": ", stdout);
	json_codes(v, 1);
	fputs("\n}\n", stdout);
}
