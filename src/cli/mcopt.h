/*
 * mcopt.h - the uncertain-input options that sensitivity, chart
 * uncertainty and report share (--draws, --weights-noise, --alt-*, ...),
 * and the run of the library's Monte Carlo (calc/mc.h) they describe,
 * with a progress bar on a terminal.
 *
 * A command includes their table (cli_mc_group, cli/optgroups.h), whose
 * rows call cli_mc_option().  The
 * --alt-* values are checked as they are read, with the method
 * vocabulary (cidx_method_set()), so they get rank's messages; they
 * are applied to the nominal method once the engine is open (a method
 * file may set it).
 */
#ifndef CIDX_CLI_MCOPT_H
#define CIDX_CLI_MCOPT_H

#include <stdint.h>

#include "calc/mc.h"
#include "cli/methodopt.h"
#include "core/mem.h"
#include "ws/mcrun.h"

enum {
	OPT_MC = 1100,
	OPT_MC_DRAWS = OPT_MC, OPT_MC_SEED, OPT_MC_THREADS, OPT_MC_NOISE,
	OPT_MC_LEVEL, OPT_MC_DROP, OPT_MC_MAXMEM, OPT_MC_SKIP,
	OPT_MC_ALT = 1120 /* OPT_MC_ALT + enum cidx_mc_input */
};


struct cli_mc_opts {
	long draws;
	uint64_t seed;
	long threads;              /* 0: the online CPUs */
	double phi;
	int phi_given;
	/* --noise-level: nonzero at level L; levels_given: any */
	unsigned char levels[CIDX_FRAMEWORK_MAX_LEVELS + 1];
	int levels_given;
	const char **alt[CIDX_MC_N_INPUTS]; /* as given */
	size_t nalt[CIDX_MC_N_INPUTS];
	int drop_one;
	int skip_invalid;          /* --skip-invalid */
	size_t max_memory;         /* bytes */
	int given;                 /* any option of this table */
};

void cli_mc_opts_init(struct cli_mc_opts *o);
void cli_mc_opts_release(struct cli_mc_opts *o);

/*! cli_mc_option() : one uncertain-input option (`ch`: its OPT_MC_*
 *  code).  @return 1 if handled, 0 if `ch` is not one of them,
 *  CLI_USAGE (printed) on a bad value. */
int cli_mc_option(struct cli_mc_opts *o, int ch, const char *arg,
    const char *cmd);

/*! cli_mc_run() :
 *  The Monte Carlo of `year` with the workspace's method as the nominal
 *  (cidx_ws_mc_run()), a progress bar on standard error when it is a
 *  terminal and the run takes longer than half a second.  @return CLI_OK
 *  and *out, or an exit status (the message printed: inputs that make
 *  no run as a usage error of `cmd`). */
int cli_mc_run(struct cidx_ws *ws, int year, struct cli_mc_opts *o,
    const struct cidx_tierspec *ts, size_t top, int sobol, int keep_ranks,
    const char *cmd, struct cidx_mc_result **out);

#endif
