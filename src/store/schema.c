/*
 * schema.c - migrations, one SQL script per schema version.  Never edit a
 * released script: add the next one.
 */
#include <stddef.h>

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
