/*
 * mcopt.c - the uncertain-input options and the Monte Carlo run
 * (mcopt.h).  Values are read by the library's vocabulary; the work is
 * the ws layer's (cidx_ws_mc_run()); this file routes, prints the
 * progress bar and the messages.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calc/methodvocab.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "core/num.h"
#include "ws/mcrun.h"

/* the inputs given as lists of alternatives */
static int
is_list(int k)
{
	return (k >= CIDX_MC_IMPUTE && k <= CIDX_MC_AGGREGATE) ||
	    k == CIDX_MC_METHOD;
}

void
cli_mc_opts_init(struct cli_mc_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->draws = 1000;
	o->seed = 1;
	o->max_memory = CIDX_WS_MC_MAX_MEMORY;
}

void
cli_mc_opts_release(struct cli_mc_opts *o)
{
	for (int k = 0; k < CIDX_MC_N_INPUTS; k++)
		free(o->alt[k]);
	memset(o, 0, sizeof(*o));
}

/* "2,3": levels 1 .. CIDX_FRAMEWORK_MAX_LEVELS - 1 (the index, at most
 * level CIDX_FRAMEWORK_MAX_LEVELS, has no weight) */
static int
parse_levels(const char *s, unsigned char *out)
{
	char buf[8];
	long v;

	memset(out, 0, CIDX_FRAMEWORK_MAX_LEVELS + 1);
	for (;;) {
		size_t len = strcspn(s, ",");

		if (len == 0 || len >= sizeof(buf))
			return -1;
		memcpy(buf, s, len);
		buf[len] = '\0';
		if (cidx_num_parse_int(buf, 1, CIDX_FRAMEWORK_MAX_LEVELS - 1,
		    &v) < 0)
			return -1;
		out[v] = 1;
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

static int
check_alt(int k, const char *arg, const char *cmd)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_treat_params tp = CIDX_TREAT_PARAMS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char buf[200];

	if (k == CIDX_MC_WINMAX) {
		cidx_ws_mc_winmax_text(buf, sizeof(buf), &tp, arg);
		if (strchr(arg, ',') || cidx_method_set(&m, CIDX_MK_TREAT, buf,
		    &err) < 0)
			return cli_usage_error(cmd, "--alt-winmax '%s': "
			    "expected a whole number from 0 to 1000000", arg);
		return 0;
	}
	if (cidx_method_set(&m, cidx_ws_mc_alt_key[k], arg, &err) < 0)
		return cli_usage_error(cmd, "--%s: %s", cidx_ws_mc_alt_option[k],
		    err.msg);
	return 0;
}

int
cli_mc_option(struct cli_mc_opts *o, int ch, const char *arg,
    const char *cmd)
{
	long v;
	double d;
	int k = ch - OPT_MC_ALT;

	if (is_list(k)) {
		if (check_alt(k, arg, cmd) != 0)
			return CLI_USAGE;
		o->alt[k] = cidx_xreallocarray(o->alt[k], o->nalt[k] + 1,
		    sizeof(char *));
		o->alt[k][o->nalt[k]++] = arg;
		o->given = 1;
		return 1;
	}
	switch (ch) {
	case OPT_MC_DRAWS:
		if (cli_parse_long(arg, 1, CIDX_MC_MAX_DRAWS, &o->draws) < 0)
			return cli_usage_error(cmd, "--draws '%s': expected a "
			    "whole number from 1 to %d", arg,
			    CIDX_MC_MAX_DRAWS);
		break;
	case OPT_MC_SEED:
		if (cli_parse_long(arg, 0, 0x7fffffffffffffffL, &v) < 0)
			return cli_usage_error(cmd, "--seed '%s': expected a "
			    "whole number from 0 to 9223372036854775807", arg);
		o->seed = (uint64_t)v;
		break;
	case OPT_MC_THREADS:
		if (cli_parse_long(arg, 1, CIDX_MC_MAX_THREADS,
		    &o->threads) < 0)
			return cli_usage_error(cmd, "--threads '%s': expected a "
			    "whole number from 1 to %d", arg,
			    CIDX_MC_MAX_THREADS);
		break;
	case OPT_MC_NOISE:
		if (cidx_num_parse(arg, &d, NULL) < 0 || d < 0 || d > 1)
			return cli_usage_error(cmd, "--weights-noise '%s': "
			    "expected a number from 0 to 1", arg);
		o->phi = d;
		o->phi_given = 1;
		break;
	case OPT_MC_LEVEL:
		if (parse_levels(arg, o->levels) < 0)
			return cli_usage_error(cmd, "--noise-level '%s': "
			    "expected levels such as 2,3 (whole numbers from "
			    "1 to %d)", arg, CIDX_FRAMEWORK_MAX_LEVELS - 1);
		o->levels_given = 1;
		break;
	case OPT_MC_DROP:
		o->drop_one = 1;
		break;
	case OPT_MC_SKIP:
		o->skip_invalid = 1;
		break;
	case OPT_MC_MAXMEM:
		if (cidx_num_parse_size(arg, &o->max_memory) < 0)
			return cli_usage_error(cmd, "--max-memory '%s': "
			    "expected a size such as 512M or 8G", arg);
		break;
	default:
		return 0;
	}
	o->given = 1;
	return 1;
}

struct progress {
	double t0;
	int shown;
	const char *cmd;
};

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
progress(void *ctx, size_t done, size_t total)
{
	struct progress *pr = ctx;
	int width = 30, fill = total ? (int)((double)width * (double)done /
	    (double)total) : width;

	if (done >= total) {
		if (pr->shown)
			fprintf(stderr, "\r%*s\r", 72, "");
		return;
	}
	if (!pr->shown && seconds() - pr->t0 < 0.5)
		return;
	pr->shown = 1;
	fprintf(stderr, "\rcityidx %s: [%.*s%*s] %zu of %zu runs", pr->cmd,
	    fill, "##############################", width - fill, "", done,
	    total);
	fflush(stderr);
}

int
cli_mc_run(struct cidx_ws *ws, int year, struct cli_mc_opts *o,
    const struct cidx_tierspec *ts, size_t top, int sobol, int keep_ranks,
    const char *cmd, struct cidx_mc_result **out)
{
	struct cidx_ws_mc_opts wo = CIDX_WS_MC_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct progress pr = { seconds(), 0, cmd };

	wo.draws = (size_t)o->draws;
	wo.seed = o->seed;
	wo.threads = (unsigned)o->threads;
	wo.phi = o->phi;
	wo.phi_given = o->phi_given;
	memcpy(wo.levels, o->levels, sizeof(wo.levels));
	wo.levels_given = o->levels_given;
	for (int k = 0; k < CIDX_MC_N_INPUTS; k++) {
		wo.alt[k] = o->alt[k];
		wo.nalt[k] = o->nalt[k];
	}
	wo.drop_one = o->drop_one;
	wo.skip_invalid = o->skip_invalid;
	wo.max_memory = o->max_memory;
	wo.sobol = sobol;
	wo.keep_ranks = keep_ranks;
	wo.tiers = ts;
	wo.top = top;
	if (isatty(STDERR_FILENO)) {
		wo.progress = progress;
		wo.progress_ctx = &pr;
	}
	if (cidx_ws_mc_run(out, ws, year, &wo, &err) == 0)
		return CLI_OK;
	if (err.code == CIDX_EOPTION)
		return cli_usage_error(cmd, "%s", err.msg);
	return cli_error_core(&err);
}
