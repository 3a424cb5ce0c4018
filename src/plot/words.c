/*
 * words.c - the charts' own words (the catalogue's, core/msg.h), the
 * tier names, numbers as a figure prints them, and the checks of the text a
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

const char *
cidx_plot_word(enum cidx_plot_lang lang, enum word w)
{
	return cidx_msg(lang, (enum cidx_msg_id)w);
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
	else
		cidx_msg_fmt(buf, n, lang, CIDX_MSG_TIER_N, lang == CIDX_LANG_ZH &&
		    tier <= 10 ? zh[tier - 1] : num);
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
