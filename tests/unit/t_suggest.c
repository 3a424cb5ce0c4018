/*
 * suggest: "did you mean", one edit away (insertion, deletion,
 * substitution, adjacent swap), case-only differences first, the
 * smallest in byte order among equals; the index gives what the linear
 * scan gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/suggest.h"
#include "runner.h"

/* both ways: the one-shot scan and the index */
static const char *
both(const char *word, const char *const *cand, size_t n)
{
	struct cidx_suggest *s = cidx_suggest_new(cand, n);
	const char *a = cidx_suggest(word, cand, n);
	const char *b = cidx_suggest_find(s, word);

	if (a != b)
		runner_fail(__FILE__, __LINE__, "'%s': scan '%s', index '%s'",
		    word, a ? a : "(null)", b ? b : "(null)");
	cidx_suggest_free(s);
	return a;
}

#define CHECK_SUGGEST(word, want)                                         \
	do {                                                              \
		const char *got_ = both(word, cand, n);                   \
		runner_count();                                           \
		if ((want) == NULL ? got_ != NULL : got_ == NULL ||       \
		    strcmp(got_, want) != 0)                              \
			runner_fail(__FILE__, __LINE__,                   \
			    "'%s' suggests '%s', expected '%s'", word,    \
			    got_ ? got_ : "(null)", want ? want : "(null)");\
	} while (0)

void
test_suggest__one_edit(void)
{
	static const char *const cand[] = { "C11", "C10", "B10", "110100",
		"北京", "GDP", "gdq", "UKC1" };
	size_t n = sizeof(cand) / sizeof(cand[0]);
	const char *none = NULL;

	/* substitution (letter O for zero), insertion, deletion, swap */
	CHECK_SUGGEST("C1O", "C10");
	CHECK_SUGGEST("C100", "C10");
	CHECK_SUGGEST("1C0", "C10");
	CHECK_SUGGEST("110010", "110100");
	CHECK_SUGGEST("11010", "110100");
	CHECK_SUGGEST("UKC", "UKC1");
	/* "C1" is one deletion from C10 and from C11: the smaller */
	CHECK_SUGGEST("C1", "C10");
	/* in characters, not bytes: 北京市 is 北京 and one more */
	CHECK_SUGGEST("北京市", "北京");
	CHECK_SUGGEST("南京", "北京");
	/* case only wins over an edit: gdp is GDP, not gdq */
	CHECK_SUGGEST("gdp", "GDP");
	/* two edits, or nothing alike, or itself: no suggestion */
	CHECK_SUGGEST("CXY", none);
	CHECK_SUGGEST("ZZZZ", none);
	CHECK_SUGGEST("Q99", none);
	/* a word that is a candidate gets another one, not itself */
	CHECK_SUGGEST("B10", "C10");
	CHECK_SUGGEST("", none);
	{
		static const char *const empty[] = { "" };

		CHECK(cidx_suggest("A", empty, 1) != NULL);
		CHECK(cidx_suggest("AB", empty, 1) == NULL);
		CHECK(cidx_suggest("A", empty, 0) == NULL);
	}
}

/* 3,000 codes and 3,000 mistyped ones: the index agrees with the scan,
 * and answers in a few milliseconds */
void
test_suggest__index_matches_scan(void)
{
	enum { N = 3000 };
	char (*code)[16] = calloc(N, sizeof(*code));
	char (*word)[16] = calloc(N, sizeof(*word));
	const char **cand = calloc(N, sizeof(*cand));
	struct cidx_suggest *s;
	unsigned x = 12345;
	size_t agree = 0;

	if (code == NULL || word == NULL || cand == NULL)
		goto out;
	for (size_t i = 0; i < N; i++) {
		snprintf(code[i], sizeof(code[i]), "U%05zu", (i * 7919) % 100000);
		cand[i] = code[i];
	}
	for (size_t i = 0; i < N; i++) {
		size_t len;

		x = x * 1103515245 + 12345;
		strcpy(word[i], code[(x >> 8) % N]);
		len = strlen(word[i]);
		switch ((x >> 4) % 4) {
		case 0: /* substitute */
			word[i][1 + (x >> 12) % (len - 1)] = (char)('0' +
			    (x >> 16) % 10);
			break;
		case 1: /* delete */
			memmove(word[i] + 2, word[i] + 3, len - 2);
			break;
		case 2: /* insert */
			memmove(word[i] + 3, word[i] + 2, len - 1);
			word[i][2] = 'x';
			break;
		default: /* swap */
			word[i][2] ^= word[i][3];
			word[i][3] ^= word[i][2];
			word[i][2] ^= word[i][3];
			break;
		}
	}
	s = cidx_suggest_new(cand, N);
	for (size_t i = 0; i < N; i++) {
		const char *a = cidx_suggest(word[i], cand, N);
		const char *b = cidx_suggest_find(s, word[i]);

		agree += a == b;
	}
	CHECK_INT(agree, N);
	cidx_suggest_free(s);
out:
	free(code);
	free(word);
	free(cand);
}
