/*
 * store.c - the SQLite workspace: open and migrate, snapshots, the
 * framework, the years and one year's data.  Every statement is
 * prepared; every return code is checked and turned into a cidx_err at
 * this boundary (store/db.c).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/mem.h"
#include "core/strmap.h"
#include "store/internal.h"
#include "store/schema.h"
#include "store/store.h"

static int
user_version(struct cidx_store *st, int *out, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret;

	if ((ret = cidx_db_prepare(st, &s, "PRAGMA user_version", err)) < 0)
		return ret;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = cidx_db_err(st, err, "read schema version");
		sqlite3_finalize(s);
		return ret;
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return 0;
}

static int
check_version(struct cidx_store *st, int v, struct cidx_err *err)
{
	if (v < 0)
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': unknown "
		    "schema version %d", st->path, v);
	if (v > CIDX_SCHEMA_VERSION)
		return cidx_err_set(err, CIDX_EDB,
		    "workspace '%s': schema version %d is newer than this "
		    "cityidx reads (%d)", st->path, v, CIDX_SCHEMA_VERSION);
	return 0;
}

static int
fk_check(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "PRAGMA foreign_key_check",
	    err)) < 0)
		return ret;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': table '%s' "
		    "refers to a row of '%s' that does not exist", st->path,
		    sqlite3_column_text(s, 0), sqlite3_column_text(s, 2));
	else if (rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "check references");
	sqlite3_finalize(s);
	return ret;
}

/*
 * All steps from the workspace's version to this one, in one transaction:
 * a migration lands whole or not at all.  The version is read again once
 * the write lock is held, as another process may have migrated meanwhile.
 * Foreign keys are off while tables are rebuilt (dropping a table would
 * otherwise delete the rows that refer to it).
 */
static int
migrate(struct cidx_store *st, struct cidx_err *err)
{
	char pragma[64];
	int v, ret, from;

	if ((ret = user_version(st, &v, err)) < 0 ||
	    (ret = check_version(st, v, err)) < 0)
		return ret;
	if (v == CIDX_SCHEMA_VERSION)
		return 0;
	if ((ret = cidx_db_exec(st, "PRAGMA foreign_keys = OFF", err)) < 0 ||
	    (ret = cidx_db_write_begin(st, err)) < 0)
		return ret;
	if ((ret = user_version(st, &v, err)) < 0 ||
	    (ret = check_version(st, v, err)) < 0)
		goto fail;
	from = v;
	for (; v < CIDX_SCHEMA_VERSION; v++) {
		if ((size_t)v < cidx_n_migrations)
			ret = cidx_db_exec(st, cidx_migrations[v], err);
		else
			ret = cidx_schema_migrate_v2(st, err);
		if (ret < 0)
			goto fail;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
	    CIDX_SCHEMA_VERSION);
	if ((ret = cidx_db_exec(st, pragma, err)) < 0 ||
	    (ret = fk_check(st, err)) < 0 ||
	    (ret = cidx_db_commit(st, err)) < 0)
		goto fail;
	/*
	 * The tables of version 1 are gone but their pages stay in the file
	 * (3 M values: 200 MB, of which 60 MB are used now): give them back
	 * once.  Only space is at stake, so a VACUUM that fails (no room for
	 * its copy) leaves a correct workspace and is not an error.
	 */
	if (from == 1)
		cidx_db_exec(st, "VACUUM", NULL);
	return cidx_db_exec(st, "PRAGMA foreign_keys = ON", err);
fail:
	cidx_db_rollback(st);
	cidx_db_exec(st, "PRAGMA foreign_keys = ON", NULL);
	return ret;
}

/* Opens the file `path`, named `name` in messages (init builds a new
 * workspace under a temporary name). */
static int
open_as(struct cidx_store **out, const char *path, const char *name,
    int create, struct cidx_err *err)
{
	struct cidx_store *st;
	struct stat sb;
	int flags = SQLITE_OPEN_READWRITE, ret, v;

	*out = NULL;
	if (stat(path, &sb) != 0) {
		if (!create)
			return cidx_err_set(err, CIDX_ENOWORKSPACE,
			    "no workspace at '%s'", name);
		flags |= SQLITE_OPEN_CREATE;
	} else if (S_ISDIR(sb.st_mode)) {
		return cidx_err_set(err, CIDX_EINVAL, "workspace '%s' is a "
		    "directory", name);
	}
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(name);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		ret = cidx_db_err(st, err, "open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, CIDX_BUSY_MS);
	if ((ret = cidx_db_exec(st, "PRAGMA foreign_keys = ON", err)) < 0)
		goto fail;
	if ((ret = user_version(st, &v, err)) < 0) {
		cidx_err_set(err, CIDX_EDB, "'%s' is not a cityidx workspace "
		    "(not an SQLite database)", name);
		goto fail;
	}
	if (v == 0 && !create) {
		ret = cidx_err_set(err, CIDX_ENOWORKSPACE, "'%s' is not a "
		    "cityidx workspace", name);
		goto fail;
	}
	if (v == 0) {
		/* never add our tables to somebody else's database */
		sqlite3_stmt *q;
		int other;

		if ((ret = cidx_db_prepare(st, &q, "SELECT count(*) FROM "
		    "sqlite_schema", err)) < 0)
			goto fail;
		other = sqlite3_step(q) == SQLITE_ROW &&
		    sqlite3_column_int(q, 0) > 0;
		sqlite3_finalize(q);
		if (other) {
			ret = cidx_err_set(err, CIDX_EDB, "'%s' is an SQLite "
			    "database that is not a cityidx workspace; "
			    "choose another path", name);
			goto fail;
		}
	}
	/* reads go through a memory map: a year's matrix is a few MB */
	if ((ret = cidx_db_exec(st, "PRAGMA cache_size = -16384", err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA temp_store = MEMORY", err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA mmap_size = 1073741824",
	    err)) < 0 ||
	    (ret = cidx_db_exec(st, "PRAGMA journal_mode = WAL", err)) < 0 ||
	    (ret = migrate(st, err)) < 0)
		goto fail;
	*out = st;
	return 0;
fail:
	cidx_store_close(st);
	return ret;
}

int
cidx_store_open(struct cidx_store **out, const char *path, int create,
    struct cidx_err *err)
{
	return open_as(out, path, path, create, err);
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
	if ((ret = cidx_db_exec(st, "BEGIN DEFERRED", err)) < 0)
		return ret;
	/* a deferred transaction starts reading at its first read: read now,
	 * so the snapshot is the state at this call */
	if ((ret = cidx_db_prepare(st, &s, "SELECT count(*) FROM "
	    "sqlite_schema", err)) < 0)
		goto fail;
	if (sqlite3_step(s) != SQLITE_ROW) {
		ret = cidx_db_err(st, err, "begin reading");
		sqlite3_finalize(s);
		goto fail;
	}
	sqlite3_finalize(s);
	st->snapshot = 1;
	return 0;
fail:
	cidx_db_rollback(st);
	return ret;
}

void
cidx_store_snapshot_end(struct cidx_store *st)
{
	if (st == NULL || !st->snapshot)
		return;
	/* a read transaction: nothing to commit, nothing that can fail */
	cidx_db_rollback(st);
	st->snapshot = 0;
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

/* Whether series `id` holds a value in some year. */
static int
series_used(struct cidx_store *st, sqlite3_int64 id, int *out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	char sql[96];
	int ret, rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM cells WHERE chunk = ?1 AND "
	    "v%d IS NOT NULL LIMIT 1", (int)(id % CIDX_CHUNK));
	if ((ret = cidx_db_prepare(st, &s, sql, err)) < 0)
		return ret;
	if ((ret = cidx_db_bind(st, s, err, "I",
	    (sqlite3_int64)(id / CIDX_CHUNK))) == 0) {
		rc = sqlite3_step(s);
		*out = rc == SQLITE_ROW;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			ret = cidx_db_err(st, err, "read values");
	}
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
		if ((ret = series_used(st, sqlite3_column_int64(q, 0), &used,
		    err)) < 0)
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
	    "denominator, target, ord, goal_lo, goal_hi, treat) VALUES (?1,?2,"
	    "?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)", err)) < 0)
		goto fail;
	for (size_t i = 0; i < fw->n; i++) {
		const struct cidx_node *nd = &fw->node[i];

		if ((ret = cidx_db_bind(st, s, err, "tttittidttdIddt", nd->code,
		    nd->parent, type_name(nd->type), nd->level, nd->name_zh,
		    nd->name_en, nd->direction, nd->weight, nd->unit,
		    nd->denominator, nd->target, (sqlite3_int64)i, nd->goal_lo,
		    nd->goal_hi, nd->treat)) < 0 ||
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

/* removes a database file and the files SQLite keeps beside it */
static void
remove_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char buf[4096];

	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", path, suffix[i]);
		unlink(buf);
	}
}

int
cidx_store_init(const char *path, const struct cidx_framework *fw,
    const char *source, int *created, struct cidx_err *err)
{
	struct cidx_store *st = NULL;
	struct stat sb;
	char *tmp;
	int ret, fd;

	*created = 0;
	if (stat(path, &sb) == 0 || errno != ENOENT) {
		/* an existing workspace: one transaction, nothing to undo */
		if ((ret = cidx_store_open(&st, path, 1, err)) == 0)
			ret = cidx_store_set_framework(st, fw, source, err);
		cidx_store_close(st);
		return ret;
	}
	tmp = xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.init-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		ret = cidx_err_set(err, CIDX_EIO, "cannot create '%s': %s",
		    path, strerror(errno));
		free(tmp);
		return ret;
	}
	close(fd);
	if ((ret = open_as(&st, tmp, path, 1, err)) < 0 ||
	    (ret = cidx_store_set_framework(st, fw, source, err)) < 0)
		goto fail;
	/* closing checkpoints the log into the file and removes it: a log
	 * left behind means the file is not complete */
	if (sqlite3_close(st->db) != SQLITE_OK) {
		ret = cidx_db_err(st, err, "close");
		goto fail;
	}
	st->db = NULL;
	{
		char wal[4096];

		snprintf(wal, sizeof(wal), "%s-wal", tmp);
		if (access(wal, F_OK) == 0) {
			ret = cidx_err_set(err, CIDX_EIO, "cannot write '%s' "
			    "(is the disk full?)", path);
			goto fail;
		}
	}
	if (link(tmp, path) != 0) {
		ret = cidx_err_set(err, CIDX_EIO, "cannot create '%s': %s",
		    path, errno == EEXIST ? "another process created it "
		    "meanwhile" : strerror(errno));
		goto fail;
	}
	unlink(tmp);
	cidx_store_close(st);
	free(tmp);
	*created = 1;
	return 0;
fail:
	cidx_store_close(st);
	remove_db(tmp);
	free(tmp);
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
		"denominator", "target", "goal_lo", "goal_hi", "treat" };
	sqlite3_stmt *s;
	struct cidx_node *node = NULL;
	size_t n = 0, cap = 0;
	int ret, rc, bad = -1;

	*out = NULL;
	if ((ret = cidx_db_prepare(st, &s, "SELECT code, parent, type, level, "
	    "name_zh, name_en, direction, weight, unit, denominator, target, "
	    "goal_lo, goal_hi, treat FROM nodes ORDER BY ord", err)) < 0)
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

/* Whether each series is an indicator of the framework in the workspace
 * (years count indicator values only). */
static int
indicator_series(struct cidx_store *st, size_t ns, unsigned char **out,
    struct cidx_err *err)
{
	sqlite3_stmt *s;
	unsigned char *is = xcalloc(ns ? ns : 1, 1);
	int ret, rc;

	*out = NULL;
	if ((ret = cidx_db_prepare(st, &s, "SELECT s.id FROM series s JOIN "
	    "nodes n ON n.code = s.code WHERE n.type = 'indicator'", err)) < 0) {
		free(is);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);

		if (id >= 0 && (size_t)id < ns)
			is[id] = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(is);
		return cidx_db_err(st, err, "read series");
	}
	*out = is;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
cidx_store_years(struct cidx_store *st, int **out, size_t *n,
    struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	unsigned char *is = NULL;
	int *stale = NULL, *y = NULL, ret, rc, own;
	size_t ns = 0, nstale = 0, ny = 0, cap = 0, ycap = 0;

	*out = NULL;
	*n = 0;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0)
		return ret;
	if ((ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = indicator_series(st, ns, &is, err)) < 0 ||
	    (ret = cidx_ymat_stale(st, &stale, &nstale, err)) < 0)
		goto out;
	cap = nstale;
	/* current matrices: where the values came from is in `sources` */
	if ((ret = cidx_db_prepare(st, &s, "SELECT year, format, sources FROM "
	    "matrices WHERE year NOT IN (SELECT year FROM stale_years) ORDER "
	    "BY year", err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const int32_t *src = sqlite3_column_blob(s, 2);
		size_t k = (size_t)sqlite3_column_bytes(s, 2);
		int any = 0;

		if (sqlite3_column_int(s, 1) != cidx_ymat_format() ||
		    k % 12 != 0) {
			ALLOC_GROW(stale, nstale + 1, cap);
			stale[nstale++] = sqlite3_column_int(s, 0);
			continue;
		}
		for (size_t j = 0; src && j < k / 12 && !any; j++)
			any = src[3 * j] >= 0 && (size_t)src[3 * j] < ns &&
			    is[src[3 * j]] && src[3 * j + 2] > 0;
		if (any) {
			ALLOC_GROW(y, ny + 1, ycap);
			y[ny++] = sqlite3_column_int(s, 0);
		}
	}
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read years");
		goto out;
	}
	/* the others from cells */
	for (size_t i = 0; i < nstale; i++) {
		struct cidx_ymat *m = NULL;
		int any = 0;

		if ((ret = cidx_ymat_load(st, stale[i], ns, &m, err)) < 0)
			goto out;
		for (size_t r = 0; r < m->n && !any; r++)
			for (size_t j = 0; j < ns && !any; j++)
				any = is[j] && !isnan(m->v[r * ns + j]);
		cidx_ymat_free(m);
		if (any) {
			ALLOC_GROW(y, ny + 1, ycap);
			y[ny++] = stale[i];
		}
	}
	if (ny > 1)
		qsort(y, ny, sizeof(*y), cmp_int);
	*out = y;
	*n = ny;
	y = NULL;
out:
	sqlite3_finalize(s);
	free(y);
	free(is);
	free(stale);
	cidx_db_read_end(st, own);
	return ret;
}

/* dataset rows: the matrix rows with an indicator value, by code */
struct pick {
	size_t row;
	struct cidx_unit *u;
};

static int
cmp_pick(const void *a, const void *b)
{
	return strcmp(((const struct pick *)a)->u->code,
	    ((const struct pick *)b)->u->code);
}

/* The code and names of the units whose ids `rowof` maps to rows. */
static int
load_units(struct cidx_store *st, const struct cidx_intmap *rowof,
    struct cidx_unit *unit, struct cidx_err *err)
{
	sqlite3_stmt *s;
	int ret, rc;

	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code, name, name_en "
	    "FROM units", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t r;

		if (!cidx_intmap_get(rowof, (uint64_t)sqlite3_column_int64(s, 0),
		    &r))
			continue;
		if (sqlite3_column_type(s, 1) != SQLITE_TEXT) {
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': "
			    "unit id %lld has no code", st->path,
			    (long long)sqlite3_column_int64(s, 0));
			sqlite3_finalize(s);
			return ret;
		}
		unit[r].code = cidx_db_col_dup(s, 1);
		unit[r].name = cidx_db_col_dup(s, 2);
		unit[r].name_en = cidx_db_col_dup(s, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "load units");
	return 0;
}

static int
load_attrs(struct cidx_store *st, struct cidx_dataset *ds,
    struct cidx_err *err)
{
	struct cidx_strmap umap = CIDX_STRMAP_INIT;
	sqlite3_stmt *s;
	int ret, rc;

	for (size_t i = 0; i < ds->n_units; i++)
		cidx_strmap_put(&umap, ds->unit[i].code, i);
	if ((ret = cidx_db_prepare(st, &s, "SELECT unit, key, value FROM "
	    "unit_attrs ORDER BY unit, key", err)) < 0) {
		cidx_strmap_release(&umap);
		return ret;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *code = sqlite3_column_text(s, 0);
		struct cidx_unit *u;
		size_t i;

		if (code == NULL || !cidx_strmap_get(&umap,
		    (const char *)code, &i))
			continue;
		u = &ds->unit[i];
		u->attr = xreallocarray(u->attr, u->n_attr + 1,
		    sizeof(*u->attr));
		u->attr[u->n_attr].key = cidx_db_col_dup(s, 1);
		u->attr[u->n_attr].value = cidx_db_col_dup(s, 2);
		if (u->attr[u->n_attr].key == NULL)
			u->attr[u->n_attr].key = xstrdup("");
		if (u->attr[u->n_attr].value == NULL)
			u->attr[u->n_attr].value = xstrdup("");
		u->n_attr++;
	}
	sqlite3_finalize(s);
	cidx_strmap_release(&umap);
	if (rc != SQLITE_DONE)
		return cidx_db_err(st, err, "load attributes");
	return 0;
}

/* The framework column (>= 0 indicator, <= -2 denominator -2 - d) of each
 * series, -1 for none. */
static int
series_columns(struct cidx_store *st, const struct cidx_framework *fw,
    const struct cidx_dataset *ds, size_t ns, long **out,
    struct cidx_err *err)
{
	struct cidx_strmap codes = CIDX_STRMAP_INIT;
	long *col = xcalloc(ns ? ns : 1, sizeof(*col));
	sqlite3_stmt *s;
	int ret, rc;

	*out = NULL;
	for (size_t j = 0; j < ns; j++)
		col[j] = -1;
	for (size_t j = 0; j < fw->n_ind; j++)
		cidx_strmap_put(&codes, fw->node[fw->ind[j]].code, j);
	for (size_t d = 0; d < ds->n_den; d++)
		cidx_strmap_put(&codes, fw->node[ds->den_node[d]].code,
		    fw->n_ind + d);
	if ((ret = cidx_db_prepare(st, &s, "SELECT id, code FROM series",
	    err)) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);
		const unsigned char *code = sqlite3_column_text(s, 1);
		size_t k;

		if (id < 0 || (size_t)id >= ns || code == NULL ||
		    !cidx_strmap_get(&codes, (const char *)code, &k))
			continue;
		col[id] = k < fw->n_ind ? (long)k : -2 - (long)(k - fw->n_ind);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read series");
		goto out;
	}
	*out = col;
	col = NULL;
out:
	free(col);
	cidx_strmap_release(&codes);
	return ret;
}

/*
 * One year as the dataset: the year's `matrices` row is read in place
 * (cidx_ymat_view()) and each unit's row copied once into the dataset's
 * matrix; a year that is not current there is read from cells.
 */
int
cidx_store_load_year(struct cidx_store *st, const struct cidx_framework *fw,
    int year, struct cidx_dataset **out, struct cidx_err *err)
{
	struct cidx_dataset *ds = xcalloc(1, sizeof(*ds));
	struct cidx_yview w = { 0, 0, 0, NULL, NULL, NULL, 0, NULL };
	struct cidx_ymat *m = NULL;
	struct cidx_intmap rowof = CIDX_INTMAP_INIT;
	struct cidx_unit *unit = NULL;
	struct pick *pick = NULL;
	int32_t *src = NULL;
	long *col = NULL, *from = NULL;
	size_t ns = 0, np = 0, icap = 0, nrows = 0;
	int ret, own;

	*out = NULL;
	if ((ret = cidx_db_read_begin(st, &own, err)) < 0) {
		free(ds);
		return ret;
	}
	ds->year = year;
	ds->den_node = xcalloc(fw->n ? fw->n : 1, sizeof(size_t));
	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].type == CIDX_NODE_DENOMINATOR)
			ds->den_node[ds->n_den++] = k;
	if ((ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = series_columns(st, fw, ds, ns, &col, err)) < 0 ||
	    (ret = cidx_ymat_view(st, year, ns, &w, err)) < 0)
		goto fail;
	if (!w.ok) {
		/* not current: from cells */
		if ((ret = cidx_ymat_load(st, year, ns, &m, err)) < 0)
			goto fail;
		w.n = m->n;
		w.ns = m->ns;
		w.uid = m->uid;
		w.v = m->v;
		w.src = src = cidx_ymat_sources(m, &w.nsrc);
	}
	nrows = w.n;
	/* each dataset column from its series (< w.ns), or none */
	from = xcalloc(fw->n_ind + ds->n_den + 1, sizeof(*from));
	for (size_t j = 0; j < fw->n_ind + ds->n_den; j++)
		from[j] = -1;
	for (size_t c = 0; c < w.ns; c++)
		if (col[c] >= 0)
			from[col[c]] = (long)c;
		else if (col[c] <= -2)
			from[fw->n_ind + (size_t)(-2 - col[c])] = (long)c;
	/* units with at least one indicator value this year, by code */
	unit = xcalloc(nrows ? nrows : 1, sizeof(*unit));
	pick = xcalloc(nrows ? nrows : 1, sizeof(*pick));
	for (size_t r = 0; r < nrows; r++) {
		const double *v = w.v + r * w.ns;
		size_t j;

		for (j = 0; j < fw->n_ind; j++)
			if (from[j] >= 0 && !isnan(v[from[j]]))
				break;
		if (j == fw->n_ind)
			continue;
		pick[np++].row = r;
		cidx_intmap_put(&rowof, (uint64_t)w.uid[r], r);
	}
	if (np == 0) {
		ret = cidx_err_set(err, CIDX_ENOTFOUND,
		    "no indicator data for year %d in '%s'", year, st->path);
		goto fail;
	}
	for (size_t i = 0; i < np; i++)
		pick[i].u = &unit[pick[i].row];
	if ((ret = load_units(st, &rowof, unit, err)) < 0)
		goto fail;
	for (size_t i = 0; i < np; i++)
		if (pick[i].u->code == NULL) {
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': values "
			    "of %d for unit id %lld, which is not in units",
			    st->path, year, (long long)w.uid[pick[i].row]);
			goto fail;
		}
	qsort(pick, np, sizeof(*pick), cmp_pick);

	ds->n_units = np;
	ds->unit = xcalloc(np, sizeof(*ds->unit));
	ds->x = cidx_matrix_alloc(np, fw->n_ind);
	if (ds->n_den)
		ds->den = cidx_matrix_alloc(np, ds->n_den);
	for (size_t i = 0; i < np; i++) {
		const double *v = w.v + pick[i].row * w.ns;
		double *x = ds->x->data + i * ds->x->tda;

		ds->unit[i] = *pick[i].u;
		memset(pick[i].u, 0, sizeof(*pick[i].u));
		for (size_t j = 0; j < fw->n_ind; j++)
			x[j] = from[j] >= 0 ? v[from[j]] : NAN;
		for (size_t d = 0; d < ds->n_den; d++) {
			long c = from[fw->n_ind + d];

			ds->den->data[i * ds->den->tda + d] = c >= 0 ? v[c] :
			    NAN;
		}
	}
	/* the imports of the indicator values */
	for (size_t k = 0; k < w.nsrc; k++) {
		const int32_t *t = w.src + 3 * k;
		size_t i;

		if (t[1] == 0 || t[2] <= 0 || t[0] < 0 || (size_t)t[0] >= ns ||
		    col[t[0]] < 0)
			continue;
		for (i = 0; i < ds->n_import_ids; i++)
			if (ds->import_ids[i] == t[1])
				break;
		if (i == ds->n_import_ids) {
			ALLOC_GROW(ds->import_ids, i + 1, icap);
			ds->import_ids[ds->n_import_ids++] = t[1];
		}
	}
	if (ds->n_import_ids > 1)
		qsort(ds->import_ids, ds->n_import_ids, sizeof(int), cmp_int);
	if ((ret = load_attrs(st, ds, err)) < 0)
		goto fail;
	goto out;
fail:
	cidx_dataset_free(ds);
	ds = NULL;
out:
	for (size_t r = 0; unit && r < nrows; r++)
		cidx_unit_clear(&unit[r]);
	free(unit);
	free(pick);
	free(col);
	free(from);
	free(src);
	cidx_intmap_release(&rowof);
	if (m == NULL)
		cidx_ymat_view_end(&w);
	cidx_ymat_free(m);
	cidx_db_read_end(st, own);
	*out = ds;
	return ret;
}
