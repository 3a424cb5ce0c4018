#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/text.h"

const char *cli_db_path;

/*
 * Messages quote what files, workspaces and the command line hold, which
 * could be escape sequences or bytes of another encoding: control
 * characters (C0, DEL, C1) and bytes that are not UTF-8 are shown as
 * \xHH, bidirectional controls as \uHHHH, never sent to the terminal
 * (core/text.h).
 */
static void
put_safe(FILE *fp, const char *fmt, va_list ap)
{
	struct sbuf msg = SBUF_INIT, out = SBUF_INIT;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	cidx_sbuf_grow(&msg, (size_t)n + 1);
	vsnprintf(msg.buf, (size_t)n + 1, fmt, ap);
	msg.len = (size_t)n;
	cidx_text_escape(&out, msg.buf, msg.len);
	fwrite(out.buf, 1, out.len, fp);
	cidx_sbuf_release(&msg);
	cidx_sbuf_release(&out);
}

static void
vreport(const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, stderr);
	put_safe(stderr, fmt, ap);
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

/*
 * The library states facts; what to do about them is the command line's
 * business, so the advice is added here, by error code.
 */
int
cli_error_core(const struct cidx_err *err)
{
	const char *msg = err->msg[0] ? err->msg : "unknown error";

	if (err->code == CIDX_ENOWORKSPACE)
		return cli_error("%s (create one with 'cityidx init "
		    "--framework FILE')", msg);
	return cli_error("%s", msg);
}

int
cli_error_input(const struct cidx_err *err, const char *encoding)
{
	if (err->code != CIDX_EENCODING)
		return cli_error_core(err);
	if (encoding && (strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0))
		return cli_error("%s (try --encoding GB18030)", err->msg);
	return cli_error("%s (try --encoding)", err->msg);
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
	put_safe(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c) {
		fputs("usage: cityidx ", stderr);
		cli_opt_usage(stderr, c);
		fputc('\n', stderr);
	}
	return CLI_USAGE;
}

int
cli_text_option(const char *cmd, const char *opt, const char *s)
{
	size_t bad;
	unsigned long cp;
	char why[64];

	if (cidx_text_utf8_valid(s, strlen(s), &bad) < 0)
		return cli_usage_error(cmd, "%s: not valid UTF-8 (byte %zu)",
		    opt, bad + 1);
	if (cidx_text_check(s, &bad, &cp) == 0)
		return 0;
	cidx_text_what(cp, why, sizeof(why));
	return cli_usage_error(cmd, "%s: %s (byte %zu)", opt, why, bad + 1);
}

void
cli_now_utc(char when[32])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
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
cli_output_check(const char *path)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_ofile_check(path, cli_workspace(), &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cli_output_open(struct cidx_ofile **out, const char *path)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (strcmp(path, "-") == 0) {
		cidx_ofile_stream(out, stdout, "standard output");
		return CLI_OK;
	}
	if (cidx_ofile_open(out, path, cli_workspace(), 0, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cli_output_close(struct cidx_ofile **f, int failed)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (failed) {
		cidx_ofile_abort(f);
		return failed;
	}
	if (cidx_ofile_commit(f, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
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
