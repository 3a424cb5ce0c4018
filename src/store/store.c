/*
 * store.c - SQLite workspace.  Every statement is prepared; every return
 * code is checked and turned into a cidx_err at this boundary.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "core/strmap.h"
#include "store/schema.h"
#include "store/store.h"

struct cidx_store {
	sqlite3 *db;
	char *path;
	int snapshot; /* inside cidx_store_snapshot() */
};

static int
db_err(struct cidx_store *st, struct cidx_err *err, const char *what)
{
	return cidx_err_set(err, CIDX_EDB, "workspace '%s': %s: %s", st->path,
	    what, sqlite3_errmsg(st->db));
}

static int
exec(struct cidx_store *st, const char *sql, struct cidx_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		cidx_err_set(err, CIDX_EDB, "workspace '%s': %s", st->path,
		    msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return CIDX_EDB;
	}
	return 0;
}

static int
prepare(struct cidx_store *st, sqlite3_stmt **out, const char *sql,
    struct cidx_err *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return db_err(st, err, "prepare");
	return 0;
}

/*
 * Resets `s` and binds its parameters ?1, ?2, ... from the arguments, one
 * per letter of `types`:
 *   t  const char *     text (NULL binds NULL); copied by SQLite
 *   i  int
 *   I  sqlite3_int64
 *   d  double           NaN binds NULL
 * Every return code is checked: the one place statements get their values.
 */
static int
bind(struct cidx_store *st, sqlite3_stmt *s, struct cidx_err *err,
    const char *types, ...)
{
	va_list ap;
	int rc = SQLITE_OK, i = 1;

	sqlite3_reset(s);
	va_start(ap, types);
	for (const char *t = types; *t && rc == SQLITE_OK; t++, i++) {
		switch (*t) {
		case 't': {
			const char *v = va_arg(ap, const char *);

			rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) :
			    sqlite3_bind_null(s, i);
			break;
		}
		case 'i':
			rc = sqlite3_bind_int(s, i, va_arg(ap, int));
			break;
		case 'I':
			rc = sqlite3_bind_int64(s, i, va_arg(ap, sqlite3_int64));
			break;
		case 'd': {
			double v = va_arg(ap, double);

			rc = isnan(v) ? sqlite3_bind_null(s, i) :
			    sqlite3_bind_double(s, i, v);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
			break;
		}
	}
	va_end(ap);
	if (rc != SQLITE_OK)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': bind "
		    "parameter %d: %s", st->path, i - 1, sqlite3_errstr(rc));
	return 0;
}

/* Runs a statement that returns no row. */
static int
step_done(struct cidx_store *st, sqlite3_stmt *s, const char *what,
    struct cidx_err *err)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_err(st, err, what);
	return 0;
}

static int
user_version(struct cidx_store *st, int *out, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = prepare(st, &s, "PRAGMA user_version", err)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = db_err(st, err, "read schema version");
		sqlite3_finalize(s);
		return ret;
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return 0;
}

static int
migrate(struct cidx_store *st, struct cidx_err *err)
{
	int v, ret;

	if ((ret = user_version(st, &v, err)) < 0)
		return ret;
	if (v < 0)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': unknown "
		    "schema version %d", st->path, v);
	if (v > (int)cidx_n_migrations)
		return cidx_err_set(err, CIDX_EDB,
		    "workspace '%s': schema version %d is newer than this "
		    "cityidx reads (%zu)", st->path, v, cidx_n_migrations);
	while (v < (int)cidx_n_migrations) {
		char pragma[64];

		if ((ret = exec(st, "BEGIN IMMEDIATE", err)) < 0)
			return ret;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
		    v + 1);
		if ((ret = exec(st, cidx_migrations[v], err)) < 0 ||
		    (ret = exec(st, pragma, err)) < 0) {
			exec(st, "ROLLBACK", NULL);
			return ret;
		}
		if ((ret = exec(st, "COMMIT", err)) < 0)
			return ret;
		v++;
	}
	return 0;
}

int
cidx_store_open(struct cidx_store **out, const char *path, int create,
    struct cidx_err *err)
{
	struct cidx_store *st;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE, ret, v;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (!create)
			return cidx_err_set(err, CIDX_ENOWORKSPACE,
			    "no workspace at '%s'", path);
		flags |= SQLITE_OPEN_CREATE;
	} else if (S_ISDIR(sb.st_mode)) {
		return cidx_err_set(err, CIDX_EINVAL, "workspace '%s' is a "
		    "directory", path);
	}
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		ret = db_err(st, err, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	if ((ret = exec(st, "PRAGMA foreign_keys = ON", err)) < 0)
		goto fail;
	if ((ret = user_version(st, &v, err)) < 0) {
		cidx_err_set(err, CIDX_EDB, "'%s' is not a cityidx workspace "
		    "(not an SQLite database)", path);
		goto fail;
	}
	if (v == 0 && !create) {
		ret = cidx_err_set(err, CIDX_ENOWORKSPACE, "'%s' is not a "
		    "cityidx workspace", path);
		goto fail;
	}
	if (v == 0) {
		/* never add our tables to somebody else's database */
		sqlite3_stmt *q;
		int other;

		if ((ret = prepare(st, &q, "SELECT count(*) FROM sqlite_schema",
		    err)) < 0)
			goto fail;
		other = sqlite3_step(q) == SQLITE_ROW &&
		    sqlite3_column_int(q, 0) > 0;
		sqlite3_finalize(q);
		if (other) {
			ret = cidx_err_set(err, CIDX_EDB, "'%s' is an SQLite "
			    "database that is not a cityidx workspace; "
			    "choose another path", path);
			goto fail;
		}
	}
	/* a year of a large index is a few MB: keep it in memory */
	if ((ret = exec(st, "PRAGMA cache_size = -65536", err)) < 0 ||
	    (ret = exec(st, "PRAGMA journal_mode = WAL", err)) < 0 ||
	    (ret = migrate(st, err)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	cidx_store_close(st);
	return ret;
}

void
cidx_store_close(struct cidx_store *st)
{
	if (st == NULL)
		return;
	if (st->snapshot)
		cidx_store_snapshot_end(st);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *
cidx_store_path(const struct cidx_store *st)
{
	return st->path;
}

int
cidx_store_snapshot(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if (st->snapshot)
		return 0;
	if ((ret = exec(st, "BEGIN DEFERRED", err)) < 0)
		return ret;
	/* a deferred transaction starts reading at its first read: read now,
	 * so the snapshot is the state at this call */
	if ((ret = prepare(st, &s, "SELECT count(*) FROM sqlite_schema",
	    err)) < 0)
		goto fail;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = db_err(st, err, "begin reading");
		sqlite3_finalize(s);
		goto fail;
	}
	sqlite3_finalize(s);
	st->snapshot = 1;
	return 0;
fail:
	exec(st, "ROLLBACK", NULL);
	return ret;
}

void
cidx_store_snapshot_end(struct cidx_store *st)
{
	if (st == NULL || !st->snapshot)
		return;
	/* a read transaction: nothing to commit, nothing that can fail */
	exec(st, "ROLLBACK", NULL);
	st->snapshot = 0;
}

/*
 * Reads made outside a snapshot still see one state per call: a store
 * function that reads several tables opens its own read transaction when
 * the caller has none.  *own says whether read_end() must close it.
 */
static int
read_begin(struct cidx_store *st, int *own, struct cidx_err *err)
{
	int ret;

	*own = 0;
	if (!sqlite3_get_autocommit(st->db))
		return 0;
	if ((ret = cidx_store_snapshot(st, err)) < 0)
		return ret;
	*own = 1;
	return 0;
}

static void
read_end(struct cidx_store *st, int own)
{
	if (own)
		cidx_store_snapshot_end(st);
}

/* Begins the write transaction of a command; refused inside a snapshot,
 * whose reads would no longer be what is written. */
static int
write_begin(struct cidx_store *st, struct cidx_err *err)
{
	if (st->snapshot)
		return cidx_err_set(err, CIDX_ERROR, "workspace '%s': a write "
		    "inside a read snapshot", st->path);
	return exec(st, "BEGIN IMMEDIATE", err);
}

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
set_meta(struct cidx_store *st, const char *key, const char *value,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = prepare(st, &s, "INSERT OR REPLACE INTO meta(key, value) "
	    "VALUES (?1, ?2)", err)) < 0)
		return ret;
	if ((ret = bind(st, s, err, "tt", key, value)) == 0)
		ret = step_done(st, s, "meta", err);
	sqlite3_finalize(s);
	return ret;
}

int
cidx_store_set_framework(struct cidx_store *st,
    const struct cidx_framework *fw, const char *source,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL, *q = NULL;
	int ret;

	if ((ret = write_begin(st, err)) < 0)
		return ret;
	/* data for an indicator the new framework drops would be orphaned */
	if ((ret = prepare(st, &q, "SELECT DISTINCT indicator FROM "
	    "observations ORDER BY indicator", err)) < 0)
		goto fail;
	while ((ret = sqlite3_step(q)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(q, 0);
		int k = cidx_framework_find(fw, code);

		if (k < 0 || (fw->node[k].type != CIDX_NODE_INDICATOR &&
		    fw->node[k].type != CIDX_NODE_DENOMINATOR)) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "the workspace holds data for '%s', which the new "
			    "framework %s", code, k < 0 ? "lacks" :
			    "does not have as an indicator");
			goto fail;
		}
	}
	if (ret != SQLITE_DONE) {
		ret = db_err(st, err, "read observations");
		goto fail;
	}
	sqlite3_finalize(q);
	q = NULL;
	if ((ret = exec(st, "DELETE FROM nodes", err)) < 0)
		goto fail;
	if ((ret = prepare(st, &s, "INSERT INTO nodes(code, parent, type, "
	    "level, name_zh, name_en, direction, weight, unit, denominator, "
	    "target, ord, goal_lo, goal_hi, treat) VALUES (?1,?2,?3,?4,?5,?6,"
	    "?7,?8,?9,?10,?11,?12,?13,?14,?15)",
	    err)) < 0)
		goto fail;
	for (size_t i = 0; i < fw->n; i++) {
		const struct cidx_node *nd = &fw->node[i];

		if ((ret = bind(st, s, err, "tttittidttdIddt", nd->code,
		    nd->parent, type_name(nd->type), nd->level, nd->name_zh,
		    nd->name_en, nd->direction, nd->weight, nd->unit,
		    nd->denominator, nd->target, (sqlite3_int64)i, nd->goal_lo,
		    nd->goal_hi, nd->treat)) < 0 ||
		    (ret = step_done(st, s, "save framework", err)) < 0)
			goto fail;
	}
	if ((ret = set_meta(st, "framework_file", source, err)) < 0 ||
	    (ret = set_meta(st, "framework_sha256", fw->checksum, err)) < 0)
		goto fail;
	sqlite3_finalize(s);
	s = NULL;
	if ((ret = exec(st, "COMMIT", err)) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_finalize(q);
	sqlite3_finalize(s);
	exec(st, "ROLLBACK", NULL);
	return ret;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? xstrdup((const char *)t) : NULL;
}

int
cidx_store_load_framework(struct cidx_store *st, struct cidx_framework **out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	struct cidx_node *node = NULL;
	size_t n = 0, cap = 0;
	int ret;

	*out = NULL;
	if ((ret = prepare(st, &s, "SELECT code, parent, type, level, "
	    "name_zh, name_en, direction, weight, unit, denominator, target, "
	    "goal_lo, goal_hi, treat FROM nodes ORDER BY ord", err)) < 0)
		return ret;
	while ((ret = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_node *nd;
		const char *type = (const char *)sqlite3_column_text(s, 2);

		ALLOC_GROW(node, n + 1, cap);
		nd = &node[n++];
		memset(nd, 0, sizeof(*nd));
		nd->code = col_dup(s, 0);
		nd->parent = col_dup(s, 1);
		nd->type = strcmp(type, "aggregate") == 0 ?
		    CIDX_NODE_AGGREGATE : strcmp(type, "denominator") == 0 ?
		    CIDX_NODE_DENOMINATOR : strcmp(type, "group") == 0 ?
		    CIDX_NODE_GROUP : CIDX_NODE_INDICATOR;
		nd->level = sqlite3_column_int(s, 3);
		nd->name_zh = col_dup(s, 4);
		nd->name_en = col_dup(s, 5);
		nd->direction = sqlite3_column_int(s, 6);
		nd->weight = sqlite3_column_double(s, 7);
		nd->unit = col_dup(s, 8);
		nd->denominator = col_dup(s, 9);
		nd->target = sqlite3_column_type(s, 10) == SQLITE_NULL ? NAN :
		    sqlite3_column_double(s, 10);
		nd->goal_lo = sqlite3_column_type(s, 11) == SQLITE_NULL ? NAN :
		    sqlite3_column_double(s, 11);
		nd->goal_hi = sqlite3_column_type(s, 12) == SQLITE_NULL ? NAN :
		    sqlite3_column_double(s, 12);
		nd->treat = col_dup(s, 13);
	}
	if (ret != SQLITE_DONE) {
		ret = db_err(st, err, "load framework");
		sqlite3_finalize(s);
		for (size_t i = 0; i < n; i++) {
			free(node[i].code);
			free(node[i].parent);
			free(node[i].name_zh);
			free(node[i].name_en);
			free(node[i].unit);
			free(node[i].denominator);
			free(node[i].treat);
		}
		free(node);
		return ret;
	}
	sqlite3_finalize(s);
	if (n == 0) {
		free(node);
		return cidx_err_set(err, CIDX_ENOWORKSPACE,
		    "workspace '%s' has no framework", st->path);
	}
	return cidx_framework_build(out, node, n, st->path, err);
}

/* Same double, bit for bit (so -0/+0 and reformatting count as equal only
 * when they are the same number). */
static int
same(double a, double b)
{
	return a == b;
}

static int
apply_units(struct cidx_store *st, const struct cidx_import *imp,
    struct cidx_import_stats *ss, struct cidx_err *err)
{
	sqlite3_stmt *get = NULL, *ins = NULL, *upd = NULL, *aget = NULL,
	    *aput = NULL;
	int ret;

	if ((ret = prepare(st, &get, "SELECT name, name_en FROM units WHERE "
	    "code = ?1", err)) < 0 ||
	    (ret = prepare(st, &ins, "INSERT INTO units(code, name, name_en) "
	    "VALUES (?1, ?2, ?3)", err)) < 0 ||
	    (ret = prepare(st, &upd, "UPDATE units SET name = coalesce(?2, "
	    "name), name_en = coalesce(?3, name_en) WHERE code = ?1",
	    err)) < 0 ||
	    (ret = prepare(st, &aget, "SELECT value FROM unit_attrs WHERE "
	    "unit = ?1 AND key = ?2", err)) < 0 ||
	    (ret = prepare(st, &aput, "INSERT OR REPLACE INTO unit_attrs(unit, "
	    "key, value) VALUES (?1, ?2, ?3)", err)) < 0)
		goto out;
	for (size_t i = 0; i < imp->n_unit; i++) {
		const struct cidx_unit *u = &imp->unit[i];
		int rc, changed = 0, is_new;

		if ((ret = bind(st, get, err, "t", u->code)) < 0)
			goto out;
		rc = sqlite3_step(get);
		is_new = rc == SQLITE_DONE;
		if (rc == SQLITE_DONE) {
			if ((ret = bind(st, ins, err, "ttt", u->code, u->name,
			    u->name_en)) < 0 ||
			    (ret = step_done(st, ins, "insert unit", err)) < 0)
				goto out;
			ss->units_new++;
		} else if (rc == SQLITE_ROW) {
			const char *on = (const char *)sqlite3_column_text(get, 0);
			const char *oe = (const char *)sqlite3_column_text(get, 1);

			if ((u->name && (!on || strcmp(on, u->name))) ||
			    (u->name_en && (!oe || strcmp(oe, u->name_en)))) {
				if ((ret = bind(st, upd, err, "ttt", u->code,
				    u->name, u->name_en)) < 0 ||
				    (ret = step_done(st, upd, "update unit",
				    err)) < 0)
					goto out;
				changed = 1;
			}
		} else {
			ret = db_err(st, err, "read unit");
			goto out;
		}
		for (size_t a = 0; a < u->n_attr; a++) {
			const char *ov;

			if ((ret = bind(st, aget, err, "tt", u->code,
			    u->attr[a].key)) < 0)
				goto out;
			rc = sqlite3_step(aget);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
				ret = db_err(st, err, "read attribute");
				goto out;
			}
			ov = rc == SQLITE_ROW ?
			    (const char *)sqlite3_column_text(aget, 0) : NULL;
			if (ov && strcmp(ov, u->attr[a].value) == 0)
				continue;
			if ((ret = bind(st, aput, err, "ttt", u->code,
			    u->attr[a].key, u->attr[a].value)) < 0 ||
			    (ret = step_done(st, aput, "save attribute",
			    err)) < 0)
				goto out;
			changed = 1; /* a new or a different attribute */
		}
		ss->units_changed += changed && !is_new;
	}
	ret = 0;
out:
	sqlite3_finalize(get);
	sqlite3_finalize(ins);
	sqlite3_finalize(upd);
	sqlite3_finalize(aget);
	sqlite3_finalize(aput);
	return ret;
}

static int
apply_values(struct cidx_store *st, const struct cidx_framework *fw,
    const struct cidx_import *imp, long long id, struct cidx_import_stats *ss,
    int count_only, struct cidx_err *err)
{
	sqlite3_stmt *get = NULL, *put = NULL, *del = NULL;
	int ret;

	if ((ret = prepare(st, &get, "SELECT value FROM observations WHERE "
	    "unit = ?1 AND indicator = ?2 AND year = ?3", err)) < 0 ||
	    (ret = prepare(st, &put, "INSERT OR REPLACE INTO observations(unit, "
	    "indicator, year, value, import_id) VALUES (?1,?2,?3,?4,?5)",
	    err)) < 0 ||
	    (ret = prepare(st, &del, "DELETE FROM observations WHERE unit = ?1 "
	    "AND indicator = ?2 AND year = ?3", err)) < 0)
		goto out;
	for (size_t i = 0; i < imp->n_val; i++) {
		const struct cidx_import_value *v = &imp->val[i];
		const char *unit = imp->unit[v->unit].code;
		const char *ind = fw->node[v->node].code;
		sqlite3_stmt *w = NULL;
		int rc;

		if ((ret = bind(st, get, err, "tti", unit, ind, v->year)) < 0)
			goto out;
		rc = sqlite3_step(get);
		if (rc == SQLITE_ROW) {
			double old = sqlite3_column_double(get, 0);

			if (isnan(v->value)) {
				ss->values_removed++;
				w = del;
			} else if (same(old, v->value)) {
				ss->values_unchanged++;
			} else {
				ss->values_changed++;
				w = put;
			}
		} else if (rc == SQLITE_DONE) {
			if (!isnan(v->value)) {
				ss->values_new++;
				w = put;
			}
		} else {
			ret = db_err(st, err, "read value");
			goto out;
		}
		if (w == NULL || count_only)
			continue;
		ret = w == put ? bind(st, w, err, "ttidI", unit, ind, v->year,
		    v->value, (sqlite3_int64)id) :
		    bind(st, w, err, "tti", unit, ind, v->year);
		if (ret < 0 || (ret = step_done(st, w, "save value", err)) < 0)
			goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	sqlite3_finalize(del);
	return ret;
}

static int
log_import(struct cidx_store *st, const struct cidx_import *imp,
    const char *when, struct cidx_import_stats *ss, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = prepare(st, &s, "INSERT INTO imports(file, sha256, time, "
	    "layout, encoding, rows, values_new, values_changed, "
	    "values_removed, values_unchanged, units_new, units_changed) "
	    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)", err)) < 0)
		return ret;
	if ((ret = bind(st, s, err, "tttttIIIIIII", imp->path, imp->sha256,
	    when, imp->layout, imp->encoding, (sqlite3_int64)imp->n_rows,
	    (sqlite3_int64)ss->values_new, (sqlite3_int64)ss->values_changed,
	    (sqlite3_int64)ss->values_removed,
	    (sqlite3_int64)ss->values_unchanged, (sqlite3_int64)ss->units_new,
	    (sqlite3_int64)ss->units_changed)) == 0 &&
	    (ret = step_done(st, s, "log import", err)) == 0)
		ss->id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(s);
	return ret;
}

static int
seen_before(struct cidx_store *st, const char *sha, int *out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = prepare(st, &s, "SELECT 1 FROM imports WHERE sha256 = ?1",
	    err)) < 0)
		return ret;
	if ((ret = bind(st, s, err, "t", sha)) < 0) {
		sqlite3_finalize(s);
		return ret;
	}
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_err(st, err, "read import log");
}

int
cidx_store_import(struct cidx_store *st, struct cidx_import *const *imp,
    size_t n, const char *when, struct cidx_import_stats *stats,
    struct cidx_err *err)
{
	struct cidx_framework *fw = NULL;
	int ret;

	if ((ret = cidx_store_load_framework(st, &fw, err)) < 0)
		return ret;
	if ((ret = write_begin(st, err)) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct cidx_import_stats *ss = &stats[i];

		memset(ss, 0, sizeof(*ss));
		if ((ret = seen_before(st, imp[i]->sha256, &ss->already,
		    err)) < 0 ||
		    (ret = apply_units(st, imp[i], ss, err)) < 0 ||
		    (ret = apply_values(st, fw, imp[i], 0, ss, 1, err)) < 0)
			goto fail;
		if (ss->values_new + ss->values_changed + ss->values_removed +
		    ss->units_new + ss->units_changed == 0)
			continue; /* nothing to log */
		if ((ret = log_import(st, imp[i], when, ss, err)) < 0)
			goto fail;
		{
			struct cidx_import_stats tmp = *ss;

			if ((ret = apply_values(st, fw, imp[i], ss->id, &tmp, 0,
			    err)) < 0)
				goto fail;
		}
	}
	ret = exec(st, "COMMIT", err);
	if (ret < 0)
		goto fail;
	goto out;
fail:
	exec(st, "ROLLBACK", NULL);
	cidx_err_prefix(err, "nothing imported");
out:
	cidx_framework_free(fw);
	return ret;
}

int
cidx_store_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int ret;

	*out = NULL;
	*n = 0;
	if ((ret = prepare(st, &s, "SELECT DISTINCT o.year FROM observations o "
	    "JOIN nodes n ON n.code = o.indicator WHERE n.type = 'indicator' "
	    "ORDER BY o.year", err)) < 0)
		return ret;
	while ((ret = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, cap);
		(*out)[(*n)++] = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	if (ret != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_err(st, err, "read years");
	}
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
cidx_store_load_year(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct cidx_dataset **out, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL, *a = NULL;
	struct cidx_dataset *ds = xcalloc(1, sizeof(*ds));
	struct cidx_strmap umap = CIDX_STRMAP_INIT, imap = CIDX_STRMAP_INIT;
	struct cidx_strmap dmap = CIDX_STRMAP_INIT;
	size_t cap = 0, icap = 0;
	int ret, own;

	*out = NULL;
	if ((ret = read_begin(st, &own, err)) < 0) {
		free(ds);
		return ret;
	}
	ds->year = year;
	for (size_t j = 0; j < fw->n_ind; j++)
		cidx_strmap_put(&imap, fw->node[fw->ind[j]].code, j);
	ds->den_node = xcalloc(fw->n, sizeof(size_t));
	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].type == CIDX_NODE_DENOMINATOR) {
			cidx_strmap_put(&dmap, fw->node[k].code, ds->n_den);
			ds->den_node[ds->n_den++] = k;
		}
	/* units with at least one indicator value this year, by code */
	if ((ret = prepare(st, &s, "SELECT u.code, u.name, u.name_en FROM "
	    "units u WHERE EXISTS (SELECT 1 FROM observations o JOIN nodes n "
	    "ON n.code = o.indicator WHERE o.unit = u.code AND o.year = ?1 "
	    "AND n.type = 'indicator') ORDER BY u.code", err)) < 0)
		goto fail;
	if ((ret = bind(st, s, err, "i", year)) < 0)
		goto fail;
	while ((ret = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_unit *u;

		ALLOC_GROW(ds->unit, ds->n_units + 1, cap);
		u = &ds->unit[ds->n_units++];
		memset(u, 0, sizeof(*u));
		u->code = col_dup(s, 0);
		u->name = col_dup(s, 1);
		u->name_en = col_dup(s, 2);
	}
	if (ret != SQLITE_DONE) {
		ret = db_err(st, err, "load units");
		goto fail;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (ds->n_units == 0) {
		ret = cidx_err_set(err, CIDX_ENOTFOUND,
		    "no indicator data for year %d in '%s'", year, st->path);
		goto fail;
	}
	for (size_t i = 0; i < ds->n_units; i++)
		cidx_strmap_put(&umap, ds->unit[i].code, i);
	ds->x = cidx_matrix_alloc(ds->n_units, fw->n_ind);
	gsl_matrix_set_all(ds->x, NAN);
	if (ds->n_den) {
		ds->den = cidx_matrix_alloc(ds->n_units, ds->n_den);
		gsl_matrix_set_all(ds->den, NAN);
	}

	if ((ret = prepare(st, &a, "SELECT unit, key, value FROM unit_attrs "
	    "ORDER BY unit, key", err)) < 0)
		goto fail;
	while ((ret = sqlite3_step(a)) == SQLITE_ROW) {
		size_t i;
		struct cidx_unit *u;

		if (!cidx_strmap_get(&umap, (const char *)sqlite3_column_text(a,
		    0), &i))
			continue;
		u = &ds->unit[i];
		u->attr = xreallocarray(u->attr, u->n_attr + 1,
		    sizeof(*u->attr));
		u->attr[u->n_attr].key = col_dup(a, 1);
		u->attr[u->n_attr].value = col_dup(a, 2);
		u->n_attr++;
	}
	if (ret != SQLITE_DONE) {
		ret = db_err(st, err, "load attributes");
		goto fail;
	}

	if ((ret = prepare(st, &s, "SELECT unit, indicator, value, import_id "
	    "FROM observations WHERE year = ?1", err)) < 0)
		goto fail;
	if ((ret = bind(st, s, err, "i", year)) < 0)
		goto fail;
	while ((ret = sqlite3_step(s)) == SQLITE_ROW) {
		size_t i, j;
		int id;

		const char *code = (const char *)sqlite3_column_text(s, 1);

		if (!cidx_strmap_get(&umap, (const char *)sqlite3_column_text(s,
		    0), &i))
			continue; /* a unit with denominators only */
		if (!cidx_strmap_get(&imap, code, &j)) {
			if (cidx_strmap_get(&dmap, code, &j))
				gsl_matrix_set(ds->den, i, j,
				    sqlite3_column_double(s, 2));
			continue;
		}
		gsl_matrix_set(ds->x, i, j, sqlite3_column_double(s, 2));
		id = sqlite3_column_int(s, 3);
		if (ds->n_import_ids == 0 ||
		    ds->import_ids[ds->n_import_ids - 1] != id) {
			size_t k;

			for (k = 0; k < ds->n_import_ids; k++)
				if (ds->import_ids[k] == id)
					break;
			if (k == ds->n_import_ids) {
				ALLOC_GROW(ds->import_ids, k + 1, icap);
				ds->import_ids[ds->n_import_ids++] = id;
			}
		}
	}
	if (ret != SQLITE_DONE) {
		ret = db_err(st, err, "load values");
		goto fail;
	}
	if (ds->n_import_ids > 1)
		qsort(ds->import_ids, ds->n_import_ids, sizeof(int),
		    cmp_int);
	sqlite3_finalize(s);
	sqlite3_finalize(a);
	cidx_strmap_release(&umap);
	cidx_strmap_release(&imap);
	cidx_strmap_release(&dmap);
	read_end(st, own);
	*out = ds;
	return 0;
fail:
	sqlite3_finalize(s);
	sqlite3_finalize(a);
	cidx_strmap_release(&umap);
	cidx_strmap_release(&imap);
	cidx_strmap_release(&dmap);
	cidx_dataset_free(ds);
	read_end(st, own);
	return ret;
}
