/*
 * methodfile.h - read back the method recorded in a JSON output
 * (`rank --format json`, the "method" object), so a ranking can be rerun
 * exactly: `rank --method-file FILE`.
 */
#ifndef CIDX_IO_METHODFILE_H
#define CIDX_IO_METHODFILE_H

#include "calc/calc.h"
#include "core/err.h"
#include "core/model.h"

/*! cidx_methodfile_read() :
 *  Sets the preparation, normalisation and aggregation of `m` from the
 *  file's "method" object (or the top-level object if it has none).
 *  Members that are absent keep their value in `m`. */
int cidx_methodfile_read(const char *path, struct cidx_method *m,
    struct cidx_err *err);

/*! cidx_methodfile_weights() :
 *  Overrides w[node] with the file's "weights" object.  A code the
 *  framework lacks is an error.  *same_framework (may be NULL) tells
 *  whether the recorded framework_sha256 equals the framework's. */
int cidx_methodfile_weights(const char *path, const struct cidx_framework *fw,
    double *w, int *same_framework, struct cidx_err *err);

#endif
