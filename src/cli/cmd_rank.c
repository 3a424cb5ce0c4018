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
    "  --format FORMAT      table (default) | csv | json\n"
    "  --limit N            table: print only the first N ranked rows\n"
    "  -h, --help           show this help\n"
    CLI_METHOD_HELP;

static int
parse_opts(int argc, char **argv, struct rank_opts *o)
{
	static const struct option longopts[] = {
		{ "attr", required_argument, NULL, 'A' },
		{ "compare", required_argument, NULL, 'c' },
		{ "dark-horse", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "limit", required_argument, NULL, 'L' },
		{ "tiers", required_argument, NULL, 't' },
		{ "top", required_argument, NULL, 'T' },
		{ "year", required_argument, NULL, 'y' },
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int ch, r;
	long v;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'A':
			o->attr = optarg;
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
				    "expected table, csv or json", optarg);
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
	return 0;
}

int
cmd_rank(int argc, char **argv)
{
	struct rank_opts o;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_engine e;
	const struct cidx_framework *fw;
	struct cidx_tierspec ts;
	struct side cur = { NULL, NULL, NULL }, prev = { NULL, NULL, NULL };
	struct cidx_movement *mv = NULL;
	int ret, year = 0, cyear = 0;

	memset(&o, 0, sizeof(o));
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
	    (ret = cli_engine_rank(&e, year, &ts, (size_t)o.top,
	    &cur.r)) != CLI_OK)
		goto out;
	fw = e.fw;
	cur.ds = cli_engine_prepared(&e, year, &cur.rep);
	if (cyear > 0) {
		if ((ret = cli_engine_rank(&e, cyear, NULL, 0, &prev.r)) !=
		    CLI_OK)
			goto out;
		prev.ds = cli_engine_prepared(&e, cyear, &prev.rep);
		if (cidx_movement_compute(&mv, fw, cur.ds, cur.r, prev.ds,
		    prev.r, (size_t)o.top, (int)o.dark, &err) < 0) {
			ret = cli_error_core(&err);
			goto out;
		}
		/* movement between years measured on different indicators */
		if (!cidx_movement_same_indicators(mv) &&
		    o.fmt != CLI_FMT_TABLE)
			cli_warn("%d and %d share %d of the indicators with data "
			    "(%d and %d): movement compares partly different "
			    "measures", year, cyear, mv->shared, mv->n_cur,
			    mv->n_prev);
	}
	if (o.fmt != CLI_FMT_TABLE) {
		for (size_t j = 0; j < fw->n_ind; j++)
			if (cur.r->skipped[j] > CIDX_SKIP_NODATA)
				cli_warn("indicator '%s' skipped in %d: %s",
				    fw->node[fw->ind[j]].code, year,
				    cur.r->skipped[j] == CIDX_SKIP_ONE ?
				    "a single value" : "every value equal");
		for (size_t i = 0; i < cur.r->n; i++)
			if (cur.r->rank[i] == 0)
				cli_warn("unit '%s' not ranked: no index value "
				    "in %d", cur.ds->unit[i].code, year);
		for (size_t i = 0; i < cur.rep->n_screened; i++)
			cli_warn("unit '%s' screened out in %d",
			    cur.rep->screened[i], year);
	}
	switch (o.fmt) {
	case CLI_FMT_TABLE:
		rank_print_table(&o, &e, cli_workspace(), &cur, cyear, mv, &ts,
		    (size_t)o.top);
		break;
	case CLI_FMT_CSV:
		rank_print_csv(fw, &cur, mv);
		break;
	case CLI_FMT_JSON:
		rank_print_json(&o, &e, cli_workspace(), &cur, cyear, mv, &ts,
		    (size_t)o.top);
		break;
	}
out:
	cidx_ranking_free(cur.r);
	cidx_ranking_free(prev.r);
	cidx_tierspec_release(&ts);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	cidx_movement_free(mv);
	return ret;
}
