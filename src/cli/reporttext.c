/*
 * reporttext.c - the words of the report, in Chinese or English: the
 * method summary of the title page and the method appendix (the steps
 * with their formulas, as cityidx(1), METHOD, states them).  Text only:
 * the numbers are the library's.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "cli/mcopt.h"
#include "cli/report.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/methodwords.h"
#include "ws/mcrun.h"
#include "ws/names.h"

#define ZH(r) ((r)->c.lang == CIDX_LANG_ZH)
/* a paragraph's words, the catalogue's (core/msg.h) */
#define RM(id) cidx_msg(r->c.lang, CIDX_MSG_R_##id)

static void
para(struct report *r, enum cidx_para_kind kind, char *text)
{
	ALLOC_GROW(r->para, r->n_para + 1, r->cap_para);
	r->para[r->n_para].kind = kind;
	r->para[r->n_para++].text = text;
	ALLOC_GROW(r->mem.p, r->mem.n + 1, r->mem.cap);
	r->mem.p[r->mem.n++] = text;
}

/* paraf()'s templates are the catalogue's: their conversions are
 * checked against each other by tests/unit/t_msg.c, not here */
/* the template's own word for the units, 单位 / unit(s), as the
 * framework (or --unit-word) calls them: 城市 / cities, 地区 / regions;
 * names, which come in as arguments, are never touched */
void
report_noun(struct report *r, const char *fmt, struct sbuf *out)
{
	enum cidx_unit_noun noun = cidx_ws_unit_noun(r->c.ws);
	const char *p = fmt;

	while (*p) {
		int word = p == fmt || !isalpha((unsigned char)p[-1]);

		if (ZH(r) && strncmp(p, "单位", 6) == 0) {
			cidx_sbuf_adds(out, cidx_msg_noun(r->c.lang, noun, 1));
			p += 6;
		} else if (!ZH(r) && word && strncmp(p, "Units", 5) == 0 &&
		    !isalpha((unsigned char)p[5])) {
			const char *w = cidx_msg_noun(r->c.lang, noun, 1);

			cidx_sbuf_addc(out, (char)toupper((unsigned char)*w));
			cidx_sbuf_adds(out, w + 1);
			p += 5;
		} else if (!ZH(r) && word && strncmp(p, "units", 5) == 0 &&
		    !isalpha((unsigned char)p[5])) {
			cidx_sbuf_adds(out, cidx_msg_noun(r->c.lang, noun, 1));
			p += 5;
		} else if (!ZH(r) && word && strncmp(p, "unit", 4) == 0 &&
		    !isalpha((unsigned char)p[4])) {
			cidx_sbuf_adds(out, cidx_msg_noun(r->c.lang, noun, 0));
			p += 4;
		} else
			cidx_sbuf_addc(out, *p++);
	}
}

/* a paragraph of plain text (no format), the unit noun as paraf()'s */
static void
para_noun(struct report *r, enum cidx_para_kind kind, const char *text)
{
	struct sbuf t = SBUF_INIT;

	report_noun(r, text, &t);
	para(r, kind, cidx_sbuf_detach(&t));
}

static void
paraf(struct report *r, enum cidx_para_kind kind, const char *fmt, ...)
{
	va_list ap;
	char *buf;

	va_start(ap, fmt);
	buf = report_vfmt(r, fmt, ap);
	va_end(ap);
	para(r, kind, buf);
}

/* a formula of cityidx(1), METHOD (calc/formula.c); in a Chinese report
 * the catalogue's version of those with words */
static const char *
formula(struct report *r, enum cidx_formula f)
{
	static const struct {
		enum cidx_formula f;
		enum cidx_msg_id id;
	} zh[] = {
		{ CIDX_F_TREAT_LOG, CIDX_MSG_F_TREAT_LOG },
		{ CIDX_F_TOPSIS_NORM, CIDX_MSG_F_TOPSIS_NORM },
		{ CIDX_F_MPI_NORM, CIDX_MSG_F_MPI_NORM },
		{ CIDX_F_AMPI_NORM, CIDX_MSG_F_AMPI_NORM },
		{ CIDX_F_BOD, CIDX_MSG_F_BOD },
		{ CIDX_F_WROCLAW, CIDX_MSG_F_WROCLAW },
		{ CIDX_F_MC_NOISE, CIDX_MSG_F_MC_NOISE },
	};

	for (size_t i = 0; ZH(r) && i < sizeof(zh) / sizeof(zh[0]); i++)
		if (zh[i].f == f)
			return cidx_msg(r->c.lang, zh[i].id);
	return cidx_formula(f);
}

static const char *
norm_formula(struct report *r, enum cidx_norm norm)
{
	if (ZH(r) && norm == CIDX_NORM_ZSCORE)
		return cidx_msg(r->c.lang, CIDX_MSG_F_N_ZSCORE);
	if (ZH(r) && norm == CIDX_NORM_RATIO)
		return cidx_msg(r->c.lang, CIDX_MSG_F_N_RATIO);
	if (ZH(r) && norm == CIDX_NORM_GOALPOSTS)
		return cidx_msg(r->c.lang, CIDX_MSG_F_N_GOALPOSTS);
	return cidx_norm_formula(norm, ZH(r));
}

/* the units a change is measured among, and the dark horses whose
 * coverage changed (cityidx(1), METHOD, Movement) */
static void
movement_units(struct report *r)
{
	const struct cidx_movement *mv = r->c.mv;
	struct sbuf sb = SBUF_INIT;

	paraf(r, CIDX_PARA_TEXT, RM(CHANGES_MEASURED_AMONG), mv->n_common,
	    r->c.year);
	for (size_t i = 0; i < mv->n; i++)
		if (mv->mv[i].dark && mv->mv[i].cov_changed)
			cidx_sbuf_addf(&sb, "%s%s (%+d, %.0f%% -> %.0f%%)",
			    sb.len ? "; " : "", cidx_ws_chart_unit_name(&r->c,
			    &r->c.ds->unit[i]), mv->mv[i].change,
			    100 * mv->mv[i].cov_prev, 100 * mv->mv[i].cov_now);
	if (sb.len)
		paraf(r, CIDX_PARA_TEXT, RM(THESE_DARK_HORSES),
		    sb.buf);
	cidx_sbuf_release(&sb);
}

void
report_summary(struct report *r)
{
	const struct cidx_method *m = cidx_engine_method(cidx_ws_engine(r->c.ws));
	const struct cidx_ranking *rk = r->c.r;
	const struct cidx_prep_report *rep = r->c.rep;
	struct sbuf sb = SBUF_INIT;
	char share[32], *gap;

	r->n_para = 0;
	cidx_ws_describe_words(r->c.ws, r->c.lang, &sb);
	paraf(r, CIDX_PARA_TEXT, RM(UNITS_RANKED_HAVE), r->c.year, rk->n_ranked,
	    rep->n_screened);
	if ((gap = cli_gap_text(r->c.fw, rep, r->c.year, ZH(r))) != NULL)
		paraf(r, CIDX_PARA_TEXT, RM(SENTENCE), gap);
	free(gap);
	cidx_screen_text(share, sizeof(share), m->screen);
	if (m->screen > 0)
		paraf(r, CIDX_PARA_TEXT, RM(COVERAGE_RULE_UNIT), share,
		    m->screen_pillar);
	paraf(r, CIDX_PARA_TEXT, RM(METHOD), sb.buf);
	cidx_sbuf_release(&sb);
	if (rep->n_screened) {
		for (size_t i = 0; i < rep->n_screened; i++) {
			const struct cidx_screened *sc = &rep->screened[i];
			struct cidx_unit u = { sc->code, sc->name, sc->name_en,
				NULL, 0 };
			char pct[32];

			cidx_num_fmt_percent(pct, sizeof(pct), sc->coverage);
			cidx_sbuf_addf(&sb, "%s%s (%s%s%s)", i ? RM(SEP) : "",
			    cidx_ws_unit_name1(&u, ZH(r)), pct,
			    sc->pillar >= 0 ? ", " : "", sc->pillar >= 0 ?
			    cidx_ws_chart_node_name(&r->c, (size_t)sc->pillar) : "");
		}
		paraf(r, CIDX_PARA_TEXT, RM(NOT_RANKED_COVERAGE), sb.buf);
		cidx_sbuf_release(&sb);
	}
	cidx_ws_tier_words(r->c.ts, r->c.lang, &sb);
	paraf(r, CIDX_PARA_TEXT, RM(TIERS_OVER_TOP), sb.buf, r->c.top ?
	    r->c.top : rk->n_ranked);
	cidx_sbuf_release(&sb);
	if (r->c.mv == NULL)
		paraf(r, CIDX_PARA_TEXT, RM(NO_MOVEMENT_THERE));
	else if (r->c.mv->basis == CIDX_BASIS_WITHHELD && !ZH(r))
		paraf(r, CIDX_PARA_TEXT, "Movement against %d is withheld: %s.",
		    r->c.cyear, r->c.mv->why);
	else if (r->c.mv->basis == CIDX_BASIS_WITHHELD &&
	    r->c.mv->why_pillar >= 0)
		paraf(r, CIDX_PARA_TEXT, "与%d年的排名变化未予计算：“%s”支柱在"
		    "%d年和%d年没有共同的有数据指标。", r->c.cyear,
		    cidx_ws_chart_node_name(&r->c, (size_t)r->c.mv->why_pillar),
		    r->c.year, r->c.cyear);
	else if (r->c.mv->basis == CIDX_BASIS_WITHHELD)
		paraf(r, CIDX_PARA_TEXT, "与%d年的排名变化未予计算：两年共有数据"
		    "的指标只有%d项，不到%d年%d项有数据指标的一半。", r->c.cyear,
		    r->c.mv->shared, r->c.year, r->c.mv->n_cur);
	else if (r->c.mv->basis == CIDX_BASIS_COMMON)
		paraf(r, CIDX_PARA_TEXT, RM(MOVEMENT_MEASURED_AGAINST),
		    r->c.cyear,
		    r->c.mv->shared, r->c.mv->n_cur);
	else
		paraf(r, CIDX_PARA_TEXT, RM(MOVEMENT_MEASURED_AGAINST2),
		    r->c.cyear);
	if (r->c.mv && r->c.mv->basis != CIDX_BASIS_WITHHELD)
		movement_units(r);
}

/* MPI and AMPI: step 2 standardises, step 3 penalises the mean */
static void
imethod_mpi(struct report *r, const struct cidx_method *m, int step)
{
	int ampi = m->imethod == CIDX_IM_AMPI;

	if (step == 2 && ampi) {
		paraf(r, CIDX_PARA_TEXT, RM(AMPI_MAZZIOTTA_PARETO));
		para_noun(r, CIDX_PARA_FORMULA,
		    formula(r, CIDX_F_AMPI_NORM));
	} else if (step == 2) {
		paraf(r, CIDX_PARA_TEXT, RM(MPI_DE_MURO));
		para_noun(r, CIDX_PARA_FORMULA,
		    formula(r, CIDX_F_MPI_NORM));
	} else {
		paraf(r, CIDX_PARA_TEXT, RM(WEIGHTED_MEAN_GLOBAL),
		    m->im_p1 > 0 ? RM(PLUS) : RM(MINUS));
		para_noun(r, CIDX_PARA_FORMULA, formula(r, CIDX_F_MPI));
	}
}

/* an index method's step 2 (its own normalisation) or 3 (the scores of
 * the aggregates), with the formulas of cityidx(1), METHOD */
static void
imethod_step(struct report *r, const struct cidx_method *m, int step)
{

	switch (m->imethod) {
	case CIDX_IM_TOPSIS:
		if (step == 2) {
			paraf(r, CIDX_PARA_TEXT, RM(TOPSIS_EACH_INDICATOR));
			para_noun(r, CIDX_PARA_FORMULA,
			    formula(r, CIDX_F_TOPSIS_NORM));
			break;
		}
		paraf(r, CIDX_PARA_TEXT, RM(TOPSIS_VECTOR_NORMALISED));
		para_noun(r, CIDX_PARA_FORMULA, formula(r, CIDX_F_TOPSIS));
		break;
	case CIDX_IM_MPI:
	case CIDX_IM_AMPI:
		imethod_mpi(r, m, step);
		break;
	case CIDX_IM_GRA:
		paraf(r, CIDX_PARA_TEXT, RM(GREY_RELATIONAL_ANALYSIS),
		    m->im_p1);
		para_noun(r, CIDX_PARA_FORMULA, formula(r, CIDX_F_GRA));
		break;
	case CIDX_IM_BOD:
		paraf(r, CIDX_PARA_TEXT, RM(BENEFIT_DOUBT_CHERCHYE));
		para_noun(r, CIDX_PARA_FORMULA, formula(r, CIDX_F_BOD));
		break;
	case CIDX_IM_WROCLAW:
		if (step == 2) {
			paraf(r, CIDX_PARA_TEXT, RM(EACH_INDICATOR_MULTIPLIED));
			break;
		}
		paraf(r, CIDX_PARA_TEXT, RM(WROCLAW_TAXONOMIC_METHOD));
		para_noun(r, CIDX_PARA_FORMULA,
		    formula(r, CIDX_F_WROCLAW));
		break;
	default:
		break;
	}
}

/* the method appendix, 1: the preparation */
static void
method_prep(struct report *r, const struct cidx_method *m)
{
	struct sbuf sb = SBUF_INIT;
	char b[160];

	paraf(r, CIDX_PARA_HEADING, RM(H1_PREPARATION));
	if (m->denominate)
		paraf(r, CIDX_PARA_TEXT, RM(INDICATORS_DIVIDED_THEIR));
	if (m->denominate)
		para_noun(r, CIDX_PARA_FORMULA,
		    formula(r, CIDX_F_DENOMINATE));
	cidx_ws_item_words(m, CIDX_MK_IMPUTE, r->c.lang,
	    cidx_ws_unit_noun(r->c.ws), &sb);
	paraf(r, CIDX_PARA_TEXT, RM(MISSING_VALUES), m->impute ==
	    CIDX_IMPUTE_NONE ? RM(NOT_IMPUTED) : sb.buf);
	cidx_sbuf_release(&sb);
	cidx_screen_text(b, sizeof(b), m->screen);
	if (m->screen > 0)
		paraf(r, CIDX_PARA_TEXT, RM(COVERAGE_UNIT_COVERAGE), b,
		    m->screen_pillar);
	if (m->treat) {
		cidx_method_text(m, CIDX_MK_TREAT, b, sizeof(b));
		paraf(r, CIDX_PARA_TEXT, RM(OUTLIERS_JRC_RULE), b);
		para_noun(r, CIDX_PARA_FORMULA,
		    formula(r, CIDX_F_TREAT_LOG));
	}
}

/* 2 and 3: normalisation and aggregation, or the index method's steps */
static void
method_scores(struct report *r, const struct cidx_method *m)
{
	struct sbuf sb = SBUF_INIT;

	paraf(r, CIDX_PARA_HEADING, RM(H2_NORMALISATION));
	if (m->imethod != CIDX_IM_COMPOSITE &&
	    !cidx_imethod_info(m->imethod)->normalised) {
		imethod_step(r, m, 2);
	} else {
		cidx_ws_item_words(m, CIDX_MK_NORMALISE, r->c.lang,
		    CIDX_NOUN_UNIT, &sb);
		paraf(r, CIDX_PARA_TEXT, RM(EACH_INDICATOR_MULTIPLIED2),
		    sb.buf);
		cidx_sbuf_reset(&sb);
		paraf(r, CIDX_PARA_FORMULA, "%s", norm_formula(r, m->norm));
	}
	paraf(r, CIDX_PARA_HEADING, RM(H3_AGGREGATION));
	if (m->imethod != CIDX_IM_COMPOSITE) {
		imethod_step(r, m, 3);
	} else {
		cidx_ws_item_words(m, CIDX_MK_AGGREGATE, r->c.lang,
		    CIDX_NOUN_UNIT, &sb);
		paraf(r, CIDX_PARA_TEXT, RM(LEVEL_LEVEL_BOTTOM), sb.buf);
		for (int lv = 2; lv <= r->c.fw->top_level; lv++)
			paraf(r, CIDX_PARA_FORMULA, "%s  (%s %d)",
			    cidx_agg_formula(cidx_method_agg_at(m, lv)),
			    RM(LEVEL), lv);
	}
	cidx_sbuf_release(&sb);
}

/* 4 to 6: ranks and tiers, movement, the audit */
static void
method_ranks(struct report *r)
{
	struct sbuf sb = SBUF_INIT;

	cidx_ws_tier_words(r->c.ts, r->c.lang, &sb);
	paraf(r, CIDX_PARA_HEADING, RM(H4_RANKS_TIERS));
	paraf(r, CIDX_PARA_TEXT, RM(UNITS_RANKED_THEIR),
	    sb.buf);
	cidx_sbuf_reset(&sb);
	paraf(r, CIDX_PARA_HEADING, RM(H5_MOVEMENT));
	paraf(r, CIDX_PARA_TEXT, RM(WHEN_YEARS_HAVE));
	cidx_msg_add(&sb, r->c.lang, CIDX_MSG_R_CHANGE_FORMULA,
	    cidx_msg_noun(r->c.lang, cidx_ws_unit_noun(r->c.ws), 1));
	paraf(r, CIDX_PARA_FORMULA, "%s", sb.buf);
	cidx_sbuf_release(&sb);
	paraf(r, CIDX_PARA_HEADING, RM(H6_STATISTICAL_AUDIT));
	paraf(r, CIDX_PARA_TEXT, RM(R_PARENT_PEARSON));
}

/* 7: the uncertainty analysis, when there is one */
static void
method_uncertainty(struct report *r, const struct cidx_mc_result *mc)
{
	struct sbuf sb = SBUF_INIT;

	cidx_ws_mc_words(mc, r->c.fw, r->c.lang, cidx_ws_unit_noun(r->c.ws),
	    &sb);
	paraf(r, CIDX_PARA_HEADING, RM(H7_HOW_CERTAIN_RANKS));
	paraf(r, CIDX_PARA_TEXT, RM(MONTE_CARLO_DRAWS), mc->draws,
	    (unsigned long long)mc->seed,
	    sb.buf, mc->draws, mc->mean_shift);
	if (mc->skip_invalid) {
		cidx_sbuf_reset(&sb);
		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_R_SKIPPED, mc->n_skipped,
		    mc->runs - mc->n_skipped);
		paraf(r, CIDX_PARA_TEXT, "%s", sb.buf);
	}
	para_noun(r, CIDX_PARA_FORMULA, formula(r, CIDX_F_MC_NOISE));
	cidx_sbuf_release(&sb);
}

void
report_method(struct report *r, const struct cidx_mc_result *mc)
{
	const struct cidx_method *m =
	    cidx_engine_method(cidx_ws_engine(r->c.ws));

	r->n_para = 0;
	method_prep(r, m);
	method_scores(r, m);
	method_ranks(r);
	if (mc != NULL)
		method_uncertainty(r, mc);
}
