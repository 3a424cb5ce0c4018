/*
 * yearopt.c - the year, compare, top, tiers, dark-horse and language
 * options (yearopt.h).
 */
#include <math.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/yearopt.h"
#include "core/mem.h"

int
cli_year_option(struct cli_year_opts *o, int ch, const char *arg,
    const char *cmd)
{
	long v;

	switch (ch) {
	case 'y':
		if (cli_parse_long(arg, 1000, 9999, &v) < 0)
			return cli_usage_error(cmd, "--year '%s': expected a "
			    "year 1000..9999", arg);
		o->year = (int)v;
		return 1;
	case 'c':
		if (strcmp(arg, "none") == 0)
			o->compare = -1;
		else if (cli_parse_long(arg, 1000, 9999, &v) < 0)
			return cli_usage_error(cmd, "--compare '%s': expected "
			    "a year 1000..9999 or 'none'", arg);
		else
			o->compare = (int)v;
		return 1;
	case 'T':
		if (cli_parse_long(arg, 0, 100000000, &o->top) < 0)
			return cli_usage_error(cmd, "--top '%s': expected a "
			    "whole number >= 0", arg);
		return 1;
	case 't':
		o->tiers = arg;
		return 1;
	case 'D':
		if (cli_parse_long(arg, 1, 1000000, &o->dark) < 0)
			return cli_usage_error(cmd, "--dark-horse '%s': "
			    "expected a whole number >= 1", arg);
		return 1;
	case 'l':
		if (strcmp(arg, "zh") && strcmp(arg, "en"))
			return cli_usage_error(cmd, "--lang '%s': expected zh "
			    "or en", arg);
		o->lang = strcmp(arg, "en") == 0 ? CIDX_LANG_EN :
		    CIDX_LANG_ZH;
		return 1;
	}
	return 0;
}

int
cli_year_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	int r = cli_year_option(field, o->val, arg, cmd);

	return r == 1 ? 0 : r;
}

/* the reference index of relative performance (and of eis tiers), after
 * the weights are fixed on the year ranked */
static int
reference(struct cli_ranked *k)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	if ((ret = cli_engine_derive(&k->e, k->year)) != CLI_OK)
		return ret;
	if (k->ref.year && k->ref.year != k->year &&
	    !cidx_engine_common_scale(k->e.eng))
		return cli_error("a reference in %d compares the scores of "
		    "two years: %s", k->ref.year,
		    cidx_engine_method(k->e.eng)->imethod !=
		    CIDX_IM_COMPOSITE ? "this index method scores each year "
		    "against its own units (use the composite with --scale "
		    "panel, or ampi)" : "put them on one scale with --scale "
		    "panel (or panel:FROM,TO)");
	if (cidx_engine_reference(k->e.eng, &k->ref, k->year, &k->ref_index,
	    &err) < 0)
		return cli_error_core(&err);
	k->ts.ref = k->ref_index;
	return CLI_OK;
}

int
cli_ranked_open(struct cli_ranked *k, struct cli_method_opts *mo,
    const struct cli_year_opts *y, const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	memset(k, 0, sizeof(*k));
	k->ref_index = NAN;
	if (cidx_tierspec_parse(&k->ts, y->tiers, &err) < 0)
		return cli_usage_error(cmd, "--tiers: %s", err.msg);
	if (y->relative && cidx_refspec_parse(&k->ref, y->relative, &err) < 0)
		return cli_usage_error(cmd, "--relative %s", err.msg);
	if ((ret = cli_engine_open(&k->e, mo)) != CLI_OK ||
	    (ret = cli_engine_years(&k->e, y->year, y->compare, &k->year,
	    &k->cyear)) != CLI_OK)
		return ret;
	if ((k->ts.kind == CIDX_TIER_EIS || y->relative) &&
	    (ret = reference(k)) != CLI_OK)
		return ret;
	if ((ret = cli_engine_rank(&k->e, k->year, &k->ts, (size_t)y->top,
	    &k->r)) != CLI_OK)
		return ret;
	if (k->cyear > 0 && cidx_engine_movement(k->e.eng, k->year, k->cyear,
	    k->r, (size_t)y->top, (int)y->dark, &k->mv, &err) < 0)
		return cli_error_core(&err);
	k->ds = cli_engine_prepared(&k->e, k->year, &k->rep);
	return CLI_OK;
}

void
cli_ranked_close(struct cli_ranked *k)
{
	cidx_movement_free(k->mv);
	cidx_ranking_free(k->r);
	cidx_tierspec_release(&k->ts);
	cli_engine_close(&k->e);
	memset(k, 0, sizeof(*k));
}
