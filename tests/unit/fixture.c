#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "fixture.h"
#include "runner.h"

char tmpdir[64];

int
tmp_begin(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/cidx-unit-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		runner_fail(__FILE__, __LINE__, "mkdtemp failed");
		return -1;
	}
	return 0;
}

void
tmp_end(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	char p[sizeof(tmpdir) + 260];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", tmpdir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(tmpdir);
}

const char *
path_of(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tmpdir, name);
	return buf;
}

const char *
put_n(char *buf, size_t size, const char *name, const char *bytes, size_t n)
{
	FILE *fp;

	path_of(buf, size, name);
	fp = fopen(buf, "wb");
	if (fp == NULL) {
		runner_fail(__FILE__, __LINE__, "cannot write %s", buf);
		return buf;
	}
	fwrite(bytes, 1, n, fp);
	fclose(fp);
	return buf;
}

const char *
put(char *buf, size_t size, const char *name, const char *text)
{
	return put_n(buf, size, name, text, strlen(text));
}

gsl_matrix *
mat(size_t rows, size_t cols, const double *v)
{
	gsl_matrix *m = gsl_matrix_alloc(rows, cols);

	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++)
			gsl_matrix_set(m, i, j, v[i * cols + j]);
	return m;
}

int
fx_framework(struct cidx_framework **out, const struct fx_node *d, size_t n,
    struct cidx_err *err)
{
	struct cidx_node *node = cidx_xcalloc(n, sizeof(*node));

	for (size_t i = 0; i < n; i++) {
		node[i].code = cidx_xstrdup(d[i].code);
		node[i].parent = d[i].parent ? cidx_xstrdup(d[i].parent) : NULL;
		node[i].type = d[i].type;
		node[i].level = d[i].level;
		node[i].direction = d[i].dir;
		node[i].weight = d[i].w;
		node[i].target = NAN;
		node[i].goal_lo = NAN;
		node[i].goal_hi = NAN;
	}
	return cidx_framework_build(out, node, n, "test.csv", err);
}

struct cidx_framework *
fx_small_framework(void)
{
	static const struct fx_node d[] = {
		{ "INDEX", NULL, AGG, 0, 1, 1 },
		{ "A", "INDEX", IND, 0, 1, 1 },
		{ "B", "INDEX", IND, 0, 1, 1 },
		{ "POP", NULL, DEN, 0, 1, 1 },
		{ "PROV", NULL, CIDX_NODE_GROUP, 0, 1, 1 },
	};
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	if (fx_framework(&fw, d, sizeof(d) / sizeof(d[0]), &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return fw;
}

struct cidx_dataset *
fx_dataset(int year, const char *const *codes, size_t n, const double *x,
    size_t m)
{
	struct cidx_dataset *ds = cidx_xcalloc(1, sizeof(*ds));

	ds->year = year;
	ds->n_units = n;
	ds->unit = cidx_xcalloc(n, sizeof(*ds->unit));
	for (size_t i = 0; i < n; i++)
		ds->unit[i].code = cidx_xstrdup(codes[i]);
	ds->x = mat(n, m, x);
	return ds;
}

static int
fy_years(void *ctx, int **out, size_t *n, struct cidx_err *err)
{
	(void)ctx;
	(void)err;
	*out = cidx_xcalloc(1, sizeof(int));
	(*out)[0] = 2020;
	*n = 1;
	return 0;
}

static int
fy_load(void *ctx, const struct cidx_framework *fw, int year,
    struct cidx_dataset **out, struct cidx_err *err)
{
	struct fx_year *y = ctx;

	(void)fw;
	(void)err;
	*out = fx_dataset(year, y->codes, y->n, y->x, y->m);
	return 0;
}

struct cidx_source
fx_source(struct fx_year *y)
{
	struct cidx_source src = { y, fy_years, fy_load };

	return src;
}

struct cidx_store *
fx_ws_begin(const struct cidx_framework *fw, char *path, size_t size)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;

	if (tmp_begin() < 0)
		return NULL;
	path_of(path, size, "ws.db");
	if (cidx_store_open(&st, path, 1, &err) < 0 || (fw != NULL &&
	    cidx_store_set_framework(st, fw, "fw.csv", &err) < 0)) {
		runner_fail(__FILE__, __LINE__, "workspace: %s", err.msg);
		cidx_store_close(st);
		tmp_end();
		return NULL;
	}
	return st;
}

void
fx_ws_end(struct cidx_store *st)
{
	cidx_store_close(st);
	tmp_end();
}

struct cidx_engine *
fx_engine(const struct cidx_framework *fw, struct cidx_source src,
    const struct cidx_engine_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine *e = NULL;

	if (cidx_engine_new(&e, fw, &src, o, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return e;
}
