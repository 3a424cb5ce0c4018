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
 * Columns: rank, code, name, name_en, the attributes, score, relative
 * and growth (with --relative or eis tiers, and --growth), tier,
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

	g->ncols = 4 + v->nkeys + 3 + nagg + 3 + (v->relative != NULL) +
	    (v->growth != NULL);
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
	if (v->relative)
		add_col(g, &c, "relative", RK_NUM);
	if (v->growth)
		add_col(g, &c, "growth", RK_NUM);
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
		if (v->relative)
			x[c++] = v->relative[i];
		if (v->growth)
			x[c++] = v->growth[i];
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
	FILE *fp = v->fp;
	struct rank_grid g;
	char b[48];

	rank_grid_build(&g, v);
	if (bom)
		fputs("\xef\xbb\xbf", fp);
	for (size_t c = 0; c < g.ncols; c++) {
		if (c)
			fputc(',', fp);
		out_csv_field(fp, g.col[c].name);
	}
	fputc('\n', fp);
	for (size_t p = 0; p < g.nrows; p++) {
		for (size_t c = 0; c < g.ncols; c++) {
			double x = g.num[p * g.ncols + c];

			if (c)
				fputc(',', fp);
			if (g.col[c].kind == RK_TEXT) {
				out_csv_field(fp, g.text[p * g.ncols + c]);
			} else if (!isnan(x)) {
				cidx_num_fmt(b, sizeof(b), x, 17);
				fputs(b, fp);
			}
		}
		fputc('\n', fp);
	}
	rank_grid_release(&g);
}

static void
json_int(FILE *fp, int v)
{
	if (v)
		fprintf(fp, "%d", v);
	else
		fputs("null", fp);
}

static void
json_codes(const struct rank_view *v, int dark)
{
	FILE *fp = v->fp;
	int first = 1;

	fputc('[', fp);
	for (size_t p = 0; v->mv && p < v->r->n_ranked; p++) {
		size_t i = v->r->order[p];

		if (!(dark ? v->mv->mv[i].dark : v->mv->mv[i].entrant))
			continue;
		fputs(first ? "" : ", ", fp);
		first = 0;
		out_json_string(fp, v->ds->unit[i].code);
	}
	fputc(']', fp);
}

static void
json_prep(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_prep_report *rep = v->rep;

	fprintf(fp, "{\"denominated\": %zu, \"denominator_missing\": %zu, "
	    "\"imputed\": %zu, \"indicators_with_data\": %zu, "
	    "\"pillars_without_data\": [", rep->n_denominated,
	    rep->n_den_missing, rep->n_imputed, rep->n_year_ind);
	for (size_t i = 0; i < rep->n_empty_pillar; i++) {
		fputs(i ? ", " : "", fp);
		out_json_string(fp, fw->node[rep->empty_pillar[i]].code);
	}
	fputs("], \"screened_out\": [", fp);
	for (size_t i = 0; i < rep->n_screened; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		fputs(i ? ", " : "", fp);
		fputs("{\"code\": ", fp);
		out_json_string(fp, s->code);
		fputs(", \"coverage\": ", fp);
		out_json_number(fp, s->coverage);
		fputs(", \"short_pillar\": ", fp);
		out_json_string(fp, s->pillar >= 0 ?
		    fw->node[s->pillar].code : NULL);
		fputs("}", fp);
	}
	fputs("], \"treatment\": ", fp);
	if (!rep->treated) {
		fputs("null}", fp);
		return;
	}
	fputs("{", fp);
	for (size_t j = 0; j < fw->n_ind; j++) {
		const struct cidx_treat_report *t = &rep->treat[j];

		fprintf(fp, "%s\n    ", j ? "," : "");
		out_json_string(fp, fw->node[fw->ind[j]].code);
		fprintf(fp, ": {\"action\": \"%s\", \"source\": \"%s\", "
		    "\"winsorised_high\": %d, \"winsorised_low\": %d, "
		    "\"skew_before\": ", rank_treat_action(t->action),
		    rep->treat_source[j] == 2 ? "framework:none" :
		    rep->treat_source[j] == 1 ? "framework" : "command line",
		    t->n_hi, t->n_lo);
		out_json_number(fp, t->skew0);
		fputs(", \"kurt_before\": ", fp);
		out_json_number(fp, t->kurt0);
		fputs(", \"skew_after\": ", fp);
		out_json_number(fp, t->skew1);
		fputs(", \"kurt_after\": ", fp);
		out_json_number(fp, t->kurt1);
		fputs("}", fp);
	}
	fputs("\n  }}", fp);
}

static void
json_movement(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_movement *mv = v->mv;

	if (mv == NULL) {
		fputs("null", fp);
		return;
	}
	fprintf(fp, "{\"basis\": \"%s\", \"indicators_now\": %d, "
	    "\"indicators_then\": %d, \"shared\": %d, \"indicators\": [",
	    cidx_basis_name(mv->basis), mv->n_cur, mv->n_prev, mv->shared);
	for (size_t j = 0, first = 1; j < fw->n_ind; j++)
		if (mv->in_basis[j]) {
			fputs(first ? "" : ", ", fp);
			first = 0;
			out_json_string(fp, fw->node[fw->ind[j]].code);
		}
	fputs("], \"withheld_because\": ", fp);
	out_json_string(fp, mv->basis == CIDX_BASIS_WITHHELD ? mv->why :
	    NULL);
	fputs("}", fp);
}

static void
json_unit(const struct rank_view *v, size_t i)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_unit *u = &v->ds->unit[i];
	const struct cidx_move *m = v->mv && v->mv->basis !=
	    CIDX_BASIS_WITHHELD ? &v->mv->mv[i] : NULL;
	static const char *const status[] = { "ranked", "no data",
		"screened out" };

	fprintf(fp, "{\"rank\": %d, \"code\": ", r->rank[i]);
	out_json_string(fp, u->code);
	fputs(", \"name\": ", fp);
	out_json_string(fp, rank_unit_name(u));
	fputs(", \"name_en\": ", fp);
	out_json_string(fp, u->name_en);
	fputs(", \"attributes\": {", fp);
	for (size_t a = 0; a < u->n_attr; a++) {
		fputs(a ? ", " : "", fp);
		out_json_string(fp, u->attr[a].key);
		fputs(": ", fp);
		out_json_string(fp, u->attr[a].value);
	}
	fputs("}, \"score\": ", fp);
	out_json_number(fp, gsl_matrix_get(r->s, i, fw->root));
	if (v->relative) {
		fputs(", \"relative\": ", fp);
		out_json_number(fp, v->relative[i]);
	}
	if (v->growth) {
		fputs(", \"growth\": ", fp);
		out_json_number(fp, v->growth[i]);
	}
	fputs(", \"tier\": ", fp);
	json_int(fp, r->tier[i]);
	fputs(", \"coverage\": ", fp);
	out_json_number(fp, v->rep->coverage ? v->rep->coverage[i] : NAN);
	fputs(", \"scores\": {", fp);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		fputs(a ? ", " : "", fp);
		out_json_string(fp, fw->node[fw->top_down[a]].code);
		fputs(": ", fp);
		out_json_number(fp, gsl_matrix_get(r->s, i,
		    fw->top_down[a]));
	}
	fputs("}, \"basis_rank\": ", fp);
	json_int(fp, m ? m->basis_rank : 0);
	fputs(", \"prev_rank\": ", fp);
	json_int(fp, m ? m->prev : 0);
	fputs(", \"rank_change\": ", fp);
	if (m && m->has_change)
		fprintf(fp, "%d", m->change);
	else
		fputs("null", fp);
	fputs(", \"prev_status\": ", fp);
	out_json_string(fp, m ? status[m->prev_status] : NULL);
	fprintf(fp, ", \"new_entrant\": %s, \"dark_horse\": %s}",
	    m && m->entrant ? "true" : "false",
	    m && m->dark ? "true" : "false");
}

void
rank_print_json(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	int first = 1;

	fprintf(fp, "{\n  \"cityidx\": \"%s\",\n  \"command\": \"rank\",\n",
	    CITYIDX_VERSION);
	fputs("  \"workspace\": ", fp);
	out_json_string(fp, v->workspace);
	fprintf(fp, ",\n  \"year\": %d,\n  \"compare_year\": ", v->year);
	json_int(fp, v->cyear);
	fputs(",\n  \"method\": ", fp);
	cli_engine_json_method(v->e, fp, v->year, v->ts->text,
	    (long)v->top, v->dark, "  ");
	fputs(",\n  \"preparation\": ", fp);
	json_prep(v);
	fputs(",\n  \"movement\": ", fp);
	json_movement(v);
	fputs(",\n  \"columns\": [", fp);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		fputs(a ? ", " : "", fp);
		out_json_string(fp, fw->node[fw->top_down[a]].code);
	}
	fputs("],\n  \"skipped_indicators\": [", fp);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j]) {
			fputs(first ? "" : ", ", fp);
			first = 0;
			out_json_string(fp, fw->node[fw->ind[j]].code);
		}
	fputs("],\n  \"units\": [", fp);
	for (size_t p = 0; p < r->n_ranked; p++) {
		fprintf(fp, "%s\n    ", p ? "," : "");
		json_unit(v, r->order[p]);
	}
	fputs("\n  ],\n  \"unranked\": [", fp);
	first = 1;
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0) {
			fputs(first ? "" : ", ", fp);
			first = 0;
			out_json_string(fp, v->ds->unit[i].code);
		}
	fputs("],\n  \"new_entrants\": ", fp);
	json_codes(v, 0);
	fputs(",\n  \"dark_horses\": ", fp);
	json_codes(v, 1);
	fputs("\n}\n", fp);
}
