/*
 * jsonwriter: the layouts, the escapes, numbers that read back exactly,
 * and every misuse refused; what the writer writes, the strict reader of
 * json.h reads back.
 */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "runner.h"

/* the document parses with the strict reader; @return its tree */
static struct cidx_json *
read_back(const struct sbuf *sb)
{
	struct cidx_json *v = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_json_parse(&v, sb->buf, sb->len, "w.json", &err) != 0)
		runner_fail(__FILE__, __LINE__, "%s in '%s'", err.msg,
		    sb->buf);
	runner_count();
	return v;
}

void
test_jsonwriter__layouts(void)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;
	struct cidx_json *v;

	cidx_jsonw_init_sbuf(&w, &sb);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, 2017);
	cidx_jsonw_key(&w, "codes");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_string(&w, "110100");
	cidx_jsonw_string(&w, "120100");
	cidx_jsonw_end_array(&w);
	/* LINES inside INLINE inside LINES: indented by the LINES levels */
	cidx_jsonw_key(&w, "sobol");
	cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(&w, "mean");
	cidx_jsonw_number(&w, 0.5);
	cidx_jsonw_key(&w, "indices");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	for (int i = 0; i < 2; i++) {
		cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(&w, "input");
		cidx_jsonw_int(&w, i);
		cidx_jsonw_key(&w, "ok");
		cidx_jsonw_bool(&w, i);
		cidx_jsonw_end_object(&w);
	}
	cidx_jsonw_end_array(&w);
	cidx_jsonw_end_object(&w);
	cidx_jsonw_key(&w, "none");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	cidx_jsonw_end_array(&w);
	cidx_jsonw_key(&w, "empty");
	cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_end_object(&w);
	cidx_jsonw_key(&w, "nothing");
	cidx_jsonw_null(&w);
	cidx_jsonw_end_object(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	CHECK_STR(sb.buf, "{\n"
	    "  \"year\": 2017,\n"
	    "  \"codes\": [\"110100\", \"120100\"],\n"
	    "  \"sobol\": {\"mean\": 0.5, \"indices\": [\n"
	    "    {\"input\": 0, \"ok\": false},\n"
	    "    {\"input\": 1, \"ok\": true}\n"
	    "  ]},\n"
	    "  \"none\": [\n"
	    "  ],\n"
	    "  \"empty\": {},\n"
	    "  \"nothing\": null\n"
	    "}\n");
	v = read_back(&sb);
	CHECK(v != NULL && cidx_json_get(v, "sobol") != NULL);
	cidx_json_free(v);
	/* a scalar is a document too */
	cidx_sbuf_reset(&sb);
	cidx_jsonw_init_sbuf(&w, &sb);
	cidx_jsonw_string(&w, NULL);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	CHECK_STR(sb.buf, "null\n");
	cidx_sbuf_release(&sb);
}

/* `s` is written as `want` and reads back as `back` */
static void
escaped(const char *s, const char *want, const char *back, int line)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;
	struct cidx_json *v = NULL;

	cidx_jsonw_init_sbuf(&w, &sb);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(&w, s);
	cidx_jsonw_string(&w, s);
	cidx_jsonw_end_object(&w);
	runner_count();
	if (cidx_jsonw_finish(&w, &err) != 0) {
		runner_fail(__FILE__, line, "%s", err.msg);
		goto out;
	}
	/* {"KEY": "VALUE"}\n: the key is escaped as the value is */
	if (sb.len < 6 || strncmp(sb.buf + 1, want, strlen(want)) != 0 ||
	    strncmp(sb.buf + 1 + strlen(want), ": ", 2) != 0 ||
	    strncmp(sb.buf + 3 + strlen(want), want, strlen(want)) != 0)
		runner_fail(__FILE__, line, "'%s', expected %s", sb.buf, want);
	if (cidx_json_parse(&v, sb.buf, sb.len, "w.json", &err) != 0) {
		runner_fail(__FILE__, line, "%s", err.msg);
		goto out;
	}
	if (v->n != 1 || strcmp(v->item[0].key, back) != 0 ||
	    strcmp(v->item[0].string, back) != 0)
		runner_fail(__FILE__, line, "read back as '%s'",
		    v->item[0].string);
out:
	cidx_json_free(v);
	cidx_sbuf_release(&sb);
}

#define ESCAPED(s, want, back) escaped(s, want, back, __LINE__)

void
test_jsonwriter__escapes(void)
{
	ESCAPED("", "\"\"", "");
	ESCAPED("北京市 a/b", "\"北京市 a/b\"", "北京市 a/b");
	ESCAPED("say \"hi\" \\", "\"say \\\"hi\\\" \\\\\"", "say \"hi\" \\");
	ESCAPED("a\nb\rc\td", "\"a\\nb\\rc\\td\"", "a\nb\rc\td");
	/* C0, ESC, DEL, C1 (U+0085, U+009B) */
	ESCAPED("\x01\x1b[31m\x7f", "\"\\u0001\\u001b[31m\\u007f\"",
	    "\x01\x1b[31m\x7f");
	ESCAPED("\xc2\x85\xc2\x9b", "\"\\u0085\\u009b\"", "\xc2\x85\xc2\x9b");
	/* the line separator, a right-to-left override, an isolate */
	ESCAPED("a\xe2\x80\xa8" "b\xe2\x80\xae" "c\xe2\x81\xa6",
	    "\"a\\u2028b\\u202ec\\u2066\"",
	    "a\xe2\x80\xa8" "b\xe2\x80\xae" "c\xe2\x81\xa6");
	/* invalid UTF-8: each maximal subpart one U+FFFD */
	ESCAPED("a\xff\xfe" "b\xe4\xb8", "\"a\xef\xbf\xbd\xef\xbf\xbd"
	    "b\xef\xbf\xbd\"", "a\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd");
	/* an emoji (4 bytes) stays as it is */
	ESCAPED("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"",
	    "\xf0\x9f\x98\x80");
}

/* one number as the writer writes it, in either form */
static void
number_text(double x, int digits17, char *buf, size_t n)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;

	cidx_jsonw_init_sbuf(&w, &sb);
	if (digits17)
		cidx_jsonw_number17(&w, x);
	else
		cidx_jsonw_number(&w, x);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	if (sb.len)
		sb.buf[--sb.len] = '\0'; /* the newline */
	snprintf(buf, n, "%s", sb.buf);
	cidx_sbuf_release(&sb);
}

void
test_jsonwriter__number_forms(void)
{
	char b[64];

	number_text(0.1, 0, b, sizeof(b));
	CHECK_STR(b, "0.1");
	number_text(0.1, 1, b, sizeof(b));
	CHECK_STR(b, "0.10000000000000001");
	number_text(100, 0, b, sizeof(b));
	CHECK_STR(b, "100");
	number_text(100, 1, b, sizeof(b));
	CHECK_STR(b, "100");
	number_text(-0.0, 0, b, sizeof(b));
	CHECK_STR(b, "0");
	number_text(-0.0, 1, b, sizeof(b));
	CHECK_STR(b, "0");
	number_text(1e21, 0, b, sizeof(b));
	CHECK_STR(b, "1e+21");
	number_text(-2.0 / 3, 0, b, sizeof(b));
	CHECK_STR(b, "-0.6666666666666666");
	/* what JSON cannot hold */
	number_text(NAN, 0, b, sizeof(b));
	CHECK_STR(b, "null");
	number_text(INFINITY, 1, b, sizeof(b));
	CHECK_STR(b, "null");
	number_text(-INFINITY, 0, b, sizeof(b));
	CHECK_STR(b, "null");
}

/* the next of a fixed sequence of doubles of every magnitude */
static double
some_double(uint64_t *state)
{
	uint64_t bits;
	double x;

	do {
		*state = *state * 6364136223846793005u + 1442695040888963407u;
		bits = *state;
		memcpy(&x, &bits, sizeof(x));
		/* JSON holds finite numbers; the reader refuses subnormals */
	} while (!isfinite(x) || (x != 0 && fabs(x) < DBL_MIN));
	return x;
}

void
test_jsonwriter__numbers_read_back_exactly(void)
{
	static const double fixed[] = { 0, 1, -1, 0.1, 0.2, 0.3, 1.0 / 3,
		2.0 / 3, 1e-7, 123456.789, 9007199254740993.0, 1e21, 1e22,
		DBL_MAX, -DBL_MAX, DBL_MIN, DBL_EPSILON, 63.478260869565219 };
	uint64_t state = 14;

	for (size_t i = 0; i < LEN(fixed) + 2000; i++) {
		double x = i < LEN(fixed) ? fixed[i] : some_double(&state);
		struct sbuf sb = SBUF_INIT;
		struct cidx_err err = CIDX_ERR_INIT;
		struct cidx_jsonw w;
		struct cidx_json *v;

		cidx_jsonw_init_sbuf(&w, &sb);
		cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
		cidx_jsonw_number(&w, x);
		cidx_jsonw_number17(&w, x);
		cidx_jsonw_end_array(&w);
		CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
		v = read_back(&sb);
		runner_count();
		if (v == NULL || v->n != 2 || v->item[0].number != x ||
		    v->item[1].number != x)
			runner_fail(__FILE__, __LINE__, "%.17g: '%s'", x,
			    sb.buf);
		cidx_json_free(v);
		cidx_sbuf_release(&sb);
	}
}

void
test_jsonwriter__integers(void)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;

	cidx_jsonw_init_sbuf(&w, &sb);
	cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_int(&w, LLONG_MIN);
	cidx_jsonw_int(&w, 0);
	cidx_jsonw_uint(&w, ULLONG_MAX);
	cidx_jsonw_end_array(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	CHECK_STR(sb.buf, "[-9223372036854775808, 0, "
	    "18446744073709551615]\n");
	cidx_sbuf_release(&sb);
}

/* the steps of a misuse, one letter each */
static void
steps(struct cidx_jsonw *w, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '{':
			cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
			break;
		case '[':
			cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
			break;
		case '}':
			cidx_jsonw_end_object(w);
			break;
		case ']':
			cidx_jsonw_end_array(w);
			break;
		case 'k':
			cidx_jsonw_key(w, "k");
			break;
		case 'K':
			cidx_jsonw_key(w, NULL);
			break;
		case 'x':
			cidx_jsonw_key(w, "a\xff");
			break;
		case 'y':
			cidx_jsonw_key(w, "a\xfe");
			break;
		case '1':
			cidx_jsonw_int(w, 1);
			break;
		case 's':
			cidx_jsonw_string(w, "s");
			break;
		default:
			cidx_jsonw_number(w, 1.5);
			break;
		}
	}
}

/* the steps are refused with `want`, and nothing reaches the target */
static void
refused(const char *s, const char *want, int line)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;

	cidx_sbuf_adds(&sb, "before");
	cidx_jsonw_init_sbuf(&w, &sb);
	steps(&w, s);
	runner_count();
	if (cidx_jsonw_finish(&w, &err) != CIDX_EINVAL)
		runner_fail(__FILE__, line, "'%s' was accepted: '%s'", s,
		    sb.buf);
	else if (strcmp(err.msg, want) != 0)
		runner_fail(__FILE__, line, "'%s': '%s', expected '%s'", s,
		    err.msg, want);
	else if (strcmp(sb.buf, "before") != 0)
		runner_fail(__FILE__, line, "'%s' wrote '%s'", s, sb.buf);
	cidx_sbuf_release(&sb);
}

#define REFUSED(s, want) refused(s, "JSON writer: " want, __LINE__)

void
test_jsonwriter__misuse_is_an_error(void)
{
	REFUSED("{1}", "a number in an object without a key");
	REFUSED("{k1s}", "a string in an object without a key");
	REFUSED("[k]", "member name 'k' outside an object");
	REFUSED("k", "member name 'k' outside an object");
	REFUSED("{kk1}", "member name 'k' where a value is due");
	REFUSED("{K1}", "a member name that is NULL");
	REFUSED("{k1k1}", "member name 'k' twice in an object");
	/* twice as the reader sees it: both are "a\ufffd" */
	REFUSED("{x1y1}", "member name 'a\xfe' twice in an object");
	REFUSED("{k}", "closing an object after a key without a value");
	REFUSED("{]", "closing an array where an object is open");
	REFUSED("[}", "closing an object where an array is open");
	REFUSED("]", "closing an array where nothing is open");
	REFUSED("11", "a number after the end of the document");
	REFUSED("{}[]", "an array after the end of the document");
	REFUSED("{k[1]", "the document ends with 1 array(s) or object(s) "
	    "open");
	REFUSED("", "the document has no value");
	/* the first misuse is the one reported */
	REFUSED("[k]}]", "member name 'k' outside an object");
	/* a name may repeat in another object, and after it closes */
	{
		struct sbuf sb = SBUF_INIT;
		struct cidx_err err = CIDX_ERR_INIT;
		struct cidx_jsonw w;

		cidx_jsonw_init_sbuf(&w, &sb);
		steps(&w, "{k{k1}xnyn}");
		CHECK_INT(cidx_jsonw_finish(&w, &err), CIDX_EINVAL);
		CHECK_STR(err.msg, "JSON writer: member name 'a\xfe' twice in "
		    "an object");
		cidx_sbuf_reset(&sb);
		cidx_jsonw_init_sbuf(&w, &sb);
		steps(&w, "[{k1}{k1}{k{k1}}]");
		CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
		cidx_sbuf_release(&sb);
	}
}

void
test_jsonwriter__depth_is_bounded(void)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;
	struct cidx_json *v;
	char want[80];

	/* as deep as the reader reads */
	cidx_jsonw_init_sbuf(&w, &sb);
	for (int i = 0; i < CIDX_JSON_MAX_DEPTH; i++)
		cidx_jsonw_begin_array(&w, i % 2 ? CIDX_JSONW_LINES :
		    CIDX_JSONW_INLINE);
	cidx_jsonw_int(&w, 1);
	for (int i = 0; i < CIDX_JSON_MAX_DEPTH; i++)
		cidx_jsonw_end_array(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	v = read_back(&sb);
	cidx_json_free(v);
	/* one more is refused */
	cidx_sbuf_reset(&sb);
	cidx_jsonw_init_sbuf(&w, &sb);
	for (int i = 0; i <= CIDX_JSON_MAX_DEPTH; i++)
		cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
	CHECK_INT(cidx_jsonw_finish(&w, &err), CIDX_EINVAL);
	snprintf(want, sizeof(want), "JSON writer: arrays and objects nested "
	    "deeper than %d", CIDX_JSON_MAX_DEPTH);
	CHECK_STR(err.msg, want);
	CHECK_INT(sb.len, 0);
	cidx_sbuf_release(&sb);
}

void
test_jsonwriter__writes_a_stream_whole_or_not_at_all(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;
	FILE *fp = tmpfile();
	char buf[64] = "";
	size_t n;

	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	cidx_jsonw_init(&w, fp);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(&w, "a");
	cidx_jsonw_number17(&w, 0.25);
	/* nothing is written before the end */
	CHECK_INT(ftell(fp), 0);
	cidx_jsonw_end_object(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	/* a misused writer writes nothing */
	cidx_jsonw_init(&w, fp);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_int(&w, 1);
	cidx_jsonw_end_object(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), CIDX_EINVAL);
	/* nor one dropped half way */
	cidx_jsonw_init(&w, fp);
	cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
	cidx_jsonw_release(&w);
	/* and one finished or dropped stays so */
	cidx_jsonw_null(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "JSON writer: the document is finished");
	rewind(fp);
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	CHECK_STR(buf, "{\"a\": 0.25}\n");
	fclose(fp);
	cidx_jsonw_release(&w);
}

/* a write error is left on the stream with its cause, for the flush of
 * its owner (cidx_ofile_commit()) to report */
void
test_jsonwriter__write_errors_stay_on_the_stream(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_jsonw w;
	FILE *fp = fopen("/dev/full", "w");
	int rc;

	if (fp == NULL)
		return; /* no /dev/full here */
	cidx_jsonw_init(&w, fp);
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	for (int i = 0; i < 5000; i++)
		cidx_jsonw_int(&w, i);
	cidx_jsonw_end_array(&w);
	CHECK_INT(cidx_jsonw_finish(&w, &err), 0);
	errno = 0;
	rc = fflush(fp);
	CHECK_INT(rc, EOF);
	CHECK_INT(errno, ENOSPC);
	CHECK(ferror(fp));
	fclose(fp);
}
