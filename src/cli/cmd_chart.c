/*
 * cmd_chart.c - draw one figure of a ranking to PDF, PNG or SVG: the
 * tiered top N, the pillars' contributions, the movers between two
 * years, a correlation heatmap, one unit's profile, a map.  The ranking
 * is the one `rank` prints for the same options (the same library
 * calls); the drawing is the plot layer's.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "calc/movement.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/yearopt.h"
#include "plot/plot.h"
#include "ws/chartdata.h"

struct chart_opts {
	struct cli_year_opts y;
	int of, indicators, by_score;   /* of: 0 pillars, 1 indicators,
					   2 units */
	const char *by;
	const char *output, *title, *unit;
	const char *data;              /* --data FILE.csv, or NULL */
	long labels;                   /* -1: the default */
	const struct cidx_chart_type *type;
	struct cidx_plot_opts po;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
	unsigned given;                /* CIDX_CHART_OPT_* of those given */
	const char *given_name[CIDX_CHART_OPT_N]; /* the first of each, as
						     named */
};

/* --of pillars|indicators|units: 0, 1, 2 */
static int
of_cb(void *field, const struct cli_opt *o, const char *arg, const char *cmd)
{
	static const char *const what[] = { "pillars", "indicators", "units" };

	for (int i = 0; i < 3; i++)
		if (strcmp(arg, what[i]) == 0) {
			*(int *)field = i;
			return 0;
		}
	return cli_usage_error(cmd, "--%s '%s': expected pillars, indicators "
	    "or units", o->name, arg);
}

/* --by: what it means depends on the type (resolve_by()) */
static int
by_cb(void *field, const struct cli_opt *o, const char *arg, const char *cmd)
{
	(void)o;
	(void)cmd;
	*(const char **)field = arg;
	return 0;
}

/* --width, --height, --dpi, --font: the plot options (val) */
static int
plot_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;

	/* not a usage error when the drawing code could not be loaded */
	if (cidx_plot_opt_set(field, (enum cidx_plot_key)o->val, arg,
	    &err) < 0)
		return err.code == CIDX_EINVAL ?
		    cli_usage_error(cmd, "%s", err.msg) : cli_error_core(&err);
	return 0;
}

static int
title_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	struct chart_opts *c = field;
	int r;

	if ((r = cli_text_option(cmd, "--title", arg)) != 0)
		return r;
	if ((r = plot_cb(&c->po, o, arg, cmd)) != 0)
		return r;
	c->title = arg;
	return 0;
}

#define O struct chart_opts
#define PLOT(n, a, v, fl, h) \
	{ .kind = CLI_K_CALLBACK, .name = (n), .arg = (a), \
	  .off = offsetof(O, po), .cb = plot_cb, .val = (v), .flags = (fl), \
	  .help = (h) }
const struct cli_opt cmd_chart_opts[] = {
	CLI_OPT_OPERANDS("TYPE [UNIT]"),
	CLI_OPT_TEXT("types: tiers | pillars | movers | heatmap | profile UNIT "
	    "| map |\n       uncertainty (with the uncertain inputs below) | "
	    "trend\n\n"),
	{ .kind = CLI_K_STRING, .name = "output", .short_name = 'o',
	  .arg = "FILE", .off = offsetof(O, output),
	  .flags = CLI_OPTF_REQUIRED,
	  .help = "the figure: .pdf, .png or .svg" },
	{ .kind = CLI_K_STRING, .name = "data", .arg = "FILE.csv",
	  .off = offsetof(O, data),
	  .help = "also write the data drawn, as CSV" },
	CLI_OPT_YEAR(O, y, "year to draw (default: the latest with data)"),
	CLI_OPT_COMPARE("YEAR", O, y, "movers: the earlier year (default: the "
	    "latest before)"),
	CLI_OPT_TOP(O, y, "units drawn (default 50, trend 10; 0 = all "
	    "ranked);\nnot for heatmap and profile"),
	CLI_OPT_TIERS(O, y, "tiers and map: as for rank (default jenks:3)"),
	{ .kind = CLI_K_CALLBACK, .name = "dark-horse", .arg = "D",
	  .off = offsetof(O, y), .cb = cli_year_cb, .val = 'D',
	  .flags = CLI_OPTF_NOSYN,
	  .help = "movers: places climbed (default 20)" },
	{ .kind = CLI_K_CALLBACK, .name = "of", .arg = "WHAT",
	  .off = offsetof(O, of), .cb = of_cb, .val = 'O',
	  .flags = CLI_OPTF_NOSYN,
	  .help = "heatmap: correlations of pillars (default) |\n"
	  "indicators, or units: the top units' scores" },
	{ .kind = CLI_K_CALLBACK, .name = "by", .arg = "WHAT",
	  .off = offsetof(O, by), .cb = by_cb, .val = 'B',
	  .flags = CLI_OPTF_NOSYN, .help = "map: tier (default) | score;\n"
	  "heatmap --of units: pillar (default) | indicator" },
	{ .kind = CLI_K_LONG, .name = "labels", .arg = "N",
	  .off = offsetof(O, labels), .lo = 0, .hi = 99, .what = "0 to 99",
	  .val = 'L', .syn = 1,
	  .help = "map: number the top N in a key (default 10, 0 none)" },
	CLI_OPT_LANG(O, y, "language of names and labels (default zh)"),
	CLI_OPT_UNIT_WORD(O, y),
	{ .kind = CLI_K_CALLBACK, .name = "title", .arg = "TEXT",
	  .cb = title_cb, .val = CIDX_PLOT_OPT_TITLE,
	  .help = "the title (default: index, year and figure)" },
	PLOT("width", "W", CIDX_PLOT_OPT_WIDTH, CLI_OPTF_JOIN,
	    "size in points, 72 to 14400 (default: the figure's)"),
	PLOT("height", "H", CIDX_PLOT_OPT_HEIGHT, 0, NULL),
	PLOT("dpi", "D", CIDX_PLOT_OPT_DPI, 0, "PNG resolution, 10 to 1200 "
	    "(default 150); a PNG\nis at most 100 million pixels"),
	PLOT("font", "FAMILY", CIDX_PLOT_OPT_FONT, 0, "font family (default "
	    "Noto Sans CJK SC)"),
	CLI_OPT_HELP,
	CLI_OPT_TEXT("\nan option that the figure does not draw is refused\n"),
	{ .kind = CLI_K_GROUP, .group = &cli_mc_group, .off = offsetof(O, mc),
	  .syn = 2 },
	{ .kind = CLI_K_GROUP, .group = &cli_method_group,
	  .off = offsetof(O, mo), .syn = 2 },
	CLI_OPT_END,
};
#undef PLOT
#undef O

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

/* the option parser's note of an option taken (cli_opt_seen) */
static void
note_given(void *base, const struct cli_opt *opt, const char *name)
{
	struct chart_opts *o = base;
	unsigned bit = type_bit(opt->val);

	if (bit == 0 || (o->given & bit))
		return;
	o->given |= bit;
	o->given_name[bit_index(bit)] = name;
}

/* --by for the type: tier or score (map and the types that refuse it),
 * pillar or indicator (heatmap --of units); --top only for the heatmap
 * of units */
static int
resolve_by(struct chart_opts *o)
{
	int heat = o->type == &cidx_chart_heatmap;
	const char *one = heat ? "pillar" : "tier";
	const char *two = heat ? "indicator" : "score";

	if (heat && o->of != 2 && (o->by || (o->given & CIDX_CHART_OPT_TOP)))
		return cli_usage_error("chart", "heatmap: --%s applies only "
		    "to --of units (a correlation matrix has %s)", o->by ?
		    "by" : "top", o->by ? "one kind of row" : "no top group");
	o->indicators = heat ? o->of == 1 : 0;
	if (o->by == NULL)
		return 0;
	if (strcmp(o->by, one) && strcmp(o->by, two))
		return cli_usage_error("chart", "--by '%s': expected %s or %s",
		    o->by, one, two);
	if (heat)
		o->indicators = strcmp(o->by, two) == 0;
	else
		o->by_score = strcmp(o->by, two) == 0;
	return 0;
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
	int r;

	if ((r = cli_opt_parse("chart", argc, argv, o, note_given)) != CLI_OK)
		return r;
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
	if ((r = resolve_by(o)) != 0 || (r = check_applies(o)) != 0)
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

	if ((ret = cli_output_check(o->output)) != CLI_OK ||
	    (o->data && (ret = cli_output_check(o->data)) != CLI_OK))
		return ret;
	if (o->data && strcmp(o->data, o->output) == 0)
		return cli_usage_error("chart", "--data '%s' is the figure's "
		    "file", o->data);
	if (cidx_plot_opts_check(&o->po, &err) < 0)
		return err.code == CIDX_EINVAL ? cli_usage_error("chart", "%s",
		    err.msg) : cli_error_core(&err);
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
	co.units = o->of == 2;
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
		o->po.title = o->title ? o->title : co.units ?
		    cidx_ws_chart_scores_title(c, co.indicators, &m) :
		    cidx_ws_chart_title(c, o->type, unit, &m);
		o->po.footer = cidx_ws_chart_footer(c, &m);
		o->po.subtitle = mc != NULL ? cidx_ws_chart_uncert_note(c, mc,
		    &m) : o->type == &cidx_chart_trend ?
		    cidx_ws_chart_trend_note(c, ch.data, &m) : co.units ?
		    cidx_ws_chart_scores_note(c, &m) :
		    cidx_ws_chart_subtitle(c, o->type, &m);
		if (cidx_plot_write(&ch, &o->po, &err) < 0 || (o->data &&
		    cidx_ws_chart_csv(&ch, c, o->data, o->po.workspace,
		    &err) < 0))
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
	char date[32];
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
	if ((ret = parse_opts(argc, argv, &o)) != CLI_OK) {
		cli_method_opts_release(&o.mo);
		cli_mc_opts_release(&o.mc);
		return ret;
	}
	o.po.lang = o.y.lang;
	o.po.workspace = cli_workspace();
	/* a figure without --top draws every unit it has */
	if (o.y.top < 0)
		o.y.top = o.type == &cidx_chart_trend ? CIDX_WS_TREND_TOP :
		    o.type->opts & CIDX_CHART_OPT_TOP ? CIDX_WS_TOP_DEFAULT : 0;
	/* only a figure of movement compares years */
	if (!(o.type->needs & CIDX_CHART_NEEDS_MOVEMENT))
		o.y.compare = -1;
	if ((ret = check_output(&o)) == CLI_OK &&
	    (ret = cli_ranked_open(&k, &o.mo, &o.y, "chart")) == CLI_OK) {
		cidx_ws_chart_init(&c, k.e.ws, &k.w, &k.ts, (size_t)o.y.top,
		    o.y.lang);
		if (cidx_ws_last_change(k.e.ws, date, &err) < 0)
			ret = cli_error_core(&err);
		o.po.date = date;
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
