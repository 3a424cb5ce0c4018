/*
 * cmd_imports.c - the import log: every import that changed something and
 * every removal, oldest first, so that a mistake can be found and taken
 * back out with 'cityidx remove --import ID'.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "store/store.h"

const struct cli_opt cmd_imports_opts[] = {
	{ .kind = CLI_K_FORMAT, .name = "format", .short_name = 'f',
	  .arg = "FORMAT", .off = 0, .val = CLI_FMTS_TABLE | CLI_FMTS_CSV |
	  CLI_FMTS_JSON, .flags = CLI_OPTF_UNDOC_SHORT,
	  .help = "table (default) | csv | json" },
	CLI_OPT_HELP,
	CLI_OPT_END,
};

/* the columns: text, or a count (a number in JSON) */
static const struct {
	const char *name;
	int count;
} cols[] = {
	{ "id", 1 }, { "time", 0 }, { "kind", 0 }, { "file", 0 },
	{ "layout", 0 }, { "encoding", 0 }, { "rows", 1 },
	{ "values_new", 1 }, { "values_changed", 1 },
	{ "values_removed", 1 }, { "values_unchanged", 1 },
	{ "units_new", 1 }, { "units_changed", 1 }, { "units_removed", 1 }
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

/* the fields of an entry in the order of cols[]: the text of a text
 * column, the number of a count */
static void
fields(const struct cidx_log_entry *e, const char **text, long long *count)
{
	const long v[] = { e->rows, e->values_new, e->values_changed,
		e->values_removed, e->values_unchanged, e->units_new,
		e->units_changed, e->units_removed };

	count[0] = e->id;
	text[1] = e->time;
	text[2] = e->kind;
	text[3] = e->file;
	text[4] = e->layout;
	text[5] = e->encoding;
	for (size_t k = 0; k < 8; k++)
		count[6 + k] = v[k];
}

/* the fields of an entry as text */
static void
fields_text(const struct cidx_log_entry *e, char num[][24], const char **f)
{
	long long count[NCOLS];

	fields(e, f, count);
	for (size_t c = 0; c < NCOLS; c++)
		if (cols[c].count) {
			snprintf(num[c], 24, "%lld", count[c]);
			f[c] = num[c];
		}
}

static void
print_table(const struct cidx_log_entry *e, size_t n)
{
	/* the table leaves out the encoding and the unchanged values */
	static const char *const th[] = { "id", "time", "kind", "file",
		"layout", "rows", "new", "changed", "removed", "units+",
		"units~", "units-" };
	static const size_t from[] = { 0, 1, 2, 3, 4, 6, 7, 8, 9, 11, 12,
		13 };
	struct out_table t;

	out_table_init(&t, 12);
	for (size_t c = 5; c < 12; c++)
		out_table_set_right(&t, c, 1);
	out_table_set_right(&t, 0, 1);
	out_table_add(&t, th);
	for (size_t i = 0; i < n; i++) {
		char num[NCOLS][24];
		const char *f[NCOLS], *cells[12];

		fields_text(&e[i], num, f);
		for (size_t c = 0; c < 12; c++)
			cells[c] = f[from[c]];
		out_table_add(&t, cells);
	}
	out_table_print(stdout, &t);
	out_table_release(&t);
}

static void
print_csv(const struct cidx_log_entry *e, size_t n)
{
	for (size_t c = 0; c < NCOLS; c++)
		printf("%s%s", c ? "," : "", cols[c].name);
	putchar('\n');
	for (size_t i = 0; i < n; i++) {
		char num[NCOLS][24];
		const char *f[NCOLS];

		fields_text(&e[i], num, f);
		for (size_t c = 0; c < NCOLS; c++) {
			if (c)
				putchar(',');
			out_csv_field(stdout, f[c]);
		}
		putchar('\n');
	}
}

static int
print_json(const char *ws, const struct cidx_log_entry *e, size_t n)
{
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, stdout);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "workspace");
	cidx_jsonw_string(&w, ws);
	cidx_jsonw_key(&w, "imports");
	/* an empty log is [] */
	cidx_jsonw_begin_array(&w, n ? CIDX_JSONW_LINES : CIDX_JSONW_INLINE);
	for (size_t i = 0; i < n; i++) {
		const char *text[NCOLS];
		long long count[NCOLS];

		fields(&e[i], text, count);
		cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
		for (size_t c = 0; c < NCOLS; c++) {
			cidx_jsonw_key(&w, cols[c].name);
			if (cols[c].count)
				cidx_jsonw_int(&w, count[c]);
			else
				cidx_jsonw_string(&w, text[c]);
		}
		cidx_jsonw_end_object(&w);
	}
	cidx_jsonw_end_array(&w);
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}

int
cmd_imports(int argc, char **argv)
{
	enum cli_format fmt = CLI_FMT_TABLE;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	struct cidx_log_entry *e = NULL;
	size_t n = 0;
	int ret;

	if ((ret = cli_opt_parse("imports", argc, argv, &fmt, NULL)) !=
	    CLI_OK)
		return ret;
	if (cidx_store_open(&st, cli_workspace(), 0, &err) < 0 ||
	    cidx_store_snapshot(st, &err) < 0 ||
	    cidx_store_log(st, &e, &n, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	if (fmt == CLI_FMT_CSV)
		print_csv(e, n);
	else if (fmt == CLI_FMT_JSON)
		ret = print_json(cli_workspace(), e, n);
	else
		print_table(e, n);
out:
	cidx_store_log_free(e, n);
	cidx_store_close(st);
	return ret;
}
