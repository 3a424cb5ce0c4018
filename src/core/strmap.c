#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/strmap.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void
rehash(struct cidx_strmap *m, size_t cap)
{
	const char **ok = m->key;
	size_t *ov = m->val, ocap = m->cap;

	m->key = cidx_xcalloc(cap, sizeof(*m->key));
	m->val = cidx_xcalloc(cap, sizeof(*m->val));
	m->cap = cap;
	m->n = 0;
	for (size_t i = 0; i < ocap; i++)
		if (ok[i])
			cidx_strmap_put(m, ok[i], ov[i]);
	free(ok);
	free(ov);
}

void
cidx_strmap_put(struct cidx_strmap *m, const char *key, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 64);
	i = (size_t)hash(key) & (m->cap - 1);
	while (m->key[i] && strcmp(m->key[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	if (m->key[i] == NULL)
		m->n++;
	m->key[i] = key;
	m->val[i] = val;
}

int
cidx_strmap_get(const struct cidx_strmap *m, const char *key, size_t *out)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = (size_t)hash(key) & (m->cap - 1);
	while (m->key[i]) {
		if (strcmp(m->key[i], key) == 0) {
			*out = m->val[i];
			return 1;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return 0;
}

void
cidx_strmap_release(struct cidx_strmap *m)
{
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->cap = m->n = 0;
}
