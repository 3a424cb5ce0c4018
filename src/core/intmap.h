/*
 * intmap.h - a 64-bit integer -> size_t map (open addressing), for the
 * keys that are numbers: unit ids of the workspace, and (unit, indicator,
 * year) triples packed into one word while importing.
 */
#ifndef CIDX_INTMAP_H
#define CIDX_INTMAP_H

#include <stddef.h>
#include <stdint.h>

struct cidx_intmap {
	uint64_t *key;
	size_t *val; /* value + 1; 0 marks an empty slot */
	size_t cap, n;
};

#define CIDX_INTMAP_INIT { NULL, NULL, 0, 0 }

/*! cidx_intmap_put() : inserts or replaces. */
void cidx_intmap_put(struct cidx_intmap *m, uint64_t key, size_t val);
/*! cidx_intmap_get() : @return 1 and *out if found, else 0. */
int cidx_intmap_get(const struct cidx_intmap *m, uint64_t key, size_t *out);
/*! cidx_intmap_add() : inserts `val` if `key` is absent and returns 1;
 *  otherwise leaves the map as it is, sets *old and returns 0. */
int cidx_intmap_add(struct cidx_intmap *m, uint64_t key, size_t val,
    size_t *old);
void cidx_intmap_release(struct cidx_intmap *m);

#endif
