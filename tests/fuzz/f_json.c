/*
 * f_json.c - the JSON reader (core/json.h).  Beyond not crashing, an
 * accepted document must keep the limits cityidx(1), METHOD FILES, states
 * (valid UTF-8 without NUL, no duplicate keys, bounded depth), and writing
 * the tree back as JSON must read back to the same tree; a refusal must
 * name where:LINE:COLUMN inside the text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "fuzz.h"

/* strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF */
static int
utf8_ok(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s, n, cp;

		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		for (unsigned i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
			return 0;
		s += n + 1;
	}
	return 1;
}

static void
check(const struct cidx_json *v, int depth)
{
	fuzz_assert(depth <= CIDX_JSON_MAX_DEPTH);
	if (v->type == CIDX_JSON_STRING)
		fuzz_assert(utf8_ok((const unsigned char *)v->string));
	if (v->type == CIDX_JSON_NUMBER)
		fuzz_assert(isfinite(v->number));
	for (size_t i = 0; i < v->n; i++) {
		const struct cidx_json *it = &v->item[i];

		if (v->type == CIDX_JSON_OBJECT) {
			fuzz_assert(it->key != NULL);
			fuzz_assert(utf8_ok((const unsigned char *)it->key));
			for (size_t j = 0; j < i; j++)
				fuzz_assert(strcmp(v->item[j].key, it->key));
			fuzz_assert(cidx_json_get(v, it->key) == it);
		}
		check(it, depth + 1);
	}
}

static void
put_string(struct sbuf *sb, const char *s)
{
	cidx_sbuf_addc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			cidx_sbuf_addf(sb, "\\%c", c);
		else if (c < 0x20)
			cidx_sbuf_addf(sb, "\\u%04x", c);
		else
			cidx_sbuf_addc(sb, (char)c);
	}
	cidx_sbuf_addc(sb, '"');
}

static void
write_json(struct sbuf *sb, const struct cidx_json *v)
{
	switch (v->type) {
	case CIDX_JSON_NULL:
		cidx_sbuf_adds(sb, "null");
		break;
	case CIDX_JSON_BOOL:
		cidx_sbuf_adds(sb, v->boolean ? "true" : "false");
		break;
	case CIDX_JSON_NUMBER:
		cidx_sbuf_addf(sb, "%.17g", v->number);
		break;
	case CIDX_JSON_STRING:
		put_string(sb, v->string);
		break;
	case CIDX_JSON_ARRAY:
	case CIDX_JSON_OBJECT:
		cidx_sbuf_addc(sb, v->type == CIDX_JSON_ARRAY ? '[' : '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				cidx_sbuf_addc(sb, ',');
			if (v->type == CIDX_JSON_OBJECT) {
				put_string(sb, v->item[i].key);
				cidx_sbuf_addc(sb, ':');
			}
			write_json(sb, &v->item[i]);
		}
		cidx_sbuf_addc(sb, v->type == CIDX_JSON_ARRAY ? ']' : '}');
		break;
	}
}

static int
same(const struct cidx_json *a, const struct cidx_json *b)
{
	if (a->type != b->type || a->n != b->n)
		return 0;
	switch (a->type) {
	case CIDX_JSON_BOOL:
		return a->boolean == b->boolean;
	case CIDX_JSON_NUMBER:
		return a->number == b->number;
	case CIDX_JSON_STRING:
		return strcmp(a->string, b->string) == 0;
	default:
		break;
	}
	for (size_t i = 0; i < a->n; i++) {
		if ((a->item[i].key == NULL) != (b->item[i].key == NULL))
			return 0;
		if (a->item[i].key && strcmp(a->item[i].key, b->item[i].key))
			return 0;
		if (!same(&a->item[i], &b->item[i]))
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cidx_json *v = NULL, *w = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct sbuf sb = SBUF_INIT;
	unsigned line, col, lines = 1;

	if (cidx_json_parse(&v, (const char *)data, size, "f.json",
	    &err) < 0) {
		fuzz_assert(v == NULL);
		fuzz_assert(sscanf(err.msg, "f.json:%u:%u: ", &line,
		    &col) == 2);
		for (size_t i = 0; i < size; i++)
			lines += data[i] == '\n';
		fuzz_assert(line >= 1 && line <= lines && col >= 1 &&
		    col <= size + 1);
		return 0;
	}
	check(v, 0);
	write_json(&sb, v);
	if (cidx_json_parse(&w, sb.buf, sb.len, "again", &err) < 0)
		fuzz_fail(__FILE__, __LINE__, err.msg);
	fuzz_assert(same(v, w));
	cidx_json_free(w);
	cidx_json_free(v);
	cidx_sbuf_release(&sb);
	return 0;
}
