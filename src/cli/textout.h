/*
 * textout.h - the text writers for people and programs: aligned text
 * tables (CJK text measured by display width), text safe for a terminal
 * and RFC 4180 CSV fields; JSON is written by core/jsonwriter.h.  Text from files and the command line is made safe
 * on the way out: table cells and out_text() escape control characters
 * and invalid bytes, CSV and JSON are valid UTF-8.
 */
#ifndef CIDX_CLI_TEXTOUT_H
#define CIDX_CLI_TEXTOUT_H

#include <stddef.h>
#include <stdio.h>

/* Display width of UTF-8 text: East Asian wide and fullwidth characters
 * count 2, combining marks 0, others 1. */
size_t out_width(const char *s);

/* A text table: cells are copied; columns right-aligned when `right`. */
struct out_table {
	size_t ncols, nrows, cap;
	char **cell; /* nrows x ncols */
	int *right;
};

void out_table_init(struct out_table *t, size_t ncols);
void out_table_set_right(struct out_table *t, size_t col, int right);
/* Appends a row; cells[i] may be NULL (empty). */
void out_table_add(struct out_table *t, const char *const *cells);
void out_table_print(FILE *fp, const struct out_table *t);
void out_table_release(struct out_table *t);

/*! out_text() :
 *  `s` as text safe to print on a terminal (cidx_text_escape(): control
 *  characters and bytes that are not UTF-8 as \xHH); NULL gives "".  The
 *  result lives until the 8th next call: for a printf of a few fields. */
const char *out_text(const char *s);

struct sbuf;
/*! out_cell_text() : appends `s` as a CSV field or workbook cell holds
 *  text: valid UTF-8 (U+FFFD for invalid bytes), control characters
 *  shown as \xHH. */
void out_cell_text(struct sbuf *sb, const char *s);

/* RFC 4180; the text as out_cell_text() */
void out_csv_field(FILE *fp, const char *s);

struct cidx_jsonw;
/*! out_json_end() :
 *  Ends a JSON document (core/jsonwriter.h, which writes every JSON
 *  output): cidx_jsonw_finish(), a failure printed.
 *  @return CLI_OK or CLI_ERROR. */
int out_json_end(struct cidx_jsonw *w);

#endif
