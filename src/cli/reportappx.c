/*
 * reportappx.c - the report's indicator appendix (each indicator's code,
 * name, unit, direction, pillar, nominal and effective weight, years
 * with data, and the framework's description and source) and its
 * tables within regions.  The numbers are the library's (calc/effweight.h,
 * ws/summary.h); this words them, in Chinese or English.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/effweight.h"
#include "cli/report.h"
#include "core/mem.h"
#include "core/msg.h"
#include "ws/summary.h"

#define ZH(r) ((r)->c.lang == CIDX_LANG_ZH)
#define M(r, id) cidx_msg((r)->c.lang, (id))
/* the columns of the appendix */
#define NCOL 7

/* the years of indicator j as ranges: "2007, 2009, 2011-2018" */
static const char *
year_ranges(struct report *r, const struct cidx_ws_indyears *iy, size_t j)
{
	const unsigned char *has = &iy->has[j * iy->n_years];
	struct sbuf sb = SBUF_INIT;

	for (size_t y = 0; y < iy->n_years; y++) {
		size_t e = y;

		if (!has[y])
			continue;
		/* a run of consecutive years */
		while (e + 1 < iy->n_years && has[e + 1] &&
		    iy->years[e + 1] == iy->years[e] + 1)
			e++;
		cidx_sbuf_addf(&sb, "%s%d", sb.len ? ", " : "", iy->years[y]);
		if (e > y)
			cidx_sbuf_addf(&sb, "%s%d", e > y + 1 ? "–" : ", ",
			    iy->years[e]);
		y = e;
	}
	return sb.len ? cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb)) :
	    (cidx_sbuf_release(&sb), M(r, CIDX_MSG_RP_NONE));
}

/* the pillar above indicator node k: the child of the root on its path */
static const char *
pillar_of(struct report *r, size_t k)
{
	const struct cidx_framework *fw = r->c.fw;

	while (fw->node[k].pidx >= 0 && (size_t)fw->node[k].pidx != fw->root)
		k = (size_t)fw->node[k].pidx;
	return k == fw->root ? NULL : cidx_ws_chart_node_name(&r->c, k);
}

/* the row of indicator column j */
static void
ind_row(struct report *r, const char **row, size_t j,
    const struct cidx_effweights *ew, const struct cidx_ws_indyears *iy)
{
	const struct cidx_framework *fw = r->c.fw;
	size_t k = fw->ind[j];
	const struct cidx_node *nd = &fw->node[k];

	row[0] = nd->code;
	row[1] = cidx_ws_chart_node_name(&r->c, k);
	row[2] = cidx_node_text(nd, CIDX_NODE_UNIT, ZH(r));
	row[3] = nd->direction > 0 ? "+1" : "−1";
	row[4] = pillar_of(r, k);
	row[5] = report_fmt(r, "%.1f%% / %s", 100 * ew->nominal[k],
	    !ew->present[k] ? M(r, CIDX_MSG_RP_ZERO_NO_DATA) :
	    report_fmt(r, "%.1f%%", 100 * ew->effective[k]));
	row[6] = year_ranges(r, iy, j);
}

/* whether s holds a CJK character (U+2E80 to U+9FFF, the full-width
 * forms): a Chinese text; else an English one */
static int
chinese(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; p && *p; p++)
		if ((p[0] == 0xE2 && p[1] >= 0xBA) || (p[0] >= 0xE3 &&
		    p[0] <= 0xE9) || (p[0] == 0xEF && p[1] >= 0xBC &&
		    p[1] <= 0xBF))
			return 1;
	return 0;
}

/* a description that opens with the indicator's name and a colon, as
 * the line already says it: the rest, else all of it */
static const char *
after_name(const char *desc, const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (desc == NULL || n == 0 || strncmp(desc, name, n) != 0)
		return desc;
	if (strncmp(desc + n, "：", 3) == 0)
		return desc + n + 3;
	if (strncmp(desc + n, ": ", 2) == 0)
		return desc + n + 2;
	return desc;
}

/* the definitions, "CODE name: description Source: source.", of the
 * indicators whose description and source are in the report's language
 * (one language per report); a note when the others are left out */
static void
definitions(struct report *r)
{
	const struct cidx_framework *fw = r->c.fw;
	size_t other = 0;

	report_para_reset(r);
	for (size_t j = 0; j < fw->n_ind; j++) {
		const struct cidx_node *nd = &fw->node[fw->ind[j]];
		const char *desc = cidx_node_text(nd, CIDX_NODE_DESCRIPTION,
		    ZH(r));
		const char *src = cidx_node_text(nd, CIDX_NODE_SOURCE, ZH(r));
		const char *name;

		if (desc == NULL && src == NULL)
			continue;
		if (chinese(desc) + chinese(src) > 0 ? !ZH(r) : ZH(r)) {
			other++;
			continue;
		}
		name = cidx_ws_chart_node_name(&r->c, fw->ind[j]);
		desc = after_name(desc, name);
		report_para(r, CIDX_PARA_TEXT, report_fmt(r, "%s %s%s%s%s%s%s",
		    nd->code, name, M(r, CIDX_MSG_COLON), desc ? desc : "",
		    src ? M(r, CIDX_MSG_RP_SOURCE) : "",
		    src ? src : "", src && !ZH(r) &&
		    src[strlen(src) - 1] != '.' ? "." : ""));
	}
	if (other > 0)
		report_para(r, CIDX_PARA_TEXT, report_msg(r,
		    CIDX_MSG_RP_DEFS_OTHER, other));
}

int
report_appendix(struct report *r, struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	const double *w = cidx_engine_weights(cidx_ws_engine(r->c.ws));
	struct cidx_doc_col cols[NCOL] = {
		{ M(r, CIDX_MSG_RP_CODE), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_INDICATOR), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_UNIT), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_DIR), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_PILLAR), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_WEIGHT_NOM_EFF),
		  CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_YEARS_WITH_DATA), CIDX_ALIGN_LEFT },
	};
	const char **cells = cidx_xcalloc(NCOL * (fw->n_ind ? fw->n_ind : 1),
	    sizeof(char *));
	struct cidx_ws_indyears iy;
	struct cidx_effweights *ew;
	int ret;

	if ((ret = cidx_ws_indyears_make(&iy, r->c.ws, err)) < 0)
		goto out;
	cidx_effweights_compute(&ew, fw, w, r->c.r);
	for (size_t j = 0; j < fw->n_ind; j++)
		ind_row(r, &cells[j * NCOL], j, ew, &iy);
	cidx_effweights_free(ew);
	ret = cidx_doc_table(doc, M(r, CIDX_MSG_RP_APPENDIX), cols, NCOL, cells,
	    fw->n_ind, err);
	definitions(r);
	if (ret == 0 && r->n_para > 0) {
		cidx_doc_continue(doc);
		ret = cidx_doc_text(doc, M(r, CIDX_MSG_RP_DEFINITIONS),
		    r->para, r->n_para, err);
	}
	report_para_reset(r);
out:
	cidx_ws_indyears_release(&iy);
	free(cells);
	return ret;
}

/* the attribute's name: the framework's group of that code (cn-cities:
 * province, 省份), else the usual words, else the key itself */
static const char *
key_name(struct report *r, const char *key)
{
	static const struct {
		const char *key;
		enum cidx_msg_id id;
	} known[] = {
		{ "province", CIDX_MSG_RP_PROVINCE },
		{ "country", CIDX_MSG_RP_COUNTRY },
		{ "region", CIDX_MSG_RP_REGION },
	};
	int k = cidx_framework_find(r->c.fw, key);

	if (k >= 0)
		return cidx_ws_chart_node_name(&r->c, (size_t)k);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].key, key) == 0)
			return M(r, known[i].id);
	return key;
}

int
report_regions(struct report *r, struct cidx_doc *doc, const char *key,
    struct cidx_err *err)
{
	const struct cidx_ranking *rk = r->c.r;
	const char *kn = key_name(r, key);
	struct cidx_doc_col cols[6] = {
		{ kn, CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_RANK_IN_REGION), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_NAME), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_RANK_OVERALL), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_TIER), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_SCORE), CIDX_ALIGN_RIGHT },
	};
	struct cidx_ws_regions g;
	const char **cells;
	size_t n;
	int ret;

	cidx_ws_regions_make(&g, &r->c, key);
	n = g.off[g.n];
	cells = cidx_xcalloc(6 * (n ? n : 1), sizeof(char *));
	for (size_t q = 0; q < g.n; q++)
		for (size_t a = g.off[q]; a < g.off[q + 1]; a++) {
			const char **row = &cells[a * 6];
			size_t i = g.rows[a];

			/* the region's name on its first row only */
			row[0] = a == g.off[q] ? g.name[q] : NULL;
			row[1] = report_fmt(r, "%d", g.rank[a]);
			row[2] = cidx_ws_chart_unit_name(&r->c,
			    &r->c.ds->unit[i]);
			row[3] = report_fmt(r, "%d", rk->rank[i]);
			row[4] = rk->tier[i] ? report_fmt(r, "%d", rk->tier[i])
			    : NULL;
			row[5] = report_num2(r, gsl_matrix_get(rk->s, i,
			    r->c.fw->root));
		}
	ret = cidx_doc_table(doc, report_msg(r, CIDX_MSG_RP_REGIONS, kn), cols,
	    6, cells, n, err);
	free(cells);
	cidx_ws_regions_release(&g);
	return ret;
}
