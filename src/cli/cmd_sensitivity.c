/*
 * cmd_sensitivity.c - how much a ranking depends on its method: the
 * nominal ranking (rank's, with the same method options), then a Monte
 * Carlo over the uncertain inputs (weights, imputation, winsorisation,
 * normalisation, aggregation, one indicator left out), each unit's rank
 * interval and tier shares; or, with --sobol, the first-order and total
 * sensitivity indices of each input.
 *
 * The analysis is the library's (cidx_mc_run(), calc/mc.h); this file
 * parses the options, calls it through cli_mc_run() and hands the
 * result to the writers of mcout.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/mcout.h"

static const char options[] =
    "  --year YEAR          year to analyse (default: the latest with data)"
    "\n"
    "  --sobol              Saltelli design: first-order and total indices "
    "of\n"
    "                       each input for the mean absolute rank shift\n"
    "  --top N              tiers over the top N (default 50; 0 = all)\n"
    "  --tiers SPEC         the nominal tiers, as for rank (default "
    "jenks:3)\n"
    "  --format FORMAT      table (default) | csv | json\n"
    "  -o, --output FILE    write to FILE\n"
    "  --save-draws FILE    every run's parameters and ranks, as CSV\n"
    "  -h, --help           show this help\n"
    CLI_MC_HELP CLI_METHOD_HELP;

static int
parse_opts(int argc, char **argv, struct mc_view *o)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "save-draws", required_argument, NULL, 'S' },
		{ "sobol", no_argument, NULL, 's' },
		{ "tiers", required_argument, NULL, 't' },
		{ "top", required_argument, NULL, 'T' },
		{ "year", required_argument, NULL, 'y' },
		CLI_MC_LONGOPTS,
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = "sensitivity";
	int ch, r;
	long v;

	while ((ch = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_parse_format(optarg, &o->fmt) < 0 ||
			    o->fmt == CLI_FMT_XLSX)
				return cli_usage_error(cmd, "--format '%s': "
				    "expected table, csv or json", optarg);
			break;
		case 'h':
			cli_print_help(stdout, cmd, options);
			return -1;
		case 'o':
			o->output = optarg;
			break;
		case 'S':
			o->save = optarg;
			break;
		case 's':
			o->sobol = 1;
			break;
		case 't':
			o->tiers = optarg;
			break;
		case 'T':
			if (cli_parse_long(optarg, 0, 100000000, &o->top) < 0)
				return cli_usage_error(cmd, "--top '%s': "
				    "expected a whole number >= 0", optarg);
			break;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error(cmd, "--year '%s': "
				    "expected a year 1000..9999", optarg);
			o->year = (int)v;
			break;
		case ':':
			return cli_usage_error(cmd, "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			if ((r = cli_method_option(&o->mo, ch, optarg,
			    cmd)) != 0 || (r = cli_mc_option(&o->mc, ch,
			    optarg, cmd)) != 0) {
				if (r != 1)
					return r;
				break;
			}
			return cli_usage_error(cmd, "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
		    argv[optind]);
	return 0;
}

int
cmd_sensitivity(int argc, char **argv)
{
	struct mc_view o;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_engine e;
	struct cidx_tierspec ts;
	int ret;

	memset(&o, 0, sizeof(o));
	memset(&ts, 0, sizeof(ts));
	memset(&e, 0, sizeof(e));
	o.top = CIDX_WS_TOP_DEFAULT;
	o.tiers = CIDX_WS_TIERS_DEFAULT;
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	cli_mc_opts_init(&o.mc);
	if ((ret = parse_opts(argc, argv, &o)) != 0) {
		ret = ret < 0 ? CLI_OK : ret;
		goto done;
	}
	if (o.output && o.save && strcmp(o.output, o.save) == 0 &&
	    strcmp(o.output, "-") != 0) {
		ret = cli_usage_error("sensitivity", "-o and --save-draws "
		    "name the same file '%s'", o.output);
		goto done;
	}
	if (cidx_tierspec_parse(&ts, o.tiers, &err) < 0) {
		ret = cli_usage_error("sensitivity", "--tiers: %s", err.msg);
		goto done;
	}
	if ((o.output && (ret = cli_output_check(o.output)) != CLI_OK) ||
	    (o.save && (ret = cli_output_check(o.save)) != CLI_OK) ||
	    (ret = cli_engine_open(&e, &o.mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, o.year, -1, &o.year, NULL)) !=
	    CLI_OK ||
	    (ret = cli_mc_run(e.ws, o.year, &o.mc, &ts, (size_t)o.top, o.sobol,
	    o.save != NULL, "sensitivity", &o.r)) != CLI_OK)
		goto out;
	o.e = &e;
	o.ds = cli_engine_prepared(&e, o.year, NULL);
	o.ts = &ts;
	if (o.save && (ret = mc_write_draws(&o, o.save)) != CLI_OK)
		goto out;
	ret = mc_output(&o);
out:
	cidx_mc_result_free(o.r);
	cli_engine_close(&e);
	cidx_tierspec_release(&ts);
done:
	cli_mc_opts_release(&o.mc);
	cli_method_opts_release(&o.mo);
	return ret;
}
