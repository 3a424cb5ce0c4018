/*
 * yearsave.c - the values of a `matrices` row written into its zeroblob,
 * and, for the migration from version 1 only, a year's changed rows of
 * `cells` (schemas 2 to 5: one row per unit and chunk of CIDX_CHUNK
 * series), all in one statement that reads them from the matrix (a
 * virtual table).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "store/internal.h"

int
cidx_matrix_write(struct cidx_store *st, int year, const double *v, size_t n,
    struct cidx_err *err)
{
	sqlite3_blob *b = NULL;
	int rc;

	if (n == 0)
		return 0;
	if (n > INT_MAX)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': a matrix "
		    "of %zu bytes", st->path, n);
	rc = sqlite3_blob_open(st->db, "main", "matrices", "vals", year, 1,
	    &b);
	if (rc == SQLITE_OK)
		rc = sqlite3_blob_write(b, v, (int)n, 0);
	if (rc != SQLITE_OK) {
		int ret = cidx_db_err(st, err, "save matrix");

		sqlite3_blob_close(b);
		return ret;
	}
	if (sqlite3_blob_close(b) != SQLITE_OK)
		return cidx_db_err(st, err, "save matrix");
	return 0;
}

/*
 * The rows of cells to write, as an eponymous virtual table that SQLite
 * reads from the matrix in memory: `INSERT OR REPLACE INTO cells SELECT *
 * FROM cidx_cells_src(?1)` with ?1 the matrix (sqlite3_bind_pointer()) is
 * one statement for the whole year, where a statement per row paid its
 * start, its statement journal and its end once per row, and a parameter
 * per value (issue 17).  Its rows are the dirty chunks that hold a value,
 * in the order of the matrix; a value is NULL for none, its import NULL
 * for none (0).
 */
#define SRC_PTR "cidx_ymat"

struct src_cur {
	sqlite3_vtab_cursor base;
	const struct cidx_ymat *m;
	size_t r, c;   /* the current row and chunk */
	sqlite3_int64 rowid;
	const double *v;    /* its values */
	const int32_t *imp; /* their imports */
	size_t w;           /* of its series that exist */
};

/* a dirty chunk of row r that holds no value: its row of cells goes */
static int
chunk_empty(const struct cidx_ymat *m, size_t r, size_t c)
{
	const double *v = m->v + r * m->ns + c * CIDX_CHUNK;
	size_t w = m->ns - c * CIDX_CHUNK;

	w = w > CIDX_CHUNK ? CIDX_CHUNK : w;
	for (size_t k = 0; k < w; k++)
		if (!isnan(v[k]))
			return 0;
	return 1;
}

/* the cursor on the next dirty chunk with a value from (r, c) on */
static void
src_seek(struct src_cur *cu)
{
	const struct cidx_ymat *m = cu->m;

	for (; cu->r < m->n; cu->r++, cu->c = 0)
		for (; cu->c < m->nch; cu->c++)
			if (m->dirty[cu->r * m->nch + cu->c] &&
			    !chunk_empty(m, cu->r, cu->c)) {
				size_t at = cu->r * m->ns + cu->c * CIDX_CHUNK;

				cu->v = m->v + at;
				cu->imp = m->imp + at;
				cu->w = m->ns - cu->c * CIDX_CHUNK;
				cu->w = cu->w > CIDX_CHUNK ? CIDX_CHUNK : cu->w;
				return;
			}
}

static int
src_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **out, char **msg)
{
	struct sbuf sql = SBUF_INIT;
	int rc;

	(void)aux, (void)argc, (void)argv, (void)msg;
	cidx_sbuf_adds(&sql, "CREATE TABLE x(year, unit, chunk");
	for (int k = 0; k < CIDX_CHUNK; k++)
		cidx_sbuf_addf(&sql, ", v%d", k);
	for (int k = 0; k < CIDX_CHUNK; k++)
		cidx_sbuf_addf(&sql, ", i%d", k);
	cidx_sbuf_adds(&sql, ", src HIDDEN)");
	rc = sqlite3_declare_vtab(db, sql.buf);
	cidx_sbuf_release(&sql);
	if (rc != SQLITE_OK)
		return rc;
	*out = sqlite3_malloc(sizeof(**out));
	if (*out == NULL)
		return SQLITE_NOMEM;
	memset(*out, 0, sizeof(**out));
	return SQLITE_OK;
}

static int
src_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

/* the only plan: src given (the column after the 3 + 2 x CIDX_CHUNK) */
static int
src_best_index(sqlite3_vtab *vt, sqlite3_index_info *ix)
{
	(void)vt;
	for (int i = 0; i < ix->nConstraint; i++)
		if (ix->aConstraint[i].iColumn == 3 + 2 * CIDX_CHUNK &&
		    ix->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ &&
		    ix->aConstraint[i].usable) {
			ix->aConstraintUsage[i].argvIndex = 1;
			ix->aConstraintUsage[i].omit = 1;
			ix->estimatedCost = 1;
			return SQLITE_OK;
		}
	return SQLITE_CONSTRAINT;
}

static int
src_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct src_cur *cu = sqlite3_malloc(sizeof(*cu));

	(void)vt;
	if (cu == NULL)
		return SQLITE_NOMEM;
	memset(cu, 0, sizeof(*cu));
	*out = &cu->base;
	return SQLITE_OK;
}

static int
src_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int
src_filter(sqlite3_vtab_cursor *c, int idx, const char *idxs, int argc,
    sqlite3_value **argv)
{
	struct src_cur *cu = (struct src_cur *)c;

	(void)idx, (void)idxs;
	cu->m = argc == 1 ? sqlite3_value_pointer(argv[0], SRC_PTR) : NULL;
	cu->r = cu->c = 0;
	cu->rowid = 0;
	if (cu->m)
		src_seek(cu);
	return SQLITE_OK;
}

static int
src_next(sqlite3_vtab_cursor *c)
{
	struct src_cur *cu = (struct src_cur *)c;

	cu->c++;
	cu->rowid++;
	src_seek(cu);
	return SQLITE_OK;
}

static int
src_eof(sqlite3_vtab_cursor *c)
{
	const struct src_cur *cu = (const struct src_cur *)c;

	return cu->m == NULL || cu->r >= cu->m->n;
}

static int
src_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
	const struct src_cur *cu = (const struct src_cur *)c;
	size_t k = (size_t)col - 3;

	if (col < 3) {
		if (col == 0)
			sqlite3_result_int(ctx, cu->m->year);
		else
			sqlite3_result_int64(ctx, col == 1 ?
			    cu->m->uid[cu->r] : (sqlite3_int64)cu->c);
	} else if (k < CIDX_CHUNK) {
		if (k < cu->w && !isnan(cu->v[k]))
			sqlite3_result_double(ctx, cu->v[k]);
		else
			sqlite3_result_null(ctx);
	} else if ((k -= CIDX_CHUNK) < cu->w && !isnan(cu->v[k]) &&
	    cu->imp[k] != 0) {
		sqlite3_result_int64(ctx, cu->imp[k]);
	} else {
		sqlite3_result_null(ctx);
	}
	return SQLITE_OK;
}

static int
src_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	*rowid = ((const struct src_cur *)c)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module src_module = {
	.iVersion = 1,
	.xConnect = src_connect,
	.xBestIndex = src_best_index,
	.xDisconnect = src_disconnect,
	.xOpen = src_open,
	.xClose = src_close,
	.xFilter = src_filter,
	.xNext = src_next,
	.xEof = src_eof,
	.xColumn = src_column,
	.xRowid = src_rowid,
};

/* the dirty chunks without a value: their rows of cells deleted */
static int
delete_empty(struct cidx_store *st, const struct cidx_ymat *m,
    struct cidx_err *err)
{
	sqlite3_stmt *del = NULL;
	int ret = 0;

	for (size_t r = 0; r < m->n && ret == 0; r++)
		for (size_t c = 0; c < m->nch && ret == 0; c++) {
			if (!m->dirty[r * m->nch + c] || !chunk_empty(m, r, c))
				continue;
			if (del == NULL && (ret = cidx_db_prepare(st, &del,
			    "DELETE FROM cells WHERE year = ?1 AND unit = ?2 "
			    "AND chunk = ?3", err)) < 0)
				break;
			if ((ret = cidx_db_bind(st, del, err, "iIi", m->year,
			    m->uid[r], (int)c)) == 0)
				ret = cidx_db_done(st, del, "save values", err);
		}
	sqlite3_finalize(del);
	return ret;
}

static int
save_cells(struct cidx_store *st, struct cidx_ymat *m, struct cidx_err *err)
{
	sqlite3_stmt *put = NULL;
	int ret;

	if ((ret = delete_empty(st, m, err)) < 0)
		return ret;
	/* registered anew each time: the connection may be new */
	if (sqlite3_create_module(st->db, "cidx_cells_src", &src_module,
	    NULL) != SQLITE_OK)
		return cidx_db_err(st, err, "save values");
	if ((ret = cidx_db_prepare(st, &put, "INSERT OR REPLACE INTO cells "
	    "SELECT * FROM cidx_cells_src(?1)", err)) < 0)
		return ret;
	if (sqlite3_bind_pointer(put, 1, m, SRC_PTR, NULL) != SQLITE_OK)
		ret = cidx_db_err(st, err, "save values");
	else
		ret = cidx_db_done(st, put, "save values", err);
	sqlite3_finalize(put);
	return ret;
}

int
cidx_ymat_save_cells(struct cidx_store *st, struct cidx_ymat *m,
    struct cidx_err *err)
{
	int ret;

	if (!m->changed)
		return 0;
	/* the triggers of version 2 would list the year as stale: no reader
	 * is left for that list, which version 6 drops */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	ret = save_cells(st, m, err);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
	return ret;
}
