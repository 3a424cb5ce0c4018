/*
 * schema.c - migrations, one per schema version.  Never edit a released
 * one: add the next.  Version 1 is an SQL script; version 2 is SQL built
 * here (its tables have a column per value of a chunk: v0 .. v63) and
 * the year matrices computed in C; version 3 adds the base layers of
 * maps; version 4 the values each import replaced (store/history.c);
 * version 5 the framework's descriptions and sources; version 6 keeps
 * the values once, in `matrices` with the import of each (issue 17).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "store/internal.h"
#include "store/schema.h"

const char *const cidx_migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta (\n"
	"  key   TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE nodes (\n"
	"  code        TEXT PRIMARY KEY,\n"
	"  parent      TEXT REFERENCES nodes(code) DEFERRABLE INITIALLY DEFERRED,\n"
	"  type        TEXT NOT NULL CHECK (type IN\n"
	"                ('indicator','aggregate','denominator','group')),\n"
	"  level       INTEGER NOT NULL,\n"
	"  name_zh     TEXT,\n"
	"  name_en     TEXT,\n"
	"  direction   INTEGER NOT NULL DEFAULT 1 CHECK (direction IN (1,-1)),\n"
	"  weight      REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),\n"
	"  unit        TEXT,\n"
	"  denominator TEXT REFERENCES nodes(code) DEFERRABLE INITIALLY DEFERRED,\n"
	"  target      REAL,\n"
	"  goal_lo     REAL,\n"
	"  goal_hi     REAL,\n"
	"  treat       TEXT,\n"
	"  ord         INTEGER NOT NULL UNIQUE\n"
	");\n"
	"CREATE TABLE units (\n"
	"  code    TEXT PRIMARY KEY,\n"
	"  name    TEXT,\n"
	"  name_en TEXT\n"
	");\n"
	"CREATE TABLE unit_attrs (\n"
	"  unit  TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE,\n"
	"  key   TEXT NOT NULL,\n"
	"  value TEXT NOT NULL,\n"
	"  PRIMARY KEY (unit, key)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE imports (\n"
	"  id               INTEGER PRIMARY KEY,\n"
	"  file             TEXT NOT NULL,\n"
	"  sha256           TEXT NOT NULL,\n"
	"  time             TEXT NOT NULL,\n"
	"  layout           TEXT NOT NULL,\n"
	"  encoding         TEXT NOT NULL,\n"
	"  rows             INTEGER NOT NULL,\n"
	"  values_new       INTEGER NOT NULL,\n"
	"  values_changed   INTEGER NOT NULL,\n"
	"  values_removed   INTEGER NOT NULL,\n"
	"  values_unchanged INTEGER NOT NULL,\n"
	"  units_new        INTEGER NOT NULL,\n"
	"  units_changed    INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE observations (\n"
	"  unit      TEXT NOT NULL REFERENCES units(code),\n"
	"  indicator TEXT NOT NULL REFERENCES nodes(code)\n"
	"              DEFERRABLE INITIALLY DEFERRED,\n"
	"  year      INTEGER NOT NULL,\n"
	"  value     REAL NOT NULL,\n"
	"  import_id INTEGER NOT NULL REFERENCES imports(id),\n"
	"  PRIMARY KEY (year, unit, indicator)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX observations_indicator ON observations(indicator);\n",
};

const size_t cidx_n_migrations =
    sizeof(cidx_migrations) / sizeof(cidx_migrations[0]);

/* One item per column of a chunk: a k b, or with c, a k b k c (so
 * ",\n  v" k " REAL" or " WHEN " k " THEN c.v" k ""). */
static void
each_col(struct sbuf *sb, const char *a, const char *b, const char *c)
{
	for (int k = 0; k < CIDX_CHUNK; k++) {
		cidx_sbuf_addf(sb, "%s%d%s", a, k, b);
		if (c)
			cidx_sbuf_addf(sb, "%d%s", k, c);
	}
}

void
cidx_schema_view(struct sbuf *sb)
{
	cidx_sbuf_adds(sb, "CREATE VIEW observations(unit, indicator, year, value, "
	    "import_id) AS\nSELECT unit, indicator, year, value, import_id "
	    "FROM (\n  SELECT u.code AS unit, s.code AS indicator, "
	    "c.year AS year,\n  CASE s.id % 64");
	each_col(sb, " WHEN ", " THEN c.v", "");
	cidx_sbuf_adds(sb, " END AS value,\n  CASE s.id % 64");
	each_col(sb, " WHEN ", " THEN c.i", "");
	cidx_sbuf_adds(sb, " END AS import_id\n  FROM cells c JOIN series s ON "
	    "s.id / 64 = c.chunk JOIN units u ON u.id = c.unit)\n"
	    "WHERE value IS NOT NULL;\n");
}

/*
 * 1 -> 2: integer keys and a row per 64 values.
 *  units     gains an INTEGER PRIMARY KEY id (codes stay unique), the
 *            boundary and the import that created the unit;
 *  series    numbers the indicator and denominator codes with data: the
 *            column of a value;
 *  cells     replaces observations: per (year, unit, chunk) the values
 *            v0..v63 of series chunk*64+k and the imports i0..i63 that
 *            wrote them;
 *  matrices  a year's values as one row of blobs, kept current by import
 *            (stale_years lists the years whose row must be recomputed;
 *            triggers fill it when cells change by other hands);
 *  observations  a view with the old shape.
 * The tables are made first; the values are moved in C, a year at a time
 * (pivot_values()); then the old tables go and the triggers come.
 */
static void
v2_tables(struct sbuf *sb)
{
	cidx_sbuf_adds(sb,
	    "CREATE TABLE units_v2 (\n"
	    "  id        INTEGER PRIMARY KEY,\n"
	    "  code      TEXT NOT NULL UNIQUE,\n"
	    "  name      TEXT,\n"
	    "  name_en   TEXT,\n"
	    "  boundary  TEXT,\n"
	    "  import_id INTEGER\n"
	    ");\n"
	    "INSERT INTO units_v2(code, name, name_en)\n"
	    "  SELECT code, name, name_en FROM units ORDER BY code;\n"
	    "CREATE TABLE series (\n"
	    "  id   INTEGER PRIMARY KEY,\n"
	    "  code TEXT NOT NULL UNIQUE\n"
	    ");\n"
	    "INSERT INTO series(id, code)\n"
	    "  SELECT row_number() OVER (ORDER BY indicator) - 1, indicator\n"
	    "  FROM (SELECT DISTINCT indicator FROM observations);\n"
	    "CREATE TABLE cells (\n"
	    "  year  INTEGER NOT NULL,\n"
	    "  unit  INTEGER NOT NULL REFERENCES units_v2(id),\n"
	    "  chunk INTEGER NOT NULL");
	each_col(sb, ",\n  v", " REAL", NULL);
	each_col(sb, ",\n  i", " INTEGER", NULL);
	cidx_sbuf_adds(sb, ",\n  PRIMARY KEY (year, unit, chunk)\n"
	    ") WITHOUT ROWID;\n"
	    "CREATE TABLE matrices (\n"
	    "  year     INTEGER PRIMARY KEY,\n"
	    "  format   INTEGER NOT NULL,\n"
	    "  n_units  INTEGER NOT NULL,\n"
	    "  n_series INTEGER NOT NULL,\n"
	    "  sources  BLOB NOT NULL,\n"
	    "  units    BLOB NOT NULL,\n"
	    "  vals     BLOB NOT NULL\n"
	    ");\n"
	    "CREATE TABLE stale_years (year INTEGER PRIMARY KEY);\n");
}

static void
v2_finish(struct sbuf *sb)
{
	cidx_sbuf_adds(sb,
	    "DROP TABLE observations;\n"
	    "DROP TABLE units;\n"
	    "ALTER TABLE units_v2 RENAME TO units;\n"
	    "CREATE TRIGGER cells_insert AFTER INSERT ON cells BEGIN\n"
	    "  INSERT OR IGNORE INTO stale_years VALUES (NEW.year);\nEND;\n"
	    "CREATE TRIGGER cells_update AFTER UPDATE ON cells BEGIN\n"
	    "  INSERT OR IGNORE INTO stale_years VALUES (OLD.year);\n"
	    "  INSERT OR IGNORE INTO stale_years VALUES (NEW.year);\nEND;\n"
	    "CREATE TRIGGER cells_delete AFTER DELETE ON cells BEGIN\n"
	    "  INSERT OR IGNORE INTO stale_years VALUES (OLD.year);\nEND;\n"
	    "ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT "
	    "'import'\n  CHECK (kind IN ('import', 'remove'));\n"
	    "ALTER TABLE imports ADD COLUMN units_removed INTEGER NOT NULL "
	    "DEFAULT 0;\n");
	cidx_schema_view(sb);
}

/* The values of observations into cells and matrices, a year at a time:
 * one pass in the order of its primary key (year first). */
static int
pivot_values(struct cidx_store *st, struct cidx_err *err)
{
	struct cidx_ymat *m = NULL;
	sqlite3_stmt *s = NULL;
	size_t ns = 0;
	int ret, rc;

	if ((ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = cidx_db_prepare(st, &s, "SELECT o.year, u.id, s.id, "
	    "o.value, o.import_id FROM observations o JOIN units_v2 u ON "
	    "u.code = o.unit JOIN series s ON s.code = o.indicator ORDER BY "
	    "o.year", err)) < 0)
		return ret;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int year = sqlite3_column_int(s, 0);
		sqlite3_int64 c = sqlite3_column_int64(s, 2);

		if (m && m->year != year) {
			if ((ret = cidx_ymat_save_cells(st, m, err)) < 0)
				goto out;
			cidx_ymat_free(m);
			m = NULL;
		}
		if (m == NULL) {
			/* a new year: nothing of it in cells yet */
			if ((ret = cidx_ymat_load_cells(st, year, ns, &m,
			    err)) < 0)
				goto out;
		}
		if (c < 0 || (size_t)c >= ns)
			continue;
		cidx_ymat_set(m, cidx_ymat_row(m, sqlite3_column_int64(s, 1)),
		    (size_t)c, sqlite3_column_double(s, 3),
		    (int32_t)sqlite3_column_int64(s, 4));
	}
	if (rc != SQLITE_DONE) {
		ret = cidx_db_err(st, err, "read observations");
		goto out;
	}
	if (m)
		ret = cidx_ymat_save_cells(st, m, err);
out:
	cidx_ymat_free(m);
	sqlite3_finalize(s);
	return ret;
}

/* A version-1 workspace edited by hand may hold what version 2 cannot:
 * say what and where rather than lose it. */
static int
v1_check(struct cidx_store *st, struct cidx_err *err)
{
	static const char *const q[] = {
		"SELECT unit, indicator, year, quote(value) FROM observations "
		"WHERE typeof(value) NOT IN ('real', 'integer') LIMIT 1",
		"SELECT unit, indicator, quote(year), quote(import_id) FROM "
		"observations WHERE typeof(year) <> 'integer' OR "
		"typeof(import_id) <> 'integer' LIMIT 1",
		"SELECT o.unit, o.indicator, o.year, quote(o.value) FROM "
		"observations o WHERE NOT EXISTS (SELECT 1 FROM units u WHERE "
		"u.code = o.unit) LIMIT 1",
	};
	static const char *const what[][2] = {
		{ "value ", " is not a number" },
		{ "import id ", ": the year or the import id is not a whole "
		    "number" },
		{ "value ", " belongs to no unit" },
	};
	int ret = 0;

	for (size_t i = 0; i < 3 && ret == 0; i++) {
		sqlite3_stmt *s;
		char msg[128];
		int rc;

		if ((ret = cidx_db_prepare(st, &s, q[i], err)) < 0)
			return ret;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			snprintf(msg, sizeof(msg), "%s%s%s", what[i][0],
			    sqlite3_column_text(s, 3), what[i][1]);
			ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': unit "
			    "'%s', indicator '%s', year %s: %s", st->path,
			    sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
			    sqlite3_column_text(s, 2), msg);
		} else if (rc != SQLITE_DONE) {
			ret = cidx_db_err(st, err, "check values");
		}
		sqlite3_finalize(s);
	}
	return ret;
}

int
cidx_schema_migrate_v2(struct cidx_store *st, struct cidx_err *err)
{
	struct sbuf sb = SBUF_INIT;
	int ret;

	if ((ret = v1_check(st, err)) < 0)
		return ret;
	v2_tables(&sb);
	ret = cidx_db_exec(st, sb.buf, err);
	cidx_sbuf_reset(&sb);
	if (ret == 0)
		ret = pivot_values(st, err);
	if (ret == 0) {
		v2_finish(&sb);
		ret = cidx_db_exec(st, sb.buf, err);
	}
	cidx_sbuf_release(&sb);
	return ret;
}

/* 2 -> 3: the base layers a map draws besides the units (store/layer.c) */
static const char v3_layers[] =
    "CREATE TABLE layers (\n"
    "  id        INTEGER PRIMARY KEY,\n"
    "  kind      TEXT NOT NULL CHECK (kind IN ('outline', 'province',\n"
    "              'island', 'line', 'inset', 'extent', 'credit')),\n"
    "  name      TEXT,\n"
    "  name_en   TEXT,\n"
    "  geometry  TEXT,\n"
    "  import_id INTEGER\n"
    ");\n"
    "CREATE INDEX layers_kind ON layers(kind, id);\n";

/* 3 -> 4: what each import replaced or cleared, so that removing it puts
 * the values back (store/history.c) */
static const char v4_replaced[] =
    "CREATE TABLE replaced (\n"
    "  import_id   INTEGER NOT NULL,\n"
    "  year        INTEGER NOT NULL,\n"
    "  unit        INTEGER NOT NULL,\n"
    "  series      INTEGER NOT NULL,\n"
    "  value       REAL,\n"
    "  prev_import INTEGER NOT NULL,\n"
    "  PRIMARY KEY (import_id, year, unit, series)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX replaced_cell ON replaced(year, unit, series);\n";

/* 4 -> 5: what a node measures and where its data come from (the
 * framework's optional description and source columns), and those and
 * the unit of measure in Chinese; NULL in a workspace made before */
static const char v5_notes[] =
    "ALTER TABLE nodes ADD COLUMN description TEXT;\n"
    "ALTER TABLE nodes ADD COLUMN source TEXT;\n"
    "ALTER TABLE nodes ADD COLUMN unit_zh TEXT;\n"
    "ALTER TABLE nodes ADD COLUMN description_zh TEXT;\n"
    "ALTER TABLE nodes ADD COLUMN source_zh TEXT;\n";

/*
 * 5 -> 6: the values once.  `cells` (a row of 64 values and their imports
 * per year, unit and chunk) was the truth and `matrices` a copy that
 * import kept current; writing both was most of an import's time (issue
 * 17).  Now each year's `matrices` row is the only copy and gains the
 * import of each value (`imports`).  Every year is rebuilt from `cells`,
 * which holds what hand edits (the years of `stale_years`) changed; then
 * `cells`, its triggers, `stale_years` and the view `observations` go
 * (cityidx sql reads `observations` as a virtual table).
 */
/* the values last: a zeroblob there is not built in memory when the
 * row is inserted (store/matblob.c writes the values into it) */
static const char v6_matrices[] =
    "DROP TABLE matrices;\n"
    "CREATE TABLE matrices (\n"
    "  year     INTEGER PRIMARY KEY,\n"
    "  format   INTEGER NOT NULL,\n"
    "  n_units  INTEGER NOT NULL,\n"
    "  n_series INTEGER NOT NULL,\n"
    "  sources  BLOB NOT NULL,\n"
    "  units    BLOB NOT NULL,\n"
    "  imports  BLOB NOT NULL,\n"
    "  vals     BLOB NOT NULL\n"
    ");\n";

static int
migrate_v6(struct cidx_store *st, struct cidx_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t ns = 0;
	int ret, rc;

	if ((ret = cidx_db_exec(st, v6_matrices, err)) < 0 ||
	    (ret = cidx_series_count(st, &ns, err)) < 0 ||
	    (ret = cidx_db_prepare(st, &s, "SELECT DISTINCT year FROM cells "
	    "ORDER BY year", err)) < 0)
		return ret;
	while (ret == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cidx_ymat *m = NULL;

		if ((ret = cidx_ymat_load_cells(st, sqlite3_column_int(s, 0),
		    ns, &m, err)) == 0) {
			m->changed = 1;
			ret = cidx_ymat_save(st, m, err);
		}
		cidx_ymat_free(m);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cidx_db_err(st, err, "read cells");
	sqlite3_finalize(s);
	if (ret < 0)
		return ret;
	return cidx_db_exec(st, "DROP VIEW observations;\n"
	    "DROP TRIGGER cells_insert;\nDROP TRIGGER cells_update;\n"
	    "DROP TRIGGER cells_delete;\nDROP TABLE cells;\n"
	    "DROP TABLE stale_years;\n", err);
}

int
cidx_schema_step(struct cidx_store *st, int from, struct cidx_err *err)
{
	switch (from) {
	case 0:
		return cidx_db_exec(st, cidx_migrations[0], err);
	case 1:
		return cidx_schema_migrate_v2(st, err);
	case 2:
		return cidx_db_exec(st, v3_layers, err);
	case 3:
		return cidx_db_exec(st, v4_replaced, err);
	case 4:
		return cidx_db_exec(st, v5_notes, err);
	case 5:
		return migrate_v6(st, err);
	default:
		return cidx_err_set(err, CIDX_EDB, "workspace '%s': no "
		    "migration from schema version %d", st->path, from);
	}
}
