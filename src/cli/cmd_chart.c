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
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/methodopt.h"
#include "cli/yearopt.h"
#include "plot/plot.h"
#include "ws/chartdata.h"

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

struct chart_opts {
	struct cli_year_opts y;
	int indicators, by_score;
	const char *output, *title, *unit;
	long labels;                   /* -1: the default */
	const struct cidx_chart_type *type;
	struct cidx_plot_opts po;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
	unsigned given;                /* CIDX_CHART_OPT_* of those given */
	const char *given_name[CIDX_CHART_OPT_N]; /* the first of each, as
						     named */
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

/* the CIDX_CHART_OPT_* bit of an option character, 0 for those of
 * every type */
static unsigned
type_bit(int ch)
{
	switch (ch) {
	case 'c':
		return CIDX_CHART_OPT_COMPARE;
	case 'D':
		return CIDX_CHART_OPT_DARK_HORSE;
	case 'T':
		return CIDX_CHART_OPT_TOP;
	case 't':
		return CIDX_CHART_OPT_TIERS;
	case 'O':
		return CIDX_CHART_OPT_OF;
	case 'B':
		return CIDX_CHART_OPT_BY;
	case 'L':
		return CIDX_CHART_OPT_LABELS;
	default:
		return ch >= OPT_MC && ch < OPT_MC_ALT + CIDX_MC_N_INPUTS ?
		    CIDX_CHART_OPT_DRAWS : 0;
	}
}

/* the place of a CIDX_CHART_OPT_* bit in given_name[] */
static size_t
bit_index(unsigned bit)
{
	size_t b = 0;

	while ((1u << b) != bit)
		b++;
	return b;
}

static void
note_given(struct chart_opts *o, int ch, int longindex)
{
	unsigned bit = type_bit(ch);

	if (bit == 0 || (o->given & bit))
		return;
	o->given |= bit;
	o->given_name[bit_index(bit)] = longindex >= 0 ?
	    longopts[longindex].name : "?";
}

/* refuses an option the chart type does not draw (the library's table
 * of chart types says which do) */
static int
check_applies(struct chart_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;
	unsigned given = o->given;

	/* --by score: a figure without tiers */
	if (o->by_score) {
		given |= CIDX_CHART_OPT_BY_SCORE;
		o->given_name[bit_index(CIDX_CHART_OPT_BY_SCORE)] =
		    o->given_name[bit_index(CIDX_CHART_OPT_BY)];
	}
	if (cidx_chart_opts_check(o->type, given, o->given_name, &err) < 0)
		return cli_usage_error("chart", "%s", err.msg);
	return 0;
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

/* "tiers, pillars, ..., profile UNIT, ...": the types of the library's
 * table, as the command takes them */
static void
type_list(char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; cidx_chart_types[i] != NULL && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s%s",
		    i > 0 ? ", " : "", cidx_chart_types[i]->name,
		    cidx_chart_types[i]->needs & CIDX_CHART_NEEDS_UNIT ?
		    " UNIT" : "");
}

static int
parse_opts(int argc, char **argv, struct chart_opts *o)
{
	char types[256];
	int ch, r, li = -1;

	while ((ch = getopt_long(argc, argv, ":ho:", longopts, &li)) != -1) {
		if ((r = take_option(o, ch, argv)) != 0)
			return r;
		note_given(o, ch, li);
		li = -1;
	}
	if (optind >= argc) {
		type_list(types, sizeof(types));
		return cli_usage_error("chart", "no TYPE given (%s)", types);
	}
	if ((o->type = cidx_chart_find(argv[optind])) == NULL) {
		type_list(types, sizeof(types));
		return cli_usage_error("chart", "unknown chart type '%s' (%s)",
		    argv[optind], types);
	}
	if (o->type->needs & CIDX_CHART_NEEDS_UNIT) {
		if (optind + 1 >= argc)
			return cli_usage_error("chart", "%s needs a UNIT "
			    "(code or name)", o->type->name);
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

/* the chart's data from the ws layer (the Monte Carlo run first for the
 * uncertainty chart), then the file */
static int
draw(struct chart_opts *o, struct cidx_ws_chart *c)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_chart_opts co = CIDX_WS_CHART_OPTS_INIT;
	struct cidx_ws_mem m = CIDX_WS_MEM_INIT;
	struct cidx_mc_result *mc = NULL;
	struct cidx_chart ch;
	const char *unit = NULL;
	int ret = CLI_OK;

	co.indicators = o->indicators;
	co.unit = o->unit;
	co.fill = o->by_score ? CIDX_MAP_SCORE : CIDX_MAP_TIER;
	if (o->type == &cidx_chart_uncert)
		ret = cli_mc_run(c->ws, c->year, &o->mc, c->ts, c->top, 0, 0,
		    "chart", &mc);
	co.mc = mc;
	if (ret == CLI_OK && cidx_ws_chart_data(&ch, &unit, c, o->type, &co,
	    &m, &err) < 0)
		ret = cli_error_core(&err);
	if (ret == CLI_OK) {
		o->po.title = o->title ? o->title : cidx_ws_chart_title(c,
		    o->type, unit, &m);
		o->po.footer = cidx_ws_chart_footer(c, &m);
		o->po.subtitle = mc != NULL ? cidx_ws_chart_uncert_note(c, mc,
		    &m) : cidx_ws_chart_subtitle(c, o->type, &m);
		if (cidx_plot_write(&ch, &o->po, &err) < 0)
			ret = cli_error_core(&err);
	}
	cidx_ws_mem_release(&m);
	cidx_mc_result_free(mc);
	return ret;
}

int
cmd_chart(int argc, char **argv)
{
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	struct cidx_plot_opts po = CIDX_PLOT_OPTS_INIT;
	struct chart_opts o;
	struct cidx_ws_chart c;
	struct cli_ranked k;
	struct cidx_ws_geo geo;
	struct cidx_err err = CIDX_ERR_INIT;
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
	/* a figure without --top draws every unit it has */
	if (o.y.top < 0)
		o.y.top = o.type->opts & CIDX_CHART_OPT_TOP ? 50 : 0;
	/* only a figure of movement compares years */
	if (!(o.type->needs & CIDX_CHART_NEEDS_MOVEMENT))
		o.y.compare = -1;
	if ((ret = check_output(&o)) == CLI_OK &&
	    (ret = cli_ranked_open(&k, &o.mo, &o.y, "chart")) == CLI_OK) {
		cidx_ws_chart_init(&c, k.e.ws, &k.w, &k.ts, (size_t)o.y.top,
		    o.y.lang);
		if (o.labels >= 0)
			c.labels = (size_t)o.labels;
		if ((o.type->needs & CIDX_CHART_NEEDS_BOUNDARIES) &&
		    cidx_ws_geo_load(&geo, k.e.ws, k.w.ds, &err) < 0)
			ret = cli_error_core(&err);
		c.geo = &geo;
		if (ret == CLI_OK)
			ret = draw(&o, &c);
	}
	cidx_ws_geo_release(&geo);
	cli_ranked_close(&k);
	cli_method_opts_release(&o.mo);
	cli_mc_opts_release(&o.mc);
	return ret;
}
