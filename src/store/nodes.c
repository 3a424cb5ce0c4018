/*
 * nodes.c - the framework in the workspace (table nodes): replacing it,
 * never orphaning the values of an indicator it drops, and loading it,
 * checking what another program may have written there.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/store.h"

static const char *
type_name(enum cidx_node_type t)
{
	switch (t) {
	case CIDX_NODE_INDICATOR:
		return "indicator";
	case CIDX_NODE_AGGREGATE:
		return "aggregate";
	case CIDX_NODE_DENOMINATOR:
		return "denominator";
	case CIDX_NODE_GROUP:
		return "group";
	}
	return "indicator";
}

static int
type_of(const char *name, enum cidx_node_type *out)
{
	static const enum cidx_node_type all[] = { CIDX_NODE_INDICATOR,
		CIDX_NODE_AGGREGATE, CIDX_NODE_DENOMINATOR, CIDX_NODE_GROUP };

	for (size_t i = 0; name && i < sizeof(all) / sizeof(all[0]); i++)
		if (strcmp(name, type_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	return -1;
}

static int
set_meta(struct cidx_store *st, const char *key, const char *value,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, "INSERT OR REPLACE INTO meta(key, "
	    "value) VALUES (?1, ?2)", err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "tt", key, value)) == 0)
		ret = cidx_db_done(st, s, "meta", err);
	sqlite3_finalize(s);
	return ret;
}

int
cidx_store_set_framework(struct cidx_store *st,
    const struct cidx_framework *fw, const char *source,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL, *q = NULL;
	int ret, rc;

	if ((ret = cidx_db_write_begin(st, err)) < 0)
		return ret;
	/* data for an indicator the new framework drops would be orphaned */
	if ((ret = cidx_db_prepare(st, &q, "SELECT id, code FROM series ORDER "
	    "BY code", err)) < 0)
		goto fail;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 1);
		int k = cidx_framework_find(fw, code), used = 0;

		if (k >= 0 && (fw->node[k].type == CIDX_NODE_INDICATOR ||
		    fw->node[k].type == CIDX_NODE_DENOMINATOR))
			continue;
		if ((ret = cidx_ymat_series_used(st,
		    (size_t)sqlite3_column_int64(q, 0), &used, err)) < 0)
			goto fail;
		if (used) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "the workspace holds data for '%s', which the new "
			    "framework %s", code, k < 0 ? "lacks" :
			    "does not have as an indicator");
			goto fail;
		}
	}
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read series");
		goto fail;
	}
	sqlite3_finalize(q);
	q = NULL;
	if ((ret = cidx_db_exec(st, "DELETE FROM nodes", err)) < 0)
		goto fail;
	if ((ret = cidx_db_prepare(st, &s, "INSERT INTO nodes(code, parent, "
	    "type, level, name_zh, name_en, direction, weight, unit, "
	    "denominator, target, ord, goal_lo, goal_hi, treat, description, "
	    "source, unit_zh, description_zh, source_zh) VALUES (?1,?2,?3,?4,"
	    "?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)",
	    err)) < 0)
		goto fail;
	for (size_t i = 0; i < fw->n; i++) {
		const struct cidx_node *nd = &fw->node[i];

		if ((ret = cidx_db_bind(st, s, err, "tttittidttdIddtttttt",
		    nd->code, nd->parent, type_name(nd->type), nd->level,
		    nd->name_zh, nd->name_en, nd->direction, nd->weight,
		    nd->unit, nd->denominator, nd->target, (sqlite3_int64)i,
		    nd->goal_lo, nd->goal_hi, nd->treat, nd->description,
		    nd->source, nd->unit_zh, nd->description_zh,
		    nd->source_zh)) < 0 ||
		    (ret = cidx_db_done(st, s, "save framework", err)) < 0)
			goto fail;
	}
	if ((ret = set_meta(st, "framework_file", source, err)) < 0 ||
	    (ret = set_meta(st, "framework_sha256", fw->checksum, err)) < 0)
		goto fail;
	sqlite3_finalize(s);
	s = NULL;
	if ((ret = cidx_db_commit(st, err)) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_finalize(q);
	sqlite3_finalize(s);
	cidx_db_rollback(st);
	return ret;
}

/* A number column of `nodes`: a number, or NULL where `nullable`. */
static int
num_col(sqlite3_stmt *s, int i, int nullable, double *out)
{
	int t = sqlite3_column_type(s, i);

	if (t == SQLITE_NULL && nullable) {
		*out = NAN;
		return 0;
	}
	if (t != SQLITE_INTEGER && t != SQLITE_FLOAT)
		return -1;
	*out = sqlite3_column_double(s, i);
	return 0;
}

int
cidx_store_load_framework(struct cidx_store *st, struct cidx_framework **out,
    struct cidx_err *err)
{
	static const char *const cols[] = { "code", "parent", "type", "level",
		"name_zh", "name_en", "direction", "weight", "unit",
		"denominator", "target", "goal_lo", "goal_hi", "treat",
		"description", "source", "unit_zh", "description_zh",
		"source_zh" };
	sqlite3_stmt *s;
	struct cidx_node *node = NULL;
	size_t n = 0, cap = 0;
	int ret, rc, bad = -1;

	*out = NULL;
	if ((ret = cidx_db_prepare(st, &s, "SELECT code, parent, type, level, "
	    "name_zh, name_en, direction, weight, unit, denominator, target, "
	    "goal_lo, goal_hi, treat, description, source, unit_zh, "
	    "description_zh, source_zh FROM nodes ORDER BY ord", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_node *nd;
		double lv = 0, dir = 1;

		ALLOC_GROW(node, n + 1, cap);
		nd = &node[n++];
		memset(nd, 0, sizeof(*nd));
		nd->code = cidx_db_col_dup(s, 0);
		nd->parent = cidx_db_col_dup(s, 1);
		nd->name_zh = cidx_db_col_dup(s, 4);
		nd->name_en = cidx_db_col_dup(s, 5);
		nd->unit = cidx_db_col_dup(s, 8);
		nd->denominator = cidx_db_col_dup(s, 9);
		nd->treat = cidx_db_col_dup(s, 13);
		nd->description = cidx_db_col_dup(s, 14);
		nd->source = cidx_db_col_dup(s, 15);
		nd->unit_zh = cidx_db_col_dup(s, 16);
		nd->description_zh = cidx_db_col_dup(s, 17);
		nd->source_zh = cidx_db_col_dup(s, 18);
		/* what another program wrote there is checked, not trusted */
		if (sqlite3_column_type(s, 0) != SQLITE_TEXT)
			bad = 0;
		else if (type_of((const char *)sqlite3_column_text(s, 2),
		    &nd->type) < 0)
			bad = 2;
		else if (num_col(s, 3, 0, &lv) < 0 || lv != floor(lv) ||
		    fabs(lv) > 1e6)
			bad = 3;
		else if (num_col(s, 6, 0, &dir) < 0 || (dir != 1 && dir != -1))
			bad = 6;
		else if (num_col(s, 7, 0, &nd->weight) < 0)
			bad = 7;
		else if (num_col(s, 10, 1, &nd->target) < 0)
			bad = 10;
		else if (num_col(s, 11, 1, &nd->goal_lo) < 0)
			bad = 11;
		else if (num_col(s, 12, 1, &nd->goal_hi) < 0)
			bad = 12;
		if (bad >= 0) {
			const unsigned char *v = sqlite3_column_text(s, bad);

			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': node "
			    "'%s': %s '%s' is not valid", st->path,
			    nd->code ? nd->code : "", cols[bad],
			    v ? (const char *)v : "NULL");
			break;
		}
		nd->level = (int)lv;
		nd->direction = (int)dir;
	}
	if (bad < 0 && rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "load framework");
	sqlite3_finalize(s);
	if (ret < 0) {
		cidx_nodes_free(node, n);
		return ret;
	}
	if (n == 0) {
		free(node);
		return cidx_err_set(err, CIDX_ENOWORKSPACE,
		    "workspace '%s' has no framework", st->path);
	}
	return cidx_framework_build(out, node, n, st->path, err);
}
