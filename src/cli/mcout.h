/*
 * mcout.h - the outputs of `sensitivity` (cityidx(1), OUTPUT FORMATS):
 * the units' rank intervals and tier shares, or the sensitivity indices,
 * as a table, CSV or JSON, and every run as CSV (--save-draws).
 * Formatting only: every number comes from the library (calc/mc.h).
 */
#ifndef CIDX_CLI_MCOUT_H
#define CIDX_CLI_MCOUT_H

#include "calc/mc.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/methodopt.h"

/* the options of `sensitivity` and what they produced */
struct mc_view {
	int year, sobol;
	long top;
	const char *tiers, *output, *save;
	enum cli_format fmt;
	struct cli_method_opts mo;
	struct cli_mc_opts mc;
	struct cli_engine *e;
	const struct cidx_dataset *ds;  /* the nominal prepared data */
	const struct cidx_tierspec *ts;
	struct cidx_mc_result *r;
};

/*! mc_output() : the result in v->fmt, to v->output or stdout.
 *  @return CLI_OK or CLI_ERROR (printed). */
int mc_output(const struct mc_view *v);

/*! mc_write_draws() : one CSV row per run (cityidx(1), --save-draws).
 *  @return CLI_OK or CLI_ERROR (printed). */
int mc_write_draws(const struct mc_view *v, const char *path);

#endif
