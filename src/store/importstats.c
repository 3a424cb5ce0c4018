/*
 * importstats.c - what an import reports besides its counts: the
 * attribute keys it brings into the workspace (a text column of a wide
 * file that the framework lacks becomes an attribute, shown in every
 * ranking table after: the import must say so; cityidx(1), DATA FILES).
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/importstats.h"

void
cidx_import_stats_release(struct cidx_import_stats *ss)
{
	for (long i = 0; ss->unit_new && i < ss->units_new; i++) {
		free(ss->unit_new[i]);
		free(ss->unit_like[i]);
	}
	free(ss->unit_new);
	free(ss->unit_like);
	ss->unit_new = NULL;
	ss->unit_like = NULL;
	for (size_t i = 0; i < ss->n_attr_new; i++)
		free(ss->attr_new[i]);
	free(ss->attr_new);
	ss->attr_new = NULL;
	ss->n_attr_new = 0;
}

void
cidx_attr_keys_release(struct cidx_attr_keys *k)
{
	cidx_strmap_release(&k->map);
	for (size_t i = 0; i < k->n; i++)
		free(k->own[i]);
	free(k->own);
	memset(k, 0, sizeof(*k));
}

static void
add(struct cidx_attr_keys *k, const char *key)
{
	k->own = cidx_xreallocarray(k->own, k->n + 1, sizeof(*k->own));
	k->own[k->n] = cidx_xstrdup(key);
	cidx_strmap_put(&k->map, k->own[k->n], k->n);
	k->n++;
}

int
cidx_attr_keys_load(struct cidx_store *st, struct cidx_attr_keys *k,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT DISTINCT key FROM "
	    "unit_attrs", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add(k, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : cidx_db_err(st, err, "read unit_attrs");
}

void
cidx_attr_keys_note(struct cidx_attr_keys *k, const struct cidx_import *imp,
    struct cidx_import_stats *ss)
{
	size_t d;

	for (size_t i = 0; i < imp->n_attr_col; i++) {
		if (cidx_strmap_get(&k->map, imp->attr_col[i], &d))
			continue;
		add(k, imp->attr_col[i]);
		ss->attr_new = cidx_xreallocarray(ss->attr_new,
		    ss->n_attr_new + 1, sizeof(*ss->attr_new));
		ss->attr_new[ss->n_attr_new++] = cidx_xstrdup(imp->attr_col[i]);
	}
}
