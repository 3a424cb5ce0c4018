/* core/msg: every word of the catalogue in both languages, the English
 * without Chinese, the unit nouns, templates cut at whole characters */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
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

/* a list of years: three or more consecutive ones as a range */
void
test_msg__years(void)
{
	static const int y[] = { 2006, 2007, 2008, 2009, 2011, 2013, 2014,
	    2016, 2017, 2018 };
	struct sbuf sb = SBUF_INIT;

	cidx_msg_add_years(&sb, CIDX_LANG_EN, y, 10);
	CHECK_STR(sb.buf, "2006–2009, 2011, 2013, 2014, 2016–2018");
	cidx_sbuf_reset(&sb);
	cidx_msg_add_years(&sb, CIDX_LANG_ZH, y + 4, 3);
	CHECK_STR(sb.buf, "2011、2013、2014");
	cidx_sbuf_reset(&sb);
	cidx_msg_add_years(&sb, CIDX_LANG_EN, y, 1);
	CHECK_STR(sb.buf, "2006");
	cidx_sbuf_reset(&sb);
	cidx_msg_add_years(&sb, CIDX_LANG_EN, y, 0);
	CHECK(sb.len == 0);
	cidx_sbuf_release(&sb);
}

/* the method in words (ws/methodwords.c): every normalisation,
 * aggregation and index method has words in both languages, never the
 * option's spelling */
#include "core/mem.h"
#include "ws/methodwords.h"

static char *
spec(enum cidx_mkey key, const char *text, enum cidx_lang lang)
{
	struct sbuf sb = SBUF_INIT;

	cidx_ws_spec_words(key, text, lang, CIDX_NOUN_CITY, &sb);
	return cidx_sbuf_detach(&sb);
}

#define CHECK_SPEC(key, text, zh, en)                                     \
	do {                                                              \
		char *z_ = spec((key), (text), CIDX_LANG_ZH);             \
		char *e_ = spec((key), (text), CIDX_LANG_EN);             \
		CHECK_STR(z_, (zh));                                      \
		CHECK_STR(e_, (en));                                      \
		free(z_);                                                 \
		free(e_);                                                 \
	} while (0)

void
test_msg__method_words(void)
{
	CHECK_SPEC(CIDX_MK_NORMALISE, "minmax:1,100", "最小–最大法（1–100）",
	    "min–max (1–100)");
	CHECK_SPEC(CIDX_MK_NORMALISE, "zscore", "标准分数（均值0，标准差1）",
	    "z-score (mean 0, standard deviation 1)");
	CHECK_SPEC(CIDX_MK_NORMALISE, "rank", "排序法", "ranks");
	CHECK_SPEC(CIDX_MK_NORMALISE, "percentile", "百分位法", "percentiles");
	CHECK_SPEC(CIDX_MK_NORMALISE, "ratio", "均值比法", "ratio to the mean");
	CHECK_SPEC(CIDX_MK_NORMALISE, "distmax", "最大值比法",
	    "ratio to the best");
	CHECK_SPEC(CIDX_MK_NORMALISE, "goalposts:0,50", "目标值法（0–50）",
	    "goalposts (0–50)");
	CHECK_SPEC(CIDX_MK_AGGREGATE, "geom", "几何平均", "geometric mean");
	CHECK_SPEC(CIDX_MK_AGGREGATE, "arith,2=harm", "算术平均，第2层调和平均",
	    "arithmetic mean, level 2: harmonic mean");
	CHECK_SPEC(CIDX_MK_METHOD, "topsis",
	    "TOPSIS法（逼近理想解）（仅计数据完整的城市）",
	    "TOPSIS (closeness to the ideal) (only cities with every "
	    "indicator)");
	CHECK_SPEC(CIDX_MK_METHOD, "mpi:pos",
	    "MPI法（Mazziotta–Pareto指数）（不均衡奖励）（跳过缺失值）",
	    "MPI (Mazziotta–Pareto index) (rewarding imbalance) (missing "
	    "values skipped)");
	CHECK_SPEC(CIDX_MK_METHOD, "composite", "归一化后加总",
	    "normalisation and aggregation");
	CHECK_SPEC(CIDX_MK_IMPUTE, "group-mean:province", "按“province”分组均值",
	    "mean by province");
	/* not a method text: as it is */
	CHECK_SPEC(CIDX_MK_NORMALISE, "nonsense", "nonsense", "nonsense");
}

void
test_msg__framework_noun(void)
{
	char city[] = "城市创新创业指数", plain[] = "创新指数";
	char uk[] = "UK regional innovation index", inno[] = "Innovation index";
	char unit[] = "city";
	struct cidx_node nd[1];
	struct cidx_framework fw;

	memset(nd, 0, sizeof(nd));
	memset(&fw, 0, sizeof(fw));
	fw.node = nd;
	fw.n = 1;
	nd[0].type = CIDX_NODE_AGGREGATE;
	nd[0].name_zh = city;
	CHECK(cidx_ws_framework_noun(&fw) == CIDX_NOUN_CITY);
	nd[0].name_zh = plain;
	nd[0].name_en = uk;
	CHECK(cidx_ws_framework_noun(&fw) == CIDX_NOUN_REGION);
	nd[0].name_en = inno;
	CHECK(cidx_ws_framework_noun(&fw) == CIDX_NOUN_UNIT);
	/* the root's unit column says it */
	nd[0].unit = unit;
	CHECK(cidx_ws_framework_noun(&fw) == CIDX_NOUN_CITY);
}

/* the conversions of a template by argument position: "zu", "d", "s" */
static int
conversions(const char *s, char conv[16][4])
{
	int next = 1, max = 0;

	memset(conv, 0, 16 * 4);
	for (const char *p = s; (p = strchr(p, '%')) != NULL; ) {
		char len[4] = "";
		int pos = 0;
		size_t n = 0;

		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		if (p[0] >= '1' && p[0] <= '9' && p[1] == '$') {
			pos = p[0] - '0';
			p += 2;
		} else
			pos = next++;
		p += strspn(p, "-+ #0123456789.");
		while (*p == 'z' || *p == 'l' || *p == 'h')
			if (n < 2)
				len[n++] = *p++;
			else
				p++;
		len[n] = *p == 'g' || *p == 'f' ? 'f' : *p == 'x' ? 'd' : *p;
		len[n + 1] = '\0';
		if (pos < 16)
			memcpy(conv[pos], len, 4);
		if (pos > max)
			max = pos;
		if (*p)
			p++;
	}
	return max;
}

/* a template's two languages take the same arguments (printf cannot
 * check a template that comes from the catalogue): every position both
 * use has the same conversion */
void
test_msg__same_arguments(void)
{
	for (int i = 0; i < CIDX_MSG__COUNT; i++) {
		char zh[16][4], en[16][4];
		int nz = conversions(cidx_msg(CIDX_LANG_ZH, (enum cidx_msg_id)i),
		    zh);
		int ne = conversions(cidx_msg(CIDX_LANG_EN, (enum cidx_msg_id)i),
		    en);

		for (int k = 1; k < 16 && k <= nz && k <= ne; k++)
			if (zh[k][0] && en[k][0] && strcmp(zh[k], en[k]) != 0) {
				printf("message %d, argument %d: %%%s in zh, "
				    "%%%s in en\n", i, k, zh[k], en[k]);
				CHECK(0);
			}
	}
}
