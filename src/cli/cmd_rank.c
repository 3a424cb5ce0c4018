/*
 * cmd_rank.c - rank units by the composite index of one year, split the
 * top N into tiers and compare with an earlier year.
 *
 * The ranking and the movement are the library's (cidx_engine_rank,
 * cidx_movement_compute); this file parses the options, calls them and
 * hands the results to the writers of rankout.c.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/movement.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/rankout.h"
#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"
#include "store/store.h"

static const char options[] =
    "  --year YEAR          year to rank (default: the latest with data)\n"
    "  --compare YEAR|none  year to measure movement against (default: the\n"
    "                       latest earlier year with data)\n"
    "  --top N              size of the top group for tiers and entrants\n"
    "                       (default 50; 0 = all ranked units)\n"
    "  --tiers SPEC         counts:3,7,40 | breaks:80,60 | quantile:K |\n"
    "                       kmeans:K | jenks:K (default jenks:3)\n"
    "  --dark-horse D       places climbed to count as a dark horse "
    "(default 20)\n"
    "  --attr LIST          unit attributes to show in the table, comma-"
    "separated\n"
    "                       (default: all; 'none' for none)\n"
    "  --format FORMAT      table (default) | csv | json | xlsx\n"
    "  -o, --output FILE    write to FILE (needed for xlsx)\n"
    "  --bom                csv: start with a UTF-8 byte order mark, for "
    "Excel\n"
    "  --limit N            table: print only the first N ranked rows\n"
    "  -h, --help           show this help\n"
    CLI_METHOD_HELP;

struct rank_opts {
	int year, compare; /* 0 = default; compare -1 = none */
	long top, dark, limit;
	const char *tiers, *attr, *output;
	int bom;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

static int
parse_opts(int argc, char **argv, struct rank_opts *o)
{
	static const struct option longopts[] = {
		{ "attr", required_argument, NULL, 'A' },
		{ "bom", no_argument, NULL, 'B' },
		{ "compare", required_argument, NULL, 'c' },
		{ "dark-horse", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "limit", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "tiers", required_argument, NULL, 't' },
		{ "top", required_argument, NULL, 'T' },
		{ "year", required_argument, NULL, 'y' },
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int ch, r;
	long v;

	while ((ch = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'A':
			o->attr = optarg;
			break;
		case 'B':
			o->bom = 1;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'c':
			if (strcmp(optarg, "none") == 0)
				o->compare = -1;
			else if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error("rank", "--compare '%s': "
				    "expected a year or 'none'", optarg);
			else
				o->compare = (int)v;
			break;
		case 'D':
			if (cli_parse_long(optarg, 1, 1000000, &o->dark) < 0)
				return cli_usage_error("rank", "--dark-horse "
				    "'%s': expected a whole number >= 1",
				    optarg);
			break;
		case 'f':
			if (cli_parse_format(optarg, &o->fmt) < 0)
				return cli_usage_error("rank", "--format '%s': "
				    "expected table, csv, json or xlsx", optarg);
			break;
		case 'h':
			cli_print_help(stdout, "rank", options);
			return -1;
		case 'L':
			if (cli_parse_long(optarg, 0, 100000000, &o->limit) < 0)
				return cli_usage_error("rank", "--limit '%s': "
				    "expected a whole number >= 0", optarg);
			break;
		case 't':
			o->tiers = optarg;
			break;
		case 'T':
			if (cli_parse_long(optarg, 0, 100000000, &o->top) < 0)
				return cli_usage_error("rank", "--top '%s': "
				    "expected a whole number >= 0", optarg);
			break;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error("rank", "--year '%s': "
				    "expected a year 1000..9999", optarg);
			o->year = (int)v;
			break;
		case ':':
			return cli_usage_error("rank", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			if ((r = cli_method_option(&o->mo, ch, optarg,
			    "rank")) != 0) {
				if (r != 1)
					return r;
				break;
			}
			return cli_usage_error("rank", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("rank", "unexpected argument '%s'",
		    argv[optind]);
	if (o->fmt == CLI_FMT_XLSX && o->output == NULL)
		return cli_usage_error("rank", "--format xlsx needs -o FILE");
	return 0;
}

/* warnings for outputs that have no footer: csv, json, xlsx */
static void
warnings(const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	char *gap = cli_gap_text(fw, v->rep, v->year, 0);

	if (gap)
		cli_warn("%s", gap);
	free(gap);
	if (v->mv && v->mv->basis == CIDX_BASIS_WITHHELD)
		cli_warn("movement against %d withheld: %s", v->cyear,
		    v->mv->why);
	else if (v->mv && v->mv->basis == CIDX_BASIS_COMMON)
		cli_warn("movement against %d is measured on the %d indicators "
		    "with data in both years", v->cyear, v->mv->shared);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j] > CIDX_SKIP_NODATA)
			cli_warn("indicator '%s' skipped in %d: %s",
			    fw->node[fw->ind[j]].code, v->year,
			    r->skipped[j] == CIDX_SKIP_ONE ?
			    "a single value" : "every value equal");
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0)
			cli_warn("unit '%s' not ranked: no index value in %d",
			    v->ds->unit[i].code, v->year);
	for (size_t i = 0; i < v->rep->n_screened; i++)
		cli_warn("unit '%s' screened out in %d: data for %.0f%% of the "
		    "indicators%s%s", v->rep->screened[i].code, v->year,
		    100 * v->rep->screened[i].coverage,
		    v->rep->screened[i].pillar >= 0 ? ", too few in " : "",
		    v->rep->screened[i].pillar >= 0 ?
		    fw->node[v->rep->screened[i].pillar].code : "");
}

static int
output(struct rank_view *v, const struct rank_opts *o)
{
	FILE *fp = NULL;
	int ret = CLI_OK;

	if (o->fmt != CLI_FMT_TABLE)
		warnings(v);
	if (o->fmt == CLI_FMT_XLSX)
		return rank_write_xlsx(v, o->output);
	if (o->output && (fp = freopen(o->output, "w", stdout)) == NULL)
		return cli_error("cannot write '%s'", o->output);
	switch (o->fmt) {
	case CLI_FMT_TABLE:
		rank_print_table(v);
		break;
	case CLI_FMT_CSV:
		rank_print_csv(v, o->bom);
		break;
	case CLI_FMT_JSON:
		rank_print_json(v);
		break;
	case CLI_FMT_XLSX:
		break;
	}
	return ret;
}

int
cmd_rank(int argc, char **argv)
{
	struct rank_opts o;
	struct rank_view v;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_engine e;
	struct cidx_tierspec ts;
	struct cidx_ranking *r = NULL;
	struct cidx_movement *mv = NULL;
	int ret, year = 0, cyear = 0;

	memset(&o, 0, sizeof(o));
	memset(&v, 0, sizeof(v));
	memset(&ts, 0, sizeof(ts));
	memset(&e, 0, sizeof(e));
	o.top = 50;
	o.dark = 20;
	o.tiers = "jenks:3";
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	if ((ret = parse_opts(argc, argv, &o)) != 0) {
		cli_method_opts_release(&o.mo);
		return ret < 0 ? CLI_OK : ret;
	}
	if (cidx_tierspec_parse(&ts, o.tiers, &err) < 0) {
		cli_method_opts_release(&o.mo);
		return cli_usage_error("rank", "--tiers: %s", err.msg);
	}
	if ((ret = cli_engine_open(&e, &o.mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, o.year, o.compare, &year,
	    &cyear)) != CLI_OK ||
	    (ret = cli_engine_rank(&e, year, &ts, (size_t)o.top, &r)) !=
	    CLI_OK)
		goto out;
	if (cyear > 0 && cidx_engine_movement(e.eng, year, cyear, r,
	    (size_t)o.top, (int)o.dark, &mv, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	v.e = &e;
	v.workspace = cli_workspace();
	v.year = year;
	v.cyear = cyear;
	v.compare_none = o.compare == -1;
	v.ds = cli_engine_prepared(&e, year, &v.rep);
	v.r = r;
	v.mv = mv;
	v.ts = &ts;
	v.top = (size_t)o.top;
	v.dark = o.dark;
	v.limit = o.limit;
	v.keys = rank_keys(v.ds, o.attr, &v.nkeys);
	ret = output(&v, &o);
out:
	rank_keys_free(v.keys, v.nkeys);
	cidx_ranking_free(r);
	cidx_tierspec_release(&ts);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	cidx_movement_free(mv);
	return ret;
}
