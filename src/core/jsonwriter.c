/*
 * jsonwriter.c - the JSON writer (jsonwriter.h): the document is built in
 * memory, checked as it grows, and handed to its target whole.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonwriter.h"
#include "core/num.h"
#include "core/text.h"

static void
init(struct cidx_jsonw *w)
{
	struct sbuf empty = SBUF_INIT;
	struct cidx_err none = CIDX_ERR_INIT;

	memset(w, 0, sizeof(*w));
	w->text = empty;
	w->err = none;
}

void
cidx_jsonw_init(struct cidx_jsonw *w, FILE *fp)
{
	init(w);
	w->fp = fp;
}

void
cidx_jsonw_init_sbuf(struct cidx_jsonw *w, struct sbuf *out)
{
	init(w);
	w->out = out;
}

void
cidx_jsonw_release(struct cidx_jsonw *w)
{
	cidx_sbuf_release(&w->text);
	free(w->key);
	w->key = NULL;
	w->n_key = w->cap_key = 0;
	w->err.code = CIDX_EINVAL; /* nothing more */
	snprintf(w->err.msg, sizeof(w->err.msg), "JSON writer: the document "
	    "is finished");
}

/* records the first misuse; @return 0 when there is one (now or before) */
static int
misuse(struct cidx_jsonw *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
misuse(struct cidx_jsonw *w, const char *fmt, ...)
{
	va_list ap;
	char why[400];

	if (w->err.code == 0) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof(why), fmt, ap);
		va_end(ap);
		cidx_err_set(&w->err, CIDX_EINVAL, "JSON writer: %s", why);
	}
	return 0;
}

static struct cidx_jsonw_level *
top(struct cidx_jsonw *w)
{
	return w->depth ? &w->lev[w->depth - 1] : NULL;
}

/* what goes before an item of the innermost array or object */
static void
separate(struct cidx_jsonw *w, struct cidx_jsonw_level *l)
{
	if (l->lines) {
		cidx_sbuf_adds(&w->text, l->n ? ",\n" : "\n");
		for (unsigned i = 0; i < l->indent; i++)
			cidx_sbuf_adds(&w->text, "  ");
	} else if (l->n) {
		cidx_sbuf_adds(&w->text, ", ");
	}
	l->n++;
}

/* a value may come here; @return 0 if not (a misuse, now recorded) */
static int
value_ok(struct cidx_jsonw *w, const char *what)
{
	struct cidx_jsonw_level *l = top(w);

	if (w->err.code)
		return 0;
	if (l == NULL) {
		if (w->done)
			return misuse(w, "%s after the end of the document",
			    what);
		return 1;
	}
	if (l->object) {
		if (!w->keyed)
			return misuse(w, "%s in an object without a key",
			    what);
		w->keyed = 0;
		return 1;
	}
	separate(w, l);
	return 1;
}

/* the value is written: at depth 0 the document is complete */
static void
value_done(struct cidx_jsonw *w)
{
	if (w->depth == 0)
		w->done = 1;
}

/* the code point at *p (valid UTF-8), *p moved past it */
static uint32_t
next_cp(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t c = *s;
	int k = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;

	if (k)
		c &= 0x3fu >> k;
	s++;
	while (k-- > 0)
		c = (c << 6) | (*s++ & 0x3fu);
	*p = (const char *)s;
	return c;
}

/* what a terminal or a reader would not show as text: \uHHHH */
static int
hidden(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 ||
	    c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

static void
put_string(struct sbuf *sb, const char *s)
{
	struct sbuf fixed = SBUF_INIT;
	size_t n = strlen(s);

	if (cidx_text_utf8_valid(s, n, NULL) != 0) {
		cidx_text_repair(&fixed, s, n);
		s = fixed.buf;
	}
	cidx_sbuf_addc(sb, '"');
	while (*s) {
		const char *at = s;
		uint32_t c = next_cp(&s);

		if (c == '"' || c == '\\') {
			cidx_sbuf_addc(sb, '\\');
			cidx_sbuf_addc(sb, (char)c);
		} else if (c == '\n') {
			cidx_sbuf_adds(sb, "\\n");
		} else if (c == '\r') {
			cidx_sbuf_adds(sb, "\\r");
		} else if (c == '\t') {
			cidx_sbuf_adds(sb, "\\t");
		} else if (hidden(c)) {
			cidx_sbuf_addf(sb, "\\u%04x", (unsigned)c);
		} else {
			cidx_sbuf_add(sb, at, (size_t)(s - at));
		}
	}
	cidx_sbuf_addc(sb, '"');
	cidx_sbuf_release(&fixed);
}

static void
begin(struct cidx_jsonw *w, int object, enum cidx_jsonw_layout how)
{
	struct cidx_jsonw_level *outer = top(w), *l;

	if (!value_ok(w, object ? "an object" : "an array"))
		return;
	if (w->depth == CIDX_JSON_MAX_DEPTH) {
		misuse(w, "arrays and objects nested deeper than %d",
		    CIDX_JSON_MAX_DEPTH);
		return;
	}
	l = &w->lev[w->depth++];
	l->object = object;
	l->lines = how == CIDX_JSONW_LINES;
	l->indent = (outer ? outer->indent : 0) + (unsigned)l->lines;
	l->n = 0;
	l->first_key = w->n_key;
	cidx_sbuf_addc(&w->text, object ? '{' : '[');
}

void
cidx_jsonw_begin_object(struct cidx_jsonw *w, enum cidx_jsonw_layout how)
{
	begin(w, 1, how);
}

void
cidx_jsonw_begin_array(struct cidx_jsonw *w, enum cidx_jsonw_layout how)
{
	begin(w, 0, how);
}

static void
end(struct cidx_jsonw *w, int object)
{
	struct cidx_jsonw_level *l = top(w);
	const char *kind = object ? "an object" : "an array";

	if (w->err.code)
		return;
	if (l == NULL || l->object != object) {
		misuse(w, "closing %s where %s is open", kind, l == NULL ?
		    "nothing" : l->object ? "an object" : "an array");
		return;
	}
	if (w->keyed) {
		misuse(w, "closing an object after a key without a value");
		return;
	}
	if (l->lines) {
		cidx_sbuf_addc(&w->text, '\n');
		for (unsigned i = 1; i < l->indent; i++)
			cidx_sbuf_adds(&w->text, "  ");
	}
	cidx_sbuf_addc(&w->text, object ? '}' : ']');
	w->n_key = l->first_key;
	w->depth--;
	value_done(w);
}

void
cidx_jsonw_end_object(struct cidx_jsonw *w)
{
	end(w, 1);
}

void
cidx_jsonw_end_array(struct cidx_jsonw *w)
{
	end(w, 0);
}

/* the name just written (at `at`, `len` bytes) is new in its object */
static int
key_new(struct cidx_jsonw *w, const struct cidx_jsonw_level *l, size_t at,
    size_t len)
{
	for (size_t k = l->first_key; k < w->n_key; k++)
		if (w->key[2 * k + 1] == len && memcmp(w->text.buf +
		    w->key[2 * k], w->text.buf + at, len) == 0)
			return 0;
	ALLOC_GROW(w->key, 2 * (w->n_key + 1), w->cap_key);
	w->key[2 * w->n_key] = at;
	w->key[2 * w->n_key + 1] = len;
	w->n_key++;
	return 1;
}

void
cidx_jsonw_key(struct cidx_jsonw *w, const char *key)
{
	struct cidx_jsonw_level *l = top(w);
	size_t at;

	if (w->err.code)
		return;
	if (key == NULL) {
		misuse(w, "a member name that is NULL");
		return;
	}
	if (l == NULL || !l->object) {
		misuse(w, "member name '%s' outside an object", key);
		return;
	}
	if (w->keyed) {
		misuse(w, "member name '%s' where a value is due", key);
		return;
	}
	separate(w, l);
	at = w->text.len;
	put_string(&w->text, key);
	if (!key_new(w, l, at, w->text.len - at)) {
		misuse(w, "member name '%s' twice in an object", key);
		return;
	}
	cidx_sbuf_adds(&w->text, ": ");
	w->keyed = 1;
}

void
cidx_jsonw_string(struct cidx_jsonw *w, const char *s)
{
	if (!value_ok(w, "a string"))
		return;
	if (s == NULL)
		cidx_sbuf_adds(&w->text, "null");
	else
		put_string(&w->text, s);
	value_done(w);
}

/* a number already formatted, or null */
static void
put_number(struct cidx_jsonw *w, double x, int digits)
{
	char b[40];

	if (!value_ok(w, "a number"))
		return;
	if (!isfinite(x)) {
		cidx_sbuf_adds(&w->text, "null");
	} else {
		if (digits)
			cidx_num_fmt(b, sizeof(b), x, digits);
		else
			cidx_num_shortest(b, sizeof(b), x);
		cidx_sbuf_adds(&w->text, b);
	}
	value_done(w);
}

void
cidx_jsonw_number(struct cidx_jsonw *w, double x)
{
	put_number(w, x, 0);
}

void
cidx_jsonw_number17(struct cidx_jsonw *w, double x)
{
	put_number(w, x, 17);
}

void
cidx_jsonw_int(struct cidx_jsonw *w, long long v)
{
	if (!value_ok(w, "a number"))
		return;
	cidx_sbuf_addf(&w->text, "%lld", v);
	value_done(w);
}

void
cidx_jsonw_uint(struct cidx_jsonw *w, unsigned long long v)
{
	if (!value_ok(w, "a number"))
		return;
	cidx_sbuf_addf(&w->text, "%llu", v);
	value_done(w);
}

static void
put_word(struct cidx_jsonw *w, const char *word)
{
	if (!value_ok(w, word))
		return;
	cidx_sbuf_adds(&w->text, word);
	value_done(w);
}

void
cidx_jsonw_bool(struct cidx_jsonw *w, int v)
{
	put_word(w, v ? "true" : "false");
}

void
cidx_jsonw_null(struct cidx_jsonw *w)
{
	put_word(w, "null");
}

/*
 * A write error stays on the stream, for its owner to report when it
 * flushes (cidx_ofile_commit(), or main's check of standard output).  But
 * stdio drops what it could not write, and a flush with nothing left to
 * write would find nothing wrong to say (errno) about: the last byte is
 * handed over again, to stay buffered, so that the owner's flush meets
 * the error again and reports its cause ("No space left on device").
 */
static void
put_stream(FILE *fp, const char *s, size_t n)
{
	if (fwrite(s, 1, n, fp) < n)
		(void)fputc(s[n - 1], fp);
}

int
cidx_jsonw_finish(struct cidx_jsonw *w, struct cidx_err *err)
{
	int ret = 0;

	if (w->err.code == 0 && w->depth)
		misuse(w, "the document ends with %d array(s) or object(s) "
		    "open", w->depth);
	else if (w->err.code == 0 && !w->done)
		misuse(w, "the document has no value");
	if (w->err.code) {
		ret = cidx_err_set(err, w->err.code, "%s", w->err.msg);
		goto out;
	}
	cidx_sbuf_addc(&w->text, '\n');
	if (w->out)
		cidx_sbuf_add(w->out, w->text.buf, w->text.len);
	else
		put_stream(w->fp, w->text.buf, w->text.len);
out:
	cidx_jsonw_release(w);
	return ret;
}
