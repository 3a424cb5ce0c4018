/*
 * mem.h - allocation that never returns NULL, and a growable string buffer.
 *
 * cidx_xmalloc() and friends abort with a message when memory runs out
 * (the only place the core writes to stderr).  struct sbuf follows git's
 * strbuf: `buf` is never NULL and always NUL-terminated;
 * cidx_sbuf_detach() hands the memory to the caller.
 */
#ifndef CIDX_MEM_H
#define CIDX_MEM_H

#include <stddef.h>

/*! cidx_xoom() : reports that `size` bytes could not be allocated and aborts:
 *  the allocation policy for memory the core gets from other libraries. */
_Noreturn void cidx_xoom(size_t size);
void *cidx_xmalloc(size_t size);
void *cidx_xcalloc(size_t nmemb, size_t size);
void *cidx_xreallocarray(void *ptr, size_t nmemb, size_t size);
char *cidx_xstrdup(const char *s);
char *cidx_xstrndup(const char *s, size_t n);

struct sbuf {
	size_t len;
	size_t alloc;
	char *buf;
};

extern char cidx_sbuf_empty[];
#define SBUF_INIT { 0, 0, cidx_sbuf_empty }

void cidx_sbuf_grow(struct sbuf *sb, size_t extra);
void cidx_sbuf_add(struct sbuf *sb, const void *data, size_t len);
void cidx_sbuf_adds(struct sbuf *sb, const char *s);
void cidx_sbuf_addc(struct sbuf *sb, char c);
void cidx_sbuf_addf(struct sbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cidx_sbuf_reset(struct sbuf *sb);
void cidx_sbuf_release(struct sbuf *sb);
/*! cidx_sbuf_detach() : @return the buffer (caller frees); `sb` is reset. */
char *cidx_sbuf_detach(struct sbuf *sb);

/* Growable array helper: ensures cap >= n, doubling. */
#define ALLOC_GROW(ptr, n, cap)                                               \
	do {                                                                  \
		if ((n) > (cap)) {                                            \
			size_t nc_ = (cap) ? (cap) * 2 : 16;                  \
			while (nc_ < (n))                                     \
				nc_ *= 2;                                     \
			(ptr) = cidx_xreallocarray((ptr), nc_, sizeof(*(ptr)));    \
			(cap) = nc_;                                          \
		}                                                             \
	} while (0)

#endif
