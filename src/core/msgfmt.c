/*
 * msgfmt.c - the catalogue's templates filled (msg.h): into a buffer,
 * cut at a whole character, or appended to a string buffer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/msg.h"

void
cidx_msg_fmt(char *buf, size_t n, enum cidx_lang lang, enum cidx_msg_id id,
    ...)
{
	va_list ap;
	size_t len;

	if (n == 0)
		return;
	va_start(ap, id);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	vsnprintf(buf, n, cidx_msg(lang, id), ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	va_end(ap);
	/* cut inside a character: back to its first byte */
	len = strlen(buf);
	if (len + 1 == n) {
		size_t k = len;

		while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && ((unsigned char)buf[k - 1] & 0x80))
			k--;
		/* k: the start of the last character; keep it if whole */
		if (k < len) {
			unsigned char c = (unsigned char)buf[k];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ?
			    2 : 1;

			if (len - k < need)
				buf[k] = '\0';
		}
	}
}

void
cidx_msg_add(struct sbuf *sb, enum cidx_lang lang, enum cidx_msg_id id, ...)
{
	const char *fmt = cidx_msg(lang, id);
	va_list ap;
	int n;

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	va_start(ap, id);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	cidx_sbuf_grow(sb, (size_t)n);
	va_start(ap, id);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	sb->len += (size_t)n;
}

void
cidx_msg_add_years(struct sbuf *sb, enum cidx_lang lang, const int *years,
    size_t n)
{
	const char *sep = cidx_msg(lang, CIDX_MSG_LIST_SEP);

	for (size_t i = 0; i < n;) {
		size_t j = i;

		/* j: the last of a run of consecutive calendar years */
		while (j + 1 < n && years[j + 1] == years[j] + 1)
			j++;
		if (i > 0)
			cidx_sbuf_adds(sb, sep);
		if (j - i >= 2) {
			cidx_sbuf_addf(sb, "%d–%d", years[i], years[j]);
			i = j + 1;
		} else {
			cidx_sbuf_addf(sb, "%d", years[i]);
			i++;
		}
	}
}
