/*
 * csvbig: a file large enough that the reader gives back the text it has
 * read (io/csv.c, from 8 MiB on) reads the same: every field, its
 * position, the checksum, and an error on its last line; such a file is
 * mapped, not read whole, and is not whole in memory while it is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/sha256.h"
#include "io/csv.h"
#include "io/csv_int.h"
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

/* the memory of the process (kB), or 0 where not known */
static size_t
rss_kb(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	unsigned long pages = 0, resident = 0;

	if (fp == NULL)
		return 0;
	if (fscanf(fp, "%lu %lu", &pages, &resident) != 2)
		resident = 0;
	fclose(fp);
	return resident * ((size_t)sysconf(_SC_PAGESIZE) / 1024);
}

/*
 * The reader of a large file holds a few pieces of it at a time, not the
 * whole (issue 17): the memory of the process grows by less than half the
 * file while every row is read.
 */
void
test_csvbig__not_whole_in_memory(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv_reader *r = NULL;
	struct cidx_csv_row row;
	size_t n, rows = 0, base, peak = 0, now;
	char *text = big_text(0, &n), path[128];

	if (tmp_begin() < 0) {
		free(text);
		return;
	}
	put_n(path, sizeof(path), "big.csv", text, n);
	free(text);
	if ((base = rss_kb()) == 0)
		goto out;
	CHECK_INT(cidx_csv_open(&r, path, NULL, &err), 0);
	if (r == NULL)
		goto out;
	while (cidx_csv_next(r, &row, &err) > 0)
		if (rows++ % 1000 == 0 && (now = rss_kb()) > peak)
			peak = now;
	CHECK_INT(rows, ROWS + 1);
	CHECK_STR(cidx_csv_encoding(r), "UTF-8");
	if (peak > base + n / 2048)
		fprintf(stderr, "csvbig: %zu kB more for a file of %zu kB\n",
		    peak - base, n / 1024);
	CHECK(peak <= base + n / 2048);
out:
	cidx_csv_close(r);
	tmp_end();
}

/*
 * A mapped file is what cidx_csv_slurp() reads: up to and with its first
 * NUL byte (but after a UTF-16 byte-order mark), zero bytes after it; and
 * the check of its UTF-8 in pieces finds the byte the check of the whole
 * finds, next to a piece's end too.
 */
void
test_csvbig__mapped_as_read(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	size_t n = CIDX_CSV_MAP_MIN + 4096, got, len, want, bad = 0;
	size_t at[] = { 5, CIDX_CSV_DROP_STEP - 2, CIDX_CSV_DROP_STEP - 1,
		CIDX_CSV_DROP_STEP, CIDX_CSV_DROP_STEP + 1, n - 1 };
	char *text = cidx_xmalloc(n), *map = NULL, path[128];

	/* three-byte characters, one across each piece's end */
	for (size_t i = 0; i < n; i++)
		text[i] = (char)(i % 3 == 0 ? 0xe5 : i % 3 == 1 ? 0x9f : 0x8e);
	for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		char c = text[at[k]];

		text[at[k]] = (char)0xff;
		cidx_csv_utf8_ok(text, n, 0, &want);
		bad += !(cidx_csv_utf8_ok(text, n, 0, &got) == 0 && got == want &&
		    want <= at[k]);
		text[at[k]] = c;
	}
	bad += !cidx_csv_utf8_ok(text, n - n % 3, 0, &got);
	bad += cidx_csv_utf8_ok(text, n - n % 3 - 1, 0, &got) ||
	    got != n - n % 3 - 3;
	CHECK_INT(bad, 0);
	if (tmp_begin() < 0) {
		free(text);
		return;
	}
	memset(text, 'a', n);
	text[CIDX_CSV_DROP_STEP + 7] = '\0';
	put_n(path, sizeof(path), "nul.csv", text, n);
	CHECK_INT(cidx_csv_map(path, 1, &map, &got, &len, &err), 1);
	CHECK_INT(got, CIDX_CSV_DROP_STEP + 8);
	if (map)
		munmap(map, len);
	CHECK_INT(cidx_csv_map(path, 0, &map, &got, &len, &err), 1);
	CHECK_INT(got, n);
	CHECK(map && map[n] == '\0' && map[n - 1] == 'a');
	if (map)
		munmap(map, len);
	text[0] = (char)0xff;
	text[1] = (char)0xfe;
	put_n(path, sizeof(path), "bom.csv", text, n);
	CHECK_INT(cidx_csv_map(path, 1, &map, &got, &len, &err), 1);
	CHECK_INT(got, n);
	if (map)
		munmap(map, len);
	put_n(path, sizeof(path), "small.csv", text, 100);
	CHECK_INT(cidx_csv_map(path, 1, &map, &got, &len, &err), 0);
	free(text);
	tmp_end();
}
