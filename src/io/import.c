/*
 * import.c - data files to import batches.  Everything is checked here,
 * before the store is touched, so a bad file changes nothing.
 *
 * The file is read a row at a time (io/csv.h): a 3-million-value panel is
 * never held as fields, only as the batch it becomes.  Lookups are hashed
 * (codes of the framework and of the batch's units; the (unit, year) and
 * (unit, indicator, year) keys of the duplicate checks), so reading costs
 * time in proportion to the file.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/geom.h"
#include "core/intmap.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/import.h"

#define YEAR_MIN 1000
#define YEAR_MAX 9999
/* the duplicate keys pack (unit, node, year) into 64 bits: 30 + 20 + 14 */
#define KEY_UNITS ((size_t)1 << 30)
#define KEY_NODES ((size_t)1 << 20)

static const char *const unit_cols[] = { "code", "uCode", "unit", NULL };
static const char *const name_cols[] = { "name", "uName", "name_zh", NULL };
static const char *const name_en_cols[] = { "name_en", NULL };
static const char *const year_cols[] = { "year", "Time", NULL };
static const char *const ind_cols[] = { "indicator", "iCode", NULL };
static const char *const value_cols[] = { "value", "Value", NULL };
static const char *const boundary_cols[] = { "boundary", "geometry", "wkt",
	NULL };

/* a header cell, kept after the reader has moved on */
struct hcol {
	char *s;
	unsigned line, col;
};

/* an attribute cell waiting for the end of the file: a later row of the
 * same unit wins */
struct pend_attr {
	uint32_t ord; /* attribute column ordinal */
	char *value;
};

struct pend {
	struct pend_attr *a;
	size_t n, cap;
};

struct ctx {
	struct cidx_import *imp;
	const struct cidx_framework *fw;
	const struct cidx_import_opts *o;
	struct cidx_csv_reader *r;
	const char *path;
	struct hcol *h;           /* the header */
	size_t nc;
	struct cidx_strmap umap;  /* batch unit code -> index */
	struct cidx_strmap nodes; /* framework code -> node */
	size_t ucap, vcap;
	struct pend *pend;        /* per batch unit (wide files) */
	size_t pcap;
	char **bnd;               /* per batch unit: its boundary, or NULL */
	size_t bcap;
};

static int
parse_year(const char *path, const struct cidx_csv_field *f, int *out,
    struct cidx_err *err)
{
	long y;

	if (cidx_num_parse_int(f->s, YEAR_MIN, YEAR_MAX, &y) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': not a year (%d..%d)", path, f->line,
		    f->col, f->s, YEAR_MIN, YEAR_MAX);
	*out = (int)y;
	return 0;
}

static int
parse_value(const char *path, const struct cidx_csv_field *f, double *out,
    struct cidx_err *err)
{
	size_t bad;
	int ret;

	if ((ret = cidx_num_parse(f->s, out, &bad)) == 0)
		return 0;
	if (ret == CIDX_ENUMERIC)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s': out of "
		    "range (a number is 0 or of magnitude 2.2250738585072014e-308 "
		    "to 1.7976931348623157e+308)", path, f->line,
		    cidx_csv_col_at(f, bad), f->s);
	if (cidx_num_is_missing(f->s)) {
		*out = NAN;
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s': not a number",
	    path, f->line, cidx_csv_col_at(f, bad), f->s);
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

static void
add_value(struct ctx *x, size_t unit, size_t node, int year, double v,
    unsigned line)
{
	struct cidx_import *imp = x->imp;

	ALLOC_GROW(imp->val, imp->n_val + 1, x->vcap);
	imp->val[imp->n_val].value = v;
	imp->val[imp->n_val].unit = (uint32_t)unit;
	imp->val[imp->n_val].node = (uint32_t)node;
	imp->val[imp->n_val].year = year;
	imp->val[imp->n_val].line = line;
	imp->n_val++;
}

static size_t
unit_index(struct ctx *x, const char *code)
{
	struct cidx_import *imp = x->imp;
	size_t k;

	if (cidx_strmap_get(&x->umap, code, &k))
		return k;
	ALLOC_GROW(imp->unit, imp->n_unit + 1, x->ucap);
	memset(&imp->unit[imp->n_unit], 0, sizeof(imp->unit[0]));
	imp->unit[imp->n_unit].code = xstrdup(code);
	cidx_strmap_put(&x->umap, imp->unit[imp->n_unit].code, imp->n_unit);
	return imp->n_unit++;
}

/*
 * Text that will be stored and printed: a unit code must print as what it
 * is (no blanks, controls or invisible characters), a name or attribute
 * must hold no control characters (core/text.h).  The message names the
 * place of the character, not the text, which could be an escape
 * sequence.
 */
static int
check_text(const char *path, const struct cidx_csv_field *f, int code,
    const char *what, struct cidx_err *err)
{
	size_t bad;
	unsigned long cp;
	char why[64];

	if (code && *f->s == '\0')
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: empty %s", path, f->line, f->col, what);
	if ((code ? cidx_text_check_code(f->s, &bad, &cp) :
	    cidx_text_check(f->s, &bad, &cp)) == 0)
		return 0;
	cidx_text_what(cp, why, sizeof(why));
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s: %s", path,
	    f->line, cidx_csv_col_at(f, bad), what, why);
}

static int
check_code(const char *path, const struct cidx_csv_field *f,
    struct cidx_err *err)
{
	return check_text(path, f, 1, "unit code", err);
}

/* A header cell that names one of `names`, or -1 (as cidx_csv_row_find). */
static int
find_col(const struct ctx *x, const char *const *names)
{
	for (const char *const *n = names; *n; n++)
		for (size_t c = 0; c < x->nc; c++)
			if (strcasecmp(x->h[c].s, *n) == 0)
				return (int)c;
	return -1;
}

static int
read_long(struct ctx *x, struct cidx_err *err)
{
	int cu = find_col(x, unit_cols), ci = find_col(x, ind_cols);
	int cy = find_col(x, year_cols), cv = find_col(x, value_cols);
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
		if ((ret = check_code(path, fu, err)) < 0)
			break;
		node = value_node(x, fi->s);
		if (node < 0 && (ret = check_text(path, fi, 1, "indicator",
		    err)) < 0)
			break;
		if (node < 0) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    node == -1 ? "%s:%u:%u: unknown indicator '%s'" :
			    "%s:%u:%u: '%s' is not an indicator or a "
			    "denominator of the framework", path, fi->line,
			    fi->col, fi->s);
			break;
		}
		if (cy >= 0 && (ret = parse_year(path, &row.field[cy], &year,
		    err)) < 0)
			break;
		if ((ret = parse_value(path, fv, &v, err)) < 0)
			break;
		u = unit_index(x, fu->s);
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
		add_value(x, u, (size_t)node, year, v, fu->line);
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
	p->a[p->n].value = xstrdup(value);
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
	uint32_t *rank = xcalloc(nattr ? nattr : 1, sizeof(*rank));
	uint32_t *order = xcalloc(nattr ? nattr : 1, sizeof(*order));
	size_t *last = xcalloc(nattr ? nattr : 1, sizeof(*last));
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
		un->attr = xcalloc(no, sizeof(*un->attr));
		for (size_t i = 0; i < no; i++) {
			struct pend_attr *pa = &p->a[last[ords[i]] - 1];

			un->attr[i].key = xstrdup(key[ords[i]]);
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

static void
pend_release(struct ctx *x)
{
	for (size_t u = 0; u < x->pcap; u++) {
		for (size_t i = 0; i < x->pend[u].n; i++)
			free(x->pend[u].a[i].value);
		free(x->pend[u].a);
	}
	free(x->pend);
	x->pend = NULL;
	x->pcap = 0;
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
	x->bnd[u] = xstrdup(f->s);
	return 0;
}

static void
set_name(char **dst, const char *s)
{
	if (*s == '\0')
		return;
	free(*dst);
	*dst = xstrdup(s);
}

static int
read_wide(struct ctx *x, struct cidx_err *err)
{
	int cu = find_col(x, unit_cols), cn = find_col(x, name_cols);
	int ce = find_col(x, name_en_cols), cy = find_col(x, year_cols);
	int cb = find_col(x, boundary_cols);
	const char *path = x->path;
	size_t nc = x->nc, nvalcols = 0, nattr = 0;
	enum col_role *role = xcalloc(nc, sizeof(*role));
	int *node = xcalloc(nc, sizeof(*node));
	uint32_t *ord = xcalloc(nc, sizeof(*ord));
	/* columns not in the framework: text makes them attributes, numbers
	 * only an indicator the framework lacks */
	unsigned char *guess = xcalloc(nc, 1), *numeric = xcalloc(nc, 1);
	unsigned char *text = xcalloc(nc, 1);
	const char **akey = xcalloc(nc, sizeof(*akey));
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

			if ((ret = check_text(path, &hf, 0, "column name",
			    err)) < 0)
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
		if ((ret = check_code(path, fu, err)) < 0)
			goto out;
		if (cy >= 0 && nvalcols && (ret = parse_year(path,
		    &row.field[cy], &year, err)) < 0)
			goto out;
		u = unit_index(x, fu->s);
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
		if ((cn >= 0 && (ret = check_text(path, &row.field[cn], 0,
		    "name", err)) < 0) ||
		    (ce >= 0 && (ret = check_text(path, &row.field[ce], 0,
		    "name_en", err)) < 0))
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
				if ((ret = parse_value(path, f, &v, err)) < 0)
					goto out;
				add_value(x, u, (size_t)node[c], year, v,
				    fu->line);
			} else if (role[c] == COL_ATTR && *f->s) {
				if ((ret = check_text(path, f, 0, x->h[c].s,
				    err)) < 0)
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
		x->imp->boundary = xcalloc(x->imp->n_unit + 1,
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

int
cidx_import_read(struct cidx_import **out, const char *path,
    const struct cidx_framework *fw, const struct cidx_import_opts *opts,
    struct cidx_err *err)
{
	struct cidx_import_opts dflt = CIDX_IMPORT_OPTS_INIT;
	struct ctx x;
	struct cidx_csv_row hdr;
	int ret;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	x.o = opts ? opts : &dflt;
	x.fw = fw;
	x.path = path;
	if ((ret = cidx_csv_open(&x.r, path, x.o->encoding, err)) < 0)
		return ret;
	if ((ret = cidx_csv_next(x.r, &hdr, err)) < 0)
		goto out;
	x.imp = xcalloc(1, sizeof(*x.imp));
	x.imp->path = xstrdup(path);
	/* the checksum (computed meanwhile) is taken once the file is read */
	snprintf(x.imp->encoding, sizeof(x.imp->encoding), "%s",
	    cidx_csv_encoding(x.r));
	memcpy(x.imp->fw_sha256, fw->checksum, sizeof(x.imp->fw_sha256));
	x.nc = hdr.n;
	x.h = xcalloc(hdr.n, sizeof(*x.h));
	for (size_t c = 0; c < hdr.n; c++) {
		x.h[c].s = xstrdup(hdr.field[c].s);
		x.h[c].line = hdr.field[c].line;
		x.h[c].col = hdr.field[c].col;
	}
	if (fw->n >= KEY_NODES) {
		ret = cidx_err_set(err, CIDX_EINVAL, "%s: the framework has "
		    "more than %zu nodes", path, KEY_NODES - 1);
		goto out;
	}
	for (size_t k = 0; k < fw->n; k++)
		cidx_strmap_put(&x.nodes, fw->node[k].code, k);
	if (find_col(&x, ind_cols) >= 0)
		ret = read_long(&x, err);
	else if (find_col(&x, unit_cols) >= 0)
		ret = read_wide(&x, err);
	else
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no unit column: a wide file needs 'code' (or "
		    "'uCode'), a long file 'unit,indicator,year,value'", path);
	x.imp->n_rows = cidx_csv_rows(x.r) ? cidx_csv_rows(x.r) - 1 : 0;
	memcpy(x.imp->sha256, cidx_csv_sha256(x.r), sizeof(x.imp->sha256));
out:
	cidx_csv_close(x.r);
	for (size_t c = 0; c < x.nc; c++)
		free(x.h[c].s);
	free(x.h);
	pend_release(&x);
	for (size_t u = 0; u < x.bcap; u++)
		free(x.bnd[u]);
	free(x.bnd);
	cidx_strmap_release(&x.umap);
	cidx_strmap_release(&x.nodes);
	if (ret < 0) {
		cidx_import_free(x.imp);
		return ret;
	}
	*out = x.imp;
	return 0;
}
