/*
 * words.c - the charts' own words in Chinese and English, the tier
 * names, numbers as a figure prints them, and the checks of the text a
 * caller hands over (valid UTF-8, a name for every unit).
 */
#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "plot/plot_int.h"

int
cidx_plot_utf8_ok(const char *s)
{
	return s == NULL || g_utf8_validate(s, -1, NULL);
}

void
cidx_plot_utf8_trim(char *s)
{
	const char *end;

	if (!g_utf8_validate(s, -1, &end))
		s[end - s] = '\0';
}

int
cidx_plot_name_check(const char *what, size_t i, const char *s,
    struct cidx_err *err)
{
	if (s == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "%s %zu has no name",
		    what, i);
	if (!cidx_plot_utf8_ok(s))
		return cidx_err_set(err, CIDX_EINVAL, "%s %zu: the name is not "
		    "valid UTF-8", what, i);
	return 0;
}

static const char *const words[W__COUNT][2] = {
	[W_SCORE] = { "指数得分", "index score" },
	[W_RANK] = { "排名", "rank" },
	[W_MEDIAN] = { "中位数", "median" },
	[W_UNTIERED] = { "未分梯队", "untiered" },
	[W_NO_BOUNDARY] = { "无边界数据", "no boundary" },
	[W_NO_DATA] = { "无数据", "no data" },
	[W_DARK_HORSE] = { "黑马", "dark horse" },
	[W_NEW_ENTRANT] = { "新上榜", "new entrant" },
	[W_OTHERS] = { "其他", "others" },
	[W_NOT_RANKED_IN] = { "年未上榜", "not ranked in " },
	[W_NEW] = { "未上榜", "unranked" },
	[W_NO_DATA_IN] = { "年无数据", "no data in " },
	[W_CLIMBERS] = { "升幅最大", "largest climbs" },
	[W_FALLERS] = { "降幅最大", "largest falls" },
	[W_CORRELATION] = { "相关系数", "correlation" },
	[W_HATCHED_NAN] = { "斜线格：无法计算（数据不足或无变化）",
	    "hatched: not defined (too few data or no variation)" },
	[W_VALUE] = { "得分", "score" },
	[W_NOMINAL_RANK] = { "名义排名", "nominal rank" },
	[W_RANGE_5_95] = { "5%–95% 分位排名区间", "5th–95th percentile rank" },
	[W_MEDIAN_RANK] = { "排名中位数", "median rank" },
	[W_CONTINUED] = { "（续）", " (continued)" },
	[W_TOTAL] = { "合计", "total" },
	[W_LIST_SEP] = { "、", ", " },
	[W_COLON] = { "：", ": " },
	[W_NOT_RANKED] = { "未排名（数据不足）", "not ranked (too little data)" },
};

const char *
cidx_plot_word(enum cidx_plot_lang lang, enum word w)
{
	return words[w][lang == CIDX_LANG_EN];
}

void
cidx_plot_tier_label(char *buf, size_t n, enum cidx_plot_lang lang, int tier,
    const char *const *names)
{
	static const char *const zh[] = { "一", "二", "三", "四", "五",
		"六", "七", "八", "九", "十" };
	char num[32];

	cidx_plot_fmt_num(num, sizeof(num), tier, 0);
	if (tier <= 0)
		snprintf(buf, n, "%s", cidx_plot_word(lang, W_UNTIERED));
	else if (names != NULL && names[tier - 1] != NULL)
		snprintf(buf, n, "%s", names[tier - 1]);
	else if (lang == CIDX_LANG_EN)
		snprintf(buf, n, "Tier %s", num);
	else
		snprintf(buf, n, "第%s梯队", tier <= 10 ? zh[tier - 1] : num);
	cidx_plot_utf8_trim(buf);
}

void
cidx_plot_fmt_num(char *buf, size_t n, double x, int decimals)
{
	const char *p;

	cidx_num_fmt_fixed(buf, n, x, decimals);
	if (buf[0] != '-')
		return;
	for (p = buf + 1; *p == '0' || *p == '.'; p++)
		;
	if (*p == '\0')
		memmove(buf, buf + 1, strlen(buf));
}
