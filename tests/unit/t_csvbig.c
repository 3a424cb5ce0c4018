/*
 * csvbig: a file large enough that the reader gives back the text it has
 * read (io/csv.c, from 8 MiB on) reads the same: every field, its
 * position, the checksum, and an error on its last line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/sha256.h"
#include "io/csv.h"
#include "fixture.h"
#include "runner.h"

#define ROWS 300000 /* of about 50 bytes: 15 MB */

/* the text of the file; with `bad` its last line has a stray quote */
static char *
big_text(int bad, size_t *n)
{
	struct sbuf sb = SBUF_INIT;

	cidx_sbuf_adds(&sb, "code,a,b,c,d,e,f,g,h\n");
	for (int r = 0; r < ROWS; r++)
		cidx_sbuf_addf(&sb, "U%06d,%d.25,%d,%d.5,1e%d,-%d,%d,%d,%s\n", r,
		    r, r * 3, r % 97, r % 300, r, r / 7, r % 11,
		    bad && r == ROWS - 1 ? "x\"y" : "end");
	*n = sb.len;
	return cidx_sbuf_detach(&sb);
}

void
test_csvbig__read_whole_after_giving_back(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv_reader *r = NULL;
	struct cidx_csv_row row;
	size_t n, rows = 0, bad = 0;
	char *text = big_text(0, &n), path[128], sha[65], want[32];
	int ret;

	if (tmp_begin() < 0) {
		free(text);
		return;
	}
	put_n(path, sizeof(path), "big.csv", text, n);
	cidx_sha256_buf(text, n, sha);
	CHECK_INT(cidx_csv_open(&r, path, NULL, &err), 0);
	if (r == NULL)
		goto out;
	while ((ret = cidx_csv_next(r, &row, &err)) > 0) {
		if (rows++ == 0)
			continue;
		snprintf(want, sizeof(want), "U%06zu", rows - 2);
		bad += row.n != 9 || strcmp(row.field[0].s, want) != 0 ||
		    row.field[0].line != rows || row.field[8].col !=
		    row.end_col - 3 || strcmp(row.field[8].s, "end") != 0;
	}
	CHECK_INT(ret, 0);
	CHECK_INT(rows, ROWS + 1);
	CHECK_INT(bad, 0);
	CHECK_STR(cidx_csv_sha256(r), sha);
out:
	cidx_csv_close(r);
	free(text);
	tmp_end();
}

void
test_csvbig__error_on_the_last_line(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv_reader *r = NULL;
	struct cidx_csv_row row;
	size_t n;
	char *text = big_text(1, &n), path[128], want[160];
	int ret;

	if (tmp_begin() < 0) {
		free(text);
		return;
	}
	put_n(path, sizeof(path), "big.csv", text, n);
	CHECK_INT(cidx_csv_open(&r, path, NULL, &err), 0);
	if (r == NULL)
		goto out;
	while ((ret = cidx_csv_next(r, &row, &err)) > 0)
		;
	CHECK_INT(ret, CIDX_EINVAL);
	/* the quote is the 2nd character of the last field */
	snprintf(want, sizeof(want), "%s:%d:", path, ROWS + 1);
	CHECK(strncmp(err.msg, want, strlen(want)) == 0);
	CHECK(strstr(err.msg, "malformed CSV") != NULL);
out:
	cidx_csv_close(r);
	free(text);
	tmp_end();
}
