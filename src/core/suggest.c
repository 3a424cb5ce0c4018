/*
 * suggest.c - see suggest.h.
 *
 * The index uses symmetric deletion: a code and every code made from it by
 * deleting one character are hashed; two codes within one edit share one
 * of these (a substitution at i: both without i; an insertion: the longer
 * without it equals the shorter; a swap of i and i+1: both without the
 * same character).  The hashes are polynomial, so all deletions of a code
 * of length n hash in O(n); each candidate found is then checked exactly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/suggest.h"

#define BASE 0x100000001b3ULL

/* Decodes UTF-8 (leniently: a bad byte is a code point of its own) into
 * cp; @return the number of code points, or CIDX_SUGGEST_MAX + 1. */
static size_t
decode(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p) {
		uint32_t c = *p++;
		int k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

		if (n == CIDX_SUGGEST_MAX)
			return CIDX_SUGGEST_MAX + 1;
		if (c >= 0x80)
			c &= 0x3f >> k;
		while (k-- > 0 && (*p & 0xc0) == 0x80)
			c = c << 6 | (*p++ & 0x3f);
		cp[n++] = c;
	}
	return n;
}

/* Whether a and b are one edit apart (not equal). */
static int
one_edit(const uint32_t *a, size_t la, const uint32_t *b, size_t lb)
{
	size_t i = 0;

	if (la < lb) {
		const uint32_t *t = a;

		a = b;
		b = t;
		la ^= lb;
		lb ^= la;
		la ^= lb;
	}
	if (la - lb > 1)
		return 0;
	while (i < lb && a[i] == b[i])
		i++;
	if (la == lb) {
		if (i == la)
			return 0; /* equal */
		if (memcmp(a + i + 1, b + i + 1, (la - i - 1) * sizeof(*a)) == 0)
			return 1; /* substitution */
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, (la - i - 2) * sizeof(*a)) == 0;
	}
	/* a has one more: deleting a[i] must give b */
	return memcmp(a + i + 1, b + i, (lb - i) * sizeof(*a)) == 0;
}

/* Whether candidate c beats the best so far: case-only first, then
 * byte order. */
static int
better(const char *c, int c_case, const char *best, int best_case)
{
	if (best == NULL)
		return 1;
	if (c_case != best_case)
		return c_case;
	return strcmp(c, best) < 0;
}

const char *
cidx_suggest(const char *word, const char *const *cand, size_t n)
{
	uint32_t w[CIDX_SUGGEST_MAX], c[CIDX_SUGGEST_MAX];
	size_t lw = decode(word, w);
	const char *best = NULL;
	int best_case = 0;

	if (lw > CIDX_SUGGEST_MAX)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t lc;
		int is_case;

		if (strcmp(cand[i], word) == 0)
			continue;
		is_case = strcasecmp(cand[i], word) == 0;
		if (!is_case) {
			lc = decode(cand[i], c);
			if (lc > CIDX_SUGGEST_MAX || !one_edit(w, lw, c, lc))
				continue;
		}
		if (better(cand[i], is_case, best, best_case)) {
			best = cand[i];
			best_case = is_case;
		}
	}
	return best;
}

struct entry {
	uint64_t hash;
	size_t cand;
};

struct cidx_suggest {
	const char *const *cand;
	size_t n;
	struct entry *e;
	size_t ne;
};

/* The hashes of s (n code points) and of s without each of its code
 * points, n + 1 in all, into h. */
static void
variants(const uint32_t *s, size_t n, uint64_t *h)
{
	uint64_t pre[CIDX_SUGGEST_MAX + 1], pw[CIDX_SUGGEST_MAX + 1];

	pre[0] = 0;
	pw[0] = 1;
	for (size_t k = 0; k < n; k++) {
		pre[k + 1] = pre[k] * BASE + s[k] + 1;
		pw[k + 1] = pw[k] * BASE;
	}
	h[0] = pre[n] ^ (uint64_t)n << 56;
	for (size_t i = 0; i < n; i++) {
		/* s[0..i) then s[i+1..n) */
		uint64_t tail = pre[n] - pre[i + 1] * pw[n - i - 1];

		h[i + 1] = (pre[i] * pw[n - i - 1] + tail) ^
		    (uint64_t)(n - 1) << 56;
	}
}

/* ASCII-lowercase hash, for the case-only matches */
static uint64_t
fold_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * BASE;
	}
	return h | 1; /* never equal to a variant hash by accident of 0 */
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->hash != y->hash)
		return (x->hash > y->hash) - (x->hash < y->hash);
	return (x->cand > y->cand) - (x->cand < y->cand);
}

struct cidx_suggest *
cidx_suggest_new(const char *const *cand, size_t n)
{
	struct cidx_suggest *s = cidx_xcalloc(1, sizeof(*s));
	uint32_t cp[CIDX_SUGGEST_MAX];
	uint64_t h[CIDX_SUGGEST_MAX + 1];
	size_t cap = 0;

	s->cand = cand;
	s->n = n;
	for (size_t i = 0; i < n; i++) {
		size_t len = decode(cand[i], cp);

		if (len > CIDX_SUGGEST_MAX)
			continue;
		variants(cp, len, h);
		ALLOC_GROW(s->e, s->ne + len + 2, cap);
		for (size_t k = 0; k <= len; k++)
			s->e[s->ne++] = (struct entry){ h[k], i };
		s->e[s->ne++] = (struct entry){ fold_hash(cand[i]), i };
	}
	qsort(s->e, s->ne, sizeof(*s->e), cmp_entry);
	return s;
}

/* the first entry with hash h, or ne */
static size_t
lower(const struct cidx_suggest *s, uint64_t h)
{
	size_t lo = 0, hi = s->ne;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->e[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *
cidx_suggest_find(const struct cidx_suggest *s, const char *word)
{
	uint32_t w[CIDX_SUGGEST_MAX], c[CIDX_SUGGEST_MAX];
	uint64_t h[CIDX_SUGGEST_MAX + 2];
	size_t lw = decode(word, w);
	const char *best = NULL;
	int best_case = 0;

	if (lw > CIDX_SUGGEST_MAX)
		return NULL;
	variants(w, lw, h);
	h[lw + 1] = fold_hash(word);
	for (size_t k = 0; k <= lw + 1; k++)
		for (size_t i = lower(s, h[k]); i < s->ne &&
		    s->e[i].hash == h[k]; i++) {
			const char *cand = s->cand[s->e[i].cand];
			size_t lc;
			int is_case;

			if (strcmp(cand, word) == 0)
				continue;
			is_case = strcasecmp(cand, word) == 0;
			if (!is_case) {
				lc = decode(cand, c);
				if (!one_edit(w, lw, c, lc))
					continue;
			}
			if (better(cand, is_case, best, best_case)) {
				best = cand;
				best_case = is_case;
			}
		}
	return best;
}

void
cidx_suggest_free(struct cidx_suggest *s)
{
	if (s == NULL)
		return;
	free(s->e);
	free(s);
}
