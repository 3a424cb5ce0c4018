/*
 * apply.c - applying import batches to the workspace (IMPORT SEMANTICS
 * in man/cityidx.1).
 *
 * The batches were read and checked before (io/import.c), outside any
 * transaction; here everything happens inside one write transaction, which
 * is therefore held only for the work on the workspace itself: the years
 * a batch touches are loaded as matrices (store/yearmatrix.c) one at a
 * time, every value is compared and set in memory, and only the rows of
 * `cells` that changed are written, followed by the year's matrix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "store/applyvals.h"
#include "store/history.h"
#include "store/importstats.h"
#include "store/internal.h"
#include "store/store.h"

/* The workspace's units during an import. */
struct unitrec {
	sqlite3_int64 id;
	char *code, *name, *name_en;
};

struct units {
	struct unitrec *u;
	size_t n, cap;
	struct cidx_strmap map; /* code -> index */
};

static void
units_release(struct units *us)
{
	for (size_t i = 0; i < us->n; i++) {
		free(us->u[i].code);
		free(us->u[i].name);
		free(us->u[i].name_en);
	}
	free(us->u);
	cidx_strmap_release(&us->map);
}

static void
units_add(struct units *us, sqlite3_int64 id, const char *code,
    const char *name, const char *name_en)
{
	struct unitrec *r;

	ALLOC_GROW(us->u, us->n + 1, us->cap);
	r = &us->u[us->n];
	r->id = id;
	r->code = cidx_xstrdup(code);
	r->name = name ? cidx_xstrdup(name) : NULL;
	r->name_en = name_en ? cidx_xstrdup(name_en) : NULL;
	cidx_strmap_put(&us->map, r->code, us->n);
	us->n++;
}

static int
units_load(struct cidx_store *st, struct units *us, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code, name, name_en "
	    "FROM units", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *code = sqlite3_column_text(s, 1);

		if (code == NULL)
			continue;
		units_add(us, sqlite3_column_int64(s, 0), (const char *)code,
		    (const char *)sqlite3_column_text(s, 2),
		    (const char *)sqlite3_column_text(s, 3));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : cidx_db_err(st, err, "read units");
}

/*
 * The series id of every framework node that a batch gives values for;
 * codes new to the workspace get the next ids.  @return the map in *out
 * (fw->n entries, -1 for nodes without values).
 */
static int
series_ids(struct cidx_store *st, const struct cidx_framework *fw,
    struct cidx_import *const *imp, size_t n, long **out,
    struct cidx_err *err)
{
	long *id = cidx_xcalloc(fw->n ? fw->n : 1, sizeof(*id));
	sqlite3_stmt *get = NULL, *put = NULL;
	size_t next = 0;
	int ret, rc;

	*out = NULL;
	for (size_t k = 0; k < fw->n; k++)
		id[k] = -2; /* unused */
	for (size_t b = 0; b < n; b++)
		for (size_t r = 0; r < imp[b]->n_run; r++) {
			struct cidx_run_view w;

			cidx_import_run_view(imp[b], r, &w);
			for (size_t k = 0; k < w.n; k++)
				id[cidx_run_view_node(&w, k)] = -1;
			/* every run of a wide batch has the same */
			if (imp[b]->run[r].node == CIDX_RUN_COLS)
				break;
		}
	if ((ret = cidx_series_count(st, &next, err)) < 0 ||
	    (ret = cidx_db_prepare(st, &get, "SELECT id FROM series WHERE "
	    "code = ?1", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &put, "INSERT INTO series(id, code) "
	    "VALUES (?1, ?2)", err)) < 0)
		goto out;
	for (size_t k = 0; k < fw->n; k++) {
		if (id[k] == -2)
			continue;
		if ((ret = cidx_db_bind(st, get, err, "t", fw->node[k].code)) < 0)
			goto out;
		rc = sqlite3_step(get);
		if (rc == SQLITE_ROW) {
			id[k] = (long)sqlite3_column_int64(get, 0);
			continue;
		}
		if (rc != SQLITE_DONE) {
			ret = cidx_db_err(st, err, "read series");
			goto out;
		}
		if (next >= CIDX_SERIES_MAX) {
			ret = cidx_err_set(err, CIDX_EINVAL, "workspace '%s' "
			    "holds %d series, the most it can: no room for "
			    "'%s'", st->path, CIDX_SERIES_MAX,
			    fw->node[k].code);
			goto out;
		}
		id[k] = (long)next;
		if ((ret = cidx_db_bind(st, put, err, "It",
		    (sqlite3_int64)next++, fw->node[k].code)) < 0 ||
		    (ret = cidx_db_done(st, put, "add series", err)) < 0)
			goto out;
	}
	*out = id;
	id = NULL;
out:
	free(id);
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return ret;
}

struct stmts {
	sqlite3_stmt *ins, *upd, *aget, *aput, *bget, *bput;
};

static void
stmts_free(struct stmts *q)
{
	sqlite3_finalize(q->ins);
	sqlite3_finalize(q->upd);
	sqlite3_finalize(q->aget);
	sqlite3_finalize(q->aput);
	sqlite3_finalize(q->bget);
	sqlite3_finalize(q->bput);
}

static int
stmts_prepare(struct cidx_store *st, struct stmts *q, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_db_prepare(st, &q->ins, "INSERT INTO units(code, name, "
	    "name_en, import_id, boundary) VALUES (?1, ?2, ?3, ?4, ?5)",
	    err)) < 0 ||
	    (ret = cidx_db_prepare(st, &q->bget, "SELECT boundary IS ?2 FROM "
	    "units WHERE id = ?1", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &q->bput, "UPDATE units SET boundary = "
	    "?2 WHERE id = ?1", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &q->upd, "UPDATE units SET name = "
	    "coalesce(?2, name), name_en = coalesce(?3, name_en) WHERE "
	    "id = ?1", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &q->aget, "SELECT value FROM unit_attrs "
	    "WHERE unit = ?1 AND key = ?2", err)) < 0 ||
	    (ret = cidx_db_prepare(st, &q->aput, "INSERT OR REPLACE INTO "
	    "unit_attrs(unit, key, value) VALUES (?1, ?2, ?3)", err)) < 0)
		return ret;
	return 0;
}

static int
differs(const char *given, const char *stored)
{
	return given && (stored == NULL || strcmp(given, stored) != 0);
}

/* Whether two units are named differently (so not one mistyped). */
static int
named_apart(const char *n1, const char *e1, const char *n2, const char *e2)
{
	if (n1 && n2 && strcmp(n1, n2) != 0)
		return !(e1 && e2 && strcmp(e1, e2) == 0);
	if (e1 && e2 && strcmp(e1, e2) != 0)
		return !(n1 && n2 && strcmp(n1, n2) == 0);
	return 0;
}

/*
 * For each new unit of the batch, a code the workspace had before it one
 * edit away: mistyped codes (C1O for C10) create units silently.  A unit
 * whose name differs from the one of the code it resembles is another
 * unit (310100 Shanghai is not a mistyped 110100 Beijing): no suggestion.
 */
static void
suggest_units(const struct units *us, size_t before,
    const struct cidx_import *imp, struct cidx_import_stats *ss)
{
	struct cidx_strmap bmap = CIDX_STRMAP_INIT;
	const char **code;
	struct cidx_suggest *idx;

	if (ss->units_new == 0 || before == 0)
		return;
	code = cidx_xcalloc(before, sizeof(*code));
	for (size_t k = 0; k < before; k++)
		code[k] = us->u[k].code;
	for (size_t k = 0; k < imp->n_unit; k++)
		cidx_strmap_put(&bmap, imp->unit[k].code, k);
	idx = cidx_suggest_new(code, before);
	for (long i = 0; i < ss->units_new; i++) {
		const char *like = cidx_suggest_find(idx, ss->unit_new[i]);
		size_t b, k;

		if (like && cidx_strmap_get(&bmap, ss->unit_new[i], &b) &&
		    cidx_strmap_get(&us->map, like, &k) &&
		    named_apart(imp->unit[b].name, imp->unit[b].name_en,
		    us->u[k].name, us->u[k].name_en))
			like = NULL;
		ss->unit_like[i] = like ? cidx_xstrdup(like) : NULL;
	}
	cidx_strmap_release(&bmap);
	cidx_suggest_free(idx);
	free(code);
}

/* a unit new to the workspace: inserted, and listed for the message */
static int
unit_new(struct cidx_store *st, struct stmts *q, struct units *us,
    const struct cidx_unit *u, const char *bnd, long long id, size_t *cap,
    struct cidx_import_stats *ss, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_db_bind(st, q->ins, err, "tttIt", u->code, u->name,
	    u->name_en, (sqlite3_int64)id, bnd)) < 0 ||
	    (ret = cidx_db_done(st, q->ins, "insert unit", err)) < 0)
		return ret;
	units_add(us, sqlite3_last_insert_rowid(st->db), u->code, u->name,
	    u->name_en);
	if ((size_t)ss->units_new + 1 > *cap) {
		ALLOC_GROW(ss->unit_new, (size_t)ss->units_new + 1, *cap);
		ss->unit_like = cidx_xreallocarray(ss->unit_like, *cap,
		    sizeof(*ss->unit_like));
	}
	ss->unit_new[ss->units_new] = cidx_xstrdup(u->code);
	ss->unit_like[ss->units_new] = NULL;
	ss->units_new++;
	return 0;
}

/* a known unit's names and boundary; *changed when either differs */
static int
unit_names(struct cidx_store *st, struct stmts *q, struct unitrec *r,
    const struct cidx_unit *u, const char *bnd, int *changed,
    struct cidx_err *err)
{
	int ret;

	if (differs(u->name, r->name) || differs(u->name_en, r->name_en)) {
		if ((ret = cidx_db_bind(st, q->upd, err, "Itt", r->id, u->name,
		    u->name_en)) < 0 ||
		    (ret = cidx_db_done(st, q->upd, "update unit", err)) < 0)
			return ret;
		if (u->name) {
			free(r->name);
			r->name = cidx_xstrdup(u->name);
		}
		if (u->name_en) {
			free(r->name_en);
			r->name_en = cidx_xstrdup(u->name_en);
		}
		*changed = 1;
	}
	if (bnd == NULL)
		return 0;
	if ((ret = cidx_db_bind(st, q->bget, err, "It", r->id, bnd)) < 0)
		return ret;
	if (sqlite3_step(q->bget) != SQLITE_ROW)
		return cidx_db_err(st, err, "read boundary");
	if (sqlite3_column_int(q->bget, 0) != 0)
		return 0;
	*changed = 1;
	if ((ret = cidx_db_bind(st, q->bput, err, "It", r->id, bnd)) < 0)
		return ret;
	return cidx_db_done(st, q->bput, "save boundary", err);
}

/* a unit's attributes: new or different ones are written (*changed) */
static int
unit_attrs(struct cidx_store *st, struct stmts *q, const struct cidx_unit *u,
    int is_new, int *changed, struct cidx_err *err)
{
	int ret, rc;

	for (size_t a = 0; a < u->n_attr; a++) {
		const unsigned char *ov = NULL;

		if (!is_new) {
			if ((ret = cidx_db_bind(st, q->aget, err, "tt", u->code,
			    u->attr[a].key)) < 0)
				return ret;
			rc = sqlite3_step(q->aget);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return cidx_db_err(st, err, "read attribute");
			ov = rc == SQLITE_ROW ?
			    sqlite3_column_text(q->aget, 0) : NULL;
			if (ov && strcmp((const char *)ov,
			    u->attr[a].value) == 0)
				continue;
		}
		if ((ret = cidx_db_bind(st, q->aput, err, "ttt", u->code,
		    u->attr[a].key, u->attr[a].value)) < 0 ||
		    (ret = cidx_db_done(st, q->aput, "save attribute",
		    err)) < 0)
			return ret;
		*changed = 1; /* a new or a different attribute */
	}
	return 0;
}

/* Creates and updates the batch's units; uid[i] is the id of its unit i. */
static int
apply_units(struct cidx_store *st, struct stmts *q, struct units *us,
    const struct cidx_import *imp, long long id, sqlite3_int64 *uid,
    struct cidx_import_stats *ss, struct cidx_err *err)
{
	size_t before = us->n, cap = 0;
	int ret;

	ss->units_before = (long)before;
	for (size_t i = 0; i < imp->n_unit; i++) {
		const struct cidx_unit *u = &imp->unit[i];
		const char *bnd = imp->boundary ? imp->boundary[i] : NULL;
		size_t k;
		int changed = 0, is_new = 0;

		if (!cidx_strmap_get(&us->map, u->code, &k)) {
			if ((ret = unit_new(st, q, us, u, bnd, id, &cap, ss,
			    err)) < 0)
				return ret;
			k = us->n - 1;
			is_new = 1;
		}
		uid[i] = us->u[k].id;
		if ((!is_new && (ret = unit_names(st, q, &us->u[k], u, bnd,
		    &changed, err)) < 0) ||
		    (ret = unit_attrs(st, q, u, is_new, &changed, err)) < 0)
			return ret;
		ss->units_changed += changed && !is_new;
	}
	suggest_units(us, before, imp, ss);
	return 0;
}

/* one batch: logged, its units, its values, its layers */
static int
apply_batch(struct cidx_store *st, struct stmts *q, struct units *us,
    struct cidx_yapply *a, const char *when, size_t ns, struct cidx_err *err)
{
	struct cidx_import_stats *ss = a->ss;
	long long id = 0;
	int ret;

	if ((ret = cidx_implog_seen(st, a->imp->sha256, &ss->already,
	    err)) < 0 ||
	    (ret = cidx_implog_begin(st, a->imp, when, &id, err)) < 0 ||
	    (ret = apply_units(st, q, us, a->imp, id, a->uid,
	    ss, err)) < 0)
		return ret;
	a->id = (int32_t)id;
	if ((ret = cidx_apply_values(st, a, ns, err)) < 0 ||
	    (ret = cidx_layers_apply(st, a->imp, id, ss, err)) < 0 ||
	    (ret = cidx_implog_end(st, id, ss, err)) < 0)
		return ret;
	if (cidx_implog_changes(ss) > 0)
		ss->id = id;
	return 0;
}

/*
 * SQLite's page cache while an import writes (issue 17): what it writes
 * goes to the WAL when the cache is full, and a larger cache saves no
 * time there (30,000 x 400: the same CPU time with 2, 16 or 64 MiB) but
 * costs its size in memory.  @return the size it had, to be put back
 * (0: unknown, and nothing is changed).
 */
static int
write_cache(struct cidx_store *st, int kib)
{
	sqlite3_stmt *s = NULL;
	char sql[64];
	int old = 0;

	if (kib == 0)
		return 0;
	if (sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &s, NULL) ==
	    SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		old = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", kib);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return old;
}

int
cidx_store_import(struct cidx_store *st, struct cidx_import *const *imp,
    size_t n, const char *when, struct cidx_import_stats *stats,
    struct cidx_err *err)
{
	struct cidx_framework *fw = NULL;
	struct units us = { NULL, 0, 0, CIDX_STRMAP_INIT };
	struct stmts q = { NULL, NULL, NULL, NULL, NULL, NULL };
	struct cidx_hist h = CIDX_HIST_INIT;
	struct cidx_attr_keys keys = CIDX_ATTR_KEYS_INIT;
	sqlite3_int64 *uid = NULL;
	long *sid = NULL;
	size_t ns = 0;
	int ret, cache;

	for (size_t i = 0; i < n; i++)
		memset(&stats[i], 0, sizeof(stats[i]));
	cache = write_cache(st, -2048);
	if ((ret = cidx_db_write_begin(st, err)) < 0)
		goto out;
	if ((ret = cidx_store_load_framework(st, &fw, err)) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (strcmp(imp[i]->fw_sha256, fw->checksum) != 0) {
			ret = cidx_err_set(err, CIDX_EINVAL, "the framework of "
			    "the workspace changed since '%s' was read",
			    imp[i]->path);
			goto fail;
		}
	if ((ret = series_ids(st, fw, imp, n, &sid, err)) < 0 ||
	    (ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = units_load(st, &us, err)) < 0 ||
	    (ret = cidx_attr_keys_load(st, &keys, err)) < 0 ||
	    (ret = stmts_prepare(st, &q, err)) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		struct cidx_yapply a = { NULL, sid, imp[i], NULL, 0, &h, &stats[i],
			0, 0 };

		uid = cidx_xreallocarray(uid, imp[i]->n_unit ? imp[i]->n_unit : 1,
		    sizeof(*uid));
		a.uid = uid;
		if ((ret = apply_batch(st, &q, &us, &a, when, ns, err)) < 0)
			goto fail;
		cidx_attr_keys_note(&keys, imp[i], &stats[i]);
	}
	stmts_free(&q);
	memset(&q, 0, sizeof(q));
	cidx_hist_release(&h);
	if ((ret = cidx_db_commit(st, err)) < 0)
		goto fail;
	goto out;
fail:
	stmts_free(&q);
	cidx_hist_release(&h);
	cidx_db_rollback(st);
	cidx_err_prefix(err, "nothing imported");
	for (size_t i = 0; i < n; i++)
		cidx_import_stats_release(&stats[i]);
out:
	write_cache(st, cache);
	cidx_attr_keys_release(&keys);
	free(uid);
	free(sid);
	units_release(&us);
	cidx_framework_free(fw);
	return ret;
}
