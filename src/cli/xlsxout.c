/*
 * xlsxout.c - rank --format xlsx: a workbook an analyst hands on
 * (cityidx(1), OUTPUT FORMATS).  Sheet "ranking" holds the cells of the
 * CSV output (the same grid), numbers as numbers with display formats
 * and a frozen header; "scores" the score of every node for every
 * ranked unit; "method" how the ranking was made.  The file is the same
 * for the same inputs: its creation date is SOURCE_DATE_EPOCH, or fixed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "cli/rankout.h"
#include "core/mem.h"
#include "core/num.h"
#include "version.h"

struct fmts {
	lxw_format *head, *integer, *score, *share, *text;
};

static void
ranking_sheet(lxw_workbook *wb, const struct rank_view *v,
    const struct fmts *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "ranking");
	struct rank_grid g;

	rank_grid_build(&g, v);
	for (size_t c = 0; c < g.ncols; c++) {
		lxw_format *cf = g.col[c].kind == RK_INT ? f->integer :
		    g.col[c].kind == RK_SHARE ? f->share :
		    g.col[c].kind == RK_NUM ? f->score : f->text;
		double width = g.col[c].kind == RK_TEXT ? 16 : 10;

		worksheet_write_string(ws, 0, (lxw_col_t)c, g.col[c].name,
		    f->head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width, cf);
	}
	for (size_t p = 0; p < g.nrows; p++)
		for (size_t c = 0; c < g.ncols; c++) {
			lxw_row_t row = (lxw_row_t)(p + 1);
			const char *t = g.text[p * g.ncols + c];
			double x = g.num[p * g.ncols + c];

			if (g.col[c].kind == RK_TEXT && t && *t)
				worksheet_write_string(ws, row, (lxw_col_t)c,
				    t, NULL);
			else if (g.col[c].kind != RK_TEXT && !isnan(x))
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    x, NULL);
		}
	worksheet_freeze_panes(ws, 1, 3);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)g.nrows,
	    (lxw_col_t)(g.ncols - 1));
	rank_grid_release(&g);
}

/* every node's score (normalised value for indicators), ranked units */
static void
scores_sheet(lxw_workbook *wb, const struct rank_view *v,
    const struct fmts *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "scores");
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	lxw_col_t c = 2;

	worksheet_write_string(ws, 0, 0, "code", f->head);
	worksheet_write_string(ws, 0, 1, "name", f->head);
	worksheet_write_string(ws, 1, 0, "(node name)", f->text);
	worksheet_set_column(ws, 0, 1, 16, NULL);
	for (size_t k = 0; k < fw->n; k++) {
		const struct cidx_node *nd = &fw->node[k];

		if (nd->level == 0)
			continue;
		worksheet_write_string(ws, 0, c, nd->code, f->head);
		worksheet_write_string(ws, 1, c, nd->name_en ? nd->name_en :
		    nd->name_zh ? nd->name_zh : "", f->text);
		worksheet_set_column(ws, c, c, 12, f->score);
		for (size_t p = 0; p < r->n_ranked; p++) {
			double x = gsl_matrix_get(r->s, r->order[p], k);

			if (!isnan(x))
				worksheet_write_number(ws, (lxw_row_t)(p + 2),
				    c, x, NULL);
		}
		c++;
	}
	for (size_t p = 0; p < r->n_ranked; p++) {
		const struct cidx_unit *u = &v->ds->unit[r->order[p]];

		worksheet_write_string(ws, (lxw_row_t)(p + 2), 0, u->code,
		    NULL);
		worksheet_write_string(ws, (lxw_row_t)(p + 2), 1,
		    rank_unit_name(u), NULL);
	}
	worksheet_freeze_panes(ws, 2, 2);
}

static void
pair(lxw_worksheet *ws, lxw_row_t *row, const char *key, const char *value,
    const struct fmts *f)
{
	worksheet_write_string(ws, *row, 0, key, f->head);
	worksheet_write_string(ws, *row, 1, value ? value : "", f->text);
	(*row)++;
}

static void
method_sheet(lxw_workbook *wb, const struct rank_view *v,
    const struct fmts *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "method");
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_method *m = cidx_engine_method(v->e->eng);
	const double *w = cidx_engine_weights(v->e->eng);
	struct sbuf sb = SBUF_INIT;
	lxw_row_t row = 0;
	char b[160], *gap;

	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	pair(ws, &row, "cityidx", CITYIDX_VERSION, f);
	pair(ws, &row, "workspace", v->workspace, f);
	snprintf(b, sizeof(b), "%d", v->year);
	pair(ws, &row, "year", b, f);
	if (v->cyear > 0)
		snprintf(b, sizeof(b), "%d", v->cyear);
	pair(ws, &row, "compare_year", v->cyear > 0 ? b : "", f);
	cli_engine_describe(v->e, &sb);
	pair(ws, &row, "method", sb.buf, f);
	sbuf_release(&sb);
	if ((gap = cli_gap_text(v->e->fw, v->rep, v->year, 0)) != NULL)
		pair(ws, &row, "note", gap, f);
	free(gap);
	for (int k = 0; k < CIDX_MK_N; k++) {
		cidx_method_text(m, (enum cidx_mkey)k, b, sizeof(b));
		pair(ws, &row, cidx_method_items[k].member, b, f);
	}
	pair(ws, &row, "tiers", v->ts->text, f);
	snprintf(b, sizeof(b), "%zu", v->top);
	pair(ws, &row, "top", b, f);
	if (v->mv)
		pair(ws, &row, "movement basis", v->mv->basis ==
		    CIDX_BASIS_SAME ? "same indicators" : v->mv->basis ==
		    CIDX_BASIS_COMMON ? "indicators with data in both years" :
		    v->mv->why, f);
	pair(ws, &row, "framework_sha256", fw->checksum, f);
	row++;
	worksheet_write_string(ws, row, 0, "weights", f->head);
	worksheet_write_string(ws, row, 1, "parent", f->head);
	worksheet_write_string(ws, row, 2, "weight", f->head);
	row++;
	for (size_t k = 0; k < fw->n; k++) {
		if (fw->node[k].level == 0)
			continue;
		worksheet_write_string(ws, row, 0, fw->node[k].code, NULL);
		worksheet_write_string(ws, row, 1, fw->node[k].parent ?
		    fw->node[k].parent : "", NULL);
		worksheet_write_number(ws, row, 2, w[k], NULL);
		row++;
	}
}

/* SOURCE_DATE_EPOCH, else 1980-01-01 (the zip entries' date): the same
 * file for the same inputs (0 would mean "now" to libxlsxwriter) */
static time_t
creation_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long v;

	if (s && cidx_num_parse_int(s, 1, 253402300799L, &v) == 0)
		return (time_t)v;
	return 315532800;
}

int
rank_write_xlsx(const struct rank_view *v, const char *path)
{
	static char title[] = "cityidx ranking";
	lxw_doc_properties props;
	lxw_workbook *wb;
	lxw_error rc;
	struct fmts f;

	if ((wb = workbook_new(path)) == NULL)
		return cli_error("cannot write '%s'", path);
	memset(&props, 0, sizeof(props));
	props.title = title;
	props.created = creation_time();
	workbook_set_properties(wb, &props);
	f.head = workbook_add_format(wb);
	format_set_bold(f.head);
	format_set_bottom(f.head, LXW_BORDER_THIN);
	/* at least 2 decimals, up to 6 when they matter: readable, and a
	 * converter such as xlsx2csv keeps 6 decimals */
	f.integer = workbook_add_format(wb);
	format_set_num_format(f.integer, "0");
	f.score = workbook_add_format(wb);
	format_set_num_format(f.score, "0.00####");
	f.share = workbook_add_format(wb);
	format_set_num_format(f.share, "0.00##%");
	f.text = workbook_add_format(wb);
	ranking_sheet(wb, v, &f);
	scores_sheet(wb, v, &f);
	method_sheet(wb, v, &f);
	if ((rc = workbook_close(wb)) != LXW_NO_ERROR)
		return cli_error("cannot write '%s': %s", path,
		    lxw_strerror(rc));
	return CLI_OK;
}
