/*
 * intmap.c - see intmap.h.  Linear probing over a power-of-two table kept
 * at most half full; the hash is a multiplicative mix, so consecutive
 * keys spread.
 */
#include <stdlib.h>

#include "core/intmap.h"
#include "core/mem.h"

static size_t
slot(const struct cidx_intmap *m, uint64_t key)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (m->cap - 1);
}

static void
grow(struct cidx_intmap *m)
{
	uint64_t *ok = m->key;
	size_t *ov = m->val, ocap = m->cap;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->key = cidx_xcalloc(m->cap, sizeof(*m->key));
	m->val = cidx_xcalloc(m->cap, sizeof(*m->val));
	for (size_t i = 0; i < ocap; i++)
		if (ov[i]) {
			size_t k = slot(m, ok[i]);

			while (m->val[k])
				k = (k + 1) & (m->cap - 1);
			m->key[k] = ok[i];
			m->val[k] = ov[i];
		}
	free(ok);
	free(ov);
}

/* the slot holding `key`, or the empty slot where it would go */
static size_t
find(const struct cidx_intmap *m, uint64_t key)
{
	size_t k = slot(m, key);

	while (m->val[k] && m->key[k] != key)
		k = (k + 1) & (m->cap - 1);
	return k;
}

int
cidx_intmap_add(struct cidx_intmap *m, uint64_t key, size_t val,
    size_t *old)
{
	size_t k;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	k = find(m, key);
	if (m->val[k]) {
		if (old)
			*old = m->val[k] - 1;
		return 0;
	}
	m->key[k] = key;
	m->val[k] = val + 1;
	m->n++;
	return 1;
}

void
cidx_intmap_put(struct cidx_intmap *m, uint64_t key, size_t val)
{
	size_t k;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	k = find(m, key);
	if (m->val[k] == 0)
		m->n++;
	m->key[k] = key;
	m->val[k] = val + 1;
}

int
cidx_intmap_get(const struct cidx_intmap *m, uint64_t key, size_t *out)
{
	size_t k;

	if (m->cap == 0)
		return 0;
	k = find(m, key);
	if (m->val[k] == 0)
		return 0;
	*out = m->val[k] - 1;
	return 1;
}

void
cidx_intmap_release(struct cidx_intmap *m)
{
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->cap = m->n = 0;
}
