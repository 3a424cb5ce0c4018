/*
 * cmd_sql.c - one read-only SQL statement over the workspace, its rows as
 * CSV, TSV, JSON or a table (cityidx(1), COMMANDS, sql).  The query runs on
 * cityidx's own connection (store/query.c), where the values are the
 * table `observations` whatever the schema keeps them in; plain sqlite3(1)
 * can read the other tables, not the values of schema 6.
 *
 * Nothing is written when the query is refused (a syntax error, a write,
 * two statements): those fail before the first row.  CSV and TSV are
 * written as the rows come, after the first MiB; JSON and the table are
 * held whole and written at the end.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"
#include "store/store.h"

enum sql_fmt { SQL_CSV, SQL_TSV, SQL_JSON, SQL_TABLE };

/* CSV and TSV are held until they pass this, then written as they come */
#define SQL_HOLD (1 << 20)

struct sql_opts {
	enum sql_fmt fmt;
};

static int
format_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	static const char *const names[] = { "csv", "tsv", "json", "table" };

	(void)o;
	for (int i = 0; i < 4; i++)
		if (strcmp(arg, names[i]) == 0) {
			*(enum sql_fmt *)field = (enum sql_fmt)i;
			return 0;
		}
	return cli_usage_error(cmd, "--format '%s': expected csv, tsv, json "
	    "or table", arg);
}

/* QUERY last in the usage line (syn 1), its words first in the help */
const struct cli_opt cmd_sql_opts[] = {
	{ .kind = CLI_K_OPERANDS, .arg = "QUERY", .syn = 1 },
	CLI_OPT_TEXT("QUERY: one SQL statement that reads (the values are the "
	    "table\nobservations), or - to read it from standard input\n\n"),
	{ .kind = CLI_K_CALLBACK, .name = "format", .arg = "FORMAT",
	  .syn_arg = "csv|tsv|json|table",
	  .off = offsetof(struct sql_opts, fmt), .cb = format_cb,
	  .help = "csv (default) | tsv | json | table" },
	CLI_OPT_HELP,
	CLI_OPT_END,
};

/* the output being built */
struct sql_out {
	enum sql_fmt fmt;
	FILE *fp;
	size_t ncols;
	struct sbuf hold, line, cell; /* CSV, TSV */
	struct out_table t;           /* table */
	int *text;                    /* table: column c holds text */
	struct cidx_jsonw w;          /* JSON */
	char **name;                  /* JSON: the keys */
	int rows;                     /* JSON: the array is open */
};

/* a blob as x'0a1b' */
static void
blob_text(struct sbuf *sb, const struct cidx_qval *v)
{
	const unsigned char *p = (const unsigned char *)v->s;

	cidx_sbuf_adds(sb, "x'");
	for (size_t i = 0; i < v->len; i++)
		cidx_sbuf_addf(sb, "%02x", p[i]);
	cidx_sbuf_addc(sb, '\'');
}

/* a value as the text formats show it, into sb (reset first); NULL is
 * empty, reals %.17g as rank's CSV prints them (`shortest`: in the
 * shortest form that reads back to them, for the table) */
static void
value_text(struct sbuf *sb, const struct cidx_qval *v, int shortest)
{
	char b[48];

	cidx_sbuf_reset(sb);
	switch (v->type) {
	case CIDX_QINT:
		cidx_sbuf_addf(sb, "%lld", v->i);
		break;
	case CIDX_QREAL:
		if (shortest)
			cidx_num_shortest(b, sizeof(b), v->d);
		else
			cidx_num_fmt(b, sizeof(b), v->d, 17);
		cidx_sbuf_adds(sb, b);
		break;
	case CIDX_QTEXT:
		cidx_sbuf_add(sb, v->s, v->len);
		break;
	case CIDX_QBLOB:
		blob_text(sb, v);
		break;
	default:
		break;
	}
}

/* a CSV field (RFC 4180, out_csv_field()'s text and quoting) */
static void
csv_field(struct sql_out *o, const struct cidx_qval *v)
{
	struct sbuf *line = &o->line;

	if (v->type != CIDX_QTEXT) {
		value_text(&o->cell, v, 0);
		cidx_sbuf_add(line, o->cell.buf, o->cell.len);
		return;
	}
	cidx_sbuf_reset(&o->cell);
	out_cell_text(&o->cell, v->s);
	if (strpbrk(o->cell.buf, ",\"\r\n") == NULL) {
		cidx_sbuf_add(line, o->cell.buf, o->cell.len);
		return;
	}
	cidx_sbuf_addc(line, '"');
	for (const char *q = o->cell.buf; *q; q++) {
		if (*q == '"')
			cidx_sbuf_addc(line, '"');
		cidx_sbuf_addc(line, *q);
	}
	cidx_sbuf_addc(line, '"');
}

/* a TSV field: the text as CSV shows it, unquoted; a tab or a line break
 * in it is an error */
static int
tsv_field(struct sql_out *o, const struct cidx_qval *v, long long row,
    size_t col, const char *name, struct cidx_err *err)
{
	value_text(&o->cell, v, 0);
	if (v->type == CIDX_QTEXT && strpbrk(o->cell.buf, "\t\r\n"))
		return cidx_err_set(err, CIDX_EINVAL, "sql: row %lld, column "
		    "%zu (%s): a tab or line break in the text, which TSV "
		    "cannot hold: use --format csv or json", row, col + 1,
		    name);
	if (v->type == CIDX_QTEXT)
		out_cell_text(&o->line, o->cell.buf);
	else
		cidx_sbuf_add(&o->line, o->cell.buf, o->cell.len);
	return 0;
}

/* the line into the held text, which is written once it is large */
static void
put_line(struct sql_out *o)
{
	cidx_sbuf_addc(&o->line, '\n');
	cidx_sbuf_add(&o->hold, o->line.buf, o->line.len);
	cidx_sbuf_reset(&o->line);
	if (o->hold.len >= SQL_HOLD) {
		fwrite(o->hold.buf, 1, o->hold.len, o->fp);
		cidx_sbuf_reset(&o->hold);
	}
}

/* a header or row of CSV or TSV */
static int
delimited_row(struct sql_out *o, long long row, const struct cidx_qval *v,
    size_t n, struct cidx_err *err)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			cidx_sbuf_addc(&o->line, o->fmt == SQL_TSV ? '\t' : ',');
		if (o->fmt == SQL_CSV)
			csv_field(o, &v[c]);
		else if (tsv_field(o, &v[c], row, c, o->name[c], err) < 0)
			return CIDX_EINVAL;
	}
	put_line(o);
	return 0;
}

static void
table_row(struct sql_out *o, long long row, const struct cidx_qval *v,
    size_t n)
{
	struct sbuf *cell = cidx_xcalloc(n ? n : 1, sizeof(*cell));
	const char **cells = cidx_xcalloc(n ? n : 1, sizeof(*cells));

	for (size_t c = 0; c < n; c++) {
		cell[c] = (struct sbuf)SBUF_INIT;
		value_text(&cell[c], &v[c], 1);
		cells[c] = cell[c].buf;
		if (row > 0 && (v[c].type == CIDX_QTEXT ||
		    v[c].type == CIDX_QBLOB))
			o->text[c] = 1;
	}
	out_table_add(&o->t, cells);
	for (size_t c = 0; c < n; c++)
		cidx_sbuf_release(&cell[c]);
	free(cell);
	free(cells);
}

static void
json_row(struct sql_out *o, const struct cidx_qval *v, size_t n)
{
	struct cidx_jsonw *w = &o->w;

	if (!o->rows)
		cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	o->rows = 1;
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	for (size_t c = 0; c < n; c++) {
		cidx_jsonw_key(w, o->name[c]);
		switch (v[c].type) {
		case CIDX_QINT:
			cidx_jsonw_int(w, v[c].i);
			break;
		case CIDX_QREAL:
			cidx_jsonw_number17(w, v[c].d);
			break;
		case CIDX_QTEXT:
			cidx_jsonw_string(w, v[c].s);
			break;
		case CIDX_QBLOB:
			value_text(&o->cell, &v[c], 0);
			cidx_jsonw_string(w, o->cell.buf);
			break;
		default:
			cidx_jsonw_null(w);
			break;
		}
	}
	cidx_jsonw_end_object(w);
}

/* row 0: the names, kept; JSON needs them told apart */
static int
start(struct sql_out *o, const struct cidx_qval *v, size_t n,
    struct cidx_err *err)
{
	o->ncols = n;
	o->name = cidx_xcalloc(n ? n : 1, sizeof(*o->name));
	for (size_t c = 0; c < n; c++) {
		o->name[c] = cidx_xstrdup(v[c].s);
		for (size_t k = 0; o->fmt == SQL_JSON && k < c; k++)
			if (strcmp(o->name[k], o->name[c]) == 0)
				return cidx_err_set(err, CIDX_EINVAL, "sql: "
				    "columns %zu and %zu are both named '%s', "
				    "which JSON cannot tell apart: name them "
				    "with AS", k + 1, c + 1, o->name[c]);
	}
	if (o->fmt == SQL_TABLE) {
		out_table_init(&o->t, n);
		o->text = cidx_xcalloc(n ? n : 1, sizeof(*o->text));
	}
	return 0;
}

/* cidx_query_row_fn: each row into the output */
static int
on_row(void *ctx, long long row, const struct cidx_qval *v, size_t n,
    struct cidx_err *err)
{
	struct sql_out *o = ctx;
	int ret;

	if (row == 0 && (ret = start(o, v, n, err)) < 0)
		return ret;
	switch (o->fmt) {
	case SQL_CSV:
	case SQL_TSV:
		return delimited_row(o, row, v, n, err);
	case SQL_TABLE:
		table_row(o, row, v, n);
		return 0;
	case SQL_JSON:
		if (row > 0)
			json_row(o, v, n);
		return 0;
	}
	return 0;
}

/* the end of a query that ran: what is held, written */
static int
finish(struct sql_out *o)
{
	switch (o->fmt) {
	case SQL_CSV:
	case SQL_TSV:
		fwrite(o->hold.buf, 1, o->hold.len, o->fp);
		return CLI_OK;
	case SQL_TABLE:
		for (size_t c = 0; c < o->ncols; c++)
			out_table_set_right(&o->t, c, !o->text[c]);
		out_table_print(o->fp, &o->t);
		return CLI_OK;
	case SQL_JSON:
		if (!o->rows) /* no row: [] */
			cidx_jsonw_begin_array(&o->w, CIDX_JSONW_INLINE);
		cidx_jsonw_end_array(&o->w);
		return out_json_end(&o->w);
	}
	return CLI_OK;
}

static void
release(struct sql_out *o)
{
	cidx_sbuf_release(&o->hold);
	cidx_sbuf_release(&o->line);
	cidx_sbuf_release(&o->cell);
	if (o->fmt == SQL_TABLE && o->name)
		out_table_release(&o->t);
	if (o->fmt == SQL_JSON)
		cidx_jsonw_release(&o->w);
	for (size_t c = 0; o->name && c < o->ncols; c++)
		free(o->name[c]);
	free(o->name);
	free(o->text);
}

/* the query: the operand, or standard input for "-" */
static int
read_query(const char *arg, char **out)
{
	struct sbuf sb = SBUF_INIT;
	char buf[8192];
	size_t n;

	if (strcmp(arg, "-") != 0) {
		*out = cidx_xstrdup(arg);
		return CLI_OK;
	}
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		cidx_sbuf_add(&sb, buf, n);
	if (ferror(stdin) || strlen(sb.buf) != sb.len) {
		fprintf(stderr, "cityidx sql: standard input: %s\n",
		    ferror(stdin) ? "read error" : "a NUL byte in the query");
		cidx_sbuf_release(&sb);
		return CLI_ERROR;
	}
	*out = cidx_sbuf_detach(&sb);
	return CLI_OK;
}

/* "cityidx sql: MESSAGE" for the query's own errors, which say "sql: " */
static int
query_error(const struct cidx_err *err)
{
	if (strncmp(err->msg, "sql: ", 5) == 0) {
		fprintf(stderr, "cityidx %s\n", out_text(err->msg));
		return CLI_ERROR;
	}
	return cli_error_core(err);
}

int
cmd_sql(int argc, char **argv)
{
	struct sql_opts opt = { SQL_CSV };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_ofile *of = NULL;
	struct sql_out o;
	char *sql = NULL;
	int ret;

	memset(&o, 0, sizeof(o));
	if ((ret = cli_opt_parse("sql", argc, argv, &opt, NULL)) != CLI_OK)
		return ret;
	if (optind + 1 != argc)
		return cli_usage_error("sql", optind >= argc ? "no QUERY given" :
		    "one QUERY only (quote it as one argument)");
	if ((ret = read_query(argv[optind], &sql)) != CLI_OK)
		return ret;
	o.fmt = opt.fmt;
	o.hold = o.line = o.cell = (struct sbuf)SBUF_INIT;
	if (o.fmt == SQL_JSON)
		cidx_jsonw_init(&o.w, stdout);
	if (cidx_store_open(&st, cli_workspace(), 0, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	if ((ret = cli_output_open(&of, "-")) != CLI_OK)
		goto out;
	o.fp = cidx_ofile_fp(of);
	if (cidx_store_query(st, sql, on_row, &o, &err) < 0)
		ret = query_error(&err);
	else
		ret = finish(&o);
	ret = cli_output_close(&of, ret);
out:
	release(&o);
	cidx_store_close(st);
	free(sql);
	return ret;
}
