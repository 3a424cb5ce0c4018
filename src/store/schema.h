#ifndef CIDX_SCHEMA_H
#define CIDX_SCHEMA_H

#include <stddef.h>

/* cidx_migrations[v] takes a workspace from user_version v to v + 1. */
extern const char *const cidx_migrations[];
extern const size_t cidx_n_migrations;

#endif
