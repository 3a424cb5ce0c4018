/*
 * yearsave.c - a year's matrix written back (WORKSPACE SCHEMA in
 * man/cityidx.1): its changed rows of `cells`, then its `matrices` row
 * (store/matblob.c), whose values go into a zeroblob.
 *
 * `cells` is what the import writes most of (issue 17): one row per unit
 * and chunk of CIDX_CHUNK series, every value a parameter.  The statement
 * is prepared once per year and its parameters rebound row by row without
 * clearing them.
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
 * The parameters ?4.. of a row of cells: a value, or NULL for none, and
 * the import of each value, or NULL for none (0).  What the statement
 * held from the row before is kept where it is the same kind (a NULL
 * stays bound): no sqlite3_clear_bindings() per row.  nul[k] 1: ?4+k is
 * NULL now.
 */
static int
bind_row(sqlite3_stmt *put, const double *v, const int32_t *imp, size_t w,
    unsigned char *nul)
{
	int rc = SQLITE_OK;

	for (size_t k = 0; k < CIDX_CHUNK && rc == SQLITE_OK; k++) {
		int pv = 4 + (int)k, pi = pv + CIDX_CHUNK;
		int has = k < w && !isnan(v[k]);
		int hasi = has && imp[k] != 0;

		if (has)
			rc = sqlite3_bind_double(put, pv, v[k]);
		else if (!nul[k])
			rc = sqlite3_bind_null(put, pv);
		nul[k] = !has;
		if (rc != SQLITE_OK)
			break;
		if (hasi)
			rc = sqlite3_bind_int64(put, pi, imp[k]);
		else if (!nul[CIDX_CHUNK + k])
			rc = sqlite3_bind_null(put, pi);
		nul[CIDX_CHUNK + k] = !hasi;
	}
	return rc;
}

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

static int
save_cells(struct cidx_store *st, struct cidx_ymat *m, struct cidx_err *err)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *put = NULL, *del = NULL;
	unsigned char nul[2 * CIDX_CHUNK];
	int ret;

	memset(nul, 1, sizeof(nul)); /* a new statement binds NULLs */
	cidx_sbuf_adds(&sql, "INSERT OR REPLACE INTO cells VALUES (?1, ?2, ?3");
	for (int k = 0; k < 2 * CIDX_CHUNK; k++)
		cidx_sbuf_addf(&sql, ", ?%d", 4 + k);
	cidx_sbuf_adds(&sql, ")");
	ret = cidx_db_prepare(st, &put, sql.buf, err);
	cidx_sbuf_release(&sql);
	if (ret < 0 || (ret = cidx_db_prepare(st, &del, "DELETE FROM cells "
	    "WHERE year = ?1 AND unit = ?2 AND chunk = ?3", err)) < 0)
		goto out;
	for (size_t r = 0; r < m->n; r++)
		for (size_t c = 0; c < m->nch; c++) {
			size_t at = r * m->ns + c * CIDX_CHUNK;
			size_t w = m->ns - c * CIDX_CHUNK;

			if (!m->dirty[r * m->nch + c])
				continue;
			if (chunk_empty(m, r, c)) {
				if ((ret = cidx_db_bind(st, del, err, "iIi",
				    m->year, m->uid[r], (int)c)) < 0 ||
				    (ret = cidx_db_done(st, del, "save values",
				    err)) < 0)
					goto out;
				continue;
			}
			if ((ret = cidx_db_bind(st, put, err, "iIi", m->year,
			    m->uid[r], (int)c)) < 0)
				goto out;
			if (bind_row(put, m->v + at, m->imp + at, w, nul) !=
			    SQLITE_OK) {
				ret = cidx_db_err(st, err, "bind a value");
				goto out;
			}
			if ((ret = cidx_db_done(st, put, "save values",
			    err)) < 0)
				goto out;
		}
out:
	sqlite3_finalize(put);
	sqlite3_finalize(del);
	return ret;
}

int
cidx_ymat_save(struct cidx_store *st, struct cidx_ymat *m,
    struct cidx_err *err)
{
	int ret;

	if (!m->changed && !m->stale)
		return 0;
	/*
	 * The triggers on cells only list the year in stale_years, which
	 * saving its matrix settles (and a matrix too large to keep lists
	 * itself): off while the rows are written, as each row would run
	 * one (4% of an import's instructions).
	 */
	if (m->changed) {
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0,
		    NULL);
		ret = save_cells(st, m, err);
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1,
		    NULL);
		if (ret < 0)
			return ret;
	}
	/* the matrix needs the values only: a third less memory while
	 * SQLite copies it */
	free(m->imp);
	m->imp = NULL;
	return cidx_ymat_save_matrix(st, m, err);
}
