/* core: the JSON reader's limits (cityidx(1), METHOD FILES) */
#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "runner.h"

/* parse n bytes; @return the code, the message in err */
static int
parse_n(const char *text, size_t n, struct cidx_err *err)
{
	struct cidx_json *v = NULL;
	int ret = cidx_json_parse(&v, text, n, "m.json", err);

	CHECK((ret == 0) == (v != NULL));
	cidx_json_free(v);
	return ret;
}

static int
parse(const char *text, struct cidx_err *err)
{
	return parse_n(text, strlen(text), err);
}

/* `text` is refused with exactly "m.json:WANT" */
static void
refused(const char *text, size_t n, const char *want, int line)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char full[600];

	snprintf(full, sizeof(full), "m.json:%s", want);
	if (parse_n(text, n, &err) != CIDX_EINVAL)
		runner_fail(__FILE__, line, "'%s' was accepted", text);
	else if (strcmp(err.msg, full) != 0)
		runner_fail(__FILE__, line, "'%s': '%s', expected '%s'", text,
		    err.msg, full);
	runner_count();
}

#define REFUSED(text, want) refused(text, strlen(text), want, __LINE__)
#define REFUSED_N(text, want) refused(text, sizeof(text) - 1, want, __LINE__)

void
test_json__reads_a_method_object(void)
{
	struct cidx_json *v = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	const char *text = "{\"method\": {\"normalise\": \"minmax:1,100\", "
	    "\"treat\": {\"skew\": 2.25, \"kurt\": 3.5, \"winmax\": 5}, "
	    "\"weights\": {\"A\": 0.5}, \"steps\": [\"rank\"], \"x\": null, "
	    "\"y\": true, \"z\": -0.5e-3}, \"name\": \"\\u5317\\u4eac "
	    "\\ud83d\\ude00\"}\n";
	const struct cidx_json *m, *t;

	CHECK_INT(cidx_json_parse(&v, text, strlen(text), "m.json", &err), 0);
	if (v == NULL)
		return;
	m = cidx_json_get(v, "method");
	CHECK(m != NULL && m->type == CIDX_JSON_OBJECT && m->n == 7);
	t = cidx_json_get(m, "treat");
	CHECK(t != NULL && t->n == 3);
	CHECK_DBL(cidx_json_get(t, "skew")->number, 2.25, 0);
	CHECK_DBL(cidx_json_get(m, "z")->number, -0.5e-3, 0);
	CHECK_STR(cidx_json_get(v, "name")->string,
	    "\xe5\x8c\x97\xe4\xba\xac \xf0\x9f\x98\x80");
	cidx_json_free(v);
}

void
test_json__refuses_nul_escapes(void)
{
	/* "a\u0000b" would be read as "a": the rest of the name is lost */
	REFUSED("{\"impute\": \"group-mean:a\\u0000b\"}",
	    "1:25: \\u0000 in a string (NUL is not allowed)");
	REFUSED("[\"\\u0000\"]", "1:3: \\u0000 in a string (NUL is not "
	    "allowed)");
	/* a raw NUL byte is a control character */
	REFUSED_N("[\"a\0\"]", "1:4: control character in a string (write it "
	    "as an escape)");
}

void
test_json__refuses_duplicate_members(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	/* the second "screen" would be ignored: which one did the user
	 * mean?  The message points at the second */
	REFUSED("{\"screen\": 0.5,\n  \"screen\": 0.9}",
	    "2:3: duplicate member 'screen'");
	REFUSED("{\"method\": {\"treat\": null, \"treat\": {}}}",
	    "1:28: duplicate member 'treat'");
	/* the same name in different objects is fine; so are names that
	 * differ only after a character above U+FFFF */
	CHECK_INT(parse("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}], "
	    "\"\\ud83d\\ude00x\": 1, \"\\ud83d\\ude00y\": 2}", &err), 0);
}

void
test_json__depth_is_bounded(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct sbuf sb = SBUF_INIT;
	char want[64];

	/* {"k":[{"k":[ ... 1 ... ]}]}, as deep as allowed */
	for (int i = 0; i < CIDX_JSON_MAX_DEPTH; i++)
		cidx_sbuf_adds(&sb, i % 2 ? "[" : "{\"k\":");
	cidx_sbuf_adds(&sb, "1");
	for (int i = CIDX_JSON_MAX_DEPTH - 1; i >= 0; i--)
		cidx_sbuf_adds(&sb, i % 2 ? "]" : "}");
	CHECK_INT(parse(sb.buf, &err), 0);
	/* one more level is an error, not a deeper recursion; a million
	 * levels are refused just as quickly */
	cidx_sbuf_reset(&sb);
	for (int i = 0; i <= CIDX_JSON_MAX_DEPTH; i++)
		cidx_sbuf_addc(&sb, '[');
	snprintf(want, sizeof(want), "1:%d: nested deeper than %d levels",
	    CIDX_JSON_MAX_DEPTH + 1, CIDX_JSON_MAX_DEPTH);
	refused(sb.buf, sb.len, want, __LINE__);
	for (int i = 0; i < 1000000; i++)
		cidx_sbuf_addc(&sb, '[');
	refused(sb.buf, sb.len, want, __LINE__);
	cidx_sbuf_release(&sb);
}

void
test_json__refuses_text_after_the_value(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	REFUSED("{} {}", "1:4: text after the JSON value");
	REFUSED("{\"a\": 1}\n,", "2:1: text after the JSON value");
	REFUSED("1 2", "1:3: text after the JSON value");
	REFUSED("", "1:1: unexpected end");
	REFUSED(" \n ", "2:2: unexpected end");
	/* blanks after it are fine */
	CHECK_INT(parse("{}\r\n\t \n", &err), 0);
}

void
test_json__refuses_invalid_utf8(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	/* UTF-8 encoded surrogates (CESU-8), overlong forms, code points
	 * above U+10FFFF, stray continuation bytes, cut sequences, bytes
	 * that never occur; each at the bad byte, counted in characters */
	REFUSED("[\"\xed\xa0\x80\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"ab\xed\xbf\xbf\"]", "1:5: invalid UTF-8 in a string");
	REFUSED("[\"\xc0\xaf\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xe0\x80\xaf\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xf0\x80\x80\xaf\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xf4\x90\x80\x80\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xf5\x80\x80\x80\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\x80\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xe5\x8c\"]", "1:3: invalid UTF-8 in a string");
	REFUSED("[\"\xff\"]", "1:3: invalid UTF-8 in a string");
	/* the column counts characters: 北京 are 2, not 6 */
	REFUSED("{\"\xe5\x8c\x97\xe4\xba\xac\": \"\xc3\"}",
	    "1:9: invalid UTF-8 in a string");
	/* and outside strings, nothing but ASCII is a value */
	REFUSED("[\xc3\xa9]", "1:2: expected a value");
	/* the extremes that are valid */
	CHECK_INT(parse("[\"\xed\x9f\xbf \xee\x80\x80 \xf4\x8f\xbf\xbf "
	    "\xc2\x80 \xe0\xa0\x80 \xf0\x90\x80\x80\"]", &err), 0);
}

void
test_json__refuses_bad_surrogate_escapes(void)
{
	struct cidx_json *v = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	const char *pair = "[\"\\uD834\\uDD1E\"]";

	REFUSED("[\"\\ud800\"]", "1:3: \\uD800 without a low surrogate after "
	    "it");
	REFUSED("[\"\\ud800x\"]", "1:3: \\uD800 without a low surrogate "
	    "after it");
	REFUSED("[\"\\ud800\\u0041\"]", "1:3: \\uD800 without a low "
	    "surrogate after it");
	REFUSED("[\"\\ud800\\ud800\"]", "1:3: \\uD800 without a low "
	    "surrogate after it");
	REFUSED("[\"x\\udc00\"]", "1:4: \\uDC00 without a high surrogate "
	    "before it");
	REFUSED("[\"\\udfff\\ud800\"]", "1:3: \\uDFFF without a high "
	    "surrogate before it");
	REFUSED("[\"\\u12\"]", "1:3: bad escape in a string (\\\" \\\\ \\/ "
	    "\\b \\f \\n \\r \\t or \\uXXXX)");
	REFUSED("[\"\\x\"]", "1:3: bad escape in a string (\\\" \\\\ \\/ "
	    "\\b \\f \\n \\r \\t or \\uXXXX)");
	/* a pair is one character: U+1D11E */
	CHECK_INT(cidx_json_parse(&v, pair, strlen(pair), "m.json", &err), 0);
	if (v != NULL)
		CHECK_STR(v->item[0].string, "\xf0\x9d\x84\x9e");
	cidx_json_free(v);
}

void
test_json__numbers_follow_the_grammar(void)
{
	struct cidx_json *v = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	/* longer than any fixed buffer, and still exact */
	const char *long_num = "[0.100000000000000005551115123125782702118"
	    "158340454101562500000000000000000000000000000000000000001]";

	REFUSED("[01]", "1:3: bad number (a leading zero)");
	REFUSED("[-01]", "1:4: bad number (a leading zero)");
	REFUSED("[.5]", "1:2: expected a value");
	REFUSED("[+1]", "1:2: expected a value");
	REFUSED("[1.]", "1:4: bad number (no digit after '.')");
	REFUSED("[1e]", "1:4: bad number (no digit in the exponent)");
	REFUSED("[1e+]", "1:5: bad number (no digit in the exponent)");
	REFUSED("[-]", "1:2: expected a value");
	REFUSED("[NaN]", "1:2: expected a value");
	REFUSED("[1e400]", "1:2: number out of range");
	REFUSED("[-1e400]", "1:2: number out of range");
	REFUSED("[1 2]", "1:4: expected ',' or ']'");
	REFUSED("[1,]", "1:4: expected a value");
	REFUSED("{\"a\": 1,}", "1:9: expected a member name");
	REFUSED("[tru]", "1:2: expected a value");
	CHECK_INT(cidx_json_parse(&v, long_num, strlen(long_num), "m.json",
	    &err), 0);
	if (v != NULL)
		CHECK(v->item[0].number == 0.1);
	cidx_json_free(v);
	CHECK_INT(parse("[0, -0, 0.5, 1E+2, 1e-2, -1.5e308, 2.3e-308]", &err),
	    0);
	/* a subnormal, as 1e-400, is out of range like every number cityidx
	 * reads (core/num.h) */
	REFUSED("[4.9e-324]", "1:2: number out of range");
}

void
test_json__errors_name_line_and_column(void)
{
	REFUSED("{\n  \"method\": {\n    \"normalise\": \"minmax\n  }\n}",
	    "3:25: control character in a string (write it as an escape)");
	REFUSED("{\"a\": \"never closed", "1:7: unterminated string");
	REFUSED("{\"a\" 1}", "1:6: expected ':'");
	REFUSED("{\"a\": 1", "1:8: expected ',' or '}'");
	REFUSED("[\"\xe5\x8c\x97\", x]", "1:7: expected a value");
}
