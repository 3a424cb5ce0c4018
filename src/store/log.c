/*
 * log.c - the import log, and taking values back out of the workspace
 * (cityidx remove).
 *
 * A removal is itself logged (kind 'remove', its filters in `file`), so
 * the history stays readable: an import, the values it wrote removed, a
 * corrected import.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/intmap.h"
#include "core/mem.h"
#include "core/strmap.h"
#include "core/suggest.h"
#include "store/history.h"
#include "store/internal.h"
#include "store/store.h"

static long
col_long(sqlite3_stmt *s, int i)
{
	return (long)sqlite3_column_int64(s, i);
}

static char *
col_str(sqlite3_stmt *s, int i)
{
	char *t = cidx_db_col_dup(s, i);

	return t ? t : cidx_xstrdup("");
}

int
cidx_store_log(struct cidx_store *st, struct cidx_log_entry **out,
    size_t *n, struct cidx_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int ret, rc;

	*out = NULL;
	*n = 0;
	if ((ret = cidx_db_prepare(st, &s, "SELECT id, kind, time, file, "
	    "sha256, layout, encoding, rows, values_new, values_changed, "
	    "values_removed, values_unchanged, units_new, units_changed, "
	    "units_removed FROM imports ORDER BY id", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_log_entry *e;

		ALLOC_GROW(*out, *n + 1, cap);
		e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(s, 0);
		e->kind = col_str(s, 1);
		e->time = col_str(s, 2);
		e->file = col_str(s, 3);
		e->sha256 = col_str(s, 4);
		e->layout = col_str(s, 5);
		e->encoding = col_str(s, 6);
		e->rows = col_long(s, 7);
		e->values_new = col_long(s, 8);
		e->values_changed = col_long(s, 9);
		e->values_removed = col_long(s, 10);
		e->values_unchanged = col_long(s, 11);
		e->units_new = col_long(s, 12);
		e->units_changed = col_long(s, 13);
		e->units_removed = col_long(s, 14);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		cidx_store_log_free(*out, *n);
		*out = NULL;
		*n = 0;
		return cidx_db_err(st, err, "read the import log");
	}
	return 0;
}

void
cidx_store_log_free(struct cidx_log_entry *e, size_t n)
{
	for (size_t i = 0; e && i < n; i++) {
		free(e[i].kind);
		free(e[i].time);
		free(e[i].file);
		free(e[i].sha256);
		free(e[i].layout);
		free(e[i].encoding);
	}
	free(e);
}

void
cidx_remove_stats_release(struct cidx_remove_stats *rs)
{
	for (size_t i = 0; i < rs->n_count; i++)
		free(rs->count[i].indicator);
	for (size_t i = 0; i < rs->n_unit; i++)
		free(rs->unit[i]);
	free(rs->count);
	free(rs->unit);
	memset(rs, 0, sizeof(*rs));
}

/* "--import 3 --unit 'C1O' --year 2017": the filters, as logged */
static void
describe(const struct cidx_remove_filter *f, struct sbuf *sb)
{
	if (f->import_id)
		cidx_sbuf_addf(sb, "--import %lld", f->import_id);
	if (f->unit)
		cidx_sbuf_addf(sb, "%s--unit %s", sb->len ? " " : "", f->unit);
	if (f->year)
		cidx_sbuf_addf(sb, "%s--year %d", sb->len ? " " : "", f->year);
}

static int
check_import(struct cidx_store *st, long long id, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT kind FROM imports WHERE "
	    "id = ?1", err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "I", (sqlite3_int64)id)) == 0) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE)
			ret = cidx_err_set(err, CIDX_EINVAL, "import #%lld is not "
			    "in the log of '%s'", id, st->path);
		else if (rc != SQLITE_ROW)
			ret = cidx_db_err(st, err, "read the import log");
		else if (strcmp((const char *)sqlite3_column_text(s, 0),
		    "import") != 0)
			ret = cidx_err_set(err, CIDX_EINVAL, "#%lld is a removal, "
			    "not an import", id);
	}
	sqlite3_finalize(s);
	return ret;
}

/* The id of unit `code`; a code that is not there is an error naming the
 * code it resembles, if any. */
static int
unit_id(struct cidx_store *st, const char *code, sqlite3_int64 *out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	char **codes = NULL;
	size_t n = 0, cap = 0;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code FROM units",
	    err)) < 0)
		return ret;
	*out = -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(s, 1);

		if (c == NULL)
			continue;
		if (strcmp(c, code) == 0)
			*out = sqlite3_column_int64(s, 0);
		ALLOC_GROW(codes, n + 1, cap);
		codes[n++] = cidx_xstrdup(c);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read units");
	else if (*out < 0) {
		const char *like = cidx_suggest(code,
		    (const char *const *)codes, n);

		if (like)
			ret = cidx_err_set(err, CIDX_EINVAL, "unit '%s' is not "
			    "in the workspace (did you mean '%s'?)", code, like);
		else
			ret = cidx_err_set(err, CIDX_EINVAL, "unit '%s' is not "
			    "in the workspace", code);
	}
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return ret;
}

/* Whether the year's matrix lists import `id` among its sources (a row
 * that does not agree with itself says so when it is loaded). */
static int
year_has_import(struct cidx_store *st, int year, size_t ns, long long id,
    int *out, struct cidx_err *err)
{
	struct cidx_yview w;
	int ret;

	*out = 1;
	if ((ret = cidx_ymat_view(st, year, ns, &w, err)) < 0)
		return ret;
	if (w.ok) {
		*out = 0;
		for (size_t k = 0; k < w.nsrc && !*out; k++)
			*out = w.src[3 * k + 1] == id && w.src[3 * k + 2] > 0;
	}
	cidx_ymat_view_end(&w);
	return 0;
}

/* series id -> position in the framework (codes not in it last) */
struct order {
	char **code; /* by series id */
	long *rank;
	size_t ns;
};

static int
load_order(struct cidx_store *st, size_t ns, struct order *o,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	o->ns = ns;
	o->code = cidx_xcalloc(ns + 1, sizeof(*o->code));
	o->rank = cidx_xcalloc(ns + 1, sizeof(*o->rank));
	if ((ret = cidx_db_prepare(st, &s, "SELECT s.id, s.code, coalesce("
	    "n.ord, 1e18) FROM series s LEFT JOIN nodes n ON n.code = s.code",
	    err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);

		if (id < 0 || (size_t)id >= ns)
			continue;
		double ord = sqlite3_column_double(s, 2);

		o->code[id] = col_str(s, 1);
		/* an ord edited by another program may be anything: out of
		 * range (or NaN) sorts last, as a code not in the framework */
		o->rank[id] = ord >= -1e18 && ord <= 1e18 ? (long)ord :
		    (long)1e18;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : cidx_db_err(st, err, "read series");
}

static void
order_release(struct order *o)
{
	for (size_t i = 0; o->code && i < o->ns; i++)
		free(o->code[i]);
	free(o->code);
	free(o->rank);
}

/* a count before it is named, with its sort key: by year, then framework
 * order (the series' rank), then code */
struct tally {
	int year;
	long rank;
	const char *code; /* borrowed from the struct order */
	long values;
};

static int
cmp_tally(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->year != y->year)
		return (x->year > y->year) - (x->year < y->year);
	if (x->rank != y->rank)
		return (x->rank > y->rank) - (x->rank < y->rank);
	return strcmp(x->code, y->code);
}

/* Removes the matching values of one year; counts them per series. */
static void
remove_year(struct cidx_ymat *m, const struct cidx_remove_filter *f,
    sqlite3_int64 uid, long *per, long *total)
{
	for (size_t r = 0; r < m->n; r++) {
		if (f->unit && m->uid[r] != uid)
			continue;
		for (size_t c = 0; c < m->ns; c++) {
			size_t at = r * m->ns + c;

			if (isnan(m->v[at]) || (f->import_id &&
			    cidx_ymat_import_of(m, r, c) != f->import_id))
				continue;
			cidx_ymat_set(m, r, c, NAN, 0);
			per[c]++;
			(*total)++;
		}
	}
}

/*
 * One year of a removal: undoing an import first puts back what it
 * replaced or cleared (store/history.c), then the values it wrote into
 * empty cells go; removing by unit or year forgets the history of the
 * cells it empties.  per[c]: the values removed per series.
 */
static int
remove_in_year(struct cidx_store *st, int year, size_t ns,
    const struct cidx_remove_filter *f, sqlite3_int64 uid, long *per,
    struct cidx_remove_stats *rs, struct cidx_err *err)
{
	struct cidx_ymat *m = NULL;
	struct cidx_hist_undone u = { 0, 0, per };
	int ret;

	memset(per, 0, (ns + 1) * sizeof(*per));
	ret = cidx_ymat_load(st, year, ns, &m, err);
	if (ret == 0 && f->import_id)
		ret = cidx_hist_undo(st, m, f->import_id, f->unit ? uid : -1,
		    &u, err);
	else if (ret == 0)
		ret = cidx_hist_forget(st, year, f->unit ? uid : -1, err);
	if (ret == 0)
		remove_year(m, f, uid, per, &rs->values);
	rs->values += u.removed;
	rs->restored += u.restored;
	if (ret == 0 && m->changed)
		ret = cidx_ymat_save(st, m, err);
	cidx_ymat_free(m);
	return ret;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The units to remove: the one named alone, or those import `id`
 * created, once they hold no value. */
static int
remove_units(struct cidx_store *st, const struct cidx_remove_filter *f,
    sqlite3_int64 uid, struct cidx_remove_stats *rs, struct cidx_err *err)
{
	struct cidx_intmap has = CIDX_INTMAP_INIT;
	sqlite3_stmt *s = NULL, *del = NULL;
	size_t cap = 0, dummy;
	int ret, rc;

	if (!(f->import_id || (f->unit && !f->year)))
		return 0;
	/* units with a value left */
	if ((ret = cidx_ymat_units(st, &has, err)) < 0)
		goto out;
	if ((ret = cidx_db_prepare(st, &s, f->import_id ? "SELECT id, code "
	    "FROM units WHERE import_id = ?1 AND (?2 < 0 OR id = ?2)" :
	    "SELECT id, code FROM units WHERE id = ?2", err)) < 0 ||
	    (ret = cidx_db_bind(st, s, err, "II",
	    (sqlite3_int64)f->import_id, f->unit ? uid : -1)) < 0 ||
	    (ret = cidx_db_prepare(st, &del, "DELETE FROM units WHERE id = ?1",
	    err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);

		if (cidx_intmap_get(&has, (uint64_t)id, &dummy))
			continue;
		ALLOC_GROW(rs->unit, rs->n_unit + 1, cap);
		rs->unit[rs->n_unit++] = col_str(s, 1);
		/* the attributes go with it (ON DELETE CASCADE) */
		if ((ret = cidx_db_bind(st, del, err, "I", id)) < 0 ||
		    (ret = cidx_db_done(st, del, "remove a unit", err)) < 0)
			goto out;
	}
	if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read units");
	if (rs->n_unit > 1)
		qsort(rs->unit, rs->n_unit, sizeof(*rs->unit), cmp_str);
out:
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	cidx_intmap_release(&has);
	return ret;
}

static int
log_removal(struct cidx_store *st, const struct cidx_remove_filter *f,
    const char *when, struct cidx_remove_stats *rs, struct cidx_err *err)
{
	struct sbuf what = SBUF_INIT;
	sqlite3_stmt *s;
	int ret;

	describe(f, &what);
	if ((ret = cidx_db_prepare(st, &s, "INSERT INTO imports(file, sha256, "
	    "time, layout, encoding, rows, values_new, values_changed, "
	    "values_removed, values_unchanged, units_new, units_changed, kind, "
	    "units_removed) VALUES (?1, '', ?2, '', '', 0, 0, ?5, ?3, 0, 0, 0, "
	    "'remove', ?4)", err)) == 0) {
		/* values_changed: the values put back (store/history.c) */
		if ((ret = cidx_db_bind(st, s, err, "ttIII", what.buf, when,
		    (sqlite3_int64)rs->values, (sqlite3_int64)rs->n_unit,
		    (sqlite3_int64)rs->restored)) == 0 &&
		    (ret = cidx_db_done(st, s, "log the removal", err)) == 0)
			rs->id = sqlite3_last_insert_rowid(st->db);
		sqlite3_finalize(s);
	}
	cidx_sbuf_release(&what);
	return ret;
}

/*
 * Removes the values that match f from every year (in a transaction the
 * caller owns), undoing the import f->import_id where it changed values;
 * each (year, series) with values removed is a tally in *out (*nt of
 * them); rs counts the values removed and restored.
 */
static int
remove_from_years(struct cidx_store *st, const struct cidx_remove_filter *f,
    sqlite3_int64 uid, const struct order *o, struct tally **out,
    size_t *nt, struct cidx_remove_stats *rs, struct cidx_err *err)
{
	long *per = cidx_xcalloc(o->ns + 1, sizeof(*per));
	int *years = NULL, ret;
	size_t ny = 0, cap = 0;

	if ((ret = cidx_ymat_years(st, &years, &ny, err)) < 0 ||
	    (f->import_id && (ret = cidx_hist_add_years(st, f->import_id,
	    &years, &ny, err)) < 0))
		goto out;
	for (size_t i = 0; i < ny; i++) {
		int has = 1, hist = 0;

		if (f->year && years[i] != f->year)
			continue;
		if (f->import_id && ((ret = year_has_import(st, years[i], o->ns,
		    f->import_id, &has, err)) < 0 || (ret = cidx_hist_has(st,
		    f->import_id, years[i], &hist, err)) < 0))
			goto out;
		if (!has && !hist)
			continue;
		if ((ret = remove_in_year(st, years[i], o->ns, f, uid, per, rs,
		    err)) < 0)
			goto out;
		for (size_t c = 0; c < o->ns; c++)
			if (per[c] > 0) {
				ALLOC_GROW(*out, *nt + 1, cap);
				(*out)[(*nt)++] = (struct tally){ years[i],
				    o->rank[c], o->code[c] ? o->code[c] : "",
				    per[c] };
			}
	}
out:
	free(per);
	free(years);
	return ret;
}

/* rs->count: the tallies t[0..nt) named, by year then framework order */
static void
name_counts(struct cidx_remove_stats *rs, struct tally *t, size_t nt)
{
	if (nt > 1)
		qsort(t, nt, sizeof(*t), cmp_tally);
	rs->count = cidx_xcalloc(nt + 1, sizeof(*rs->count));
	for (size_t k = 0; k < nt; k++) {
		rs->count[k].year = t[k].year;
		rs->count[k].indicator = cidx_xstrdup(t[k].code);
		rs->count[k].values = t[k].values;
	}
	rs->n_count = nt;
}

int
cidx_store_remove(struct cidx_store *st, const struct cidx_remove_filter *f,
    int dry_run, const char *when, struct cidx_remove_stats *rs,
    struct cidx_err *err)
{
	struct order o = { NULL, NULL, 0 };
	struct tally *t = NULL;
	sqlite3_int64 uid = -1;
	size_t ns = 0, nt = 0;
	int ret;

	memset(rs, 0, sizeof(*rs));
	if (!f->import_id && !f->unit && !f->year)
		return cidx_err_set(err, CIDX_EINVAL, "remove what: give an "
		    "import, a unit or a year");
	if ((ret = cidx_db_write_begin(st, err)) < 0)
		return ret;
	if ((f->import_id && (ret = check_import(st, f->import_id, err)) < 0) ||
	    (f->unit && (ret = unit_id(st, f->unit, &uid, err)) < 0) ||
	    (ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = load_order(st, ns, &o, err)) < 0 ||
	    (ret = remove_from_years(st, f, uid, &o, &t, &nt, rs, err)) < 0 ||
	    (ret = remove_units(st, f, uid, rs, err)) < 0)
		goto fail;
	if (rs->values == 0 && rs->restored == 0 && rs->n_unit == 0) {
		struct sbuf what = SBUF_INIT;

		describe(f, &what);
		ret = cidx_err_set(err, CIDX_ENOTFOUND, "nothing to remove: no "
		    "value matches %s", what.buf);
		cidx_sbuf_release(&what);
		goto fail;
	}
	if (dry_run)
		cidx_db_rollback(st);
	else if ((ret = log_removal(st, f, when, rs, err)) < 0 ||
	    (ret = cidx_db_commit(st, err)) < 0)
		goto fail;
	name_counts(rs, t, nt);
	goto out;
fail:
	cidx_db_rollback(st);
	cidx_remove_stats_release(rs);
out:
	free(t);
	order_release(&o);
	return ret;
}
