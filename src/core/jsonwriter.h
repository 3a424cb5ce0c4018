/*
 * jsonwriter.h - the JSON writer: every JSON document cityidx writes
 * (cityidx(1), OUTPUT FORMATS) is written through it, so that each one is
 * valid RFC 8259 text that the strict reader of json.h reads back.
 *
 * The writer escapes strings, prints numbers so that they read back to
 * the same double, and checks the nesting: a value in an object without
 * a key, a key in an array, a member name twice in one object, a bracket
 * closed that is not open, a second document, nesting deeper than
 * CIDX_JSON_MAX_DEPTH or a document left open are errors.  The first
 * error is kept and every call after it does nothing (as cairo's errors
 * are sticky), so a caller writes the whole document and checks once, at
 * cidx_jsonw_finish().  The text is built in memory and reaches its
 * target only there, whole and checked: a misused writer writes nothing.
 *
 *	struct cidx_jsonw w;
 *
 *	cidx_jsonw_init(&w, stdout);
 *	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
 *	cidx_jsonw_key(&w, "year");
 *	cidx_jsonw_int(&w, 2017);
 *	cidx_jsonw_key(&w, "codes");
 *	cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
 *	cidx_jsonw_string(&w, "110100");
 *	cidx_jsonw_end_array(&w);
 *	cidx_jsonw_end_object(&w);
 *	if (cidx_jsonw_finish(&w, &err) < 0)
 *		... nothing was written; err says why
 *
 * writes
 *
 *	{
 *	  "year": 2017,
 *	  "codes": ["110100"]
 *	}
 *
 * The layout is chosen per array or object: CIDX_JSONW_INLINE puts it on
 * one line, CIDX_JSONW_LINES each of its items on a line of its own.
 * Members are written "key": value, items are separated by ", " on a
 * line.  The functions are not meant for concurrent threads on one
 * writer; writers are independent.
 */
#ifndef CIDX_JSONWRITER_H
#define CIDX_JSONWRITER_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "core/json.h"
#include "core/mem.h"

/* how an array or object is laid out */
enum cidx_jsonw_layout {
	/* on one line: [1, 2] and {"a": 1, "b": 2} */
	CIDX_JSONW_INLINE,
	/* each item on a line of its own, indented two spaces for each
	 * LINES array or object it is in; the closing bracket on a line of
	 * its own under the line that opened it, even when there are no
	 * items ("[\n  ]") */
	CIDX_JSONW_LINES
};

/* one open array or object (private to the writer) */
struct cidx_jsonw_level {
	int object;             /* an object, not an array */
	int lines;              /* CIDX_JSONW_LINES */
	unsigned indent;        /* LINES levels around and including it */
	size_t n;               /* items written */
	size_t first_key;       /* its first member name in key[] */
};

/* a writer: its members are private, use the functions below */
struct cidx_jsonw {
	struct sbuf text;       /* the document so far */
	FILE *fp;               /* the target: a stream ... */
	struct sbuf *out;       /* ... or a buffer */
	struct cidx_jsonw_level lev[CIDX_JSON_MAX_DEPTH];
	int depth;              /* open arrays and objects */
	int keyed;              /* a member name written, its value not yet */
	int done;               /* the document's value is complete */
	size_t *key;            /* the open objects' names: offset, length in text */
	size_t n_key, cap_key;
	struct cidx_err err;    /* the first misuse */
};

/*! cidx_jsonw_init() :
 *  Starts a document for the stream `fp`, which receives it at
 *  cidx_jsonw_finish() (nothing before). */
void cidx_jsonw_init(struct cidx_jsonw *w, FILE *fp);

/*! cidx_jsonw_init_sbuf() :
 *  Starts a document for the buffer `out`, which cidx_jsonw_finish()
 *  appends it to. */
void cidx_jsonw_init_sbuf(struct cidx_jsonw *w, struct sbuf *out);

/*! cidx_jsonw_finish() :
 *  Ends the document (one value, every array and object closed) with a
 *  newline, hands it to the target whole, and releases the writer.
 *  A write error stays on the stream, for its owner to see (ferror(),
 *  cidx_ofile_commit()), as after any other write to it.
 *  @return 0, or CIDX_EINVAL when the writer was misused ("JSON writer: "
 *          and what; the target receives nothing). */
int cidx_jsonw_finish(struct cidx_jsonw *w, struct cidx_err *err);

/*! cidx_jsonw_release() :
 *  Drops the document unwritten (on the error path of a caller that
 *  stops half way).  After it, or cidx_jsonw_finish(), the writer does
 *  nothing and cidx_jsonw_finish() fails with "the document is
 *  finished"; release is safe to call again. */
void cidx_jsonw_release(struct cidx_jsonw *w);

/*! cidx_jsonw_begin_object(), cidx_jsonw_begin_array(),
 *  cidx_jsonw_end_object(), cidx_jsonw_end_array() :
 *  Open an object or array (a value: in an object, after its key) laid
 *  out as `how`, and close the innermost one, which must be of that
 *  kind (and an object's last key must have its value). */
void cidx_jsonw_begin_object(struct cidx_jsonw *w,
    enum cidx_jsonw_layout how);
void cidx_jsonw_begin_array(struct cidx_jsonw *w, enum cidx_jsonw_layout how);
void cidx_jsonw_end_object(struct cidx_jsonw *w);
void cidx_jsonw_end_array(struct cidx_jsonw *w);

/*! cidx_jsonw_key() :
 *  The name of the next member of the innermost object, escaped as
 *  cidx_jsonw_string() does; a name may appear once in an object (the
 *  reader refuses it twice).  Not NULL. */
void cidx_jsonw_key(struct cidx_jsonw *w, const char *key);

/*! cidx_jsonw_string() :
 *  `s` (any bytes; NULL writes null) as a JSON string of valid UTF-8:
 *  each maximal invalid sequence becomes U+FFFD (cidx_text_repair());
 *  quote and backslash are escaped, newline, carriage return and tab as
 *  \n \r \t, the other C0 controls, DEL, the C1 controls, the line and
 *  paragraph separators and the bidirectional controls (cidx_text_check())
 *  as \uHHHH with lowercase hex digits, so that the text says the same
 *  and printing the JSON on a terminal is safe. */
void cidx_jsonw_string(struct cidx_jsonw *w, const char *s);

/*! cidx_jsonw_number() :
 *  `x` in the shortest form that reads back to the same double
 *  (cidx_num_shortest(): 0.1, 100, 1e+21); NaN and infinities, which
 *  JSON cannot hold, as null.  A subnormal number (nonzero, below
 *  2.2250738585072014e-308) is written as it is, but the reader of json.h
 *  refuses it (cidx_num_parse()). */
void cidx_jsonw_number(struct cidx_jsonw *w, double x);

/*! cidx_jsonw_number17() :
 *  `x` with 17 significant digits (%.17g: 0.10000000000000001), which
 *  also reads back exactly; NaN and infinities as null.  The form of the
 *  numbers of rank, weights, audit, explain and the method object, kept
 *  so that those outputs stay as they have always been. */
void cidx_jsonw_number17(struct cidx_jsonw *w, double x);

/*! cidx_jsonw_int(), cidx_jsonw_uint() : an integer, in decimal. */
void cidx_jsonw_int(struct cidx_jsonw *w, long long v);
void cidx_jsonw_uint(struct cidx_jsonw *w, unsigned long long v);

/*! cidx_jsonw_bool() : true when `v` is not 0, else false. */
void cidx_jsonw_bool(struct cidx_jsonw *w, int v);

/*! cidx_jsonw_null() : null. */
void cidx_jsonw_null(struct cidx_jsonw *w);

#endif
