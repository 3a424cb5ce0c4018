/*
 * charttype.c - the table of chart types (one entry each, in its own
 * file: plot.h) and what the table answers: a type by its name, and
 * whether the options given apply to a type (cityidx(1), chart: an
 * option that the figure does not draw is refused, not ignored).
 * Adding a type: cityidx(1), DEVELOPMENT, lists the files it touches.
 */
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"

const struct cidx_chart_type *const cidx_chart_types[] = {
	&cidx_chart_tiers,
	&cidx_chart_pillars,
	&cidx_chart_movers,
	&cidx_chart_heatmap,
	&cidx_chart_profile,
	&cidx_chart_map,
	&cidx_chart_uncert,
	&cidx_chart_trend,
	NULL
};

const struct cidx_chart_type *
cidx_chart_find(const char *name)
{
	for (size_t i = 0; name != NULL && cidx_chart_types[i] != NULL; i++)
		if (strcmp(cidx_chart_types[i]->name, name) == 0)
			return cidx_chart_types[i];
	return NULL;
}

/* "tiers, map": the types that draw the option `bit` */
static void
types_taking(char *buf, size_t size, unsigned bit)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; cidx_chart_types[i] != NULL; i++)
		if ((cidx_chart_types[i]->opts & bit) && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
			    n ? ", " : "", cidx_chart_types[i]->name);
}

int
cidx_chart_opts_check(const struct cidx_chart_type *t, unsigned given,
    const char *const names[CIDX_CHART_OPT_N], struct cidx_err *err)
{
	unsigned ok, extra, bit;
	const char *name;
	char which[128];
	size_t b;

	if (t == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no chart type");
	ok = t->opts;
	if (given & t->unless.when)
		ok &= ~t->unless.off;
	if ((extra = given & ~ok) == 0)
		return 0;
	for (b = 0; !(extra & (1u << b)); b++)
		;
	bit = 1u << b;
	name = b < CIDX_CHART_OPT_N && names != NULL && names[b] != NULL ?
	    names[b] : "?";
	if ((given & t->unless.when) && (bit & t->unless.off))
		return cidx_err_set(err, CIDX_EINVAL, "%s: --%s does not "
		    "apply to %s", t->name, name, t->unless.why);
	types_taking(which, sizeof(which), bit);
	return cidx_err_set(err, CIDX_EINVAL, "%s: --%s does not apply to "
	    "this chart type (only to %s)", t->name, name, which);
}
