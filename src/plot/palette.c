/*
 * palette.c - the colours of the charts.
 *
 * Tiers: six ColorBrewer YlGnBu colours from #081d58 (L* 13) to #7fcdbb
 * (L* 77), interpolated; tier i of k is the point of the ramp whose CIE L*
 * lightness is i-1 even steps up from the darkest, over a span that grows
 * with k (to L* 48 for 2 tiers, 56 for 3, the full ramp from 6), so 3
 * tiers are 21 L* apart and 7 still 10.  The ramp stops at #7fcdbb so that
 * the untiered grey (#dadada, L* 87) is lighter than any tier: the order
 * survives greyscale printing.
 * The score ramp (maps) runs on to #edf8b1.  The heatmap is ColorBrewer
 * RdBu with pure white in the middle.
 */
#include <math.h>

#include "plot/plot_int.h"

static const unsigned tier_ramp[] = {
	0x081d58, 0x253494, 0x225ea8, 0x1d91c0, 0x41b6c4, 0x7fcdbb
};
static const unsigned seq_ramp[] = {	/* light to dark */
	0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8,
	0x253494, 0x081d58
};
static const unsigned div_ramp[] = {	/* -1 .. 1 */
	0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xffffff,
	0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061
};
static const unsigned okabe_ito[] = {
	0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00,
	0xf0e442, 0x000000
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct rgb
cidx_pal_hex(unsigned hex)
{
	struct rgb c = { ((hex >> 16) & 0xff) / 255.0,
		((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0 };

	return c;
}

struct rgb
cidx_pal_mix(struct rgb a, struct rgb b, double t)
{
	struct rgb c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t,
		a.b + (b.b - a.b) * t };

	return c;
}

/* t in [0, 1] along the stops */
static struct rgb
ramp(const unsigned *stops, size_t n, double t)
{
	double p;
	size_t i;

	if (!(t > 0))
		return cidx_pal_hex(stops[0]);
	if (t >= 1)
		return cidx_pal_hex(stops[n - 1]);
	p = t * (double)(n - 1);
	i = (size_t)p;
	return cidx_pal_mix(cidx_pal_hex(stops[i]), cidx_pal_hex(stops[i + 1]),
	    p - (double)i);
}

struct rgb
cidx_pal_tier(int tier, int k)
{
	double l0, l1, want, lo = 0, hi = 1;

	if (tier <= 0 || k <= 0)
		return cidx_pal_hex(0xdadada);
	if (k == 1 || tier == 1)
		return cidx_pal_hex(tier_ramp[0]);
	/* even steps of lightness, over a span that grows with k */
	l0 = cidx_pal_lstar(cidx_pal_hex(tier_ramp[0]));
	l1 = fmin(cidx_pal_lstar(cidx_pal_hex(tier_ramp[N(tier_ramp) - 1])),
	    40 + 8 * (k - 1));
	want = l0 + (l1 - l0) * (double)(tier - 1) / (double)(k - 1);
	for (int i = 0; i < 40; i++) {
		double mid = (lo + hi) / 2;

		if (cidx_pal_lstar(ramp(tier_ramp, N(tier_ramp), mid)) < want)
			lo = mid;
		else
			hi = mid;
	}
	return ramp(tier_ramp, N(tier_ramp), (lo + hi) / 2);
}

struct rgb
cidx_pal_seq(double t)
{
	return ramp(seq_ramp, N(seq_ramp), t);
}

struct rgb
cidx_pal_cat(size_t i)
{
	return cidx_pal_hex(okabe_ito[i % N(okabe_ito)]);
}

struct rgb
cidx_pal_div(double v)
{
	return ramp(div_ramp, N(div_ramp), (v + 1) / 2);
}

static double
linear(double u)
{
	return u <= 0.04045 ? u / 12.92 : pow((u + 0.055) / 1.055, 2.4);
}

static double
luminance(struct rgb c)
{
	return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) +
	    0.0722 * linear(c.b);
}

double
cidx_pal_lstar(struct rgb c)
{
	double y = luminance(c);

	return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27;
}

struct rgb
cidx_pal_text_on(struct rgb c)
{
	/* WCAG contrast ratios against white and against black */
	double y = luminance(c);
	struct rgb black = { 0, 0, 0 }, white = { 1, 1, 1 };

	return 1.05 / (y + 0.05) > (y + 0.05) / 0.05 ? white : black;
}

void
cidx_pal_set(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}
