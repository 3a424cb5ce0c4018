/*
 * cmd_coupling.c - the coupling coordination degree of a year's units
 * over their pillars, or the nodes --of names (calc/coupling.h;
 * cityidx(1), METHOD, Coupling coordination), as the ws layer computes it
 * (ws/coupling.h): the scores are rank's, with the METHOD OPTIONS.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/coupling.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/out.h"
#include "core/jsonwriter.h"
#include "cli/yearopt.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/coupling.h"

static const char options[] =
    "  --year YEAR      year (default: the latest with data)\n"
    "  --of LIST        the subsystems: pillar (node) codes, comma-separated\n"
    "                   (default: every pillar with data)\n"
    "  --format FORMAT  table (default) | csv | json\n"
    "  -h, --help       show this help\n" CLI_METHOD_HELP;

static void
fmt(char *b, size_t n, double x, int table)
{
	if (isnan(x))
		b[0] = '\0';
	else if (table)
		cidx_num_fmt_fixed(b, n, x, 4);
	else
		cidx_num_fmt(b, n, x, 17);
}

/* the ranked units without a score for some subsystem: skipped, said
 * after the table or on standard error */
static void
skipped(enum cli_format f, const struct cidx_ws_coupling_row *rows,
    size_t nr, const struct cidx_dataset *ds)
{
	struct sbuf sb = SBUF_INIT;

	for (size_t p = 0; p < nr; p++)
		if (rows[p].grade < 0)
			cidx_sbuf_addf(&sb, " %s", ds->unit[rows[p].unit].code);
	if (sb.len && f == CLI_FMT_TABLE)
		printf("\nnot computed (no score for a subsystem):%s\n",
		    out_text(sb.buf));
	else if (sb.len)
		cli_warn("not computed (no score for a subsystem):%s",
		    out_text(sb.buf));
	cidx_sbuf_release(&sb);
}

static const char *
unit_name(const struct cidx_unit *u)
{
	return u->name ? u->name : u->name_en ? u->name_en : "";
}

/* the JSON document (cityidx(1), OUTPUT FORMATS, coupling) */
static int
print_json(struct cli_engine *e, int year, const size_t *sub, size_t n,
    const struct cidx_ws_coupling_row *rows, size_t nr,
    const struct cidx_dataset *ds)
{
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, stdout);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "coupling");
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, year);
	cidx_jsonw_key(&w, "of");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_INLINE);
	for (size_t k = 0; k < n; k++)
		cidx_jsonw_string(&w, e->fw->node[sub[k]].code);
	cidx_jsonw_end_array(&w);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(e, &w, year, NULL, 0, 0);
	cidx_jsonw_key(&w, "units");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	for (size_t p = 0; p < nr; p++) {
		const struct cidx_ws_coupling_row *r = &rows[p];
		const struct cidx_unit *u = &ds->unit[r->unit];

		if (r->grade < 0)
			continue;
		cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(&w, "code");
		cidx_jsonw_string(&w, u->code);
		cidx_jsonw_key(&w, "name");
		cidx_jsonw_string(&w, unit_name(u));
		cidx_jsonw_key(&w, "C");
		cidx_jsonw_number17(&w, r->c);
		cidx_jsonw_key(&w, "T");
		cidx_jsonw_number17(&w, r->t);
		cidx_jsonw_key(&w, "D");
		cidx_jsonw_number17(&w, r->d);
		cidx_jsonw_key(&w, "grade");
		cidx_jsonw_string(&w, cidx_coupling_grade_name(r->grade, 1));
		cidx_jsonw_key(&w, "grade_en");
		cidx_jsonw_string(&w, cidx_coupling_grade_name(r->grade, 0));
		cidx_jsonw_key(&w, "level");
		cidx_jsonw_int(&w, r->grade);
		cidx_jsonw_end_object(&w);
	}
	cidx_jsonw_end_array(&w);
	cidx_jsonw_end_object(&w);
	skipped(CLI_FMT_JSON, rows, nr, ds);
	return out_json_end(&w);
}

static int
print(enum cli_format f, struct cli_engine *e, int year, const size_t *sub,
    size_t n, const struct cidx_ws_coupling_row *rows, size_t nr,
    const struct cidx_dataset *ds)
{
	const char *head[] = { "code", "name", "C", "T", "D", "grade",
		"grade_en" };
	struct out_table t;
	struct sbuf sb = SBUF_INIT;

	if (f == CLI_FMT_JSON)
		return print_json(e, year, sub, n, rows, nr, ds);
	if (f == CLI_FMT_CSV) {
		printf("code,name,C,T,D,grade\n");
	} else {
		cli_engine_describe(e, &sb);
		printf("cityidx coupling: year %d, subsystems", year);
		for (size_t k = 0; k < n; k++)
			printf("%s%s", k ? ", " : " ",
			    out_text(e->fw->node[sub[k]].code));
		printf("\nmethod: %s\n\n", out_text(sb.buf));
		cidx_sbuf_release(&sb);
		out_table_init(&t, 7);
		for (size_t q = 2; q < 5; q++)
			out_table_set_right(&t, q, 1);
		out_table_add(&t, head);
	}
	for (size_t p = 0; p < nr; p++) {
		const struct cidx_ws_coupling_row *w = &rows[p];
		const struct cidx_unit *u = &ds->unit[w->unit];

		const char *name = unit_name(u);
		char b[3][40];
		const char *cells[7];

		if (w->grade < 0)
			continue;
		fmt(b[0], sizeof(b[0]), w->c, f == CLI_FMT_TABLE);
		fmt(b[1], sizeof(b[1]), w->t, f == CLI_FMT_TABLE);
		fmt(b[2], sizeof(b[2]), w->d, f == CLI_FMT_TABLE);
		if (f == CLI_FMT_CSV) {
			out_csv_field(stdout, u->code);
			fputc(',', stdout);
			out_csv_field(stdout, name);
			printf(",%s,%s,%s,", b[0], b[1], b[2]);
			out_csv_field(stdout, cidx_coupling_grade_name(w->grade,
			    1));
			fputc('\n', stdout);
		} else {
			cells[0] = u->code;
			cells[1] = name;
			cells[2] = b[0];
			cells[3] = b[1];
			cells[4] = b[2];
			cells[5] = cidx_coupling_grade_name(w->grade, 1);
			cells[6] = cidx_coupling_grade_name(w->grade, 0);
			out_table_add(&t, cells);
		}
	}
	skipped(f, rows, nr, ds);
	if (f == CLI_FMT_TABLE) {
		out_table_print(stdout, &t);
		out_table_release(&t);
		printf("\nU = score / 100 of each subsystem; C = n (prod U)^(1/n) "
		    "/ sum U, T = mean U,\nD = sqrt(C T); the grade by D in "
		    "tenths (0-0.1 极度失调 ... 0.9-1 优质协调).\n");
	}
	return CLI_OK;
}

static int
parse(int argc, char **argv, struct cli_year_opts *y,
    struct cli_method_opts *mo, enum cli_format *f, const char **of)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "of", required_argument, NULL, 'O' },
		CLI_OPT_YEAR,
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int ch, r;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_parse_format(optarg, f) < 0 ||
			    *f == CLI_FMT_XLSX)
				return cli_usage_error("coupling", "--format "
				    "'%s': expected table, csv or json",
				    optarg);
			break;
		case 'h':
			cli_print_help(stdout, "coupling", options);
			return -1;
		case 'O':
			*of = optarg;
			break;
		case ':':
			return cli_usage_error("coupling", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			if ((r = cli_year_option(y, ch, optarg,
			    "coupling")) == 1 || (r == 0 &&
			    (r = cli_method_option(mo, ch, optarg,
			    "coupling")) == 1))
				break;
			return r ? r : cli_usage_error("coupling",
			    "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("coupling", "unexpected argument '%s'",
		    argv[optind]);
	return CLI_OK;
}

int
cmd_coupling(int argc, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_coupling_opts co = CIDX_WS_COUPLING_OPTS_INIT;
	struct cidx_ws_coupling cp;
	struct cli_method_opts mo;
	struct cli_engine e;
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	enum cli_format f = CLI_FMT_TABLE;
	const char *of = NULL;
	int ret;

	cli_method_opts_init(&mo);
	memset(&e, 0, sizeof(e));
	memset(&cp, 0, sizeof(cp));
	if ((ret = parse(argc, argv, &y, &mo, &f, &of)) != CLI_OK) {
		ret = ret < 0 ? CLI_OK : ret;
		goto out;
	}
	co.year = y.year;
	co.of = of;
	if ((ret = cli_engine_open(&e, &mo)) != CLI_OK)
		goto out;
	if (cidx_ws_coupling(&cp, e.ws, &co, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	ret = print(f, &e, cp.year, cp.sub, cp.n_sub, cp.rows, cp.n_rows,
	    cp.ds);
out:
	cidx_ws_coupling_release(&cp);
	cli_engine_close(&e);
	cli_method_opts_release(&mo);
	return ret;
}
