/* core: numbers, sha256, string buffer, dataset counts, unit attributes */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/model.h"
#include "core/num.h"
#include "core/sha256.h"
#include "fixture.h"
#include "runner.h"


void
test_core__num_parse_accepts_plain_decimals(void)
{
	double v;

	CHECK(cidx_num_parse("12.5", &v, NULL) == 0);
	CHECK_DBL(v, 12.5, 0);
	CHECK(cidx_num_parse(" -3e2 ", &v, NULL) == 0);
	CHECK_DBL(v, -300, 0);
	CHECK(cidx_num_parse(".5", &v, NULL) == 0);
	CHECK_DBL(v, 0.5, 0);
	CHECK(cidx_num_parse("655.80000000000007", &v, NULL) == 0);
	CHECK(v == 655.80000000000007);
	CHECK(cidx_num_is_missing(""));
	CHECK(cidx_num_is_missing("NA"));
	CHECK(!cidx_num_is_missing("0"));
}

void
test_core__num_parse_rejects_garbage(void)
{
	static const char *bad[] = { "1,5", "abc", "0x1A", "inf", "nan", "1.2.3",
		"12x", "1e", "-", "", "1 2" };
	size_t at = 99;
	double v;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(cidx_num_parse(bad[i], &v, NULL) != 0);
	CHECK(cidx_num_parse("12x", &v, &at) != 0);
	CHECK_INT(at, 2);
	CHECK(cidx_num_parse("1,5", &v, &at) != 0);
	CHECK_INT(at, 1);
}

void
test_core__sha256_known_vectors(void)
{
	char h[65];

	/* FIPS 180-4 examples */
	cidx_sha256_buf("abc", 3, h);
	CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	cidx_sha256_buf("", 0, h);
	CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	cidx_sha256_buf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, h);
	CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* s's digest of `text` repeated `times`, fed in pieces of `piece` bytes */
static void
sha_pieces(int hw, const char *text, size_t times, size_t piece, char h[65])
{
	size_t n = strlen(text), total = n * times;
	char *all = malloc(total + 1);
	struct cidx_sha256 s;

	for (size_t i = 0; i < times; i++)
		memcpy(all + i * n, text, n);
	cidx_sha256_init(&s);
	s.hw = hw;
	for (size_t at = 0; at < total; at += piece)
		cidx_sha256_update(&s, all + at,
		    total - at < piece ? total - at : piece);
	cidx_sha256_hex(&s, h);
	free(all);
}

void
test_core__sha256_both_paths(void)
{
	/* FIPS 180-4 vectors (and one of 1,000,000 'a'), through the
	 * portable code and, where the CPU has them, the SHA instructions,
	 * whole and in pieces that straddle the 64-byte blocks */
	static const struct {
		const char *text;
		size_t times;
		const char *hex;
	} v[] = {
		{ "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
		    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
		{ "a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
	};
	static const size_t piece[] = { 1, 7, 64, 65, 1000, 1 << 20 };
	char h[65];

	for (int hw = 0; hw <= cidx_sha256_hw(); hw++)
		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
			for (size_t k = 0; k < sizeof(piece) / sizeof(piece[0]);
			    k++) {
				if (v[i].times > 1 && piece[k] < 64)
					continue; /* slow, and nothing new */
				sha_pieces(hw, v[i].text, v[i].times, piece[k],
				    h);
				CHECK_STR(h, v[i].hex);
			}
}

void
test_core__num_fmt_round_trips(void)
{
	char b[40];
	double x = 0.1 + 0.2, y;

	cidx_num_fmt(b, sizeof(b), x, 17);
	CHECK(cidx_num_parse(b, &y, NULL) == 0);
	CHECK(x == y);
	cidx_num_fmt(b, sizeof(b), NAN, 17);
	CHECK_STR(b, "");
	cidx_num_fmt_fixed(b, sizeof(b), -0.001, 2);
	CHECK_STR(b, "0.00");
}

/* what `years` prints: 3 units x 4 indicators, the last without data */
void
test_core__dataset_counts(void)
{
	static const char *const codes[3] = { "A", "B", "C" };
	const double x[3 * 4] = {
		1, NAN, 0, NAN,
		NAN, NAN, 2, NAN,
		3, 4, -1, NAN,
	};
	struct cidx_dataset *ds = fx_dataset(2017, codes, 3, x, 4);
	size_t ni = 9, nv = 9;

	cidx_dataset_counts(ds, &ni, &nv);
	CHECK_INT(ni, 3);
	CHECK_INT(nv, 6);
	cidx_dataset_free(ds);
}

/* attributes are found by key among many (sorted, strcmp order) */
void
test_core__unit_attr_lookup(void)
{
	static const char *const keys[] = { "A", "B", "Z", "a", "province",
		"region", "x1", "x10", "x2", "人口" };
	struct cidx_attr attr[LEN(keys)];
	struct cidx_unit u;
	char v[LEN(keys)][8];

	memset(&u, 0, sizeof(u));
	for (size_t i = 0; i < LEN(keys); i++) {
		snprintf(v[i], sizeof(v[i]), "v%zu", i);
		attr[i].key = (char *)(uintptr_t)keys[i];
		attr[i].value = v[i];
	}
	u.attr = attr;
	for (size_t n = 0; n <= LEN(keys); n++) {
		u.n_attr = n;
		for (size_t i = 0; i < LEN(keys); i++)
			if (i < n)
				CHECK_STR(cidx_unit_attr(&u, keys[i]), v[i]);
			else
				CHECK(cidx_unit_attr(&u, keys[i]) == NULL);
		CHECK(cidx_unit_attr(&u, "") == NULL);
		CHECK(cidx_unit_attr(&u, "C") == NULL);
		CHECK(cidx_unit_attr(&u, "x3") == NULL);
		CHECK(cidx_unit_attr(&u, "\xff") == NULL);
	}
}
