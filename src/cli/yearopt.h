/*
 * yearopt.h - the options that pick what is ranked and how it is shown,
 * shared by rank, chart, report, explain, audit and weights: --year,
 * --compare, --top, --tiers, --dark-horse and --lang (cityidx(1),
 * COMMANDS).
 *
 * A command lists the ones it takes in its getopt table with the option
 * characters below and passes the characters it does not handle itself
 * to cli_year_option() before cli_method_option().
 */
#ifndef CLI_YEAROPT_H
#define CLI_YEAROPT_H

#include "calc/relative.h"
#include "calc/calc.h"
#include "calc/movement.h"
#include "cli/methodopt.h"
#include "plot/plot.h"
#include "ws/ranking.h"

#define CLI_OPT_YEAR     { "year", required_argument, NULL, 'y' }
#define CLI_OPT_COMPARE  { "compare", required_argument, NULL, 'c' }
#define CLI_OPT_TOP      { "top", required_argument, NULL, 'T' }
#define CLI_OPT_TIERS    { "tiers", required_argument, NULL, 't' }
#define CLI_OPT_DARK     { "dark-horse", required_argument, NULL, 'D' }
#define CLI_OPT_LANG     { "lang", required_argument, NULL, 'l' }

struct cli_year_opts {
	int year;            /* 0: the default year */
	int compare;         /* 0: the default, -1: none */
	long top, dark;
	const char *tiers;
	enum cidx_plot_lang lang;
	const char *relative;  /* rank --relative REF (NULL: the mean) */
};

/* no year or compare year given, the top 50, dark horses at 20 places,
 * jenks:3 (the library's defaults, ws/ws.h), Chinese */
#define CLI_YEAR_OPTS_INIT { 0, 0, CIDX_WS_TOP_DEFAULT, \
	CIDX_WS_DARK_DEFAULT, CIDX_WS_TIERS_DEFAULT, CIDX_LANG_ZH, NULL }

/*! cli_year_option() :
 *  Takes option `ch` with value `arg` for command `cmd`.  @return 1 when
 *  it was one of the options above, 0 when it was not, or the exit status
 *  of a usage error (printed). */
int cli_year_option(struct cli_year_opts *o, int ch, const char *arg,
    const char *cmd);

/* A year ranked as the options say: what rank, chart and report share
 * (the ranking is the ws layer's, ws/ranking.h). */
struct cli_ranked {
	struct cli_engine e;
	struct cidx_tierspec ts;             /* ts.ref: the reference index */
	struct cidx_ws_ranking w;
};

/*! cli_ranked_open() :
 *  Parses y->tiers, opens the engine with `mo`, picks the year and the
 *  compare year, ranks the year with tiers over the top y->top and
 *  computes the movement.  Errors are printed.  @return CLI_OK, or an
 *  exit status; release `k` with cli_ranked_close() either way. */
int cli_ranked_open(struct cli_ranked *k, struct cli_method_opts *mo,
    const struct cli_year_opts *y, const char *cmd);
void cli_ranked_close(struct cli_ranked *k);

#endif
