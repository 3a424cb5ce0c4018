/*
 * report.h - `cityidx report`: an A4 PDF an analyst can send, made of
 * the library's results and the plot layer's pages (cmd_report.c), with
 * its words in Chinese or English (reporttext.c).
 */
#ifndef CIDX_CLI_REPORT_H
#define CIDX_CLI_REPORT_H

#include "ws/chartdata.h"
#include "plot/doc.h"

struct report {
	struct cidx_ws_chart c;
	struct cidx_ws_mem mem;          /* strings and arrays of the pages */
	struct cidx_doc_para *para;    /* the paragraphs being built */
	size_t n_para, cap_para;
};

/* the method summary of the title page, into r->para */
void report_summary(struct report *r);
struct cidx_mc_result;

/* the method appendix: steps and formulas, into r->para; with `mc` (may
 * be NULL) the uncertainty analysis too */
void report_method(struct report *r, const struct cidx_mc_result *mc);

#endif
