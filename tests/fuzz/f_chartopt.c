/*
 * f_chartopt.c - the options of a chart file (plot/plot.h) as the chart
 * command takes them: a vector of --width, --height, --dpi, --title and
 * --font values goes through cidx_plot_opt_set() one by one, the output
 * name through cidx_plot_opts_check(), and when all are accepted a small
 * chart of one of the seven types is written with them.
 *
 * Input: records "K TEXT" separated by 0x01; K (one byte) picks the
 * option (0 width, 1 height, 2 dpi, 3 title, 4 font, 5 the output's
 * extension from a fixed list: a name cannot leave the temporary
 * directory); the first byte of the input picks the chart type.
 *
 * Properties: a refused option changes nothing and says why; accepted
 * sizes and dpi are within the limits of plot.h; a PNG with both sizes
 * given is within the pixel budget; and options the checks accepted
 * never make the write fail except for a font fontconfig does not have,
 * or, with the figure's own size, the pixel budget or a map whose height
 * follows a given width beyond the largest size, each refused before the
 * file is written.  A PNG's resolution is lowered before the write
 * so that a run stays fast (the limits are checked before that).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/geom.h"
#include "fuzz.h"
#include "plot/plot.h"

#define MAX_RECS 16
#define FUZZ_PIXELS 4e6   /* drawn at most, to keep a run short */

static const char *const names[] = { "北京", "Greater Manchester", "杭州" };
static const struct cidx_tier_unit tu[] = {
	{ 1, "北京", 90, 1 }, { 2, "Greater Manchester", 70.5, 2 },
	{ 3, "杭州", 10, 0 },
};
static const char *const pil[] = { "人才", "market" };
static const double contrib[] = { 50, 40, 30, 40.5, 6, 4 };
static const double score[] = { 90, 70.5, 10 };
static const struct cidx_mover mv[] = {
	{ "北京", 2, 1, CIDX_MOVER_NONE, 1, 0 },
	{ "Greater Manchester", 0, 2, CIDX_MOVER_NEW_ENTRANT, 0, 1 },
	{ "杭州", 30, 3, CIDX_MOVER_DARK_HORSE, 27, 0 },
};
static const double corr2[] = { 1, 0.5, 0.5, 1 };
static const double corr[] = { 1, 0.5, NAN, 0.5, 1, -0.2, NAN, -0.2, 1 };
static const struct cidx_profile_row prow[] = {
	{ "人才", "Talent", 0, 72.5, 50 }, { "高校", NULL, 1, NAN, 45 },
};
static const struct cidx_uncert_unit uu[] = {
	{ "北京", 1, 1, 1, 2 }, { "杭州", 2, 1, 2.5, 3 },
};
static const int ty[] = { 2015, 2017 }, tr0[] = { 3, 1 }, tr1[] = { 0, 2 };
static const struct cidx_trend_unit tru[] = {
	{ "北京", NULL, tr0 }, { "Greater Manchester", "UKD3", tr1 },
};
static struct cidx_geom *geom;
static struct cidx_map_unit mu[3];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct cidx_err err = CIDX_ERR_INIT;

	(void)argc;
	(void)argv;
	if (cidx_geom_parse_wkt(&geom, "POLYGON ((116 39, 117.5 39, 117.5 41,"
	    " 116 41, 116 39))", NULL, &err) < 0)
		fuzz_fail(__FILE__, __LINE__, err.msg);
	for (size_t i = 0; i < 3; i++) {
		mu[i].name = names[i];
		mu[i].geom = i == 0 ? geom : NULL;
		mu[i].tier = (int)i;
		mu[i].score = 10.0 * (double)i;
		mu[i].rank = (int)i + 1;
	}
	return 0;
}

static struct cidx_chart
chart_of(unsigned which)
{
	static struct cidx_tiers t = { tu, 3, 0, 2, NULL };
	static struct cidx_pillars p = { names, 3, pil, 2, contrib, score, 0,
	    NULL };
	static struct cidx_movers m = { mv, 3, 2016, 2017 };
	static struct cidx_heatmap h = { .labels = pil, .k = 2, .r = corr2 };
	static struct cidx_heatmap h3 = { .labels = names, .k = 3,
		.r = corr };
	static struct cidx_profile pr = { "杭州", prow, 2, 0, 0 };
	static struct cidx_map mp = { mu, 3, CIDX_MAP_TIER, 2, NULL, 0, 0, 0,
		0, NULL, 0, 2, NULL };
	static struct cidx_uncert un = { uu, 2, 0 };
	static struct cidx_trend tre = { ty, 2, tru, 2 };
	const struct cidx_chart data[] = {
		{ &cidx_chart_tiers, &t },
		{ &cidx_chart_pillars, &p },
		{ &cidx_chart_movers, &m },
		{ &cidx_chart_heatmap, which & 8 ? &h3 : &h },
		{ &cidx_chart_profile, &pr },
		{ &cidx_chart_map, &mp },
		{ &cidx_chart_uncert, &un },
		{ &cidx_chart_trend, &tre },
	};

	return data[which % (sizeof(data) / sizeof(data[0]))];
}

/* the option values kept: cidx_plot_opt_set() keeps the text */
struct recs {
	char *text[MAX_RECS];
	size_t n;
};

static void
take(struct cidx_plot_opts *o, unsigned k, char *text, const char **ext)
{
	static const char *const exts[] = { "pdf", "png", "svg", "PNG", "Svg",
		"gif", "", "pdf.png" };
	struct cidx_plot_opts before = *o;
	struct cidx_err err = CIDX_ERR_INIT;

	if (k == CIDX_PLOT_OPT_N) {
		*ext = exts[(unsigned char)text[0] % 8];
		return;
	}
	if (cidx_plot_opt_set(o, (enum cidx_plot_key)k, text, &err) < 0) {
		fuzz_assert(memcmp(o, &before, sizeof(*o)) == 0);
		fuzz_assert(err.msg[0] != '\0');
		return;
	}
	fuzz_assert(o->width == 0 || (o->width >= CIDX_PLOT_SIZE_MIN &&
	    o->width <= CIDX_PLOT_SIZE_MAX));
	fuzz_assert(o->height == 0 || (o->height >= CIDX_PLOT_SIZE_MIN &&
	    o->height <= CIDX_PLOT_SIZE_MAX));
	fuzz_assert(o->dpi == 0 || (o->dpi >= CIDX_PLOT_DPI_MIN &&
	    o->dpi <= CIDX_PLOT_DPI_MAX));
}

/* the pixels of a PNG of the given size, as plot.h defines them */
static double
pixels(const struct cidx_plot_opts *o, double w, double h)
{
	double dpi = o->dpi != 0 ? o->dpi : CIDX_PLOT_DPI_DEFAULT;

	return round(w * dpi / 72) * round(h * dpi / 72);
}

static void
write_it(const struct cidx_chart *c, struct cidx_plot_opts *o, int png)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int rc;

	/* the figures' own sizes are at most 2400 points */
	if (png && pixels(o, o->width ? o->width : 2400, o->height ? o->height :
	    2400) > FUZZ_PIXELS)
		o->dpi = CIDX_PLOT_DPI_MIN;
	rc = cidx_plot_write(c, o, &err);
	if (rc == 0) {
		fuzz_assert(access(o->path, F_OK) == 0);
		return;
	}
	if (rc != CIDX_EINVAL || (strstr(err.msg, "font family") == NULL &&
	    strstr(err.msg, "make a PNG") == NULL &&
	    strstr(err.msg, "the figure would be") == NULL))
		fuzz_fail(__FILE__, __LINE__, err.msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_chart c;
	struct recs r = { { NULL }, 0 };
	const char *ext = "pdf", *dot;
	char name[32];
	size_t i = 1;
	int png;

	if (size < 1)
		return 0;
	c = chart_of(data[0]);
	while (i < size && r.n < MAX_RECS) {
		const uint8_t *end = memchr(data + i, 0x01, size - i);
		size_t len = end ? (size_t)(end - data) - i : size - i;

		if (len > 0) {
			r.text[r.n] = fuzz_str(data + i + 1, len - 1);
			take(&o, data[i] % (CIDX_PLOT_OPT_N + 1), r.text[r.n],
			    &ext);
			r.n++;
		}
		i += len + 1;
	}
	snprintf(name, sizeof(name), "chart.%s", ext);
	o.path = fuzz_put(name, (const uint8_t *)"", 0);
	if (cidx_plot_opts_check(&o, &err) == 0) {
		/* the format is the last extension's, in any case */
		dot = strrchr(name, '.') + 1;
		png = strcasecmp(dot, "png") == 0;
		fuzz_assert(png || strcasecmp(dot, "pdf") == 0 ||
		    strcasecmp(dot, "svg") == 0);
		fuzz_assert(png || o.dpi == 0);
		if (png && o.width != 0 && o.height != 0)
			fuzz_assert(pixels(&o, o.width, o.height) <=
			    CIDX_PLOT_PNG_PIXELS_MAX);
		write_it(&c, &o, png);
	} else {
		fuzz_assert(err.msg[0] != '\0');
	}
	for (i = 0; i < r.n; i++)
		free(r.text[i]);
	return 0;
}

/*
 * Leaks inside the libraries that no call can release (the unit tests
 * name the same two, tests/lsan.supp says why), and fontconfig's: pango
 * and cairo keep their caches between inputs, and fontconfig holds its
 * patterns by offsets, which LeakSanitizer cannot follow.  Matching them
 * by function or library needs whole stacks.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
const char *__asan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:FcInitLoadConfigAndFonts\n"
	    "leak:cairo_surface_finish\n"
	    "leak:libfontconfig.so\n";
}

const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}
