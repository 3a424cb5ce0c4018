/*
 * cmd_coupling.c - the coupling coordination degree of a year's units
 * over their pillars, or the nodes --of names (calc/coupling.h;
 * cityidx(1), METHOD, Coupling coordination), as the ws layer computes it
 * (ws/couplingyear.h): the scores are rank's, with the METHOD OPTIONS.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/coupling.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "cli/yearopt.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/couplingyear.h"

struct coupling_opts {
	struct cli_year_opts y;
	const char *of;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

#define O struct coupling_opts
const struct cli_opt cmd_coupling_opts[] = {
	CLI_OPT_YEAR(O, y, "year (default: the latest with data)"),
	CLI_OPT_STRING("of", 0, "LIST", O, of, "the subsystems: pillar (node) "
	    "codes, comma-separated\n(default: every pillar with data)"),
	CLI_OPT_FORMAT(O, fmt, CLI_FMTS_TABLE | CLI_FMTS_CSV | CLI_FMTS_JSON,
	    "table (default) | csv | json"),
	CLI_OPT_HELP,
	CLI_OPT_GROUP(cli_method_group, O, mo),
	CLI_OPT_END,
};
#undef O

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

/* the table's header lines and column titles */
static void
table_head(struct out_table *t, struct cli_engine *e, int year,
    const size_t *sub, size_t n)
{
	const char *head[] = { "code", "name", "C", "T", "D", "grade",
		"grade_en" };
	struct sbuf sb = SBUF_INIT;

	cli_engine_describe(e, &sb);
	printf("cityidx coupling: year %d, subsystems", year);
	for (size_t k = 0; k < n; k++)
		printf("%s%s", k ? ", " : " ",
		    out_text(e->fw->node[sub[k]].code));
	printf("\nmethod: %s\n\n", out_text(sb.buf));
	cidx_sbuf_release(&sb);
	out_table_init(t, 7);
	for (size_t q = 2; q < 5; q++)
		out_table_set_right(t, q, 1);
	out_table_add(t, head);
}

/* one unit: a CSV line, or a row of the table */
static void
print_row(enum cli_format f, const struct cidx_ws_coupling_row *w,
    const struct cidx_unit *u, struct out_table *t)
{
	const char *name = unit_name(u);
	char b[3][40];
	const char *cells[7];

	fmt(b[0], sizeof(b[0]), w->c, f == CLI_FMT_TABLE);
	fmt(b[1], sizeof(b[1]), w->t, f == CLI_FMT_TABLE);
	fmt(b[2], sizeof(b[2]), w->d, f == CLI_FMT_TABLE);
	if (f == CLI_FMT_CSV) {
		out_csv_field(stdout, u->code);
		fputc(',', stdout);
		out_csv_field(stdout, name);
		printf(",%s,%s,%s,", b[0], b[1], b[2]);
		out_csv_field(stdout, cidx_coupling_grade_name(w->grade, 1));
		fputc('\n', stdout);
		return;
	}
	cells[0] = u->code;
	cells[1] = name;
	cells[2] = b[0];
	cells[3] = b[1];
	cells[4] = b[2];
	cells[5] = cidx_coupling_grade_name(w->grade, 1);
	cells[6] = cidx_coupling_grade_name(w->grade, 0);
	out_table_add(t, cells);
}

static int
print(enum cli_format f, struct cli_engine *e, int year, const size_t *sub,
    size_t n, const struct cidx_ws_coupling_row *rows, size_t nr,
    const struct cidx_dataset *ds)
{
	struct out_table t;

	if (f == CLI_FMT_JSON)
		return print_json(e, year, sub, n, rows, nr, ds);
	if (f == CLI_FMT_CSV)
		printf("code,name,C,T,D,grade\n");
	else
		table_head(&t, e, year, sub, n);
	for (size_t p = 0; p < nr; p++)
		if (rows[p].grade >= 0)
			print_row(f, &rows[p], &ds->unit[rows[p].unit], &t);
	skipped(f, rows, nr, ds);
	if (f == CLI_FMT_TABLE) {
		out_table_print(stdout, &t);
		out_table_release(&t);
		printf("\n%s\n", cidx_coupling_formula);
	}
	return CLI_OK;
}

int
cmd_coupling(int argc, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_coupling_opts co = CIDX_WS_COUPLING_OPTS_INIT;
	struct cidx_ws_coupling cp;
	struct coupling_opts o;
	struct cli_engine e;
	int ret;

	memset(&o, 0, sizeof(o));
	o.y = (struct cli_year_opts)CLI_YEAR_OPTS_INIT;
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	memset(&e, 0, sizeof(e));
	memset(&cp, 0, sizeof(cp));
	if ((ret = cli_opt_parse("coupling", argc, argv, &o, NULL)) != CLI_OK)
		goto out;
	co.year = o.y.year;
	co.of = o.of;
	if ((ret = cli_engine_open(&e, &o.mo)) != CLI_OK)
		goto out;
	if (cidx_ws_coupling(&cp, e.ws, &co, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	ret = print(o.fmt, &e, cp.year, cp.sub, cp.n_sub, cp.rows, cp.n_rows,
	    cp.ds);
out:
	cidx_ws_coupling_release(&cp);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	return ret;
}
