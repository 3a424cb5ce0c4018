/*
 * boundary.c - unit outlines for the map chart.  They are kept as the WKT
 * the units file gave (units.boundary, checked on import) and parsed here:
 * 300 city outlines, 4 MB of text, parse in a few tens of milliseconds.
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

void
cidx_boundaries_free(struct cidx_boundaries *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->code[i]);
		cidx_geom_free(b->geom[i]);
	}
	free(b->code);
	free(b->geom);
	free(b);
}

static int
parse(struct cidx_store *st, const char *code, const unsigned char *wkt,
    struct cidx_geom **out, struct cidx_err *err)
{
	struct cidx_err gerr = CIDX_ERR_INIT;
	size_t bad = 0;

	*out = NULL;
	if (wkt == NULL)
		return 0;
	if (cidx_geom_parse_wkt(out, (const char *)wkt, &bad, &gerr) < 0)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': unit '%s': "
		    "%s (at byte %zu)", st->path, code, gerr.msg, bad);
	return 0;
}

int
cidx_store_load_boundaries(struct cidx_store *st, const char *const *codes,
    size_t n, struct cidx_boundaries **out, struct cidx_err *err)
{
	struct cidx_boundaries *b = cidx_xcalloc(1, sizeof(*b));
	sqlite3_stmt *s = NULL;
	size_t cap = 0;
	int ret, rc, own;

	*out = NULL;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0) {
		free(b);
		return ret;
	}
	if (codes == NULL) {
		if ((ret = cidx_db_prepare(st, &s, "SELECT code, boundary FROM "
		    "units WHERE boundary IS NOT NULL ORDER BY code", err)) < 0)
			goto fail;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (b->n + 1 > cap) {
				ALLOC_GROW(b->code, b->n + 1, cap);
				b->geom = cidx_xreallocarray(b->geom, cap,
				    sizeof(*b->geom));
			}
			b->code[b->n] = cidx_db_col_dup(s, 0);
			b->geom[b->n] = NULL;
			b->n++;
			if ((ret = parse(st, b->code[b->n - 1],
			    sqlite3_column_text(s, 1), &b->geom[b->n - 1],
			    err)) < 0)
				goto fail;
		}
		if (rc != SQLITE_DONE) {
			ret = cidx_db_err(st, err, "read boundaries");
			goto fail;
		}
		goto done;
	}
	b->code = cidx_xcalloc(n + 1, sizeof(*b->code));
	b->geom = cidx_xcalloc(n + 1, sizeof(*b->geom));
	b->n = n;
	for (size_t i = 0; i < n; i++)
		b->code[i] = cidx_xstrdup(codes[i]);
	if ((ret = cidx_db_prepare(st, &s, "SELECT boundary FROM units WHERE "
	    "code = ?1", err)) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if ((ret = cidx_db_bind(st, s, err, "t", codes[i])) < 0)
			goto fail;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			if ((ret = parse(st, codes[i], sqlite3_column_text(s, 0),
			    &b->geom[i], err)) < 0)
				goto fail;
		} else if (rc != SQLITE_DONE) {
			ret = cidx_db_err(st, err, "read boundaries");
			goto fail;
		}
	}
done:
	sqlite3_finalize(s);
	cidx_db_read_end(st, own);
	*out = b;
	return 0;
fail:
	sqlite3_finalize(s);
	cidx_db_read_end(st, own);
	cidx_boundaries_free(b);
	return ret;
}
