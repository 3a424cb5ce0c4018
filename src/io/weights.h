/*
 * weights.h - weight overrides: a weights file (CSV with a `code` or
 * `iCode` column and a `weight` or `Weight` column; other columns are
 * ignored) and CODE=W assignments.
 */
#ifndef CIDX_IO_WEIGHTS_H
#define CIDX_IO_WEIGHTS_H

#include "core/err.h"
#include "core/model.h"

/*! cidx_weights_read_file() :
 *  Overrides w[node] for every row of the file.  Unknown codes, codes of
 *  denominators or groups, and weights that are not numbers >= 0 are
 *  errors naming file:line:column; `w` is unchanged on error. */
int cidx_weights_read_file(const struct cidx_framework *fw, const char *path,
    double *w, struct cidx_err *err);

/*! cidx_weights_set() : one "CODE=W" assignment. */
int cidx_weights_set(const struct cidx_framework *fw, const char *assign,
    double *w, struct cidx_err *err);

#endif
