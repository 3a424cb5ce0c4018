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
#include "core/num.h"
#include "plot/plot.h"

static const char options[] =
    "types: tiers | pillars | movers | heatmap | profile UNIT | map |\n"
    "       uncertainty (with the uncertain inputs below)\n\n"
    "  -o, --output FILE    the figure: .pdf, .png or .svg\n"
    "  --year YEAR          year to draw (default: the latest with data)\n"
    "  --compare YEAR       movers: the earlier year (default: the latest "
    "before)\n"
    "  --top N              units drawn (default 50; 0 = all ranked)\n"
    "  --tiers SPEC         as for rank (default jenks:3)\n"
    "  --dark-horse D       movers: places climbed (default 20)\n"
    "  --of WHAT            heatmap: pillars (default) | indicators\n"
    "  --by WHAT            map: tier (default) | score\n"
    "  --labels N           map: number the top N in a key (default 10, "
    "0 none)\n"
    "  --lang zh|en         language of names and labels (default zh)\n"
    "  --title TEXT         the title (default: index, year and figure)\n"
    "  --width W, --height H  size in points (default: the figure's)\n"
    "  --dpi D              PNG resolution (default 150)\n"
    "  --font FAMILY        font family (default Noto Sans CJK SC)\n"
    "  -h, --help           show this help\n" CLI_MC_HELP CLI_METHOD_HELP;

static const char *const types[] = {
	[CIDX_CHART_TIERS] = "tiers",
	[CIDX_CHART_PILLARS] = "pillars",
	[CIDX_CHART_MOVERS] = "movers",
	[CIDX_CHART_HEATMAP] = "heatmap",
	[CIDX_CHART_PROFILE] = "profile",
	[CIDX_CHART_MAP] = "map",
	[CIDX_CHART_UNCERT] = "uncertainty",
};

struct chart_opts {
	struct cli_year_opts y;
	int indicators, by_score;
	long labels;                  /* -1: the default */
	const char *output, *title, *unit;
	enum cidx_chart_type type;
	struct cidx_plot_opts po;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
};

static int
parse_double(const char *s, double lo, double hi, double *out)
{
	return cidx_num_parse(s, out, NULL) < 0 || *out < lo || *out > hi ?
	    -1 : 0;
}

static int
parse_opts(int argc, char **argv, struct chart_opts *o)
{
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
	int ch, r;
	size_t k;

	while ((ch = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'B':
			if (strcmp(optarg, "tier") && strcmp(optarg, "score"))
				return cli_usage_error("chart", "--by '%s': "
				    "expected tier or score", optarg);
			o->by_score = strcmp(optarg, "score") == 0;
			break;
		case 'd':
			if (parse_double(optarg, 10, 1200, &o->po.dpi) < 0)
				return cli_usage_error("chart", "--dpi '%s': "
				    "expected a number from 10 to 1200", optarg);
			break;
		case 'F':
			o->po.font = optarg;
			break;
		case 'H':
			if (parse_double(optarg, 50, 20000, &o->po.height) < 0)
				return cli_usage_error("chart", "--height '%s': "
				    "expected points from 50 to 20000", optarg);
			break;
		case 'W':
			if (parse_double(optarg, 50, 20000, &o->po.width) < 0)
				return cli_usage_error("chart", "--width '%s': "
				    "expected points from 50 to 20000", optarg);
			break;
		case 'h':
			cli_print_help(stdout, "chart", options);
			return -1;
		case 'i':
			if ((r = cli_text_option("chart", "--title",
			    optarg)) != 0)
				return r;
			o->title = optarg;
			break;
		case 'L':
			if (cli_parse_long(optarg, 0, 99, &o->labels) < 0)
				return cli_usage_error("chart", "--labels '%s': "
				    "expected 0 to 99", optarg);
			break;
		case 'O':
			if (strcmp(optarg, "pillars") &&
			    strcmp(optarg, "indicators"))
				return cli_usage_error("chart", "--of '%s': "
				    "expected pillars or indicators", optarg);
			o->indicators = strcmp(optarg, "indicators") == 0;
			break;
		case 'o':
			o->output = optarg;
			break;
		case ':':
			return cli_usage_error("chart", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			if ((r = cli_year_option(&o->y, ch, optarg,
			    "chart")) != 0 || (r = cli_method_option(&o->mo,
			    ch, optarg, "chart")) != 0 || (r = cli_mc_option(
			    &o->mc, ch, optarg, "chart")) != 0) {
				if (r != 1)
					return r;
				break;
			}
			return cli_usage_error("chart", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("chart", "no TYPE given (tiers, pillars, "
		    "movers, heatmap, profile UNIT, map, uncertainty)");
	for (k = 0; k < sizeof(types) / sizeof(types[0]); k++)
		if (strcmp(argv[optind], types[k]) == 0)
			break;
	if (k == sizeof(types) / sizeof(types[0]))
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
	if (o->output == NULL)
		return cli_usage_error("chart", "-o FILE is required (.pdf, "
		    ".png or .svg)");
	return 0;
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
	o.po.path = o.output;
	o.po.lang = o.y.lang;
	o.po.workspace = cli_workspace();
	if (o.y.top < 0)
		o.y.top = o.type == CIDX_CHART_HEATMAP ||
		    o.type == CIDX_CHART_PROFILE ? 0 : 50;
	/* only the movers chart compares years */
	if (o.type != CIDX_CHART_MOVERS)
		o.y.compare = -1;
	if ((ret = cli_output_check(o.output)) == CLI_OK &&
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
