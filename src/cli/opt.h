/*
 * opt.h - one table of options per command, which drives the parsing
 * (getopt_long), the --help text and the usage line (in the spirit of
 * git's parse-options and libgit2's cli_opt_spec).
 *
 * A row names an option once: its long name, its short letter, the kind
 * of value it takes, where the value goes (a field of the command's
 * options struct, by offset, or a callback), its help text and where it
 * goes in the usage line.  Shared groups of options (the method options,
 * the uncertain inputs) are tables that a command includes with
 * CLI_OPT_GROUP; the year options are rows (yearopt.h) because their help
 * text is each command's own.
 *
 * ADDING AN OPTION: one row in the command's table (cmd_<name>.c) or in
 * the shared group it belongs to, plus the man page (SYNOPSIS and the
 * command's entry).  The row gives the parsing, the --help line and the
 * usage line; tests/cli/main/synopsis.sh checks the usage line against
 * the man page.
 *
 * The help of a table: each row in order, "  LABEL  HELP", the label
 * "-o, --output FILE" (the short letter only when documented), the help
 * text's further lines ('\n') indented to the column; the column is the
 * command's help_width, or the longest label + 2.  A group adds a blank
 * line, its heading and its rows in its own column.
 *
 * The usage line: "cityidx NAME" and the rows' fragments, "[--year
 * YEAR]", "-o FILE" (CLI_OPTF_REQUIRED), "[--alt-impute SPEC]..."
 * (CLI_OPTF_REPEAT), a group's "[METHOD OPTIONS]" (or its rows, with
 * CLI_OPTF_EXPAND), in table order within each `syn` key, the keys in
 * increasing order (the SYNOPSIS order where it differs from the help's).
 */
#ifndef CIDX_CLI_OPT_H
#define CIDX_CLI_OPT_H

#include <stddef.h>
#include <stdio.h>

enum cli_opt_kind {
	CLI_K_END = 0,
	CLI_K_BOOL,      /* no value: int field set to 1 */
	CLI_K_STRING,    /* const char * field */
	CLI_K_LONG,      /* long field, lo..hi, else "expected <what>" */
	CLI_K_INT,       /* int field, lo..hi, else "expected <what>" */
	CLI_K_YEAR,      /* int field, a year 1000..9999 */
	CLI_K_FORMAT,    /* enum cli_format field; val: the CLI_FMTS_* */
	CLI_K_CALLBACK,  /* cb(field, row, value, cmd) */
	CLI_K_HELP,      /* -h, --help: prints the help */
	CLI_K_TEXT,      /* help text printed as it is; no option */
	CLI_K_GROUP,     /* the rows of `group`, their fields at `off` */
	CLI_K_OPERANDS,  /* the operands in the usage line ("FILE...") */
};

/* flags */
#define CLI_OPTF_NOSYN     0x01 /* not in the usage line */
#define CLI_OPTF_NOHELP    0x02 /* not in the help */
#define CLI_OPTF_REQUIRED  0x04 /* the usage line without brackets (the
				   command says what is missing) */
#define CLI_OPTF_REPEAT    0x08 /* "..." in the usage line */
#define CLI_OPTF_EXPAND    0x10 /* a group's rows in the usage line */
#define CLI_OPTF_OPTARG    0x20 /* callback: the value is optional
				   (--treat[=S,K,W]) */
#define CLI_OPTF_NOARG     0x40 /* callback: no value */
#define CLI_OPTF_ALIAS     0x80 /* another name of the row before (hidden) */
#define CLI_OPTF_JOIN     0x100 /* help: one line with the next row's label
				   ("--width W, --height H") */
#define CLI_OPTF_UNDOC_SHORT 0x200 /* the short letter works, undocumented */

/* formats a --format row accepts (its val) */
#define CLI_FMTS_TABLE 0x1
#define CLI_FMTS_CSV   0x2
#define CLI_FMTS_JSON  0x4
#define CLI_FMTS_XLSX  0x8

struct cli_opt;

/* A callback takes the value (NULL: none given) for the field at the
 * row's offset.  @return 0, or an exit status after printing why. */
typedef int (*cli_opt_cb)(void *field, const struct cli_opt *o,
    const char *arg, const char *cmd);

struct cli_optgroup {
	const char *heading;   /* the help's "method (see cityidx(1) ...):" */
	const char *synopsis;  /* "[METHOD OPTIONS]" */
	const struct cli_opt *opts;
	int width;             /* the help's column; 0: longest label + 2 */
};

struct cli_opt {
	enum cli_opt_kind kind;
	const char *name;      /* the long name, without "--" */
	int short_name;        /* 'o', or 0 */
	const char *arg;       /* the value's name: "YEAR", "[=S,K,W]" */
	size_t off;            /* the field, in the struct being filled */
	int val;               /* a callback's code; a format row's formats */
	long lo, hi;           /* CLI_K_LONG, CLI_K_INT */
	const char *what;      /* ... the error's "expected <what>" */
	cli_opt_cb cb;
	const char *help;      /* lines separated by '\n'; the text of a
				  CLI_K_TEXT row */
	const struct cli_optgroup *group;
	int syn;               /* order in the usage line (see above) */
	unsigned flags;
	const char *syn_arg;   /* the value's name in the usage line when it
				  differs from `arg` */
};

#define CLI_OPT_BOOL(n, s, st, f, h) \
	{ .kind = CLI_K_BOOL, .name = (n), .short_name = (s), \
	  .off = offsetof(st, f), .help = (h) }
#define CLI_OPT_STRING(n, s, a, st, f, h) \
	{ .kind = CLI_K_STRING, .name = (n), .short_name = (s), .arg = (a), \
	  .off = offsetof(st, f), .help = (h) }
#define CLI_OPT_LONG(n, a, st, f, l, u, w, h) \
	{ .kind = CLI_K_LONG, .name = (n), .arg = (a), \
	  .off = offsetof(st, f), .lo = (l), .hi = (u), .what = (w), \
	  .help = (h) }
#define CLI_OPT_INT(n, a, st, f, l, u, w, h) \
	{ .kind = CLI_K_INT, .name = (n), .arg = (a), \
	  .off = offsetof(st, f), .lo = (l), .hi = (u), .what = (w), \
	  .help = (h) }
#define CLI_OPT_YEARVAL(n, st, f, h) \
	{ .kind = CLI_K_YEAR, .name = (n), .arg = "YEAR", \
	  .off = offsetof(st, f), .help = (h) }
#define CLI_OPT_FORMAT(st, f, fmts, h) \
	{ .kind = CLI_K_FORMAT, .name = "format", .arg = "FORMAT", \
	  .off = offsetof(st, f), .val = (fmts), .help = (h) }
#define CLI_OPT_CALLBACK(n, a, st, f, fn, v, h) \
	{ .kind = CLI_K_CALLBACK, .name = (n), .arg = (a), \
	  .off = offsetof(st, f), .cb = (fn), .val = (v), .help = (h) }
#define CLI_OPT_HELP \
	{ .kind = CLI_K_HELP, .name = "help", .short_name = 'h', \
	  .help = "show this help", .flags = CLI_OPTF_NOSYN }
#define CLI_OPT_TEXT(t) { .kind = CLI_K_TEXT, .help = (t) }
#define CLI_OPT_GROUP(g, st, f) \
	{ .kind = CLI_K_GROUP, .group = &(g), .off = offsetof(st, f) }
#define CLI_OPT_OPERANDS(a) { .kind = CLI_K_OPERANDS, .arg = (a) }
#define CLI_OPT_END { .kind = CLI_K_END }

/* cli_opt_parse()'s result after --help: the command is done; main()
 * exits with CLI_OK */
#define CLI_HELPED (-1)

/* Told of each option taken, by the name it was given ("?" for a short
 * letter); for what the command checks afterwards (chart). */
typedef void (*cli_opt_seen)(void *base, const struct cli_opt *o,
    const char *name);

/*! cli_opt_parse() :
 *  Parses the options of command `cmd` (its table in cli_cmds[]) into
 *  `base`, with getopt_long: the operands are argv[optind..] after it.
 *  A table without CLI_K_OPERANDS refuses any operand.  @return CLI_OK,
 *  CLI_HELPED after printing the help, or CLI_USAGE after printing the
 *  error and the usage line. */
int cli_opt_parse(const char *cmd, int argc, char **argv, void *base,
    cli_opt_seen seen);

struct cli_cmd;
/* The usage line, without "cityidx ". */
void cli_opt_usage(FILE *fp, const struct cli_cmd *c);
/* "usage: ...", the summary, the option help, the closing line. */
void cli_opt_help(FILE *fp, const struct cli_cmd *c);

#endif
