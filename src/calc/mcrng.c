/*
 * mcrng.c - the random numbers of the Monte Carlo (mc.h): SplitMix64
 * seeds one xoshiro256** stream per draw (or Saltelli row), so a draw's
 * numbers do not depend on the thread that runs it (cityidx(1),
 * Uncertainty and sensitivity).
 */
#include <stdint.h>

#include "calc/mc.h"

#define GOLDEN 0x9e3779b97f4a7c15ULL

uint64_t
cidx_splitmix64(uint64_t *state)
{
	uint64_t z = (*state += GOLDEN);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
cidx_mc_stream(struct cidx_rng *g, uint64_t seed, uint64_t k)
{
	/* SplitMix64's output t is mix(seed + t GOLDEN): start after 4k */
	uint64_t st = seed + 4 * k * GOLDEN;

	for (int i = 0; i < 4; i++)
		g->s[i] = cidx_splitmix64(&st);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
cidx_rng_next(struct cidx_rng *g)
{
	uint64_t *s = g->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double
cidx_rng_uniform(struct cidx_rng *g)
{
	return (double)(cidx_rng_next(g) >> 11) * 0x1.0p-53;
}
