/*
 * applyvals.h - the values of an import batch applied to the workspace,
 * a year at a time (applyvals.c), for apply.c.  Internal to the store.
 */
#ifndef CIDX_STORE_APPLYVALS_H
#define CIDX_STORE_APPLYVALS_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "core/batch.h"
#include "core/err.h"
#include "store/history.h"
#include "store/internal.h"
#include "store/store.h"

/* the applying of one batch's values to one year */
struct cidx_yapply {
	struct cidx_ymat *m;
	const long *sid;
	struct cidx_import *imp; /* its values released as applied */
	sqlite3_int64 *uid;
	int32_t id;
	struct cidx_hist *h;
	struct cidx_import_stats *ss;
	size_t last_u, last_r; /* the row of the last unit that has one */
};

/*! cidx_apply_values() : the values of batch a->imp (cityidx(1), IMPORT
 *  SEMANTICS), a year at a time: each year's matrix loaded, set, saved and
 *  freed before the next; a->imp's values released as they are applied
 *  when it says so (batch.h). */
int cidx_apply_values(struct cidx_store *st, struct cidx_yapply *a, size_t ns,
    struct cidx_err *err);

#endif
