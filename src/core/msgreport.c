/*
 * msgreport.c - the catalogue's words of the report's summary, profiles,
 * regions and appendix (msg.c has the others; cidx_msg() reads both).
 */
#include "core/msg.h"
#include "core/msg_int.h"

const char *const cidx_msg_report[CIDX_MSG__COUNT][2] = {
	[CIDX_MSG_RP_NAMES_SEP] = { "、", "; " },
	[CIDX_MSG_RP_CHANGE_PAREN] = { "（%+d）", " (%+d)" },
	[CIDX_MSG_RP_AND_MORE] = { "，另有%zu个", "; and %zu more" },
	[CIDX_MSG_RP_NAME] = { "名称", "name" },
	[CIDX_MSG_RP_TIER] = { "梯队", "tier" },
	[CIDX_MSG_RP_SCORE] = { "得分", "score" },
	[CIDX_MSG_RP_CHANGE] = { "变化", "change" },
	[CIDX_MSG_RP_NEW] = { "新上榜", "new" },
	[CIDX_MSG_RP_TIER_SENTENCE] = {
	    "第%zu梯队（%zu个%s，得分%s至%s）：%s。",
	    "Tier %zu (%zu %s, scores %s to %s): %s."
	},
	[CIDX_MSG_RP_NO_EARLIER] = { "未与较早年份比较。",
	    "No earlier year is compared with." },
	[CIDX_MSG_RP_WITHHELD] = { "与%d年的变化不予计算：%s。",
	    "Movement against %d is withheld: %s." },
	[CIDX_MSG_RP_MOVES] = {
	    "与%d年相比（同口径：%s，%zu个两年均有排名的单位之间的名次），上升"
	    "最多的是%s。下降最多的是%s。",
	    "Against %d, like for like (%s; ranks among the %zu units ranked "
	    "in both years), the largest climbers are %s.  The largest fallers "
	    "are %s."
	},
	[CIDX_MSG_RP_BASIS_SAME] = { "两年指标相同",
	    "the same indicators in both years" },
	[CIDX_MSG_RP_BASIS_COMMON] = { "两年共有的%d个指标",
	    "the %d indicators both years have" },
	[CIDX_MSG_RP_NONE] = { "无", "none" },
	[CIDX_MSG_RP_DARK] = { "黑马（上升至少%d位进入前%zu名）：%s。",
	    "Dark horses (climbed %d places or more into the top %zu): %s." },
	[CIDX_MSG_RP_NO_DARK] = {
	    "没有黑马：没有单位上升至少%d位进入前%zu名。",
	    "No dark horse: no unit climbed %d places or more into the top %zu."
	},
	[CIDX_MSG_RP_SCREENED_ITEM] = { "%s%s（%.0f%%%s%s）",
	    "%s%s (%.0f%%%s%s)" },
	[CIDX_MSG_RP_COVERAGE] = { "%d年有数据的单位共%zu个，其中%zu个参与排名",
	    "In %d, %zu units have data and %zu are ranked" },
	[CIDX_MSG_RP_COV_SCREENED] = { "；%zu个因数据不足未排名",
	    "; not ranked for too little data: %zu" },
	[CIDX_MSG_RP_COV_UNSCORED] = { "；%zu个无法计算指数值",
	    "; without an index value: %zu" },
	[CIDX_MSG_RP_COV_END] = { "。", "." },
	[CIDX_MSG_RP_COV_PARTIAL] = {
	    "参与排名的单位中%zu个缺少部分指标（覆盖率低于100%%）。",
	    "Ranked units lacking some indicators (coverage below 100%%): "
	    "%zu." },
	[CIDX_MSG_RP_SCREENED] = {
	    "因数据不足未排名（有值指标的比例，不足的支柱）：%s。",
	    "Screened out for too little data (the share of indicators with a "
	    "value; the pillar short of them): %s."
	},
	[CIDX_MSG_RP_ALL_PILLARS] = { "%d年每个支柱都有数据。",
	    "Every pillar has data in %d." },
	[CIDX_MSG_RP_LEAD] = { "%d年共%zu个单位参与排名。前%zu名：",
	    "In %d, %zu units are ranked.  The top %zu:" },
	[CIDX_MSG_RP_SUMMARY] = { "摘要", "Summary" },
	[CIDX_MSG_RP_PICK] = { "%s%s（第%d名，共%zu）", "%s%s (%d of %zu)" },
	[CIDX_MSG_RP_INDICATOR] = { "指标", "indicator" },
	[CIDX_MSG_RP_VALUE] = { "数值", "value" },
	[CIDX_MSG_RP_UNIT] = { "单位", "unit" },
	[CIDX_MSG_RP_RANK_IN_YEAR] = { "年内排名", "rank" },
	[CIDX_MSG_RP_STRENGTH] = { "优势", "strength" },
	[CIDX_MSG_RP_WEAKNESS] = { "劣势", "weakness" },
	[CIDX_MSG_RP_PROFILE_HEAD] = { "%s：第%d名（共%zu个），%s，得分%s。",
	    "%s: rank %d of %zu, %s, score %s." },
	[CIDX_MSG_RP_TIER_D] = { "第%d梯队", "tier %d" },
	[CIDX_MSG_RP_NO_TIER] = { "未分梯队", "no tier" },
	[CIDX_MSG_RP_STRENGTHS] = {
	    "优势（%d年内排名最好的指标）：%s。劣势（排名最差的指标）：%s。",
	    "Strengths (the indicators with the best rank within %d): %s.  Weaknesses "
	    "(the worst): %s."
	},
	[CIDX_MSG_RP_ZERO_NO_DATA] = { "0（无数据）", "0 (no data)" },
	[CIDX_MSG_RP_SOURCE] = { " 来源：", " Source: " },
	[CIDX_MSG_RP_CODE] = { "代码", "code" },
	[CIDX_MSG_RP_DIR] = { "方向", "dir." },
	[CIDX_MSG_RP_PILLAR] = { "支柱", "pillar" },
	[CIDX_MSG_RP_WEIGHT_NOM_EFF] = { "权重：名义/实际",
	    "weight: nominal / effective" },
	[CIDX_MSG_RP_YEARS_WITH_DATA] = { "有数据的年份", "years with data" },
	[CIDX_MSG_RP_APPENDIX] = { "附录：指标", "Appendix: the indicators" },
	[CIDX_MSG_RP_DEFINITIONS] = { "指标定义与来源",
	    "Definitions and sources" },
	[CIDX_MSG_RP_DEFS_OTHER] = {
	    "另有%zu项指标的定义与来源为英文，见英文版报告。",
	    "The definitions and sources of %zu more indicators are in "
	    "Chinese: see the Chinese report."
	},
	[CIDX_MSG_RP_RANK_IN_REGION] = { "区内排名", "rank in region" },
	[CIDX_MSG_RP_RANK_OVERALL] = { "总排名", "rank" },
	[CIDX_MSG_RP_REGIONS] = { "区域内排名（%s）",
	    "Ranking within each region (%s)" },
	[CIDX_MSG_RP_PROVINCE] = { "省份", "province" },
	[CIDX_MSG_RP_COUNTRY] = { "国家", "country" },
	[CIDX_MSG_RP_REGION] = { "地区", "region" },
};
