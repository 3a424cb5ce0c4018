/*
 * runner.h - checks for the unit tests.  A failing check reports
 * file:line and marks the test failed; the test goes on.
 */
#ifndef CIDX_RUNNER_H
#define CIDX_RUNNER_H

#include <math.h>
#include <stdarg.h>
#include <string.h>

void runner_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int runner_dbl_eq(double a, double b, double tol);
void runner_count(void);
/* whether a check of the running test has failed (for a test that runs
 * part of itself in a child process) */
int runner_failing(void);

#define CHECK(c)                                                          \
	do {                                                              \
		runner_count();                                           \
		if (!(c))                                                 \
			runner_fail(__FILE__, __LINE__, "%s", #c);        \
	} while (0)

/* relative tolerance for |b| > 1, absolute below */
#define CHECK_DBL(a, b, tol)                                              \
	do {                                                              \
		double a_ = (a), b_ = (b);                                \
		if (!runner_dbl_eq(a_, b_, (tol)))                        \
			runner_fail(__FILE__, __LINE__,                   \
			    "%s = %.17g, expected %.17g", #a, a_, b_);    \
	} while (0)

#define CHECK_INT(a, b)                                                   \
	do {                                                              \
		long a_ = (long)(a), b_ = (long)(b);                      \
		runner_count();                                           \
		if (a_ != b_)                                             \
			runner_fail(__FILE__, __LINE__,                   \
			    "%s = %ld, expected %ld", #a, a_, b_);        \
	} while (0)

#define CHECK_STR(a, b)                                                   \
	do {                                                              \
		const char *a_ = (a), *b_ = (b);                          \
		runner_count();                                           \
		if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0)      \
			runner_fail(__FILE__, __LINE__,                   \
			    "%s = '%s', expected '%s'", #a,               \
			    a_ ? a_ : "(null)", b_ ? b_ : "(null)");      \
	} while (0)

/* s contains sub */
#define CHECK_HAS(s, sub)                                                 \
	do {                                                              \
		const char *s_ = (s), *u_ = (sub);                        \
		runner_count();                                           \
		if (s_ == NULL || strstr(s_, u_) == NULL)                 \
			runner_fail(__FILE__, __LINE__,                   \
			    "'%s' does not contain '%s'",                 \
			    s_ ? s_ : "(null)", u_);                      \
	} while (0)

/* missing value and array length, for tables of test data */
#define NA NAN
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
