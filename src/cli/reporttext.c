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

static void
para(struct report *r, enum cidx_para_kind kind, char *text)
{
	ALLOC_GROW(r->para, r->n_para + 1, r->cap_para);
	r->para[r->n_para].kind = kind;
	r->para[r->n_para++].text = text;
	ALLOC_GROW(r->mem.p, r->mem.n + 1, r->mem.cap);
	r->mem.p[r->mem.n++] = text;
}

static void
paraf(struct report *r, enum cidx_para_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* the template's own word for the units, 单位 / unit(s), as the
 * framework (or --unit-word) calls them: 城市 / cities, 地区 / regions;
 * names, which come in as arguments, are never touched */
static void
noun_template(struct report *r, const char *fmt, struct sbuf *out)
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

static void
paraf(struct report *r, enum cidx_para_kind kind, const char *fmt, ...)
{
	struct sbuf t = SBUF_INIT;
	va_list ap;
	char *buf;
	int n;

	noun_template(r, fmt, &t);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, t.buf, ap);
	va_end(ap);
	buf = cidx_xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)(n > 0 ? n : 0) + 1, t.buf, ap);
	va_end(ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	cidx_sbuf_release(&t);
	para(r, kind, buf);
}

/* a formula of cityidx(1), METHOD (calc/formula.c); in a Chinese report
 * the catalogue's version of those with words */
static const char *
formula(struct report *r, enum cidx_formula f)
{
	static const struct { enum cidx_formula f; enum cidx_msg_id id; } zh[] = {
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

	paraf(r, CIDX_PARA_TEXT, ZH(r) ? "变化只在两年均有排名的%zu个单位之间"
	    "计算：排名表中的“本年*”与“上年*”是它们在这些单位中的名次，变化 = "
	    "上年* - 本年*；仅在%d年有排名的单位为新进入者，不影响其他单位的变化。"
	    : "Changes are measured among the %zu units ranked in both "
	    "years: the columns now* and prev* of the ranking are their ranks "
	    "among them, change = prev* - now*; a unit ranked only in %d is "
	    "an entrant and moves nobody.", mv->n_common, r->c.year);
	for (size_t i = 0; i < mv->n; i++)
		if (mv->mv[i].dark && mv->mv[i].cov_changed)
			cidx_sbuf_addf(&sb, "%s%s (%+d, %.0f%% -> %.0f%%)",
			    sb.len ? "; " : "", cidx_ws_chart_unit_name(&r->c,
			    &r->c.ds->unit[i]), mv->mv[i].change,
			    100 * mv->mv[i].cov_prev, 100 * mv->mv[i].cov_now);
	if (sb.len)
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "以下黑马两年的数据覆盖率不同，"
		    "名次上升可能部分来自新增的数据：%s。" : "These dark horses "
		    "had different coverage in the two years, so part of the "
		    "climb may come from data they did not have before: %s.",
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
	paraf(r, CIDX_PARA_TEXT, ZH(r) ? "%d年共排名%zu个单位；%zu个单位因数据"
	    "不足未参与排名。" : "In %d, %zu units are ranked; %zu have too "
	    "little data to be ranked.", r->c.year, rk->n_ranked,
	    rep->n_screened);
	if ((gap = cli_gap_text(r->c.fw, rep, r->c.year, ZH(r))) != NULL)
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "%s。" : "%s.", gap);
	free(gap);
	cidx_screen_text(share, sizeof(share), m->screen);
	if (m->screen > 0)
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "覆盖规则：一个单位须有当年有数据"
		    "指标中至少%s的数据，且每个支柱至少%d项，才参与排名。" :
		    "Coverage rule: a unit is ranked only with data for at "
		    "least %s of the indicators that have data in the year, "
		    "and for at least %d in each pillar.", share,
		    m->screen_pillar);
	paraf(r, CIDX_PARA_TEXT, ZH(r) ? "方法：%s。" : "Method: %s.", sb.buf);
	cidx_sbuf_release(&sb);
	if (rep->n_screened) {
		for (size_t i = 0; i < rep->n_screened; i++) {
			const struct cidx_screened *sc = &rep->screened[i];
			struct cidx_unit u = { sc->code, sc->name, sc->name_en,
				NULL, 0 };
			char pct[32];

			cidx_num_fmt_percent(pct, sizeof(pct), sc->coverage);
			cidx_sbuf_addf(&sb, "%s%s (%s%s%s)", i ? (ZH(r) ? "；" :
			    "; ") : "", cidx_ws_unit_name1(&u, ZH(r)), pct,
			    sc->pillar >= 0 ? ", " : "", sc->pillar >= 0 ?
			    cidx_ws_chart_node_name(&r->c, (size_t)sc->pillar) : "");
		}
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "未参与排名的单位（覆盖率，数据不足"
		    "的支柱）：%s。" : "Not ranked (coverage, the pillar short of "
		    "data): %s.", sb.buf);
		cidx_sbuf_release(&sb);
	}
	cidx_ws_tier_words(r->c.ts, r->c.lang, &sb);
	paraf(r, CIDX_PARA_TEXT, ZH(r) ? "梯队：%s，在前%zu名中划分。" :
	    "Tiers: %s over the top %zu.", sb.buf, r->c.top ?
	    r->c.top : rk->n_ranked);
	cidx_sbuf_release(&sb);
	if (r->c.mv == NULL)
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "无排名变化：没有可比较的年份。" :
		    "No movement: there is no year to compare with.");
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
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "排名变化与%d年比较，两年均按共有"
		    "数据的%d项指标重新排名（本年共%d项）。" : "Movement is measured "
		    "against %d, both years ranked again on the %d indicators "
		    "with data in both (of %d this year).", r->c.cyear,
		    r->c.mv->shared, r->c.mv->n_cur);
	else
		paraf(r, CIDX_PARA_TEXT, ZH(r) ? "排名变化与%d年比较，两年指标相同。"
		    : "Movement is measured against %d, on the same "
		    "indicators.", r->c.cyear);
	if (r->c.mv && r->c.mv->basis != CIDX_BASIS_WITHHELD)
		movement_units(r);
}

/* MPI and AMPI: step 2 standardises, step 3 penalises the mean */
static void
imethod_mpi(struct report *r, const struct cidx_method *m, int step)
{
	int zh = ZH(r), ampi = m->imethod == CIDX_IM_AMPI;

	if (step == 2 && ampi) {
		paraf(r, CIDX_PARA_TEXT, zh ? "AMPI（Mazziotta 与 Pareto 2016）："
		    "以全部年份的最小值与最大值为目标值，映射到 70–130：" : "AMPI "
		    "(Mazziotta and Pareto 2016): goalposts at the minimum and "
		    "maximum over every year, rescaled to 70-130:");
		paraf(r, CIDX_PARA_FORMULA, "%s",
		    formula(r, CIDX_F_AMPI_NORM));
	} else if (step == 2) {
		paraf(r, CIDX_PARA_TEXT, zh ? "MPI（De Muro、Mazziotta 与 Pareto "
		    "2011）：按当年均值与总体标准差标准化：" : "MPI (De Muro, "
		    "Mazziotta and Pareto 2011): standardised with the year's "
		    "mean and population standard deviation:");
		paraf(r, CIDX_PARA_FORMULA, "%s",
		    formula(r, CIDX_F_MPI_NORM));
	} else {
		paraf(r, CIDX_PARA_TEXT, zh ? "按全局权重求均值，并以变异系数%s"
		    "（缺失值跳过）：" : "The weighted mean by the global weights, "
		    "%s the penalty of unbalance (missing values skipped):",
		    m->im_p1 > 0 ? (zh ? "加上惩罚项" : "plus") : (zh ?
		    "减去惩罚项" : "minus"));
		paraf(r, CIDX_PARA_FORMULA, "%s", formula(r, CIDX_F_MPI));
	}
}

/* an index method's step 2 (its own normalisation) or 3 (the scores of
 * the aggregates), with the formulas of cityidx(1), METHOD */
static void
imethod_step(struct report *r, const struct cidx_method *m, int step)
{
	int zh = ZH(r);

	switch (m->imethod) {
	case CIDX_IM_TOPSIS:
		if (step == 2) {
			paraf(r, CIDX_PARA_TEXT, zh ? "TOPSIS：每项指标除以其向量"
			    "长度（只计所有指标都有值的单位）：" : "TOPSIS: each "
			    "indicator is divided by its vector length (over "
			    "the units with a value of every indicator):");
			paraf(r, CIDX_PARA_FORMULA, "%s",
			    formula(r, CIDX_F_TOPSIS_NORM));
			break;
		}
		paraf(r, CIDX_PARA_TEXT, zh ? "TOPSIS：向量标准化后按全局权重加权，"
		    "计算与理想解的相对接近度：" : "TOPSIS: vector-normalised "
		    "values weighted by their global weights; closeness to the "
		    "ideal:");
		paraf(r, CIDX_PARA_FORMULA, "%s", formula(r, CIDX_F_TOPSIS));
		break;
	case CIDX_IM_MPI:
	case CIDX_IM_AMPI:
		imethod_mpi(r, m, step);
		break;
	case CIDX_IM_GRA:
		paraf(r, CIDX_PARA_TEXT, zh ? "灰色关联分析（邓聚龙）：参考序列为各指标的"
		    "最优值，分辨系数 rho = %g；关联度按全局权重加权（缺失值跳过）：" :
		    "Grey relational analysis (Deng): the reference is the best "
		    "value of each indicator, distinguishing coefficient rho = "
		    "%g; the grade weighted by the global weights (missing values "
		    "skipped):", m->im_p1);
		paraf(r, CIDX_PARA_FORMULA, "%s", formula(r, CIDX_F_GRA));
		break;
	case CIDX_IM_BOD:
		paraf(r, CIDX_PARA_TEXT, zh ? "“有利假设”（BoD，Cherchye 等 2007）："
		    "每个单位以线性规划选取对自己最有利的权重（GLPK 求解）；只计所有指标"
		    "都有值的单位：" : "Benefit of the doubt (Cherchye et al. "
		    "2007): each unit's weights are chosen by a linear programme "
		    "to show it in its best light (solved by GLPK); only the units "
		    "with a value of every indicator:");
		paraf(r, CIDX_PARA_FORMULA, "%s", formula(r, CIDX_F_BOD));
		break;
	case CIDX_IM_WROCLAW:
		if (step == 2) {
			paraf(r, CIDX_PARA_TEXT, zh ? "每项指标乘以方向后按均值与总体"
			    "标准差标准化（z 值，只计所有指标都有值的单位）。" :
			    "Each indicator, multiplied by its direction, is "
			    "z-scored with its mean and population standard "
			    "deviation over the units with a value of every "
			    "indicator.");
			break;
		}
		paraf(r, CIDX_PARA_TEXT, zh ? "弗罗茨瓦夫分类法（Hellwig 1968）：标准化后"
		    "与理想单位的加权欧氏距离；只计所有指标都有值的单位：" : "The "
		    "Wroclaw taxonomic method (Hellwig 1968): the weighted "
		    "distance of the z-scored unit from the ideal unit; only the "
		    "units with a value of every indicator:");
		paraf(r, CIDX_PARA_FORMULA, "%s",
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
	int zh = ZH(r);
	char b[160];

	paraf(r, CIDX_PARA_HEADING, zh ? "1. 数据准备" : "1. Preparation");
	if (m->denominate)
		paraf(r, CIDX_PARA_TEXT, zh ? "指标除以框架规定的分母（人口、GDP等）："
		    : "Indicators are divided by their framework denominator:");
	if (m->denominate)
		paraf(r, CIDX_PARA_FORMULA, "%s",
		    formula(r, CIDX_F_DENOMINATE));
	cidx_ws_item_words(m, CIDX_MK_IMPUTE, r->c.lang,
	    cidx_ws_unit_noun(r->c.ws), &sb);
	paraf(r, CIDX_PARA_TEXT, zh ? "缺失值填补：%s。" : "Missing values: "
	    "%s.", m->impute == CIDX_IMPUTE_NONE ? (zh ? "不填补" :
	    "not imputed") : sb.buf);
	cidx_sbuf_release(&sb);
	cidx_screen_text(b, sizeof(b), m->screen);
	if (m->screen > 0)
		paraf(r, CIDX_PARA_TEXT, zh ? "覆盖：单位的覆盖率 = 有数据的指标数 / "
		    "当年有数据的指标数；覆盖率不低于%s且每个支柱至少%d项的单位才参与"
		    "排名。" : "Coverage: a unit's coverage = its indicators with "
		    "data / the indicators with data in the year; it is ranked "
		    "when its coverage is at least %s and it has at least %d "
		    "indicator(s) in each pillar.", b, m->screen_pillar);
	if (m->treat) {
		cidx_method_text(m, CIDX_MK_TREAT, b, sizeof(b));
		paraf(r, CIDX_PARA_TEXT, zh ? "异常值处理（JRC规则，阈值 %s）："
		    "|偏度| 与峰度均超过阈值时缩尾，缩尾无效时取对数：" :
		    "Outliers (the JRC rule, thresholds %s): an indicator "
		    "with |skew| and kurtosis above them is winsorised, or "
		    "else log-transformed:", b);
		paraf(r, CIDX_PARA_FORMULA, "%s",
		    formula(r, CIDX_F_TREAT_LOG));
	}
}

/* 2 and 3: normalisation and aggregation, or the index method's steps */
static void
method_scores(struct report *r, const struct cidx_method *m)
{
	struct sbuf sb = SBUF_INIT;
	int zh = ZH(r);

	paraf(r, CIDX_PARA_HEADING, zh ? "2. 标准化" : "2. Normalisation");
	if (m->imethod != CIDX_IM_COMPOSITE &&
	    !cidx_imethod_info(m->imethod)->normalised) {
		imethod_step(r, m, 2);
	} else {
		cidx_ws_item_words(m, CIDX_MK_NORMALISE, r->c.lang,
		    CIDX_NOUN_UNIT, &sb);
		paraf(r, CIDX_PARA_TEXT, zh ? "每项指标先乘以方向（越低越好为 "
		    "-1），再标准化（%s）：" : "Each indicator is multiplied "
		    "by its direction (-1: lower is better), then normalised "
		    "(%s):", sb.buf);
		cidx_sbuf_reset(&sb);
		paraf(r, CIDX_PARA_FORMULA, "%s", norm_formula(r, m->norm));
	}
	paraf(r, CIDX_PARA_HEADING, zh ? "3. 加权汇总" : "3. Aggregation");
	if (m->imethod != CIDX_IM_COMPOSITE) {
		imethod_step(r, m, 3);
	} else {
		cidx_ws_item_words(m, CIDX_MK_AGGREGATE, r->c.lang,
		    CIDX_NOUN_UNIT, &sb);
		paraf(r, CIDX_PARA_TEXT, zh ? "自下而上逐层汇总（%s），权重在有数据"
		    "的子项之间重新归一（W 为有数据子项的权重之和）：" : "Level by level, "
		    "bottom up (%s), the weights rescaled over the children "
		    "that have a value (W: the sum of their weights):", sb.buf);
		for (int lv = 2; lv <= r->c.fw->top_level; lv++)
			paraf(r, CIDX_PARA_FORMULA, "%s  (%s %d)",
			    cidx_agg_formula(cidx_method_agg_at(m, lv)),
			    zh ? "层" : "level", lv);
	}
	cidx_sbuf_release(&sb);
}

/* 4 to 6: ranks and tiers, movement, the audit */
static void
method_ranks(struct report *r)
{
	struct sbuf sb = SBUF_INIT;
	int zh = ZH(r);

	cidx_ws_tier_words(r->c.ts, r->c.lang, &sb);
	paraf(r, CIDX_PARA_HEADING, zh ? "4. 排名与梯队" : "4. Ranks and tiers");
	paraf(r, CIDX_PARA_TEXT, zh ? "按指数得分降序排名，并列者名次相同"
	    "（1, 2, 2, 4）。梯队：%s。" : "Units are ranked by their index "
	    "score, ties sharing the lowest rank (1, 2, 2, 4).  Tiers: %s.",
	    sb.buf);
	cidx_sbuf_reset(&sb);
	paraf(r, CIDX_PARA_HEADING, zh ? "5. 排名变化" : "5. Movement");
	paraf(r, CIDX_PARA_TEXT, zh ? "两年指标不同时，两年都按共有数据的指标重新"
	    "排名；共有指标少于当年的一半或某支柱没有共有指标时，不计算排名变化。"
	    "排名变化只在两年都参与排名的单位之间比较：今年新参与排名的单位不影响"
	    "其他单位的变化。进入前N名须上年排在N名之后；上年无数据的单位不算新进入。" :
	    "When the years have data for different indicators, both are "
	    "ranked again on the indicators they share; with fewer than half "
	    "of this year's indicators shared, or a pillar sharing none, no "
	    "movement is shown.  Changes are measured among the units ranked "
	    "in both years: a unit ranked only this year changes nobody's "
	    "rank.  A new entrant to the top N was ranked below N the year "
	    "before; a unit without data then is not new.");
	cidx_msg_add(&sb, r->c.lang, CIDX_MSG_R_CHANGE_FORMULA,
	    cidx_msg_noun(r->c.lang, cidx_ws_unit_noun(r->c.ws), 1));
	paraf(r, CIDX_PARA_FORMULA, "%s", sb.buf);
	cidx_sbuf_release(&sb);
	paraf(r, CIDX_PARA_HEADING, zh ? "6. 统计审查" : "6. Statistical audit");
	paraf(r, CIDX_PARA_TEXT, zh ? "与上级相关：与所属支柱（或指数）得分的 "
	    "Pearson 相关系数，负值表示该项与上级方向相反；Cronbach α 与第一主成分"
	    "的方差占比衡量各组子项是否测量同一事物。" : "r with parent: the "
	    "Pearson correlation with the score of the node above (negative: "
	    "it pulls the other way); Cronbach's alpha and the variance share "
	    "of the first principal component tell whether a group's children "
	    "measure one thing.");
}

/* 7: the uncertainty analysis, when there is one */
static void
method_uncertainty(struct report *r, const struct cidx_mc_result *mc)
{
	struct sbuf sb = SBUF_INIT;
	int zh = ZH(r);

	cidx_ws_mc_words(mc, r->c.fw, r->c.lang, cidx_ws_unit_noun(r->c.ws),
	    &sb);
	paraf(r, CIDX_PARA_HEADING, zh ? "7. 排名的不确定性" :
	    "7. How certain the ranks are");
	paraf(r, CIDX_PARA_TEXT, zh ? "蒙特卡洛模拟共%zu次（随机种子%llu）。"
	    "不确定的输入：%s。每次模拟按上述方式扰动权重、随机选取各项备选方法，"
	    "重新计算得分与排名；每个单位给出其%zu次排名的中位数及第5、第95百分位"
	    "（不确定性图中的区间），平均排名偏移为%.2f位。" : "%zu Monte Carlo "
	    "draws (seed %llu).  Uncertain inputs: %s.  Each draw perturbs the "
	    "weights and picks one of the alternatives of each input at random, "
	    "then scores and ranks every unit again; each unit's median rank "
	    "and the 5th and 95th percentiles of its %zu ranks give the "
	    "interval of the uncertainty figure.  The ranks moved by %.2f "
	    "places on average.", mc->draws, (unsigned long long)mc->seed,
	    sb.buf, mc->draws, mc->mean_shift);
	if (mc->skip_invalid) {
		cidx_sbuf_reset(&sb);
		cidx_msg_add(&sb, r->c.lang, CIDX_MSG_R_SKIPPED, mc->n_skipped,
		    mc->runs - mc->n_skipped);
		paraf(r, CIDX_PARA_TEXT, "%s", sb.buf);
	}
	paraf(r, CIDX_PARA_FORMULA, "%s", formula(r, CIDX_F_MC_NOISE));
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
