/*
 * import.c - data files to import batches.  Everything is checked here,
 * before the store is touched, so a bad file changes nothing.  This file
 * tells the layout of a file from its header (DATA FILES in
 * man/cityidx.1) and holds the checks of a field that every layout makes;
 * the layouts are read by layout.c.
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

#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/import.h"
#include "io/import_int.h"

const char *const cidx_imp_unit_cols[] = { "code", "uCode", "unit", NULL };
const char *const cidx_imp_ind_cols[] = { "indicator", "iCode", NULL };
const char *const cidx_imp_year_cols[] = { "year", "Time", NULL };
const char *const cidx_imp_value_cols[] = { "value", "Value", NULL };

/* what to do about a year written with words around it (2016年, FY2016) */
static const char *
year_hint(const char *s)
{
	size_t digits = 0, run = 0, best = 0;
	int word = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			run++;
			best = run > best ? run : best;
			continue;
		}
		run = 0;
		word |= *p >= 0x80 || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z');
	}
	return digits == 4 && best == 4 && word ? ": write the year as its "
	    "four digits alone (2016, not 2016年)" : "";
}

/* a number written with thousands separators (25,669.13 or 25 669,13) */
static int
grouped(const char *s)
{
	int digits = 0, groups = 0, sep = 0;

	for (const char *p = s; *p && *p != '.'; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
		} else if (*p == ',' || *p == ' ' || *p == '\'') {
			if (digits == 0 || (groups > 0 && digits != 3) ||
			    digits > 3)
				return 0;
			groups++;
			sep = 1;
			digits = 0;
		} else if (!(p == s && (*p == '-' || *p == '+'))) {
			return 0;
		}
	}
	return sep && digits == 3;
}

int
cidx_imp_parse_year(const char *path, const struct cidx_csv_field *f, int *out,
    struct cidx_err *err)
{
	long y;

	if (cidx_num_parse_int(f->s, YEAR_MIN, YEAR_MAX, &y) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': not a year (%d..%d)%s", path, f->line,
		    f->col, f->s, YEAR_MIN, YEAR_MAX, year_hint(f->s));
	*out = (int)y;
	return 0;
}

int
cidx_imp_parse_value(const char *path, const struct cidx_csv_field *f,
    double *out, struct cidx_err *err)
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
	if (grouped(f->s))
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s': not a "
		    "number: thousands separators are not read; write the "
		    "number without them (in a spreadsheet, format the column "
		    "as a plain number before saving as CSV)", path, f->line,
		    cidx_csv_col_at(f, bad), f->s);
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s': not a number",
	    path, f->line, cidx_csv_col_at(f, bad), f->s);
}

size_t
cidx_imp_unit_index(struct ctx *x, const char *code)
{
	struct cidx_import *imp = x->imp;
	size_t k;

	if (cidx_strmap_get(&x->umap, code, &k))
		return k;
	ALLOC_GROW(imp->unit, imp->n_unit + 1, x->ucap);
	memset(&imp->unit[imp->n_unit], 0, sizeof(imp->unit[0]));
	imp->unit[imp->n_unit].code = cidx_xstrdup(code);
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
int
cidx_imp_check_text(const char *path, const struct cidx_csv_field *f, int code,
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

int
cidx_imp_check_code(const char *path, const struct cidx_csv_field *f,
    struct cidx_err *err)
{
	return cidx_imp_check_text(path, f, 1, "unit code", err);
}

/* A header cell that names one of `names`, or -1 (as cidx_csv_row_find). */
int
cidx_imp_find_col(const struct ctx *x, const char *const *names)
{
	for (const char *const *n = names; *n; n++)
		for (size_t c = 0; c < x->nc; c++)
			if (strcasecmp(x->h[c].s, *n) == 0)
				return (int)c;
	return -1;
}

/* a node that takes values: an indicator or a denominator */
static int
takes_values(const struct cidx_node *n)
{
	return n->type == CIDX_NODE_INDICATOR ||
	    n->type == CIDX_NODE_DENOMINATOR;
}

/*
 * The framework's codes, and the names (name_zh, name_en) of the nodes
 * that take values: a header or an indicator cell may name an indicator
 * as the framework writes it (DATA FILES).  A name that is some node's
 * code, or that two nodes share, names nothing (NAME_AMBIGUOUS).
 */
#define NAME_AMBIGUOUS ((size_t)-1)

static void
node_maps(struct ctx *x)
{
	const struct cidx_framework *fw = x->fw;
	size_t d;

	for (size_t k = 0; k < fw->n; k++)
		cidx_strmap_put(&x->nodes, fw->node[k].code, k);
	for (size_t k = 0; k < fw->n; k++) {
		const char *nm[2] = { fw->node[k].name_zh, fw->node[k].name_en };

		if (!takes_values(&fw->node[k]))
			continue;
		for (int i = 0; i < 2; i++) {
			if (nm[i] == NULL || *nm[i] == '\0' ||
			    cidx_strmap_get(&x->nodes, nm[i], &d))
				continue;
			if (cidx_strmap_get(&x->names, nm[i], &d) && d != k)
				cidx_strmap_put(&x->names, nm[i],
				    NAME_AMBIGUOUS);
			else
				cidx_strmap_put(&x->names, nm[i], k);
		}
	}
}

int
cidx_imp_node(const struct ctx *x, const char *s, size_t *k)
{
	if (cidx_strmap_get(&x->nodes, s, k))
		return 1;
	return cidx_strmap_get(&x->names, s, k) && *k != NAME_AMBIGUOUS;
}

const char *
cidx_imp_suggest(struct ctx *x, const char *s)
{
	const struct cidx_framework *fw = x->fw;

	if (x->cand == NULL) {
		x->cand = cidx_xcalloc(3 * fw->n + 1, sizeof(*x->cand));
		for (size_t k = 0; k < fw->n; k++) {
			if (!takes_values(&fw->node[k]))
				continue;
			x->cand[x->ncand++] = fw->node[k].code;
			if (fw->node[k].name_zh && *fw->node[k].name_zh)
				x->cand[x->ncand++] = fw->node[k].name_zh;
			if (fw->node[k].name_en && *fw->node[k].name_en)
				x->cand[x->ncand++] = fw->node[k].name_en;
		}
	}
	return cidx_suggest(s, x->cand, x->ncand);
}

int
cidx_imp_blank(const struct cidx_csv_row *row)
{
	for (size_t c = 0; c < row->n; c++)
		if (*row->field[c].s)
			return 0;
	return 1;
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
	if (cidx_imp_is_geojson(path)) {
		ret = cidx_imp_read_geojson(&x, err);
		goto out;
	}
	if (x.o->code_field || x.o->name_field || x.o->name_en_field ||
	    x.o->layer >= 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s: --code-field, "
		    "--name-field, --name-en-field and --layer are for GeoJSON "
		    "files (a CSV names its columns in its header)", path);
	if ((ret = cidx_csv_open(&x.r, path, x.o->encoding, err)) < 0)
		return ret;
	if ((ret = cidx_csv_next(x.r, &hdr, err)) < 0 ||
	    (ret = cidx_imp_check_header(&hdr, path, err)) < 0)
		goto out;
	x.imp = cidx_xcalloc(1, sizeof(*x.imp));
	x.imp->path = cidx_xstrdup(path);
	/* the checksum (computed meanwhile) is taken once the file is read */
	snprintf(x.imp->encoding, sizeof(x.imp->encoding), "%s",
	    cidx_csv_encoding(x.r));
	memcpy(x.imp->fw_sha256, fw->checksum, sizeof(x.imp->fw_sha256));
	x.nc = hdr.n;
	x.h = cidx_xcalloc(hdr.n, sizeof(*x.h));
	for (size_t c = 0; c < hdr.n; c++) {
		x.h[c].s = cidx_xstrdup(hdr.field[c].s);
		x.h[c].line = hdr.field[c].line;
		x.h[c].col = hdr.field[c].col;
	}
	if (fw->n >= KEY_NODES) {
		ret = cidx_err_set(err, CIDX_EINVAL, "%s: the framework has "
		    "more than %zu nodes", path, KEY_NODES - 1);
		goto out;
	}
	node_maps(&x);
	if (cidx_imp_find_col(&x, cidx_imp_ind_cols) >= 0)
		ret = cidx_imp_read_long(&x, err);
	else if (cidx_imp_find_col(&x, cidx_imp_unit_cols) >= 0)
		ret = cidx_imp_read_wide(&x, err);
	else if (cidx_imp_find_col(&x, cidx_imp_layer_cols) >= 0)
		ret = cidx_imp_read_layers(&x, err);
	else
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no unit column: a wide file needs 'code' (or "
		    "'uCode'), a long file 'unit,indicator,year,value', a "
		    "layers file 'layer'", path);
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
	cidx_strmap_release(&x.names);
	free(x.cand);
	if (ret < 0) {
		cidx_import_free(x.imp);
		return ret;
	}
	*out = x.imp;
	return 0;
}
