/*
 * layout.c - the layouts of a data file (DATA FILES in man/cityidx.1),
 * read row by row once import.c has told which one the header shows:
 * wide, COINr's iData or a units file (How the columns of a wide file
 * are read): a row per unit (and year), a column per indicator or
 * attribute.  The long layout is layoutlong.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/geom.h"
#include "core/intmap.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "io/csv.h"
#include "io/import.h"
#include "io/import_int.h"

static const char *const name_cols[] = { "name", "uName", "name_zh", NULL };
static const char *const name_en_cols[] = { "name_en", NULL };
static const char *const boundary_cols[] = { "boundary", "geometry", "wkt",
	NULL };

int
cidx_imp_check_header(const struct cidx_csv_row *hdr, const char *path,
    struct cidx_err *err)
{
	static const char *const *const roles[] = { cidx_imp_unit_cols,
		cidx_imp_ind_cols, name_cols, name_en_cols, cidx_imp_year_cols,
		cidx_imp_value_cols, boundary_cols };
	int c, ret;

	for (size_t k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
		if ((ret = cidx_csv_row_find_once(hdr, roles[k], path, &c,
		    err)) < 0)
			return ret;
	return 0;
}

enum col_role { COL_SKIP, COL_VALUE, COL_ATTR, COL_EMPTY };

static void
pend_add(struct ctx *x, size_t u, uint32_t ord, const char *value)
{
	struct pend *p;

	if (u >= x->pcap) {
		size_t old = x->pcap;

		ALLOC_GROW(x->pend, u + 1, x->pcap);
		memset(x->pend + old, 0, (x->pcap - old) * sizeof(*x->pend));
	}
	p = &x->pend[u];
	ALLOC_GROW(p->a, p->n + 1, p->cap);
	p->a[p->n].ord = ord;
	p->a[p->n].value = cidx_xstrdup(value);
	p->n++;
}

/* sort records that carry their key: the library is reentrant */
struct keyed {
	const char *key;
	uint32_t rank, ord;
};

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key,
	    ((const struct keyed *)b)->key);
}

static int
cmp_rank(const void *a, const void *b)
{
	uint32_t x = ((const struct keyed *)a)->rank;
	uint32_t y = ((const struct keyed *)b)->rank;

	return (x > y) - (x < y);
}

/* one unit's attributes from its pending cells (rank: of each ordinal in
 * key order; last, ords: work space of nattr) */
static void
settle_unit(struct pend *p, struct cidx_unit *un, const char *const *key,
    const uint32_t *rank, size_t *last, struct keyed *ords)
{
	size_t no = 0;

	/* last[ord] = 1 + the index of its last cell */
	for (size_t i = 0; i < p->n; i++) {
		if (last[p->a[i].ord] == 0) {
			ords[no].ord = p->a[i].ord;
			ords[no++].rank = rank[p->a[i].ord];
		}
		last[p->a[i].ord] = i + 1;
	}
	qsort(ords, no, sizeof(*ords), cmp_rank);
	un->attr = cidx_xcalloc(no, sizeof(*un->attr));
	for (size_t i = 0; i < no; i++) {
		struct pend_attr *pa = &p->a[last[ords[i].ord] - 1];

		un->attr[i].key = cidx_xstrdup(key[ords[i].ord]);
		un->attr[i].value = pa->value;
		pa->value = NULL;
		last[ords[i].ord] = 0;
	}
	un->n_attr = no;
}

/*
 * The attributes of each unit from its pending cells: the last value of
 * each key wins, and the attributes are sorted by key (byte order).  Each
 * unit costs in proportion to its own cells, whatever the number of
 * attribute columns.
 */
static void
settle_attrs(struct ctx *x, const char *const *key, size_t nattr)
{
	size_t na = nattr ? nattr : 1;
	uint32_t *rank = cidx_xcalloc(na, sizeof(*rank));
	struct keyed *order = cidx_xcalloc(na, sizeof(*order));
	size_t *last = cidx_xcalloc(na, sizeof(*last));

	for (size_t a = 0; a < nattr; a++) {
		order[a].key = key[a];
		order[a].ord = (uint32_t)a;
	}
	qsort(order, nattr, sizeof(*order), cmp_key);
	for (size_t a = 0; a < nattr; a++)
		rank[order[a].ord] = (uint32_t)a;
	for (size_t u = 0; u < x->imp->n_unit && u < x->pcap; u++)
		if (x->pend[u].n > 0)
			settle_unit(&x->pend[u], &x->imp->unit[u], key, rank,
			    last, order);
	free(rank);
	free(order);
	free(last);
}

/* A unit's boundary: WKT checked by the reader of core/geom.h, whose
 * byte offset of a fault becomes the column. */
static int
set_boundary(struct ctx *x, size_t u, const struct cidx_csv_field *f,
    struct cidx_err *err)
{
	struct cidx_geom *g = NULL;
	struct cidx_err gerr = CIDX_ERR_INIT;
	size_t bad = 0;

	if (*f->s == '\0')
		return 0;
	if (cidx_geom_parse_wkt(&g, f->s, &bad, &gerr) < 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s", x->path,
		    f->line, cidx_csv_col_at(f, bad), gerr.msg);
	cidx_geom_free(g);
	if (u >= x->bcap) {
		size_t old = x->bcap;

		ALLOC_GROW(x->bnd, u + 1, x->bcap);
		memset(x->bnd + old, 0, (x->bcap - old) * sizeof(*x->bnd));
	}
	free(x->bnd[u]);
	x->bnd[u] = cidx_xstrdup(f->s);
	return 0;
}

static void
set_name(char **dst, const char *s)
{
	if (*s == '\0')
		return;
	free(*dst);
	*dst = cidx_xstrdup(s);
}

/* the reading of a wide file: the role of each column, and the checks
 * that wait for the end of the file */
struct wide {
	int cu, cn, ce, cy, cb;
	size_t nvalcols, nattr;
	enum col_role *role;
	int *node;
	uint32_t *ord;
	/* columns not in the framework: text makes them attributes, numbers
	 * only an indicator the framework lacks */
	unsigned char *guess, *numeric, *text;
	const char **akey;
	struct cidx_strmap names;
	struct cidx_intmap seen;
	struct cidx_intmap bynode;   /* node -> its value column */
};

static void
wide_release(struct wide *w)
{
	cidx_strmap_release(&w->names);
	cidx_intmap_release(&w->seen);
	cidx_intmap_release(&w->bynode);
	free(w->role);
	free(w->node);
	free(w->ord);
	free(w->guess);
	free(w->numeric);
	free(w->text);
	free(w->akey);
}

/* a header cell that is neither the unit's code, name, English name,
 * year nor boundary: an indicator (by code or name), a declared group,
 * an attribute, or without a name (a spreadsheet's leftover column) */
static int
wide_column(struct ctx *x, struct wide *w, size_t c, struct cidx_err *err)
{
	const struct hcol *h = &x->h[c];
	struct cidx_csv_field hf = { h->s, h->line, h->col, 0 };
	size_t k, d;
	int ret;

	if (*h->s == '\0') {
		w->role[c] = COL_EMPTY;
		return 0;
	}
	if (cidx_strmap_get(&w->names, h->s, &d))
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: duplicate "
		    "column '%s'", x->path, h->line, h->col, h->s);
	cidx_strmap_put(&w->names, h->s, c);
	if ((ret = cidx_imp_check_text(x->path, &hf, 0, "column name",
	    err)) < 0)
		return ret;
	if (cidx_imp_node(x, h->s, &k)) {
		enum cidx_node_type t = x->fw->node[k].type;

		if (t == CIDX_NODE_INDICATOR || t == CIDX_NODE_DENOMINATOR) {
			if (!cidx_intmap_add(&w->bynode, k, c, &d))
				return cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: '%s' and '%s' name the same "
				    "indicator %s", x->path, h->line, h->col,
				    x->h[d].s, h->s, x->fw->node[k].code);
			w->role[c] = COL_VALUE;
			w->node[c] = (int)k;
			w->nvalcols++;
			return 0;
		}
		if (t == CIDX_NODE_AGGREGATE)
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s' "
			    "is an aggregate of the framework; import "
			    "indicators only", x->path, h->line, h->col, h->s);
		/* a declared group column */
	} else {
		w->guess[c] = 1;
	}
	w->role[c] = COL_ATTR;
	w->ord[c] = (uint32_t)w->nattr;
	w->akey[w->nattr++] = h->s;
	return 0;
}

static int
wide_header(struct ctx *x, struct wide *w, struct cidx_err *err)
{
	int ret;

	x->imp->layout = strcasecmp(x->h[w->cu].s, "uCode") ? "wide" :
	    "coinr";
	for (size_t c = 0; c < x->nc; c++) {
		if ((int)c == w->cu || (int)c == w->cn || (int)c == w->ce ||
		    (int)c == w->cy || (int)c == w->cb)
			continue;
		if ((ret = wide_column(x, w, c, err)) < 0)
			return ret;
	}
	x->imp->layout = w->nvalcols ? x->imp->layout : "units";
	if (w->nvalcols) { /* the runs' nodes, in the order of the columns */
		uint32_t *node = cidx_xcalloc(w->nvalcols, sizeof(*node));
		size_t k = 0;

		for (size_t c = 0; c < x->nc; c++)
			if (w->role[c] == COL_VALUE)
				node[k++] = (uint32_t)w->node[c];
		cidx_import_set_cols(x->imp, node, k);
		free(node);
	}
	if (w->nvalcols && w->cy < 0 && x->o->year == 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: no 'year' (or 'Time') column", x->path);
	if (w->cy >= 0 && x->o->year != 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: the file has a '%s' column", x->path,
		    x->h[w->cy].s);
	return 0;
}

/* the unit of a row: its index in the batch, once per (unit, year) */
static int
wide_unit(struct ctx *x, struct wide *w, const struct cidx_csv_field *fu,
    int year, size_t *u, struct cidx_err *err)
{
	size_t first;

	*u = cidx_imp_unit_index(x, fu->s);
	if (*u >= KEY_UNITS)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: more than %zu "
		    "units", x->path, fu->line, fu->col, KEY_UNITS);
	if (cidx_intmap_add(&w->seen, (uint64_t)*u << 14 |
	    (uint64_t)(year ? year - YEAR_MIN : 0), fu->line, &first))
		return 0;
	if (w->nvalcols)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: duplicate "
		    "unit '%s' for year %d (first at line %zu)", x->path,
		    fu->line, fu->col, fu->s, year, first);
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: duplicate unit '%s' "
	    "(first at line %zu)", x->path, fu->line, fu->col, fu->s, first);
}

/* the unit's names and boundary from a row */
static int
wide_names(struct ctx *x, struct wide *w, const struct cidx_csv_row *row,
    size_t u, struct cidx_err *err)
{
	struct cidx_unit *un = &x->imp->unit[u];
	int ret;

	if ((w->cn >= 0 && (ret = cidx_imp_check_text(x->path,
	    &row->field[w->cn], 0, "name", err)) < 0) ||
	    (w->ce >= 0 && (ret = cidx_imp_check_text(x->path,
	    &row->field[w->ce], 0, "name_en", err)) < 0))
		return ret;
	if (w->cn >= 0)
		set_name(&un->name, row->field[w->cn].s);
	if (w->ce >= 0)
		set_name(&un->name_en, row->field[w->ce].s);
	if (w->cb >= 0 && (ret = set_boundary(x, u, &row->field[w->cb],
	    err)) < 0)
		return ret;
	return 0;
}

/* the values and attributes of a row */
static int
wide_cells(struct ctx *x, struct wide *w, const struct cidx_csv_row *row,
    size_t u, int year, unsigned line, struct cidx_err *err)
{
	double *dst = w->nvalcols ? cidx_import_add_run(x->imp, (uint32_t)u,
	    year, line, CIDX_RUN_COLS) : NULL;
	int ret;

	for (size_t c = 0; c < x->nc; c++) {
		const struct cidx_csv_field *f = &row->field[c];
		double v;

		if (w->role[c] == COL_VALUE) {
			/* the values in the order of the columns */
			if ((ret = cidx_imp_parse_value(x->path, f, dst++,
			    err)) < 0)
				return ret;
		} else if (w->role[c] == COL_EMPTY && *f->s) {
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: a "
			    "value in a column without a name: name the "
			    "column in the header", x->path, f->line, f->col);
		} else if (w->role[c] == COL_ATTR && *f->s) {
			if ((ret = cidx_imp_check_text(x->path, f, 0,
			    x->h[c].s, err)) < 0)
				return ret;
			if (w->guess[c] && !cidx_num_is_missing(f->s)) {
				if (cidx_num_parse(f->s, &v, NULL) == 0)
					w->numeric[c] = 1;
				else
					w->text[c] = 1;
			}
			pend_add(x, u, w->ord[c], f->s);
		}
	}
	return 0;
}

static int
wide_row(struct ctx *x, struct wide *w, const struct cidx_csv_row *row,
    struct cidx_err *err)
{
	const struct cidx_csv_field *fu;
	int year = x->o->year, ret;
	size_t u;

	if (cidx_imp_blank(row)) {
		x->imp->n_blank_rows++;
		return 0;
	}
	if ((ret = cidx_csv_row_check(x->path, row, x->nc, err)) < 0)
		return ret;
	fu = &row->field[w->cu];
	if ((ret = cidx_imp_check_code(x->path, fu, err)) < 0)
		return ret;
	if (w->cy >= 0 && w->nvalcols && (ret = cidx_imp_parse_year(x->path,
	    &row->field[w->cy], &year, err)) < 0)
		return ret;
	if ((ret = wide_unit(x, w, fu, year, &u, err)) < 0 ||
	    (ret = wide_names(x, w, row, u, err)) < 0)
		return ret;
	return wide_cells(x, w, row, u, year, fu->line, err);
}

/* after the rows: a numeric column the framework lacks is an error (with
 * the closest code or name); text columns not in it become attributes,
 * and the batch lists them (the import says so) */
static int
wide_finish(struct ctx *x, struct wide *w, struct cidx_err *err)
{
	struct cidx_import *imp = x->imp;

	for (size_t c = 0; c < x->nc; c++) {
		const char *like;

		if (w->role[c] == COL_EMPTY)
			imp->n_empty_cols++;
		if (!w->guess[c])
			continue;
		if (w->numeric[c] && !w->text[c]) {
			like = cidx_imp_suggest(x, x->h[c].s);
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: unknown "
			    "indicator '%s' (a numeric column that is not in "
			    "the framework%s%s%s)", x->path, x->h[c].line,
			    x->h[c].col, x->h[c].s, like ? "; did you mean '" :
			    "; declare it there, as type group if it is an "
			    "attribute", like ? like : "", like ? "'?" : "");
		}
		imp->attr_col = cidx_xreallocarray(imp->attr_col,
		    imp->n_attr_col + 1, sizeof(*imp->attr_col));
		imp->attr_col[imp->n_attr_col++] = cidx_xstrdup(x->h[c].s);
	}
	settle_attrs(x, w->akey, w->nattr);
	if (w->cb >= 0) {
		imp->boundary = cidx_xcalloc(imp->n_unit + 1,
		    sizeof(*imp->boundary));
		for (size_t u = 0; u < imp->n_unit && u < x->bcap; u++) {
			imp->boundary[u] = x->bnd[u];
			x->bnd[u] = NULL;
		}
	}
	return 0;
}

int
cidx_imp_read_wide(struct ctx *x, struct cidx_err *err)
{
	size_t nc = x->nc;
	struct wide w = {
		cidx_imp_find_col(x, cidx_imp_unit_cols),
		cidx_imp_find_col(x, name_cols),
		cidx_imp_find_col(x, name_en_cols),
		cidx_imp_find_col(x, cidx_imp_year_cols),
		cidx_imp_find_col(x, boundary_cols), 0, 0,
		cidx_xcalloc(nc, sizeof(enum col_role)),
		cidx_xcalloc(nc, sizeof(int)), cidx_xcalloc(nc, sizeof(uint32_t)),
		cidx_xcalloc(nc, 1), cidx_xcalloc(nc, 1), cidx_xcalloc(nc, 1),
		cidx_xcalloc(nc, sizeof(const char *)), CIDX_STRMAP_INIT,
		CIDX_INTMAP_INIT, CIDX_INTMAP_INIT
	};
	struct cidx_csv_row row;
	int ret;

	if ((ret = wide_header(x, &w, err)) < 0)
		goto out;
	while ((ret = cidx_csv_next(x->r, &row, err)) > 0)
		if ((ret = wide_row(x, &w, &row, err)) < 0)
			goto out;
	if (ret == 0)
		ret = wide_finish(x, &w, err);
out:
	wide_release(&w);
	return ret < 0 ? ret : 0;
}
