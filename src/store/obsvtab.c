/*
 * obsvtab.c - `observations`, the values one row each (cityidx(1),
 * WORKSPACE SCHEMA, observations): an eponymous, read-only virtual table
 * over the `matrices` rows, registered on the connection of `cityidx sql`
 * (cidx_obs_register()).  Columns unit (code), indicator (code), year,
 * value, import_id, as the view of versions 2 to 5 had them; the rows by
 * year, then unit as the year stores them, then series id.  A constraint
 * year = N reads that year alone.  A year whose row does not agree with
 * itself fails the query with cidx_ymat_load()'s message.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"

struct obs_tab {
	sqlite3_vtab base;
	struct cidx_store *st;
};

struct obs_cur {
	sqlite3_vtab_cursor base;
	struct cidx_store *st;
	int *years;
	size_t ny, yi;
	struct cidx_ymat *m;
	size_t r, c, ns;
	char **scode;               /* series id -> code */
	struct cidx_intmap uidx;    /* unit id -> index into ucode */
	char **ucode;
	size_t nu;
	sqlite3_int64 rowid;
};

static int
obs_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **out, char **msg)
{
	struct obs_tab *t;
	int rc;

	(void)argc, (void)argv, (void)msg;
	rc = sqlite3_declare_vtab(db, "CREATE TABLE x(unit TEXT, indicator "
	    "TEXT, year INTEGER, value REAL, import_id INTEGER)");
	if (rc != SQLITE_OK)
		return rc;
	if ((t = sqlite3_malloc(sizeof(*t))) == NULL)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	t->st = aux;
	*out = &t->base;
	return SQLITE_OK;
}

static int
obs_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

/* year = ? reads one year (idxNum 1); anything else every year */
static int
obs_best_index(sqlite3_vtab *vt, sqlite3_index_info *ix)
{
	(void)vt;
	ix->idxNum = 0;
	ix->estimatedCost = 1e6;
	for (int i = 0; i < ix->nConstraint; i++)
		if (ix->aConstraint[i].iColumn == 2 &&
		    ix->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ &&
		    ix->aConstraint[i].usable) {
			ix->aConstraintUsage[i].argvIndex = 1;
			ix->idxNum = 1;
			ix->estimatedCost = 1e3;
			break;
		}
	return SQLITE_OK;
}

static void
cur_reset(struct obs_cur *cu)
{
	cidx_ymat_free(cu->m);
	cu->m = NULL;
	free(cu->years);
	cu->years = NULL;
	cu->ny = cu->yi = 0;
	for (size_t i = 0; cu->scode && i < cu->ns; i++)
		free(cu->scode[i]);
	free(cu->scode);
	cu->scode = NULL;
	for (size_t i = 0; i < cu->nu; i++)
		free(cu->ucode[i]);
	free(cu->ucode);
	cu->ucode = NULL;
	cu->nu = 0;
	cidx_intmap_release(&cu->uidx);
	cu->uidx = (struct cidx_intmap)CIDX_INTMAP_INIT;
}

static int
obs_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct obs_cur *cu = sqlite3_malloc(sizeof(*cu));

	if (cu == NULL)
		return SQLITE_NOMEM;
	memset(cu, 0, sizeof(*cu));
	cu->st = ((struct obs_tab *)vt)->st;
	cu->uidx = (struct cidx_intmap)CIDX_INTMAP_INIT;
	*out = &cu->base;
	return SQLITE_OK;
}

static int
obs_close(sqlite3_vtab_cursor *c)
{
	cur_reset((struct obs_cur *)c);
	sqlite3_free(c);
	return SQLITE_OK;
}

/* the codes of units and series (ids out of range are not named) */
static int
load_codes(struct obs_cur *cu, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t cap = 0;
	int ret, rc;

	cu->scode = cidx_xcalloc(cu->ns + 1, sizeof(*cu->scode));
	if ((ret = cidx_db_prepare(cu->st, &s, "SELECT id, code FROM series",
	    err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);

		if (id >= 0 && (size_t)id < cu->ns && !cu->scode[id])
			cu->scode[id] = cidx_db_col_dup(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE ||
	    (ret = cidx_db_prepare(cu->st, &s, "SELECT id, code FROM units",
	    err)) < 0)
		return rc != SQLITE_DONE ? cidx_db_err(cu->st, err,
		    "read series") : ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(cu->ucode, cu->nu + 1, cap);
		cu->ucode[cu->nu] = cidx_db_col_dup(s, 1);
		cidx_intmap_put(&cu->uidx,
		    (uint64_t)sqlite3_column_int64(s, 0), cu->nu++);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : cidx_db_err(cu->st, err, "read units");
}

/* the cursor on the next value from (yi, r, c) on, loading years as it
 * goes */
static int
seek(struct obs_cur *cu, struct cidx_err *err)
{
	int ret;

	for (;;) {
		const struct cidx_ymat *m = cu->m;

		for (; m && cu->r < m->n; cu->r++, cu->c = 0)
			for (; cu->c < m->ns; cu->c++)
				if (!isnan(m->v[cu->r * m->ns + cu->c]))
					return 0;
		cidx_ymat_free(cu->m);
		cu->m = NULL;
		if (cu->yi >= cu->ny)
			return 0;
		if ((ret = cidx_ymat_load(cu->st, cu->years[cu->yi++], cu->ns,
		    &cu->m, err)) < 0)
			return ret;
		cu->r = cu->c = 0;
	}
}

static int
vt_error(sqlite3_vtab_cursor *c, const struct cidx_err *err)
{
	sqlite3_free(c->pVtab->zErrMsg);
	c->pVtab->zErrMsg = sqlite3_mprintf("%s", err->msg);
	return SQLITE_ERROR;
}

static int
obs_filter(sqlite3_vtab_cursor *c, int idx, const char *idxs, int argc,
    sqlite3_value **argv)
{
	struct obs_cur *cu = (struct obs_cur *)c;
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	(void)idxs;
	cur_reset(cu);
	cu->rowid = 0;
	if ((ret = cidx_series_count(cu->st, &cu->ns, &err)) < 0 ||
	    (ret = load_codes(cu, &err)) < 0)
		return vt_error(c, &err);
	if (idx == 1 && argc == 1) {
		/* a year that is not a whole number matches none */
		if (sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER) {
			cu->years = cidx_xmalloc(sizeof(*cu->years));
			cu->years[0] = sqlite3_value_int(argv[0]);
			cu->ny = sqlite3_value_int64(argv[0]) ==
			    cu->years[0];
		}
	} else if ((ret = cidx_ymat_years(cu->st, &cu->years, &cu->ny,
	    &err)) < 0) {
		return vt_error(c, &err);
	}
	if (seek(cu, &err) < 0)
		return vt_error(c, &err);
	return SQLITE_OK;
}

static int
obs_next(sqlite3_vtab_cursor *c)
{
	struct obs_cur *cu = (struct obs_cur *)c;
	struct cidx_err err = CIDX_ERR_INIT;

	cu->c++;
	cu->rowid++;
	return seek(cu, &err) < 0 ? vt_error(c, &err) : SQLITE_OK;
}

static int
obs_eof(sqlite3_vtab_cursor *c)
{
	return ((const struct obs_cur *)c)->m == NULL;
}

static void
result_code(sqlite3_context *ctx, const char *s)
{
	if (s)
		sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static int
obs_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
	const struct obs_cur *cu = (const struct obs_cur *)c;
	const struct cidx_ymat *m = cu->m;
	size_t at = cu->r * m->ns + cu->c, k;

	switch (col) {
	case 0:
		result_code(ctx, cidx_intmap_get(&cu->uidx,
		    (uint64_t)m->uid[cu->r], &k) ? cu->ucode[k] : NULL);
		break;
	case 1:
		result_code(ctx, cu->c < cu->ns ? cu->scode[cu->c] : NULL);
		break;
	case 2:
		sqlite3_result_int(ctx, m->year);
		break;
	case 3:
		sqlite3_result_double(ctx, m->v[at]);
		break;
	default:
		sqlite3_result_int64(ctx, cidx_ymat_import_of(m, cu->r,
		    cu->c));
		break;
	}
	return SQLITE_OK;
}

static int
obs_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	*rowid = ((const struct obs_cur *)c)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module obs_module = {
	.iVersion = 1,
	.xConnect = obs_connect,
	.xBestIndex = obs_best_index,
	.xDisconnect = obs_disconnect,
	.xOpen = obs_open,
	.xClose = obs_close,
	.xFilter = obs_filter,
	.xNext = obs_next,
	.xEof = obs_eof,
	.xColumn = obs_column,
	.xRowid = obs_rowid,
};

int
cidx_obs_register(struct cidx_store *st, struct cidx_err *err)
{
	if (sqlite3_create_module(st->db, "observations", &obs_module, st) !=
	    SQLITE_OK)
		return cidx_db_err(st, err, "register observations");
	return 0;
}
