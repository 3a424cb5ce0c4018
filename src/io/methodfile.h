/*
 * methodfile.h - read back the method recorded in a JSON output
 * (`rank --format json`, its "method" object, or such an object saved on
 * its own), so a ranking can be rerun exactly: `rank --method-file FILE`
 * (cityidx(1), METHOD FILES).  The method items themselves are read by
 * the vocabulary, cidx_method_from_json() (calc/methodvocab.h).
 */
#ifndef CIDX_IO_METHODFILE_H
#define CIDX_IO_METHODFILE_H

#include "core/err.h"
#include "core/json.h"
#include "core/mem.h"
#include "core/model.h"
#include "core/wspec.h"

/*! cidx_methodfile_load() :
 *  Reads and parses `path`.  *root is the whole document (free with
 *  cidx_json_free()); *method points into it: the "method" object, or the
 *  top-level object when it has none.  @return 0, CIDX_EIO, or
 *  CIDX_EINVAL naming path:line:column. */
int cidx_methodfile_load(const char *path, struct cidx_json **root,
    const struct cidx_json **method, struct cidx_err *err);

/*! cidx_methodfile_weights() :
 *  Appends the method object's "weights" (code: weight) to `out`.  A code
 *  the framework lacks, or that is not in its hierarchy, or a weight that
 *  is not a number from 0 to 1e9, is an error.  *same_framework (may be
 *  NULL) tells whether the recorded framework_sha256 equals the
 *  framework's: 1 or 0, or -1 when the file records none (a method file
 *  written by hand: it cannot be checked, which is no mismatch). */
int cidx_methodfile_weights(const struct cidx_json *method, const char *path,
    const struct cidx_framework *fw, struct cidx_wset *out,
    int *same_framework, struct cidx_err *err);

/*! cidx_methodfile_describe_weights() :
 *  The method object's weights in words, for the method line of tables,
 *  footers and the report (read from `path`): "weights from m.json",
 *  then how they were made as the file records it: " (framework weights
 *  overridden by w.csv and set TALENT=2)", " (pca weights)".  Nothing
 *  when the object has no "weights". */
void cidx_methodfile_describe_weights(const struct cidx_json *method,
    const char *path, struct sbuf *sb);

#endif
