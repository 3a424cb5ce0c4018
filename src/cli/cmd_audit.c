/*
 * cmd_audit.c - prints the statistical audit of an index (calc/audit.h;
 * cityidx(1), METHOD, Audit statistics).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/yearopt.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"

struct audit_opts {
	struct cli_year_opts y;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

#define O struct audit_opts
const struct cli_opt cmd_audit_opts[] = {
	CLI_OPT_YEAR(O, y, "year to audit (default: the latest)"),
	CLI_OPT_FORMAT(O, fmt, CLI_FMTS_TABLE | CLI_FMTS_CSV | CLI_FMTS_JSON,
	    "table (default) | csv | json"),
	CLI_OPT_HELP,
	CLI_OPT_GROUP(cli_method_group, O, mo),
	CLI_OPT_END,
};
#undef O

static void
num(char *buf, size_t n, double x, int table)
{
	if (table)
		cidx_num_fmt_fixed(buf, n, x, 3);
	else
		cidx_num_fmt(buf, n, x, 17);
}

/* the columns, and what each holds: JSON writes them by kind */
enum col_kind { COL_TEXT, COL_INT, COL_NUM };

static const struct {
	const char *name;
	enum col_kind kind;
} cols[] = {
	{ "code", COL_TEXT }, { "parent", COL_TEXT }, { "level", COL_INT },
	{ "n", COL_INT }, { "na_share", COL_NUM }, { "mean", COL_NUM },
	{ "sd", COL_NUM }, { "min", COL_NUM }, { "max", COL_NUM },
	{ "skew", COL_NUM }, { "kurt", COL_NUM }, { "outlier", COL_TEXT },
	{ "r_parent", COL_NUM }, { "rho_parent", COL_NUM },
	{ "r_index", COL_NUM }, { "rho_index", COL_NUM },
	{ "alpha", COL_NUM }, { "pc1_share", COL_NUM }, { "flag", COL_TEXT },
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

/* a cell: absent (empty in the table and CSV, null in JSON), or a value
 * of its column's kind (a NaN number is absent too) */
struct cell {
	int absent;
	const char *text;
	long long i;
	double x;
};

/* the cells of a row; the statistics only for indicators */
static void
row_cells(const struct cidx_framework *fw, const struct cidx_audit_row *w,
    struct cell *c)
{
	const struct cidx_node *nd = &fw->node[w->node];
	int ind = nd->type == CIDX_NODE_INDICATOR;
	const double v[] = { w->na_share, w->sum.mean, w->sum.sd, w->sum.min,
		w->sum.max, w->sum.skew, w->sum.kurt, 0, w->r_parent,
		w->rho_parent, w->r_index, w->rho_index, w->alpha, w->pc1 };

	memset(c, 0, NCOLS * sizeof(*c));
	c[0].text = nd->code;
	c[1].text = nd->parent;
	c[1].absent = nd->parent == NULL;
	c[2].i = nd->level;
	c[3].i = (long long)w->sum.n;
	c[3].absent = !ind;
	for (size_t q = 4; q < 18; q++) {
		c[q].x = v[q - 4];
		c[q].absent = q <= 10 && !ind;
	}
	c[11].text = w->outlier ? "yes" : "no";
	c[11].absent = !ind;
	c[18].text = "negative-with-parent";
	c[18].absent = !w->negative;
}

/* the cells as text, for the table (3 decimals) or CSV (%.17g) */
static void
cells(const struct cidx_framework *fw, const struct cidx_audit_row *w, int table,
    char (*b)[40], const char **c)
{
	struct cell v[NCOLS];

	row_cells(fw, w, v);
	for (size_t q = 0; q < NCOLS; q++) {
		c[q] = b[q];
		b[q][0] = '\0';
		if (v[q].absent)
			continue;
		if (cols[q].kind == COL_TEXT)
			c[q] = v[q].text;
		else if (cols[q].kind == COL_INT)
			snprintf(b[q], sizeof(b[q]), "%lld", v[q].i);
		else
			num(b[q], sizeof(b[q]), v[q].x, table);
	}
}

static int
print_json(struct cli_engine *e, int year, const struct cidx_dataset *ds,
    const struct cidx_audit_row *rows)
{
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, stdout);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "audit");
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, year);
	cidx_jsonw_key(&w, "units");
	cidx_jsonw_uint(&w, ds->n_units);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(e, &w, year, NULL, 0, 0);
	cidx_jsonw_key(&w, "nodes");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	for (size_t k = 0; k < e->fw->n; k++) {
		struct cell c[NCOLS];

		if (e->fw->node[k].level == 0)
			continue;
		row_cells(e->fw, &rows[k], c);
		cidx_jsonw_begin_object(&w, CIDX_JSONW_INLINE);
		for (size_t q = 0; q < NCOLS; q++) {
			cidx_jsonw_key(&w, cols[q].name);
			if (c[q].absent)
				cidx_jsonw_null(&w);
			else if (cols[q].kind == COL_TEXT)
				cidx_jsonw_string(&w, c[q].text);
			else if (cols[q].kind == COL_INT)
				cidx_jsonw_int(&w, c[q].i);
			else
				cidx_jsonw_number17(&w, c[q].x);
		}
		cidx_jsonw_end_object(&w);
	}
	cidx_jsonw_end_array(&w);
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}

/* the CSV: a header and a row per node */
static void
print_csv(const struct cidx_framework *fw, const struct cidx_audit_row *rows)
{
	for (size_t q = 0; q < NCOLS; q++)
		printf("%s%s", q ? "," : "", cols[q].name);
	printf("\n");
	for (size_t k = 0; k < fw->n; k++) {
		char b[NCOLS][40];
		const char *c[NCOLS];

		if (fw->node[k].level == 0)
			continue;
		cells(fw, &rows[k], 0, b, c);
		for (size_t q = 0; q < NCOLS; q++) {
			if (q)
				fputc(',', stdout);
			out_csv_field(stdout, c[q]);
		}
		printf("\n");
	}
}

/* the table's rows, top-down so each group follows its parent;
 * @return the nodes flagged */
static size_t
table_rows(struct out_table *t, const struct cidx_framework *fw,
    const struct cidx_audit_row *rows)
{
	size_t nflag = 0;

	for (int lv = fw->top_level; lv >= 1; lv--)
		for (size_t k = 0; k < fw->n; k++) {
			char b[NCOLS][40];
			const char *c[NCOLS];

			if (fw->node[k].level != lv)
				continue;
			cells(fw, &rows[k], 1, b, c);
			out_table_add(t, c);
			nflag += rows[k].negative;
		}
	return nflag;
}

static void
print_table(struct cli_engine *e, int year, const struct cidx_dataset *ds,
    const struct cidx_audit_row *rows)
{
	const struct cidx_method *m = cidx_engine_method(e->eng);
	struct out_table t;
	struct sbuf sb = SBUF_INIT;
	const char *head[NCOLS];
	size_t nflag;

	cli_engine_describe(e, &sb);
	printf("cityidx audit: year %d, %zu units\nmethod: %s\n\n",
	    year, ds->n_units, out_text(sb.buf));
	cidx_sbuf_release(&sb);
	out_table_init(&t, NCOLS);
	for (size_t q = 0; q < NCOLS; q++) {
		out_table_set_right(&t, q, cols[q].kind != COL_TEXT);
		head[q] = cols[q].name;
	}
	out_table_add(&t, head);
	nflag = table_rows(&t, e->fw, rows);
	out_table_print(stdout, &t);
	out_table_release(&t);
	printf("\nstatistics of the prepared values; outlier: |skew| >= "
	    "%g and kurt >= %g (the --treat thresholds);\nr = Pearson, "
	    "rho = Spearman, on normalised values and scores; alpha = "
	    "Cronbach's alpha\nand pc1_share = variance share of the "
	    "first principal component of a group's children.\n",
	    m->treat_p.skew, m->treat_p.kurt);
	if (nflag)
		printf("%zu node(s) correlate negatively with their "
		    "parent (flag): they pull it the other way.\n", nflag);
}

int
cmd_audit(int argc, char **argv)
{
	struct audit_opts o;
	struct cli_engine e;
	struct cidx_ranking *r = NULL;
	struct cidx_audit_row *rows = NULL;
	const struct cidx_dataset *ds;
	int ret, year;

	memset(&o, 0, sizeof(o));
	o.y = (struct cli_year_opts)CLI_YEAR_OPTS_INIT;
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	memset(&e, 0, sizeof(e));
	if ((ret = cli_opt_parse("audit", argc, argv, &o, NULL)) != CLI_OK)
		goto out;
	if ((ret = cli_engine_open(&e, &o.mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, o.y.year, -1, &year, NULL)) !=
	    CLI_OK || (ret = cli_engine_rank(&e, year, NULL, 0, &r)) != CLI_OK)
		goto out;
	ds = cli_engine_prepared(&e, year, NULL);
	rows = cidx_xcalloc(e.fw->n, sizeof(*rows));
	cidx_audit(e.fw, ds, r, &cidx_engine_method(e.eng)->treat_p,
	    rows);
	if (o.fmt == CLI_FMT_JSON)
		ret = print_json(&e, year, ds, rows);
	else if (o.fmt == CLI_FMT_CSV)
		print_csv(e.fw, rows);
	else
		print_table(&e, year, ds, rows);
out:
	free(rows);
	cidx_ranking_free(r);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	return ret;
}
