/*
 * cli.h - the command-line layer: the only code that talks to the user.
 *
 * HOW TO ADD A COMMAND (one commit):
 *  . write src/cli/cmd_<name>.c with its option table `cmd_<name>_opts[]`
 *    (cli/opt.h: one row per option, CLI_OPT_HELP among them; the usage
 *    line it makes equals the man page SYNOPSIS line) and
 *    `int cmd_<name>(int argc, char **argv)`, which parses with
 *    cli_opt_parse() and returns what it returns when that is not CLI_OK;
 *  . add its entry to the table in cmds.c (alphabetical) and its
 *    prototype and table below;
 *  . document it in man/cityidx.1 (SYNOPSIS, a COMMANDS entry, formulas);
 *  . add golden tests under tests/cli/<name>/.
 * A command returns an exit status (CLI_OK, CLI_ERROR, CLI_USAGE) or
 * CLI_HELPED after --help; only main() exits.
 */
#ifndef CIDX_CLI_H
#define CIDX_CLI_H

#include <stdio.h>

#include "core/err.h"
#include "core/ofile.h"
#include "cli/opt.h"

/* the unit codes a command names in a list (import's new units, the
 * units remove takes away), the others counted: "A, B and 12 more" */
#define CLI_UNITS_SHOWN 10

#define CLI_OK 0
#define CLI_ERROR 1 /* data or runtime error */
#define CLI_USAGE 2 /* bad command line */

/* A command: its name, what it does in a line (cityidx --help), its
 * option table (cli/opt.h: the parsing, the help and the usage line) and
 * the function that runs it. */
struct cli_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const struct cli_opt *opts;
	int help_width;    /* the help's column; 0: the longest label + 2 */
};

extern const struct cli_cmd cli_cmds[];
extern const char *cli_db_path; /* --db, or NULL */

int cmd_audit(int argc, char **argv);
int cmd_coupling(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_imports(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_remove(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_sql(int argc, char **argv);
int cmd_weights(int argc, char **argv);
int cmd_years(int argc, char **argv);

/* the option tables (cli/opt.h) */
extern const struct cli_opt cmd_audit_opts[], cmd_chart_opts[],
    cmd_coupling_opts[], cmd_explain_opts[], cmd_import_opts[],
    cmd_imports_opts[], cmd_init_opts[], cmd_rank_opts[], cmd_remove_opts[],
    cmd_report_opts[], cmd_sensitivity_opts[], cmd_sql_opts[],
    cmd_weights_opts[], cmd_years_opts[];

const struct cli_cmd *cli_find(const char *name);

/* Prints "cityidx: <msg>" to stderr. @return CLI_ERROR. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The core's error, with advice for the codes that call for it
 * (CIDX_ENOWORKSPACE: how to make one). @return CLI_ERROR. */
int cli_error_core(const struct cidx_err *err);
/* An error reading an input file of a command with --encoding: as
 * cli_error_core(), and for CIDX_EENCODING the advice to give one
 * (`encoding` is the --encoding value, or NULL). @return CLI_ERROR. */
int cli_error_input(const struct cidx_err *err, const char *encoding);
/* Prints "cityidx: warning: <msg>". */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "cityidx <cmd>: <msg>" and the usage line. @return CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Text of an option that goes into an output (--title): valid UTF-8
 * without control characters (cidx_text_check()).  @return 0, or
 * CLI_USAGE after "cityidx <cmd>: <opt>: control character U+001B (byte
 * 4)" and the usage line. */
int cli_text_option(const char *cmd, const char *opt, const char *s);

/* The workspace path: --db, else $CITYIDX_DB, else ./cityidx.db. */
const char *cli_workspace(void);

/* The time now in UTC as 2026-12-07T07:50:00Z, into `when` (the stamp of
 * an import or a removal in the workspace's log). */
void cli_now_utc(char when[32]);

/* Refuses an output path before any work is done: the workspace or a
 * file SQLite keeps beside it, a directory (cidx_ofile_check()).
 * @return CLI_OK or CLI_ERROR (printed). */
int cli_output_check(const char *path);
/* Opens the output `path` ("-" is standard output) through a temporary
 * file that replaces it only at cli_output_commit() (cidx_ofile_open()).
 * @return CLI_OK or CLI_ERROR (printed). */
int cli_output_open(struct cidx_ofile **out, const char *path);
/* Puts the output in place; with `failed`, drops it and leaves the old
 * file as it was.  @return `failed`, or CLI_ERROR when the write failed
 * (printed), else CLI_OK. */
int cli_output_close(struct cidx_ofile **f, int failed);

/* Strict numeric option parsing; @return 0 or -1. */
int cli_parse_long(const char *s, long lo, long hi, long *out);

enum cli_format { CLI_FMT_TABLE, CLI_FMT_CSV, CLI_FMT_JSON, CLI_FMT_XLSX };
int cli_parse_format(const char *s, enum cli_format *out);

#endif
