/*
 * doc.c - the A4 report.  Each page is drawn into its own cairo recording
 * surface as it is added; cidx_doc_close() replays them into the PDF and
 * only then draws the footers, when "3 / 12" can be known.  Text flows
 * line by line (pango lines), so a paragraph may continue on the next
 * page; a table measures every cell first to choose its column widths.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "core/mem.h"
#include "plot/doc.h"
#include "plot/plot_int.h"

#define MARGIN 50
#define BODY_FS 10
#define TABLE_FS 8.5
#define CELL_PAD 4
#define MIN_COL (4 * CELL_PAD + TABLE_FS)	/* narrowest useful column */

struct cidx_doc {
	char *path, *font, *footer, *title;
	enum cidx_plot_lang lang;
	char date[32];
	struct sink sink;
	double pw, ph;
	struct cidx_rect body;       /* the content rectangle */
	cairo_surface_t *measure;    /* for the text context */
	cairo_t *mcr;
	struct ptext t;
	cairo_surface_t **pages;
	size_t npages, cap;
	cairo_t *cr;                 /* the page being drawn */
	double y;                    /* where the next line goes */
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
doc_free(struct cidx_doc *doc)
{
	if (doc->cr != NULL)
		cairo_destroy(doc->cr);
	for (size_t i = 0; i < doc->npages; i++)
		cairo_surface_destroy(doc->pages[i]);
	free(doc->pages);
	ptext_close(&doc->t);
	if (doc->mcr != NULL)
		cairo_destroy(doc->mcr);
	if (doc->measure != NULL)
		cairo_surface_destroy(doc->measure);
	free(doc->path);
	free(doc->font);
	free(doc->footer);
	free(doc->title);
	free(doc);
}

int
cidx_doc_open(struct cidx_doc **out, const char *path,
    const struct cidx_plot_opts *o, struct cidx_err *err)
{
	static const struct cidx_plot_opts def = CIDX_PLOT_OPTS_INIT;
	struct cidx_doc *doc;
	enum fmt fmt;
	int rc;

	*out = NULL;
	if (o == NULL)
		o = &def;
	if ((rc = out_format(path, &fmt, err)) < 0)
		return rc;
	if (fmt != FMT_PDF)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': a report is "
		    "written as PDF (.pdf)", path);
	if (!utf8_ok(o->font) || !utf8_ok(o->footer) || !utf8_ok(o->title))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the font, footer "
		    "or title is not valid UTF-8", path);
	doc = xcalloc(1, sizeof(*doc));
	doc->pw = o->width != 0 ? o->width : 595;
	doc->ph = o->height != 0 ? o->height : 842;
	if (!(doc->pw >= 200 && doc->pw <= 14400 && doc->ph >= 200 &&
	    doc->ph <= 14400)) {
		free(doc);
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the page must be "
		    "200 to 14400 points each way", path);
	}
	doc->path = xstrdup(path);
	doc->font = xstrdup(o->font != NULL && *o->font ? o->font :
	    CIDX_PLOT_FONT);
	doc->footer = dup_or_null(o->footer);
	doc->title = dup_or_null(o->title);
	doc->lang = o->lang;
	doc->body.x = MARGIN;
	doc->body.y = MARGIN;
	doc->body.w = doc->pw - 2 * MARGIN;
	doc->body.h = doc->ph - 2 * MARGIN;
	doc->measure = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, NULL);
	doc->mcr = cairo_create(doc->measure);
	if ((rc = out_date(doc->date, err)) < 0 ||
	    (rc = ptext_open(&doc->t, doc->mcr, doc->font, doc->lang,
	    err)) < 0 ||
	    (rc = sink_open(&doc->sink, doc->path, 0, err)) < 0) {
		doc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

size_t
cidx_doc_pages(const struct cidx_doc *doc)
{
	return doc != NULL ? doc->npages : 0;
}

static void
page_new(struct cidx_doc *doc)
{
	cairo_rectangle_t ext = { 0, 0, doc->pw, doc->ph };
	cairo_surface_t *rec;

	rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	ALLOC_GROW(doc->pages, doc->npages + 1, doc->cap);
	doc->pages[doc->npages++] = rec;
	if (doc->cr != NULL)
		cairo_destroy(doc->cr);
	doc->cr = cairo_create(rec);
	doc->t.cr = doc->cr;
	doc->y = doc->body.y;
}

/* ends the call's drawing; on a cairo error drops the pages from `first` */
static int
pages_done(struct cidx_doc *doc, size_t first, struct cidx_err *err)
{
	cairo_status_t st = CAIRO_STATUS_SUCCESS;

	if (doc->cr != NULL) {
		st = cairo_status(doc->cr);
		cairo_destroy(doc->cr);
		doc->cr = NULL;
	}
	doc->t.cr = doc->mcr;
	for (size_t i = first; i < doc->npages && st == 0; i++)
		st = cairo_surface_status(doc->pages[i]);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	while (doc->npages > first)
		cairo_surface_destroy(doc->pages[--doc->npages]);
	return cidx_err_set(err, CIDX_ERROR, "'%s': cairo: %s", doc->path,
	    cairo_status_to_string(st));
}

static double
bottom(const struct cidx_doc *doc)
{
	return doc->body.y + doc->body.h;
}

/* flows the current layout of doc->t line by line from doc->y at x */
static void
flow(struct cidx_doc *doc, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(doc->t.lay);

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle lr;
		double base, lh;

		pango_layout_iter_get_line_extents(it, NULL, &lr);
		base = (double)(pango_layout_iter_get_baseline(it) - lr.y) /
		    PANGO_SCALE;
		lh = (double)lr.height / PANGO_SCALE;
		if (doc->y + lh > bottom(doc) && doc->y > doc->body.y)
			page_new(doc);
		cairo_move_to(doc->cr, x + (double)lr.x / PANGO_SCALE,
		    doc->y + base);
		pango_cairo_show_layout_line(doc->cr, line);
		doc->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
heading(struct cidx_doc *doc, const char *text, double size)
{
	ptext_font(&doc->t, size, 1, 0);
	ptext_wrap(&doc->t, text, doc->body.w, 0);
	cairo_set_source_rgb(doc->cr, 0.08, 0.08, 0.08);
	flow(doc, doc->body.x);
	doc->y += size * 0.6;
}

static void
paragraphs(struct cidx_doc *doc, const struct cidx_doc_para *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = p[i].text ? p[i].text : "";

		switch (p[i].kind) {
		case CIDX_PARA_HEADING:
			doc->y += BODY_FS * 0.4;
			heading(doc, s, BODY_FS * 1.2);
			break;
		case CIDX_PARA_FORMULA:
			ptext_font(&doc->t, BODY_FS, 0, 1);
			ptext_wrap(&doc->t, s, doc->body.w - 2 * 24, 0);
			cairo_set_source_rgb(doc->cr, 0.1, 0.1, 0.1);
			doc->y += BODY_FS * 0.2;
			flow(doc, doc->body.x + 24);
			doc->y += BODY_FS * 0.8;
			break;
		default:
			ptext_font(&doc->t, BODY_FS, 0, 0);
			ptext_wrap(&doc->t, s, doc->body.w, 0);
			cairo_set_source_rgb(doc->cr, 0.1, 0.1, 0.1);
			flow(doc, doc->body.x);
			doc->y += BODY_FS * 0.6;
			break;
		}
	}
}

/* the document, the heading and the paragraphs of a call */
static int
check_call(const struct cidx_doc *doc, const char *head,
    const struct cidx_doc_para *p, size_t n, struct cidx_err *err)
{
	if (doc == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report: not open");
	if (!utf8_ok(head))
		return cidx_err_set(err, CIDX_EINVAL, "report: a heading is "
		    "not valid UTF-8");
	if (n > 0 && p == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report: no paragraphs");
	for (size_t i = 0; i < n; i++) {
		if (p[i].kind < CIDX_PARA_TEXT || p[i].kind > CIDX_PARA_HEADING)
			return cidx_err_set(err, CIDX_EINVAL, "report: "
			    "paragraph %zu: unknown kind %d", i + 1,
			    (int)p[i].kind);
		if (!utf8_ok(p[i].text))
			return cidx_err_set(err, CIDX_EINVAL, "report: "
			    "paragraph %zu is not valid UTF-8", i + 1);
	}
	return 0;
}

int
cidx_doc_title_page(struct cidx_doc *doc, const char *title,
    const char *subtitle, const char *edition,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err)
{
	size_t first;
	int rc;

	if ((rc = check_call(doc, title, paras, n, err)) < 0)
		return rc;
	if (!utf8_ok(subtitle) || !utf8_ok(edition))
		return cidx_err_set(err, CIDX_EINVAL, "report: the subtitle or "
		    "edition is not valid UTF-8");
	first = doc->npages;
	page_new(doc);
	doc->y = doc->body.y + doc->body.h * 0.16;
	if (title != NULL) {
		ptext_font(&doc->t, 24, 1, 0);
		ptext_wrap(&doc->t, title, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.03, 0.11, 0.35);
		flow(doc, doc->body.x);
		doc->y += 10;
	}
	if (subtitle != NULL) {
		ptext_font(&doc->t, 14, 0, 0);
		ptext_wrap(&doc->t, subtitle, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.25, 0.25, 0.25);
		flow(doc, doc->body.x);
		doc->y += 6;
	}
	if (edition != NULL) {
		ptext_font(&doc->t, 11, 0, 0);
		ptext_wrap(&doc->t, edition, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.4, 0.4, 0.4);
		flow(doc, doc->body.x);
	}
	doc->y += 18;
	cairo_set_source_rgb(doc->cr, 0.03, 0.11, 0.35);
	cairo_set_line_width(doc->cr, 1.2);
	cairo_move_to(doc->cr, doc->body.x, doc->y);
	cairo_line_to(doc->cr, doc->body.x + doc->body.w, doc->y);
	cairo_stroke(doc->cr);
	doc->y += 22;
	paragraphs(doc, paras, n);
	return pages_done(doc, first, err);
}

int
cidx_doc_text(struct cidx_doc *doc, const char *head,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err)
{
	size_t first;
	int rc;

	if ((rc = check_call(doc, head, paras, n, err)) < 0)
		return rc;
	first = doc->npages;
	page_new(doc);
	if (head != NULL)
		heading(doc, head, BODY_FS * 1.5);
	paragraphs(doc, paras, n);
	return pages_done(doc, first, err);
}

/*
 * Column widths: the content's when the table fits; else the widest
 * columns are cut to a common cap chosen so the total fits (so narrow
 * number columns keep their width), and when even that is not enough,
 * every column shrinks in proportion.
 */
void
doc_col_widths(double *w, size_t n, double avail)
{
	double sum = 0, *s, cap, rest;

	for (size_t j = 0; j < n; j++)
		sum += w[j];
	if (sum <= avail) {
		for (size_t j = 0; j < n; j++)
			w[j] += (avail - sum) * w[j] / sum;
		return;
	}
	s = xcalloc(n, sizeof(*s));
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
			utf8_trim(buf);
			w = fmax(w, ptext_measure(t, buf));
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
	ptext_font(&doc->t, TABLE_FS, 1, 0);
	ptext_wrap(&doc->t, col->header, w - 2 * CELL_PAD, 3);
	if (col->align == CIDX_ALIGN_RIGHT)
		pango_layout_set_alignment(doc->t.lay, PANGO_ALIGN_RIGHT);
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
		ptext_show_top(&doc->t, x + CELL_PAD,
		    doc->y + hh - 2 - ptext_h(&doc->t), AL_LEFT);
		x += w[j];
	}
	doc->y += hh;
	cairo_set_line_width(doc->cr, 0.8);
	cairo_move_to(doc->cr, doc->body.x, doc->y);
	cairo_line_to(doc->cr, doc->body.x + doc->body.w, doc->y);
	cairo_stroke(doc->cr);
}

int
cidx_doc_table(struct cidx_doc *doc, const char *head,
    const struct cidx_doc_col *cols, size_t nc, const char *const *cells,
    size_t nrows, struct cidx_err *err)
{
	size_t first;
	double *w, rh, hh = 0;
	struct sbuf cont = SBUF_INIT;
	int rc;

	if ((rc = check_call(doc, head, NULL, 0, err)) < 0)
		return rc;
	if (nc == 0 || cols == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report table: no "
		    "columns");
	if (nrows > 0 && cells == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report table: no "
		    "cells");
	for (size_t j = 0; j < nc; j++)
		if (name_check("report table: column", j + 1, cols[j].header,
		    err) < 0)
			return CIDX_EINVAL;
	for (size_t i = 0; i < nrows * nc; i++)
		if (!utf8_ok(cells[i]))
			return cidx_err_set(err, CIDX_EINVAL, "report table: row "
			    "%zu, column %zu is not valid UTF-8", i / nc + 1,
			    i % nc + 1);
	first = doc->npages;

	/* natural widths from every cell and the header's widest word */
	w = xcalloc(nc, sizeof(*w));
	ptext_font(&doc->t, TABLE_FS, 1, 0);
	for (size_t j = 0; j < nc; j++)
		w[j] = widest_word(&doc->t, cols[j].header);
	ptext_font(&doc->t, TABLE_FS, 0, 0);
	rh = ptext_h(&doc->t) + 3;
	for (size_t i = 0; i < nrows; i++)
		for (size_t j = 0; j < nc; j++) {
			const char *s = cells[i * nc + j];

			if (s != NULL && *s != '\0')
				w[j] = fmax(w[j], ptext_measure(&doc->t, s));
		}
	for (size_t j = 0; j < nc; j++)
		w[j] += 2 * CELL_PAD;
	doc_col_widths(w, nc, doc->body.w);
	for (size_t j = 0; j < nc; j++) {
		header_layout(doc, &cols[j], w[j]);
		hh = fmax(hh, ptext_h(&doc->t) + 4);
	}

	page_new(doc);
	if (head != NULL) {
		heading(doc, head, BODY_FS * 1.5);
		sbuf_addf(&cont, "%s%s", head, word(doc->lang, W_CONTINUED));
	}
	table_header(doc, cols, nc, w, hh);
	for (size_t i = 0; i < nrows; i++) {
		double x = doc->body.x;

		if (doc->y + rh > bottom(doc)) {
			cairo_set_line_width(doc->cr, 0.8);
			cairo_move_to(doc->cr, doc->body.x, doc->y);
			cairo_line_to(doc->cr, doc->body.x + doc->body.w,
			    doc->y);
			cairo_stroke(doc->cr);
			page_new(doc);
			if (head != NULL)
				heading(doc, cont.buf, BODY_FS * 1.5);
			table_header(doc, cols, nc, w, hh);
		}
		if (i % 2 == 1) {
			cairo_set_source_rgb(doc->cr, 0.95, 0.95, 0.95);
			cairo_rectangle(doc->cr, doc->body.x, doc->y,
			    doc->body.w, rh);
			cairo_fill(doc->cr);
		}
		ptext_font(&doc->t, TABLE_FS, 0, 0);
		cairo_set_source_rgb(doc->cr, 0.08, 0.08, 0.08);
		for (size_t j = 0; j < nc; j++) {
			const char *s = cells[i * nc + j];

			ptext_line(&doc->t, s, w[j] - 2 * CELL_PAD);
			if (cols[j].align == CIDX_ALIGN_RIGHT)
				ptext_show(&doc->t, x + w[j] - CELL_PAD,
				    ptext_mid(&doc->t, doc->y + rh / 2),
				    AL_RIGHT);
			else
				ptext_show(&doc->t, x + CELL_PAD,
				    ptext_mid(&doc->t, doc->y + rh / 2),
				    AL_LEFT);
			x += w[j];
		}
		doc->y += rh;
	}
	cairo_set_source_rgb(doc->cr, 0.05, 0.05, 0.05);
	cairo_set_line_width(doc->cr, 0.8);
	cairo_move_to(doc->cr, doc->body.x, doc->y);
	cairo_line_to(doc->cr, doc->body.x + doc->body.w, doc->y);
	cairo_stroke(doc->cr);
	sbuf_release(&cont);
	free(w);
	return pages_done(doc, first, err);
}

int
cidx_doc_chart(struct cidx_doc *doc, const struct cidx_chart *c,
    const char *title, const char *note, struct cidx_err *err)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	size_t first;
	int rc;

	if ((rc = check_call(doc, title, NULL, 0, err)) < 0 ||
	    (rc = chart_check(c, err)) < 0)
		return rc;
	first = doc->npages;
	o.font = doc->font;
	o.lang = doc->lang;
	o.title = title;
	o.footer = note;
	page_new(doc);
	rc = cidx_plot_draw(doc->cr, &doc->body, c, &o, err);
	if (rc < 0) {
		pages_done(doc, first, NULL);
		while (doc->npages > first)
			cairo_surface_destroy(doc->pages[--doc->npages]);
		return rc;
	}
	return pages_done(doc, first, err);
}

/* the footer: the note at the left, "3 / 12" at the right */
static void
footer(struct cidx_doc *doc, cairo_t *cr, size_t page)
{
	char a[32], b[32], num[80];
	double y = doc->ph - MARGIN + 26;

	doc->t.cr = cr;
	fmt_num(a, sizeof(a), (double)page, 0);
	fmt_num(b, sizeof(b), (double)doc->npages, 0);
	snprintf(num, sizeof(num), "%s / %s", a, b);
	ptext_font(&doc->t, 8, 0, 0);
	ptext_line(&doc->t, num, 0);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	ptext_show(&doc->t, doc->body.x + doc->body.w, y, AL_RIGHT);
	if (doc->footer != NULL && *doc->footer != '\0') {
		ptext_line(&doc->t, doc->footer, doc->body.w - 60);
		ptext_show(&doc->t, doc->body.x, y, AL_LEFT);
	}
	cairo_set_line_width(cr, 0.5);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_move_to(cr, doc->body.x, y - 12);
	cairo_line_to(cr, doc->body.x + doc->body.w, y - 12);
	cairo_stroke(cr);
}

int
cidx_doc_close(struct cidx_doc *doc, struct cidx_err *err)
{
	cairo_surface_t *pdf;
	cairo_status_t st;
	cairo_t *cr;
	int rc = 0;

	if (doc == NULL)
		return 0;
	pdf = cairo_pdf_surface_create_for_stream(sink_write, &doc->sink,
	    doc->pw, doc->ph);
	pdf_metadata(pdf, doc->date, doc->title);
	cr = cairo_create(pdf);
	if (doc->npages == 0) {
		page_new(doc);
		pages_done(doc, 0, NULL);
	}
	for (size_t i = 0; i < doc->npages; i++) {
		cairo_set_source_surface(cr, doc->pages[i], 0, 0);
		cairo_paint(cr);
		footer(doc, cr, i + 1);
		cairo_show_page(cr);
	}
	doc->t.cr = doc->mcr;
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	st = cairo_surface_status(pdf);
	cairo_surface_destroy(pdf);
	if (st != CAIRO_STATUS_SUCCESS) {
		if (doc->sink.errnum != 0)
			rc = cidx_err_set(err, CIDX_EIO, "cannot write '%s': "
			    "%s", doc->path, strerror(doc->sink.errnum));
		else
			rc = cidx_err_set(err, CIDX_ERROR, "'%s': cairo: %s",
			    doc->path, cairo_status_to_string(st));
	}
	if (sink_close(&doc->sink, rc < 0, err) < 0)
		rc = CIDX_EIO;
	doc_free(doc);
	return rc;
}
