/*
 * drawapi.c - the table of the drawing code (drawlib.h): the one symbol
 * the shared object exports.  Every function it names is bound inside
 * the object; what the object needs of the core comes from the binary.
 */
#include "cli/drawlib.h"
#include "cli/rankout.h"
#include "version.h"

const struct cidx_draw_api cidx_draw_entry = {
	.abi = CIDX_DRAW_ABI,
	.size = sizeof(struct cidx_draw_api),
	.version = CITYIDX_VERSION,
	.plot_opt_set = cidx_plot_opt_set,
	.plot_opts_check = cidx_plot_opts_check,
	.plot_write = cidx_plot_write,
	.plot_shutdown = cidx_plot_shutdown,
	.doc_open = cidx_doc_open,
	.doc_title_page = cidx_doc_title_page,
	.doc_continue = cidx_doc_continue,
	.doc_text = cidx_doc_text,
	.doc_table = cidx_doc_table,
	.doc_chart = cidx_doc_chart,
	.doc_chart_part = cidx_doc_chart_part,
	.doc_close = cidx_doc_close,
	.doc_abort = cidx_doc_abort,
	.rank_write_xlsx = rank_write_xlsx,
};
