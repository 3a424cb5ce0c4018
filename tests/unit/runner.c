/*
 * runner.c - a tiny unit-test runner.  Tests are functions named
 * test_<suite>__<name>(void) in tests/unit/t_*.c; the Makefile finds them
 * with sed (git's generate-clar-decls idea), so they need no registration.
 * Run one suite or test by giving a prefix: unit-tests calc__jenks
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"

#define T(name) void name(void);
#include "tests.h"
#undef T

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
#define T(name) { #name, name },
#include "tests.h"
#undef T
};

static int failed_now;
static int nchecks;

void
runner_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	failed_now = 1;
	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
runner_dbl_eq(double a, double b, double tol)
{
	nchecks++;
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= tol * (fabs(b) > 1 ? fabs(b) : 1);
}

void
runner_count(void)
{
	nchecks++;
}

int
runner_failing(void)
{
	return failed_now;
}

int
main(int argc, char **argv)
{
	size_t n = sizeof(tests) / sizeof(tests[0]);
	int passed = 0, failed = 0;

	for (size_t i = 0; i < n; i++) {
		const char *name = tests[i].name + strlen("test_");

		if (argc > 1 && strncmp(name, argv[1], strlen(argv[1])) != 0)
			continue;
		failed_now = 0;
		tests[i].fn();
		if (failed_now) {
			failed++;
			fprintf(stderr, "FAIL %s\n", name);
		} else {
			passed++;
		}
	}
	printf("%d checks\n%d passed, %d failed\n", nchecks, passed, failed);
	return failed ? 1 : 0;
}
