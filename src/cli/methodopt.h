/*
 * methodopt.h - the method options that rank, weights, audit and explain
 * share, and the CLI's handle on the library engine: the workspace, the
 * framework and the calc/engine.h engine built from the options.
 *
 * A command includes the method options' table (cli_method_group,
 * cli/optgroups.h), whose rows call cli_method_option(); then
 * cli_engine_open() and the library calls.
 * Every cli_engine_* function prints its own errors and returns an exit
 * status (CLI_OK, CLI_ERROR, CLI_USAGE).
 */
#ifndef CIDX_CLI_METHODOPT_H
#define CIDX_CLI_METHODOPT_H

#include <getopt.h>
#include <stdio.h>

#include "calc/engine.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/model.h"
#include "core/wspec.h"
#include "store/store.h"
#include "ws/ws.h"

enum {
	OPT_MK = 1000, /* OPT_MK + enum cidx_mkey: the method items */
	OPT_METHOD_FILE = OPT_MK + CIDX_MK_N, OPT_SET, OPT_WEIGHTS,
	OPT_WEIGHTS_METHOD
};

struct cli_method_opts {
	struct cidx_method m;
	const char *weights_file;
	const char **set;
	size_t nset;
	const char *weights_method; /* as given; NULL: framework weights */
	enum cidx_wmethod wmethod;
	const char *ahp_path;       /* ahp:FILE, combine:ALPHA:ahp:FILE */
	double alpha;               /* combine's ALPHA */
	const char *method_file;
	int weights_level;          /* derive only this level (0: all) */
	int weights_panel;          /* derive over all years pooled */
	/* the method items as given, replayed over a --method-file so
	   that the command line wins */
	int *given_ch;
	const char **given_arg;
	size_t n_given;
};

void cli_method_opts_init(struct cli_method_opts *o);
void cli_method_opts_release(struct cli_method_opts *o);

/*! cli_method_option() :
 *  Handles one method option (`ch`: its OPT_* code).  @return 1 if
 *  handled, 0 if `ch` is not a method option, CLI_USAGE (after
 *  printing) on a bad value. */
int cli_method_option(struct cli_method_opts *o, int ch, const char *arg,
    const char *cmd);

/* the workspace opened with the method (ws/ws.h); st, fw, eng and over
 * are borrowed from ws, for the formatters */
struct cli_engine {
	struct cidx_ws *ws;
	struct cidx_store *st;
	const struct cidx_framework *fw;
	struct cli_method_opts *o;
	struct cidx_engine *eng;
	const struct cidx_wset *over;
};

/*! cli_engine_open() : opens the workspace (one read snapshot) and the
 *  framework, reads the method file, the weights file, --set and the AHP
 *  file, and makes the engine. */
int cli_engine_open(struct cli_engine *e, struct cli_method_opts *o);
void cli_engine_close(struct cli_engine *e);

/*! cli_engine_years() : cidx_engine_pick_years() with the CLI's hints. */
int cli_engine_years(struct cli_engine *e, int want, int compare, int *year,
    int *cyear);

/*! cli_engine_derive() : fixes the weights on `year` and prints the
 *  derivation's warnings (rows PCA dropped, negative loadings, AHP
 *  inconsistency), once. */
int cli_engine_derive(struct cli_engine *e, int year);

/*! cli_engine_rank() : cli_engine_derive(), then the ranking of `year`. */
int cli_engine_rank(struct cli_engine *e, int year,
    const struct cidx_tierspec *ts, size_t top, struct cidx_ranking **out);

/*! cli_engine_prepared() : the prepared data of a year already ranked. */
const struct cidx_dataset *cli_engine_prepared(struct cli_engine *e, int year,
    const struct cidx_prep_report **rep);

struct cidx_jsonw;
/*! cli_engine_write_method() : the "method" object of a JSON output
 *  (cidx_method_to_json()) as the next value of `w`: the engine's method
 *  and weights, the options that made them, the tiers (NULL: none) and
 *  the imports the data of `year` came from. */
void cli_engine_write_method(struct cli_engine *e, struct cidx_jsonw *w,
    int year, const char *tiers, long top, long dark);

/* one line for tables: "normalise minmax:0,100, aggregate arith, ..." */
void cli_engine_describe(struct cli_engine *e, struct sbuf *sb);

/* when `year` has no data for some pillars (rep->empty_pillar), the
 * sentence that says so, in Chinese (zh) or English; NULL otherwise.
 * Free with free(). */
char *cli_gap_text(const struct cidx_framework *fw,
    const struct cidx_prep_report *rep, int year, int zh);

#endif
