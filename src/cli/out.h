/*
 * out.h - writers for people and programs: aligned text tables (CJK text
 * measured by display width), RFC 4180 CSV, and JSON.
 */
#ifndef CIDX_OUT_H
#define CIDX_OUT_H

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

void out_csv_field(FILE *fp, const char *s);
void out_json_string(FILE *fp, const char *s); /* NULL prints null */
/* %.17g, NaN as null */
void out_json_number(FILE *fp, double x);

#endif
