/*
 * xlsxout.c - rank --format xlsx: a workbook an analyst hands on
 * (cityidx(1), OUTPUT FORMATS).  Sheet "ranking" holds the cells of the
 * CSV output (the same grid), numbers as numbers with display formats
 * and a frozen header; "scores" the score of every node for every
 * ranked unit; "method" how the ranking was made.  The file is the same
 * for the same inputs: its creation date is SOURCE_DATE_EPOCH, or fixed.
 *
 * Nothing is dropped: a table wider or longer than a sheet is refused
 * before the file is opened, a text longer than a cell is refused naming
 * the cell, and every call of libxlsxwriter is checked.  The workbook is
 * written to a temporary file (core/ofile.h) that replaces the old one
 * only when it is complete.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "calc/effweight.h"
#include "cli/textout.h"
#include "cli/rankout.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/ofile.h"
#include "version.h"
#include "ws/methodwords.h"

/* Excel's limits: characters (UTF-16 code units) in a cell, and the
 * size of a sheet (LXW_ROW_MAX, LXW_COL_MAX) */
#define CELL_TEXT_MAX 32767

struct fmts {
	lxw_format *head, *integer, *score, *share, *text;
};

/* a workbook being written: the first error is printed, and every call
 * after it does nothing */
struct xw {
	const char *path;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	const char *sheet;
	int failed;
	struct sbuf text, cell; /* the text shown, and as libxlsxwriter
				 * gets it */
};

static void fail(struct xw *x, lxw_row_t row, lxw_col_t col,
    const char *unit, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* `unit` names the unit of the row, for the message, or is NULL */
static void
fail(struct xw *x, lxw_row_t row, lxw_col_t col, const char *unit,
    const char *fmt, ...)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH], why[160];
	va_list ap;

	if (x->failed)
		return;
	x->failed = 1;
	lxw_rowcol_to_cell(cell, row, col);
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	cli_error("cannot write '%s': %s!%s%s%s%s: %s", x->path, x->sheet,
	    cell, unit ? " (unit '" : "", unit ? unit : "", unit ? "')" : "",
	    why);
}

static int
add_sheet(struct xw *x, const char *name)
{
	if (x->failed)
		return -1;
	x->sheet = name;
	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		x->failed = 1;
		cli_error("cannot write '%s': cannot add the sheet '%s'",
		    x->path, name);
		return -1;
	}
	return 0;
}

/*
 * The text of a cell: valid UTF-8, control characters shown (as in the
 * CSV), and "_xHHHH_", which Excel reads as the character U+HHHH, made
 * literal by writing its underscore as _x005F_ (ECMA-376 Part 1, 22.9.2.19
 * ST_Xstring; libxlsxwriter 1.1.4 leaves it as it is).  @return the
 * length Excel counts: UTF-16 code units of the text shown.
 */
static size_t
cell_text(struct xw *x, const char *s)
{
	const unsigned char *p;
	size_t n = 0;

	cidx_sbuf_reset(&x->text);
	cidx_sbuf_reset(&x->cell);
	out_cell_text(&x->text, s);
	for (p = (const unsigned char *)x->text.buf; *p; p++) {
		if ((*p & 0xc0) != 0x80)
			n += *p >= 0xf0 ? 2 : 1;
		if (p[0] == '_' && (p[1] == 'x' || p[1] == 'X') &&
		    strspn((const char *)p + 2, "0123456789abcdefABCDEF") >= 4 &&
		    p[6] == '_')
			cidx_sbuf_adds(&x->cell, "_x005F_");
		else
			cidx_sbuf_addc(&x->cell, (char)*p);
	}
	return n;
}

static void
put_text(struct xw *x, lxw_row_t row, lxw_col_t col, const char *s,
    lxw_format *f, const char *unit)
{
	size_t n;
	lxw_error rc;

	if (x->failed || s == NULL)
		return;
	if ((n = cell_text(x, s)) > CELL_TEXT_MAX)
		fail(x, row, col, unit, "a text of %zu characters; an Excel "
		    "cell holds at most %d (csv and json keep it whole)", n,
		    CELL_TEXT_MAX);
	else if ((rc = worksheet_write_string(x->ws, row, col, x->cell.buf,
	    f)) != LXW_NO_ERROR)
		fail(x, row, col, unit, "%s", lxw_strerror(rc));
}

/* a missing or infinite number is an empty cell */
static void
put_num(struct xw *x, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
	lxw_error rc;

	if (x->failed || !isfinite(v))
		return;
	if ((rc = worksheet_write_number(x->ws, row, col, v, f)) !=
	    LXW_NO_ERROR)
		fail(x, row, col, NULL, "%s", lxw_strerror(rc));
}

static void
set_cols(struct xw *x, lxw_col_t first, lxw_col_t last, double width,
    lxw_format *f)
{
	lxw_error rc;

	if (x->failed)
		return;
	if ((rc = worksheet_set_column(x->ws, first, last, width, f)) !=
	    LXW_NO_ERROR)
		fail(x, 0, first, NULL, "%s", lxw_strerror(rc));
}

/* a word of the workbook: with --lang the catalogue's (core/msg.h),
 * else the English key it always had */
static const char *
xw(const struct rank_view *v, enum cidx_msg_id id, const char *key)
{
	return v->words ? cidx_msg(v->english ? CIDX_LANG_EN : CIDX_LANG_ZH,
	    id) : key;
}

/* a column of the ranking grid (ws/rankgrid.c) in words */
static const char *
col_word(const struct rank_view *v, const char *key)
{
	static const struct { const char *key; enum cidx_msg_id id; } w[] = {
		{ "rank", CIDX_MSG_RANK }, { "code", CIDX_MSG_XL_CODE },
		{ "name", CIDX_MSG_XL_NAME }, { "name_en", CIDX_MSG_XL_NAME_EN },
		{ "score", CIDX_MSG_SCORE }, { "relative", CIDX_MSG_XL_RELATIVE },
		{ "growth", CIDX_MSG_XL_GROWTH }, { "tier", CIDX_MSG_XL_TIER },
		{ "coverage", CIDX_MSG_XL_COVERAGE },
		{ "basis_rank", CIDX_MSG_XL_BASIS_RANK },
		{ "prev_rank", CIDX_MSG_XL_PREV_RANK },
		{ "rank_common_prev", CIDX_MSG_XL_COMMON_PREV },
		{ "rank_common_now", CIDX_MSG_XL_COMMON_NOW },
		{ "rank_change", CIDX_MSG_XL_CHANGE },
		{ "coverage_prev", CIDX_MSG_XL_COVERAGE_PREV },
	};

	for (size_t i = 0; v->words && i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(key, w[i].key) == 0)
			return xw(v, w[i].id, key);
	return key;
}

static void
ranking_sheet(struct xw *x, const struct rank_view *v,
    const struct cidx_ws_grid *g, const struct fmts *f)
{
	lxw_error rc;

	if (add_sheet(x, xw(v, CIDX_MSG_XL_RANKING, "ranking")) < 0)
		return;
	for (size_t c = 0; c < g->ncols; c++) {
		lxw_format *cf = g->col[c].kind == CIDX_WS_CELL_INT ? f->integer :
		    g->col[c].kind == CIDX_WS_CELL_SHARE ? f->share :
		    g->col[c].kind == CIDX_WS_CELL_NUM ? f->score : f->text;
		double width = g->col[c].kind == CIDX_WS_CELL_TEXT ? 16 : 10;

		put_text(x, 0, (lxw_col_t)c, col_word(v, g->col[c].name),
		    f->head, NULL);
		set_cols(x, (lxw_col_t)c, (lxw_col_t)c, width, cf);
	}
	for (size_t p = 0; p < g->nrows; p++) {
		const char *unit = v->ds->unit[v->r->order[p]].code;
		lxw_row_t row = (lxw_row_t)(p + 1);

		for (size_t c = 0; c < g->ncols && !x->failed; c++) {
			const char *t = g->text[p * g->ncols + c];

			if (g->col[c].kind == CIDX_WS_CELL_TEXT && t && *t)
				put_text(x, row, (lxw_col_t)c, t, NULL, unit);
			else if (g->col[c].kind != CIDX_WS_CELL_TEXT)
				put_num(x, row, (lxw_col_t)c,
				    g->num[p * g->ncols + c], NULL);
		}
	}
	if (x->failed)
		return;
	worksheet_freeze_panes(x->ws, 1, 3);
	if ((rc = worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)g->nrows,
	    (lxw_col_t)(g->ncols - 1))) != LXW_NO_ERROR)
		fail(x, 0, 0, NULL, "%s", lxw_strerror(rc));
}

/* every node's score (normalised value for indicators), ranked units */
static void
scores_sheet(struct xw *x, const struct rank_view *v, const struct fmts *f)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	lxw_col_t c = 2;

	if (add_sheet(x, xw(v, CIDX_MSG_XL_SCORES, "scores")) < 0)
		return;
	put_text(x, 0, 0, xw(v, CIDX_MSG_XL_CODE, "code"), f->head, NULL);
	put_text(x, 0, 1, xw(v, CIDX_MSG_XL_NAME, "name"), f->head, NULL);
	put_text(x, 1, 0, xw(v, CIDX_MSG_XL_NODE_NAME, "(node name)"), f->text,
	    NULL);
	set_cols(x, 0, 1, 16, NULL);
	for (size_t k = 0; k < fw->n && !x->failed; k++) {
		const struct cidx_node *nd = &fw->node[k];

		if (nd->level == 0)
			continue;
		put_text(x, 0, c, nd->code, f->head, NULL);
		put_text(x, 1, c, v->words && !v->english && nd->name_zh ?
		    nd->name_zh : nd->name_en ? nd->name_en : nd->name_zh,
		    f->text, NULL);
		set_cols(x, c, c, 12, f->score);
		for (size_t p = 0; p < r->n_ranked; p++)
			put_num(x, (lxw_row_t)(p + 2), c,
			    gsl_matrix_get(r->s, r->order[p], k), NULL);
		c++;
	}
	for (size_t p = 0; p < r->n_ranked && !x->failed; p++) {
		const struct cidx_unit *u = &v->ds->unit[r->order[p]];

		put_text(x, (lxw_row_t)(p + 2), 0, u->code, NULL, u->code);
		put_text(x, (lxw_row_t)(p + 2), 1, rank_shown_name(v, r->order[p]), NULL,
		    u->code);
	}
	if (!x->failed)
		worksheet_freeze_panes(x->ws, 2, 2);
}

static void
pair(struct xw *x, lxw_row_t *row, const char *key, const char *value,
    const struct fmts *f)
{
	put_text(x, *row, 0, key, f->head, NULL);
	put_text(x, *row, 1, value ? value : "", f->text, NULL);
	(*row)++;
}

/* the weights: as used (relative within the parent), nominal and
 * effective in the year, importance, and the nodes that carry none
 * (cityidx(1), METHOD, Effective weights and importance) */
static void
weight_rows(struct xw *x, lxw_row_t row, const struct rank_view *v,
    const struct fmts *f)
{
	const struct cidx_framework *fw = v->e->fw;
	const double *w = cidx_engine_weights(v->e->eng);
	const char *head[] = { xw(v, CIDX_MSG_M_WEIGHTS, "weights"),
		xw(v, CIDX_MSG_XL_PARENT, "parent"),
		xw(v, CIDX_MSG_XL_WEIGHT, "weight"),
		xw(v, CIDX_MSG_XL_NOMINAL, "nominal"),
		xw(v, CIDX_MSG_XL_EFFECTIVE, "effective"),
		xw(v, CIDX_MSG_XL_IMPORTANCE, "importance"),
		xw(v, CIDX_MSG_XL_NOTE, "note") };
	struct cidx_effweights *ew;

	cidx_effweights_compute(&ew, fw, w, v->r);
	for (lxw_col_t c = 0; c < 7; c++)
		put_text(x, row, c, head[c], f->head, NULL);
	row++;
	for (size_t k = 0; k < fw->n && !x->failed; k++) {
		if (fw->node[k].level == 0)
			continue;
		put_text(x, row, 0, fw->node[k].code, NULL, NULL);
		put_text(x, row, 1, fw->node[k].parent ? fw->node[k].parent :
		    "", NULL, NULL);
		put_num(x, row, 2, w[k], NULL);
		put_num(x, row, 3, ew->nominal[k], NULL);
		put_num(x, row, 4, ew->effective[k], NULL);
		if (!isnan(ew->importance[k]))
			put_num(x, row, 5, ew->importance[k], NULL);
		put_text(x, row, 6, !ew->present[k] ? xw(v,
		    CIDX_MSG_XL_NO_DATA, "no data") :
		    cidx_effweights_weightless(ew, k) ? xw(v,
		    CIDX_MSG_XL_WEIGHT0, "weight 0") : "", NULL, NULL);
		row++;
	}
	cidx_effweights_free(ew);
}

/* the rows of the method sheet before the weights, at most */
#define METHOD_ROWS (12 + CIDX_MK_N)

/* the method sheet with --lang: the method, tiers and basis in words */
static void
method_words(struct xw *x, const struct rank_view *v, const struct fmts *f)
{
	enum cidx_lang lang = v->english ? CIDX_LANG_EN : CIDX_LANG_ZH;
	struct sbuf sb = SBUF_INIT;
	lxw_row_t row = 0;
	char b[40], *gap;

	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_VERSION), CITYIDX_VERSION, f);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_WORKSPACE), v->workspace, f);
	snprintf(b, sizeof(b), "%d", v->year);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_YEAR), b, f);
	if (v->cyear > 0)
		snprintf(b, sizeof(b), "%d", v->cyear);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_COMPARE_YEAR), v->cyear > 0 ?
	    b : "", f);
	cidx_ws_describe_words(v->e->ws, lang, &sb);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_METHOD), sb.buf, f);
	cidx_sbuf_reset(&sb);
	if ((gap = cli_gap_text(v->e->fw, v->rep, v->year, !v->english)))
		pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_NOTE), gap, f);
	free(gap);
	cidx_ws_tier_words(v->ts, lang, &sb);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_TIERS), sb.buf, f);
	cidx_sbuf_release(&sb);
	snprintf(b, sizeof(b), "%zu", v->top);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_TOP), b, f);
	if (v->mv && v->mv->basis != CIDX_BASIS_WITHHELD)
		pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_BASIS), cidx_msg(lang,
		    v->mv->basis == CIDX_BASIS_SAME ? CIDX_MSG_XL_SAME :
		    CIDX_MSG_XL_COMMON), f);
	pair(x, &row, cidx_msg(lang, CIDX_MSG_XL_SHA), v->e->fw->checksum, f);
	weight_rows(x, row + 1, v, f);
}

static void
method_sheet(struct xw *x, const struct rank_view *v, const struct fmts *f)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_method *m = cidx_engine_method(v->e->eng);
	struct sbuf sb = SBUF_INIT;
	lxw_row_t row = 0;
	char b[160], *gap;

	if (add_sheet(x, xw(v, CIDX_MSG_XL_METHOD, "method")) < 0)
		return;
	set_cols(x, 0, 0, 22, NULL);
	set_cols(x, 1, 1, 60, NULL);
	if (v->words) {
		method_words(x, v, f);
		return;
	}
	pair(x, &row, "cityidx", CITYIDX_VERSION, f);
	pair(x, &row, "workspace", v->workspace, f);
	snprintf(b, sizeof(b), "%d", v->year);
	pair(x, &row, "year", b, f);
	if (v->cyear > 0)
		snprintf(b, sizeof(b), "%d", v->cyear);
	pair(x, &row, "compare_year", v->cyear > 0 ? b : "", f);
	cli_engine_describe(v->e, &sb);
	pair(x, &row, "method", sb.buf, f);
	cidx_sbuf_release(&sb);
	if ((gap = cli_gap_text(v->e->fw, v->rep, v->year, 0)) != NULL)
		pair(x, &row, "note", gap, f);
	free(gap);
	for (int k = 0; k < CIDX_MK_N; k++) {
		cidx_method_text(m, (enum cidx_mkey)k, b, sizeof(b));
		pair(x, &row, cidx_method_items[k].member, b, f);
	}
	pair(x, &row, "tiers", v->ts->text, f);
	snprintf(b, sizeof(b), "%zu", v->top);
	pair(x, &row, "top", b, f);
	if (v->mv)
		pair(x, &row, "movement basis", v->mv->basis ==
		    CIDX_BASIS_SAME ? "same indicators" : v->mv->basis ==
		    CIDX_BASIS_COMMON ? "indicators with data in both years" :
		    v->mv->why, f);
	pair(x, &row, "framework_sha256", fw->checksum, f);
	weight_rows(x, row + 1, v, f);
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

/* a sheet of rows x cols cells fits Excel's, or the message says what
 * is too many */
static int
fits(const char *path, const char *sheet, size_t rows, size_t cols,
    const char *hint)
{
	if (cols > LXW_COL_MAX)
		return cli_error("cannot write '%s': sheet '%s' would have %zu "
		    "columns; an Excel sheet holds at most %d%s", path, sheet,
		    cols, LXW_COL_MAX, hint);
	if (rows > LXW_ROW_MAX)
		return cli_error("cannot write '%s': sheet '%s' would have %zu "
		    "rows; an Excel sheet holds at most %d (--format csv has no "
		    "limit)", path, sheet, rows, LXW_ROW_MAX);
	return CLI_OK;
}

/* before anything is written: a unit per row, an attribute, aggregate or
 * node per column */
static int
check_size(const char *path, const struct rank_view *v,
    const struct cidx_ws_grid *g)
{
	const struct cidx_framework *fw = v->e->fw;
	size_t nodes = 0;

	for (size_t k = 0; k < fw->n; k++)
		nodes += fw->node[k].level > 0;
	if (fits(path, "ranking", g->nrows + 1, g->ncols, v->nkeys ?
	    " (--attr shows fewer attributes)" : "") != CLI_OK ||
	    fits(path, "scores", v->r->n_ranked + 2, nodes + 2, "") != CLI_OK ||
	    fits(path, "method", METHOD_ROWS + nodes, 7, "") != CLI_OK)
		return CLI_ERROR;
	return CLI_OK;
}

static lxw_format *
add_format(struct xw *x, const char *num)
{
	lxw_format *f;

	if (x->failed)
		return NULL;
	if ((f = workbook_add_format(x->wb)) == NULL) {
		x->failed = 1;
		cli_error("cannot write '%s': out of memory", x->path);
	} else if (num != NULL) {
		format_set_num_format(f, num);
	}
	return f;
}

static void
workbook(struct xw *x, const struct rank_view *v, const struct cidx_ws_grid *g)
{
	static char title[] = "cityidx ranking";
	lxw_doc_properties props;
	struct fmts f;
	lxw_error rc;

	memset(&props, 0, sizeof(props));
	props.title = title;
	props.created = creation_time();
	if ((rc = workbook_set_properties(x->wb, &props)) != LXW_NO_ERROR) {
		x->failed = 1;
		cli_error("cannot write '%s': %s", x->path, lxw_strerror(rc));
		return;
	}
	if ((f.head = add_format(x, NULL)) != NULL) {
		format_set_bold(f.head);
		format_set_bottom(f.head, LXW_BORDER_THIN);
	}
	/* at least 2 decimals, up to 6 when they matter: readable, and a
	 * converter such as xlsx2csv keeps 6 decimals */
	f.integer = add_format(x, "0");
	f.score = add_format(x, "0.00####");
	f.share = add_format(x, "0.00##%");
	f.text = add_format(x, NULL);
	ranking_sheet(x, v, g, &f);
	scores_sheet(x, v, &f);
	method_sheet(x, v, &f);
}

/*
 * workbook_close() writes the file, and on an error prints its own lines
 * to standard error, naming the temporary file: they are kept from the
 * user, who gets one message naming the output and the system's reason.
 */
static int
close_workbook(lxw_workbook *wb, const char *path)
{
	int saved, null, errnum;
	lxw_error rc;

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	errno = 0;
	rc = workbook_close(wb);
	errnum = errno;
	if (saved >= 0 && null >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	if (rc == LXW_NO_ERROR)
		return CLI_OK;
	if (errnum != 0 && (rc == LXW_ERROR_ZIP_FILE_OPERATION ||
	    rc == LXW_ERROR_CREATING_XLSX_FILE ||
	    rc == LXW_ERROR_CREATING_TMPFILE))
		return cli_error("cannot write '%s': %s", path,
		    strerror(errnum));
	return cli_error("cannot write '%s': %s", path, lxw_strerror(rc));
}

int
rank_write_xlsx(const struct rank_view *v, const char *path)
{
	struct cidx_ofile *of = NULL;
	struct cidx_ws_grid g;
	struct xw x;
	int ret = CLI_ERROR;

	memset(&x, 0, sizeof(x));
	x.path = path;
	x.text = (struct sbuf)SBUF_INIT;
	x.cell = (struct sbuf)SBUF_INIT;
	rank_grid_build(&g, v);
	if (check_size(path, v, &g) != CLI_OK)
		goto out;
	if (cli_output_open(&of, path) != CLI_OK)
		goto out;
	if ((x.wb = workbook_new(cidx_ofile_name(of))) == NULL) {
		cli_error("cannot write '%s'", path);
		goto out;
	}
	workbook(&x, v, &g);
	if (x.failed) {
		lxw_workbook_free(x.wb);
		goto out;
	}
	if (close_workbook(x.wb, path) != CLI_OK)
		goto out;
	ret = CLI_OK;
out:
	if (of != NULL) /* commits only a complete workbook */
		ret = cli_output_close(&of, ret);
	cidx_sbuf_release(&x.text);
	cidx_sbuf_release(&x.cell);
	cidx_ws_grid_release(&g);
	return ret;
}
