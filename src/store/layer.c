/*
 * layer.c - the base layers of maps (the table `layers`, schema version
 * 3; LAYERS FILES in man/cityidx.1): what a map draws besides the units.
 *
 * A layers file states each kind it holds whole: importing it replaces
 * every stored feature of those kinds, and leaves the other kinds alone.
 * Features are matched by name to count them new, changed, removed or
 * unchanged; a kind whose features all match stays as it is (its rows,
 * their import ids).
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

struct stored {
	char *name, *name_en, *geometry;
	int matched;
};

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
stored_free(struct stored *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].name_en);
		free(s[i].geometry);
	}
	free(s);
}

static int
load_kind(struct cidx_store *st, int kind, struct stored **out, size_t *n,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	struct stored *v = NULL;
	size_t cap = 0;
	int ret, rc;

	*out = NULL;
	*n = 0;
	if ((ret = cidx_db_prepare(st, &s, "SELECT name, name_en, geometry "
	    "FROM layers WHERE kind = ?1 ORDER BY id", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "t",
	    cidx_layer_kind_name(kind))) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, *n + 1, cap);
		v[*n].name = cidx_db_col_dup(s, 0);
		v[*n].name_en = cidx_db_col_dup(s, 1);
		v[*n].geometry = cidx_db_col_dup(s, 2);
		v[(*n)++].matched = 0;
	}
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read layers");
out:
	sqlite3_finalize(s);
	if (ret < 0)
		stored_free(v, *n);
	else
		*out = v;
	return ret;
}

/* the batch's features of `kind` in place of the stored ones */
static int
replace_kind(struct cidx_store *st, const struct cidx_import *imp, int kind,
    long long id, struct cidx_err *err)
{
	const char *name = cidx_layer_kind_name(kind);
	sqlite3_stmt *del = NULL, *ins = NULL;
	int ret;

	if ((ret = cidx_db_prepare(st, &del, "DELETE FROM layers WHERE "
	    "kind = ?1", err)) < 0 ||
	    (ret = cidx_db_bind(st, del, err, "t", name)) < 0 ||
	    (ret = cidx_db_done(st, del, "replace layers", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &ins, "INSERT INTO layers(kind, name, "
	    "name_en, geometry, import_id) VALUES (?1, ?2, ?3, ?4, ?5)",
	    err)) < 0)
		goto out;
	for (size_t i = 0; i < imp->n_layer; i++) {
		const struct cidx_layer_feature *f = &imp->layer[i];

		if (f->kind != kind)
			continue;
		if ((ret = cidx_db_bind(st, ins, err, "ttttI", name, f->name,
		    f->name_en, f->wkt, (sqlite3_int64)id)) < 0 ||
		    (ret = cidx_db_done(st, ins, "save layers", err)) < 0)
			goto out;
	}
out:
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return ret;
}

int
cidx_layers_apply(struct cidx_store *st, const struct cidx_import *imp,
    long long id, struct cidx_import_stats *ss, struct cidx_err *err)
{
	for (int kind = 0; kind < CIDX_LAYER__COUNT; kind++) {
		struct stored *s = NULL;
		size_t n = 0, seen = 0;
		long before = ss->layers_new + ss->layers_changed +
		    ss->layers_removed;
		int ret;

		for (size_t i = 0; i < imp->n_layer; i++)
			seen += imp->layer[i].kind == kind;
		if (seen == 0)
			continue;
		if ((ret = load_kind(st, kind, &s, &n, err)) < 0)
			return ret;
		for (size_t i = 0; i < imp->n_layer; i++) {
			const struct cidx_layer_feature *f = &imp->layer[i];
			size_t j;

			if (f->kind != kind)
				continue;
			for (j = 0; j < n; j++)
				if (!s[j].matched && same(s[j].name, f->name))
					break;
			if (j == n) {
				ss->layers_new++;
				continue;
			}
			s[j].matched = 1;
			if (same(s[j].name_en, f->name_en) &&
			    same(s[j].geometry, f->wkt))
				ss->layers_unchanged++;
			else
				ss->layers_changed++;
		}
		for (size_t j = 0; j < n; j++)
			ss->layers_removed += !s[j].matched;
		stored_free(s, n);
		if (ss->layers_new + ss->layers_changed + ss->layers_removed >
		    before && (ret = replace_kind(st, imp, kind, id, err)) < 0)
			return ret;
	}
	return 0;
}

void
cidx_layers_free(struct cidx_layers *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->f[i].name);
		free(l->f[i].name_en);
		cidx_geom_free(l->f[i].geom);
	}
	free(l->f);
	free(l);
}

int
cidx_store_load_layers(struct cidx_store *st, struct cidx_layers **out,
    struct cidx_err *err)
{
	struct cidx_layers *l = cidx_xcalloc(1, sizeof(*l));
	sqlite3_stmt *s = NULL;
	size_t cap = 0;
	int ret, rc, own;

	*out = NULL;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0) {
		free(l);
		return ret;
	}
	if ((ret = cidx_db_prepare(st, &s, "SELECT kind, name, name_en, "
	    "geometry FROM layers ORDER BY id", err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(s, 0);
		const char *wkt = (const char *)sqlite3_column_text(s, 3);
		struct cidx_err gerr = CIDX_ERR_INIT;
		struct cidx_layer *f;
		int k = kind ? cidx_layer_kind_parse(kind) : -1;

		ALLOC_GROW(l->f, l->n + 1, cap);
		f = &l->f[l->n++];
		memset(f, 0, sizeof(*f));
		f->kind = k;
		f->name = cidx_db_col_dup(s, 1);
		f->name_en = cidx_db_col_dup(s, 2);
		if (k < 0 || (k != CIDX_LAYER_CREDIT && (wkt == NULL ||
		    cidx_geom_parse(&f->geom, wkt, cidx_layer_kind_geoms(k),
		    NULL, &gerr) < 0))) {
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': "
			    "layer '%s' feature '%s': %s", st->path,
			    kind ? kind : "", f->name ? f->name : "",
			    k < 0 ? "unknown kind" : wkt == NULL ?
			    "no geometry" : gerr.msg);
			goto out;
		}
	}
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read layers");
out:
	sqlite3_finalize(s);
	cidx_db_read_end(st, own);
	if (ret < 0)
		cidx_layers_free(l);
	else
		*out = l;
	return ret;
}
