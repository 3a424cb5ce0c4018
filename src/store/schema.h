/*
 * schema.h - the workspace's schema as migrations (schema.c): the SQL
 * script of each version that is one, and the view that keeps the
 * version-1 shape of the values readable (cityidx(1), WORKSPACE SCHEMA).
 * store.c's migrate() takes a workspace through them in order, one
 * version at a time (cidx_schema_step(), store/internal.h).
 */
#ifndef CIDX_SCHEMA_H
#define CIDX_SCHEMA_H

#include <stddef.h>

#include "core/mem.h"

/* cidx_migrations[v] takes a workspace from user_version v to v + 1, for
 * the versions that are a plain script (0 -> 1); 1 -> 2 is
 * cidx_schema_migrate_v2() (store/internal.h). */
extern const char *const cidx_migrations[];
extern const size_t cidx_n_migrations;

/*! cidx_schema_view() : appends the CREATE VIEW of `observations`, the
 *  version-1 shape of the values, over `cells`. */
void cidx_schema_view(struct sbuf *sb);

#endif
