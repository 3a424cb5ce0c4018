/*
 * csv_int.h - what the reader (csv.c) takes from csvfile.c: the file read
 * whole or mapped, and converted.  Not for other files of the library
 * (tests/unit/t_csvbig.c checks the mapping).
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
/* pieces of text looked at and given back in steps of this many bytes
 * (csv.c, and here for a mapped file) */
#define CIDX_CSV_DROP_STEP ((size_t)2 << 20)
/* a file of at least this many bytes is mapped, not read */
#define CIDX_CSV_MAP_MIN ((size_t)8 << 20)
/* a regular file of at least CIDX_CSV_MAP_MIN bytes mapped read-only in
 * *out, followed by zero bytes (*maplen bytes in all, for munmap()), its
 * length in *n as cidx_csv_slurp() would give it: 1; 0 when it is not
 * (stdin, small, not a regular file, or cannot be mapped: read it
 * whole); < 0 too large.  Its pages are not in memory but while looked
 * at: the text can be given back at any time (cidx_csv_drop()). */
int cidx_csv_map(const char *path, int nul_stops, char **out, size_t *n,
    size_t *maplen, struct cidx_err *err);
/* the whole pages of p[0..n) given back to the system (the text read
 * again comes from the file, or zero bytes for the memory of a buffer) */
void cidx_csv_drop(const void *p, size_t n);
int cidx_csv_is_utf8_name(const char *enc);
int cidx_csv_is_utf16_name(const char *enc);
/* raw[0..n) is valid UTF-8; else 0 and *bad the offset of the first
 * byte that is not; with `drop`, raw's pages are given back as checked */
int cidx_csv_utf8_ok(const char *raw, size_t n, int drop, size_t *bad);

#endif
