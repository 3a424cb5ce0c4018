/*
 * cmd_explain.c - why a unit has its score and its rank.
 *
 * Score: with arithmetic aggregation the index is a weighted sum, so the
 * contribution of a node is its score times the product of the effective
 * weights (each divided by the weights of the siblings that have a value)
 * on the path to the index; the contributions of a node's children add up
 * to the node's own.  A geometric level multiplies factors y^(w/sum w);
 * those are shown instead.
 *
 * Rank change: the unit's rank in each year, and two counterfactuals:
 * its new data among the others' old data, and its old data among the
 * others' new data.  Averaging the two orders (a Shapley split) gives the
 * part of the change due to its own data and the part due to the others;
 * the two parts add up to the change.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/engine.h"
#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"

static const char options[] =
    "  --year YEAR      year to explain (default: the latest)\n"
    "  --compare YEAR   also split the rank change since YEAR into the "
    "unit's own\n"
    "                   data and the other units' data\n"
    "  --format FORMAT  table (default) | json\n"
    "  -h, --help       show this help\n" CLI_METHOD_HELP;

struct contrib {
	double *share;   /* effective weight within the parent */
	double *global;  /* product of shares up to the index */
	double *contrib; /* global * score (arith levels) */
};

static void
contributions(const struct cidx_framework *fw, const struct cidx_method *m,
    const double *w, const gsl_matrix *s, size_t i, struct contrib *c)
{
	for (size_t k = 0; k < fw->n; k++) {
		c->share[k] = NAN;
		c->global[k] = 0;
		c->contrib[k] = NAN;
	}
	c->share[fw->root] = 1;
	c->global[fw->root] = 1;
	for (int lv = fw->top_level; lv >= 2; lv--)
		for (size_t k = 0; k < fw->n; k++) {
			double sw = 0;

			if (fw->node[k].level != lv ||
			    fw->node[k].type != CIDX_NODE_AGGREGATE)
				continue;
			for (size_t q = fw->child_off[k];
			    q < fw->child_off[k + 1]; q++)
				if (!isnan(gsl_matrix_get(s, i, fw->child[q])))
					sw += w[fw->child[q]];
			for (size_t q = fw->child_off[k];
			    q < fw->child_off[k + 1]; q++) {
				size_t ch = fw->child[q];

				if (isnan(gsl_matrix_get(s, i, ch)) || sw == 0)
					continue;
				c->share[ch] = w[ch] / sw;
				c->global[ch] = c->global[k] * c->share[ch];
			}
		}
	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].level > 0 && !isnan(gsl_matrix_get(s, i, k)))
			c->contrib[k] = c->global[k] * gsl_matrix_get(s, i, k);
	(void)m;
}

static int
all_arith(const struct cidx_framework *fw, const struct cidx_method *m)
{
	for (int lv = 2; lv <= fw->top_level; lv++)
		if (cidx_method_agg_at(m, lv) != CIDX_AGG_ARITH)
			return 0;
	return !m->topsis;
}

static void
walk_table(const struct cidx_framework *fw, const struct cidx_method *m,
    const gsl_matrix *s, size_t i, const struct contrib *c, size_t k,
    int depth, struct out_table *t)
{
	char b[4][40], ind[64];
	const char *cells[6];
	double y = gsl_matrix_get(s, i, k);
	int parent_level = fw->node[k].pidx >= 0 ?
	    fw->node[fw->node[k].pidx].level : 0;

	snprintf(ind, sizeof(ind), "%*s%s", depth * 2, "", fw->node[k].code);
	cidx_num_fmt_fixed(b[0], sizeof(b[0]), y, 3);
	cidx_num_fmt_fixed(b[1], sizeof(b[1]), c->share[k] * 100, 2);
	if (parent_level && cidx_method_agg_at(m, parent_level) ==
	    CIDX_AGG_GEOM)
		cidx_num_fmt(b[2], sizeof(b[2]), isnan(y) ? NAN :
		    pow(y, c->share[k]), 6);
	else
		cidx_num_fmt_fixed(b[2], sizeof(b[2]), c->contrib[k], 3);
	cells[0] = ind;
	cells[1] = fw->node[k].name_en ? fw->node[k].name_en :
	    fw->node[k].name_zh;
	cells[2] = b[0];
	cells[3] = isnan(c->share[k]) ? "" : b[1];
	cells[4] = all_arith(fw, m) ? b[2] : (parent_level &&
	    cidx_method_agg_at(m, parent_level) == CIDX_AGG_GEOM) ? b[2] : "";
	out_table_add(t, cells);
	for (size_t q = fw->child_off[k]; q < fw->child_off[k + 1]; q++)
		walk_table(fw, m, s, i, c, fw->child[q], depth + 1, t);
}

/* the unit's rank with row `src_row` of `src` in place of its own row */
static int
counterfactual(struct cli_engine *e, const struct cidx_dataset *field,
    size_t row, const struct cidx_dataset *src, size_t src_row, int *rank,
    struct cidx_err *err)
{
	struct cidx_dataset *cf = cidx_dataset_copy(field);
	struct cidx_ranking *r = NULL;
	int ret;

	for (size_t j = 0; j < cf->x->size2; j++)
		gsl_matrix_set(cf->x, row, j, gsl_matrix_get(src->x, src_row,
		    j));
	ret = cli_engine_rank_ds(e, cf, &r, err);
	if (ret == 0)
		*rank = r->rank[row];
	cidx_ranking_free(r);
	cidx_dataset_free(cf);
	return ret;
}

int
cmd_explain(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "compare", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "year", required_argument, NULL, 'y' },
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_method_opts mo;
	struct cli_engine e;
	struct cidx_ranking *r = NULL, *r0 = NULL;
	struct contrib c = { NULL, NULL, NULL };
	enum cli_format fmt = CLI_FMT_TABLE;
	const struct cidx_dataset *ds, *ds0 = NULL;
	const char *unit;
	int ch, rr, ret, want = 0, cmp = -1, year, cyear = 0;
	long v, row, row0 = -1;
	int rank_cf_a = 0, rank_cf_b = 0;

	cli_method_opts_init(&mo);
	memset(&e, 0, sizeof(e));
	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0) {
				ret = cli_usage_error("explain", "--compare "
				    "'%s': expected a year", optarg);
				goto out;
			}
			cmp = (int)v;
			break;
		case 'f':
			if (cli_parse_format(optarg, &fmt) < 0 ||
			    fmt == CLI_FMT_CSV) {
				ret = cli_usage_error("explain", "--format "
				    "'%s': expected table or json", optarg);
				goto out;
			}
			break;
		case 'h':
			cli_print_help(stdout, "explain", options);
			ret = CLI_OK;
			goto out;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0) {
				ret = cli_usage_error("explain", "--year '%s': "
				    "expected a year", optarg);
				goto out;
			}
			want = (int)v;
			break;
		case ':':
			ret = cli_usage_error("explain", "option '%s' needs a "
			    "value", argv[optind - 1]);
			goto out;
		default:
			if ((rr = cli_method_option(&mo, ch, optarg,
			    "explain")) == 1)
				break;
			ret = rr ? rr : cli_usage_error("explain",
			    "unknown option '%s'", argv[optind - 1]);
			goto out;
		}
	}
	if (optind + 1 != argc) {
		ret = cli_usage_error("explain", optind >= argc ?
		    "no UNIT given" : "one UNIT only");
		goto out;
	}
	unit = argv[optind];
	if ((ret = cli_engine_open(&e, &mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, want, cmp, &year, &cyear)) != CLI_OK ||
	    (ret = cli_engine_rank(&e, year, NULL, 0, &r)) != CLI_OK)
		goto out;
	ds = cli_engine_prepared(&e, year, NULL);
	if ((row = cidx_dataset_find(ds, unit)) < 0 || r->rank[row] == 0) {
		ret = cli_error("unit '%s' is not ranked in %d", unit, year);
		goto out;
	}
	if (cyear > 0) {
		if ((ret = cli_engine_rank(&e, cyear, NULL, 0, &r0)) != CLI_OK)
			goto out;
		ds0 = cli_engine_prepared(&e, cyear, NULL);
		row0 = cidx_dataset_find(ds0, unit);
		if (row0 < 0 || r0->rank[row0] == 0) {
			ret = cli_error("unit '%s' is not ranked in %d", unit,
			    cyear);
			goto out;
		}
		if (counterfactual(&e, ds0, (size_t)row0, ds, (size_t)row,
		    &rank_cf_a, &err) < 0 ||
		    counterfactual(&e, ds, (size_t)row, ds0, (size_t)row0,
		    &rank_cf_b, &err) < 0) {
			ret = cli_error_core(&err);
			goto out;
		}
	}
	c.share = xcalloc(e.fw->n, sizeof(double));
	c.global = xcalloc(e.fw->n, sizeof(double));
	c.contrib = xcalloc(e.fw->n, sizeof(double));
	contributions(e.fw, &mo.m, e.w, r->s, (size_t)row, &c);
	{
		const struct cidx_framework *fw = e.fw;
		const struct cidx_unit *u = &ds->unit[row];
		double score = gsl_matrix_get(r->s, (size_t)row, fw->root);
		int r_now = r->rank[row], r_then = r0 ? r0->rank[row0] : 0;
		/* climbs are positive: rank then minus rank now */
		double own = ((r_then - rank_cf_a) + (rank_cf_b - r_now)) / 2.0;
		double others = ((rank_cf_a - r_now) + (r_then - rank_cf_b)) /
		    2.0;
		char b[40];

		if (fmt == CLI_FMT_JSON) {
			printf("{\n  \"command\": \"explain\",\n  \"unit\": ");
			out_json_string(stdout, u->code);
			printf(",\n  \"name\": ");
			out_json_string(stdout, u->name ? u->name : u->name_en);
			printf(",\n  \"year\": %d,\n  \"rank\": %d,\n  "
			    "\"score\": ", year, r_now);
			out_json_number(stdout, score);
			printf(",\n  \"additive\": %s,\n  \"method\": ",
			    all_arith(fw, &mo.m) ? "true" : "false");
			cli_engine_json_method(&e, stdout, year, NULL, 0, 0,
			    "  ");
			printf(",\n  \"nodes\": [");
			for (size_t k = 0, first = 1; k < fw->n; k++) {
				if (fw->node[k].level == 0)
					continue;
				printf("%s\n    {\"code\": ", first ? "" : ",");
				first = 0;
				out_json_string(stdout, fw->node[k].code);
				printf(", \"parent\": ");
				out_json_string(stdout, fw->node[k].parent);
				printf(", \"level\": %d, \"value\": ",
				    fw->node[k].level);
				out_json_number(stdout,
				    gsl_matrix_get(r->s, (size_t)row, k));
				printf(", \"share\": ");
				out_json_number(stdout, c.share[k]);
				printf(", \"global_weight\": ");
				out_json_number(stdout, c.global[k]);
				printf(", \"contribution\": ");
				out_json_number(stdout, all_arith(fw, &mo.m) ?
				    c.contrib[k] : NAN);
				printf("}");
			}
			printf("\n  ]");
			if (r0) {
				printf(",\n  \"compare_year\": %d,\n  "
				    "\"rank_then\": %d,\n  \"rank_change\": %d,"
				    "\n  \"rank_with_own_new_data_among_old\": %d,"
				    "\n  \"rank_with_own_old_data_among_new\": %d,"
				    "\n  \"change_due_to_own_data\": ", cyear,
				    r_then, r_then - r_now, rank_cf_a,
				    rank_cf_b);
				out_json_number(stdout, own);
				printf(",\n  \"change_due_to_others\": ");
				out_json_number(stdout, others);
			}
			printf("\n}\n");
		} else {
			struct out_table t;
			const char *head[5] = { "node", "name", "value",
				"share %", all_arith(fw, &mo.m) ?
				"contribution" : "factor" };

			cidx_num_fmt_fixed(b, sizeof(b), score, 3);
			printf("%s %s: score %s, rank %d of %zu in %d\n\n",
			    u->code, u->name ? u->name : u->name_en ?
			    u->name_en : "", b, r_now, r->n_ranked, year);
			out_table_init(&t, 5);
			for (size_t q = 2; q < 5; q++)
				out_table_set_right(&t, q, 1);
			out_table_add(&t, head);
			walk_table(fw, &mo.m, r->s, (size_t)row, &c, fw->root,
			    0, &t);
			out_table_print(stdout, &t);
			out_table_release(&t);
			if (all_arith(fw, &mo.m))
				printf("\ncontribution = value x the product of "
				    "the shares on the path to the index;\nthe "
				    "contributions of a node's children add up "
				    "to the node's own.\n");
			else if (mo.m.topsis)
				printf("\nnot additive: TOPSIS scores are "
				    "closeness to the ideal, not sums.\n");
			else
				printf("\nnot additive: a geometric level "
				    "multiplies the factors value^share (shown); "
				    "a harmonic level\nhas no such split.\n");
			if (r0) {
				printf("\nrank %d in %d -> %d in %d: %+d places\n",
				    r_then, cyear, r_now, year, r_then - r_now);
				printf("  its %d data among the others' %d data: "
				    "rank %d\n", year, cyear, rank_cf_a);
				printf("  its %d data among the others' %d data: "
				    "rank %d\n", cyear, year, rank_cf_b);
				cidx_num_fmt(b, sizeof(b), own, 6);
				printf("  due to its own data: %s%s places\n",
				    own > 0 ? "+" : "", b);
				cidx_num_fmt(b, sizeof(b), others, 6);
				printf("  due to the other units: %s%s places "
				    "(the average of both orders)\n",
				    others > 0 ? "+" : "", b);
			}
		}
	}
out:
	free(c.share);
	free(c.global);
	free(c.contrib);
	cidx_ranking_free(r);
	cidx_ranking_free(r0);
	cli_engine_close(&e);
	cli_method_opts_release(&mo);
	return ret;
}
