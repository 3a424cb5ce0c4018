/*
 * optgroups.c - the method options and the uncertain inputs as option
 * tables (optgroups.h).  A row's val is the code cli_method_option() or
 * cli_mc_option() takes.
 */
#include <stddef.h>

#include "cli/cli.h"
#include "cli/mcopt.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"

static int
method_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	int r = cli_method_option(field, o->val, arg, cmd);

	return r == 1 ? 0 : r;
}

static int
mc_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	int r = cli_mc_option(field, o->val, arg, cmd);

	return r == 1 ? 0 : r;
}

#define M(n, a, v, fl, h) \
	{ .kind = CLI_K_CALLBACK, .name = (n), .arg = (a), .cb = method_cb, \
	  .val = (v), .flags = (fl), .help = (h) }

static const struct cli_opt method_opts[] = {
	M("denominate", NULL, OPT_MK + CIDX_MK_DENOMINATE, CLI_OPTF_NOARG,
	    "divide indicators by their framework denominator"),
	M("impute", "METHOD", OPT_MK + CIDX_MK_IMPUTE, 0,
	    "none | mean | median | group-mean:ATTR |\n"
	    "group-median:ATTR | carry-forward"),
	M("screen", "SHARE", OPT_MK + CIDX_MK_SCREEN, 0,
	    "rank only units with data for this share of the year's\n"
	    "indicators (default 2/3; 0: rank every unit)"),
	M("screen-pillar", "MIN", OPT_MK + CIDX_MK_SCREEN_PILLAR, 0,
	    "... and MIN indicators in each pillar (default 1)"),
	M("treat", "[=S,K,W]", OPT_MK + CIDX_MK_TREAT, CLI_OPTF_OPTARG,
	    "JRC outlier treatment (skew 2, kurt 3.5, winmax 5)"),
	M("normalize", "METHOD", OPT_MK + CIDX_MK_NORMALISE, 0,
	    "minmax[:L,U] | zscore[:M,S] | rank | percentile |\n"
	    "ratio | distmax | goalposts[:LO,HI]"),
	M("normalise", "METHOD", OPT_MK + CIDX_MK_NORMALISE, CLI_OPTF_ALIAS,
	    NULL),
	M("scale", "year|panel", OPT_MK + CIDX_MK_SCALE, 0,
	    "normalise within the year or over all years"),
	M("aggregate", "METHOD", OPT_MK + CIDX_MK_AGGREGATE, 0,
	    "arith | geom | harm, or per level: 2=geom,3=arith"),
	M("method", "METHOD", OPT_MK + CIDX_MK_METHOD, 0,
	    "composite | topsis | mpi[:neg|pos] | ampi[:neg|pos] |\n"
	    "gra[:RHO] | bod[:LO,HI] | wroclaw: an index method\n"
	    "instead of normalise + aggregate"),
	M("weights", "FILE", OPT_WEIGHTS, 0,
	    "weights CSV (code/iCode, weight/Weight columns)"),
	M("set", "CODE=W", OPT_SET, CLI_OPTF_REPEAT,
	    "override one weight (repeatable)"),
	M("weights-method", "M", OPT_WEIGHTS_METHOD, 0,
	    "derive weights: equal | entropy | entropy-panel |\n"
	    "critic | pca | ahp:FILE | combine:ALPHA:ahp:FILE"),
	M("method-file", "FILE", OPT_METHOD_FILE, 0,
	    "rerun the method recorded in a JSON output"),
	CLI_OPT_END,
};

const struct cli_optgroup cli_method_group = {
	"method (see cityidx(1) for every formula):", "[METHOD OPTIONS]",
	method_opts, 0,
};

#define MC(n, a, v, fl, h) \
	{ .kind = CLI_K_CALLBACK, .name = (n), .arg = (a), .cb = mc_cb, \
	  .val = (v), .flags = (fl), .help = (h) }

static const struct cli_opt mc_opts[] = {
	MC("draws", "N", OPT_MC_DRAWS, 0,
	    "Monte Carlo draws (default 1000)"),
	MC("seed", "S", OPT_MC_SEED, 0, "random seed (default 1)"),
	MC("threads", "T", OPT_MC_THREADS, 0,
	    "threads (default: the online CPUs, at most 64);\n"
	    "the output does not depend on it"),
	MC("max-memory", "SIZE", OPT_MC_MAXMEM, 0,
	    "refuse a run estimated to need more (default 4G)"),
	MC("weights-noise", "PHI", OPT_MC_NOISE, 0,
	    "multiply each weight by U(1-PHI, 1+PHI)"),
	MC("noise-level", "LIST", OPT_MC_LEVEL, 0,
	    "only the weights of these levels, e.g. 2,3 (PHI 0.25\n"
	    "unless given)"),
	MC("alt-impute", "SPEC", OPT_MC_ALT + CIDX_MC_IMPUTE, CLI_OPTF_REPEAT,
	    "an alternative imputation (repeatable)"),
	MC("alt-winmax", "N", OPT_MC_ALT + CIDX_MC_WINMAX, CLI_OPTF_REPEAT,
	    "an alternative winsorisation limit (repeatable;\n"
	    "needs --treat)"),
	MC("alt-normalize", "SPEC", OPT_MC_ALT + CIDX_MC_NORMALISE,
	    CLI_OPTF_REPEAT, "an alternative normalisation (repeatable)"),
	MC("alt-normalise", "SPEC", OPT_MC_ALT + CIDX_MC_NORMALISE,
	    CLI_OPTF_ALIAS, NULL),
	MC("alt-aggregate", "SPEC", OPT_MC_ALT + CIDX_MC_AGGREGATE,
	    CLI_OPTF_REPEAT, "an alternative aggregation (repeatable)"),
	MC("alt-method", "SPEC", OPT_MC_ALT + CIDX_MC_METHOD, CLI_OPTF_REPEAT,
	    "an alternative method: composite, topsis, mpi,\n"
	    "ampi, gra, bod, wroclaw (repeatable)"),
	MC("drop-one", NULL, OPT_MC_DROP, CLI_OPTF_NOARG,
	    "leave out one indicator in each draw"),
	MC("skip-invalid", NULL, OPT_MC_SKIP, CLI_OPTF_NOARG,
	    "skip the draws where a geometric or harmonic mean\n"
	    "meets a value <= 0 (else such a design is refused)"),
	CLI_OPT_END,
};

const struct cli_optgroup cli_mc_group = {
	"uncertain inputs (see cityidx(1), Uncertainty and sensitivity):",
	"[UNCERTAINTY OPTIONS]", mc_opts, 21,
};
