/*
 * cmd_audit.c - prints the statistical audit of an index (calc/audit.h;
 * cityidx(1), METHOD, Audit statistics).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/audit.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/yearopt.h"
#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"

static const char options[] =
    "  --year YEAR      year to audit (default: the latest)\n"
    "  --format FORMAT  table (default) | csv | json\n"
    "  -h, --help       show this help\n" CLI_METHOD_HELP;

static void
num(char *buf, size_t n, double x, int table)
{
	if (table)
		cidx_num_fmt_fixed(buf, n, x, 3);
	else
		cidx_num_fmt(buf, n, x, 17);
}

static const char *const cols[] = { "code", "parent", "level", "n",
	"na_share", "mean", "sd", "min", "max", "skew", "kurt", "outlier",
	"r_parent", "rho_parent", "r_index", "rho_index", "alpha",
	"pc1_share", "flag" };
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

static void
cells(const struct cidx_framework *fw, const struct cidx_audit_row *w, int table,
    char (*b)[40], const char **c)
{
	const struct cidx_node *nd = &fw->node[w->node];
	int ind = nd->type == CIDX_NODE_INDICATOR;
	double v[] = { w->na_share, w->sum.mean, w->sum.sd, w->sum.min,
		w->sum.max, w->sum.skew, w->sum.kurt };

	c[0] = nd->code;
	c[1] = nd->parent ? nd->parent : "";
	snprintf(b[2], sizeof(b[2]), "%d", nd->level);
	c[2] = b[2];
	if (ind)
		snprintf(b[3], sizeof(b[3]), "%zu", w->sum.n);
	else
		b[3][0] = '\0';
	c[3] = b[3];
	for (size_t q = 0; q < 7; q++) {
		if (ind)
			num(b[4 + q], sizeof(b[4 + q]), v[q], table);
		else
			b[4 + q][0] = '\0';
		c[4 + q] = b[4 + q];
	}
	c[11] = ind ? (w->outlier ? "yes" : "no") : "";
	num(b[12], sizeof(b[12]), w->r_parent, table);
	num(b[13], sizeof(b[13]), w->rho_parent, table);
	num(b[14], sizeof(b[14]), w->r_index, table);
	num(b[15], sizeof(b[15]), w->rho_index, table);
	num(b[16], sizeof(b[16]), w->alpha, table);
	num(b[17], sizeof(b[17]), w->pc1, table);
	for (size_t q = 12; q < 18; q++)
		c[q] = b[q];
	c[18] = w->negative ? "negative-with-parent" : "";
}

int
cmd_audit(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		CLI_OPT_YEAR,
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_method_opts mo;
	struct cli_engine e;
	struct cidx_ranking *r = NULL;
	struct cidx_audit_row *rows = NULL;
	enum cli_format fmt = CLI_FMT_TABLE;
	const struct cidx_dataset *ds;
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	int ch, rr, ret, year;

	cli_method_opts_init(&mo);
	memset(&e, 0, sizeof(e));
	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_parse_format(optarg, &fmt) < 0 ||
			    fmt == CLI_FMT_XLSX) {
				ret = cli_usage_error("audit", "--format '%s': "
				    "expected table, csv or json", optarg);
				goto out;
			}
			break;
		case 'h':
			cli_print_help(stdout, "audit", options);
			ret = CLI_OK;
			goto out;
		case ':':
			ret = cli_usage_error("audit", "option '%s' needs a "
			    "value", argv[optind - 1]);
			goto out;
		default:
			if ((rr = cli_year_option(&y, ch, optarg,
			    "audit")) == 1 || (rr == 0 &&
			    (rr = cli_method_option(&mo, ch, optarg,
			    "audit")) == 1))
				break;
			ret = rr ? rr : cli_usage_error("audit",
			    "unknown option '%s'", argv[optind - 1]);
			goto out;
		}
	}
	if (optind < argc) {
		ret = cli_usage_error("audit", "unexpected argument '%s'",
		    argv[optind]);
		goto out;
	}
	if ((ret = cli_engine_open(&e, &mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, y.year, -1, &year, NULL)) != CLI_OK ||
	    (ret = cli_engine_rank(&e, year, NULL, 0, &r)) != CLI_OK)
		goto out;
	ds = cli_engine_prepared(&e, year, NULL);
	rows = xcalloc(e.fw->n, sizeof(*rows));
	cidx_audit(e.fw, ds, r, &cidx_engine_method(e.eng)->treat_p,
	    rows);
	if (fmt == CLI_FMT_JSON) {
		printf("{\n  \"command\": \"audit\",\n  \"year\": %d,\n  "
		    "\"units\": %zu,\n  \"method\": ", year, ds->n_units);
		cli_engine_json_method(&e, stdout, year, NULL, 0, 0, "  ");
		printf(",\n  \"nodes\": [");
		for (size_t k = 0, first = 1; k < e.fw->n; k++) {
			char b[NCOLS][40];
			const char *c[NCOLS];

			if (e.fw->node[k].level == 0)
				continue;
			cells(e.fw, &rows[k], 0, b, c);
			printf("%s\n    {", first ? "" : ",");
			first = 0;
			for (size_t q = 0; q < NCOLS; q++) {
				printf("%s\"%s\": ", q ? ", " : "", cols[q]);
				if (q <= 1 || q == 11 || q == 18)
					out_json_string(stdout, *c[q] ? c[q] :
					    NULL);
				else
					fputs(*c[q] ? c[q] : "null", stdout);
			}
			printf("}");
		}
		printf("\n  ]\n}\n");
	} else if (fmt == CLI_FMT_CSV) {
		for (size_t q = 0; q < NCOLS; q++)
			printf("%s%s", q ? "," : "", cols[q]);
		printf("\n");
		for (size_t k = 0; k < e.fw->n; k++) {
			char b[NCOLS][40];
			const char *c[NCOLS];

			if (e.fw->node[k].level == 0)
				continue;
			cells(e.fw, &rows[k], 0, b, c);
			for (size_t q = 0; q < NCOLS; q++) {
				if (q)
					fputc(',', stdout);
				out_csv_field(stdout, c[q]);
			}
			printf("\n");
		}
	} else {
		struct out_table t;
		struct sbuf sb = SBUF_INIT;
		size_t nflag = 0;

		cli_engine_describe(&e, &sb);
		printf("cityidx audit: year %d, %zu units\nmethod: %s\n\n",
		    year, ds->n_units, out_text(sb.buf));
		sbuf_release(&sb);
		out_table_init(&t, NCOLS);
		for (size_t q = 2; q < NCOLS - 1; q++)
			out_table_set_right(&t, q, q != 11);
		out_table_add(&t, cols);
		/* top-down so each group follows its parent */
		for (int lv = e.fw->top_level; lv >= 1; lv--)
			for (size_t k = 0; k < e.fw->n; k++) {
				char b[NCOLS][40];
				const char *c[NCOLS];

				if (e.fw->node[k].level != lv)
					continue;
				cells(e.fw, &rows[k], 1, b, c);
				out_table_add(&t, c);
				nflag += rows[k].negative;
			}
		out_table_print(stdout, &t);
		out_table_release(&t);
		printf("\nstatistics of the prepared values; outlier: |skew| >= "
		    "%g and kurt >= %g (the --treat thresholds);\nr = Pearson, "
		    "rho = Spearman, on normalised values and scores; alpha = "
		    "Cronbach's alpha\nand pc1_share = variance share of the "
		    "first principal component of a group's children.\n",
		    cidx_engine_method(e.eng)->treat_p.skew,
		    cidx_engine_method(e.eng)->treat_p.kurt);
		if (nflag)
			printf("%zu node(s) correlate negatively with their "
			    "parent (flag): they pull it the other way.\n",
			    nflag);
	}
out:
	free(rows);
	cidx_ranking_free(r);
	cli_engine_close(&e);
	cli_method_opts_release(&mo);
	return ret;
}
