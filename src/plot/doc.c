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
#include "plot/doc_int.h"
#include "plot/plot_int.h"


static char *
dup_or_null(const char *s)
{
	return s != NULL ? cidx_xstrdup(s) : NULL;
}

static void
doc_free(struct cidx_doc *doc)
{
	if (doc->cr != NULL)
		cairo_destroy(doc->cr);
	for (size_t i = 0; i < doc->npages; i++)
		cairo_surface_destroy(doc->pages[i]);
	free(doc->pages);
	cidx_ptext_close(&doc->t);
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
	if ((rc = cidx_plot_format(path, &fmt, err)) < 0)
		return rc;
	if (fmt != FMT_PDF)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': a report is "
		    "written as PDF (.pdf)", path);
	if (!cidx_plot_utf8_ok(o->font) || !cidx_plot_utf8_ok(o->footer) ||
	    !cidx_plot_utf8_ok(o->title))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the font, footer "
		    "or title is not valid UTF-8", path);
	doc = cidx_xcalloc(1, sizeof(*doc));
	doc->pw = o->width != 0 ? o->width : 595;
	doc->ph = o->height != 0 ? o->height : 842;
	if (!(doc->pw >= 200 && doc->pw <= CIDX_PLOT_SIZE_MAX &&
	    doc->ph >= 200 && doc->ph <= CIDX_PLOT_SIZE_MAX)) {
		free(doc);
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the page must be "
		    "200 to %d points each way", path, CIDX_PLOT_SIZE_MAX);
	}
	doc->path = cidx_xstrdup(path);
	doc->font = cidx_xstrdup(o->font != NULL && *o->font ? o->font :
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
	if ((rc = cidx_plot_date(doc->date, o->date, err)) < 0 ||
	    (rc = cidx_ptext_open(&doc->t, doc->mcr, doc->font, doc->lang,
	    err)) < 0 ||
	    (rc = cidx_sink_open(&doc->sink, doc->path, o->workspace, 0,
	    err)) < 0) {
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

void
cidx_doc_page_new(struct cidx_doc *doc)
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

void
cidx_doc_continue(struct cidx_doc *doc)
{
	if (doc != NULL)
		doc->keep = 1;
}

void
cidx_doc_page_start(struct cidx_doc *doc, double need)
{
	int keep = doc->keep;

	doc->keep = 0;
	if (!keep || doc->npages == 0 || doc->last_y + BODY_FS * 2.4 + need >
	    cidx_doc_bottom(doc)) {
		cidx_doc_page_new(doc);
		return;
	}
	/* a recording surface takes more drawing after a new context */
	if (doc->cr != NULL)
		cairo_destroy(doc->cr);
	doc->cr = cairo_create(doc->pages[doc->npages - 1]);
	doc->t.cr = doc->cr;
	doc->y = doc->last_y + BODY_FS * 2.4;
}

/* ends the call's drawing; on a cairo error drops the pages from `first` */
int
cidx_doc_pages_done(struct cidx_doc *doc, size_t first, struct cidx_err *err)
{
	cairo_status_t st = CAIRO_STATUS_SUCCESS;

	doc->last_y = doc->y;
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

double
cidx_doc_bottom(const struct cidx_doc *doc)
{
	return doc->body.y + doc->body.h;
}

/* flows the current layout of doc->t line by line from doc->y at x */
void
cidx_doc_flow(struct cidx_doc *doc, double x)
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
		if (doc->y + lh > cidx_doc_bottom(doc) && doc->y > doc->body.y)
			cidx_doc_page_new(doc);
		cairo_move_to(doc->cr, x + (double)lr.x / PANGO_SCALE,
		    doc->y + base);
		pango_cairo_show_layout_line(doc->cr, line);
		doc->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void
cidx_doc_heading(struct cidx_doc *doc, const char *text, double size)
{
	cidx_ptext_font(&doc->t, size, 1, 0);
	cidx_ptext_wrap(&doc->t, text, doc->body.w, 0);
	cairo_set_source_rgb(doc->cr, 0.08, 0.08, 0.08);
	cidx_doc_flow(doc, doc->body.x);
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
			cidx_doc_heading(doc, s, BODY_FS * 1.2);
			break;
		case CIDX_PARA_FORMULA:
			cidx_ptext_font(&doc->t, BODY_FS, 0, 1);
			cidx_ptext_wrap(&doc->t, s, doc->body.w - 2 * 24, 0);
			cairo_set_source_rgb(doc->cr, 0.1, 0.1, 0.1);
			doc->y += BODY_FS * 0.2;
			cidx_doc_flow(doc, doc->body.x + 24);
			doc->y += BODY_FS * 0.8;
			break;
		default:
			cidx_ptext_font(&doc->t, BODY_FS, 0, 0);
			cidx_ptext_wrap(&doc->t, s, doc->body.w, 0);
			cairo_set_source_rgb(doc->cr, 0.1, 0.1, 0.1);
			cidx_doc_flow(doc, doc->body.x);
			doc->y += BODY_FS * 0.6;
			break;
		}
	}
}

/* the document, the heading and the paragraphs of a call */
int
cidx_doc_check_call(const struct cidx_doc *doc, const char *head,
    const struct cidx_doc_para *p, size_t n, struct cidx_err *err)
{
	if (doc == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report: not open");
	if (!cidx_plot_utf8_ok(head))
		return cidx_err_set(err, CIDX_EINVAL, "report: a heading is "
		    "not valid UTF-8");
	if (n > 0 && p == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "report: no paragraphs");
	for (size_t i = 0; i < n; i++) {
		if (p[i].kind < CIDX_PARA_TEXT || p[i].kind > CIDX_PARA_HEADING)
			return cidx_err_set(err, CIDX_EINVAL, "report: "
			    "paragraph %zu: unknown kind %d", i + 1,
			    (int)p[i].kind);
		if (!cidx_plot_utf8_ok(p[i].text))
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

	if ((rc = cidx_doc_check_call(doc, title, paras, n, err)) < 0)
		return rc;
	if (!cidx_plot_utf8_ok(subtitle) || !cidx_plot_utf8_ok(edition))
		return cidx_err_set(err, CIDX_EINVAL, "report: the subtitle or "
		    "edition is not valid UTF-8");
	first = doc->npages;
	cidx_doc_page_new(doc);
	doc->y = doc->body.y + doc->body.h * 0.16;
	if (title != NULL) {
		cidx_ptext_font(&doc->t, 24, 1, 0);
		cidx_ptext_wrap(&doc->t, title, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.03, 0.11, 0.35);
		cidx_doc_flow(doc, doc->body.x);
		doc->y += 10;
	}
	if (subtitle != NULL) {
		cidx_ptext_font(&doc->t, 14, 0, 0);
		cidx_ptext_wrap(&doc->t, subtitle, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.25, 0.25, 0.25);
		cidx_doc_flow(doc, doc->body.x);
		doc->y += 6;
	}
	if (edition != NULL) {
		cidx_ptext_font(&doc->t, 11, 0, 0);
		cidx_ptext_wrap(&doc->t, edition, doc->body.w, 0);
		cairo_set_source_rgb(doc->cr, 0.4, 0.4, 0.4);
		cidx_doc_flow(doc, doc->body.x);
	}
	doc->y += 18;
	cairo_set_source_rgb(doc->cr, 0.03, 0.11, 0.35);
	cairo_set_line_width(doc->cr, 1.2);
	cairo_move_to(doc->cr, doc->body.x, doc->y);
	cairo_line_to(doc->cr, doc->body.x + doc->body.w, doc->y);
	cairo_stroke(doc->cr);
	doc->y += 22;
	paragraphs(doc, paras, n);
	return cidx_doc_pages_done(doc, first, err);
}

int
cidx_doc_text(struct cidx_doc *doc, const char *head,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err)
{
	size_t first;
	int rc;

	if ((rc = cidx_doc_check_call(doc, head, paras, n, err)) < 0)
		return rc;
	first = doc->npages;
	cidx_doc_page_start(doc, BODY_FS * 6);
	if (head != NULL)
		cidx_doc_heading(doc, head, BODY_FS * 1.5);
	paragraphs(doc, paras, n);
	return cidx_doc_pages_done(doc, first, err);
}

/* the chart c in `box` of the page being drawn */
static int
chart_in(struct cidx_doc *doc, size_t first, const struct cidx_chart *c,
    const struct cidx_rect *box, const char *title, const char *note,
    struct cidx_err *err)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	int rc;

	o.font = doc->font;
	o.lang = doc->lang;
	o.title = title;
	o.footer = note;
	rc = cidx_plot_draw(doc->cr, box, c, &o, err);
	if (rc < 0) {
		cidx_doc_pages_done(doc, first, NULL);
		while (doc->npages > first)
			cairo_surface_destroy(doc->pages[--doc->npages]);
		return rc;
	}
	return cidx_doc_pages_done(doc, first, err);
}

int
cidx_doc_chart(struct cidx_doc *doc, const struct cidx_chart *c,
    const char *title, const char *note, struct cidx_err *err)
{
	size_t first;
	int rc;

	if ((rc = cidx_doc_check_call(doc, title, NULL, 0, err)) < 0 ||
	    (rc = cidx_chart_check(c, err)) < 0)
		return rc;
	first = doc->npages;
	doc->keep = 0;
	cidx_doc_page_new(doc);
	return chart_in(doc, first, c, &doc->body, title, note, err);
}

int
cidx_doc_chart_part(struct cidx_doc *doc, const struct cidx_chart *c,
    double share, const char *title, const char *note,
    struct cidx_err *err)
{
	struct cidx_rect box;
	size_t first;
	int rc;

	if ((rc = cidx_doc_check_call(doc, title, NULL, 0, err)) < 0 ||
	    (rc = cidx_chart_check(c, err)) < 0)
		return rc;
	if (!(share > 0.1 && share <= 1))
		return cidx_err_set(err, CIDX_EINVAL, "report: a chart takes "
		    "a share of the page from 0.1 to 1");
	first = doc->npages;
	cidx_doc_page_start(doc, doc->body.h * share);
	box = doc->body;
	box.y = doc->y;
	box.h = doc->body.h * share;
	if (box.y + box.h > cidx_doc_bottom(doc))
		box.h = cidx_doc_bottom(doc) - box.y;
	doc->y = box.y + box.h;
	return chart_in(doc, first, c, &box, title, note, err);
}

static void
footer(struct cidx_doc *doc, cairo_t *cr, size_t page)
{
	char a[32], b[32], num[80];
	double y = doc->ph - MARGIN + 26;

	doc->t.cr = cr;
	cidx_plot_fmt_num(a, sizeof(a), (double)page, 0);
	cidx_plot_fmt_num(b, sizeof(b), (double)doc->npages, 0);
	snprintf(num, sizeof(num), "%s / %s", a, b);
	cidx_ptext_font(&doc->t, 8, 0, 0);
	cidx_ptext_line(&doc->t, num, 0);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cidx_ptext_show(&doc->t, doc->body.x + doc->body.w, y, AL_RIGHT);
	if (doc->footer != NULL && *doc->footer != '\0') {
		cidx_ptext_line(&doc->t, doc->footer, doc->body.w - 60);
		cidx_ptext_show(&doc->t, doc->body.x, y, AL_LEFT);
	}
	cairo_set_line_width(cr, 0.5);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_move_to(cr, doc->body.x, y - 12);
	cairo_line_to(cr, doc->body.x + doc->body.w, y - 12);
	cairo_stroke(cr);
}

void
cidx_doc_abort(struct cidx_doc *doc)
{
	if (doc == NULL)
		return;
	cidx_sink_close(&doc->sink, 1, NULL);
	doc_free(doc);
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
	pdf = cairo_pdf_surface_create_for_stream(cidx_sink_write, &doc->sink,
	    doc->pw, doc->ph);
	cidx_plot_pdf_metadata(pdf, doc->date, doc->title);
	cr = cairo_create(pdf);
	if (doc->npages == 0) {
		cidx_doc_page_new(doc);
		cidx_doc_pages_done(doc, 0, NULL);
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
	if (cidx_sink_close(&doc->sink, rc < 0, err) < 0)
		rc = CIDX_EIO;
	doc_free(doc);
	return rc;
}
