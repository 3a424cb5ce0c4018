/* core/text: strict UTF-8, escaping for terminals, repair to UTF-8 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/text.h"
#include "runner.h"

#define FFFD "\xef\xbf\xbd"

/* cidx_text_escape() of the n bytes at s, as a new string */
static char *
esc(const char *s, size_t n)
{
	struct sbuf sb = SBUF_INIT;

	cidx_text_escape(&sb, s, n);
	return cidx_sbuf_detach(&sb);
}

static char *
rep(const char *s, size_t n)
{
	struct sbuf sb = SBUF_INIT;

	cidx_text_repair(&sb, s, n);
	return cidx_sbuf_detach(&sb);
}

#define CHECK_ESC(in, want)                                               \
	do {                                                              \
		char *g_ = esc((in), sizeof(in) - 1);                     \
		CHECK_STR(g_, (want));                                    \
		free(g_);                                                 \
	} while (0)

#define CHECK_REP(in, want)                                               \
	do {                                                              \
		char *g_ = rep((in), sizeof(in) - 1);                     \
		CHECK_STR(g_, (want));                                    \
		CHECK(cidx_text_utf8_valid(g_, strlen(g_), NULL) == 0);   \
		free(g_);                                                 \
	} while (0)

void
test_text__escape_controls(void)
{
	/* an escape sequence, DEL, line breaks and tab, NUL */
	CHECK_ESC("a\x1b[31mred\x1b[0m", "a\\x1B[31mred\\x1B[0m");
	CHECK_ESC("x\x7fy", "x\\x7Fy");
	CHECK_ESC("a\tb\nc\rd", "a\\x09b\\x0Ac\\x0Dd");
	CHECK_ESC("a\0b", "a\\x00b");
	/* C1 controls, encoded in UTF-8: U+0080, U+009B (CSI), U+009F */
	CHECK_ESC("\xc2\x80|\xc2\x9b" "2J|\xc2\x9f", "\\x80|\\x9B2J|\\x9F");
	/* U+00A0 is not a control */
	CHECK_ESC("\xc2\xa0", "\xc2\xa0");
	/* bidirectional override and line separator */
	CHECK_ESC("ab\xe2\x80\xae" "cd\xe2\x80\xa8", "ab\\u202Ecd\\u2028");
	CHECK_ESC("\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069");
	CHECK_ESC("", "");
}

void
test_text__escape_keeps_text(void)
{
	CHECK_ESC("plain.csv", "plain.csv");
	CHECK_ESC("北京市 人才指数", "北京市 人才指数");
	CHECK_ESC("Zürich, São Paulo", "Zürich, São Paulo");
	CHECK_ESC("\xf0\x9f\x8f\x99", "\xf0\x9f\x8f\x99"); /* U+1F3D9 */
	/* a backslash stays a backslash */
	CHECK_ESC("a\\x1B", "a\\x1B");
}

void
test_text__escape_invalid_bytes(void)
{
	/* every byte of an invalid sequence, and valid text around it */
	CHECK_ESC("\xff", "\\xFF");
	CHECK_ESC("a\xb1\xb1\xbe\xa9z", "a\\xB1\\xB1\\xBE\\xA9z"); /* GBK */
	CHECK_ESC("\xe4\xb8", "\\xE4\\xB8"); /* truncated 中 */
	CHECK_ESC("\xe4\xb8" "x", "\\xE4\\xB8x");
	CHECK_ESC("\xc0\xaf", "\\xC0\\xAF"); /* overlong / */
	CHECK_ESC("\xed\xa0\x80", "\\xED\\xA0\\x80"); /* surrogate */
	CHECK_ESC("\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80");
	CHECK_ESC("中\x80文", "中\\x80文");
}

void
test_text__repair_maximal_subparts(void)
{
	/* the Unicode Standard's example (section 3.9, table 3-8) */
	CHECK_REP("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64",
	    "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d");
	/* not well-formed at the first byte: one U+FFFD per byte */
	CHECK_REP("\xc0\xaf", FFFD FFFD);
	CHECK_REP("\xe0\x80\xaf", FFFD FFFD FFFD);
	CHECK_REP("\xed\xa0\x80", FFFD FFFD FFFD);
	CHECK_REP("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD);
	CHECK_REP("\xf5\xff\xfe", FFFD FFFD FFFD);
	/* a truncated sequence is one U+FFFD, at the end or not */
	CHECK_REP("\xe4\xb8", FFFD);
	CHECK_REP("x\xf0\x9f\x8f", "x" FFFD);
	CHECK_REP("\xe4\xb8\xe4\xb8\xad", FFFD "中");
	/* GBK 北京: four bytes, none a lead byte of what follows */
	CHECK_REP("\xb1\xb1\xbe\xa9", FFFD FFFD FFFD FFFD);
}

void
test_text__repair_keeps_valid_text(void)
{
	CHECK_REP("北京 Zürich \xf0\x9f\x8f\x99", "北京 Zürich \xf0\x9f\x8f\x99");
	/* control characters are valid UTF-8: kept */
	CHECK_REP("a\x1b[0m\x7f\xc2\x9b", "a\x1b[0m\x7f\xc2\x9b");
	CHECK_REP("", "");
	CHECK_REP(FFFD, FFFD);
}

void
test_text__utf8_valid_points_at_the_first_bad_byte(void)
{
	size_t at = 99;

	CHECK(cidx_text_utf8_valid("abc中", 6, &at) == 0);
	CHECK(cidx_text_utf8_valid("ab\xe4\xb8", 4, &at) != 0);
	CHECK_INT(at, 2);
	CHECK(cidx_text_utf8_valid("中\xed\xa0\x80", 6, &at) != 0);
	CHECK_INT(at, 3);
	CHECK(cidx_text_utf8_valid("\xf4\x8f\xbf\xbf", 4, &at) == 0);
	CHECK(cidx_text_utf8_valid("\xf4\x90\x80\x80", 4, &at) != 0);
	CHECK_INT(at, 0);
	/* NUL is valid */
	CHECK(cidx_text_utf8_valid("a\0b", 3, NULL) == 0);
}
