/*
 * json.c - recursive-descent JSON reader; the depth is bounded so that a
 * hostile file cannot exhaust the stack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "core/num.h"

struct jp {
	const char *s, *end;
	const char *why; /* what went wrong, at s */
	int depth;
};

/* cidx_json_parse() turns p->s into line:column for the message */
static int
fail(struct jp *p, const char *what)
{
	p->why = what;
	return CIDX_EINVAL;
}

static void
skip_ws(struct jp *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' ||
	    *p->s == '\n' || *p->s == '\r'))
		p->s++;
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

static void
put_utf8(struct sbuf *sb, unsigned c)
{
	if (c < 0x80) {
		sbuf_addc(sb, (char)c);
	} else if (c < 0x800) {
		sbuf_addc(sb, (char)(0xc0 | (c >> 6)));
		sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		sbuf_addc(sb, (char)(0xe0 | (c >> 12)));
		sbuf_addc(sb, (char)(0x80 | ((c >> 6) & 0x3f)));
		sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	} else {
		sbuf_addc(sb, (char)(0xf0 | (c >> 18)));
		sbuf_addc(sb, (char)(0x80 | ((c >> 12) & 0x3f)));
		sbuf_addc(sb, (char)(0x80 | ((c >> 6) & 0x3f)));
		sbuf_addc(sb, (char)(0x80 | (c & 0x3f)));
	}
}

static int
escape(struct jp *p, struct sbuf *sb)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit = strchr(from, *p->s);
	unsigned u, lo;

	if (*p->s != '\0' && hit != NULL) {
		sbuf_addc(sb, to[hit - from]);
		return 0;
	}
	if (*p->s != 'u' || p->end - p->s < 5 || hex4(p->s + 1, &u) < 0)
		return fail(p, "bad escape in a string");
	p->s += 4;
	if (u >= 0xd800 && u < 0xdc00 && p->end - p->s >= 7 &&
	    p->s[1] == '\\' && p->s[2] == 'u' && hex4(p->s + 3, &lo) == 0 &&
	    lo >= 0xdc00 && lo < 0xe000) {
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

	p->s++; /* the opening quote */
	while (p->s < p->end && *p->s != '"') {
		unsigned char c = (unsigned char)*p->s;

		if (c < 0x20) {
			sbuf_release(&sb);
			return fail(p, "control character in a string");
		}
		if (c == '\\') {
			p->s++;
			if (p->s >= p->end || escape(p, &sb) < 0) {
				sbuf_release(&sb);
				return fail(p, "bad escape in a string");
			}
		} else {
			sbuf_addc(&sb, (char)c);
		}
		p->s++;
	}
	if (p->s >= p->end) {
		sbuf_release(&sb);
		return fail(p, "unterminated string");
	}
	p->s++;
	*out = sbuf_detach(&sb);
	return 0;
}

static int
parse_number(struct jp *p, double *out)
{
	char buf[64];
	size_t n = 0;

	while (p->s + n < p->end && n < sizeof(buf) - 1 &&
	    strchr("+-0123456789.eE", p->s[n]) != NULL && p->s[n] != '\0')
		n++;
	memcpy(buf, p->s, n);
	buf[n] = '\0';
	if (n == 0 || cidx_num_parse(buf, out, NULL) < 0)
		return fail(p, "bad number");
	p->s += n;
	return 0;
}

static int
parse_container(struct jp *p, struct cidx_json *v, int object)
{
	size_t cap = 0;
	char close = object ? '}' : ']';

	if (++p->depth > 64)
		return fail(p, "nested too deeply");
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
		int ret;

		skip_ws(p);
		if (object) {
			if (p->s >= p->end || *p->s != '"')
				return fail(p, "expected a member name");
			if ((ret = parse_string(p, &key)) < 0)
				return ret;
			skip_ws(p);
			if (p->s >= p->end || *p->s != ':') {
				free(key);
				return fail(p, "expected ':'");
			}
			p->s++;
		}
		ALLOC_GROW(v->item, v->n + 1, cap);
		it = &v->item[v->n++];
		memset(it, 0, sizeof(*it));
		it->key = key;
		if ((ret = parse_value(p, it)) < 0)
			return ret;
		skip_ws(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			return 0;
		}
		return fail(p, object ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}

static int
literal(struct jp *p, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(p->end - p->s) < n || strncmp(p->s, word, n) != 0)
		return fail(p, "unexpected text");
	p->s += n;
	return 0;
}

static int
parse_value(struct jp *p, struct cidx_json *v)
{
	skip_ws(p);
	if (p->s >= p->end)
		return fail(p, "unexpected end");
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
	struct jp p = { text, text + len, NULL, 0 };
	struct cidx_json *v = xcalloc(1, sizeof(*v));
	int ret;

	*out = NULL;
	if ((ret = parse_value(&p, v)) == 0) {
		skip_ws(&p);
		if (p.s != p.end)
			ret = fail(&p, "text after the JSON value");
	}
	if (ret < 0) {
		unsigned line = 1, col = 1;

		for (const char *q = text; q < p.s && q < p.end; q++) {
			if (*q == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)*q & 0xc0) != 0x80) {
				col++;
			}
		}
		cidx_json_free(v);
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s", where,
		    line, col, p.why ? p.why : "malformed JSON");
	}
	*out = v;
	return 0;
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
