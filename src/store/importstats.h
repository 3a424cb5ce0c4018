/*
 * importstats.h - the attribute keys an import brings into the workspace
 * (store/importstats.c).  Internal to the store.
 */
#ifndef CIDX_STORE_IMPORTSTATS_H
#define CIDX_STORE_IMPORTSTATS_H

#include "core/batch.h"
#include "core/strmap.h"
#include "store/internal.h"
#include "store/store.h"

/* the attribute keys of the workspace, and those the batches add */
struct cidx_attr_keys {
	struct cidx_strmap map;
	char **own;
	size_t n;
};

#define CIDX_ATTR_KEYS_INIT { CIDX_STRMAP_INIT, NULL, 0 }

int cidx_attr_keys_load(struct cidx_store *st, struct cidx_attr_keys *k,
    struct cidx_err *err);
/*! cidx_attr_keys_note() : the columns `imp` read as attributes that are
 *  new keys go to ss->attr_new (and into `k`). */
void cidx_attr_keys_note(struct cidx_attr_keys *k,
    const struct cidx_import *imp, struct cidx_import_stats *ss);
void cidx_attr_keys_release(struct cidx_attr_keys *k);

/* the import log: whether a file of this checksum was imported before;
 * the batch's row, written first so that its units and values can carry
 * its id (*id), then its counts, or taken out again when it changed
 * nothing (cidx_implog_changes() == 0) */
int cidx_implog_seen(struct cidx_store *st, const char *sha, int *out,
    struct cidx_err *err);
int cidx_implog_begin(struct cidx_store *st, const struct cidx_import *imp,
    const char *when, long long *id, struct cidx_err *err);
long cidx_implog_changes(const struct cidx_import_stats *ss);
int cidx_implog_end(struct cidx_store *st, long long id,
    const struct cidx_import_stats *ss, struct cidx_err *err);

#endif
