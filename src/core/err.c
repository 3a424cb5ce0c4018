#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"

int
cidx_err_set(struct cidx_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
cidx_err_prefix(struct cidx_err *err, const char *fmt, ...)
{
	char buf[sizeof(err->msg)];
	size_t n;
	va_list ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	n = strlen(buf);
	if (n + 2 < sizeof(buf)) {
		memcpy(buf + n, ": ", 3);
		n += 2;
		memcpy(buf + n, err->msg, sizeof(buf) - n - 1);
		buf[sizeof(buf) - 1] = '\0';
	}
	memcpy(err->msg, buf, sizeof(buf));
}
