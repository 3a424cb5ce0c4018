/*
 * json.h - a small JSON reader (RFC 8259) for method files: the whole
 * document becomes a tree of values.  Numbers are parsed in the C locale.
 *
 * Stricter than RFC 8259 requires, as cityidx(1), METHOD FILES, states:
 * one value and nothing after it but blanks; arrays and objects nested at
 * most CIDX_JSON_MAX_DEPTH deep; no member name twice in an object (the
 * RFC leaves that to the reader; taking one silently would hide an edit);
 * strings valid UTF-8 (no overlong forms, surrogates or code points above
 * U+10FFFF, escaped or not) and without \u0000, so that every string is
 * a C string that says all the file says; numbers in the JSON grammar
 * (no leading zeros, "+", ".5", NaN) and finite.
 */
#ifndef CIDX_JSON_H
#define CIDX_JSON_H

#include <stddef.h>

#include "core/err.h"

/* arrays and objects nest at most this deep (cityidx(1), METHOD FILES):
 * the reader recurses, and a method file needs 3 */
#define CIDX_JSON_MAX_DEPTH 64

enum cidx_json_type {
	CIDX_JSON_NULL, CIDX_JSON_BOOL, CIDX_JSON_NUMBER, CIDX_JSON_STRING,
	CIDX_JSON_ARRAY, CIDX_JSON_OBJECT
};

struct cidx_json {
	enum cidx_json_type type;
	int boolean;
	double number;
	char *string;            /* strings; object member keys in `key` */
	char *key;               /* when a member of an object */
	struct cidx_json *item;  /* array items / object members */
	size_t n;
	size_t at;               /* byte offset of the value in the text */
};

/*! cidx_json_parse() :
 *  @return 0 and the tree in *out (free with cidx_json_free()), or
 *          CIDX_EINVAL with *out NULL and a message
 *          "WHERE:LINE:COLUMN: what" (columns count characters from 1). */
int cidx_json_parse(struct cidx_json **out, const char *text, size_t len,
    const char *where, struct cidx_err *err);
void cidx_json_free(struct cidx_json *v);

/*! cidx_json_where() : the line and column (from 1; columns count
 *  characters, as in the messages of cidx_json_parse()) of byte offset
 *  `at` of `text`. */
void cidx_json_where(const char *text, size_t len, size_t at,
    unsigned *line, unsigned *col);

/*! cidx_json_get() : the member `key` of an object, or NULL. */
const struct cidx_json *cidx_json_get(const struct cidx_json *obj,
    const char *key);

#endif
