/*
 * names.c - the names of units as a reader sees them (names.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/strmap.h"
#include "ws/names.h"

static const char *const keys_zh[] = { "province", "region", "country",
	NULL };
static const char *const keys_en[] = { "province_en", "region_en",
	"country_en", "province", "region", "country", NULL };

const char *
cidx_ws_unit_name1(const struct cidx_unit *u, int zh)
{
	const char *a = zh ? u->name : u->name_en;
	const char *b = zh ? u->name_en : u->name;

	if (a && *a)
		return a;
	if (b && *b)
		return b;
	return u->code;
}

/* all ASCII: a value that may stand in an English name */
static int
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* does attribute `key` tell apart the units of dup[0..n) named alike */
static int
tells_apart(const struct cidx_unit *u, const size_t *dup, size_t n,
    const char *key, int zh)
{
	for (size_t a = 0; a < n; a++) {
		const char *va = cidx_unit_attr(&u[dup[a]], key);

		if (va == NULL || *va == '\0' || (!zh && !ascii(va)))
			return 0;
		for (size_t b = 0; b < a; b++)
			if (strcmp(va, cidx_unit_attr(&u[dup[b]], key)) == 0)
				return 0;
	}
	return 1;
}

/* the units dup[0..n) share one name: add the region, else the code */
static void
qualify(char **out, const struct cidx_unit *u, const size_t *dup, size_t n,
    int zh)
{
	const char *const *keys = zh ? keys_zh : keys_en;
	const char *key = NULL;

	for (size_t k = 0; keys[k] && key == NULL; k++)
		if (tells_apart(u, dup, n, keys[k], zh))
			key = keys[k];
	for (size_t a = 0; a < n; a++) {
		const struct cidx_unit *v = &u[dup[a]];
		struct sbuf sb = SBUF_INIT;

		cidx_sbuf_addf(&sb, "%s (%s)", out[dup[a]], key ?
		    cidx_unit_attr(v, key) : v->code);
		free(out[dup[a]]);
		out[dup[a]] = cidx_sbuf_detach(&sb);
	}
}

char **
cidx_ws_unit_names(const struct cidx_unit *u, size_t n, int zh)
{
	struct cidx_strmap first = CIDX_STRMAP_INIT;
	size_t *next, *dup;
	char **out;

	if (n == 0)
		return NULL;
	out = cidx_xcalloc(n, sizeof(*out));
	next = cidx_xcalloc(n, sizeof(*next));
	dup = cidx_xcalloc(n, sizeof(*dup));
	/* next[i]: the next unit named as i (n: none); first: the first */
	for (size_t i = n; i-- > 0;) {
		size_t j;

		const char *name = cidx_ws_unit_name1(&u[i], zh);

		out[i] = cidx_xstrdup(name);
		next[i] = cidx_strmap_get(&first, name, &j) ? j : n;
		cidx_strmap_put(&first, name, i);
	}
	for (size_t i = 0; i < n; i++) {
		size_t j, k = 0;

		if (!cidx_strmap_get(&first, cidx_ws_unit_name1(&u[i], zh),
		    &j) || j != i || next[i] == n)
			continue;
		for (j = i; j < n; j = next[j])
			dup[k++] = j;
		qualify(out, u, dup, k, zh);
	}
	cidx_strmap_release(&first);
	free(next);
	free(dup);
	return out;
}

void
cidx_ws_unit_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n && names; i++)
		free(names[i]);
	free(names);
}

const char *
cidx_ws_attr_lang(const struct cidx_unit *u, const char *key, int zh)
{
	const char *v = NULL;

	if (!zh) {
		struct sbuf sb = SBUF_INIT;

		cidx_sbuf_addf(&sb, "%s_en", key);
		v = cidx_unit_attr(u, sb.buf);
		cidx_sbuf_release(&sb);
	}
	return v ? v : cidx_unit_attr(u, key);
}

/* is keys[k] "X_en" with X among keys[0..n) */
static int
translates(char *const *keys, size_t n, size_t k)
{
	size_t len = strlen(keys[k]);

	if (len < 4 || strcmp(keys[k] + len - 3, "_en") != 0)
		return 0;
	for (size_t j = 0; j < n; j++)
		if (j != k && strlen(keys[j]) == len - 3 &&
		    strncmp(keys[j], keys[k], len - 3) == 0)
			return 1;
	return 0;
}

size_t
cidx_ws_attr_keys_merge(char **keys, size_t n)
{
	size_t m = 0;
	unsigned char *drop = n ? cidx_xcalloc(n, 1) : NULL;

	for (size_t k = 0; k < n; k++)
		drop[k] = (unsigned char)translates(keys, n, k);
	for (size_t k = 0; k < n; k++)
		if (drop[k])
			free(keys[k]);
		else
			keys[m++] = keys[k];
	free(drop);
	return m;
}
