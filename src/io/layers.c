/*
 * layers.c - a layers file (LAYERS FILES in man/cityidx.1): the base
 * layers a map draws besides the units, one feature a row: its kind
 * (layer), an optional name and English name, and its geometry as WKT
 * (none for a credit, whose text is the name).
 */
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "core/mem.h"
#include "io/csv.h"
#include "io/import.h"
#include "io/import_int.h"

const char *const cidx_imp_layer_cols[] = { "layer", NULL };
static const char *const name_cols[] = { "name", NULL };
static const char *const name_en_cols[] = { "name_en", NULL };
static const char *const geom_cols[] = { "boundary", "geometry", "wkt",
	NULL };

static char *
dup_or_null(const char *s)
{
	return s && *s ? cidx_xstrdup(s) : NULL;
}

void
cidx_imp_add_layer(struct ctx *x, int kind, const char *name,
    const char *name_en, const char *wkt)
{
	struct cidx_import *imp = x->imp;
	struct cidx_layer_feature *f;

	ALLOC_GROW(imp->layer, imp->n_layer + 1, x->lcap);
	f = &imp->layer[imp->n_layer++];
	f->kind = kind;
	f->name = dup_or_null(name);
	f->name_en = dup_or_null(name_en);
	f->wkt = dup_or_null(wkt);
}

/* one row's geometry, checked for its kind */
static int
row_geom(struct ctx *x, int kind, const struct cidx_csv_field *fk,
    const struct cidx_csv_field *fg, struct cidx_err *err)
{
	struct cidx_err gerr = CIDX_ERR_INIT;
	struct cidx_geom *g = NULL;
	size_t bad = 0;

	if (kind == CIDX_LAYER_CREDIT) {
		if (fg != NULL && *fg->s != '\0')
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: a "
			    "credit has no geometry (its text is the name)",
			    x->path, fg->line, fg->col);
		return 0;
	}
	if (fg == NULL || *fg->s == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: a '%s' "
		    "feature needs a geometry (WKT)", x->path, fk->line,
		    fk->col, cidx_layer_kind_name(kind));
	if (cidx_geom_parse(&g, fg->s, cidx_layer_kind_geoms(kind), &bad,
	    &gerr) < 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s", x->path,
		    fg->line, cidx_csv_col_at(fg, bad), gerr.msg);
	cidx_geom_free(g);
	return 0;
}

/* the kind of a row; an inset or extent may be given once */
int
cidx_imp_layer_kind(struct ctx *x, const char *s, unsigned line, unsigned col,
    unsigned *once, struct cidx_err *err)
{
	int kind = cidx_layer_kind_parse(s);

	if (kind < 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: unknown layer "
		    "'%.40s' (outline, province, island, line, inset, extent "
		    "or credit)", x->path, line, col, s);
	if (kind == CIDX_LAYER_INSET || kind == CIDX_LAYER_EXTENT) {
		unsigned *first = &once[kind == CIDX_LAYER_EXTENT];

		if (*first)
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: a "
			    "second '%s' (the first at line %u): a map has "
			    "one", x->path, line, col, s, *first);
		*first = line;
	}
	return kind;
}

int
cidx_imp_read_layers(struct ctx *x, struct cidx_err *err)
{
	int ck = cidx_imp_find_col(x, cidx_imp_layer_cols);
	int cn = cidx_imp_find_col(x, name_cols);
	int ce = cidx_imp_find_col(x, name_en_cols);
	int cg = cidx_imp_find_col(x, geom_cols);
	unsigned once[2] = { 0, 0 };
	struct cidx_csv_row row;
	int ret = 0;

	x->imp->layout = "layers";
	for (size_t c = 0; c < x->nc; c++)
		if ((int)c != ck && (int)c != cn && (int)c != ce &&
		    (int)c != cg)
			return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: "
			    "unexpected column '%s' in a layers file (layer, "
			    "name, name_en, boundary)", x->path, x->h[c].line,
			    x->h[c].col, x->h[c].s);
	while ((ret = cidx_csv_next(x->r, &row, err)) > 0) {
		const struct cidx_csv_field *fk, *fn, *fe, *fg;
		int kind;

		if ((ret = cidx_csv_row_check(x->path, &row, x->nc, err)) < 0)
			break;
		fk = &row.field[ck];
		fn = cn >= 0 ? &row.field[cn] : NULL;
		fe = ce >= 0 ? &row.field[ce] : NULL;
		fg = cg >= 0 ? &row.field[cg] : NULL;
		if ((ret = kind = cidx_imp_layer_kind(x, fk->s, fk->line,
		    fk->col, once, err)) < 0)
			break;
		if ((fn && (ret = cidx_imp_check_text(x->path, fn, 0, "name",
		    err)) < 0) || (fe && (ret = cidx_imp_check_text(x->path, fe,
		    0, "name_en", err)) < 0))
			break;
		if (kind == CIDX_LAYER_CREDIT && (fn == NULL || !*fn->s) &&
		    (fe == NULL || !*fe->s)) {
			ret = cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: a "
			    "credit needs its text in 'name' or 'name_en'",
			    x->path, fk->line, fk->col);
			break;
		}
		if ((ret = row_geom(x, kind, fk, fg, err)) < 0)
			break;
		cidx_imp_add_layer(x, kind, fn ? fn->s : NULL,
		    fe ? fe->s : NULL, fg ? fg->s : NULL);
	}
	return ret < 0 ? ret : 0;
}
