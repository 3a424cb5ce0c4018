#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
