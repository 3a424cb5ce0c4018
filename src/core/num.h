/*
 * num.h - locale-independent number parsing and printing.
 *
 * cityidx never calls setlocale(), but a library might; these helpers parse
 * and print with the "C" locale whatever the process locale is.
 */
#ifndef CIDX_NUM_H
#define CIDX_NUM_H

#include <stddef.h>

/*! cidx_num_parse() :
 *  Parses a plain decimal number: optional sign, digits with an optional
 *  '.' fraction, optional exponent.  Leading and trailing blanks are
 *  allowed; anything else (thousands separators, hex, inf, nan, "1.2.3")
 *  is rejected.  A number whose magnitude is above DBL_MAX, or not 0 and
 *  below DBL_MIN (2.2250738585072014e-308: it would become 0 or lose
 *  digits), is out of range.
 *  @return 0, CIDX_EINVAL (not a number: *bad_at is the 0-based offset
 *          of the first offending byte) or CIDX_ENUMERIC (out of range:
 *          *bad_at is the offset of the number). */
int cidx_num_parse(const char *s, double *out, size_t *bad_at);

/*! cidx_num_is_missing() :
 *  True for the marks of a missing value: an empty (or blank) field, NA,
 *  N/A, n/a, a run of dashes (- -- – — —— ― －), two or more full stops
 *  (.. ...) or a run of ellipses (… …… ⋯), with blanks around allowed. */
int cidx_num_is_missing(const char *s);

/*! cidx_num_parse_int() : a decimal integer in [lo, hi]. */
int cidx_num_parse_int(const char *s, long lo, long hi, long *out);

/*! cidx_num_fmt() :
 *  Prints `x` with `prec` significant digits (%.*g) in the C locale into
 *  buf.  prec 17 reads back to the same double.  NaN prints as "". */
void cidx_num_fmt(char *buf, size_t n, double x, int prec);

/*! cidx_num_shortest() :
 *  The shortest %g form (1 to 17 significant digits) that reads back to
 *  `x`, in the C locale; no exponent while the digits fit (100, not
 *  1e+02), no "-0".  NaN prints as "". */
void cidx_num_shortest(char *buf, size_t n, double x);

/*! cidx_num_fmt_fixed() : %.*f in the C locale. */
void cidx_num_fmt_fixed(char *buf, size_t n, double x, int decimals);

/*! cidx_num_fmt_percent() : a share (0.625) as a whole percentage with
 *  its sign ("62%": %.0f of 100 x, halves to even), "" for NaN. */
void cidx_num_fmt_percent(char *buf, size_t n, double share);

/*! cidx_num_parse_size() :
 *  A size in bytes as options give it: a plain decimal number (digits
 *  with an optional '.' fraction) and an optional unit K, M, G or T
 *  (powers of 1024, either case, optionally followed by "B" or "iB");
 *  without a unit, bytes.  "512M", "8G", "1.5GiB", "4096".
 *  @return 0 and *out (whole bytes, rounded down; at least 1), or
 *  CIDX_EINVAL (not such a size, 0, or more than a size_t holds). */
int cidx_num_parse_size(const char *s, size_t *out);

/*! cidx_num_fmt_size() :
 *  Bytes in the largest binary unit they fill, with one decimal unless
 *  it is 0: "900 bytes", "1.5 KiB", "53.8 GiB", "4 GiB". */
void cidx_num_fmt_size(char *buf, size_t n, size_t bytes);

#endif
