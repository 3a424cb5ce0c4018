/*
 * sha256.c - SHA-256 (FIPS 180-4): a portable compression function, and
 * on x86-64 processors that have them the SHA extensions (SHA-NI), about
 * six times faster: the checksum of a 100 MB import file is on the way
 * of every import (issue 17).  Both give the same digest (the unit tests
 * run the FIPS vectors through each).
 */
#include <stdio.h>
#include <string.h>

#include "core/sha256.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SHANI 1
#include <cpuid.h>
#include <immintrin.h>
#else
#define HAVE_SHANI 0
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
compress(struct cidx_sha256 *s, const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
		    (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
	e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + K[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		h = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d;
	s->h[4] += e, s->h[5] += f, s->h[6] += g, s->h[7] += h;
}

#if HAVE_SHANI
/* SHA-NI, SSSE3 and SSE4.1 (the byte shuffle and the blend) */
static int
cpu_has_sha(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) ||
	    !(c & bit_SSE4_1))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & bit_SHA) != 0;
}

/*
 * The n blocks at p with the SHA extensions.  The state is kept as ABEF
 * and CDGH; each step of the loop does 4 rounds with the words w[i % 4]
 * and then computes the words of 4 rounds later:
 *   w[i+4] = msg2(msg1(w[i], w[i+1]) + (w[i+2], w[i+3] shifted a word),
 *                 w[i+3]).
 */
__attribute__((target("sha,ssse3,sse4.1"))) static void
compress_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i st0, st1, t, msg, w[4], save0, save1;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xb1);
	st1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1b);
	st0 = _mm_alignr_epi8(t, st1, 8);     /* ABEF */
	st1 = _mm_blend_epi16(st1, t, 0xf0);  /* CDGH */
	for (; n > 0; n--, p += 64) {
		save0 = st0;
		save1 = st1;
		for (int i = 0; i < 4; i++)
			w[i] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * i)), swap);
		for (int i = 0; i < 16; i++) {
			msg = _mm_add_epi32(w[i & 3],
			    _mm_loadu_si128((const __m128i *)&K[4 * i]));
			st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
			st0 = _mm_sha256rnds2_epu32(st0, st1,
			    _mm_shuffle_epi32(msg, 0x0e));
			if (i < 12) {
				t = _mm_add_epi32(_mm_sha256msg1_epu32(w[i & 3],
				    w[(i + 1) & 3]), _mm_alignr_epi8(
				    w[(i + 3) & 3], w[(i + 2) & 3], 4));
				w[i & 3] = _mm_sha256msg2_epu32(t,
				    w[(i + 3) & 3]);
			}
		}
		st0 = _mm_add_epi32(st0, save0);
		st1 = _mm_add_epi32(st1, save1);
	}
	t = _mm_shuffle_epi32(st0, 0x1b);     /* FEBA */
	st1 = _mm_shuffle_epi32(st1, 0xb1);   /* DCHG */
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(t, st1, 0xf0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(st1, t, 8));
}
#endif

/* n whole blocks at p */
static void
blocks(struct cidx_sha256 *s, const unsigned char *p, size_t n)
{
#if HAVE_SHANI
	if (s->hw) {
		compress_shani(s->h, p, n);
		return;
	}
#endif
	for (; n > 0; n--, p += 64)
		compress(s, p);
}

int
cidx_sha256_hw(void)
{
#if HAVE_SHANI
	return cpu_has_sha();
#else
	return 0;
#endif
}

void
cidx_sha256_init(struct cidx_sha256 *s)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
		0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memcpy(s->h, h0, sizeof(h0));
	s->len = 0;
	s->nblk = 0;
	s->hw = cidx_sha256_hw();
}

void
cidx_sha256_update(struct cidx_sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;

	if (n == 0)
		return;
	s->len += n;
	if (s->nblk > 0) { /* first the block begun before */
		size_t k = 64 - s->nblk;

		if (k > n)
			k = n;
		memcpy(s->blk + s->nblk, p, k);
		s->nblk += k;
		p += k;
		n -= k;
		if (s->nblk < 64)
			return;
		blocks(s, s->blk, 1);
		s->nblk = 0;
	}
	blocks(s, p, n / 64); /* whole blocks from where they are */
	p += n / 64 * 64;
	n %= 64;
	memcpy(s->blk, p, n);
	s->nblk = n;
}

void
cidx_sha256_hex(struct cidx_sha256 *s, char out[65])
{
	uint64_t bits = s->len * 8;
	unsigned char pad[72] = { 0x80 };
	size_t npad = (s->nblk < 56) ? 56 - s->nblk : 120 - s->nblk;
	int i;

	for (i = 0; i < 8; i++)
		pad[npad + i] = (unsigned char)(bits >> (56 - 8 * i));
	cidx_sha256_update(s, pad, npad + 8);
	for (i = 0; i < 8; i++)
		snprintf(out + 8 * i, 9, "%08x", (unsigned)s->h[i]);
}

void
cidx_sha256_buf(const void *data, size_t n, char out[65])
{
	struct cidx_sha256 s;

	cidx_sha256_init(&s);
	cidx_sha256_update(&s, data, n);
	cidx_sha256_hex(&s, out);
}
