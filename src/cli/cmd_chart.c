/*
 * cmd_chart.c - draw one figure of a ranking to PDF, PNG or SVG: the
 * tiered top N, the pillars' contributions, the movers between two
 * years, a correlation heatmap, one unit's profile, a map.  The ranking
 * is the one `rank` prints for the same options (the same library
 * calls); the drawing is the plot layer's.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/movement.h"
#include "cli/chartdata.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/methodopt.h"
#include "cli/storegeo.h"
#include "cli/yearopt.h"
#include "core/lookup.h"
#include "plot/plot.h"

static const char options[] =
    "types: tiers | pillars | movers | heatmap | profile UNIT | map |\n"
    "       uncertainty (with the uncertain inputs below)\n\n"
    "  -o, --output FILE    the figure: .pdf, .png or .svg\n"
    "  --year YEAR          year to draw (default: the latest with data)\n"
    "  --compare YEAR       movers: the earlier year (default: the latest "
    "before)\n"
    "  --top N              units drawn (default 50; 0 = all ranked); not\n"
    "                       for heatmap and profile\n"
    "  --tiers SPEC         tiers and map: as for rank (default jenks:3)\n"
    "  --dark-horse D       movers: places climbed (default 20)\n"
    "  --of WHAT            heatmap: pillars (default) | indicators\n"
    "  --by WHAT            map: tier (default) | score\n"
    "  --labels N           map: number the top N in a key (default 10, "
    "0 none)\n"
    "  --lang zh|en         language of names and labels (default zh)\n"
    "  --title TEXT         the title (default: index, year and figure)\n"
    "  --width W, --height H  size in points, 72 to 14400 (default: the "
    "figure's)\n"
    "  --dpi D              PNG resolution, 10 to 1200 (default 150); a PNG\n"
    "                       is at most 100 million pixels\n"
    "  --font FAMILY        font family (default Noto Sans CJK SC)\n"
    "  -h, --help           show this help\n"
    "\nan option that the figure does not draw is refused\n"
    CLI_MC_HELP CLI_METHOD_HELP;

/*
 * The options that apply to some chart types only, a bit each; every
 * other option (the year, the language, the method, the title and size)
 * applies to every type.  One given to a type that does not draw it is
 * refused, not ignored (cityidx(1), chart).
 */
enum {
	CO_COMPARE = 1 << 0,   /* --compare */
	CO_DARK = 1 << 1,      /* --dark-horse */
	CO_TOP = 1 << 2,       /* --top */
	CO_TIERS = 1 << 3,     /* --tiers */
	CO_OF = 1 << 4,        /* --of */
	CO_BY = 1 << 5,        /* --by */
	CO_MC = 1 << 6,        /* --draws and the other uncertain inputs */
	CO_LABELS = 1 << 7,    /* --labels */
	CO_N = 8
};

/* the chart types, in the order of enum cidx_chart_type, with the
 * options above that each one draws */
static const struct chart_type {
	const char *name;
	unsigned opts;
} types[] = {
	[CIDX_CHART_TIERS] = { "tiers", CO_TOP | CO_TIERS },
	[CIDX_CHART_PILLARS] = { "pillars", CO_TOP },
	[CIDX_CHART_MOVERS] = { "movers", CO_TOP | CO_COMPARE | CO_DARK },
	[CIDX_CHART_HEATMAP] = { "heatmap", CO_OF },
	[CIDX_CHART_PROFILE] = { "profile", 0 },
	[CIDX_CHART_MAP] = { "map", CO_TOP | CO_TIERS | CO_BY | CO_LABELS },
	[CIDX_CHART_UNCERT] = { "uncertainty", CO_TOP | CO_MC },
};
#define N_TYPES (sizeof(types) / sizeof(types[0]))

/* a map filled by score has no tiers, and so no top group to split */
#define CO_MAP_BY_SCORE (CO_TOP | CO_TIERS)

struct chart_opts {
	struct cli_year_opts y;
	int indicators, by_score;
	const char *output, *title, *unit;
	long labels;                   /* -1: the default */
	enum cidx_chart_type type;
	struct cidx_plot_opts po;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
	unsigned given;                /* CO_* bits of the options given */
	const char *given_name[CO_N];  /* the first of each, as named */
};

static const struct option longopts[] = {
	{ "by", required_argument, NULL, 'B' },
	CLI_OPT_COMPARE,
	CLI_OPT_DARK,
	{ "dpi", required_argument, NULL, 'd' },
	{ "font", required_argument, NULL, 'F' },
	{ "height", required_argument, NULL, 'H' },
	{ "help", no_argument, NULL, 'h' },
	{ "labels", required_argument, NULL, 'L' },
	CLI_OPT_LANG,
	{ "of", required_argument, NULL, 'O' },
	{ "output", required_argument, NULL, 'o' },
	CLI_OPT_TIERS,
	{ "title", required_argument, NULL, 'i' },
	CLI_OPT_TOP,
	{ "width", required_argument, NULL, 'W' },
	CLI_OPT_YEAR,
	CLI_MC_LONGOPTS,
	CLI_METHOD_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

/* the CO_* bit of an option character, 0 for those of every type */
static unsigned
type_bit(int ch)
{
	switch (ch) {
	case 'c':
		return CO_COMPARE;
	case 'D':
		return CO_DARK;
	case 'T':
		return CO_TOP;
	case 't':
		return CO_TIERS;
	case 'O':
		return CO_OF;
	case 'B':
		return CO_BY;
	case 'L':
		return CO_LABELS;
	default:
		return ch >= OPT_MC && ch < OPT_MC_ALT + CIDX_MC_N_INPUTS ?
		    CO_MC : 0;
	}
}

static void
note_given(struct chart_opts *o, int ch, int longindex)
{
	unsigned bit = type_bit(ch);
	size_t b;

	if (bit == 0 || (o->given & bit))
		return;
	o->given |= bit;
	for (b = 0; (1u << b) != bit; b++)
		;
	o->given_name[b] = longindex >= 0 ? longopts[longindex].name : "?";
}

/* refuses an option the chart type does not draw, naming the types
 * that do */
static int
check_applies(const struct chart_opts *o)
{
	unsigned ok = types[o->type].opts, extra;
	char which[128] = "";
	size_t b, k, n = 0;

	if (o->type == CIDX_CHART_MAP && o->by_score)
		ok &= ~(unsigned)CO_MAP_BY_SCORE;
	if ((extra = o->given & ~ok) == 0)
		return 0;
	for (b = 0; !(extra & (1u << b)); b++)
		;
	if (o->type == CIDX_CHART_MAP && ((1u << b) & CO_MAP_BY_SCORE))
		return cli_usage_error("chart", "map: --%s does not apply to "
		    "a map filled by score (--by score)", o->given_name[b]);
	for (k = 0; k < N_TYPES; k++)
		if (types[k].opts & (1u << b))
			n += (size_t)snprintf(which + n, sizeof(which) - n,
			    "%s%s", n ? ", " : "", types[k].name);
	return cli_usage_error("chart", "%s: --%s does not apply to this "
	    "chart type (only to %s)", types[o->type].name,
	    o->given_name[b], which);
}

/* one option; @return 0, -1 after --help, or an exit status */
static int
take_option(struct chart_opts *o, int ch, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int r;

	switch (ch) {
	case 'B':
		if (strcmp(optarg, "tier") && strcmp(optarg, "score"))
			return cli_usage_error("chart", "--by '%s': expected "
			    "tier or score", optarg);
		o->by_score = strcmp(optarg, "score") == 0;
		return 0;
	case 'd':
	case 'F':
	case 'H':
	case 'W':
		if (cidx_plot_opt_set(&o->po, ch == 'd' ? CIDX_PLOT_OPT_DPI :
		    ch == 'F' ? CIDX_PLOT_OPT_FONT : ch == 'H' ?
		    CIDX_PLOT_OPT_HEIGHT : CIDX_PLOT_OPT_WIDTH, optarg,
		    &err) < 0)
			return cli_usage_error("chart", "%s", err.msg);
		return 0;
	case 'h':
		cli_print_help(stdout, "chart", options);
		return -1;
	case 'i':
		if ((r = cli_text_option("chart", "--title", optarg)) != 0)
			return r;
		if (cidx_plot_opt_set(&o->po, CIDX_PLOT_OPT_TITLE, optarg,
		    &err) < 0)
			return cli_usage_error("chart", "%s", err.msg);
		o->title = optarg;
		return 0;
	case 'L':
		if (cli_parse_long(optarg, 0, 99, &o->labels) < 0)
			return cli_usage_error("chart", "--labels '%s': "
			    "expected 0 to 99", optarg);
		return 0;
	case 'O':
		if (strcmp(optarg, "pillars") && strcmp(optarg, "indicators"))
			return cli_usage_error("chart", "--of '%s': expected "
			    "pillars or indicators", optarg);
		o->indicators = strcmp(optarg, "indicators") == 0;
		return 0;
	case 'o':
		o->output = optarg;
		return 0;
	case ':':
		return cli_usage_error("chart", "option '%s' needs a value",
		    argv[optind - 1]);
	}
	if ((r = cli_year_option(&o->y, ch, optarg, "chart")) != 0 ||
	    (r = cli_method_option(&o->mo, ch, optarg, "chart")) != 0 ||
	    (r = cli_mc_option(&o->mc, ch, optarg, "chart")) != 0)
		return r == 1 ? 0 : r;
	return cli_usage_error("chart", "unknown option '%s'",
	    argv[optind - 1]);
}

static int
parse_opts(int argc, char **argv, struct chart_opts *o)
{
	int ch, r, li = -1;
	size_t k;

	while ((ch = getopt_long(argc, argv, ":ho:", longopts, &li)) != -1) {
		if ((r = take_option(o, ch, argv)) != 0)
			return r;
		note_given(o, ch, li);
		li = -1;
	}
	if (optind >= argc)
		return cli_usage_error("chart", "no TYPE given (tiers, pillars, "
		    "movers, heatmap, profile UNIT, map, uncertainty)");
	for (k = 0; k < N_TYPES; k++)
		if (strcmp(argv[optind], types[k].name) == 0)
			break;
	if (k == N_TYPES)
		return cli_usage_error("chart", "unknown chart type '%s' "
		    "(tiers, pillars, movers, heatmap, profile UNIT, map, "
		    "uncertainty)", argv[optind]);
	o->type = (enum cidx_chart_type)k;
	if (o->type == CIDX_CHART_PROFILE) {
		if (optind + 1 >= argc)
			return cli_usage_error("chart", "profile needs a UNIT "
			    "(code or name)");
		o->unit = argv[++optind];
	}
	if (optind + 1 < argc)
		return cli_usage_error("chart", "unexpected argument '%s'",
		    argv[optind + 1]);
	if ((r = check_applies(o)) != 0)
		return r;
	if (o->output == NULL)
		return cli_usage_error("chart", "-o FILE is required (.pdf, "
		    ".png or .svg)");
	o->po.path = o->output;
	return 0;
}

/* the output: not the workspace (status 1), then its format, size and
 * dpi (a usage error), before the workspace is read */
static int
check_output(const struct chart_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	if ((ret = cli_output_check(o->output)) != CLI_OK)
		return ret;
	if (cidx_plot_opts_check(&o->po, &err) < 0)
		return cli_usage_error("chart", "%s", err.msg);
	return CLI_OK;
}

/* the chart's data from the library's results, then the file */
static int
draw(struct chart_opts *o, struct chart_ctx *c)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct chart_mem m = { NULL, 0, 0 };
	struct cidx_tiers t;
	struct cidx_pillars p;
	struct cidx_movers mv;
	struct cidx_heatmap h;
	struct cidx_profile pr;
	struct cidx_map mp;
	struct cidx_uncert un;
	struct cidx_mc_result *mc = NULL;
	struct cidx_chart ch;
	long row = -1;
	int ret = CLI_OK;

	ch.type = o->type;
	switch (o->type) {
	case CIDX_CHART_TIERS:
		ret = chart_tiers(c, &t, &m);
		ch.u.tiers = &t;
		break;
	case CIDX_CHART_PILLARS:
		ret = chart_pillars(c, &p, &m);
		ch.u.pillars = &p;
		break;
	case CIDX_CHART_MOVERS:
		ret = chart_movers(c, &mv, &m);
		ch.u.movers = &mv;
		break;
	case CIDX_CHART_HEATMAP:
		ret = chart_heatmap(c, o->indicators, &h, &m);
		ch.u.heatmap = &h;
		break;
	case CIDX_CHART_PROFILE:
		if (cidx_dataset_lookup(c->ds, o->unit, &row, &err) < 0) {
			ret = cli_error("%s in %d", err.msg, c->year);
			break;
		}
		if (c->r->rank[row] == 0) {
			ret = cli_error("unit '%s' is not ranked in %d",
			    o->unit, c->year);
			break;
		}
		ret = chart_profile(c, row, &pr, &m);
		ch.u.profile = &pr;
		break;
	case CIDX_CHART_MAP:
		ret = chart_map(c, o->by_score ? CIDX_MAP_SCORE : CIDX_MAP_TIER,
		    &mp, &m);
		ch.u.map = &mp;
		break;
	case CIDX_CHART_UNCERT:
		if ((ret = cli_mc_run(c->e, c->year, &o->mc, c->ts, c->top, 0,
		    0, "chart", &mc)) == CLI_OK)
			ret = chart_uncert(c, mc, &un, &m);
		ch.u.uncert = &un;
		break;
	}
	if (ret == CLI_OK) {
		o->po.title = o->title ? o->title : chart_title(c, o->type,
		    row >= 0 ? chart_unit_name(c, &c->ds->unit[row]) : NULL,
		    &m);
		o->po.footer = chart_footer(c, &m);
		o->po.subtitle = o->type == CIDX_CHART_UNCERT ?
		    chart_uncert_note(c, mc, &m) : chart_subtitle(c, o->type,
		    &m);
		if (cidx_plot_write(&ch, &o->po, &err) < 0)
			ret = cli_error_core(&err);
	}
	chart_mem_release(&m);
	cidx_mc_result_free(mc);
	return ret;
}

int
cmd_chart(int argc, char **argv)
{
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	struct cidx_plot_opts po = CIDX_PLOT_OPTS_INIT;
	struct chart_opts o;
	struct chart_ctx c;
	struct cli_ranked k;
	struct storegeo geo;
	int ret;

	memset(&o, 0, sizeof(o));
	memset(&k, 0, sizeof(k));
	memset(&geo, 0, sizeof(geo));
	o.y = y;
	o.y.top = -1;
	o.labels = -1;
	o.po = po;
	cli_method_opts_init(&o.mo);
	cli_mc_opts_init(&o.mc);
	if ((ret = parse_opts(argc, argv, &o)) != 0) {
		cli_method_opts_release(&o.mo);
		cli_mc_opts_release(&o.mc);
		return ret < 0 ? CLI_OK : ret;
	}
	o.po.lang = o.y.lang;
	o.po.workspace = cli_workspace();
	if (o.y.top < 0)
		o.y.top = o.type == CIDX_CHART_HEATMAP ||
		    o.type == CIDX_CHART_PROFILE ? 0 : 50;
	/* only the movers chart compares years */
	if (o.type != CIDX_CHART_MOVERS)
		o.y.compare = -1;
	if ((ret = check_output(&o)) == CLI_OK &&
	    (ret = cli_ranked_open(&k, &o.mo, &o.y, "chart")) == CLI_OK) {
		chart_ctx_init(&c, &k, (size_t)o.y.top, o.y.lang);
		if (o.labels >= 0)
			c.labels = (size_t)o.labels;
		if (o.type == CIDX_CHART_MAP)
			ret = storegeo_load(&geo, &k.e, k.ds);
		c.geo = &geo;
		if (ret == CLI_OK)
			ret = draw(&o, &c);
	}
	storegeo_release(&geo);
	cli_ranked_close(&k);
	cli_method_opts_release(&o.mo);
	cli_mc_opts_release(&o.mc);
	return ret;
}
