/*
 * strmap.h - a string -> size_t map (open addressing, FNV-1a), for looking
 * up unit and indicator codes while importing.  Keys are borrowed: they
 * must outlive the map.
 */
#ifndef CIDX_STRMAP_H
#define CIDX_STRMAP_H

#include <stddef.h>

struct cidx_strmap {
	const char **key;
	size_t *val;
	size_t cap, n;
};

#define CIDX_STRMAP_INIT { NULL, NULL, 0, 0 }

/*! cidx_strmap_put() : inserts or replaces. */
void cidx_strmap_put(struct cidx_strmap *m, const char *key, size_t val);
/*! cidx_strmap_get() : @return 1 and *out if found, else 0. */
int cidx_strmap_get(const struct cidx_strmap *m, const char *key, size_t *out);
void cidx_strmap_release(struct cidx_strmap *m);

#endif
