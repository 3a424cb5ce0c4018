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
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/mcout.h"
#include "cli/optgroups.h"
#include "cli/yearopt.h"

#define O struct mc_view
const struct cli_opt cmd_sensitivity_opts[] = {
	{ .kind = CLI_K_YEAR, .name = "year", .arg = "YEAR",
	  .off = offsetof(O, year), .syn = -1,
	  .help = "year to analyse (default: the latest with data)" },
	CLI_OPT_BOOL("sobol", 0, O, sobol, "Saltelli design: first-order and "
	    "total indices of\neach input for the mean absolute rank shift"),
	CLI_OPT_LONG("top", "N", O, top, 0, 100000000, "a whole number >= 0",
	    "tiers over the top N (default 50; 0 = all)"),
	CLI_OPT_STRING("tiers", 0, "SPEC", O, tiers, "the nominal tiers, as "
	    "for rank (default jenks:3)"),
	CLI_OPT_FORMAT(O, fmt, CLI_FMTS_TABLE | CLI_FMTS_CSV | CLI_FMTS_JSON,
	    "table (default) | csv | json"),
	CLI_OPT_STRING("output", 'o', "FILE", O, output, "write to FILE"),
	CLI_OPT_STRING("save-draws", 0, "FILE", O, save, "every run's "
	    "parameters and ranks, as CSV"),
	CLI_OPT_HELP,
	{ .kind = CLI_K_GROUP, .group = &cli_mc_group, .off = offsetof(O, mc),
	  .flags = CLI_OPTF_EXPAND, .syn = -1 },
	CLI_OPT_GROUP(cli_method_group, O, mo),
	CLI_OPT_END,
};
#undef O

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
	if ((ret = cli_opt_parse("sensitivity", argc, argv, &o, NULL)) !=
	    CLI_OK)
		goto done;
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
