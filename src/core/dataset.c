/*
 * dataset.c - units, a year's dataset and a panel of years (core/model.h):
 * freeing, copying, keeping rows, finding units and attributes, counting
 * values.  The framework's half of the model is model.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/model.h"

void
cidx_unit_clear(struct cidx_unit *u)
{
	free(u->code);
	free(u->name);
	free(u->name_en);
	for (size_t i = 0; i < u->n_attr; i++) {
		free(u->attr[i].key);
		free(u->attr[i].value);
	}
	free(u->attr);
	memset(u, 0, sizeof(*u));
}

void
cidx_dataset_free(struct cidx_dataset *ds)
{
	if (ds == NULL)
		return;
	for (size_t i = 0; i < ds->n_units; i++)
		cidx_unit_clear(&ds->unit[i]);
	free(ds->unit);
	if (ds->x)
		gsl_matrix_free(ds->x);
	if (ds->den)
		gsl_matrix_free(ds->den);
	free(ds->den_node);
	free(ds->import_ids);
	free(ds);
}

static char *
dup_or_null(const char *s)
{
	return s ? cidx_xstrdup(s) : NULL;
}

void
cidx_unit_copy(struct cidx_unit *dst, const struct cidx_unit *src)
{
	dst->code = dup_or_null(src->code);
	dst->name = dup_or_null(src->name);
	dst->name_en = dup_or_null(src->name_en);
	dst->n_attr = src->n_attr;
	dst->attr = cidx_xcalloc(src->n_attr ? src->n_attr : 1, sizeof(*dst->attr));
	for (size_t a = 0; a < src->n_attr; a++) {
		dst->attr[a].key = cidx_xstrdup(src->attr[a].key);
		dst->attr[a].value = cidx_xstrdup(src->attr[a].value);
	}
}

struct cidx_dataset *
cidx_dataset_copy(const struct cidx_dataset *ds)
{
	struct cidx_dataset *c = cidx_xcalloc(1, sizeof(*c));

	c->year = ds->year;
	c->n_units = ds->n_units;
	c->unit = cidx_xcalloc(ds->n_units ? ds->n_units : 1, sizeof(*c->unit));
	for (size_t i = 0; i < ds->n_units; i++)
		cidx_unit_copy(&c->unit[i], &ds->unit[i]);
	if (ds->x) {
		c->x = cidx_matrix_alloc(ds->x->size1, ds->x->size2);
		gsl_matrix_memcpy(c->x, ds->x);
	}
	if (ds->den) {
		c->den = cidx_matrix_alloc(ds->den->size1, ds->den->size2);
		gsl_matrix_memcpy(c->den, ds->den);
	}
	c->n_den = ds->n_den;
	c->den_node = cidx_xcalloc(ds->n_den ? ds->n_den : 1, sizeof(size_t));
	if (ds->n_den)
		memcpy(c->den_node, ds->den_node, ds->n_den * sizeof(size_t));
	c->n_import_ids = ds->n_import_ids;
	c->import_ids = cidx_xcalloc(ds->n_import_ids ? ds->n_import_ids : 1,
	    sizeof(int));
	if (ds->n_import_ids)
		memcpy(c->import_ids, ds->import_ids,
		    ds->n_import_ids * sizeof(int));
	return c;
}

/* rows of m kept in order; returns the new matrix (or NULL if none kept) */
static gsl_matrix *
keep_rows(gsl_matrix *m, const int *keep, size_t nkeep)
{
	gsl_matrix *r;
	size_t k = 0;

	if (m == NULL)
		return NULL;
	if (nkeep == 0) {
		gsl_matrix_free(m);
		return NULL;
	}
	r = cidx_matrix_alloc(nkeep, m->size2);
	for (size_t i = 0; i < m->size1; i++)
		if (keep[i]) {
			gsl_vector_const_view v = gsl_matrix_const_row(m, i);

			gsl_matrix_set_row(r, k++, &v.vector);
		}
	gsl_matrix_free(m);
	return r;
}

void
cidx_dataset_keep(struct cidx_dataset *ds, const int *keep)
{
	size_t k = 0;

	for (size_t i = 0; i < ds->n_units; i++)
		k += keep[i] != 0;
	if (k == ds->n_units)
		return;
	ds->x = keep_rows(ds->x, keep, k);
	ds->den = keep_rows(ds->den, keep, k);
	k = 0;
	for (size_t i = 0; i < ds->n_units; i++) {
		if (keep[i])
			ds->unit[k++] = ds->unit[i];
		else
			cidx_unit_clear(&ds->unit[i]);
	}
	ds->n_units = k;
}

long
cidx_dataset_find(const struct cidx_dataset *ds, const char *code)
{
	size_t lo = 0, hi = ds->n_units;

	/* units are sorted by code (byte order) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ds->unit[mid].code, code);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void
cidx_panel_free(struct cidx_panel *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++)
		cidx_dataset_free(p->ds[i]);
	free(p->ds);
	free(p);
}

struct cidx_dataset *
cidx_panel_year(const struct cidx_panel *p, int year)
{
	for (size_t i = 0; p && i < p->n; i++)
		if (p->ds[i] && p->ds[i]->year == year)
			return p->ds[i];
	return NULL;
}

const char *
cidx_unit_attr(const struct cidx_unit *u, const char *key)
{
	size_t lo = 0, hi = u->n_attr;

	/* the attributes are sorted by key: a table of thousands of
	 * attribute columns looks up each one */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(u->attr[mid].key, key);

		if (c == 0)
			return u->attr[mid].value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
cidx_dataset_counts(const struct cidx_dataset *ds, size_t *n_ind,
    size_t *n_val)
{
	*n_ind = *n_val = 0;
	for (size_t j = 0; ds->x && j < ds->x->size2; j++) {
		size_t c = 0;

		for (size_t i = 0; i < ds->x->size1; i++)
			c += !isnan(gsl_matrix_get(ds->x, i, j));
		*n_ind += c > 0;
		*n_val += c;
	}
}
