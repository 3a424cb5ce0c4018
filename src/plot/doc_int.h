/*
 * doc_int.h - what the parts of the report (doc.c, doctable.c) share: the
 * document and its page and text flow.
 */
#ifndef CIDX_PLOT_DOC_INT_H
#define CIDX_PLOT_DOC_INT_H

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
	size_t n_cut;                /* table cells cut with an ellipsis */
	int keep;                    /* the next call goes on the last page */
	double last_y;               /* where the last call ended */
};

/* a new page: drawing goes there from the top of the body */
void cidx_doc_page_new(struct cidx_doc *doc);
/* where a call starts: on the last page below what is there, after
 * cidx_doc_continue() when `need` points are left, else a new page */
void cidx_doc_page_start(struct cidx_doc *doc, double need);
/* ends the call's drawing; on a cairo error drops the pages from `first` */
int cidx_doc_pages_done(struct cidx_doc *doc, size_t first,
    struct cidx_err *err);
/* the bottom of the body */
double cidx_doc_bottom(const struct cidx_doc *doc);
/* flows the current layout of doc->t line by line from doc->y at x */
void cidx_doc_flow(struct cidx_doc *doc, double x);
void cidx_doc_heading(struct cidx_doc *doc, const char *text, double size);
/* the document, the heading and the paragraphs of a call */
int cidx_doc_check_call(const struct cidx_doc *doc, const char *head,
    const struct cidx_doc_para *p, size_t n, struct cidx_err *err);

#endif
