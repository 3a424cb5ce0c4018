/*
 * layout.c - the layouts of a data file (DATA FILES in man/cityidx.1),
 * read row by row once import.c has told which one the header shows:
 * long (unit, indicator, year, value), and wide, COINr's iData or a
 * units file (How the columns of a wide file are read): a row per unit
 * (and year), a column per indicator or attribute.
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
static const char *const year_cols[] = { "year", "Time", NULL };
static const char *const value_cols[] = { "value", "Value", NULL };
static const char *const boundary_cols[] = { "boundary", "geometry", "wkt",
	NULL };

int
cidx_imp_check_header(const struct cidx_csv_row *hdr, const char *path,
    struct cidx_err *err)
{
	static const char *const *const roles[] = { cidx_imp_unit_cols,
		cidx_imp_ind_cols, name_cols, name_en_cols, year_cols,
		value_cols, boundary_cols };
	int c, ret;

	for (size_t k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
		if ((ret = cidx_csv_row_find_once(hdr, roles[k], path, &c,
		    err)) < 0)
			return ret;
	return 0;
}

/* The node taking values for `code`: >= 0 an indicator or denominator,
 * -1 unknown, -2 - type for the other types. */
static int
value_node(const struct ctx *x, const char *code)
{
	size_t k;
	enum cidx_node_type t;

	if (!cidx_strmap_get(&x->nodes, code, &k))
		return -1;
	t = x->fw->node[k].type;
	if (t == CIDX_NODE_INDICATOR || t == CIDX_NODE_DENOMINATOR)
		return (int)k;
	return -2 - (int)t;
}

int
cidx_imp_read_long(struct ctx *x, struct cidx_err *err)
{
	int cu = cidx_imp_find_col(x, cidx_imp_unit_cols);
	int ci = cidx_imp_find_col(x, cidx_imp_ind_cols);
	int cy = cidx_imp_find_col(x, year_cols);
	int cv = cidx_imp_find_col(x, value_cols);
	const char *path = x->path;
	struct cidx_intmap seen = CIDX_INTMAP_INIT;
	struct cidx_csv_row row;
	int ret = 0;

	x->imp->layout = "long";
	if (cu < 0 || cv < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: long layout needs the columns unit, indicator, "
		    "year, value", path);
	if (cy < 0 && x->o->year == 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: no 'year' column", path);
	if (cy >= 0 && x->o->year != 0)
		return cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: the file has a '%s' column", path, x->h[cy].s);
	for (size_t c = 0; c < x->nc; c++)
		if ((int)c != cu && (int)c != ci && (int)c != cy &&
		    (int)c != cv)
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: unexpected column '%s' in a long file "
			    "(unit, indicator, year, value)", path, x->h[c].line,
			    x->h[c].col, x->h[c].s);
	while ((ret = cidx_csv_next(x->r, &row, err)) > 0) {
		const struct cidx_csv_field *fu, *fi, *fv;
		int node, year = x->o->year;
		double v;
		size_t u, first;
		uint64_t key;

		if ((ret = cidx_csv_row_check(path, &row, x->nc, err)) < 0)
			break;
		fu = &row.field[cu];
		fi = &row.field[ci];
		fv = &row.field[cv];
		if ((ret = cidx_imp_check_code(path, fu, err)) < 0)
			break;
		node = value_node(x, fi->s);
		if (node < 0 && (ret = cidx_imp_check_text(path, fi, 1,
		    "indicator", err)) < 0)
			break;
		if (node < 0) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    node == -1 ? "%s:%u:%u: unknown indicator '%s'" :
			    "%s:%u:%u: '%s' is not an indicator or a "
			    "denominator of the framework", path, fi->line,
			    fi->col, fi->s);
			break;
		}
		if (cy >= 0 && (ret = cidx_imp_parse_year(path, &row.field[cy],
		    &year, err)) < 0)
			break;
		if ((ret = cidx_imp_parse_value(path, fv, &v, err)) < 0)
			break;
		u = cidx_imp_unit_index(x, fu->s);
		if (u >= KEY_UNITS) {
			ret = cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: more "
			    "than %zu units", path, fu->line, fu->col,
			    KEY_UNITS);
			break;
		}
		key = (uint64_t)u << 34 | (uint64_t)node << 14 |
		    (uint64_t)(year - YEAR_MIN);
		if (!cidx_intmap_add(&seen, key, x->imp->n_val, &first)) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: duplicate value for unit '%s', indicator "
			    "'%s', year %d (first at line %u)", path, fu->line,
			    fu->col, fu->s, fi->s, year,
			    x->imp->val[first].line);
			break;
		}
		cidx_imp_add_value(x, u, (size_t)node, year, v, fu->line);
	}
	cidx_intmap_release(&seen);
	return ret < 0 ? ret : 0;
}

enum col_role { COL_SKIP, COL_VALUE, COL_ATTR };

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

static const uint32_t *pend_rank; /* for cmp_ord: rank of each ordinal */

static int
cmp_ord(const void *a, const void *b)
{
	uint32_t x = pend_rank[*(const uint32_t *)a];
	uint32_t y = pend_rank[*(const uint32_t *)b];

	return (x > y) - (x < y);
}

static const char *const *rank_keys;

static int
cmp_key_ord(const void *a, const void *b)
{
	return strcmp(rank_keys[*(const uint32_t *)a],
	    rank_keys[*(const uint32_t *)b]);
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
	uint32_t *rank = cidx_xcalloc(nattr ? nattr : 1, sizeof(*rank));
	uint32_t *order = cidx_xcalloc(nattr ? nattr : 1, sizeof(*order));
	size_t *last = cidx_xcalloc(nattr ? nattr : 1, sizeof(*last));
	uint32_t *ords = NULL;
	size_t ocap = 0;

	for (size_t a = 0; a < nattr; a++)
		order[a] = (uint32_t)a;
	rank_keys = key;
	qsort(order, nattr, sizeof(*order), cmp_key_ord);
	for (size_t a = 0; a < nattr; a++)
		rank[order[a]] = (uint32_t)a;
	for (size_t u = 0; u < x->imp->n_unit && u < x->pcap; u++) {
		struct pend *p = &x->pend[u];
		struct cidx_unit *un = &x->imp->unit[u];
		size_t no = 0;

		if (p->n == 0)
			continue;
		/* last[ord] = 1 + the index of its last cell */
		for (size_t i = 0; i < p->n; i++) {
			if (last[p->a[i].ord] == 0) {
				ALLOC_GROW(ords, no + 1, ocap);
				ords[no++] = p->a[i].ord;
			}
			last[p->a[i].ord] = i + 1;
		}
		pend_rank = rank;
		qsort(ords, no, sizeof(*ords), cmp_ord);
		un->attr = cidx_xcalloc(no, sizeof(*un->attr));
		for (size_t i = 0; i < no; i++) {
			struct pend_attr *pa = &p->a[last[ords[i]] - 1];

			un->attr[i].key = cidx_xstrdup(key[ords[i]]);
			un->attr[i].value = pa->value;
			pa->value = NULL;
			last[ords[i]] = 0;
		}
		un->n_attr = no;
	}
	free(ords);
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

int
cidx_imp_read_wide(struct ctx *x, struct cidx_err *err)
{
	int cu = cidx_imp_find_col(x, cidx_imp_unit_cols);
	int cn = cidx_imp_find_col(x, name_cols);
	int ce = cidx_imp_find_col(x, name_en_cols);
	int cy = cidx_imp_find_col(x, year_cols);
	int cb = cidx_imp_find_col(x, boundary_cols);
	const char *path = x->path;
	size_t nc = x->nc, nvalcols = 0, nattr = 0;
	enum col_role *role = cidx_xcalloc(nc, sizeof(*role));
	int *node = cidx_xcalloc(nc, sizeof(*node));
	uint32_t *ord = cidx_xcalloc(nc, sizeof(*ord));
	/* columns not in the framework: text makes them attributes, numbers
	 * only an indicator the framework lacks */
	unsigned char *guess = cidx_xcalloc(nc, 1), *numeric = cidx_xcalloc(nc, 1);
	unsigned char *text = cidx_xcalloc(nc, 1);
	const char **akey = cidx_xcalloc(nc, sizeof(*akey));
	struct cidx_strmap names = CIDX_STRMAP_INIT;
	struct cidx_intmap seen = CIDX_INTMAP_INIT;
	struct cidx_csv_row row;
	int ret = 0;

	x->imp->layout = strcasecmp(x->h[cu].s, "uCode") ? "wide" : "coinr";
	for (size_t c = 0; c < nc; c++) {
		const struct hcol *h = &x->h[c];
		size_t k, d;

		if ((int)c == cu || (int)c == cn || (int)c == ce ||
		    (int)c == cy || (int)c == cb)
			continue;
		if (*h->s == '\0') {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: empty column name", path, h->line,
			    h->col);
			goto out;
		}
		if (cidx_strmap_get(&names, h->s, &d)) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: duplicate column '%s'", path, h->line,
			    h->col, h->s);
			goto out;
		}
		cidx_strmap_put(&names, h->s, c);
		{
			struct cidx_csv_field hf = { h->s, h->line, h->col, 0 };

			if ((ret = cidx_imp_check_text(path, &hf, 0,
			    "column name", err)) < 0)
				goto out;
		}
		if (cidx_strmap_get(&x->nodes, h->s, &k)) {
			enum cidx_node_type t = x->fw->node[k].type;

			if (t == CIDX_NODE_INDICATOR ||
			    t == CIDX_NODE_DENOMINATOR) {
				role[c] = COL_VALUE;
				node[c] = (int)k;
				nvalcols++;
				continue;
			}
			if (t == CIDX_NODE_AGGREGATE) {
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: '%s' is an aggregate of the "
				    "framework; import indicators only", path,
				    h->line, h->col, h->s);
				goto out;
			}
			/* a declared group column */
		} else {
			guess[c] = 1;
		}
		role[c] = COL_ATTR;
		ord[c] = (uint32_t)nattr;
		akey[nattr++] = h->s;
	}
	x->imp->layout = nvalcols ? x->imp->layout : "units";
	if (nvalcols && cy < 0 && x->o->year == 0) {
		ret = cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: no 'year' (or 'Time') column", path);
		goto out;
	}
	if (cy >= 0 && x->o->year != 0) {
		ret = cidx_err_set(err, CIDX_EOPTION,
		    "%s:1:1: the file has a '%s' column", path, x->h[cy].s);
		goto out;
	}
	while ((ret = cidx_csv_next(x->r, &row, err)) > 0) {
		const struct cidx_csv_field *fu;
		struct cidx_unit *un;
		int year = x->o->year;
		size_t u, first;

		if ((ret = cidx_csv_row_check(path, &row, nc, err)) < 0)
			goto out;
		fu = &row.field[cu];
		if ((ret = cidx_imp_check_code(path, fu, err)) < 0)
			goto out;
		if (cy >= 0 && nvalcols && (ret = cidx_imp_parse_year(path,
		    &row.field[cy], &year, err)) < 0)
			goto out;
		u = cidx_imp_unit_index(x, fu->s);
		if (u >= KEY_UNITS) {
			ret = cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: more "
			    "than %zu units", path, fu->line, fu->col,
			    KEY_UNITS);
			goto out;
		}
		if (!cidx_intmap_add(&seen, (uint64_t)u << 14 |
		    (uint64_t)(year ? year - YEAR_MIN : 0), fu->line,
		    &first)) {
			if (nvalcols)
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: duplicate unit '%s' for year %d "
				    "(first at line %zu)", path, fu->line,
				    fu->col, fu->s, year, first);
			else
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: duplicate unit '%s' (first at "
				    "line %zu)", path, fu->line, fu->col, fu->s,
				    first);
			goto out;
		}
		un = &x->imp->unit[u];
		if ((cn >= 0 && (ret = cidx_imp_check_text(path, &row.field[cn],
		    0, "name", err)) < 0) ||
		    (ce >= 0 && (ret = cidx_imp_check_text(path, &row.field[ce],
		    0, "name_en", err)) < 0))
			goto out;
		if (cn >= 0)
			set_name(&un->name, row.field[cn].s);
		if (ce >= 0)
			set_name(&un->name_en, row.field[ce].s);
		if (cb >= 0 && (ret = set_boundary(x, u, &row.field[cb],
		    err)) < 0)
			goto out;
		for (size_t c = 0; c < nc; c++) {
			const struct cidx_csv_field *f = &row.field[c];
			double v;

			if (role[c] == COL_VALUE) {
				if ((ret = cidx_imp_parse_value(path, f, &v,
				    err)) < 0)
					goto out;
				cidx_imp_add_value(x, u, (size_t)node[c], year, v,
				    fu->line);
			} else if (role[c] == COL_ATTR && *f->s) {
				if ((ret = cidx_imp_check_text(path, f, 0,
				    x->h[c].s, err)) < 0)
					goto out;
				if (guess[c] && !cidx_num_is_missing(f->s)) {
					if (cidx_num_parse(f->s, &v, NULL) == 0)
						numeric[c] = 1;
					else
						text[c] = 1;
				}
				pend_add(x, u, ord[c], f->s);
			}
		}
	}
	if (ret < 0)
		goto out;
	for (size_t c = 0; c < nc; c++)
		if (guess[c] && numeric[c] && !text[c]) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: unknown indicator '%s' (a numeric column "
			    "that is not in the framework; declare it there, as "
			    "type group if it is an attribute)", path,
			    x->h[c].line, x->h[c].col, x->h[c].s);
			goto out;
		}
	settle_attrs(x, akey, nattr);
	if (cb >= 0) {
		x->imp->boundary = cidx_xcalloc(x->imp->n_unit + 1,
		    sizeof(*x->imp->boundary));
		for (size_t u = 0; u < x->imp->n_unit && u < x->bcap; u++) {
			x->imp->boundary[u] = x->bnd[u];
			x->bnd[u] = NULL;
		}
	}
out:
	cidx_strmap_release(&names);
	cidx_intmap_release(&seen);
	free(role);
	free(node);
	free(ord);
	free(guess);
	free(numeric);
	free(text);
	free(akey);
	return ret < 0 ? ret : 0;
}
