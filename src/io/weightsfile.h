/*
 * weightsfile.h - weight assignments from a weights file (CSV with a
 * `code` or `iCode` column and a `weight` or `Weight` column; other
 * columns are ignored; cityidx(1), WEIGHTS FILES) and from CODE=W
 * (--set).  A weight is a decimal number from 0 to CIDX_WEIGHT_MAX.
 */
#ifndef CIDX_IO_WEIGHTSFILE_H
#define CIDX_IO_WEIGHTSFILE_H

#include "core/err.h"
#include "core/model.h"
#include "core/wspec.h"

/*! cidx_weights_read_file() :
 *  Appends an assignment to `out` for every row of the file.  Unknown
 *  codes, codes of denominators or groups, and weights out of range are
 *  errors naming file:line:column; `out` is unchanged on error. */
int cidx_weights_read_file(const struct cidx_framework *fw, const char *path,
    struct cidx_wset *out, struct cidx_err *err);

/*! cidx_weights_parse_set() : one "CODE=W" assignment appended to `out`;
 *  the message on error quotes `assign`. */
int cidx_weights_parse_set(const struct cidx_framework *fw,
    const char *assign, struct cidx_wset *out, struct cidx_err *err);

#endif
