/*
 * engine.h - what rank, weights, audit and explain share: the method
 * options, the workspace, the weights, and one year's computation.
 *
 * A command declares its own options, adds CLI_METHOD_LONGOPTS to its
 * table, passes unknown option characters to cli_method_option(), then
 * calls cli_engine_open() and cli_engine_run() for each year it needs.
 */
#ifndef CIDX_CLI_ENGINE_H
#define CIDX_CLI_ENGINE_H

#include <getopt.h>
#include <stdio.h>

#include "calc/calc.h"
#include "core/mem.h"
#include "core/model.h"
#include "store/store.h"

enum {
	OPT_AGGREGATE = 1000, OPT_DENOMINATE, OPT_IMPUTE, OPT_METHOD,
	OPT_METHOD_FILE, OPT_NORMALIZE, OPT_SCALE, OPT_SCREEN, OPT_SET,
	OPT_TREAT, OPT_WEIGHTS, OPT_WEIGHTS_METHOD
};

#define CLI_METHOD_LONGOPTS                                               \
	{ "aggregate", required_argument, NULL, OPT_AGGREGATE },          \
	{ "denominate", no_argument, NULL, OPT_DENOMINATE },              \
	{ "impute", required_argument, NULL, OPT_IMPUTE },                \
	{ "method", required_argument, NULL, OPT_METHOD },                \
	{ "method-file", required_argument, NULL, OPT_METHOD_FILE },      \
	{ "normalise", required_argument, NULL, OPT_NORMALIZE },          \
	{ "normalize", required_argument, NULL, OPT_NORMALIZE },          \
	{ "scale", required_argument, NULL, OPT_SCALE },                  \
	{ "screen", required_argument, NULL, OPT_SCREEN },                \
	{ "set", required_argument, NULL, OPT_SET },                      \
	{ "treat", optional_argument, NULL, OPT_TREAT },                  \
	{ "weights", required_argument, NULL, OPT_WEIGHTS },              \
	{ "weights-method", required_argument, NULL, OPT_WEIGHTS_METHOD }

#define CLI_METHOD_HELP                                                   \
    "\nmethod (see cityidx(1) for every formula):\n"                         \
    "  --denominate         divide indicators by their framework "        \
    "denominator\n"                                                        \
    "  --impute METHOD      none | mean | median | group-mean:ATTR |\n"     \
    "                       group-median:ATTR | carry-forward\n"           \
    "  --screen SHARE       drop units with a smaller share of non-missing "\
    "indicators\n"                                                         \
    "  --treat[=S,K,W]      JRC outlier treatment (skew 2, kurt 3.5, "      \
    "winmax 5)\n"                                                          \
    "  --normalize METHOD   minmax[:L,U] | zscore[:M,S] | rank | "          \
    "percentile |\n"                                                       \
    "                       ratio | distmax | goalposts[:LO,HI]\n"          \
    "  --scale year|panel   normalise within the year or over all years\n" \
    "  --aggregate METHOD   arith | geom | harm, or per level: "            \
    "2=geom,3=arith\n"                                                     \
    "  --method topsis      TOPSIS closeness instead of normalise + "      \
    "aggregate\n"                                                          \
    "  --weights FILE       weights CSV (code/iCode, weight/Weight "        \
    "columns)\n"                                                           \
    "  --set CODE=W         override one weight (repeatable)\n"            \
    "  --weights-method M   derive weights: equal | entropy | critic | "    \
    "pca | ahp:FILE\n"                                                     \
    "  --method-file FILE   rerun the method recorded in a JSON output\n"

struct cli_method_opts {
	struct cidx_method m;
	const char *weights_file;
	const char **set;
	size_t nset;
	const char *weights_method; /* NULL: framework (+ file, set) */
	const char *method_file;
	int weights_level;          /* derive only this level (0: all) */
	int weights_panel;          /* derive over all years pooled */
	/* the method options as given, replayed over a --method-file so
	   that the command line wins */
	int *given_ch;
	const char **given_arg;
	size_t n_given;
	int replaying;
};

void cli_method_opts_init(struct cli_method_opts *o);
void cli_method_opts_release(struct cli_method_opts *o);

/*! cli_method_option() :
 *  Handles one getopt_long result.  @return 1 if handled, 0 if `ch` is not
 *  a method option, CLI_USAGE (after printing) on a bad value. */
int cli_method_option(struct cli_method_opts *o, int ch, const char *arg,
    const char *cmd);

/* Derived weights and their diagnostics, per group. */
struct cli_wgroup {
	size_t parent;     /* framework node */
	size_t k;
	size_t *child;     /* framework nodes */
	double *w;         /* derived, summing to 1 */
	double *diag1, *diag2; /* entropy e/d, critic sigma/conflict, pca
				  loading/-, ahp -/- */
	double value1, value2, value3; /* pca var_pc1, n_used; ahp lambda,
					  CI, CR */
	size_t n_used;
};

struct cli_engine {
	struct cidx_store *st;
	struct cidx_framework *fw;
	struct cli_method_opts *o;
	struct cidx_panel *panel;   /* raw; a slot per year, read on need */
	int *years;                 /* the years with data, ascending */
	struct cidx_norm_stats *pstats; /* --scale panel, once computed */
	struct cidx_dataset **prep; /* prepared, per panel year (lazy) */
	struct cidx_prep_report *rep;
	double *w;                  /* effective weights, per node */
	int weights_year;           /* year the weights were derived on */
	struct cli_wgroup *groups;  /* derivation diagnostics */
	size_t n_groups;
};

/*! cli_engine_open() : opens the workspace and the framework, reads the
 *  method file, the weights file and --set.  @return CLI_OK or an exit
 *  status (the message printed). */
int cli_engine_open(struct cli_engine *e, struct cli_method_opts *o);
void cli_engine_close(struct cli_engine *e);

/*! cli_engine_years() : picks the year (0: the latest) and the compare
 *  year (o_compare: 0 default = latest earlier, -1 none). */
int cli_engine_years(struct cli_engine *e, int want, int o_compare,
    int *year, int *cyear);

/*! cli_engine_prepared() : the prepared dataset of `year` and its report
 *  (borrowed).  NULL after printing an error. */
const struct cidx_dataset *cli_engine_prepared(struct cli_engine *e, int year,
    const struct cidx_prep_report **rep);

/*! cli_engine_derive() : derives weights for `year` if --weights-method
 *  was given (once).  @return CLI_OK or an exit status. */
int cli_engine_derive(struct cli_engine *e, int year);

/*! cli_engine_rank() : the whole computation for `year`.  *out is owned
 *  by the caller.  @return CLI_OK or an exit status. */
int cli_engine_rank(struct cli_engine *e, int year,
    const struct cidx_tierspec *ts, size_t top, struct cidx_ranking **out);

/*! cli_engine_rank_ds() : the computation on an explicit (prepared)
 *  dataset, for counterfactuals.  Panel statistics as for its year. */
int cli_engine_rank_ds(struct cli_engine *e, const struct cidx_dataset *ds,
    struct cidx_ranking **out, struct cidx_err *err);

/* JSON: the "method" object (no trailing newline), indented by `ind`. */
void cli_engine_json_method(struct cli_engine *e, FILE *fp, int year,
    const char *tiers, long top, long dark, const char *ind);

/* one line for tables: "normalise minmax:0,100, aggregate arith, ..." */
void cli_engine_describe(struct cli_engine *e, struct sbuf *sb);

#endif
