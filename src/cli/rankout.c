/*
 * rankout.c - rank's table for people: aligned columns (CJK names by
 * display width), numbers rounded to 2 decimals, and below the table the
 * tiers, the movement and everything that could not be ranked or
 * compared, with the reason.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/textout.h"
#include "calc/imethod.h"
#include "cli/rankout.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "ws/names.h"

const char *
rank_unit_name(const struct cidx_unit *u)
{
	return cidx_ws_unit_name(u);
}

const char *
rank_shown_name(const struct rank_view *v, size_t i)
{
	return v->names ? v->names[i] : cidx_ws_unit_name(&v->ds->unit[i]);
}

const char *
rank_screened_name(const struct rank_view *v, const struct cidx_screened *s)
{
	struct cidx_unit u;

	memset(&u, 0, sizeof(u));
	u.code = s->code;
	u.name = s->name;
	u.name_en = s->name_en;
	return cidx_ws_unit_name1(&u, !v->english);
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
rank_keys(const struct cidx_dataset *ds, const char *spec, size_t *n)
{
	struct cidx_strmap seen = CIDX_STRMAP_INIT;
	char **keys = NULL;
	size_t cap = 0;

	*n = 0;
	if (spec && strcmp(spec, "none") == 0)
		return NULL;
	if (spec) {
		char *dup = cidx_xstrdup(spec), *save = NULL;

		for (char *t = strtok_r(dup, ",", &save); t;
		    t = strtok_r(NULL, ",", &save)) {
			ALLOC_GROW(keys, *n + 1, cap);
			keys[(*n)++] = cidx_xstrdup(t);
		}
		free(dup);
		return keys;
	}
	for (size_t i = 0; i < ds->n_units; i++)
		for (size_t a = 0; a < ds->unit[i].n_attr; a++) {
			const char *k = ds->unit[i].attr[a].key;
			size_t j;

			if (cidx_strmap_get(&seen, k, &j))
				continue;
			ALLOC_GROW(keys, *n + 1, cap);
			keys[*n] = cidx_xstrdup(k);
			cidx_strmap_put(&seen, keys[*n], *n);
			(*n)++;
		}
	cidx_strmap_release(&seen);
	if (*n > 1)
		qsort(keys, *n, sizeof(*keys), cmp_key);
	return keys;
}

void
rank_keys_free(char **keys, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(keys[k]);
	free(keys);
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

const char *
rank_treat_action(enum cidx_treat_action a)
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
fmt2(char *b, size_t n, double x)
{
	cidx_num_fmt_fixed(b, n, x, 2);
}

static int
any_partial_coverage(const struct rank_view *v)
{
	for (size_t p = 0; v->rep->coverage && p < v->r->n_ranked; p++)
		if (v->rep->coverage[v->r->order[p]] < 1)
			return 1;
	return 0;
}

static void
header(const struct rank_view *v)
{
	FILE *fp = v->fp;
	struct sbuf sb = SBUF_INIT;
	char *gap;

	cli_engine_describe(v->e, &sb);
	fprintf(fp, "cityidx rank: workspace %s, year %d",
	    out_text(v->workspace), v->year);
	if (v->cyear > 0)
		fprintf(fp, ", movement against %d", v->cyear);
	fprintf(fp, "\nmethod: %s; tiers %s over the top %zu\n",
	    out_text(sb.buf), out_text(v->ts->text),
	    v->top ? v->top : v->r->n_ranked);
	if (v->relative) {
		char ref[160], b[48];

		cidx_refspec_text(v->ref, ref, sizeof(ref));
		fmt2(b, sizeof(b), v->ref_index);
		fprintf(fp, "relative = 100 x score / %s (index %s)",
		    out_text(ref), b);
		if (v->growth)
			fprintf(fp, "; growth = 100 x (score - score in %d) / "
			    "the reference in %d", v->growth_base,
			    v->ref->year ? v->ref->year : v->growth_base);
		fprintf(fp, "\n");
	}
	gap = cli_gap_text(v->e->fw, v->rep, v->year, 0);
	if (gap)
		fprintf(fp, "note: %s\n", out_text(gap));
	fprintf(fp, "\n");
	free(gap);
	cidx_sbuf_release(&sb);
}

/* the movement cells: basis rank (common basis only), prev, change */
static void
move_cells(const struct rank_view *v, size_t i, char (*b)[48])
{
	const struct cidx_move *m = &v->mv->mv[i];

	b[0][0] = b[1][0] = b[2][0] = '\0';
	if (m->basis_rank)
		snprintf(b[0], sizeof(b[0]), "%d", m->basis_rank);
	if (m->prev)
		snprintf(b[1], sizeof(b[1]), "%d", m->prev);
	if (m->has_change && m->change == 0)
		snprintf(b[2], sizeof(b[2]), "0");
	else if (m->has_change)
		snprintf(b[2], sizeof(b[2]), "%+d", m->change);
	else if (m->prev_status == CIDX_PREV_SCREENED)
		snprintf(b[2], sizeof(b[2]), "screened");
	else if (m->prev_status == CIDX_PREV_NODATA)
		snprintf(b[2], sizeof(b[2]), "no data");
}

/* which columns the table has (cityidx(1), OUTPUT FORMATS, rank: table) */
struct table_cols {
	int cov, moves, basis;
	size_t nagg, n;
};

static struct table_cols
table_cols(const struct rank_view *v)
{
	struct table_cols tc;

	tc.cov = any_partial_coverage(v);
	tc.moves = v->mv && v->mv->basis != CIDX_BASIS_WITHHELD;
	tc.basis = tc.moves && v->mv->basis == CIDX_BASIS_COMMON;
	tc.nagg = v->e->fw->n_agg - 1;
	tc.n = 3 + v->nkeys + 2 + (size_t)tc.cov + tc.nagg +
	    (tc.moves ? 2 : 0) + (size_t)tc.basis + (v->relative != NULL) +
	    (v->growth != NULL);
	return tc;
}

/* a column title; numbers are right-aligned */
static void
head(struct out_table *t, const char **cells, size_t *c, const char *s,
    int right)
{
	out_table_set_right(t, *c, right);
	cells[(*c)++] = s;
}

static void
table_head(const struct rank_view *v, const struct table_cols *tc,
    struct out_table *t, const char **cells)
{
	const struct cidx_framework *fw = v->e->fw;
	size_t c = 0;

	head(t, cells, &c, "rank", 1);
	head(t, cells, &c, "code", 0);
	head(t, cells, &c, "name", 0);
	for (size_t k = 0; k < v->nkeys; k++)
		head(t, cells, &c, v->keys[k], 0);
	head(t, cells, &c, "score", 1);
	if (v->relative)
		head(t, cells, &c, "relative", 1);
	if (v->growth)
		head(t, cells, &c, "growth", 1);
	head(t, cells, &c, "tier", 1);
	if (tc->cov)
		head(t, cells, &c, "coverage", 1);
	for (size_t a = 0; a < tc->nagg; a++)
		head(t, cells, &c, fw->node[fw->top_down[a]].code, 1);
	if (tc->basis)
		head(t, cells, &c, "basis", 1);
	if (tc->moves) {
		head(t, cells, &c, "prev", 1);
		head(t, cells, &c, "change", 1);
	}
	out_table_add(t, cells);
}

/* a cell from the buffer it was written into */
static void
put(const char **cells, char (*buf)[48], size_t *c)
{
	cells[*c] = buf[*c];
	(*c)++;
}

/* the numbers of unit i after its names: score, relative, growth, tier,
 * coverage, the aggregates */
static void
row_numbers(const struct rank_view *v, const struct table_cols *tc,
    size_t i, const char **cells, char (*buf)[48], size_t *c)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;

	fmt2(buf[*c], sizeof(buf[*c]), gsl_matrix_get(r->s, i, fw->root));
	put(cells, buf, c);
	if (v->relative) {
		fmt2(buf[*c], sizeof(buf[*c]), v->relative[i]);
		put(cells, buf, c);
	}
	if (v->growth) {
		buf[*c][0] = '\0';
		if (!isnan(v->growth[i]))
			fmt2(buf[*c], sizeof(buf[*c]), v->growth[i]);
		put(cells, buf, c);
	}
	buf[*c][0] = '\0';
	if (r->tier[i])
		snprintf(buf[*c], sizeof(buf[*c]), "%d", r->tier[i]);
	put(cells, buf, c);
	if (tc->cov) {
		cidx_num_fmt_percent(buf[*c], sizeof(buf[*c]),
		    v->rep->coverage[i]);
		put(cells, buf, c);
	}
	for (size_t a = 0; a < tc->nagg; a++) {
		fmt2(buf[*c], sizeof(buf[*c]),
		    gsl_matrix_get(r->s, i, fw->top_down[a]));
		put(cells, buf, c);
	}
}

/* the row of unit i */
static void
table_row(const struct rank_view *v, const struct table_cols *tc, size_t i,
    const char **cells, char (*buf)[48])
{
	const struct cidx_unit *u = &v->ds->unit[i];
	size_t c = 0;

	snprintf(buf[c], sizeof(buf[c]), "%d", v->r->rank[i]);
	put(cells, buf, &c);
	cells[c++] = u->code;
	cells[c++] = rank_shown_name(v, i);
	for (size_t k = 0; k < v->nkeys; k++)
		cells[c++] = cidx_ws_attr_lang(u, v->keys[k], !v->english);
	row_numbers(v, tc, i, cells, buf, &c);
	if (tc->moves) {
		char m[3][48];

		move_cells(v, i, m);
		if (tc->basis) {
			memcpy(buf[c], m[0], sizeof(m[0]));
			put(cells, buf, &c);
		}
		memcpy(buf[c], m[1], sizeof(m[1]));
		put(cells, buf, &c);
		memcpy(buf[c], m[2], sizeof(m[2]));
		put(cells, buf, &c);
	}
}

static void
table(const struct rank_view *v)
{
	const struct cidx_ranking *r = v->r;
	struct table_cols tc = table_cols(v);
	struct out_table t;
	const char **cells;
	char (*buf)[48];

	out_table_init(&t, tc.n);
	cells = cidx_xcalloc(tc.n, sizeof(char *));
	buf = cidx_xcalloc(tc.n, sizeof(*buf));
	table_head(v, &tc, &t, cells);
	for (size_t p = 0; p < r->n_ranked; p++) {
		if (v->limit > 0 && p >= (size_t)v->limit)
			break;
		table_row(v, &tc, r->order[p], cells, buf);
		out_table_add(&t, cells);
	}
	out_table_print(v->fp, &t);
	out_table_release(&t);
	free(cells);
	free(buf);
}

static void
tiers(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_ranking *r = v->r;
	size_t root = v->e->fw->root;

	for (int k = 1; k <= v->ts->k; k++) {
		double lo, hi;
		size_t cnt = cidx_ranking_tier_span(r, root, k, &lo, &hi);
		char a[32], b[32];
		int first = 1;

		if (cnt == 0) {
			fprintf(fp, "tier %d%s%s%s: none\n", k,
			    v->ts->kind == CIDX_TIER_EIS ? " (" : "",
			    v->ts->kind == CIDX_TIER_EIS ?
			    cidx_tier_eis_name(k, 0) : "",
			    v->ts->kind == CIDX_TIER_EIS ? ")" : "");
			continue;
		}
		fmt2(a, sizeof(a), lo);
		fmt2(b, sizeof(b), hi);
		if (v->ts->kind == CIDX_TIER_EIS)
			fprintf(fp, "tier %d (%s): %zu unit%s, scores %s to %s:",
			    k, cidx_tier_eis_name(k, 0), cnt, cnt == 1 ? "" :
			    "s", a, b);
		else
			fprintf(fp, "tier %d: %zu unit%s, scores %s to %s:", k,
			    cnt, cnt == 1 ? "" : "s", a, b);
		for (size_t p = 0; p < r->n_ranked; p++)
			if (r->tier[r->order[p]] == k) {
				fprintf(fp, "%s %s", first ? "" : ";",
				    out_text(rank_shown_name(v,
				    r->order[p])));
				first = 0;
			}
		fprintf(fp, "\n");
	}
}

/* the ranked units whose movement satisfies `pick`, one line */
static void
move_list(const struct rank_view *v, const char *title,
    int (*pick)(const struct cidx_move *), int show_change)
{
	FILE *fp = v->fp;
	const struct cidx_ranking *r = v->r;
	size_t n = 0;
	int any = 0;

	for (size_t p = 0; p < r->n_ranked; p++)
		n += (size_t)pick(&v->mv->mv[r->order[p]]);
	if (n > 3)
		fprintf(fp, "%s (%zu):", title, n);
	else
		fprintf(fp, "%s:", title);
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_move *m = &v->mv->mv[i];

		if (!pick(m))
			continue;
		fprintf(fp, "%s %s", any ? ";" : "",
		    out_text(rank_shown_name(v, i)));
		if (show_change == 1 && m->basis_rank != r->rank[i])
			fprintf(fp,
			    " (%d -> %d on the basis, rank %d)", m->prev,
			    m->basis_rank, r->rank[i]);
		else if (show_change == 1)
			fprintf(fp, " (%d -> %d)", m->prev, r->rank[i]);
		else if (show_change == 2 && m->cov_changed)
			fprintf(fp, " (%+d; coverage %.0f%% -> %.0f%%)",
			    m->change, 100 * m->cov_prev, 100 * m->cov_now);
		else if (show_change == 2)
			fprintf(fp, " (%+d)", m->change);
		else if (show_change == 3 && !isnan(m->cov_prev))
			fprintf(fp, " (coverage %.0f%%)", 100 * m->cov_prev);
		any = 1;
	}
	fprintf(fp, "%s\n", any ? "" : " none");
}

static int
pick_entrant(const struct cidx_move *m)
{
	return m->entrant;
}

static int
pick_dark(const struct cidx_move *m)
{
	return m->dark;
}

static int
pick_nodata(const struct cidx_move *m)
{
	return !m->prev && m->prev_status == CIDX_PREV_NODATA;
}

static int
pick_screened(const struct cidx_move *m)
{
	return !m->prev && m->prev_status == CIDX_PREV_SCREENED;
}

static void
movement(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_movement *mv = v->mv;
	size_t N = v->top ? v->top : v->r->n_ranked;
	char title[160];

	if (mv == NULL) {
		if (!v->compare_none)
			fprintf(fp,
			    "movement: no earlier year to compare with\n");
		return;
	}
	if (mv->basis == CIDX_BASIS_WITHHELD) {
		fprintf(fp,
		    "movement against %d withheld: %s; no rank changes, new "
		    "entrants or dark horses are shown\n", v->cyear,
		    out_text(mv->why));
		return;
	}
	if (mv->basis == CIDX_BASIS_COMMON)
		fprintf(fp,
		    "movement against %d on the %d indicators with data in "
		    "both years (of %d in %d, %d in %d): basis = rank %d on "
		    "them\n", v->cyear, mv->shared,
		    mv->n_cur, v->year, mv->n_prev, v->cyear, v->year);
	fprintf(fp, "change among the %zu units ranked in both years: each "
	    "year's ranks ranked again among them (rank_common_prev - "
	    "rank_common_now); a unit ranked only in %d moves nobody\n",
	    mv->n_common, v->year);
	snprintf(title, sizeof(title), "new in the top %zu since %d", N,
	    v->cyear);
	move_list(v, title, pick_entrant, 1);
	snprintf(title, sizeof(title), "dark horses (climbed %ld or more "
	    "places into the top %zu)", v->dark, N);
	move_list(v, title, pick_dark, 2);
	for (size_t p = 0; p < v->r->n_ranked; p++)
		if (pick_nodata(&mv->mv[v->r->order[p]])) {
			snprintf(title, sizeof(title), "not comparable, no data "
			    "in %d", v->cyear);
			move_list(v, title, pick_nodata, 0);
			break;
		}
	for (size_t p = 0; p < v->r->n_ranked; p++)
		if (pick_screened(&mv->mv[v->r->order[p]])) {
			snprintf(title, sizeof(title), "not comparable, "
			    "not ranked in %d (screened out)", v->cyear);
			move_list(v, title, pick_screened, 3);
			break;
		}
}

static void
screened(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_prep_report *rep = v->rep;
	const struct cidx_method *m = cidx_engine_method(v->e->eng);
	const struct cidx_framework *fw = v->e->fw;
	char share[32], b[32];

	if (rep->n_screened == 0)
		return;
	cidx_screen_text(share, sizeof(share), m->screen);
	fprintf(fp,
	    "screened out (a unit needs data for %s of the %zu indicators "
	    "with data in %d and %d in each pillar):", share,
	    rep->n_year_ind, v->year, m->screen_pillar);
	for (size_t i = 0; i < rep->n_screened; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		cidx_num_fmt_percent(b, sizeof(b), s->coverage);
		fprintf(fp, "%s %s (%s", i ? ";" : "",
		    out_text(rank_screened_name(v, s)), b);
		if (s->pillar >= 0)
			fprintf(fp,
			    ", too few in %s",
			    out_text(fw->node[s->pillar].code));
		fprintf(fp, ")");
	}
	fprintf(fp, "\n");
}

void
rank_print_table(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_prep_report *rep = v->rep;

	header(v);
	table(v);
	fprintf(fp, "\n");
	tiers(v);
	movement(v);
	if (r->n_ranked < r->n) {
		const struct cidx_method *m = cidx_engine_method(v->e->eng);

		if (cidx_imethod_info(m->imethod)->missing == CIDX_IM_COMPLETE)
			fprintf(fp, "not ranked (no index value: %s needs a "
			    "value of every indicator):",
			    cidx_imethod_info(m->imethod)->label);
		else
			fprintf(fp, "not ranked (no index value):");
		for (size_t i = 0; i < r->n; i++)
			if (r->rank[i] == 0)
				fprintf(fp, " %s",
				    out_text(rank_shown_name(v, i)));
		fprintf(fp, "\n");
	}
	if (rep->n_imputed)
		fprintf(fp, "imputed values: %zu\n", rep->n_imputed);
	if (rep->n_den_missing)
		fprintf(fp,
		    "values without a denominator (made missing): %zu\n",
		    rep->n_den_missing);
	screened(v);
	if (rep->treated) {
		int any = 0;

		fprintf(fp, "outlier treatment:");
		for (size_t j = 0; j < fw->n_ind; j++) {
			const struct cidx_treat_report *tr = &rep->treat[j];

			if (tr->action == CIDX_TREAT_NONE)
				continue;
			fprintf(fp, "%s %s (%s", any ? ";" : "",
			    out_text(fw->node[fw->ind[j]].code),
			    rank_treat_action(tr->action));
			if (tr->action == CIDX_TREAT_WINSOR)
				fprintf(fp,
				    " %d high, %d low", tr->n_hi, tr->n_lo);
			fprintf(fp, ")");
			any = 1;
		}
		fprintf(fp, "%s\n", any ? "" : " no indicator needed it");
	}
	for (int why = CIDX_SKIP_NODATA; why <= CIDX_SKIP_CONSTANT; why++) {
		int any = 0;

		for (size_t j = 0; j < fw->n_ind; j++) {
			if (r->skipped[j] != why)
				continue;
			if (!any)
				fprintf(fp,
				    "%s in %d:", skip_reason(why), v->year);
			any = 1;
			fprintf(fp, " %s",
			    out_text(fw->node[fw->ind[j]].code));
		}
		if (any)
			fprintf(fp, "\n");
	}
}
