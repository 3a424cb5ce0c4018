/*
 * lookup.c - units by code or name (lookup.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/lookup.h"
#include "core/mem.h"
#include "core/suggest.h"

static const char *const suffixes[] = { "特别行政区", "自治州", "地区",
	"市", "盟", NULL };

/* `name` is `text` followed by one administrative suffix */
static int
with_suffix(const char *name, const char *text)
{
	size_t n = strlen(text);

	if (strncmp(name, text, n) != 0)
		return 0;
	for (size_t i = 0; suffixes[i]; i++)
		if (strcmp(name + n, suffixes[i]) == 0)
			return 1;
	return 0;
}

static int
match(const struct cidx_unit *u, const char *text, int rule)
{
	switch (rule) {
	case 0:
		return strcmp(u->code, text) == 0;
	case 1:
		return (u->name && strcmp(u->name, text) == 0) ||
		    (u->name_en && strcasecmp(u->name_en, text) == 0);
	default:
		return u->name && *text && with_suffix(u->name, text);
	}
}

const char *
cidx_dataset_suggest(const struct cidx_dataset *ds, const char *text)
{
	const char **cand = cidx_xcalloc(3 * ds->n_units + 1, sizeof(*cand));
	const char *near;
	size_t n = 0;

	for (size_t i = 0; i < ds->n_units; i++) {
		cand[n++] = ds->unit[i].code;
		if (ds->unit[i].name && *ds->unit[i].name)
			cand[n++] = ds->unit[i].name;
		if (ds->unit[i].name_en && *ds->unit[i].name_en)
			cand[n++] = ds->unit[i].name_en;
	}
	near = cidx_suggest(text, cand, n);
	free(cand);
	return near;
}

/* no unit is `text`: say so, with the code or name one edit away */
static int
not_found(const struct cidx_dataset *ds, const char *text,
    struct cidx_err *err)
{
	const char *near = cidx_dataset_suggest(ds, text);

	if (near)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no unit '%s'; did "
		    "you mean '%s'?", text, near);
	return cidx_err_set(err, CIDX_ENOTFOUND, "no unit '%s'", text);
}

int
cidx_dataset_lookup(const struct cidx_dataset *ds, const char *text,
    long *row, struct cidx_err *err)
{
	for (int rule = 0; rule < 3; rule++) {
		struct sbuf sb = SBUF_INIT;
		size_t n = 0;

		for (size_t i = 0; i < ds->n_units; i++) {
			const struct cidx_unit *u = &ds->unit[i];

			if (!match(u, text, rule))
				continue;
			*row = (long)i;
			cidx_sbuf_addf(&sb, "%s%s %s", n ? ", " : "", u->code,
			    u->name ? u->name : u->name_en ? u->name_en : "");
			n++;
		}
		if (n > 1)
			cidx_err_set(err, CIDX_EINVAL, "'%s' names %zu units: "
			    "%s", text, n, sb.buf);
		cidx_sbuf_release(&sb);
		if (n == 1)
			return 0;
		if (n > 1)
			return CIDX_EINVAL;
	}
	return not_found(ds, text, err);
}
