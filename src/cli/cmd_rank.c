/*
 * cmd_rank.c - rank units by the composite index of one year, split the
 * top N into tiers and compare with an earlier year.
 *
 * The calculation is the core's (cidx_ranking_compute); this file parses
 * options, gathers the weights, pairs the two years' ranks by unit code
 * and prints.  Numbers in CSV and JSON read back to the same double
 * (%.17g); only the table rounds.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/movement.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"
#include "store/store.h"

#include "version.h"

static const char options[] =
    "  --year YEAR          year to rank (default: the latest with data)\n"
    "  --compare YEAR|none  year to measure movement against (default: the\n"
    "                       latest earlier year with data)\n"
    "  --top N              size of the top group for tiers and entrants\n"
    "                       (default 50; 0 = all ranked units)\n"
    "  --tiers SPEC         counts:3,7,40 | breaks:80,60 | quantile:K |\n"
    "                       kmeans:K | jenks:K (default jenks:3)\n"
    "  --dark-horse D       places climbed to count as a dark horse "
    "(default 20)\n"
    "  --attr LIST          unit attributes to show in the table, comma-"
    "separated\n"
    "                       (default: all; 'none' for none)\n"
    "  --format FORMAT      table (default) | csv | json\n"
    "  --limit N            table: print only the first N ranked rows\n"
    "  -h, --help           show this help\n"
    CLI_METHOD_HELP;

struct rank_opts {
	int year, compare; /* 0 = default; compare -1 = none */
	long top, dark, limit;
	const char *tiers, *attr;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

struct side {
	const struct cidx_dataset *ds; /* prepared; owned by the engine */
	const struct cidx_prep_report *rep;
	struct cidx_ranking *r;
};

static const char *
unit_name(const struct cidx_unit *u)
{
	if (u->name && *u->name)
		return u->name;
	if (u->name_en && *u->name_en)
		return u->name_en;
	return u->code;
}

static const char *
skip_reason(int why)
{
	switch (why) {
	case CIDX_SKIP_NODATA:
		return "indicators without data";
	case CIDX_SKIP_ONE:
		return "indicators skipped (a single value)";
	default:
		return "indicators skipped (no spread: every value equal)";
	}
}

static void
fmt2(char *b, size_t n, double x)
{
	cidx_num_fmt_fixed(b, n, x, 2);
}

static void
fmt17(char *b, size_t n, double x)
{
	cidx_num_fmt(b, n, x, 17);
}

static int
parse_opts(int argc, char **argv, struct rank_opts *o)
{
	static const struct option longopts[] = {
		{ "attr", required_argument, NULL, 'A' },
		{ "compare", required_argument, NULL, 'c' },
		{ "dark-horse", required_argument, NULL, 'D' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "limit", required_argument, NULL, 'L' },
		{ "tiers", required_argument, NULL, 't' },
		{ "top", required_argument, NULL, 'T' },
		{ "year", required_argument, NULL, 'y' },
		CLI_METHOD_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int ch, r;
	long v;

	while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'A':
			o->attr = optarg;
			break;
		case 'c':
			if (strcmp(optarg, "none") == 0)
				o->compare = -1;
			else if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error("rank", "--compare '%s': "
				    "expected a year or 'none'", optarg);
			else
				o->compare = (int)v;
			break;
		case 'D':
			if (cli_parse_long(optarg, 1, 1000000, &o->dark) < 0)
				return cli_usage_error("rank", "--dark-horse "
				    "'%s': expected a whole number >= 1",
				    optarg);
			break;
		case 'f':
			if (cli_parse_format(optarg, &o->fmt) < 0)
				return cli_usage_error("rank", "--format '%s': "
				    "expected table, csv or json", optarg);
			break;
		case 'h':
			cli_print_help(stdout, "rank", options);
			return -1;
		case 'L':
			if (cli_parse_long(optarg, 0, 100000000, &o->limit) < 0)
				return cli_usage_error("rank", "--limit '%s': "
				    "expected a whole number >= 0", optarg);
			break;
		case 't':
			o->tiers = optarg;
			break;
		case 'T':
			if (cli_parse_long(optarg, 0, 100000000, &o->top) < 0)
				return cli_usage_error("rank", "--top '%s': "
				    "expected a whole number >= 0", optarg);
			break;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error("rank", "--year '%s': "
				    "expected a year 1000..9999", optarg);
			o->year = (int)v;
			break;
		case ':':
			return cli_usage_error("rank", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			if ((r = cli_method_option(&o->mo, ch, optarg,
			    "rank")) != 0) {
				if (r != 1)
					return r;
				break;
			}
			return cli_usage_error("rank", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("rank", "unexpected argument '%s'",
		    argv[optind]);
	return 0;
}

/* attribute keys to show, sorted (from the units of the year) */
static char **
attr_keys(const struct cidx_dataset *ds, const char *spec, size_t *n)
{
	char **keys = NULL;
	size_t cap = 0;

	*n = 0;
	if (spec && strcmp(spec, "none") == 0)
		return NULL;
	if (spec) {
		char *dup = xstrdup(spec), *save = NULL;

		for (char *t = strtok_r(dup, ",", &save); t;
		    t = strtok_r(NULL, ",", &save)) {
			ALLOC_GROW(keys, *n + 1, cap);
			keys[(*n)++] = xstrdup(t);
		}
		free(dup);
		return keys;
	}
	for (size_t i = 0; i < ds->n_units; i++)
		for (size_t a = 0; a < ds->unit[i].n_attr; a++) {
			const char *k = ds->unit[i].attr[a].key;
			size_t j;

			for (j = 0; j < *n; j++)
				if (strcmp(keys[j], k) == 0)
					break;
			if (j < *n)
				continue;
			ALLOC_GROW(keys, *n + 1, cap);
			keys[(*n)++] = xstrdup(k);
		}
	for (size_t i = 1; i < *n; i++) /* few keys: insertion sort */
		for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0;
		    j--) {
			char *t = keys[j];

			keys[j] = keys[j - 1];
			keys[j - 1] = t;
		}
	return keys;
}

static const char *
treat_action(enum cidx_treat_action a)
{
	switch (a) {
	case CIDX_TREAT_WINSOR:
		return "winsorised";
	case CIDX_TREAT_LOG:
		return "log";
	case CIDX_TREAT_LOG_NEG:
		return "log-mirrored";
	case CIDX_TREAT_NONE:
		break;
	}
	return "none";
}

static void
print_table(const struct rank_opts *o, struct cli_engine *e,
    const char *workspace, const struct side *cur, int cyear,
    const struct cidx_movement *mv, const struct cidx_tierspec *ts, size_t top)
{
	const struct cidx_framework *fw = e->fw;
	const struct cidx_dataset *ds = cur->ds;
	const struct cidx_ranking *r = cur->r;
	size_t nkeys, nagg = fw->n_agg - 1, ncols, c;
	char **keys = attr_keys(ds, o->attr, &nkeys);
	struct out_table t;
	const char **cells;
	char (*buf)[48];
	struct sbuf sb = SBUF_INIT;
	int first;

	cli_engine_describe(e, &sb);
	printf("cityidx rank: workspace %s, year %d", workspace, ds->year);
	if (cyear > 0)
		printf(", movement against %d", cyear);
	printf("\nmethod: %s; tiers %s over the top %zu\n\n", sb.buf, ts->text,
	    top ? top : r->n_ranked);
	sbuf_release(&sb);

	ncols = 3 + nkeys + 2 + nagg + (cyear > 0 ? 2 : 0);
	out_table_init(&t, ncols);
	cells = xcalloc(ncols, sizeof(char *));
	buf = xcalloc(ncols, sizeof(*buf));
	c = 0;
	cells[c] = "rank";
	out_table_set_right(&t, c++, 1);
	cells[c++] = "code";
	cells[c++] = "name";
	for (size_t k = 0; k < nkeys; k++)
		cells[c++] = keys[k];
	cells[c] = "score";
	out_table_set_right(&t, c++, 1);
	cells[c] = "tier";
	out_table_set_right(&t, c++, 1);
	for (size_t a = 0; a < nagg; a++) {
		cells[c] = fw->node[fw->top_down[a]].code;
		out_table_set_right(&t, c++, 1);
	}
	if (cyear > 0) {
		cells[c] = "prev";
		out_table_set_right(&t, c++, 1);
		cells[c] = "change";
		out_table_set_right(&t, c++, 1);
	}
	out_table_add(&t, cells);
	for (size_t p = 0; p < r->n_ranked; p++) {
		if (o->limit > 0 && p >= (size_t)o->limit)
			break;
		size_t i = r->order[p];
		const struct cidx_unit *u = &ds->unit[i];

		c = 0;
		snprintf(buf[c], sizeof(buf[c]), "%d", r->rank[i]);
		cells[c] = buf[c];
		c++;
		cells[c++] = u->code;
		cells[c++] = unit_name(u);
		for (size_t k = 0; k < nkeys; k++)
			cells[c++] = cidx_unit_attr(u, keys[k]);
		fmt2(buf[c], sizeof(buf[c]), gsl_matrix_get(r->s, i, fw->root));
		cells[c] = buf[c];
		c++;
		if (r->tier[i])
			snprintf(buf[c], sizeof(buf[c]), "%d", r->tier[i]);
		else
			buf[c][0] = '\0';
		cells[c] = buf[c];
		c++;
		for (size_t a = 0; a < nagg; a++) {
			fmt2(buf[c], sizeof(buf[c]),
			    gsl_matrix_get(r->s, i, fw->top_down[a]));
			cells[c] = buf[c];
			c++;
		}
		if (cyear > 0) {
			buf[c][0] = buf[c + 1][0] = '\0';
			if (mv->mv[i].prev)
				snprintf(buf[c], sizeof(buf[c]), "%d",
				    mv->mv[i].prev);
			if (mv->mv[i].has_change && mv->mv[i].change == 0)
				snprintf(buf[c + 1], sizeof(buf[c + 1]), "0");
			else if (mv->mv[i].has_change)
				snprintf(buf[c + 1], sizeof(buf[c + 1]), "%+d",
				    mv->mv[i].change);
			else if (mv->mv[i].entrant)
				snprintf(buf[c + 1], sizeof(buf[c + 1]), "new");
			cells[c] = buf[c];
			cells[c + 1] = buf[c + 1];
			c += 2;
		}
		out_table_add(&t, cells);
	}
	out_table_print(stdout, &t);
	out_table_release(&t);
	free(cells);
	free(buf);

	/* the tiers, the movement and what could not be computed */
	printf("\n");
	for (int k = 1; k <= ts->k; k++) {
		size_t cnt = 0;
		double lo = INFINITY, hi = -INFINITY;
		char a[32], b[32];

		for (size_t p = 0; p < r->n_ranked; p++) {
			size_t i = r->order[p];
			double s = gsl_matrix_get(r->s, i, fw->root);

			if (r->tier[i] != k)
				continue;
			cnt++;
			lo = s < lo ? s : lo;
			hi = s > hi ? s : hi;
		}
		if (cnt == 0) {
			printf("tier %d: none\n", k);
			continue;
		}
		fmt2(a, sizeof(a), lo);
		fmt2(b, sizeof(b), hi);
		printf("tier %d: %zu unit%s, scores %s to %s:", k, cnt,
		    cnt == 1 ? "" : "s", a, b);
		first = 1;
		for (size_t p = 0; p < r->n_ranked; p++)
			if (r->tier[r->order[p]] == k) {
				printf("%s %s", first ? "" : ";",
				    unit_name(&ds->unit[r->order[p]]));
				first = 0;
			}
		printf("\n");
	}
	if (cyear > 0) {
		int any = 0;

		printf("new in the top %zu since %d:", top ? top : r->n_ranked,
		    cyear);
		for (size_t p = 0; p < r->n_ranked; p++) {
			size_t i = r->order[p];

			if (!mv->mv[i].entrant)
				continue;
			if (mv->mv[i].prev)
				printf("%s %s (%d -> %d)", any ? ";" : "",
				    unit_name(&ds->unit[i]), mv->mv[i].prev,
				    r->rank[i]);
			else
				printf("%s %s (not ranked -> %d)", any ? ";" : "",
				    unit_name(&ds->unit[i]), r->rank[i]);
			any = 1;
		}
		printf("%s\ndark horses (climbed %ld or more places into the "
		    "top %zu):", any ? "" : " none", o->dark,
		    top ? top : r->n_ranked);
		any = 0;
		for (size_t p = 0; p < r->n_ranked; p++) {
			size_t i = r->order[p];

			if (!mv->mv[i].dark)
				continue;
			printf("%s %s (%+d)", any ? ";" : "",
			    unit_name(&ds->unit[i]), mv->mv[i].change);
			any = 1;
		}
		printf("%s\n", any ? "" : " none");
		if (cidx_movement_same_indicators(mv))
			;
		else if (mv->shared == 0)
			printf("warning: %d and %d share no indicator with data: "
			    "the ranks measure different things\n", ds->year,
			    cyear);
		else
			printf("warning: %d and %d share %d of the indicators "
			    "with data (%d and %d): the ranks measure partly "
			    "different things\n", ds->year, cyear, mv->shared,
			    mv->n_cur, mv->n_prev);
	} else if (o->compare != -1) {
		printf("movement: no earlier year to compare with\n");
	}
	if (r->n_ranked < r->n) {
		printf("not ranked (no index value):");
		for (size_t i = 0; i < r->n; i++)
			if (r->rank[i] == 0)
				printf(" %s", ds->unit[i].code);
		printf("\n");
	}
	if (cur->rep->n_imputed)
		printf("imputed values: %zu\n", cur->rep->n_imputed);
	if (cur->rep->n_den_missing)
		printf("values without a denominator (made missing): %zu\n",
		    cur->rep->n_den_missing);
	if (cur->rep->n_screened) {
		printf("screened out (too few indicators):");
		for (size_t i = 0; i < cur->rep->n_screened; i++)
			printf(" %s", cur->rep->screened[i]);
		printf("\n");
	}
	if (cur->rep->treated) {
		int any = 0;

		printf("outlier treatment:");
		for (size_t j = 0; j < fw->n_ind; j++) {
			const struct cidx_treat_report *tr = &cur->rep->treat[j];

			if (tr->action == CIDX_TREAT_NONE)
				continue;
			printf("%s %s (%s", any ? ";" : "",
			    fw->node[fw->ind[j]].code,
			    treat_action(tr->action));
			if (tr->action == CIDX_TREAT_WINSOR)
				printf(" %d high, %d low", tr->n_hi, tr->n_lo);
			printf(")");
			any = 1;
		}
		printf("%s\n", any ? "" : " no indicator needed it");
	}
	for (int why = CIDX_SKIP_NODATA; why <= CIDX_SKIP_CONSTANT; why++) {
		int any = 0;

		for (size_t j = 0; j < fw->n_ind; j++) {
			if (r->skipped[j] != why)
				continue;
			if (!any)
				printf("%s in %d:", skip_reason(why), ds->year);
			any = 1;
			printf(" %s", fw->node[fw->ind[j]].code);
		}
		if (any)
			printf("\n");
	}
	for (size_t k = 0; k < nkeys; k++)
		free(keys[k]);
	free(keys);
}

static void
print_csv(const struct cidx_framework *fw, const struct side *cur,
    const struct cidx_movement *mv)
{
	const struct cidx_dataset *ds = cur->ds;
	const struct cidx_ranking *r = cur->r;
	char b[48];

	fputs("rank,code,name,score,tier", stdout);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		fputc(',', stdout);
		out_csv_field(stdout, fw->node[fw->top_down[a]].code);
	}
	fputs(",prev_rank,rank_change\n", stdout);
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_unit *u = &ds->unit[i];

		printf("%d,", r->rank[i]);
		out_csv_field(stdout, u->code);
		fputc(',', stdout);
		out_csv_field(stdout, unit_name(u));
		fmt17(b, sizeof(b), gsl_matrix_get(r->s, i, fw->root));
		printf(",%s,", b);
		if (r->tier[i])
			printf("%d", r->tier[i]);
		for (size_t a = 0; a + 1 < fw->n_agg; a++) {
			fmt17(b, sizeof(b),
			    gsl_matrix_get(r->s, i, fw->top_down[a]));
			printf(",%s", b);
		}
		fputc(',', stdout);
		if (mv && mv->mv[i].prev)
			printf("%d", mv->mv[i].prev);
		fputc(',', stdout);
		if (mv && mv->mv[i].has_change)
			printf("%d", mv->mv[i].change);
		fputc('\n', stdout);
	}
}

static void
json_codes(const struct side *cur, const struct cidx_movement *mv, int dark)
{
	int first = 1;

	fputc('[', stdout);
	for (size_t p = 0; mv && p < cur->r->n_ranked; p++) {
		size_t i = cur->r->order[p];

		if (!(dark ? mv->mv[i].dark : mv->mv[i].entrant))
			continue;
		if (!first)
			fputs(", ", stdout);
		first = 0;
		out_json_string(stdout, cur->ds->unit[i].code);
	}
	fputc(']', stdout);
}

static void
print_json_prep(const struct cidx_framework *fw,
    const struct cidx_prep_report *rep)
{
	printf("{\"denominated\": %zu, \"denominator_missing\": %zu, "
	    "\"imputed\": %zu, \"screened_out\": [", rep->n_denominated,
	    rep->n_den_missing, rep->n_imputed);
	for (size_t i = 0; i < rep->n_screened; i++) {
		fputs(i ? ", " : "", stdout);
		out_json_string(stdout, rep->screened[i]);
	}
	fputs("], \"treatment\": ", stdout);
	if (!rep->treated) {
		fputs("null}", stdout);
		return;
	}
	fputs("{", stdout);
	for (size_t j = 0, first = 1; j < fw->n_ind; j++) {
		const struct cidx_treat_report *t = &rep->treat[j];

		printf("%s\n    ", first ? "" : ",");
		first = 0;
		out_json_string(stdout, fw->node[fw->ind[j]].code);
		printf(": {\"action\": \"%s\", \"source\": \"%s\", "
		    "\"winsorised_high\": %d, \"winsorised_low\": %d, "
		    "\"skew_before\": ", treat_action(t->action),
		    rep->treat_source[j] == 2 ? "framework:none" :
		    rep->treat_source[j] == 1 ? "framework" : "command line",
		    t->n_hi, t->n_lo);
		out_json_number(stdout, t->skew0);
		fputs(", \"kurt_before\": ", stdout);
		out_json_number(stdout, t->kurt0);
		fputs(", \"skew_after\": ", stdout);
		out_json_number(stdout, t->skew1);
		fputs(", \"kurt_after\": ", stdout);
		out_json_number(stdout, t->kurt1);
		fputs("}", stdout);
	}
	fputs("\n  }}", stdout);
}

static void
print_json(const struct rank_opts *o, struct cli_engine *e,
    const char *workspace, const struct side *cur, int cyear,
    const struct cidx_movement *mv, const struct cidx_tierspec *ts, size_t top)
{
	const struct cidx_framework *fw = e->fw;
	const struct cidx_dataset *ds = cur->ds;
	const struct cidx_ranking *r = cur->r;
	int first;

	printf("{\n  \"cityidx\": \"%s\",\n  \"command\": \"rank\",\n",
	    CITYIDX_VERSION);
	fputs("  \"workspace\": ", stdout);
	out_json_string(stdout, workspace);
	printf(",\n  \"year\": %d,\n  \"compare_year\": ", ds->year);
	if (cyear > 0)
		printf("%d", cyear);
	else
		fputs("null", stdout);
	fputs(",\n  \"method\": ", stdout);
	cli_engine_json_method(e, stdout, ds->year, ts->text, (long)top,
	    o->dark, "  ");
	fputs(",\n  \"preparation\": ", stdout);
	print_json_prep(fw, cur->rep);
	fputs(",\n  \"columns\": [", stdout);
	for (size_t a = 0; a + 1 < fw->n_agg; a++) {
		if (a)
			fputs(", ", stdout);
		out_json_string(stdout, fw->node[fw->top_down[a]].code);
	}
	fputs("],\n  \"skipped_indicators\": [", stdout);
	first = 1;
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j]) {
			fputs(first ? "" : ", ", stdout);
			first = 0;
			out_json_string(stdout, fw->node[fw->ind[j]].code);
		}
	fputs("],\n  \"units\": [", stdout);
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_unit *u = &ds->unit[i];

		printf("%s\n    {\"rank\": %d, \"code\": ", p ? "," : "",
		    r->rank[i]);
		out_json_string(stdout, u->code);
		fputs(", \"name\": ", stdout);
		out_json_string(stdout, unit_name(u));
		fputs(", \"name_en\": ", stdout);
		out_json_string(stdout, u->name_en);
		fputs(", \"attributes\": {", stdout);
		for (size_t a = 0; a < u->n_attr; a++) {
			fputs(a ? ", " : "", stdout);
			out_json_string(stdout, u->attr[a].key);
			fputs(": ", stdout);
			out_json_string(stdout, u->attr[a].value);
		}
		fputs("}, \"score\": ", stdout);
		out_json_number(stdout, gsl_matrix_get(r->s, i, fw->root));
		fputs(", \"tier\": ", stdout);
		if (r->tier[i])
			printf("%d", r->tier[i]);
		else
			fputs("null", stdout);
		fputs(", \"scores\": {", stdout);
		for (size_t a = 0; a + 1 < fw->n_agg; a++) {
			fputs(a ? ", " : "", stdout);
			out_json_string(stdout, fw->node[fw->top_down[a]].code);
			fputs(": ", stdout);
			out_json_number(stdout,
			    gsl_matrix_get(r->s, i, fw->top_down[a]));
		}
		fputs("}, \"prev_rank\": ", stdout);
		if (mv && mv->mv[i].prev)
			printf("%d", mv->mv[i].prev);
		else
			fputs("null", stdout);
		fputs(", \"rank_change\": ", stdout);
		if (mv && mv->mv[i].has_change)
			printf("%d", mv->mv[i].change);
		else
			fputs("null", stdout);
		printf(", \"new_entrant\": %s, \"dark_horse\": %s}",
		    mv && mv->mv[i].entrant ? "true" : "false",
		    mv && mv->mv[i].dark ? "true" : "false");
	}
	fputs("\n  ],\n  \"unranked\": [", stdout);
	first = 1;
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0) {
			fputs(first ? "" : ", ", stdout);
			first = 0;
			out_json_string(stdout, ds->unit[i].code);
		}
	fputs("],\n  \"new_entrants\": ", stdout);
	json_codes(cur, mv, 0);
	fputs(",\n  \"dark_horses\": ", stdout);
	json_codes(cur, mv, 1);
	fputs("\n}\n", stdout);
}

int
cmd_rank(int argc, char **argv)
{
	struct rank_opts o;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_engine e;
	const struct cidx_framework *fw;
	struct cidx_tierspec ts;
	struct side cur = { NULL, NULL, NULL }, prev = { NULL, NULL, NULL };
	struct cidx_movement *mv = NULL;
	int ret, year = 0, cyear = 0;

	memset(&o, 0, sizeof(o));
	memset(&ts, 0, sizeof(ts));
	memset(&e, 0, sizeof(e));
	o.top = 50;
	o.dark = 20;
	o.tiers = "jenks:3";
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	if ((ret = parse_opts(argc, argv, &o)) != 0) {
		cli_method_opts_release(&o.mo);
		return ret < 0 ? CLI_OK : ret;
	}
	if (cidx_tierspec_parse(&ts, o.tiers, &err) < 0) {
		cli_method_opts_release(&o.mo);
		return cli_usage_error("rank", "--tiers: %s", err.msg);
	}
	if ((ret = cli_engine_open(&e, &o.mo)) != CLI_OK ||
	    (ret = cli_engine_years(&e, o.year, o.compare, &year,
	    &cyear)) != CLI_OK ||
	    (ret = cli_engine_rank(&e, year, &ts, (size_t)o.top,
	    &cur.r)) != CLI_OK)
		goto out;
	fw = e.fw;
	cur.ds = cli_engine_prepared(&e, year, &cur.rep);
	if (cyear > 0) {
		if ((ret = cli_engine_rank(&e, cyear, NULL, 0, &prev.r)) !=
		    CLI_OK)
			goto out;
		prev.ds = cli_engine_prepared(&e, cyear, &prev.rep);
		if (cidx_movement_compute(&mv, fw, cur.ds, cur.r, prev.ds,
		    prev.r, (size_t)o.top, (int)o.dark, &err) < 0) {
			ret = cli_error_core(&err);
			goto out;
		}
		/* movement between years measured on different indicators */
		if (!cidx_movement_same_indicators(mv) &&
		    o.fmt != CLI_FMT_TABLE)
			cli_warn("%d and %d share %d of the indicators with data "
			    "(%d and %d): movement compares partly different "
			    "measures", year, cyear, mv->shared, mv->n_cur,
			    mv->n_prev);
	}
	if (o.fmt != CLI_FMT_TABLE) {
		for (size_t j = 0; j < fw->n_ind; j++)
			if (cur.r->skipped[j] > CIDX_SKIP_NODATA)
				cli_warn("indicator '%s' skipped in %d: %s",
				    fw->node[fw->ind[j]].code, year,
				    cur.r->skipped[j] == CIDX_SKIP_ONE ?
				    "a single value" : "every value equal");
		for (size_t i = 0; i < cur.r->n; i++)
			if (cur.r->rank[i] == 0)
				cli_warn("unit '%s' not ranked: no index value "
				    "in %d", cur.ds->unit[i].code, year);
		for (size_t i = 0; i < cur.rep->n_screened; i++)
			cli_warn("unit '%s' screened out in %d",
			    cur.rep->screened[i], year);
	}
	switch (o.fmt) {
	case CLI_FMT_TABLE:
		print_table(&o, &e, cli_workspace(), &cur, cyear, mv, &ts,
		    (size_t)o.top);
		break;
	case CLI_FMT_CSV:
		print_csv(fw, &cur, mv);
		break;
	case CLI_FMT_JSON:
		print_json(&o, &e, cli_workspace(), &cur, cyear, mv, &ts,
		    (size_t)o.top);
		break;
	}
out:
	cidx_ranking_free(cur.r);
	cidx_ranking_free(prev.r);
	cidx_tierspec_release(&ts);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	cidx_movement_free(mv);
	return ret;
}
