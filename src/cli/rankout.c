/*
 * rankout.c - rank's table for people: aligned columns (CJK names by
 * display width), numbers rounded to 2 decimals (cityidx(1), OUTPUT
 * FORMATS); below the table the tiers, the movement and everything that
 * could not be ranked or compared, with the reason (rankfoot.c).
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

void
rank_print_table(const struct rank_view *v)
{
	header(v);
	table(v);
	fprintf(v->fp, "\n");
	rank_print_footer(v);
}
