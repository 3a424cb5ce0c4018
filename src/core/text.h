/*
 * text.h - what text cityidx accepts: strict UTF-8, and codes that print
 * as what they are.
 */
#ifndef CIDX_TEXT_H
#define CIDX_TEXT_H

#include <stddef.h>

struct sbuf;

/*! cidx_text_utf8_valid() :
 *  Strict UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800 to
 *  U+DFFF), nothing above U+10FFFF.  NUL bytes are valid here.
 *  @return 0, or CIDX_EINVAL with *bad_at (may be NULL) the offset of the
 *          first byte of the first invalid sequence. */
int cidx_text_utf8_valid(const char *s, size_t n, size_t *bad_at);

/*! cidx_text_check() :
 *  Text that is stored and printed (a name, an attribute, a column name)
 *  must not hold what a terminal or a reader would not show as text: C0
 *  and C1 control characters (escape sequences start with one), DEL, the
 *  line and paragraph separators U+2028 and U+2029, and the bidirectional
 *  embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
 *  U+2069).  `s` is valid UTF-8.
 *  @return 0, or CIDX_EINVAL with *bad_at the byte offset of the first
 *          such character and *cp its code point. */
int cidx_text_check(const char *s, size_t *bad_at, unsigned long *cp);

/*! cidx_text_check_code() :
 *  A code (of a unit or a framework node) is such text, not empty, with
 *  no white space at all (U+0020, tab, U+00A0, U+3000 and the other
 *  Unicode spaces) and no invisible character (U+00AD, U+200B to U+200F,
 *  U+2060 to U+2064, U+FEFF): it prints as what it is.
 *  @return 0, or CIDX_EINVAL with *bad_at, *cp as cidx_text_check(), and
 *          *cp 0 for an empty code. */
int cidx_text_check_code(const char *s, size_t *bad_at, unsigned long *cp);

/*! cidx_text_what() : a few words naming code point `cp` as refused by
 *  the checks above, for a message ("control character U+001B"). */
void cidx_text_what(unsigned long cp, char *buf, size_t n);

/*! cidx_text_escape() :
 *  Appends `s` (`n` bytes of anything) to `sb` as text safe to print on a
 *  terminal: C0 control characters (escape sequences start with ESC), DEL
 *  and the C1 controls U+0080 to U+009F as \xHH; the line and paragraph
 *  separators and the bidirectional controls of cidx_text_check() as
 *  \uHHHH; each byte of an invalid UTF-8 sequence as \xHH.  Valid UTF-8
 *  text (Chinese included) is kept as it is. */
void cidx_text_escape(struct sbuf *sb, const char *s, size_t n);

/*! cidx_text_repair() :
 *  Appends `s` (`n` bytes of anything) to `sb` as valid UTF-8: each
 *  maximal subpart of an ill-formed sequence becomes U+FFFD (the Unicode
 *  Standard's practice: "\xe4\xb8" is one U+FFFD, "\xff\xfe" two);
 *  everything else, control characters included, is kept. */
void cidx_text_repair(struct sbuf *sb, const char *s, size_t n);

#endif
