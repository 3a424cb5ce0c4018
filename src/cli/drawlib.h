/*
 * drawlib.h - the drawing code (src/plot but for the chart types' table,
 * and the xlsx writer) as one table of functions: the shared object
 * built from that code exports nothing else (drawlib.map).
 *
 * The binary carries the object's bytes (drawblob.S) and loads them on
 * the first call of one of these functions (drawlib.c), so that a
 * command that draws nothing does not load cairo, pango, fontconfig and
 * libxlsxwriter (cityidx(1), DEVELOPMENT, The drawing code).  The object
 * calls the core of the binary (errors, messages, numbers, output
 * files), never a copy of its own.  Built with DRAW_SPLIT=0 the drawing
 * code is linked in and neither file is used.
 */
#ifndef CIDX_CLI_DRAWLIB_H
#define CIDX_CLI_DRAWLIB_H

#include <stddef.h>

#include "plot/doc.h"
#include "plot/plot.h"

struct rank_view;

/* raised when a member changes its type or place; the object and the
 * binary are built together, so a mismatch is a broken build */
#define CIDX_DRAW_ABI 1

struct cidx_draw_api {
	unsigned abi;			/* CIDX_DRAW_ABI */
	size_t size;			/* sizeof(struct cidx_draw_api) */
	const char *version;		/* CITYIDX_VERSION */

	int (*plot_opt_set)(struct cidx_plot_opts *o, enum cidx_plot_key key,
	    const char *text, struct cidx_err *err);
	int (*plot_opts_check)(const struct cidx_plot_opts *o,
	    struct cidx_err *err);
	int (*plot_write)(const struct cidx_chart *c,
	    const struct cidx_plot_opts *o, struct cidx_err *err);
	void (*plot_shutdown)(void);

	int (*doc_open)(struct cidx_doc **out, const char *path,
	    const struct cidx_plot_opts *o, struct cidx_err *err);
	int (*doc_title_page)(struct cidx_doc *doc, const char *title,
	    const char *subtitle, const char *edition,
	    const struct cidx_doc_para *paras, size_t n,
	    struct cidx_err *err);
	void (*doc_continue)(struct cidx_doc *doc);
	int (*doc_text)(struct cidx_doc *doc, const char *heading,
	    const struct cidx_doc_para *paras, size_t n,
	    struct cidx_err *err);
	int (*doc_table)(struct cidx_doc *doc, const char *heading,
	    const struct cidx_doc_col *cols, size_t ncols,
	    const char *const *cells, size_t nrows, struct cidx_err *err);
	int (*doc_chart)(struct cidx_doc *doc, const struct cidx_chart *c,
	    const char *title, const char *note, struct cidx_err *err);
	int (*doc_chart_part)(struct cidx_doc *doc,
	    const struct cidx_chart *c, double share, const char *title,
	    const char *note, struct cidx_err *err);
	int (*doc_close)(struct cidx_doc *doc, struct cidx_err *err);
	void (*doc_abort)(struct cidx_doc *doc);

	int (*rank_write_xlsx)(const struct rank_view *v, const char *path);
};

/* the one symbol of the object (drawapi.c) */
extern const struct cidx_draw_api cidx_draw_entry;

#endif
