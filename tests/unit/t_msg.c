/* core/msg: every word of the catalogue in both languages, the English
 * without Chinese, the unit nouns, templates cut at whole characters */
#include <string.h>

#include "core/msg.h"
#include "runner.h"

static int
has_cjk(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++)
		if (p[0] == 0xE4 || (p[0] > 0xE4 && p[0] <= 0xE9))
			return 1;
	return 0;
}

void
test_msg__both_languages(void)
{
	for (int i = 0; i < CIDX_MSG__COUNT; i++) {
		const char *zh = cidx_msg(CIDX_LANG_ZH, (enum cidx_msg_id)i);
		const char *en = cidx_msg(CIDX_LANG_EN, (enum cidx_msg_id)i);

		CHECK(*zh != '\0');
		CHECK(*en != '\0');
		CHECK(!has_cjk(en));
	}
	CHECK_STR(cidx_msg(CIDX_LANG_ZH, CIDX_MSG_RANK), "排名");
	CHECK_STR(cidx_msg(CIDX_LANG_EN, CIDX_MSG_RANK), "rank");
}

void
test_msg__nouns(void)
{
	enum cidx_unit_noun n = CIDX_NOUN_UNIT;

	CHECK_STR(cidx_msg_noun(CIDX_LANG_ZH, CIDX_NOUN_CITY, 1), "城市");
	CHECK_STR(cidx_msg_noun(CIDX_LANG_EN, CIDX_NOUN_CITY, 1), "cities");
	CHECK_STR(cidx_msg_noun(CIDX_LANG_EN, CIDX_NOUN_REGION, 0), "region");
	CHECK(cidx_msg_noun_parse("地区", &n) == 0 && n == CIDX_NOUN_REGION);
	CHECK(cidx_msg_noun_parse("city", &n) == 0 && n == CIDX_NOUN_CITY);
	CHECK(cidx_msg_noun_parse("town", &n) == -1);
}

void
test_msg__fmt(void)
{
	char b[64], s[8];

	cidx_msg_fmt(b, sizeof(b), CIDX_LANG_ZH, CIDX_MSG_M_N_MINMAX, "0",
	    "100");
	CHECK_STR(b, "最小–最大法（0–100）");
	cidx_msg_fmt(b, sizeof(b), CIDX_LANG_EN, CIDX_MSG_M_N_MINMAX, "0",
	    "100");
	CHECK_STR(b, "min–max (0–100)");
	/* "最小" and a third of "–": the cut character goes */
	cidx_msg_fmt(s, sizeof(s), CIDX_LANG_ZH, CIDX_MSG_M_N_MINMAX, "0",
	    "100");
	CHECK_STR(s, "最小");
}
