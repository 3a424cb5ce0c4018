#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/num.h"

const char *cli_db_path;

static void
vreport(const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("cityidx: ", fmt, ap);
	va_end(ap);
	return CLI_ERROR;
}

int
cli_error_core(const struct cidx_err *err)
{
	return cli_error("%s", err->msg[0] ? err->msg : "unknown error");
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("cityidx: warning: ", fmt, ap);
	va_end(ap);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct cli_cmd *c = cli_find(cmd);
	va_list ap;

	fprintf(stderr, "cityidx %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, "usage: cityidx %s\n", c->usage);
	return CLI_USAGE;
}

void
cli_print_help(FILE *fp, const char *cmd, const char *options)
{
	const struct cli_cmd *c = cli_find(cmd);

	if (c) {
		fprintf(fp, "usage: cityidx %s\n\n%s\n", c->usage, c->summary);
	}
	if (options && *options)
		fprintf(fp, "\n%s", options);
	fprintf(fp, "\nSee cityidx(1) for the formulas.\n");
}

const char *
cli_workspace(void)
{
	const char *e;

	if (cli_db_path)
		return cli_db_path;
	e = getenv("CITYIDX_DB");
	if (e && *e)
		return e;
	return "cityidx.db";
}

int
cli_parse_long(const char *s, long lo, long hi, long *out)
{
	return cidx_num_parse_int(s, lo, hi, out) < 0 ? -1 : 0;
}

int
cli_parse_format(const char *s, enum cli_format *out)
{
	if (strcmp(s, "table") == 0)
		*out = CLI_FMT_TABLE;
	else if (strcmp(s, "csv") == 0)
		*out = CLI_FMT_CSV;
	else if (strcmp(s, "json") == 0)
		*out = CLI_FMT_JSON;
	else if (strcmp(s, "xlsx") == 0)
		*out = CLI_FMT_XLSX;
	else
		return -1;
	return 0;
}
