/*
 * importstats.c - what an import reports besides its counts: the
 * attribute keys it brings into the workspace (a text column of a wide
 * file that the framework lacks becomes an attribute, shown in every
 * ranking table after: the import must say so; cityidx(1), DATA FILES),
 * and its row of the import log.
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

/* The import log (table imports) */

int
cidx_implog_seen(struct cidx_store *st, const char *sha, int *out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT 1 FROM imports WHERE "
	    "sha256 = ?1 AND kind = 'import'", err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "t", sha)) == 0) {
		rc = sqlite3_step(s);
		*out = rc == SQLITE_ROW;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			ret = cidx_db_err(st, err, "read import log");
	}
	sqlite3_finalize(s);
	return ret;
}

/* The log row is written first, so that new units and values can carry
 * its id; an import that changed nothing takes it out again. */
int
cidx_implog_begin(struct cidx_store *st, const struct cidx_import *imp,
    const char *when, long long *id, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, "INSERT INTO imports(file, sha256, "
	    "time, layout, encoding, rows, values_new, values_changed, "
	    "values_removed, values_unchanged, units_new, units_changed, kind) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 0, 0, 0, 0, 0, 'import')",
	    err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "tttttI", imp->path, imp->sha256,
	    when, imp->layout, imp->encoding, (sqlite3_int64)imp->n_rows)) == 0 &&
	    (ret = cidx_db_done(st, s, "log import", err)) == 0)
		*id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return ret;
}

/* what a batch changed: with none it is not logged */
long
cidx_implog_changes(const struct cidx_import_stats *ss)
{
	return ss->values_new + ss->values_changed + ss->values_removed +
	    ss->units_new + ss->units_changed + ss->layers_new +
	    ss->layers_changed + ss->layers_removed;
}

int
cidx_implog_end(struct cidx_store *st, long long id,
    const struct cidx_import_stats *ss, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, keep = cidx_implog_changes(ss) > 0;

	if ((ret = cidx_db_prepare(st, &s, keep ? "UPDATE imports SET "
	    "values_new = ?2, values_changed = ?3, values_removed = ?4, "
	    "values_unchanged = ?5, units_new = ?6, units_changed = ?7 WHERE "
	    "id = ?1" : "DELETE FROM imports WHERE id = ?1", err)) < 0)
		return ret;
	if (keep)
		ret = cidx_db_bind(st, s, err, "IIIIIII", (sqlite3_int64)id,
		    (sqlite3_int64)ss->values_new,
		    (sqlite3_int64)ss->values_changed,
		    (sqlite3_int64)ss->values_removed,
		    (sqlite3_int64)ss->values_unchanged,
		    (sqlite3_int64)ss->units_new,
		    (sqlite3_int64)ss->units_changed);
	else
		ret = cidx_db_bind(st, s, err, "I", (sqlite3_int64)id);
	if (ret == 0)
		ret = cidx_db_done(st, s, "log import", err);
	sqlite3_finalize(s);
	return ret;
}


int
cidx_store_last_change(struct cidx_store *st, char buf[32],
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	const unsigned char *t;
	int ret, rc;

	buf[0] = '\0';
	if ((ret = cidx_db_prepare(st, &s, "SELECT max(time) FROM imports",
	    err)) < 0)
		return ret;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL &&
	    strlen((const char *)t) == 20)
		memcpy(buf, t, 21);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    cidx_db_err(st, err, "read the import log");
}
