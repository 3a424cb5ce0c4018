/*
 * describe.c - a workspace's method and a year's gaps in words, for the
 * tables, the figures' footers and subtitles (ws.h).
 */
#include <stdlib.h>

#include "calc/imethod.h"
#include "ws/ws.h"

char *
cidx_ws_gap_text(const struct cidx_framework *fw,
    const struct cidx_prep_report *rep, int year, int zh)
{
	struct sbuf sb = SBUF_INIT;
	size_t n = rep ? rep->n_empty_pillar : 0;

	if (n == 0)
		return NULL;
	cidx_sbuf_addf(&sb, zh ? "%d年" : "%d has no data for the ", year);
	for (size_t i = 0; i < n; i++) {
		const struct cidx_node *nd = &fw->node[rep->empty_pillar[i]];
		const char *name = zh ? nd->name_zh : nd->name_en;

		if (name == NULL || *name == '\0')
			name = nd->code;
		if (zh)
			cidx_sbuf_addf(&sb, "%s“%s”", i ? "、" : "", name);
		else
			cidx_sbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 < n ? ", " :
			    " and ", name);
	}
	if (zh)
		cidx_sbuf_addf(&sb, "支柱没有数据：本年指数仅由其余%zu个支柱计算（共%zu"
		    "个支柱）", rep->n_pillars - n, rep->n_pillars);
	else
		cidx_sbuf_addf(&sb, " pillar%s: its index is computed from the "
		    "remaining %zu of the %zu pillars", n > 1 ? "s" : "",
		    rep->n_pillars - n, rep->n_pillars);
	return cidx_sbuf_detach(&sb);
}

/* the preparation steps that run, in their order */
static void
describe_prep(const struct cidx_method *m, struct sbuf *sb)
{
	char b[160];

	for (int k = CIDX_MK_DENOMINATE; k <= CIDX_MK_TREAT; k++) {
		if (!cidx_method_runs(m, (enum cidx_mkey)k))
			continue;
		cidx_method_text(m, (enum cidx_mkey)k, b, sizeof(b));
		if (k == CIDX_MK_DENOMINATE)
			cidx_sbuf_adds(sb, "denominate, ");
		else if (k == CIDX_MK_SCREEN) {
			cidx_screen_text(b, sizeof(b), m->screen);
			cidx_sbuf_addf(sb, "screen %s (%d per pillar), ", b,
			    m->screen_pillar);
		} else
			cidx_sbuf_addf(sb, "%s %s, ", cidx_method_items[k].member,
			    b);
	}
}

/* the index method, or normalise and aggregate */
static void
describe_index(const struct cidx_method *m, struct sbuf *sb)
{
	char b[160];

	if (m->imethod != CIDX_IM_COMPOSITE) {
		cidx_imethod_label(m, sb);
		if (cidx_imethod_info(m->imethod)->normalised) {
			cidx_method_text(m, CIDX_MK_NORMALISE, b, sizeof(b));
			cidx_sbuf_addf(sb, " on normalise %s%s", b,
			    m->panel ? " (panel)" : "");
		}
		cidx_sbuf_adds(sb, cidx_imethod_info(m->imethod)->missing ==
		    CIDX_IM_COMPLETE ? " (units need every indicator)" :
		    " (missing values skipped)");
	} else {
		cidx_method_text(m, CIDX_MK_NORMALISE, b, sizeof(b));
		cidx_sbuf_addf(sb, "normalise %s%s, ", b,
		    m->panel ? " (panel)" : "");
		cidx_method_text(m, CIDX_MK_AGGREGATE, b, sizeof(b));
		cidx_sbuf_addf(sb, "aggregate %s", b);
	}
}

void
cidx_ws_describe(const struct cidx_ws *ws, struct sbuf *sb)
{
	struct cidx_engine *eng = cidx_ws_engine(ws);
	const struct cidx_method *m = cidx_engine_method(eng);
	const struct cidx_ws_method *o = cidx_ws_method(ws);

	describe_prep(m, sb);
	describe_index(m, sb);
	if (o->weights_method)
		cidx_sbuf_addf(sb, ", %s weights derived on %d%s",
		    o->weights_method, cidx_engine_weights_year(eng),
		    o->weights_panel || o->wmethod == CIDX_WM_ENTROPY_PANEL ?
		    " (panel)" : "");
	else if (cidx_ws_weights_origin(ws))
		cidx_sbuf_addf(sb, ", %s", cidx_ws_weights_origin(ws));
	else
		cidx_sbuf_adds(sb, ", framework weights");
	if (o->weights_file)
		cidx_sbuf_addf(sb, " overridden by %s", o->weights_file);
	for (size_t i = 0; i < o->nset; i++)
		cidx_sbuf_addf(sb, "%s%s", i ? ", " : " and set ", o->set[i]);
}
