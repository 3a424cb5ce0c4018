/*
 * suggest.h - "did you mean": the known code one edit away from a code
 * that is not known (a unit code new to the workspace, an unknown code in
 * a weights file or a --set).
 *
 * One edit is the insertion, deletion or substitution of one character,
 * or the swap of two adjacent characters (optimal string alignment
 * distance 1, over Unicode code points).  A code equal but for ASCII
 * case is a suggestion too, and the preferred one.  Among several, the
 * smallest in byte order is given, so the answer does not depend on the
 * order of the candidates.  Codes longer than CIDX_SUGGEST_MAX code
 * points get no suggestion.
 */
#ifndef CIDX_SUGGEST_H
#define CIDX_SUGGEST_H

#include <stddef.h>

#define CIDX_SUGGEST_MAX 256

/*! cidx_suggest() :
 *  The candidate closest to `word` (see above) among `cand[0..n)`, or
 *  NULL.  A candidate equal to `word` is not a suggestion.  Time in
 *  proportion to n times the length of `word`: for one query; for many
 *  against the same candidates build an index. */
const char *cidx_suggest(const char *word, const char *const *cand,
    size_t n);

/* An index of candidates, for many queries: each costs time in proportion
 * to the square of the word's length, whatever the number of candidates. */
struct cidx_suggest;

/*! cidx_suggest_new() : indexes `cand[0..n)` (borrowed: they must outlive
 *  the index).  @return the index (free with cidx_suggest_free()). */
struct cidx_suggest *cidx_suggest_new(const char *const *cand, size_t n);
/*! cidx_suggest_find() : as cidx_suggest() over the indexed candidates. */
const char *cidx_suggest_find(const struct cidx_suggest *s,
    const char *word);
void cidx_suggest_free(struct cidx_suggest *s);

#endif
