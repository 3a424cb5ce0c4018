/*
 * report.h - `cityidx report`: an A4 PDF an analyst can send, made of
 * the library's results and the plot layer's pages (cmd_report.c), with
 * its words in Chinese or English (reporttext.c).
 */
#ifndef CIDX_CLI_REPORT_H
#define CIDX_CLI_REPORT_H

#include <stdarg.h>

#include "ws/chartdata.h"
#include "core/msg.h"
#include "plot/doc.h"

struct report {
	struct cidx_ws_chart c;
	struct cidx_ws_mem mem;          /* strings and arrays of the pages */
	struct cidx_doc_para *para;    /* the paragraphs being built */
	size_t n_para, cap_para;
};

/* a template with its own word for the units, 单位 / unit(s), as the
 * framework (or --unit-word) calls them (reporttext.c) */
struct sbuf;
void report_noun(struct report *r, const char *tmpl, struct sbuf *out);
/* template f (a printf format) with the report's word for the units,
 * filled: newly allocated (reportpages.c) */
char *report_vfmt(struct report *r, const char *f, va_list ap);
/* a string that lives as long as the report (reportpages.c) */
char *report_fmt(struct report *r, const char *f, ...)
    __attribute__((format(printf, 2, 3)));
/* the catalogue's template `id` filled, in the report's language */
char *report_msg(struct report *r, enum cidx_msg_id id, ...);
/* x with 2 decimals, NULL for NaN */
char *report_num2(struct report *r, double x);
/* the paragraphs being built: added, and emptied */
void report_para(struct report *r, enum cidx_para_kind kind,
    const char *text);
void report_para_reset(struct report *r);

/* the summary page after the title (reportpages.c) */
int report_summary_page(struct report *r, struct cidx_doc *doc,
    struct cidx_err *err);
/* the profiles of the units at rows[0..n) of the year's data, a page
 * each (reportpages.c) */
int report_profiles(struct report *r, struct cidx_doc *doc,
    const size_t *rows, size_t n, struct cidx_err *err);
/* the indicator appendix (reportappx.c) */
int report_appendix(struct report *r, struct cidx_doc *doc,
    struct cidx_err *err);
/* the ranking within each region of attribute `key` (reportappx.c) */
int report_regions(struct report *r, struct cidx_doc *doc, const char *key,
    struct cidx_err *err);

/* the method summary of the title page, into r->para */
void report_summary(struct report *r);
struct cidx_mc_result;

/* the method appendix: steps and formulas, into r->para; with `mc` (may
 * be NULL) the uncertainty analysis too */
void report_method(struct report *r, const struct cidx_mc_result *mc);

#endif
