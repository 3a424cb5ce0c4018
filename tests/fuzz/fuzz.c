/*
 * fuzz.c - the harnesses' temporary directory, test frameworks and
 * property failures (fuzz.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/mem.h"
#include "fuzz.h"
#include "io/framework.h"

#ifndef FUZZ_DATA
#error "FUZZ_DATA must name the tests/data directory (the Makefile sets it)"
#endif

static char dir[256];
static char last[320];

static void
cleanup(void)
{
	if (last[0] != '\0')
		unlink(last);
	if (dir[0] != '\0')
		rmdir(dir);
}

static void
make_dir(void)
{
	const char *t = getenv("TMPDIR");

	if (dir[0] != '\0')
		return;
	snprintf(dir, sizeof(dir), "%s/cityidx-fuzz.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "fuzz: mkdtemp %s: %s\n", dir, strerror(errno));
		abort();
	}
	atexit(cleanup);
}

const char *
fuzz_put(const char *name, const uint8_t *data, size_t size)
{
	FILE *fp;

	make_dir();
	if (last[0] != '\0')
		unlink(last);
	snprintf(last, sizeof(last), "%s/%s", dir, name);
	if ((fp = fopen(last, "wb")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		fprintf(stderr, "fuzz: cannot write %s\n", last);
		abort();
	}
	return last;
}

char *
fuzz_str(const uint8_t *data, size_t size)
{
	char *s = cidx_xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static struct cidx_framework *fws[2];

static void
free_frameworks(void)
{
	for (size_t i = 0; i < 2; i++)
		cidx_framework_free(fws[i]);
}

const struct cidx_framework *
fuzz_framework(const char *which)
{
	static const char *const path[2] = {
		FUZZ_DATA "/mini/framework.csv",
		FUZZ_DATA "/asem/ASEM_iMeta.csv",
	};
	size_t i = strcmp(which, "mini") == 0 ? 0 : 1;
	struct cidx_err err = CIDX_ERR_INIT;

	if (fws[i] != NULL)
		return fws[i];
	if (fws[0] == NULL && fws[1] == NULL)
		atexit(free_frameworks);
	if (cidx_framework_read(&fws[i], path[i], NULL, &err) < 0) {
		fprintf(stderr, "fuzz: %s\n", err.msg);
		abort();
	}
	return fws[i];
}

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property violated: %s\n", file, line, what);
	abort();
}
