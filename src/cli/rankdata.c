/*
 * rankdata.c - rank's outputs for programs: CSV (RFC 4180, numbers %.17g
 * so they read back to the same double) from the grid of cells it shares
 * with the workbook (ws/rankgrid.h), and JSON with the method and the
 * provenance.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/textout.h"
#include "cli/rankout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"
#include "version.h"

/* what the grid of the ranking the view shows is made from */
static void
grid_in(struct cidx_ws_grid_in *in, const struct rank_view *v)
{
	memset(in, 0, sizeof(*in));
	in->fw = v->e->fw;
	in->ds = v->ds;
	in->rep = v->rep;
	in->r = v->r;
	in->mv = v->mv;
	in->keys = (const char *const *)v->keys;
	in->nkeys = v->nkeys;
	in->relative = v->relative;
	in->growth = v->growth;
}

/* the grid of the ranking the view shows (ws/rankgrid.h) */
void
rank_grid_build(struct cidx_ws_grid *g, const struct rank_view *v)
{
	struct cidx_ws_grid_in in;

	grid_in(&in, v);
	cidx_ws_rank_grid(g, &in);
}

/* a text field of the CSV into the line: out_csv_field()'s quoting */
static void
csv_text(struct sbuf *line, struct sbuf *cell, const char *s)
{
	if (s == NULL)
		return;
	cidx_sbuf_reset(cell);
	out_cell_text(cell, s);
	if (strpbrk(cell->buf, ",\"\r\n") == NULL) {
		cidx_sbuf_add(line, cell->buf, cell->len);
		return;
	}
	cidx_sbuf_addc(line, '"');
	for (const char *p = cell->buf; *p; p++) {
		if (*p == '"')
			cidx_sbuf_addc(line, '"');
		cidx_sbuf_addc(line, *p);
	}
	cidx_sbuf_addc(line, '"');
}

/* the grid a row at a time, never held whole, each line written at once
 * (a call of stdio per cell was a tenth of rank --format csv: issue 17) */
void
rank_print_csv(const struct rank_view *v, int bom)
{
	FILE *fp = v->fp;
	struct cidx_ws_grid_in in;
	struct cidx_ws_grid g;
	struct sbuf line = SBUF_INIT, cell = SBUF_INIT;
	const char **t;
	double *x;
	char b[48];

	grid_in(&in, v);
	cidx_ws_rank_grid_head(&g, &in);
	t = cidx_xcalloc(g.ncols, sizeof(*t));
	x = cidx_xcalloc(g.ncols, sizeof(*x));
	if (bom)
		fputs("\xef\xbb\xbf", fp);
	for (size_t c = 0; c < g.ncols; c++) {
		if (c)
			fputc(',', fp);
		out_csv_field(fp, g.col[c].name);
	}
	fputc('\n', fp);
	for (size_t p = 0; p < g.nrows; p++) {
		cidx_ws_rank_grid_row(&g, &in, p, t, x);
		cidx_sbuf_reset(&line);
		for (size_t c = 0; c < g.ncols; c++) {
			if (c)
				cidx_sbuf_addc(&line, ',');
			if (g.col[c].kind == CIDX_WS_CELL_TEXT) {
				csv_text(&line, &cell, t[c]);
			} else if (!isnan(x[c])) {
				cidx_num_fmt(b, sizeof(b), x[c], 17);
				cidx_sbuf_adds(&line, b);
			}
		}
		cidx_sbuf_addc(&line, '\n');
		fwrite(line.buf, 1, line.len, fp);
	}
	cidx_sbuf_release(&line);
	cidx_sbuf_release(&cell);
	free(t);
	free(x);
	cidx_ws_grid_release(&g);
}

/* a count that 0 means "none" */
static void
json_int(struct cidx_jsonw *w, int v)
{
	if (v)
		cidx_jsonw_int(w, v);
	else
		cidx_jsonw_null(w);
}

/* the codes of the new entrants, or of the dark horses */
static void
json_codes(struct cidx_jsonw *w, const struct rank_view *v, int dark)
{
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t p = 0; v->mv && p < v->r->n_ranked; p++) {
		size_t i = v->r->order[p];

		if (dark ? v->mv->mv[i].dark : v->mv->mv[i].entrant)
			cidx_jsonw_string(w, v->ds->unit[i].code);
	}
	cidx_jsonw_end_array(w);
}

static void
json_screened(struct cidx_jsonw *w, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_prep_report *rep = v->rep;

	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t i = 0; i < rep->n_screened; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "code");
		cidx_jsonw_string(w, s->code);
		cidx_jsonw_key(w, "coverage");
		cidx_jsonw_number17(w, s->coverage);
		cidx_jsonw_key(w, "short_pillar");
		cidx_jsonw_string(w, s->pillar >= 0 ? fw->node[s->pillar].code :
		    NULL);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
}

/* what the outlier treatment did to each indicator, or null */
static void
json_treatment(struct cidx_jsonw *w, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_prep_report *rep = v->rep;

	if (!rep->treated) {
		cidx_jsonw_null(w);
		return;
	}
	cidx_jsonw_begin_object(w, CIDX_JSONW_LINES);
	for (size_t j = 0; j < fw->n_ind; j++) {
		const struct cidx_treat_report *t = &rep->treat[j];

		cidx_jsonw_key(w, fw->node[fw->ind[j]].code);
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "action");
		cidx_jsonw_string(w, rank_treat_action(t->action));
		cidx_jsonw_key(w, "source");
		cidx_jsonw_string(w, rep->treat_source[j] == 2 ?
		    "framework:none" : rep->treat_source[j] == 1 ?
		    "framework" : "command line");
		cidx_jsonw_key(w, "winsorised_high");
		cidx_jsonw_int(w, t->n_hi);
		cidx_jsonw_key(w, "winsorised_low");
		cidx_jsonw_int(w, t->n_lo);
		cidx_jsonw_key(w, "skew_before");
		cidx_jsonw_number17(w, t->skew0);
		cidx_jsonw_key(w, "kurt_before");
		cidx_jsonw_number17(w, t->kurt0);
		cidx_jsonw_key(w, "skew_after");
		cidx_jsonw_number17(w, t->skew1);
		cidx_jsonw_key(w, "kurt_after");
		cidx_jsonw_number17(w, t->kurt1);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_object(w);
}

static void
json_prep(struct cidx_jsonw *w, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_prep_report *rep = v->rep;

	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(w, "denominated");
	cidx_jsonw_uint(w, rep->n_denominated);
	cidx_jsonw_key(w, "denominator_missing");
	cidx_jsonw_uint(w, rep->n_den_missing);
	cidx_jsonw_key(w, "imputed");
	cidx_jsonw_uint(w, rep->n_imputed);
	cidx_jsonw_key(w, "indicators_with_data");
	cidx_jsonw_uint(w, rep->n_year_ind);
	cidx_jsonw_key(w, "pillars_without_data");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t i = 0; i < rep->n_empty_pillar; i++)
		cidx_jsonw_string(w, fw->node[rep->empty_pillar[i]].code);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "screened_out");
	json_screened(w, v);
	cidx_jsonw_key(w, "treatment");
	json_treatment(w, v);
	cidx_jsonw_end_object(w);
}

static void
json_movement(struct cidx_jsonw *w, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_movement *mv = v->mv;

	if (mv == NULL) {
		cidx_jsonw_null(w);
		return;
	}
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(w, "basis");
	cidx_jsonw_string(w, cidx_basis_name(mv->basis));
	cidx_jsonw_key(w, "indicators_now");
	cidx_jsonw_int(w, mv->n_cur);
	cidx_jsonw_key(w, "indicators_then");
	cidx_jsonw_int(w, mv->n_prev);
	cidx_jsonw_key(w, "shared");
	cidx_jsonw_int(w, mv->shared);
	cidx_jsonw_key(w, "indicators");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (mv->in_basis[j])
			cidx_jsonw_string(w, fw->node[fw->ind[j]].code);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "withheld_because");
	cidx_jsonw_string(w, mv->basis == CIDX_BASIS_WITHHELD ? mv->why :
	    NULL);
	cidx_jsonw_end_object(w);
}

/* a unit's name, attributes and scores */
static void
json_unit_scores(struct cidx_jsonw *w, const struct rank_view *v, size_t i)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_unit *u = &v->ds->unit[i];

	cidx_jsonw_key(w, "rank");
	cidx_jsonw_int(w, r->rank[i]);
	cidx_jsonw_key(w, "code");
	cidx_jsonw_string(w, u->code);
	cidx_jsonw_key(w, "name");
	cidx_jsonw_string(w, rank_unit_name(u));
	cidx_jsonw_key(w, "name_en");
	cidx_jsonw_string(w, u->name_en);
	cidx_jsonw_key(w, "attributes");
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	for (size_t a = 0; a < u->n_attr; a++) {
		cidx_jsonw_key(w, u->attr[a].key);
		cidx_jsonw_string(w, u->attr[a].value);
	}
	cidx_jsonw_end_object(w);
	cidx_jsonw_key(w, "score");
	cidx_jsonw_number17(w, gsl_matrix_get(r->s, i, fw->root));
	if (v->relative) {
		cidx_jsonw_key(w, "relative");
		cidx_jsonw_number17(w, v->relative[i]);
	}
	if (v->growth) {
		cidx_jsonw_key(w, "growth");
		cidx_jsonw_number17(w, v->growth[i]);
	}
	cidx_jsonw_key(w, "tier");
	json_int(w, r->tier[i]);
	cidx_jsonw_key(w, "coverage");
	cidx_jsonw_number17(w, v->rep->coverage ? v->rep->coverage[i] : NAN);
	cidx_jsonw_key(w, "scores");
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		cidx_jsonw_key(w, fw->node[fw->top_down[a]].code);
		cidx_jsonw_number17(w, gsl_matrix_get(r->s, i,
		    fw->top_down[a]));
	}
	cidx_jsonw_end_object(w);
}

static void
json_unit(struct cidx_jsonw *w, const struct rank_view *v, size_t i)
{
	const struct cidx_move *m = v->mv && v->mv->basis !=
	    CIDX_BASIS_WITHHELD ? &v->mv->mv[i] : NULL;
	static const char *const status[] = { "ranked", "no data",
		"screened out" };

	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	json_unit_scores(w, v, i);
	cidx_jsonw_key(w, "basis_rank");
	json_int(w, m ? m->basis_rank : 0);
	cidx_jsonw_key(w, "prev_rank");
	json_int(w, m ? m->prev : 0);
	cidx_jsonw_key(w, "rank_common_prev");
	json_int(w, m ? m->prev_common : 0);
	cidx_jsonw_key(w, "rank_common_now");
	json_int(w, m ? m->now_common : 0);
	cidx_jsonw_key(w, "rank_change");
	if (m && m->has_change)
		cidx_jsonw_int(w, m->change);
	else
		cidx_jsonw_null(w);
	cidx_jsonw_key(w, "prev_status");
	cidx_jsonw_string(w, m ? status[m->prev_status] : NULL);
	cidx_jsonw_key(w, "new_entrant");
	cidx_jsonw_bool(w, m && m->entrant);
	cidx_jsonw_key(w, "dark_horse");
	cidx_jsonw_bool(w, m && m->dark);
	cidx_jsonw_key(w, "coverage_prev");
	if (m && !isnan(m->cov_prev))
		cidx_jsonw_number17(w, m->cov_prev);
	else
		cidx_jsonw_null(w);
	cidx_jsonw_key(w, "coverage_changed");
	cidx_jsonw_bool(w, m && m->cov_changed);
	cidx_jsonw_end_object(w);
}

/* the columns, the indicators left out, the units ranked and not */
static void
json_units(struct cidx_jsonw *w, const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;

	cidx_jsonw_key(w, "columns");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t a = 0; a + 1 < fw->n_agg; a++)
		cidx_jsonw_string(w, fw->node[fw->top_down[a]].code);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "skipped_indicators");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j])
			cidx_jsonw_string(w, fw->node[fw->ind[j]].code);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "units");
	cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	for (size_t p = 0; p < r->n_ranked; p++)
		json_unit(w, v, r->order[p]);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "unranked");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0)
			cidx_jsonw_string(w, v->ds->unit[i].code);
	cidx_jsonw_end_array(w);
}

int
rank_print_json(const struct rank_view *v)
{
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, v->fp);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "cityidx");
	cidx_jsonw_string(&w, CITYIDX_VERSION);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "rank");
	cidx_jsonw_key(&w, "workspace");
	cidx_jsonw_string(&w, v->workspace);
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, v->year);
	cidx_jsonw_key(&w, "compare_year");
	json_int(&w, v->cyear);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(v->e, &w, v->year, v->ts->text,
	    (long)v->top, v->dark);
	cidx_jsonw_key(&w, "preparation");
	json_prep(&w, v);
	cidx_jsonw_key(&w, "movement");
	json_movement(&w, v);
	json_units(&w, v);
	cidx_jsonw_key(&w, "new_entrants");
	json_codes(&w, v, 0);
	cidx_jsonw_key(&w, "dark_horses");
	json_codes(&w, v, 1);
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}
