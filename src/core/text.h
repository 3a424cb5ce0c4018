/*
 * text.h - what text cityidx accepts: strict UTF-8, and codes that print
 * as what they are.
 */
#ifndef CIDX_TEXT_H
#define CIDX_TEXT_H

#include <stddef.h>

/*! cidx_text_utf8_valid() :
 *  Strict UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800 to
 *  U+DFFF), nothing above U+10FFFF.  NUL bytes are valid here.
 *  @return 0, or CIDX_EINVAL with *bad_at (may be NULL) the offset of the
 *          first byte of the first invalid sequence. */
int cidx_text_utf8_valid(const char *s, size_t n, size_t *bad_at);

#endif
