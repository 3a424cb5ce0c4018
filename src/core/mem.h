/*
 * mem.h - allocation that never returns NULL, and a growable string buffer.
 *
 * xmalloc() and friends abort with a message when memory runs out (the only
 * place the core writes to stderr).  struct sbuf follows git's strbuf: `buf`
 * is never NULL and always NUL-terminated; sbuf_detach() hands the memory
 * to the caller.
 */
#ifndef CIDX_MEM_H
#define CIDX_MEM_H

#include <stddef.h>

/*! xoom() : reports that `size` bytes could not be allocated and aborts:
 *  the allocation policy for memory the core gets from other libraries. */
_Noreturn void xoom(size_t size);
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct sbuf {
	size_t len;
	size_t alloc;
	char *buf;
};

extern char sbuf_empty[];
#define SBUF_INIT { 0, 0, sbuf_empty }

void sbuf_grow(struct sbuf *sb, size_t extra);
void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_adds(struct sbuf *sb, const char *s);
void sbuf_addc(struct sbuf *sb, char c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_reset(struct sbuf *sb);
void sbuf_release(struct sbuf *sb);
/*! sbuf_detach() : @return the buffer (caller frees); `sb` is reset. */
char *sbuf_detach(struct sbuf *sb);

/* Growable array helper: ensures cap >= n, doubling. */
#define ALLOC_GROW(ptr, n, cap)                                               \
	do {                                                                  \
		if ((n) > (cap)) {                                            \
			size_t nc_ = (cap) ? (cap) * 2 : 16;                  \
			while (nc_ < (n))                                     \
				nc_ *= 2;                                     \
			(ptr) = xreallocarray((ptr), nc_, sizeof(*(ptr)));    \
			(cap) = nc_;                                          \
		}                                                             \
	} while (0)

#endif
