/*
 * rankout.c - the outputs of `rank` (rankout.h).  Numbers in CSV and JSON
 * read back to the same double (%.17g); only the table rounds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/out.h"
#include "cli/rankout.h"
#include "core/mem.h"
#include "core/num.h"
#include "version.h"

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

void
rank_print_table(const struct rank_opts *o, struct cli_engine *e,
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
		double lo, hi;
		size_t cnt = cidx_ranking_tier_span(r, fw->root, k, &lo, &hi);
		char a[32], b[32];

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

void
rank_print_csv(const struct cidx_framework *fw, const struct side *cur,
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

void
rank_print_json(const struct rank_opts *o, struct cli_engine *e,
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

