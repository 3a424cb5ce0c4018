/*
 * layoutlong.c - a data file in the long layout (DATA FILES in
 * man/cityidx.1): a row per value, with the columns unit, indicator,
 * year and value; a value stated twice for the same unit, indicator and
 * year is an error naming the line of the first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "io/csv.h"
#include "io/import.h"
#include "io/import_int.h"

/* The node taking values for `code`: >= 0 an indicator or denominator,
 * -1 unknown, -2 - type for the other types. */
static int
value_node(const struct ctx *x, const char *code)
{
	size_t k;
	enum cidx_node_type t;

	if (!cidx_imp_node(x, code, &k))
		return -1;
	t = x->fw->node[k].type;
	if (t == CIDX_NODE_INDICATOR || t == CIDX_NODE_DENOMINATOR)
		return (int)k;
	return -2 - (int)t;
}

/* the node of a long file's indicator cell, by code or name; an error
 * naming the closest one when it names none */
static int
long_node(struct ctx *x, const struct cidx_csv_field *fi, int *node,
    struct cidx_err *err)
{
	const char *like;
	int ret;

	if ((*node = value_node(x, fi->s)) >= 0)
		return 0;
	if ((ret = cidx_imp_check_text(x->path, fi, 1, "indicator", err)) < 0)
		return ret;
	if (*node != -1)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s' is not "
		    "an indicator or a denominator of the framework", x->path,
		    fi->line, fi->col, fi->s);
	like = cidx_imp_suggest(x, fi->s);
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: unknown indicator "
	    "'%s'%s%s%s", x->path, fi->line, fi->col, fi->s,
	    like ? " (did you mean '" : "", like ? like : "",
	    like ? "'?)" : "");
}

/* the (unit, indicator) cells of a year that a long file gave a value:
 * a bit each, a row of `words` per unit of the batch (a hash of every
 * value took 80 bytes a value, issue 17) */
struct seen_year {
	int year;
	uint64_t *bit;
	size_t n_units;     /* rows allocated */
};

/* the columns of a long file (unit, indicator, year, value), and the
 * cells seen */
struct long_cols {
	int cu, ci, cy, cv;
	struct seen_year *sy;
	size_t n_sy, sy_cap, words, last;
};

/* marks the cell (u, node) of `year` seen; @return 1 when it was */
static int
seen_set(struct long_cols *lc, int year, size_t u, size_t node)
{
	struct seen_year *y;
	uint64_t *w, b = (uint64_t)1 << (node % 64);

	if (lc->last >= lc->n_sy || lc->sy[lc->last].year != year) {
		for (lc->last = 0; lc->last < lc->n_sy &&
		    lc->sy[lc->last].year != year; lc->last++)
			;
		if (lc->last == lc->n_sy) {
			ALLOC_GROW(lc->sy, lc->n_sy + 1, lc->sy_cap);
			memset(&lc->sy[lc->n_sy], 0, sizeof(*lc->sy));
			lc->sy[lc->n_sy++].year = year;
		}
	}
	y = &lc->sy[lc->last];
	if (u >= y->n_units) {
		size_t n = u + 1 > 2 * y->n_units ? u + 1 : 2 * y->n_units;

		y->bit = cidx_xreallocarray(y->bit, n * lc->words,
		    sizeof(*y->bit));
		memset(y->bit + y->n_units * lc->words, 0,
		    (n - y->n_units) * lc->words * sizeof(*y->bit));
		y->n_units = n;
	}
	w = &y->bit[u * lc->words + node / 64];
	if (*w & b)
		return 1;
	*w |= b;
	return 0;
}

/* the line of the batch's first value for (u, node, year) */
static uint32_t
first_line(const struct cidx_import *imp, size_t u, int node, int year)
{
	struct cidx_run_view w;

	for (size_t r = 0; r < imp->n_run; r++) {
		if (imp->run[r].unit != u || imp->run[r].year != year)
			continue;
		cidx_import_run_view(imp, r, &w);
		for (size_t k = 0; k < w.n; k++)
			if (cidx_run_view_node(&w, k) == (uint32_t)node)
				return imp->run[r].line + (uint32_t)k;
	}
	return 0;
}

static int
long_row(struct ctx *x, struct long_cols *lc, const struct cidx_csv_row *row,
    struct cidx_err *err)
{
	const struct cidx_csv_field *fu = &row->field[lc->cu];
	const struct cidx_csv_field *fi = &row->field[lc->ci];
	int node, year = x->o->year, ret;
	double v;
	size_t u;

	if ((ret = cidx_imp_check_code(x->path, fu, err)) < 0 ||
	    (ret = long_node(x, fi, &node, err)) < 0 ||
	    (lc->cy >= 0 && (ret = cidx_imp_parse_year(x->path,
	    &row->field[lc->cy], &year, err)) < 0) ||
	    (ret = cidx_imp_parse_value(x->path, &row->field[lc->cv], &v,
	    err)) < 0)
		return ret;
	u = cidx_imp_unit_index(x, fu->s);
	if (u >= KEY_UNITS)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: more than %zu "
		    "units", x->path, fu->line, fu->col, KEY_UNITS);
	if (seen_set(lc, year, u, (size_t)node))
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: duplicate "
		    "value for unit '%s', indicator '%s', year %d (first at "
		    "line %u)", x->path, fu->line, fu->col, fu->s, fi->s, year,
		    first_line(x->imp, u, node, year));
	/* rows of a unit and year on consecutive lines share a run */
	cidx_import_add_value(x->imp, (uint32_t)u, year, fu->line,
	    (uint32_t)node, v);
	return 0;
}

int
cidx_imp_read_long(struct ctx *x, struct cidx_err *err)
{
	struct long_cols lc = { cidx_imp_find_col(x, cidx_imp_unit_cols),
		cidx_imp_find_col(x, cidx_imp_ind_cols),
		cidx_imp_find_col(x, cidx_imp_year_cols),
		cidx_imp_find_col(x, cidx_imp_value_cols), NULL, 0, 0,
		x->fw->n / 64 + 1, 0 };
	const char *path = x->path;
	struct cidx_csv_row row;
	int ret = 0;

	x->imp->layout = "long";
	if (lc.cu < 0 || lc.cv < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: long layout needs the columns unit, indicator, "
		    "year, value", path);
	if (lc.cy < 0 && x->o->year == 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: no 'year' column", path);
	if (lc.cy >= 0 && x->o->year != 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: the file has a '%s' column", path, x->h[lc.cy].s);
	for (size_t c = 0; c < x->nc; c++)
		if ((int)c != lc.cu && (int)c != lc.ci && (int)c != lc.cy &&
		    (int)c != lc.cv)
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: unexpected column '%s' in a long file "
			    "(unit, indicator, year, value)", path, x->h[c].line,
			    x->h[c].col, x->h[c].s);
	while ((ret = cidx_csv_next(x->r, &row, err)) > 0) {
		if (cidx_imp_blank(&row)) {
			x->imp->n_blank_rows++;
			continue;
		}
		if ((ret = cidx_csv_row_check(path, &row, x->nc, err)) < 0 ||
		    (ret = long_row(x, &lc, &row, err)) < 0)
			break;
	}
	for (size_t k = 0; k < lc.n_sy; k++)
		free(lc.sy[k].bit);
	free(lc.sy);
	return ret < 0 ? ret : 0;
}
