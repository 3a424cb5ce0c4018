/*
 * csv_int.h - what the reader (csv.c) takes from csvfile.c: the file read
 * whole and converted.  Not for other files.
 */
#ifndef CIDX_IO_CSV_INT_H
#define CIDX_IO_CSV_INT_H

#include <stddef.h>

#include "core/err.h"

/* a line:column position moved over n bytes of UTF-8 text */
void cidx_csv_advance(const unsigned char *s, size_t n, unsigned *line,
    unsigned *col);
/* the line and column of byte `at` of UTF-8 text */
void cidx_csv_position(const unsigned char *s, size_t at, unsigned *line,
    unsigned *col);
/* buf (n bytes) from `enc` to UTF-8 in *out (*nout bytes), or an error
 * naming the line and column of the first byte sequence not in `enc` */
int cidx_csv_to_utf8(const char *path, const char *enc, char *buf, size_t n,
    char **out, size_t *nout, struct cidx_err *err);
/* the whole file (at most CIDX_CSV_MAX_FILE bytes; with `nul_stops`, up
 * to and with its first NUL byte) in *out, *n bytes */
int cidx_csv_slurp(const char *path, int nul_stops, char **out, size_t *n,
    struct cidx_err *err);
int cidx_csv_is_utf8_name(const char *enc);
int cidx_csv_is_utf16_name(const char *enc);
/* raw[0..n) is valid UTF-8; else 0 and *bad the offset of the first
 * byte that is not */
int cidx_csv_utf8_ok(const char *raw, size_t n, size_t *bad);

#endif
