#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

char cidx_sbuf_empty[1];

void
cidx_xoom(size_t size)
{
	/* The one place the core may write and stop: nothing sane is left. */
	fprintf(stderr, "cityidx: out of memory allocating %zu bytes\n", size);
	abort();
}

void *
cidx_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		cidx_xoom(size);
	return p;
}

void *
cidx_xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	p = calloc(nmemb, size);
	if (p == NULL)
		cidx_xoom(nmemb * size);
	return p;
}

void *
cidx_xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		cidx_xoom(SIZE_MAX);
	p = realloc(ptr, (nmemb * size) != 0 ? nmemb * size : 1);
	if (p == NULL)
		cidx_xoom(nmemb * size);
	return p;
}

char *
cidx_xstrdup(const char *s)
{
	return cidx_xstrndup(s, strlen(s));
}

char *
cidx_xstrndup(const char *s, size_t n)
{
	char *p = cidx_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
cidx_sbuf_grow(struct sbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->alloc)
		return;
	if (sb->alloc == 0)
		sb->buf = NULL;
	sb->alloc = sb->alloc ? sb->alloc : 64;
	while (sb->alloc < need)
		sb->alloc *= 2;
	sb->buf = cidx_xreallocarray(sb->buf, sb->alloc, 1);
}

void
cidx_sbuf_add(struct sbuf *sb, const void *data, size_t len)
{
	cidx_sbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
cidx_sbuf_adds(struct sbuf *sb, const char *s)
{
	cidx_sbuf_add(sb, s, strlen(s));
}

void
cidx_sbuf_addc(struct sbuf *sb, char c)
{
	cidx_sbuf_add(sb, &c, 1);
}

void
cidx_sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	cidx_sbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void
cidx_sbuf_reset(struct sbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

void
cidx_sbuf_release(struct sbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	sb->len = sb->alloc = 0;
	sb->buf = cidx_sbuf_empty;
}

char *
cidx_sbuf_detach(struct sbuf *sb)
{
	char *p = sb->alloc ? sb->buf : cidx_xstrdup("");

	sb->len = sb->alloc = 0;
	sb->buf = cidx_sbuf_empty;
	return p;
}
