/*
 * charttype.c - the table of chart types (one entry each, plot.h) and
 * what the table answers: a type by its name, and
 * whether the options given apply to a type (cityidx(1), chart: an
 * option that the figure does not draw is refused, not ignored).
 * The entries hold no function, so that this file is in the binary
 * without cairo; the drawing of a type is in its own file, found by the
 * entry's id (plot_int.h).  Adding a type: cityidx(1), DEVELOPMENT, lists
 * the files it touches.
 */
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"

/* the entries, in the order of the table (their drawing: plot_int.h) */
const struct cidx_chart_type cidx_chart_tiers = {
	.name = "tiers",
	.id = CIDX_CHART_TIERS,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_TIERS,
};

const struct cidx_chart_type cidx_chart_pillars = {
	.name = "pillars",
	.id = CIDX_CHART_PILLARS,
	.opts = CIDX_CHART_OPT_TOP,
};

const struct cidx_chart_type cidx_chart_movers = {
	.name = "movers",
	.id = CIDX_CHART_MOVERS,
	.needs = CIDX_CHART_NEEDS_MOVEMENT,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_COMPARE |
	    CIDX_CHART_OPT_DARK_HORSE,
};

const struct cidx_chart_type cidx_chart_heatmap = {
	.name = "heatmap",
	.id = CIDX_CHART_HEATMAP,
	.opts = CIDX_CHART_OPT_OF | CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_BY,
	.fit_height = 1,
};

const struct cidx_chart_type cidx_chart_profile = {
	.name = "profile",
	.id = CIDX_CHART_PROFILE,
	.needs = CIDX_CHART_NEEDS_UNIT,
	.opts = 0,
};

const struct cidx_chart_type cidx_chart_map = {
	.name = "map",
	.id = CIDX_CHART_MAP,
	.needs = CIDX_CHART_NEEDS_BOUNDARIES,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_TIERS |
	    CIDX_CHART_OPT_BY | CIDX_CHART_OPT_BY_SCORE | CIDX_CHART_OPT_LABELS,
	/* a map filled by score has no tiers, and so no top group to
	 * split */
	.unless = {
		.when = CIDX_CHART_OPT_BY_SCORE,
		.off = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_TIERS,
		.why = "a map filled by score (--by score)",
	},
	.keep_shape = 1,
};

const struct cidx_chart_type cidx_chart_uncert = {
	.name = "uncertainty",
	.id = CIDX_CHART_UNCERT,
	.needs = CIDX_CHART_NEEDS_DRAWS,
	.opts = CIDX_CHART_OPT_TOP | CIDX_CHART_OPT_DRAWS,
};

const struct cidx_chart_type cidx_chart_trend = {
	.name = "trend",
	.id = CIDX_CHART_TREND,
	.opts = CIDX_CHART_OPT_TOP,
};

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
