/*
 * json.c - recursive-descent JSON reader (RFC 8259), strict where a
 * lenient reader would let a method file mean something else than it
 * says: the depth is bounded (CIDX_JSON_MAX_DEPTH) so that a hostile file
 * cannot exhaust the stack, a member name may not repeat, strings must
 * be valid UTF-8 without NUL, numbers follow the JSON grammar and must be
 * finite, and nothing may follow the value (cityidx(1), METHOD FILES).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"

struct jp {
	const char *s, *end, *start;
	char why[128]; /* what went wrong, at s */
	int depth;
};

/* cidx_json_parse() turns p->s into line:column for the message */
static int
fail(struct jp *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct jp *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->why, sizeof(p->why), fmt, ap);
	va_end(ap);
	return CIDX_EINVAL;
}

static void
skip_ws(struct jp *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' ||
	    *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static int
digit(const struct jp *p, const char *q)
{
	return q < p->end && *q >= '0' && *q <= '9';
}

static int parse_value(struct jp *p, struct cidx_json *v);

static int
hex4(const char *s, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/*
 * The length (2 to 4) of the UTF-8 sequence at s, or 0 if it is not one:
 * the well-formed sequences of Unicode's table 3-7, so no overlong form,
 * no surrogate (ED A0 80 .. ED BF BF) and nothing above U+10FFFF.
 */
static size_t
utf8_len(const unsigned char *s, const unsigned char *end)
{
	unsigned char lo = 0x80, hi = 0xbf; /* the second byte's range */
	size_t n;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		lo = s[0] == 0xe0 ? 0xa0 : lo;
		hi = s[0] == 0xed ? 0x9f : hi;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		lo = s[0] == 0xf0 ? 0x90 : lo;
		hi = s[0] == 0xf4 ? 0x8f : hi;
	} else {
		return 0;
	}
	if ((size_t)(end - s) < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

static void
put_utf8(struct sbuf *sb, unsigned c)
{
	if (c < 0x80) {
		cidx_sbuf_addc(sb, (char)c);
	} else if (c < 0x800) {
		cidx_sbuf_addc(sb, (char)(0xc0 | (c >> 6)));
		cidx_sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		cidx_sbuf_addc(sb, (char)(0xe0 | (c >> 12)));
		cidx_sbuf_addc(sb, (char)(0x80 | ((c >> 6) & 0x3f)));
		cidx_sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	} else {
		cidx_sbuf_addc(sb, (char)(0xf0 | (c >> 18)));
		cidx_sbuf_addc(sb, (char)(0x80 | ((c >> 12) & 0x3f)));
		cidx_sbuf_addc(sb, (char)(0x80 | ((c >> 6) & 0x3f)));
		cidx_sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	}
}

/*
 * The escape after the backslash at p->s - 1; p->s is left on its last
 * byte.  \u0000 would end the C string early, and a surrogate escape
 * must be a high one followed by a low one (a pair names one character
 * above U+FFFF): anything else is refused, pointing at the backslash.
 */
static int
escape(struct jp *p, struct sbuf *sb)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit = strchr(from, *p->s), *bs = p->s - 1;
	unsigned u, lo;

	if (*p->s != '\0' && hit != NULL) {
		cidx_sbuf_addc(sb, to[hit - from]);
		return 0;
	}
	if (*p->s != 'u' || p->end - p->s < 5 || hex4(p->s + 1, &u) < 0) {
		p->s = bs;
		return fail(p, "bad escape in a string (\\\" \\\\ \\/ \\b \\f "
		    "\\n \\r \\t or \\uXXXX)");
	}
	if (u == 0) {
		p->s = bs;
		return fail(p, "\\u0000 in a string (NUL is not allowed)");
	}
	if (u >= 0xdc00 && u < 0xe000) {
		p->s = bs;
		return fail(p, "\\u%04X without a high surrogate before it",
		    u);
	}
	p->s += 4;
	if (u >= 0xd800 && u < 0xdc00) {
		if (p->end - p->s < 7 || p->s[1] != '\\' || p->s[2] != 'u' ||
		    hex4(p->s + 3, &lo) < 0 || lo < 0xdc00 || lo >= 0xe000) {
			p->s = bs;
			return fail(p, "\\u%04X without a low surrogate after "
			    "it", u);
		}
		u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
		p->s += 6;
	}
	put_utf8(sb, u);
	return 0;
}

static int
parse_string(struct jp *p, char **out)
{
	struct sbuf sb = SBUF_INIT;
	const char *open = p->s;
	int ret = 0;

	p->s++; /* the opening quote */
	while (ret == 0 && p->s < p->end && *p->s != '"') {
		const unsigned char *u = (const unsigned char *)p->s;
		size_t n;

		if (*u < 0x20) {
			ret = fail(p, "control character in a string (write "
			    "it as an escape)");
		} else if (*u == '\\') {
			if (++p->s >= p->end)
				break;
			if ((ret = escape(p, &sb)) == 0)
				p->s++;
		} else if (*u < 0x80) {
			cidx_sbuf_addc(&sb, (char)*u);
			p->s++;
		} else if ((n = utf8_len(u,
		    (const unsigned char *)p->end)) == 0) {
			ret = fail(p, "invalid UTF-8 in a string");
		} else {
			cidx_sbuf_add(&sb, u, n);
			p->s += n;
		}
	}
	if (ret == 0 && p->s >= p->end) {
		p->s = open;
		ret = fail(p, "unterminated string");
	}
	if (ret < 0) {
		cidx_sbuf_release(&sb);
		return ret;
	}
	p->s++;
	*out = cidx_sbuf_detach(&sb);
	return 0;
}

/* RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, finite */
static int
parse_number(struct jp *p, double *out)
{
	const char *q = p->s;
	char buf[64], *text = buf;
	size_t n;
	int ret;

	if (q < p->end && *q == '-')
		q++;
	if (!digit(p, q))
		return fail(p, "expected a value");
	if (*q == '0' && digit(p, q + 1)) {
		p->s = q + 1;
		return fail(p, "bad number (a leading zero)");
	}
	while (digit(p, q))
		q++;
	if (q < p->end && *q == '.') {
		if (!digit(p, ++q)) {
			p->s = q;
			return fail(p, "bad number (no digit after '.')");
		}
		while (digit(p, q))
			q++;
	}
	if (q < p->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < p->end && (*q == '+' || *q == '-'))
			q++;
		if (!digit(p, q)) {
			p->s = q;
			return fail(p, "bad number (no digit in the exponent)");
		}
		while (digit(p, q))
			q++;
	}
	n = (size_t)(q - p->s);
	if (n >= sizeof(buf))
		text = cidx_xmalloc(n + 1);
	memcpy(text, p->s, n);
	text[n] = '\0';
	ret = cidx_num_parse(text, out, NULL);
	if (text != buf)
		free(text);
	if (ret < 0)
		return fail(p, "number out of range");
	p->s = q;
	return 0;
}

/* one array or object; member names must be unique within an object */
static int
parse_container(struct jp *p, struct cidx_json *v, int object)
{
	struct cidx_strmap keys = CIDX_STRMAP_INIT;
	size_t cap = 0, k;
	char close = object ? '}' : ']';
	int ret = 0;

	if (++p->depth > CIDX_JSON_MAX_DEPTH)
		return fail(p, "nested deeper than %d levels",
		    CIDX_JSON_MAX_DEPTH);
	p->s++;
	skip_ws(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		p->depth--;
		return 0;
	}
	for (;;) {
		struct cidx_json *it;
		char *key = NULL;
		const char *at;

		skip_ws(p);
		if (object) {
			at = p->s;
			if (p->s >= p->end || *p->s != '"') {
				ret = fail(p, "expected a member name");
				break;
			}
			if ((ret = parse_string(p, &key)) < 0)
				break;
			if (cidx_strmap_get(&keys, key, &k)) {
				p->s = at;
				if (strlen(key) <= 64)
					ret = fail(p, "duplicate member '%s'",
					    key);
				else
					ret = fail(p, "duplicate member");
				free(key);
				break;
			}
			skip_ws(p);
			if (p->s >= p->end || *p->s != ':') {
				free(key);
				ret = fail(p, "expected ':'");
				break;
			}
			p->s++;
		}
		ALLOC_GROW(v->item, v->n + 1, cap);
		it = &v->item[v->n++];
		memset(it, 0, sizeof(*it));
		it->key = key;
		if (key != NULL)
			cidx_strmap_put(&keys, key, v->n - 1);
		if ((ret = parse_value(p, it)) < 0)
			break;
		skip_ws(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			break;
		}
		ret = fail(p, object ? "expected ',' or '}'" :
		    "expected ',' or ']'");
		break;
	}
	cidx_strmap_release(&keys);
	return ret;
}

static int
literal(struct jp *p, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(p->end - p->s) < n || strncmp(p->s, word, n) != 0)
		return fail(p, "expected a value");
	p->s += n;
	return 0;
}

static int
parse_value(struct jp *p, struct cidx_json *v)
{
	skip_ws(p);
	if (p->s >= p->end)
		return fail(p, "unexpected end");
	v->at = (size_t)(p->s - p->start);
	switch (*p->s) {
	case '{':
		v->type = CIDX_JSON_OBJECT;
		return parse_container(p, v, 1);
	case '[':
		v->type = CIDX_JSON_ARRAY;
		return parse_container(p, v, 0);
	case '"':
		v->type = CIDX_JSON_STRING;
		return parse_string(p, &v->string);
	case 't':
		v->type = CIDX_JSON_BOOL;
		v->boolean = 1;
		return literal(p, "true");
	case 'f':
		v->type = CIDX_JSON_BOOL;
		return literal(p, "false");
	case 'n':
		v->type = CIDX_JSON_NULL;
		return literal(p, "null");
	default:
		v->type = CIDX_JSON_NUMBER;
		return parse_number(p, &v->number);
	}
}

static void
clear(struct cidx_json *v)
{
	for (size_t i = 0; i < v->n; i++)
		clear(&v->item[i]);
	free(v->item);
	free(v->string);
	free(v->key);
}

void
cidx_json_free(struct cidx_json *v)
{
	if (v == NULL)
		return;
	clear(v);
	free(v);
}

int
cidx_json_parse(struct cidx_json **out, const char *text, size_t len,
    const char *where, struct cidx_err *err)
{
	struct jp p = { text, text + len, text, "", 0 };
	struct cidx_json *v = cidx_xcalloc(1, sizeof(*v));
	int ret;

	*out = NULL;
	if ((ret = parse_value(&p, v)) == 0) {
		skip_ws(&p);
		if (p.s != p.end)
			ret = fail(&p, "text after the JSON value");
	}
	if (ret < 0) {
		unsigned line, col;

		cidx_json_where(text, len, (size_t)(p.s - text), &line, &col);
		cidx_json_free(v);
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s", where,
		    line, col, p.why[0] ? p.why : "malformed JSON");
	}
	*out = v;
	return 0;
}

void
cidx_json_where(const char *text, size_t len, size_t at, unsigned *line,
    unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < at && i < len; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			++*col;
		}
	}
}

const struct cidx_json *
cidx_json_get(const struct cidx_json *obj, const char *key)
{
	if (obj == NULL || obj->type != CIDX_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (obj->item[i].key && strcmp(obj->item[i].key, key) == 0)
			return &obj->item[i];
	return NULL;
}
