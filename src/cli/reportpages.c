/*
 * reportpages.c - the report's summary page and unit profiles, in
 * Chinese or English: sentences and tables around the facts the library
 * computes (ws/summary.h), every number from the same ranked year.
 *
 * The words are in place as zh/en pairs M(r, CIDX_MSG_RP_SEP), so the
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
#include "core/msg.h"
#include "core/num.h"
#include "ws/summary.h"

#define ZH(r) ((r)->c.lang == CIDX_LANG_ZH)
#define M(r, id) cidx_msg((r)->c.lang, (id))
/* a paragraph of the catalogue's template, filled */
#define SAY(r, ...) \
	report_para((r), CIDX_PARA_TEXT, report_msg((r), __VA_ARGS__))
/* names listed in a sentence before "and N more" */
#define LIST_MAX 12

char *
report_vfmt(struct report *r, const char *f, va_list ap)
{
	struct sbuf t = SBUF_INIT;
	va_list aq;
	char *buf;
	int n;

	/* the units by the framework's noun (城市, regions), not 单位 */
	report_noun(r, f, &t);
	/* a template of the catalogue or of the report: its arguments are
	 * the same in both languages (core/msg.h) */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, t.buf, aq);
	va_end(aq);
	buf = cidx_xmalloc((size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(buf, (size_t)(n > 0 ? n : 0) + 1, t.buf, ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	cidx_sbuf_release(&t);
	return buf;
}

char *
report_fmt(struct report *r, const char *f, ...)
{
	va_list ap;
	char *buf;

	va_start(ap, f);
	buf = report_vfmt(r, f, ap);
	va_end(ap);
	return cidx_ws_mem_keep(&r->mem, buf);
}

char *
report_msg(struct report *r, enum cidx_msg_id id, ...)
{
	va_list ap;
	char *buf;

	va_start(ap, id);
	buf = report_vfmt(r, cidx_msg(r->c.lang, id), ap);
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
			cidx_sbuf_adds(&sb, M(r, CIDX_MSG_RP_NAMES_SEP));
		cidx_sbuf_adds(&sb, uname(r, rows[k]));
		if (change)
			cidx_msg_add(&sb, r->c.lang, CIDX_MSG_RP_CHANGE_PAREN,
			    r->c.mv->mv[rows[k]].change);
	}
	if (show < n)
		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_RP_AND_MORE,
		    n - show);
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the top 10: rank, name, tier, score, change */
static int
top_table(struct report *r, const struct cidx_ws_summary *s,
    struct cidx_doc *doc, struct cidx_err *err)
{
	struct cidx_doc_col cols[5] = {
		{ M(r, CIDX_MSG_RANK), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_NAME), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_TIER), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_SCORE), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_CHANGE), CIDX_ALIGN_RIGHT },
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
			row[4] = !m->has_change ? M(r, CIDX_MSG_RP_NEW) :
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
		SAY(r, CIDX_MSG_RP_TIER_SENTENCE, k, n, cidx_msg_noun(r->c.lang,
		    cidx_ws_unit_noun(r->c.ws), n != 1), report_num2(r, lo),
		    report_num2(r, hi), name_list(r, &s->tier_rows[
		    s->tier_off[k - 1]], n, 0));
	}
}

/* the climbers and fallers, and the dark horses */
static void
move_sentences(struct report *r, const struct cidx_ws_summary *s)
{
	const struct cidx_movement *mv = r->c.mv;

	if (mv == NULL) {
		report_para(r, CIDX_PARA_TEXT, M(r, CIDX_MSG_RP_NO_EARLIER));
		return;
	}
	if (!s->moves) {
		SAY(r, CIDX_MSG_RP_WITHHELD, r->c.cyear, mv->why);
		return;
	}
	SAY(r, CIDX_MSG_RP_MOVES, r->c.cyear, mv->basis == CIDX_BASIS_SAME ?
	    M(r, CIDX_MSG_RP_BASIS_SAME) : report_msg(r,
	    CIDX_MSG_RP_BASIS_COMMON, mv->shared), mv->n_common, s->n_climb ?
	    name_list(r, s->climb, s->n_climb, 1) : M(r, CIDX_MSG_RP_NONE),
	    s->n_fall ? name_list(r, s->fall, s->n_fall, 1) :
	    M(r, CIDX_MSG_RP_NONE));
	if (s->n_dark)
		SAY(r, CIDX_MSG_RP_DARK, mv->dark, mv->top, name_list(r,
		    s->dark, s->n_dark, 1));
	else
		SAY(r, CIDX_MSG_RP_NO_DARK, mv->dark, mv->top);
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

		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_RP_SCREENED_ITEM, k ?
		    M(r, CIDX_MSG_RP_NAMES_SEP) : "", nm ? nm : sc->code,
		    100 * sc->coverage, sc->pillar < 0 ? "" :
		    M(r, CIDX_MSG_COMMA), sc->pillar < 0 ? "" :
		    cidx_ws_chart_node_name(&r->c, (size_t)sc->pillar));
	}
	if (rep->n_screened > LIST_MAX)
		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_RP_AND_MORE,
		    rep->n_screened - LIST_MAX);
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the units not ranked and why, partial coverage, pillars without data */
static void
coverage_sentences(struct report *r, const struct cidx_ws_summary *s)
{
	char *gap;

	/* the units with data in the year; those without are no part of
	 * the year's ranking, and zero counts are not said */
	report_para(r, CIDX_PARA_TEXT, report_fmt(r, "%s%s%s%s",
	    report_msg(r, CIDX_MSG_RP_COVERAGE, r->c.year, s->n_data,
	    s->n_ranked), s->n_screened ? report_msg(r,
	    CIDX_MSG_RP_COV_SCREENED, s->n_screened) : "", s->n_unscored ?
	    report_msg(r, CIDX_MSG_RP_COV_UNSCORED, s->n_unscored) : "",
	    report_msg(r, CIDX_MSG_RP_COV_END)));
	if (s->n_partial > 0)
		SAY(r, CIDX_MSG_RP_COV_PARTIAL, s->n_partial);
	if (s->n_screened > 0)
		SAY(r, CIDX_MSG_RP_SCREENED, screened_list(r));
	gap = cidx_ws_gap_text(r->c.fw, r->c.rep, r->c.year, ZH(r));
	report_para(r, CIDX_PARA_TEXT, gap ? cidx_ws_mem_keep(&r->mem, gap) :
	    report_msg(r, CIDX_MSG_RP_ALL_PILLARS, r->c.year));
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
	SAY(r, CIDX_MSG_RP_LEAD, r->c.year, s.n_ranked, s.n_top);
	if ((ret = cidx_doc_text(doc, M(r, CIDX_MSG_RP_SUMMARY), r->para,
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

		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_RP_PICK, k ?
		    M(r, CIDX_MSG_RP_NAMES_SEP) : "",
		    cidx_ws_chart_node_name(&r->c, fw->ind[d->col]), d->rank,
		    d->n);
	}
	if (n == 0)
		cidx_sbuf_adds(&sb, M(r, CIDX_MSG_RP_NONE));
	return cidx_ws_mem_keep(&r->mem, cidx_sbuf_detach(&sb));
}

/* the decimals a value is shown with: 0 from 1000, 1 from 100, 2 from
 * 1, else 4 */
static int
value_decimals(double x)
{
	double a = fabs(x);

	return a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 4;
}

/* the indicators of a profile: name, value, unit, rank, mark */
static int
profile_table(struct report *r, const struct cidx_ws_profile *p,
    struct cidx_doc *doc, struct cidx_err *err)
{
	const struct cidx_framework *fw = r->c.fw;
	struct cidx_doc_col cols[5] = {
		{ M(r, CIDX_MSG_RP_INDICATOR), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_VALUE), CIDX_ALIGN_RIGHT },
		{ M(r, CIDX_MSG_RP_UNIT), CIDX_ALIGN_LEFT },
		{ M(r, CIDX_MSG_RP_RANK_IN_YEAR), CIDX_ALIGN_RIGHT },
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
			cidx_num_fmt_fixed(b, sizeof(b), d->value,
			    value_decimals(d->value));
			row[1] = report_fmt(r, "%s", b);
		}
		row[2] = cidx_node_text(nd, CIDX_NODE_UNIT, ZH(r));
		row[3] = d->rank ? report_fmt(r, "%d / %zu", d->rank, d->n) :
		    NULL;
		for (size_t k = 0; k < p->n_strong; k++)
			if (p->strong[k] == e)
				row[4] = M(r, CIDX_MSG_RP_STRENGTH);
		for (size_t k = 0; k < p->n_weak; k++)
			if (p->weak[k] == e)
				row[4] = M(r, CIDX_MSG_RP_WEAKNESS);
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
	SAY(r, CIDX_MSG_RP_PROFILE_HEAD, name, p.rank, r->c.r->n_ranked,
	    p.tier ? report_msg(r, CIDX_MSG_RP_TIER_D, p.tier) :
	    M(r, CIDX_MSG_RP_NO_TIER), report_num2(r, p.score));
	SAY(r, CIDX_MSG_RP_STRENGTHS, r->c.year, picks(r, &p, p.strong,
	    p.n_strong), picks(r, &p, p.weak, p.n_weak));
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
