/*
 * msg.h - the one catalogue of the words a reader sees, in Chinese and
 * English (cityidx(1), OUTPUT FORMATS, Language): the charts' axis
 * titles and legends, the method in words, the unit noun, the report's
 * and explain's phrases, the xlsx sheets.  Every output takes its words
 * from here, so that one output is in one language.
 *
 * To add a word: a CIDX_MSG_ id below (in the group of its output) and
 * its row in msg.c, both languages.  A template takes printf arguments
 * and is used with a format checked by the caller's compiler only
 * through cidx_msgf(); keep the arguments in the same order in both.
 */
#ifndef CIDX_CORE_MSG_H
#define CIDX_CORE_MSG_H

#include <stddef.h>

/* the language of an output's own words */
enum cidx_lang {
	CIDX_LANG_ZH = 0,
	CIDX_LANG_EN = 1
};

/* what the units of a framework are called: "城市" / "city" ... */
enum cidx_unit_noun {
	CIDX_NOUN_UNIT = 0,     /* neutral: 单位 / unit (the last resort) */
	CIDX_NOUN_CITY,         /* 城市 / city */
	CIDX_NOUN_REGION,       /* 地区 / region */
	CIDX_NOUN__COUNT
};

enum cidx_msg_id {
	/* ---- charts (plot/words.c keeps them as W_*) ---- */
	CIDX_MSG_SCORE, CIDX_MSG_RANK, CIDX_MSG_MEDIAN, CIDX_MSG_UNTIERED,
	CIDX_MSG_NO_BOUNDARY, CIDX_MSG_NO_DATA, CIDX_MSG_DARK_HORSE,
	CIDX_MSG_NEW_ENTRANT, CIDX_MSG_OTHERS, CIDX_MSG_NOT_RANKED_IN,
	CIDX_MSG_NEW, CIDX_MSG_CORRELATION, CIDX_MSG_HATCHED_NAN,
	CIDX_MSG_VALUE, CIDX_MSG_NOMINAL_RANK, CIDX_MSG_RANGE_5_95,
	CIDX_MSG_MEDIAN_RANK, CIDX_MSG_CONTINUED, CIDX_MSG_TOTAL,
	CIDX_MSG_LIST_SEP, CIDX_MSG_COLON, CIDX_MSG_NOT_RANKED,
	CIDX_MSG_NO_DATA_IN, CIDX_MSG_CLIMBERS, CIDX_MSG_FALLERS,
	CIDX_MSG_TIER_N,          /* "第%s梯队" / "Tier %s" */
	CIDX_MSG_SEMI,            /* "；" / "; " */
	CIDX_MSG_OR,              /* "或" / " or " */

	CIDX_MSG_BARS_MORE,       /* "%s图中为前%d个%s，另有%zu个见排名表" */
	CIDX_MSG_MAP_FEW,         /* "%zu个%s数据不足（斜线）" */
	CIDX_MSG_MAP_NONE,        /* "%zu个%s%d年无数据（浅色）" */
	CIDX_MSG_MAP_NOT_RANKED,  /* "未排名：" */
	CIDX_MSG_TITLE_TIERS,     /* the charts' titles: index, year, ... */
	CIDX_MSG_TITLE_PILLARS,
	CIDX_MSG_TITLE_MOVERS,
	CIDX_MSG_TITLE_HEATMAP,
	CIDX_MSG_TITLE_PROFILE,
	CIDX_MSG_TITLE_MAP,
	CIDX_MSG_TITLE_UNCERT,
	CIDX_MSG_TITLE_TREND,
	CIDX_MSG_TITLE_SCORES,
	CIDX_MSG_BY_PILLAR,
	CIDX_MSG_BY_INDICATOR,
	CIDX_MSG_TREND_BASIS,     /* "往年排名按与%d年共有的指标计算" */
	CIDX_MSG_TREND_LEFT,      /* years, year: the years left out */
	CIDX_MSG_TREND_GAP,       /* "；断开处为当年未上榜" */

	/* ---- the method in words (ws/describe.c) ---- */
	CIDX_MSG_M_NORMALISATION, /* "归一化" / "normalisation" */
	CIDX_MSG_M_AGGREGATION,
	CIDX_MSG_M_WEIGHTS,
	CIDX_MSG_M_INDEX_METHOD,
	CIDX_MSG_M_PREPARATION,
	CIDX_MSG_M_N_MINMAX,      /* "最小–最大法（%s–%s）" */
	CIDX_MSG_M_N_ZSCORE,      /* "标准分数（均值%s，标准差%s）" */
	CIDX_MSG_M_N_RANK,
	CIDX_MSG_M_N_PERCENTILE,
	CIDX_MSG_M_N_RATIO,
	CIDX_MSG_M_N_DISTMAX,
	CIDX_MSG_M_N_GOALPOSTS,   /* "目标值法（%s–%s）" */
	CIDX_MSG_M_N_GOALPOSTS0,  /* goalposts without bounds */
	CIDX_MSG_M_PANEL,         /* "（跨年）" / " (over all years)" */
	CIDX_MSG_M_A_ARITH,
	CIDX_MSG_M_A_GEOM,
	CIDX_MSG_M_A_HARM,
	CIDX_MSG_M_A_LEVEL,       /* "第%d层%s" / "level %d: %s" */
	CIDX_MSG_M_I_COMPOSITE,   /* "归一化后加总" */
	CIDX_MSG_M_I_TOPSIS,
	CIDX_MSG_M_I_MPI,
	CIDX_MSG_M_I_AMPI,
	CIDX_MSG_M_I_GRA,
	CIDX_MSG_M_I_BOD,
	CIDX_MSG_M_I_WROCLAW,
	CIDX_MSG_M_I_NEG,         /* "（负向惩罚）" / " (penalty below)" */
	CIDX_MSG_M_I_POS,
	CIDX_MSG_M_I_RHO,         /* "分辨系数%s" / "distinguishing coefficient %s" */
	CIDX_MSG_M_I_BOUNDS,      /* "权重界限%s–%s" / "weight bounds %s–%s" */
	CIDX_MSG_M_COMPLETE,      /* units need every indicator */
	CIDX_MSG_M_SKIP_MISSING,
	CIDX_MSG_M_DENOMINATE,
	CIDX_MSG_M_IMPUTE,        /* "缺失值插补：%s" */
	CIDX_MSG_M_IMP_NONE, CIDX_MSG_M_IMP_MEAN, CIDX_MSG_M_IMP_MEDIAN,
	CIDX_MSG_M_IMP_GMEAN,     /* "按“%s”分组均值" */
	CIDX_MSG_M_IMP_GMEDIAN,
	CIDX_MSG_M_IMP_CARRY,
	CIDX_MSG_M_SCREEN,        /* "覆盖率筛选：%s（每个支柱至少%d项）" */
	CIDX_MSG_M_TREAT,         /* "异常值处理（偏度%s，峰度%s，最多%d个）" */
	CIDX_MSG_M_W_FRAMEWORK,
	CIDX_MSG_M_W_DERIVED,     /* "%s权重（由%d年数据求得%s）" */
	CIDX_MSG_M_W_EQUAL, CIDX_MSG_M_W_ENTROPY, CIDX_MSG_M_W_CRITIC,
	CIDX_MSG_M_W_PCA, CIDX_MSG_M_W_AHP, CIDX_MSG_M_W_COMBINE,
	CIDX_MSG_M_W_FILE,        /* "，由%s覆盖" */
	CIDX_MSG_M_W_SET,         /* "，指定%s" */
	CIDX_MSG_M_W_ORIGIN,      /* "方法文件%s中记录的权重" */
	CIDX_MSG_M_W_POOLED,      /* "，跨年汇总" / ", pooled over all years" */
	CIDX_MSG_M_PANEL_YEARS,   /* "（%d–%d年统一）" / " (over %d–%d)" */
	CIDX_MSG_COMMA,           /* "，" / ", " */
	CIDX_MSG_M_METHOD,        /* "方法：%s" / "method: %s" */

	/* ---- tiers in words (ws/methodwords.c) ---- */
	CIDX_MSG_T_COUNTS,        /* "按名次划分（各梯队%s个）" */
	CIDX_MSG_T_BREAKS,        /* "按分数线%s划分" */
	CIDX_MSG_T_QUANTILE,      /* "分位数法（%d个梯队）" */
	CIDX_MSG_T_KMEANS,
	CIDX_MSG_T_JENKS,
	CIDX_MSG_T_EIS,

	/* ---- the report (cli/reporttext.c) ---- */
	CIDX_MSG_R_CHANGE_FORMULA, /* change = ... (the ranks among the %s ...) */
	CIDX_MSG_R_SKIPPED,       /* "其中%zu次模拟被跳过：..." */
	/* the paragraphs of the report (cli/reporttext.c) */
	CIDX_MSG_R_CHANGES_MEASURED_AMONG,
	CIDX_MSG_R_THESE_DARK_HORSES,
	CIDX_MSG_R_UNITS_RANKED_HAVE,
	CIDX_MSG_R_SENTENCE,
	CIDX_MSG_R_COVERAGE_RULE_UNIT,
	CIDX_MSG_R_METHOD,
	CIDX_MSG_R_SEP,
	CIDX_MSG_R_NOT_RANKED_COVERAGE,
	CIDX_MSG_R_TIERS_OVER_TOP,
	CIDX_MSG_R_NO_MOVEMENT_THERE,
	CIDX_MSG_R_MOVEMENT_MEASURED_AGAINST,
	CIDX_MSG_R_MOVEMENT_MEASURED_AGAINST2,
	CIDX_MSG_R_AMPI_MAZZIOTTA_PARETO,
	CIDX_MSG_R_MPI_DE_MURO,
	CIDX_MSG_R_WEIGHTED_MEAN_GLOBAL,
	CIDX_MSG_R_PLUS,
	CIDX_MSG_R_MINUS,
	CIDX_MSG_R_TOPSIS_EACH_INDICATOR,
	CIDX_MSG_R_TOPSIS_VECTOR_NORMALISED,
	CIDX_MSG_R_GREY_RELATIONAL_ANALYSIS,
	CIDX_MSG_R_BENEFIT_DOUBT_CHERCHYE,
	CIDX_MSG_R_EACH_INDICATOR_MULTIPLIED,
	CIDX_MSG_R_WROCLAW_TAXONOMIC_METHOD,
	CIDX_MSG_R_H1_PREPARATION,
	CIDX_MSG_R_INDICATORS_DIVIDED_THEIR,
	CIDX_MSG_R_MISSING_VALUES,
	CIDX_MSG_R_NOT_IMPUTED,
	CIDX_MSG_R_COVERAGE_UNIT_COVERAGE,
	CIDX_MSG_R_OUTLIERS_JRC_RULE,
	CIDX_MSG_R_H2_NORMALISATION,
	CIDX_MSG_R_EACH_INDICATOR_MULTIPLIED2,
	CIDX_MSG_R_H3_AGGREGATION,
	CIDX_MSG_R_LEVEL_LEVEL_BOTTOM,
	CIDX_MSG_R_LEVEL,
	CIDX_MSG_R_H4_RANKS_TIERS,
	CIDX_MSG_R_UNITS_RANKED_THEIR,
	CIDX_MSG_R_H5_MOVEMENT,
	CIDX_MSG_R_WHEN_YEARS_HAVE,
	CIDX_MSG_R_H6_STATISTICAL_AUDIT,
	CIDX_MSG_R_R_PARENT_PEARSON,
	CIDX_MSG_R_H7_HOW_CERTAIN_RANKS,
	CIDX_MSG_R_MONTE_CARLO_DRAWS,
	/* the formulas with words (the English is calc/formula.c's) */
	CIDX_MSG_F_TREAT_LOG, CIDX_MSG_F_TOPSIS_NORM, CIDX_MSG_F_MPI_NORM,
	CIDX_MSG_F_AMPI_NORM, CIDX_MSG_F_BOD, CIDX_MSG_F_WROCLAW,
	CIDX_MSG_F_MC_NOISE, CIDX_MSG_F_N_ZSCORE, CIDX_MSG_F_N_RATIO,
	CIDX_MSG_F_N_GOALPOSTS,

	/* ---- explain (cli/cmd_explain.c); the English as it always was ---- */
	CIDX_MSG_EX_HEAD,         /* code, name, score, rank, n, year, noun */
	CIDX_MSG_EX_NODE, CIDX_MSG_EX_NAME, CIDX_MSG_EX_VALUE,
	CIDX_MSG_EX_SHARE, CIDX_MSG_EX_CONTRIB, CIDX_MSG_EX_FACTOR,
	CIDX_MSG_EX_ADDITIVE,
	CIDX_MSG_EX_NOT_ADDITIVE_IM, /* "%s" the method */
	CIDX_MSG_EX_NOT_ADDITIVE_GEOM,
	CIDX_MSG_EX_WITHHELD,     /* cyear, why, shared */
	CIDX_MSG_EX_COMMON,       /* shared, year, cyear */
	CIDX_MSG_EX_CHANGE,       /* then, cyear, now, year, n, change, noun */
	CIDX_MSG_EX_OWN_NEW,      /* year, cyear, rank */
	CIDX_MSG_EX_OWN_OLD,      /* cyear, year, rank */
	CIDX_MSG_EX_DUE_OWN,      /* sign, places */
	CIDX_MSG_EX_DUE_OTHERS,   /* sign, places, noun */

	/* ---- the workbook (cli/xlsxout.c), with --lang ---- */
	CIDX_MSG_XL_RANKING, CIDX_MSG_XL_SCORES, CIDX_MSG_XL_METHOD,
	CIDX_MSG_XL_CODE, CIDX_MSG_XL_NAME, CIDX_MSG_XL_NAME_EN,
	CIDX_MSG_XL_RELATIVE, CIDX_MSG_XL_GROWTH, CIDX_MSG_XL_TIER,
	CIDX_MSG_XL_COVERAGE, CIDX_MSG_XL_BASIS_RANK, CIDX_MSG_XL_PREV_RANK,
	CIDX_MSG_XL_COMMON_PREV, CIDX_MSG_XL_COMMON_NOW, CIDX_MSG_XL_CHANGE,
	CIDX_MSG_XL_COVERAGE_PREV, CIDX_MSG_XL_NODE_NAME,
	CIDX_MSG_XL_VERSION, CIDX_MSG_XL_WORKSPACE, CIDX_MSG_XL_YEAR,
	CIDX_MSG_XL_COMPARE_YEAR, CIDX_MSG_XL_NOTE, CIDX_MSG_XL_TIERS,
	CIDX_MSG_XL_TOP, CIDX_MSG_XL_BASIS, CIDX_MSG_XL_SAME,
	CIDX_MSG_XL_COMMON, CIDX_MSG_XL_SHA, CIDX_MSG_XL_PARENT,
	CIDX_MSG_XL_WEIGHT, CIDX_MSG_XL_NOMINAL, CIDX_MSG_XL_EFFECTIVE,
	CIDX_MSG_XL_IMPORTANCE, CIDX_MSG_XL_NO_DATA, CIDX_MSG_XL_WEIGHT0,

	/* ---- the report's summary, profiles, regions and indicator
	 * appendix (cli/reportpages.c, cli/reportappx.c) ---- */
	CIDX_MSG_RP_NAMES_SEP,
	CIDX_MSG_RP_CHANGE_PAREN,
	CIDX_MSG_RP_AND_MORE,
	CIDX_MSG_RP_NAME,
	CIDX_MSG_RP_TIER,
	CIDX_MSG_RP_SCORE,
	CIDX_MSG_RP_CHANGE,
	CIDX_MSG_RP_NEW,
	CIDX_MSG_RP_TIER_SENTENCE,
	CIDX_MSG_RP_NO_EARLIER,
	CIDX_MSG_RP_WITHHELD,
	CIDX_MSG_RP_MOVES,
	CIDX_MSG_RP_BASIS_SAME,
	CIDX_MSG_RP_BASIS_COMMON,
	CIDX_MSG_RP_NONE,
	CIDX_MSG_RP_DARK,
	CIDX_MSG_RP_NO_DARK,
	CIDX_MSG_RP_SCREENED_ITEM,
	CIDX_MSG_RP_COVERAGE,
	CIDX_MSG_RP_COV_SCREENED,
	CIDX_MSG_RP_COV_UNSCORED,
	CIDX_MSG_RP_COV_END,
	CIDX_MSG_RP_COV_PARTIAL,
	CIDX_MSG_RP_SCREENED,
	CIDX_MSG_RP_ALL_PILLARS,
	CIDX_MSG_RP_LEAD,
	CIDX_MSG_RP_SUMMARY,
	CIDX_MSG_RP_PICK,
	CIDX_MSG_RP_INDICATOR,
	CIDX_MSG_RP_VALUE,
	CIDX_MSG_RP_UNIT,
	CIDX_MSG_RP_RANK_IN_YEAR,
	CIDX_MSG_RP_STRENGTH,
	CIDX_MSG_RP_WEAKNESS,
	CIDX_MSG_RP_PROFILE_HEAD,
	CIDX_MSG_RP_TIER_D,
	CIDX_MSG_RP_NO_TIER,
	CIDX_MSG_RP_STRENGTHS,
	CIDX_MSG_RP_ZERO_NO_DATA,
	CIDX_MSG_RP_SOURCE,
	CIDX_MSG_RP_CODE,
	CIDX_MSG_RP_DIR,
	CIDX_MSG_RP_PILLAR,
	CIDX_MSG_RP_WEIGHT_NOM_EFF,
	CIDX_MSG_RP_YEARS_WITH_DATA,
	CIDX_MSG_RP_APPENDIX,
	CIDX_MSG_RP_DEFINITIONS,
	CIDX_MSG_RP_DEFS_OTHER,   /* "%zu项指标的定义与来源为英文，见英文版报告。" */
	CIDX_MSG_RP_RANK_IN_REGION,
	CIDX_MSG_RP_RANK_OVERALL,
	CIDX_MSG_RP_REGIONS,
	CIDX_MSG_RP_PROVINCE, CIDX_MSG_RP_COUNTRY, CIDX_MSG_RP_REGION,

	/* ---- the uncertain inputs (ws/mcrun.c) ---- */
	CIDX_MSG_MC_DRAWS,        /* "%zu次蒙特卡洛模拟：" */
	CIDX_MSG_MC_WEIGHTS,      /* "%zu个权重±%s%%（第%s层）" */
	CIDX_MSG_MC_DROP,         /* "剔除%zu项指标之一" */
	CIDX_MSG_MC_IMPUTE, CIDX_MSG_MC_WINMAX, CIDX_MSG_MC_NORMALISE,
	CIDX_MSG_MC_AGGREGATE, CIDX_MSG_MC_METHOD, /* "归一化：" ... */

	CIDX_MSG__COUNT
};

/*! cidx_msg() :
 *  The word or template `id` in `lang`; never NULL. */
const char *cidx_msg(enum cidx_lang lang, enum cidx_msg_id id);

/*! cidx_msg_noun() :
 *  The unit noun in `lang`: "城市", "city" or, plural != 0, "cities". */
const char *cidx_msg_noun(enum cidx_lang lang, enum cidx_unit_noun noun,
    int plural);

/*! cidx_msg_noun_parse() :
 *  "city", "region", "unit" (or 城市, 地区, 单位) to its noun.
 *  @return 0, or -1 for any other word. */
int cidx_msg_noun_parse(const char *s, enum cidx_unit_noun *noun);

/*! cidx_msg_fmt() :
 *  Template `id` in `lang` filled as snprintf() does (the arguments
 *  must match both languages' templates); cut at a whole character. */
void cidx_msg_fmt(char *buf, size_t n, enum cidx_lang lang,
    enum cidx_msg_id id, ...);

struct sbuf;

/*! cidx_msg_add() : template `id` in `lang` filled, appended to `sb`. */
void cidx_msg_add(struct sbuf *sb, enum cidx_lang lang, enum cidx_msg_id id,
    ...);

/*! cidx_msg_add_years() :
 *  The ascending `years` appended to `sb` as a list in `lang`, three or
 *  more consecutive years as one range: "2006–2013, 2015" /
 *  "2006–2013、2015". */
void cidx_msg_add_years(struct sbuf *sb, enum cidx_lang lang,
    const int *years, size_t n);

#endif
