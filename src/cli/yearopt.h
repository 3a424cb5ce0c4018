/*
 * yearopt.h - the options that pick what is ranked and how it is shown,
 * shared by rank, chart, report, explain, audit and weights: --year,
 * --compare, --top, --tiers, --dark-horse, --lang and --unit-word (cityidx(1),
 * COMMANDS).
 *
 * A command lists the ones it takes in its option table with the rows
 * below.
 */
#ifndef CLI_YEAROPT_H
#define CLI_YEAROPT_H

#include "calc/relative.h"
#include "calc/calc.h"
#include "calc/movement.h"
#include "cli/methodopt.h"
#include "cli/opt.h"
#include "plot/plot.h"
#include "ws/ranking.h"

/*
 * The rows of a command's option table (cli/opt.h) for these options,
 * the field `f` of `st` being its struct cli_year_opts: the parsing is
 * shared (cli_year_option()), the help text `h` is the command's.
 */
#define CLI_YEAR_ROW(n, a, v, st, f, h) \
	{ .kind = CLI_K_CALLBACK, .name = (n), .arg = (a), \
	  .off = offsetof(st, f), .cb = cli_year_cb, .val = (v), .help = (h) }
#define CLI_OPT_YEAR(st, f, h)     CLI_YEAR_ROW("year", "YEAR", 'y', st, f, h)
#define CLI_OPT_COMPARE(a, st, f, h) CLI_YEAR_ROW("compare", a, 'c', st, f, h)
#define CLI_OPT_TOP(st, f, h)      CLI_YEAR_ROW("top", "N", 'T', st, f, h)
#define CLI_OPT_TIERS(st, f, h)    CLI_YEAR_ROW("tiers", "SPEC", 't', st, f, h)
#define CLI_OPT_DARK(st, f, h) \
	CLI_YEAR_ROW("dark-horse", "D", 'D', st, f, h)
#define CLI_OPT_LANG(st, f, h)     CLI_YEAR_ROW("lang", "zh|en", 'l', st, f, h)
#define CLI_OPT_UNIT_WORD(st, f) \
	CLI_YEAR_ROW("unit-word", "city|region|unit", 'U', st, f, \
	    "what the units are called (default: the framework's)")

struct cli_year_opts {
	int year;            /* 0: the default year */
	int compare;         /* 0: the default, -1: none */
	long top, dark;
	const char *tiers;
	enum cidx_plot_lang lang;
	const char *relative;  /* rank --relative REF (NULL: the mean) */
	int lang_set;          /* --lang given */
	int noun;              /* --unit-word: enum cidx_unit_noun, -1: the
				  framework's */
	int frugal;            /* the command reads no values of the year
				  once ranked (rank: cidx_ws_rank_opts) */
};

/* no year or compare year given, the top 50, dark horses at 20 places,
 * jenks:3 (the library's defaults, ws/ws.h), Chinese */
#define CLI_YEAR_OPTS_INIT { 0, 0, CIDX_WS_TOP_DEFAULT, \
	CIDX_WS_DARK_DEFAULT, CIDX_WS_TIERS_DEFAULT, CIDX_LANG_ZH, NULL, 0, -1, \
	0 }

/*! cli_year_option() :
 *  Takes option `ch` with value `arg` for command `cmd`.  @return 1 when
 *  it was one of the options above, 0 when it was not, or the exit status
 *  of a usage error (printed). */
int cli_year_option(struct cli_year_opts *o, int ch, const char *arg,
    const char *cmd);
/* cli_year_option() as an option table's callback (cli/opt.h) */
int cli_year_cb(void *field, const struct cli_opt *o, const char *arg,
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
