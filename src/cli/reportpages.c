/*
 * reportpages.c - the report's summary page and unit profiles, in
 * Chinese or English: sentences and tables around the facts the library
 * computes (ws/summary.h), every number from the same ranked year.
 *
 * The words are in place as zh/en pairs (ZH(r) ? "..." : "..."), so the
 * compiler checks each format string; they move to the message
 * catalogue with the rest of the report's.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/report.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/summary.h"

#define ZH(r) ((r)->c.lang == CIDX_LANG_ZH)
/* names listed in a sentence before "and N more" */
#define LIST_MAX 12

char *
report_fmt(struct report *r, const char *f, ...)
{
	va_list ap;
	char *buf;
	int n;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	buf = cidx_xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, f);
	vsnprintf(buf, (size_t)(n > 0 ? n : 0) + 1, f, ap);
	va_end(ap);
	return cidx_ws_mem_keep(&r->mem, buf);
}

char *
report_num2(struct report *r, double x)
{
	char b[48];

	if (isnan(x))
		return NULL;
	cidx_num_fmt_fixed(b, sizeof(b), x, 2);
	return report_fmt(r, "%s", b);
}

void
report_para(struct report *r, enum cidx_para_kind kind, const char *text)
{
	ALLOC_GROW(r->para, r->n_para + 1, r->cap_para);
	r->para[r->n_para].kind = kind;
	r->para[r->n_para++].text = text;
}

void
report_para_reset(struct report *r)
{
	r->n_para = 0;
}

static const char *
uname(struct report *r, size_t row)
{
	return cidx_ws_chart_unit_name(&r->c, &r->c.ds->unit[row]);
}

/* "A; B; C" / "A、B、C" (names may hold commas), at most LIST_MAX
 * names, then how many more; with `change` each name carries its rank
 * change */
static char *
name_list(struct report *r, const size_t *rows, size_t n, int change)
{
	struct sbuf sb = SBUF_INIT;
	size_t show = n > LIST_MAX ? LIST_MAX : n;

	for (size_t k = 0; k < show; k++) {
		if (k > 0)
			cidx_sbuf_adds(&sb, ZH(r) ? "、" : "; ");
		cidx_sbuf_adds(&sb, uname(r, rows[k]));
		if (change)
			cidx_sbuf_addf(&sb, ZH(r) ? "（%+d）" : " (%+d)",
			    r->c.mv->mv[rows[k]].change);
	}
	if (show < n)
		cidx_sbuf_addf(&sb, ZH(r) ? "，另有%zu个" : "; and %zu more",
		    n - show);
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the top 10: rank, name, tier, score, change */
static int
top_table(struct report *r, const struct cidx_ws_summary *s,
    struct cidx_doc *doc, struct cidx_err *err)
{
	struct cidx_doc_col cols[5] = {
		{ ZH(r) ? "排名" : "rank", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "名称" : "name", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "梯队" : "tier", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "得分" : "score", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "变化" : "change", CIDX_ALIGN_RIGHT },
	};
	const char *cells[5 * CIDX_WS_SUMMARY_TOP];
	size_t nc = s->moves ? 5 : 4;

	for (size_t p = 0; p < s->n_top; p++) {
		size_t i = s->top[p];
		const struct cidx_move *m = s->moves ? &r->c.mv->mv[i] : NULL;
		const char **row = &cells[p * nc];

		row[0] = report_fmt(r, "%d", r->c.r->rank[i]);
		row[1] = uname(r, i);
		row[2] = r->c.r->tier[i] ? report_fmt(r, "%d",
		    r->c.r->tier[i]) : NULL;
		row[3] = report_num2(r, gsl_matrix_get(r->c.r->s, i,
		    r->c.fw->root));
		if (m)
			row[4] = !m->has_change ? (ZH(r) ? "新上榜" : "new") :
			    m->change ? report_fmt(r, "%+d", m->change) : "0";
	}
	cidx_doc_continue(doc);
	return cidx_doc_table(doc, NULL, cols, nc, cells, s->n_top, err);
}

/* a sentence per tier: its size, score range and members */
static void
tier_sentences(struct report *r, const struct cidx_ws_summary *s)
{
	for (size_t k = 1; k <= s->n_tiers; k++) {
		size_t n = s->tier_off[k] - s->tier_off[k - 1];
		double lo, hi;

		if (n == 0)
			continue;
		cidx_ranking_tier_span(r->c.r, r->c.fw->root, (int)k, &lo, &hi);
		report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
		    "第%zu梯队（%zu个%s，得分%s至%s）：%s。" :
		    "Tier %zu (%zu unit%s, scores %s to %s): %s.", k, n,
		    ZH(r) ? "" : n == 1 ? "" : "s", report_num2(r, lo),
		    report_num2(r, hi), name_list(r, &s->tier_rows[
		    s->tier_off[k - 1]], n, 0)));
	}
}

/* the climbers and fallers, and the dark horses */
static void
move_sentences(struct report *r, const struct cidx_ws_summary *s)
{
	const struct cidx_movement *mv = r->c.mv;

	if (mv == NULL) {
		report_para(r, CIDX_PARA_TEXT, ZH(r) ? "没有可比较的较早年份。"
		    : "There is no earlier year to compare with.");
		return;
	}
	if (!s->moves) {
		report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
		    "与%d年的变化不予计算：%s。" : "Movement against %d is "
		    "withheld: %s.", r->c.cyear, mv->why));
		return;
	}
	report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
	    "与%d年相比（同口径：%s，%zu个两年均有排名的单位之间的名次）："
	    "上升最多的是%s；下降最多的是%s。" : "Against %d, like for like "
	    "(%s; ranks among the %zu units ranked in both years): the "
	    "largest climbers are %s; the largest fallers are %s.",
	    r->c.cyear, mv->basis == CIDX_BASIS_SAME ? (ZH(r) ?
	    "两年指标相同" : "the same indicators in both years") :
	    report_fmt(r, ZH(r) ? "两年共有的%d个指标" : "the %d indicators "
	    "both years have", mv->shared), mv->n_common,
	    s->n_climb ? name_list(r, s->climb, s->n_climb, 1) :
	    (ZH(r) ? "无" : "none"), s->n_fall ? name_list(r, s->fall,
	    s->n_fall, 1) : (ZH(r) ? "无" : "none")));
	report_para(r, CIDX_PARA_TEXT, s->n_dark ? report_fmt(r, ZH(r) ?
	    "黑马（上升至少%d位进入前%zu名）：%s。" : "Dark horses (climbed "
	    "%d places or more into the top %zu): %s.", mv->dark, mv->top,
	    name_list(r, s->dark, s->n_dark, 1)) : report_fmt(r, ZH(r) ?
	    "没有黑马：没有单位上升至少%d位进入前%zu名。" : "No dark horse: "
	    "no unit climbed %d places or more into the top %zu.", mv->dark,
	    mv->top));
}

/* "长春市（64%）、..." / "Changchun (64%); ...": the units screened out,
 * at most LIST_MAX */
static char *
screened_list(struct report *r)
{
	const struct cidx_prep_report *rep = r->c.rep;
	struct sbuf sb = SBUF_INIT;

	for (size_t k = 0; k < rep->n_screened && k < LIST_MAX; k++) {
		const struct cidx_screened *sc = &rep->screened[k];
		const char *nm = ZH(r) ? (sc->name ? sc->name : sc->name_en) :
		    (sc->name_en ? sc->name_en : sc->name);

		cidx_sbuf_addf(&sb, ZH(r) ? "%s%s（%.0f%%%s%s）" :
		    "%s%s (%.0f%%%s%s)", k ? (ZH(r) ? "、" : "; ") : "",
		    nm ? nm : sc->code, 100 * sc->coverage, sc->pillar < 0 ?
		    "" : ZH(r) ? "，" : ", ", sc->pillar < 0 ? "" :
		    cidx_ws_chart_node_name(&r->c, (size_t)sc->pillar));
	}
	if (rep->n_screened > LIST_MAX)
		cidx_sbuf_addf(&sb, ZH(r) ? "，另有%zu个" : "; and %zu more",
		    rep->n_screened - LIST_MAX);
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the units not ranked and why, partial coverage, pillars without data */
static void
coverage_sentences(struct report *r, const struct cidx_ws_summary *s)
{
	char *gap;

	report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
	    "工作区共%zu个单位，%zu个在%d年有数据，%zu个参与排名；"
	    "%zu个因数据不足未排名，%zu个没有指数值，%zu个%d年无数据。"
	    "参与排名的单位中%zu个缺少部分指标（覆盖率低于100%%）。" :
	    "The workspace has %zu units, %zu with data in %d, %zu ranked; "
	    "not ranked: %zu screened out for too little data, %zu without "
	    "an index value, %zu without data in %d.  %zu of the ranked "
	    "units lack some indicators (coverage below 100%%).", s->n_units,
	    s->n_data, r->c.year, s->n_ranked, s->n_screened, s->n_unscored,
	    s->n_nodata, r->c.year, s->n_partial));
	if (s->n_screened > 0)
		report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
		    "因数据不足未排名（有值指标的比例，不足的支柱）：%s。" :
		    "Screened out for too little data (the share of indicators "
		    "with a value; the pillar short of them): %s.",
		    screened_list(r)));
	gap = cidx_ws_gap_text(r->c.fw, r->c.rep, r->c.year, ZH(r));
	report_para(r, CIDX_PARA_TEXT, gap ? cidx_ws_mem_keep(&r->mem, gap) :
	    report_fmt(r, ZH(r) ? "%d年每个支柱都有数据。" : "Every pillar "
	    "has data in %d.", r->c.year));
}

int
report_summary_page(struct report *r, struct cidx_doc *doc,
    struct cidx_err *err)
{
	struct cidx_ws_summary s;
	int ret;

	if ((ret = cidx_ws_summary_make(&s, &r->c, err)) < 0)
		goto out;
	report_para_reset(r);
	report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
	    "%d年共%zu个单位参与排名。前%zu名：" : "In %d, %zu units are "
	    "ranked.  The top %zu:", r->c.year, s.n_ranked, s.n_top));
	if ((ret = cidx_doc_text(doc, ZH(r) ? "摘要" : "Summary", r->para,
	    r->n_para, err)) < 0 || (ret = top_table(r, &s, doc, err)) < 0)
		goto out;
	report_para_reset(r);
	tier_sentences(r, &s);
	move_sentences(r, &s);
	coverage_sentences(r, &s);
	cidx_doc_continue(doc);
	ret = cidx_doc_text(doc, NULL, r->para, r->n_para, err);
out:
	report_para_reset(r);
	cidx_ws_summary_release(&s);
	return ret;
}

/* "R&D staff (2 of 8)": the strengths or weaknesses */
static char *
picks(struct report *r, const struct cidx_ws_profile *p, const size_t *e,
    size_t n)
{
	const struct cidx_framework *fw = r->c.fw;
	struct sbuf sb = SBUF_INIT;

	for (size_t k = 0; k < n; k++) {
		const struct cidx_ws_profile_ind *d = &p->ind[e[k]];

		cidx_sbuf_addf(&sb, ZH(r) ? "%s%s（第%d名，共%zu）" :
		    "%s%s (%d of %zu)", k ? (ZH(r) ? "、" : "; ") : "",
		    cidx_ws_chart_node_name(&r->c, fw->ind[d->col]), d->rank,
		    d->n);
	}
	if (n == 0)
		cidx_sbuf_adds(&sb, ZH(r) ? "无" : "none");
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the indicators of a profile: name, value, unit, rank, mark */
static int
profile_table(struct report *r, const struct cidx_ws_profile *p,
    struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	struct cidx_doc_col cols[5] = {
		{ ZH(r) ? "指标" : "indicator", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "数值" : "value", CIDX_ALIGN_RIGHT },
		{ ZH(r) ? "单位" : "unit", CIDX_ALIGN_LEFT },
		{ ZH(r) ? "年内排名" : "rank", CIDX_ALIGN_RIGHT },
		{ "", CIDX_ALIGN_LEFT },
	};
	const char **cells = cidx_xcalloc(5 * (p->n_ind ? p->n_ind : 1),
	    sizeof(char *));
	int ret;

	for (size_t e = 0; e < p->n_ind; e++) {
		const struct cidx_ws_profile_ind *d = &p->ind[e];
		const struct cidx_node *nd = &fw->node[fw->ind[d->col]];
		const char **row = &cells[e * 5];
		char b[40];

		row[0] = cidx_ws_chart_node_name(&r->c, fw->ind[d->col]);
		if (!isnan(d->value)) {
			cidx_num_shortest(b, sizeof(b), d->value);
			row[1] = report_fmt(r, "%s", b);
		}
		row[2] = nd->unit;
		row[3] = d->rank ? report_fmt(r, "%d / %zu", d->rank, d->n) :
		    NULL;
		for (size_t k = 0; k < p->n_strong; k++)
			if (p->strong[k] == e)
				row[4] = ZH(r) ? "优势" : "strength";
		for (size_t k = 0; k < p->n_weak; k++)
			if (p->weak[k] == e)
				row[4] = ZH(r) ? "劣势" : "weakness";
	}
	cidx_doc_continue(doc);
	ret = cidx_doc_table(doc, NULL, cols, 5, cells, p->n_ind, err);
	free(cells);
	return ret;
}

/* one unit's page: the profile chart, its rank, tier and score, its
 * strengths and weaknesses, and its indicators */
static int
profile_page(struct report *r, const struct cidx_ws_indranks *ir,
    size_t row, struct cidx_doc *doc, struct cidx_err *err)
{
	struct cidx_ws_profile p;
	struct cidx_profile pf;
	struct cidx_chart ch;
	const char *name = uname(r, row);
	int ret;

	cidx_ws_profile_make(&p, &r->c, ir, row);
	if ((ret = cidx_ws_chart_profile(&pf, &r->c, r->c.ds->unit[row].code,
	    &r->mem, err)) < 0)
		goto out;
	ch.type = &cidx_chart_profile;
	ch.data = &pf;
	if ((ret = cidx_doc_chart_part(doc, &ch, 0.38,
	    cidx_ws_chart_title(&r->c, ch.type, name, &r->mem), NULL,
	    err)) < 0)
		goto out;
	report_para_reset(r);
	report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
	    "%s：第%d名（共%zu个），%s，得分%s。" : "%s: rank %d of %zu, %s, "
	    "score %s.", name, p.rank, r->c.r->n_ranked, p.tier ?
	    report_fmt(r, ZH(r) ? "第%d梯队" : "tier %d", p.tier) :
	    (ZH(r) ? "未分梯队" : "no tier"), report_num2(r, p.score)));
	report_para(r, CIDX_PARA_TEXT, report_fmt(r, ZH(r) ?
	    "优势（%d年内排名最好的指标）：%s。劣势（排名最差的指标）：%s。" :
	    "Strengths (the indicators with the best rank within %d): %s.  "
	    "Weaknesses (the worst): %s.", r->c.year, picks(r, &p, p.strong,
	    p.n_strong), picks(r, &p, p.weak, p.n_weak)));
	cidx_doc_continue(doc);
	if ((ret = cidx_doc_text(doc, NULL, r->para, r->n_para, err)) == 0)
		ret = profile_table(r, &p, doc, err);
out:
	report_para_reset(r);
	cidx_ws_profile_release(&p);
	return ret;
}

int
report_profiles(struct report *r, struct cidx_doc *doc, const size_t *rows,
    size_t n, struct cidx_err *err)
{
	struct cidx_ws_indranks ir;
	int ret = 0;

	cidx_ws_indranks_make(&ir, &r->c);
	for (size_t k = 0; k < n && ret == 0; k++)
		ret = profile_page(r, &ir, rows[k], doc, err);
	cidx_ws_indranks_release(&ir);
	return ret;
}
