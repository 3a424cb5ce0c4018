/* charttype: the table of chart types (plot.h): one entry each, found by
 * name, and the options of the chart command each one draws */
#include <stdio.h>
#include <string.h>

#include "plot/plot.h"
#include "plot/plot_int.h"
#include "runner.h"

void
test_charttype__every_entry_is_complete_and_found_by_name(void)
{
	static const char *const cli_names[] = { "tiers", "pillars",
		"movers", "heatmap", "profile", "map", "uncertainty", "trend" };
	size_t n = 0;

	for (size_t i = 0; cidx_chart_types[i] != NULL; i++, n++) {
		const struct cidx_chart_type *t = cidx_chart_types[i];

		CHECK(t->name != NULL && *t->name != '\0');
		CHECK(cidx_chart_draw_of(t) != NULL);
		CHECK(cidx_chart_draw_of(t)->check != NULL &&
		    cidx_chart_draw_of(t)->size != NULL &&
		    cidx_chart_draw_of(t)->draw != NULL);
		for (size_t j = 0; j < i; j++)
			CHECK(cidx_chart_types[j]->id != t->id);
		CHECK(cidx_chart_find(t->name) == t);
		/* a rule that turns options off names options the type has */
		CHECK((t->unless.when & ~t->opts) == 0);
		CHECK((t->unless.off & ~t->opts) == 0);
		CHECK((t->unless.when == 0) == (t->unless.why == NULL));
		CHECK(t->opts < 1u << CIDX_CHART_OPT_N);
	}
	/* the types of cityidx(1) chart, in its order */
	CHECK_INT(n, sizeof(cli_names) / sizeof(cli_names[0]));
	for (size_t i = 0; i < n; i++)
		CHECK_STR(cidx_chart_types[i]->name, cli_names[i]);
	CHECK(cidx_chart_find("uncertainty") == &cidx_chart_uncert);
	CHECK(cidx_chart_find("uncert") == NULL);
	CHECK(cidx_chart_find("Tiers") == NULL);
	CHECK(cidx_chart_find("") == NULL);
	CHECK(cidx_chart_find(NULL) == NULL);
}

/* the bit number of a CIDX_CHART_OPT_* bit */
static size_t
bit_of(unsigned bit)
{
	size_t b = 0;

	while ((1u << b) != bit)
		b++;
	return b;
}

void
test_charttype__options_a_type_does_not_draw_are_refused(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const char *names[CIDX_CHART_OPT_N] = { NULL };

	names[bit_of(CIDX_CHART_OPT_COMPARE)] = "compare";
	names[bit_of(CIDX_CHART_OPT_TOP)] = "top";
	names[bit_of(CIDX_CHART_OPT_TIERS)] = "tiers";
	names[bit_of(CIDX_CHART_OPT_BY)] = "by";
	names[bit_of(CIDX_CHART_OPT_BY_SCORE)] = "by";
	names[bit_of(CIDX_CHART_OPT_DRAWS)] = "weights-noise";
	names[bit_of(CIDX_CHART_OPT_LABELS)] = "labels";

	CHECK_INT(cidx_chart_opts_check(&cidx_chart_movers,
	    CIDX_CHART_OPT_COMPARE | CIDX_CHART_OPT_TOP, names, &err), 0);
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_tiers,
	    CIDX_CHART_OPT_COMPARE, names, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "tiers: --compare does not apply to this chart "
	    "type (only to movers)");
	/* the first refused, in the order of the bits */
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_profile,
	    CIDX_CHART_OPT_LABELS | CIDX_CHART_OPT_TOP, names, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "profile: --top does not apply to this chart "
	    "type (only to tiers, pillars, movers, heatmap, map, uncertainty, "
	    "trend)");
	/* the name as the caller took it */
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_profile,
	    CIDX_CHART_OPT_DRAWS, names, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "profile: --weights-noise does not apply to this "
	    "chart type (only to uncertainty)");
	/* --by score turns --top and --tiers off for a map, not --labels */
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_map, CIDX_CHART_OPT_TOP |
	    CIDX_CHART_OPT_TIERS | CIDX_CHART_OPT_BY, names, &err), 0);
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_map, CIDX_CHART_OPT_BY |
	    CIDX_CHART_OPT_BY_SCORE | CIDX_CHART_OPT_LABELS, names, &err), 0);
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_map, CIDX_CHART_OPT_BY |
	    CIDX_CHART_OPT_BY_SCORE | CIDX_CHART_OPT_TIERS, names, &err),
	    CIDX_EINVAL);
	CHECK_STR(err.msg, "map: --tiers does not apply to a map filled by "
	    "score (--by score)");
	/* --by score is --by to the other types */
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_tiers, CIDX_CHART_OPT_BY |
	    CIDX_CHART_OPT_BY_SCORE, names, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "tiers: --by does not apply to this chart type "
	    "(only to heatmap, map)");
	/* no names: still a message */
	CHECK_INT(cidx_chart_opts_check(&cidx_chart_pillars,
	    CIDX_CHART_OPT_OF, NULL, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "pillars: --? does not apply to this chart type "
	    "(only to heatmap)");
	CHECK_INT(cidx_chart_opts_check(NULL, 0, names, &err), CIDX_EINVAL);
}
