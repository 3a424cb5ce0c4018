/*
 * import.c - data files to import batches.  Everything is checked here,
 * before the store is touched, so a bad file changes nothing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "io/csv.h"
#include "io/import.h"

#define YEAR_MIN 1000
#define YEAR_MAX 9999

static const char *const unit_cols[] = { "code", "uCode", "unit", NULL };
static const char *const name_cols[] = { "name", "uName", "name_zh", NULL };
static const char *const name_en_cols[] = { "name_en", NULL };
static const char *const year_cols[] = { "year", "Time", NULL };
static const char *const ind_cols[] = { "indicator", "iCode", NULL };
static const char *const value_cols[] = { "value", "Value", NULL };

struct key {
	const char *a, *b;
	int year;
	unsigned line, col;
};

static int
cmp_key(const void *x, const void *y)
{
	const struct key *p = x, *q = y;
	int c = strcmp(p->a, q->a);

	if (c == 0 && p->b && q->b)
		c = strcmp(p->b, q->b);
	if (c == 0)
		c = (p->year > q->year) - (p->year < q->year);
	if (c == 0)
		c = (p->line > q->line) - (p->line < q->line);
	return c;
}

static int
parse_year(const struct cidx_csv *t, const struct cidx_csv_field *f,
    int *out, struct cidx_err *err)
{
	long y;

	if (cidx_num_parse_int(f->s, YEAR_MIN, YEAR_MAX, &y) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': not a year (%d..%d)", t->path, f->line,
		    f->col, f->s, YEAR_MIN, YEAR_MAX);
	*out = (int)y;
	return 0;
}

static int
parse_value(const struct cidx_csv *t, const struct cidx_csv_field *f,
    double *out, struct cidx_err *err)
{
	size_t bad;

	if (cidx_num_is_missing(f->s)) {
		*out = NAN;
		return 0;
	}
	if (cidx_num_parse(f->s, out, &bad) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': not a number", t->path, f->line,
		    cidx_csv_col_at(f, bad), f->s);
	return 0;
}

static int
value_node(const struct cidx_framework *fw, const char *code)
{
	int k = cidx_framework_find(fw, code);

	if (k < 0)
		return -1;
	if (fw->node[k].type == CIDX_NODE_INDICATOR ||
	    fw->node[k].type == CIDX_NODE_DENOMINATOR)
		return k;
	return -2 - (int)fw->node[k].type;
}

static void
add_value(struct cidx_import *imp, size_t *cap, size_t unit, size_t node,
    int year, double v)
{
	ALLOC_GROW(imp->val, imp->n_val + 1, *cap);
	imp->val[imp->n_val].unit = unit;
	imp->val[imp->n_val].node = node;
	imp->val[imp->n_val].year = year;
	imp->val[imp->n_val].value = v;
	imp->n_val++;
}

static size_t
unit_index(struct cidx_import *imp, struct cidx_strmap *map, size_t *cap,
    const char *code)
{
	size_t k;

	if (cidx_strmap_get(map, code, &k))
		return k;
	ALLOC_GROW(imp->unit, imp->n_unit + 1, *cap);
	memset(&imp->unit[imp->n_unit], 0, sizeof(imp->unit[0]));
	imp->unit[imp->n_unit].code = xstrdup(code);
	cidx_strmap_put(map, imp->unit[imp->n_unit].code, imp->n_unit);
	return imp->n_unit++;
}

static int
check_code(const struct cidx_csv *t, const struct cidx_csv_field *f,
    struct cidx_err *err)
{
	if (*f->s == '\0')
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: empty unit code", t->path, f->line, f->col);
	return 0;
}

static int
read_long(struct cidx_import *imp, const struct cidx_csv *t,
    const struct cidx_framework *fw, const struct cidx_import_opts *o,
    struct cidx_err *err)
{
	int cu = cidx_csv_find_col(t, unit_cols);
	int ci = cidx_csv_find_col(t, ind_cols);
	int cy = cidx_csv_find_col(t, year_cols);
	int cv = cidx_csv_find_col(t, value_cols);
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	struct key *keys = NULL;
	size_t ucap = 0, vcap = 0, nc = cidx_csv_ncols(t, 0);
	int ret = 0;

	imp->layout = "long";
	if (cu < 0 || cv < 0) {
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: long layout needs the columns unit, indicator, "
		    "year, value", t->path);
	}
	if (cy < 0 && o->year == 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no 'year' column: give --year", t->path);
	if (cy >= 0 && o->year != 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: --year given but the file has a '%s' column",
		    t->path, cidx_csv_at(t, 0, (size_t)cy)->s);
	for (size_t c = 0; c < nc; c++)
		if ((int)c != cu && (int)c != ci && (int)c != cy &&
		    (int)c != cv) {
			const struct cidx_csv_field *f = cidx_csv_at(t, 0, c);

			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: unexpected column '%s' in a long file "
			    "(unit, indicator, year, value)", t->path, f->line,
			    f->col, f->s);
		}
	keys = xcalloc(t->nrows, sizeof(*keys));
	for (size_t r = 1; r < t->nrows; r++) {
		const struct cidx_csv_field *fu = cidx_csv_at(t, r, (size_t)cu);
		const struct cidx_csv_field *fi = cidx_csv_at(t, r, (size_t)ci);
		const struct cidx_csv_field *fv = cidx_csv_at(t, r, (size_t)cv);
		int node, year = o->year;
		double v;
		size_t u;

		if ((ret = check_code(t, fu, err)) < 0)
			goto out;
		node = value_node(fw, fi->s);
		if (node < 0) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    node == -1 ? "%s:%u:%u: unknown indicator '%s'" :
			    "%s:%u:%u: '%s' is not an indicator or a "
			    "denominator of the framework", t->path, fi->line,
			    fi->col, fi->s);
			goto out;
		}
		if (cy >= 0 && (ret = parse_year(t,
		    cidx_csv_at(t, r, (size_t)cy), &year, err)) < 0)
			goto out;
		if ((ret = parse_value(t, fv, &v, err)) < 0)
			goto out;
		u = unit_index(imp, &map, &ucap, fu->s);
		add_value(imp, &vcap, u, (size_t)node, year, v);
		keys[r - 1] = (struct key){ fu->s, fi->s, year, fu->line, fu->col };
	}
	qsort(keys, t->nrows - 1, sizeof(*keys), cmp_key);
	for (size_t i = 1; i + 1 < t->nrows; i++)
		if (strcmp(keys[i].a, keys[i - 1].a) == 0 &&
		    strcmp(keys[i].b, keys[i - 1].b) == 0 &&
		    keys[i].year == keys[i - 1].year) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: duplicate value for unit '%s', indicator "
			    "'%s', year %d (first at line %u)", t->path,
			    keys[i].line, keys[i].col, keys[i].a, keys[i].b,
			    keys[i].year,
			    keys[i - 1].line);
			goto out;
		}
out:
	free(keys);
	cidx_strmap_release(&map);
	return ret;
}

enum col_role { COL_SKIP, COL_VALUE, COL_ATTR };

static int
read_wide(struct cidx_import *imp, const struct cidx_csv *t,
    const struct cidx_framework *fw, const struct cidx_import_opts *o,
    struct cidx_err *err)
{
	int cu = cidx_csv_find_col(t, unit_cols);
	int cn = cidx_csv_find_col(t, name_cols);
	int ce = cidx_csv_find_col(t, name_en_cols);
	int cy = cidx_csv_find_col(t, year_cols);
	size_t nc = cidx_csv_ncols(t, 0), ucap = 0, vcap = 0, nvalcols = 0;
	enum col_role *role = xcalloc(nc, sizeof(*role));
	int *node = xcalloc(nc, sizeof(*node));
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	struct key *keys = NULL;
	int ret = 0;

	imp->layout = strcasecmp(cidx_csv_at(t, 0, (size_t)cu)->s, "uCode") ?
	    "wide" : "coinr";
	for (size_t c = 0; c < nc; c++) {
		const struct cidx_csv_field *h = cidx_csv_at(t, 0, c);
		int k;

		if ((int)c == cu || (int)c == cn || (int)c == ce ||
		    (int)c == cy)
			continue;
		if (*h->s == '\0') {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: empty column name", t->path, h->line,
			    h->col);
			goto out;
		}
		for (size_t d = 0; d < c; d++)
			if (strcmp(cidx_csv_at(t, 0, d)->s, h->s) == 0) {
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: duplicate column '%s'", t->path,
				    h->line, h->col, h->s);
				goto out;
			}
		k = cidx_framework_find(fw, h->s);
		if (k >= 0 && (fw->node[k].type == CIDX_NODE_INDICATOR ||
		    fw->node[k].type == CIDX_NODE_DENOMINATOR)) {
			role[c] = COL_VALUE;
			node[c] = k;
			nvalcols++;
			continue;
		}
		if (k >= 0 && fw->node[k].type == CIDX_NODE_AGGREGATE) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: '%s' is an aggregate of the framework; "
			    "import indicators only", t->path, h->line, h->col,
			    h->s);
			goto out;
		}
		if (k >= 0) { /* declared group column */
			role[c] = COL_ATTR;
			continue;
		}
		/*
		 * Not in the framework: a text column is a unit attribute; a
		 * column of numbers is most likely an indicator the framework
		 * lacks, and importing it silently would lose it.
		 */
		role[c] = COL_ATTR;
		{
			int numeric = 0, text = 0;

			for (size_t r = 1; r < t->nrows; r++) {
				const char *s = cidx_csv_at(t, r, c)->s;
				double v;

				if (cidx_num_is_missing(s))
					continue;
				if (cidx_num_parse(s, &v, NULL) == 0)
					numeric = 1;
				else
					text = 1;
			}
			if (numeric && !text) {
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: unknown indicator '%s' (a numeric "
				    "column that is not in the framework; declare "
				    "it there, as type group if it is an "
				    "attribute)", t->path, h->line, h->col, h->s);
				goto out;
			}
		}
	}
	imp->layout = nvalcols ? imp->layout : "units";
	if (nvalcols && cy < 0 && o->year == 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no 'year' (or 'Time') column: give --year",
		    t->path);
		goto out;
	}
	if (cy >= 0 && o->year != 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: --year given but the file has a '%s' column",
		    t->path, cidx_csv_at(t, 0, (size_t)cy)->s);
		goto out;
	}
	keys = xcalloc(t->nrows, sizeof(*keys));
	for (size_t r = 1; r < t->nrows; r++) {
		const struct cidx_csv_field *fu = cidx_csv_at(t, r, (size_t)cu);
		struct cidx_unit *un;
		int year = o->year;
		size_t u;

		if ((ret = check_code(t, fu, err)) < 0)
			goto out;
		if (cy >= 0 && nvalcols && (ret = parse_year(t,
		    cidx_csv_at(t, r, (size_t)cy), &year, err)) < 0)
			goto out;
		keys[r - 1] = (struct key){ fu->s, NULL, year, fu->line, fu->col };
		u = unit_index(imp, &map, &ucap, fu->s);
		un = &imp->unit[u];
		if (cn >= 0 && *cidx_csv_at(t, r, (size_t)cn)->s) {
			free(un->name);
			un->name = xstrdup(cidx_csv_at(t, r, (size_t)cn)->s);
		}
		if (ce >= 0 && *cidx_csv_at(t, r, (size_t)ce)->s) {
			free(un->name_en);
			un->name_en = xstrdup(cidx_csv_at(t, r, (size_t)ce)->s);
		}
		for (size_t c = 0; c < nc; c++) {
			const struct cidx_csv_field *f = cidx_csv_at(t, r, c);
			double v;

			if (role[c] == COL_VALUE) {
				if ((ret = parse_value(t, f, &v, err)) < 0)
					goto out;
				add_value(imp, &vcap, u, (size_t)node[c], year,
				    v);
			} else if (role[c] == COL_ATTR && *f->s) {
				const char *key = cidx_csv_at(t, 0, c)->s;
				size_t a;

				for (a = 0; a < un->n_attr; a++)
					if (strcmp(un->attr[a].key, key) == 0)
						break;
				if (a == un->n_attr) {
					un->attr = xreallocarray(un->attr,
					    un->n_attr + 1, sizeof(*un->attr));
					un->attr[a].key = xstrdup(key);
					un->attr[a].value = NULL;
					un->n_attr++;
				}
				free(un->attr[a].value);
				un->attr[a].value = xstrdup(f->s);
			}
		}
	}
	qsort(keys, t->nrows - 1, sizeof(*keys), cmp_key);
	for (size_t i = 1; i + 1 < t->nrows; i++)
		if (strcmp(keys[i].a, keys[i - 1].a) == 0 &&
		    keys[i].year == keys[i - 1].year) {
			if (nvalcols)
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: duplicate unit '%s' for year %d "
				    "(first at line %u)", t->path, keys[i].line,
				    keys[i].col, keys[i].a, keys[i].year,
				    keys[i - 1].line);
			else
				ret = cidx_err_set(err, CIDX_EINVAL,
				    "%s:%u:%u: duplicate unit '%s' (first at "
				    "line %u)", t->path, keys[i].line, keys[i].col,
				    keys[i].a, keys[i - 1].line);
			goto out;
		}
out:
	free(keys);
	free(role);
	free(node);
	cidx_strmap_release(&map);
	return ret;
}

static int
cmp_attr(const void *x, const void *y)
{
	return strcmp(((const struct cidx_attr *)x)->key,
	    ((const struct cidx_attr *)y)->key);
}

int
cidx_import_read(struct cidx_import **out, const char *path,
    const struct cidx_framework *fw, const struct cidx_import_opts *opts,
    struct cidx_err *err)
{
	struct cidx_import_opts dflt = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import *imp;
	struct cidx_csv *t = NULL;
	int ret;

	*out = NULL;
	if (opts == NULL)
		opts = &dflt;
	if ((ret = cidx_csv_read(&t, path, opts->encoding, err)) < 0)
		return ret;
	imp = xcalloc(1, sizeof(*imp));
	imp->path = xstrdup(path);
	memcpy(imp->sha256, t->sha256, sizeof(imp->sha256));
	memcpy(imp->encoding, t->encoding, sizeof(imp->encoding));
	memcpy(imp->fw_sha256, fw->checksum, sizeof(imp->fw_sha256));
	imp->n_rows = t->nrows - 1;
	if ((ret = cidx_csv_check_rect(t, err)) < 0)
		goto out;
	if (cidx_csv_find_col(t, ind_cols) >= 0)
		ret = read_long(imp, t, fw, opts, err);
	else if (cidx_csv_find_col(t, unit_cols) >= 0)
		ret = read_wide(imp, t, fw, opts, err);
	else
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no unit column: a wide file needs 'code' (or "
		    "'uCode'), a long file 'unit,indicator,year,value'", path);
	for (size_t u = 0; ret == 0 && u < imp->n_unit; u++)
		if (imp->unit[u].n_attr > 1)
			qsort(imp->unit[u].attr, imp->unit[u].n_attr,
			    sizeof(struct cidx_attr), cmp_attr);
out:
	cidx_csv_free(t);
	if (ret < 0) {
		cidx_import_free(imp);
		return ret;
	}
	*out = imp;
	return 0;
}
