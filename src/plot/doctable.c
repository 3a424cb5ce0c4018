/*
 * doctable.c - the report's tables (doc.h): every cell measured first to
 * choose the column widths, rows paginated with the header repeated.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "plot/doc.h"
#include "plot/doc_int.h"

/*
 * Column widths: the content's when the table fits; else the widest
 * columns are cut to a common cap chosen so the total fits (so narrow
 * number columns keep their width), and when even that is not enough,
 * every column shrinks in proportion.
 */
void
cidx_doc_col_widths(double *w, size_t n, double avail)
{
	double sum = 0, *s, cap, rest;

	for (size_t j = 0; j < n; j++)
		sum += w[j];
	if (sum <= avail) {
		for (size_t j = 0; j < n; j++)
			w[j] += (avail - sum) * w[j] / sum;
		return;
	}
	s = cidx_xcalloc(n, sizeof(*s));
	memcpy(s, w, n * sizeof(*s));
	for (size_t i = 1; i < n; i++)	/* insertion sort: n is small */
		for (size_t j = i; j > 0 && s[j - 1] > s[j]; j--) {
			double t = s[j];

			s[j] = s[j - 1];
			s[j - 1] = t;
		}
	cap = 0;
	rest = avail;
	for (size_t i = 0; i < n; i++) {
		/* columns i.. share what is left */
		double c = rest / (double)(n - i);

		if (s[i] >= c) {
			cap = c;
			break;
		}
		rest -= s[i];
		cap = s[i];
	}
	free(s);
	if (cap < MIN_COL) {
		for (size_t j = 0; j < n; j++)
			w[j] *= avail / sum;
		return;
	}
	for (size_t j = 0; j < n; j++)
		w[j] = fmin(w[j], cap);
}

/* the widest word of s: a header may wrap between words, not inside */
static double
widest_word(struct ptext *t, const char *s)
{
	double w = 0;
	char buf[256];

	while (*s != '\0') {
		size_t n = strcspn(s, " ");

		if (n > 0) {
			snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
			cidx_plot_utf8_trim(buf);
			w = fmax(w, cidx_ptext_measure(t, buf));
		}
		s += n + (s[n] == ' ');
	}
	return w;
}

/* header text wrapped in its column, up to 3 lines */
static void
header_layout(struct cidx_doc *doc, const struct cidx_doc_col *col,
    double w)
{
	cidx_ptext_font(&doc->t, TABLE_FS, 1, 0);
	cidx_ptext_wrap(&doc->t, col->header, w - 2 * CELL_PAD, 3);
	if (col->align == CIDX_ALIGN_RIGHT)
		pango_layout_set_alignment(doc->t.lay, PANGO_ALIGN_RIGHT);
}

/* a rule across the body at doc->y, in the current colour */
static void
rule(struct cidx_doc *doc)
{
	cairo_set_line_width(doc->cr, 0.8);
	cairo_move_to(doc->cr, doc->body.x, doc->y);
	cairo_line_to(doc->cr, doc->body.x + doc->body.w, doc->y);
	cairo_stroke(doc->cr);
}

/* headers sit on the rule under them, as the cells line up below */
static void
table_header(struct cidx_doc *doc, const struct cidx_doc_col *cols,
    size_t nc, const double *w, double hh)
{
	double x = doc->body.x;

	cairo_set_source_rgb(doc->cr, 0.05, 0.05, 0.05);
	for (size_t j = 0; j < nc; j++) {
		header_layout(doc, &cols[j], w[j]);
		cidx_ptext_show_top(&doc->t, x + CELL_PAD,
		    doc->y + hh - 2 - cidx_ptext_h(&doc->t), AL_LEFT);
		x += w[j];
	}
	doc->y += hh;
	rule(doc);
}

/* a table the report can draw: columns with valid headers, a cell for
 * each, every cell NULL or valid UTF-8 */
static int
table_check(const struct cidx_doc_col *cols, size_t nc,
    const char *const *cells, size_t nrows, struct cidx_err *err)
{
	if (nc == 0 || cols == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report table: no "
		    "columns");
	if (nrows > 0 && cells == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report table: no "
		    "cells");
	for (size_t j = 0; j < nc; j++)
		if (cidx_plot_name_check("report table: column", j + 1,
		    cols[j].header, err) < 0)
			return CIDX_EINVAL;
	for (size_t i = 0; i < nrows * nc; i++)
		if (!cidx_plot_utf8_ok(cells[i]))
			return cidx_err_set(err, CIDX_EINVAL, "report table: "
			    "row %zu, column %zu is not valid UTF-8",
			    i / nc + 1, i % nc + 1);
	return 0;
}

/* the widths of the columns (the natural ones, from every cell and the
 * header's widest word, fitted to the body), the height of a row and of
 * the header */
static void
measure(struct cidx_doc *doc, const struct cidx_doc_col *cols, size_t nc,
    const char *const *cells, size_t nrows, double *w, double *row_h,
    double *head_h)
{
	cidx_ptext_font(&doc->t, TABLE_FS, 1, 0);
	for (size_t j = 0; j < nc; j++)
		w[j] = widest_word(&doc->t, cols[j].header);
	cidx_ptext_font(&doc->t, TABLE_FS, 0, 0);
	*row_h = cidx_ptext_h(&doc->t) + 3;
	for (size_t i = 0; i < nrows; i++)
		for (size_t j = 0; j < nc; j++) {
			const char *s = cells[i * nc + j];

			if (s != NULL && *s != '\0')
				w[j] = fmax(w[j],
				    cidx_ptext_measure(&doc->t, s));
		}
	for (size_t j = 0; j < nc; j++)
		w[j] += 2 * CELL_PAD;
	cidx_doc_col_widths(w, nc, doc->body.w);
	*head_h = 0;
	for (size_t j = 0; j < nc; j++) {
		header_layout(doc, &cols[j], w[j]);
		*head_h = fmax(*head_h, cidx_ptext_h(&doc->t) + 4);
	}
}

/* a left-aligned cell (a name) too wide for its column wraps, up to
 * CELL_LINES lines, instead of being cut: *h its height */
#define CELL_LINES 3

static int
cell_wraps(struct cidx_doc *doc, const struct cidx_doc_col *col,
    const char *s, double w, double *h)
{
	if (col->align == CIDX_ALIGN_RIGHT || s == NULL || *s == '\0' ||
	    cidx_ptext_measure(&doc->t, s) <= w - 2 * CELL_PAD)
		return 0;
	cidx_ptext_wrap(&doc->t, s, w - 2 * CELL_PAD, CELL_LINES);
	*h = cidx_ptext_h(&doc->t);
	return 1;
}

/* the height of a row: one line, or the tallest wrapped cell's */
static double
row_height(struct cidx_doc *doc, const struct cidx_doc_col *cols, size_t nc,
    const char *const *cell, const double *w, double row_h)
{
	double h, rh = row_h;

	cidx_ptext_font(&doc->t, TABLE_FS, 0, 0);
	for (size_t j = 0; j < nc; j++)
		if (cell_wraps(doc, &cols[j], cell[j], w[j], &h))
			rh = fmax(rh, h + 3);
	return rh;
}

/* row i of the table at doc->y, every other one shaded */
static void
table_row(struct cidx_doc *doc, const struct cidx_doc_col *cols, size_t nc,
    const char *const *cell, const double *w, double row_h, size_t i)
{
	double x = doc->body.x, mid = doc->y + row_h / 2, h;

	if (i % 2 == 1) {
		cairo_set_source_rgb(doc->cr, 0.95, 0.95, 0.95);
		cairo_rectangle(doc->cr, doc->body.x, doc->y, doc->body.w,
		    row_h);
		cairo_fill(doc->cr);
	}
	cidx_ptext_font(&doc->t, TABLE_FS, 0, 0);
	cairo_set_source_rgb(doc->cr, 0.08, 0.08, 0.08);
	for (size_t j = 0; j < nc; j++) {
		if (cell_wraps(doc, &cols[j], cell[j], w[j], &h)) {
			doc->n_cut += pango_layout_is_ellipsized(doc->t.lay) !=
			    0;
			cidx_ptext_show_top(&doc->t, x + CELL_PAD,
			    mid - h / 2, AL_LEFT);
			x += w[j];
			continue;
		}
		cidx_ptext_line(&doc->t, cell[j], w[j] - 2 * CELL_PAD);
		doc->n_cut += pango_layout_is_ellipsized(doc->t.lay) != 0;
		if (cols[j].align == CIDX_ALIGN_RIGHT)
			cidx_ptext_show(&doc->t, x + w[j] - CELL_PAD,
			    cidx_ptext_mid(&doc->t, mid), AL_RIGHT);
		else
			cidx_ptext_show(&doc->t, x + CELL_PAD,
			    cidx_ptext_mid(&doc->t, mid), AL_LEFT);
		x += w[j];
	}
}

int
cidx_doc_table(struct cidx_doc *doc, const char *head,
    const struct cidx_doc_col *cols, size_t nc, const char *const *cells,
    size_t nrows, struct cidx_err *err)
{
	size_t first;
	double *w, row_h, head_h;
	struct sbuf cont = SBUF_INIT;
	int rc;

	if ((rc = cidx_doc_check_call(doc, head, NULL, 0, err)) < 0 ||
	    (rc = table_check(cols, nc, cells, nrows, err)) < 0)
		return rc;
	first = doc->npages;
	w = cidx_xcalloc(nc, sizeof(*w));
	measure(doc, cols, nc, cells, nrows, w, &row_h, &head_h);

	cidx_doc_page_start(doc, head_h + 3 * row_h + BODY_FS * 3);
	if (head != NULL) {
		cidx_doc_heading(doc, head, BODY_FS * 1.5);
		cidx_sbuf_addf(&cont, "%s%s", head,
		    cidx_plot_word(doc->lang, W_CONTINUED));
	}
	table_header(doc, cols, nc, w, head_h);
	for (size_t i = 0; i < nrows; i++) {
		double rh = row_height(doc, cols, nc, cells + i * nc, w, row_h);

		/* a full page: the rule under it, the header again */
		if (doc->y + rh > cidx_doc_bottom(doc)) {
			rule(doc);
			cidx_doc_page_new(doc);
			if (head != NULL)
				cidx_doc_heading(doc, cont.buf, BODY_FS * 1.5);
			table_header(doc, cols, nc, w, head_h);
		}
		table_row(doc, cols, nc, cells + i * nc, w, rh, i);
		doc->y += rh;
	}
	cairo_set_source_rgb(doc->cr, 0.05, 0.05, 0.05);
	rule(doc);
	cidx_sbuf_release(&cont);
	free(w);
	return cidx_doc_pages_done(doc, first, err);
}

size_t
cidx_doc_cut_cells(const struct cidx_doc *doc)
{
	return doc->n_cut;
}
