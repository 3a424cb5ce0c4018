/*
 * f_workspace.c - a crafted workspace (cityidx(1), WORKSPACE SCHEMA):
 * the mini workspace, built once by the library (init, two imports), is
 * edited as another program could edit it, and the library then does
 * what `years`, `rank` and `remove --import 1` do.  Errors are fine; a crash, a leak,
 * undefined behaviour or an abort (cidx_xmalloc's out of memory included) is
 * a finding.
 *
 * The input is a list of edits, each a byte choosing the edit and the
 * bytes it needs (missing bytes read as 0):
 *   matrices  a count column set; bytes of a blob (imports included)
 *             overwritten; a blob cut, grown or replaced
 *   others    user_version; a column of nodes, series, units, imports,
 *             meta or unit_attrs; a row deleted; bytes of the file's
 *             pages overwritten
 * Values are NULL, integers, reals (any bit pattern), text or blobs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "calc/calc.h"
#include "calc/engine.h"
#include "calc/movement.h"
#include "core/mem.h"
#include "fuzz.h"
#include "io/import.h"
#include "store/store.h"

static unsigned char *base;  /* the workspace file, built once */
static size_t nbase;
static char path[512];

/* the input, read from the front */
struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned
take(struct in *in)
{
	unsigned b = 0;

	if (in->n > 0) {
		b = *in->p++;
		in->n--;
	}
	return b;
}

static uint64_t
take64(struct in *in)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | take(in);
	return v;
}

/* binds a value the input chooses as parameter `i` of `s` */
static void
bind_value(sqlite3_stmt *s, int i, struct in *in)
{
	unsigned kind = take(in) % 7, len;
	char buf[64];
	uint64_t u;
	double d;

	switch (kind) {
	case 0:
		sqlite3_bind_null(s, i);
		break;
	case 1: /* a small integer */
		sqlite3_bind_int64(s, i, (int8_t)take(in));
		break;
	case 2:
		sqlite3_bind_int64(s, i, (sqlite3_int64)take64(in));
		break;
	case 3:
		u = take64(in);
		memcpy(&d, &u, sizeof(d));
		sqlite3_bind_double(s, i, d);
		break;
	case 4: /* a small real */
		sqlite3_bind_double(s, i, (double)(int8_t)take(in) / 4);
		break;
	default:
		len = take(in) % sizeof(buf);
		for (unsigned k = 0; k < len; k++)
			buf[k] = (char)take(in);
		if (kind == 5)
			sqlite3_bind_text(s, i, buf, (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_bind_blob(s, i, buf, (int)len, SQLITE_TRANSIENT);
		break;
	}
}

/* runs `sql` with ?1 the value the input chooses and ?2 a row number
 * (a failed edit is no edit) */
static void
run(sqlite3 *db, const char *sql, struct in *in)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int(s, 2, (int)(take(in) % 48));
	if (sqlite3_bind_parameter_count(s) >= 1)
		bind_value(s, 1, in);
	while (sqlite3_step(s) == SQLITE_ROW)
		continue;
	sqlite3_finalize(s);
}

/* a blob of a matrices row: bytes overwritten, or its length changed */
static void
edit_blob(sqlite3 *db, struct in *in)
{
	static const char *const col[] = { "sources", "units", "vals",
		"imports" };
	const char *c = col[take(in) % 4];
	int year = 2016 + (int)(take(in) % 2), op = (int)take(in) % 2;
	unsigned char *b = NULL;
	sqlite3_stmt *s = NULL;
	char sql[96];
	size_t n = 0;

	snprintf(sql, sizeof(sql), "SELECT %s FROM matrices WHERE year = %d",
	    c, year);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const void *p = sqlite3_column_blob(s, 0);

		n = (size_t)sqlite3_column_bytes(s, 0);
		b = cidx_xmalloc(n + 4096);
		if (n > 0 && p != NULL)
			memcpy(b, p, n);
	}
	sqlite3_finalize(s);
	if (b == NULL)
		return;
	if (op == 0 && n > 0) {
		size_t at = ((size_t)take(in) << 8 | take(in)) % n;
		size_t len = take(in) % 17;

		for (size_t k = 0; k < len && at + k < n; k++)
			b[at + k] = (unsigned char)take(in);
	} else {
		size_t len = (size_t)take(in) << 4 | (take(in) & 15);

		if (len > n)
			memset(b + n, 0, len - n);
		n = len;
	}
	snprintf(sql, sizeof(sql), "UPDATE matrices SET %s = ?1 WHERE year = "
	    "%d", c, year);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_bind_blob(s, 1, n ? (const void *)b : "", (int)n,
	    SQLITE_TRANSIENT) == SQLITE_OK)
		sqlite3_step(s);
	sqlite3_finalize(s);
	free(b);
}

/* overwrites bytes of the file's pages (after the header) */
static void
edit_file(struct in *in)
{
	size_t at = 100 + (((size_t)take(in) << 16 | (size_t)take(in) << 8 |
	    take(in)) % (nbase - 100));
	size_t len = take(in) % 9;
	unsigned char b[8];
	FILE *fp;

	for (size_t k = 0; k < len; k++)
		b[k] = (unsigned char)take(in);
	if ((fp = fopen(path, "r+b")) == NULL)
		return;
	if (fseek(fp, (long)at, SEEK_SET) == 0)
		fwrite(b, 1, len, fp);
	fclose(fp);
}

static const char *const col_sql[] = {
	"UPDATE matrices SET n_units = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE matrices SET n_series = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE matrices SET format = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE matrices SET year = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE matrices SET imports = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE matrices SET sources = ?1 WHERE year = 2016 + ?2 % 2",
	"UPDATE nodes SET type = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET parent = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET level = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET weight = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET direction = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET code = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET ord = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET denominator = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET target = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET goal_lo = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET goal_hi = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET treat = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE nodes SET name_zh = ?1 WHERE rowid = 1 + ?2 % 9",
	"UPDATE series SET id = ?1 WHERE id = ?2 % 8",
	"UPDATE series SET code = ?1 WHERE id = ?2 % 8",
	"INSERT INTO series(id, code) VALUES (?1, 'S' || ?2)",
	"UPDATE units SET id = ?1 WHERE id = ?2 % 10",
	"UPDATE units SET code = ?1 WHERE id = ?2 % 10",
	"UPDATE units SET name = ?1 WHERE id = ?2 % 10",
	"UPDATE units SET boundary = ?1 WHERE id = ?2 % 10",
	("UPDATE unit_attrs SET value = ?1 WHERE (unit, key) = (SELECT unit, "
	    "key FROM unit_attrs ORDER BY 1, 2 LIMIT 1 OFFSET ?2)"),
	"UPDATE imports SET id = ?1 WHERE id = 1 + ?2 % 2",
	"UPDATE meta SET value = ?1 WHERE rowid = 1 + ?2 % 2",
	"DELETE FROM matrices WHERE year = 2016 + ?2 % 2 OR 0 * ?1",
	"DELETE FROM units WHERE id = ?2 % 10 OR 0 * ?1",
	"DELETE FROM series WHERE id = ?2 % 8 OR 0 * ?1",
	"DELETE FROM nodes WHERE rowid = 1 + ?2 % 9 OR 0 * ?1",
};

/* the edits of the input, as another program: foreign keys and CHECK
 * constraints off */
static void
edit(struct in *in)
{
	sqlite3 *db = NULL;
	size_t nc = sizeof(col_sql) / sizeof(col_sql[0]);
	int any_file = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return;
	}
	sqlite3_exec(db, "PRAGMA ignore_check_constraints = 1; PRAGMA "
	    "synchronous = OFF", NULL, NULL, NULL);
	while (in->n > 0) {
		unsigned op = take(in) % (unsigned)(nc + 3);

		if (op < nc)
			run(db, col_sql[op], in);
		else if (op == nc)
			edit_blob(db, in);
		else if (op == nc + 1) {
			char sql[48];

			snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
			    (int)(int32_t)take64(in));
			sqlite3_exec(db, sql, NULL, NULL, NULL);
		} else
			any_file = 1;
		if (any_file)
			break;
	}
	sqlite3_close(db);
	if (any_file)
		edit_file(in);
}

/* what `years` does */
static void
years(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	int *y = NULL;
	size_t ny = 0;

	if (cidx_store_open(&st, path, 0, &err) < 0 ||
	    cidx_store_snapshot(st, &err) < 0 ||
	    cidx_store_load_framework(st, &fw, &err) < 0 ||
	    cidx_store_years(st, &y, &ny, &err) < 0)
		goto out;
	for (size_t i = 0; i < ny; i++) {
		struct cidx_dataset *ds = NULL;
		size_t nind = 0, nval = 0;

		if (cidx_store_load_year(st, fw, y[i], &ds, &err) < 0) {
			fuzz_assert(ds == NULL && err.msg[0] != '\0');
			break;
		}
		cidx_dataset_counts(ds, &nind, &nval);
		fuzz_assert(nind <= fw->n_ind && ds->n_units > 0);
		cidx_dataset_free(ds);
	}
out:
	free(y);
	cidx_framework_free(fw);
	cidx_store_close(st);
}

static int
src_years(void *ctx, int **out, size_t *n, struct cidx_err *err)
{
	return cidx_store_years(ctx, out, n, err);
}

static int
src_load(void *ctx, const struct cidx_framework *fw, int year,
    struct cidx_dataset **out, struct cidx_err *err)
{
	return cidx_store_load_year(ctx, fw, year, out, err);
}

/* what `rank` does with its defaults: the latest year, movement against
 * the one before */
static void
rank(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine_opts eo = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src = { NULL, src_years, src_load };
	struct cidx_tierspec ts;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_engine *eng = NULL;
	struct cidx_ranking *r = NULL;
	struct cidx_movement *mv = NULL;
	const struct cidx_dataset *ds = NULL;
	const int *y;
	size_t ny;
	int year = 0, cyear = 0;

	memset(&ts, 0, sizeof(ts));
	if (cidx_tierspec_parse(&ts, "jenks:3", &err) < 0)
		fuzz_fail(__FILE__, __LINE__, "jenks:3 does not parse");
	if (cidx_store_open(&st, path, 0, &err) < 0 ||
	    cidx_store_snapshot(st, &err) < 0 ||
	    cidx_store_load_framework(st, &fw, &err) < 0)
		goto out;
	src.ctx = st;
	if (cidx_engine_new(&eng, fw, &src, &eo, &err) < 0 ||
	    cidx_engine_years(eng, &y, &ny, &err) < 0 || ny == 0 ||
	    cidx_engine_pick_years(eng, 0, 0, &year, &cyear, &err) < 0 ||
	    cidx_engine_derive(eng, year, &err) < 0 ||
	    cidx_engine_rank(eng, year, &ts, 50, &r, &err) < 0)
		goto out;
	if (cyear > 0 && cidx_engine_movement(eng, year, cyear, r, 50, 0, &mv,
	    &err) < 0)
		goto out;
	if (cidx_engine_prepared(eng, year, &ds, NULL, &err) == 0)
		fuzz_assert(ds != NULL && r->n_ranked <= ds->n_units);
out:
	cidx_movement_free(mv);
	cidx_ranking_free(r);
	cidx_engine_free(eng);
	cidx_framework_free(fw);
	cidx_store_close(st);
	cidx_tierspec_release(&ts);
}

/* what `remove --import 1` does: every year's imports decoded and the
 * years rewritten (or the workspace refused as damaged) */
static void
remove1(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_remove_filter f = CIDX_REMOVE_FILTER_INIT;
	struct cidx_remove_stats rs;
	struct cidx_store *st = NULL;

	memset(&rs, 0, sizeof(rs));
	f.import_id = 1;
	if (cidx_store_open(&st, path, CIDX_STORE_WRITE, &err) == 0 &&
	    cidx_store_remove(st, &f, 0, "2024-01-01T00:00:00Z", &rs,
	    &err) < 0)
		fuzz_assert(err.msg[0] != '\0');
	cidx_remove_stats_release(&rs);
	cidx_store_close(st);
}

/* removes the workspace's files */
static void
clean(void)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char p[600];

	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
		unlink(p);
	}
}

/* the mini workspace: init, then both years of tests/data/mini */
static void
build(void)
{
	static const char *const file[] = { FUZZ_DATA "/mini/cities-2016.csv",
		FUZZ_DATA "/mini/cities-2017.csv" };
	const struct cidx_framework *fw = fuzz_framework("mini");
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_import *imp[2] = { NULL, NULL };
	struct cidx_import_stats ss[2];
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	FILE *fp;
	long n;
	int created;

	snprintf(path, sizeof(path), "%s", fuzz_put("ws.db",
	    (const uint8_t *)"", 0));
	unlink(path);
	memset(ss, 0, sizeof(ss));
	if (cidx_store_init(path, fw, "framework.csv", &created, &err) < 0 ||
	    cidx_import_read(&imp[0], file[0], fw, &o, &err) < 0 ||
	    cidx_import_read(&imp[1], file[1], fw, &o, &err) < 0 ||
	    cidx_store_open(&st, path, CIDX_STORE_WRITE, &err) < 0 ||
	    cidx_store_import(st, imp, 2, "2024-01-01T00:00:00Z", ss,
	    &err) < 0) {
		fprintf(stderr, "fuzz: cannot build the workspace: %s\n",
		    err.msg);
		abort();
	}
	cidx_store_close(st);
	for (size_t i = 0; i < 2; i++) {
		cidx_import_stats_release(&ss[i]);
		cidx_import_free(imp[i]);
	}
	if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0, SEEK_END) != 0 ||
	    (n = ftell(fp)) < 100 || fseek(fp, 0, SEEK_SET) != 0) {
		fprintf(stderr, "fuzz: cannot read %s\n", path);
		abort();
	}
	nbase = (size_t)n;
	base = cidx_xmalloc(nbase);
	if (fread(base, 1, nbase, fp) != nbase)
		abort();
	fclose(fp);
}

static void
free_base(void)
{
	free(base);
	clean();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	build();
	atexit(free_base);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };

	clean();
	fuzz_put("ws.db", base, nbase);
	edit(&in);
	years();
	rank();
	remove1();
	clean();
	return 0;
}
