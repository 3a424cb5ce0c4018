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
		o->lang_set = 1;
		return 1;
	case 'U': {
		enum cidx_unit_noun n;

		if (cidx_msg_noun_parse(arg, &n) < 0)
			return cli_usage_error(cmd, "--unit-word '%s': expected "
			    "city, region or unit", arg);
		o->noun = (int)n;
		return 1;
	}
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

int
cli_ranked_open(struct cli_ranked *k, struct cli_method_opts *mo,
    const struct cli_year_opts *y, const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_refspec ref;
	int ret;

	memset(k, 0, sizeof(*k));
	if (cidx_tierspec_parse(&k->ts, y->tiers, &err) < 0)
		return cli_usage_error(cmd, "--tiers: %s", err.msg);
	if (y->relative && cidx_refspec_parse(&ref, y->relative, &err) < 0)
		return cli_usage_error(cmd, "--relative %s", err.msg);
	if ((ret = cli_engine_open(&k->e, mo)) != CLI_OK)
		return ret;
	cidx_ws_set_unit_noun(k->e.ws, y->noun);
	ro.year = y->year;
	ro.compare = y->compare;
	ro.top = (size_t)y->top;
	ro.dark = (int)y->dark;
	ro.tiers = &k->ts;
	ro.relative = y->relative ? &ref : NULL;
	ro.frugal = y->frugal;
	ret = cidx_ws_ranking_open(&k->w, k->e.ws, &ro, &err);
	k->ts.ref = k->w.ref_index;
	return ret < 0 ? cli_error_core(&err) : CLI_OK;
}

void
cli_ranked_close(struct cli_ranked *k)
{
	cidx_ws_ranking_release(&k->w);
	cidx_tierspec_release(&k->ts);
	cli_engine_close(&k->e);
	memset(k, 0, sizeof(*k));
}
