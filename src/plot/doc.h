/*
 * doc.h - a multi-page A4 PDF report: a title page, text pages, tables
 * that paginate themselves and charts, each page numbered "3 / 12".
 *
 * Every cidx_doc_* call after open starts a new page (or goes on the last
 * one after cidx_doc_continue()) and may fill several.
 * Pages are drawn as they are added (into cairo recording surfaces, so
 * errors show at once) and written by cidx_doc_close(), which then knows
 * the page count for the footers.  A call that fails adds nothing; the
 * document stays usable.  The bytes are reproducible as for charts (see
 * plot.h: dates from SOURCE_DATE_EPOCH or 1970-01-01).
 *
 * Page: 595 x 842 pt (A4 portrait) unless the options give another size,
 * 50 pt margins; the footer line of the options (a source note) sits at
 * the bottom left of every page, the page number at the bottom right.
 */
#ifndef CIDX_DOC_H
#define CIDX_DOC_H

#include <stddef.h>

#include "core/err.h"
#include "plot/plot.h"

struct cidx_doc;

enum cidx_para_kind {
	CIDX_PARA_TEXT = 0,    /* a paragraph, word-wrapped by pango */
	CIDX_PARA_FORMULA,     /* a formula line: italic, indented */
	CIDX_PARA_HEADING      /* a sub-heading */
};

struct cidx_doc_para {
	enum cidx_para_kind kind;
	const char *text;
};

enum cidx_align {
	CIDX_ALIGN_LEFT = 0,
	CIDX_ALIGN_RIGHT
};

struct cidx_doc_col {
	const char *header;
	enum cidx_align align;
};

/*! cidx_doc_open() :
 *  Opens `path` (which must end in .pdf) for writing at once, so an
 *  unwritable path fails here.  Of `o` the font, language, footer, title
 *  (PDF metadata) and width/height (page size; 0 = A4) are used; NULL
 *  means CIDX_PLOT_OPTS_INIT.  @return 0 and *out (finish it with
 *  cidx_doc_close()), CIDX_EINVAL (not .pdf, a missing font, a malformed
 *  SOURCE_DATE_EPOCH) or CIDX_EIO naming the path. */
int cidx_doc_open(struct cidx_doc **out, const char *path,
    const struct cidx_plot_opts *o, struct cidx_err *err);

/*! cidx_doc_title_page() :
 *  The title page: title, subtitle and a date or edition line (each may be
 *  NULL), then a method summary of `n` paragraphs. @return 0 or an error. */
int cidx_doc_title_page(struct cidx_doc *doc, const char *title,
    const char *subtitle, const char *edition,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err);

/*! cidx_doc_cut_cells() :
 *  The table cells drawn so far that had to be cut with an ellipsis: a
 *  name wraps in its column up to 3 lines, so only a longer one is cut
 *  (and a number wider than its column). */
size_t cidx_doc_cut_cells(const struct cidx_doc *doc);

/*! cidx_doc_continue() :
 *  The next cidx_doc_text(), cidx_doc_table() or cidx_doc_chart_part()
 *  goes on the last page, below what is there, when room is left for
 *  its start; else it starts a new page as usual. */
void cidx_doc_continue(struct cidx_doc *doc);

/*! cidx_doc_text() :
 *  A heading (may be NULL) and `n` paragraphs, flowing onto further pages
 *  as needed (a paragraph may break between its lines). @return 0 or an
 *  error. */
int cidx_doc_text(struct cidx_doc *doc, const char *heading,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err);

/*! cidx_doc_table() :
 *  A heading (may be NULL) and a table of `nrows` rows of `ncols` cells
 *  (`cells` row-major; a NULL cell is empty) under the column headers,
 *  which repeat on every page it fills.  Columns get their content's width
 *  when the table fits; otherwise the widest are narrowed to a common cap
 *  and their long cells ellipsised, so nothing overlaps. @return 0 or an
 *  error (CIDX_EINVAL when ncols is 0). */
int cidx_doc_table(struct cidx_doc *doc, const char *heading,
    const struct cidx_doc_col *cols, size_t ncols, const char *const *cells,
    size_t nrows, struct cidx_err *err);

/*! cidx_doc_chart() :
 *  A page with any chart of plot.h in the content rectangle, under
 *  `title` and above `note` (both may be NULL), in the document's font and
 *  language. @return 0 or the error of cidx_plot_draw(). */
int cidx_doc_chart(struct cidx_doc *doc, const struct cidx_chart *c,
    const char *title, const char *note, struct cidx_err *err);

/*! cidx_doc_chart_part() :
 *  As cidx_doc_chart(), in the top `share` (0.1 to 1) of the body's
 *  height, on a new page or, after cidx_doc_continue(), below what the
 *  last page holds when that much room is left; what follows with
 *  cidx_doc_continue() goes below it. */
int cidx_doc_chart_part(struct cidx_doc *doc, const struct cidx_chart *c,
    double share, const char *title, const char *note,
    struct cidx_err *err);

/*! cidx_doc_pages() : @return the number of pages added so far. */
size_t cidx_doc_pages(const struct cidx_doc *doc);

/*! cidx_doc_close() :
 *  Writes the pages with their numbers, finishes the PDF, checks it
 *  reached the disk and only then puts it in place of the file at the path
 *  (cidx_ofile_commit()); frees `doc` in every case (NULL is accepted).
 *  @return 0, or CIDX_EIO naming the path when writing failed (the file
 *  at the path is as it was), or CIDX_ERROR for another cairo error. */
int cidx_doc_close(struct cidx_doc *doc, struct cidx_err *err);

/*! cidx_doc_abort() :
 *  Drops the document: nothing is written, the file at the path is as it
 *  was; frees `doc` (NULL is accepted). */
void cidx_doc_abort(struct cidx_doc *doc);

#endif
