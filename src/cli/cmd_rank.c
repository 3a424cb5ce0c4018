/*
 * cmd_rank.c - rank units by the composite index of one year, split the
 * top N into tiers and compare with an earlier year.
 *
 * The ranking, the movement and relative performance are the ws
 * layer's (ws/ranking.h); this file parses the options, calls it and
 * hands the results to the writers of rankout.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/imethod.h"
#include "calc/movement.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/rankout.h"
#include "cli/yearopt.h"
#include "cli/textout.h"
#include "core/mem.h"
#include "core/num.h"
#include "store/store.h"
#include "ws/names.h"

struct rank_opts {
	struct cli_year_opts y;
	long limit;
	const char *attr, *output;
	int bom;
	int growth;                  /* --growth BASE; 0: none */
	enum cli_format fmt;
	struct cli_method_opts mo;
};

#define O struct rank_opts
const struct cli_opt cmd_rank_opts[] = {
	CLI_OPT_YEAR(O, y, "year to rank (default: the latest with data)"),
	CLI_OPT_COMPARE("YEAR|none", O, y, "year to measure movement against "
	    "(default: the\nlatest earlier year with data)"),
	CLI_OPT_TOP(O, y, "size of the top group for tiers and entrants\n"
	    "(default 50; 0 = all ranked units)"),
	CLI_OPT_TIERS(O, y, "counts:3,7,40 | breaks:80,60 | quantile:K |\n"
	    "kmeans:K | jenks:K | eis (default jenks:3)"),
	CLI_OPT_DARK(O, y, "places climbed to count as a dark horse "
	    "(default 20)"),
	CLI_OPT_LANG(O, y, "language of the unit names in the table and "
	    "workbook\n(default zh)"),
	CLI_OPT_STRING("attr", 0, "LIST", O, attr, "unit attributes to show "
	    "in the table, comma-separated\n(default: all; 'none' for none)"),
	{ .kind = CLI_K_FORMAT, .name = "format", .arg = "FORMAT",
	  .off = offsetof(O, fmt), .val = CLI_FMTS_TABLE | CLI_FMTS_CSV |
	  CLI_FMTS_JSON | CLI_FMTS_XLSX, .syn = 1,
	  .help = "table (default) | csv | json | xlsx" },
	{ .kind = CLI_K_STRING, .name = "output", .short_name = 'o',
	  .arg = "FILE", .off = offsetof(O, output), .syn = 1,
	  .help = "write to FILE (needed for xlsx)" },
	{ .kind = CLI_K_BOOL, .name = "bom", .off = offsetof(O, bom),
	  .syn = 1, .help = "csv: start with a UTF-8 byte order mark, for "
	  "Excel" },
	CLI_OPT_LONG("limit", "N", O, limit, 0, 100000000,
	    "a whole number >= 0", "table: print only the first N ranked "
	    "rows"),
	CLI_OPT_STRING("relative", 0, "REF", O, y.relative, "100 x index / "
	    "the reference's: mean, unit:CODE,\neither @YEAR (default with "
	    "--tiers eis: mean)"),
	CLI_OPT_INT("growth", "BASE", O, growth, 1, 9999, "a year",
	    "the change of relative performance since BASE (needs\n"
	    "--scale panel or panel:FROM,TO)"),
	CLI_OPT_HELP,
	{ .kind = CLI_K_GROUP, .group = &cli_method_group,
	  .off = offsetof(O, mo), .syn = 1 },
	CLI_OPT_END,
};
#undef O

static int
parse_opts(int argc, char **argv, struct rank_opts *o)
{
	int r;

	if ((r = cli_opt_parse("rank", argc, argv, o, NULL)) != CLI_OK)
		return r;
	if (o->fmt == CLI_FMT_XLSX && o->output == NULL)
		return cli_usage_error("rank", "--format xlsx needs -o FILE");
	return CLI_OK;
}

/* a unit in a warning: its code, and its name when it has one */
static const char *
who(char *buf, size_t n, const char *code, const char *name)
{
	if (strcmp(code, name) == 0)
		snprintf(buf, n, "'%s'", code);
	else
		snprintf(buf, n, "'%s' (%s)", code, name);
	return buf;
}

/* warnings for outputs that have no footer: csv, json, xlsx */
static void
warnings(const struct rank_view *v)
{
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_imethod_info *im =
	    cidx_imethod_info(cidx_engine_method(v->e->eng)->imethod);
	char *gap = cli_gap_text(fw, v->rep, v->year, 0);
	char w[512];

	if (gap)
		cli_warn("%s", gap);
	free(gap);
	if (v->mv && v->mv->basis == CIDX_BASIS_WITHHELD)
		cli_warn("movement against %d withheld: %s", v->cyear,
		    v->mv->why);
	else if (v->mv && v->mv->basis == CIDX_BASIS_COMMON)
		cli_warn("movement against %d is measured on the %d indicators "
		    "with data in both years", v->cyear, v->mv->shared);
	for (size_t j = 0; j < fw->n_ind; j++)
		if (r->skipped[j] > CIDX_SKIP_NODATA)
			cli_warn("indicator '%s' skipped in %d: %s",
			    fw->node[fw->ind[j]].code, v->year,
			    r->skipped[j] == CIDX_SKIP_ONE ?
			    "a single value" : "every value equal");
	for (size_t i = 0; i < r->n; i++)
		if (r->rank[i] == 0 && im->missing == CIDX_IM_COMPLETE)
			cli_warn("unit %s not ranked: no index value in %d "
			    "(%s needs a value of every indicator)",
			    who(w, sizeof(w), v->ds->unit[i].code,
			    rank_shown_name(v, i)), v->year, im->label);
		else if (r->rank[i] == 0)
			cli_warn("unit %s not ranked: no index value in %d",
			    who(w, sizeof(w), v->ds->unit[i].code,
			    rank_shown_name(v, i)), v->year);
	for (size_t i = 0; i < v->rep->n_screened; i++) {
		const struct cidx_screened *sc = &v->rep->screened[i];
		char pct[16];

		cidx_num_fmt_percent(pct, sizeof(pct), sc->coverage);
		cli_warn("unit %s screened out in %d: data for %s of the "
		    "indicators%s%s", who(w, sizeof(w), sc->code,
		    rank_screened_name(v, sc)), v->year, pct,
		    sc->pillar >= 0 ? ", too few in " : "",
		    sc->pillar >= 0 ? fw->node[sc->pillar].code : "");
	}
}

static int
output(struct rank_view *v, const struct rank_opts *o)
{
	struct cidx_ofile *of = NULL;
	int ret;

	if (o->fmt != CLI_FMT_TABLE)
		warnings(v);
	if (o->fmt == CLI_FMT_XLSX)
		return rank_write_xlsx(v, o->output);
	if ((ret = cli_output_open(&of, o->output ? o->output : "-")) !=
	    CLI_OK)
		return ret;
	v->fp = cidx_ofile_fp(of);
	ret = CLI_OK;
	switch (o->fmt) {
	case CLI_FMT_TABLE:
		rank_print_table(v);
		break;
	case CLI_FMT_CSV:
		rank_print_csv(v, o->bom);
		break;
	case CLI_FMT_JSON:
		ret = rank_print_json(v);
		break;
	case CLI_FMT_XLSX:
		break;
	}
	return cli_output_close(&of, ret);
}

int
cmd_rank(int argc, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_year_opts y = CLI_YEAR_OPTS_INIT;
	struct rank_opts o;
	struct rank_view v;
	struct cli_ranked k;
	double *rel = NULL, *gro = NULL;
	int ret;

	memset(&o, 0, sizeof(o));
	o.y = y;
	/* rank writes the scores, the units and what preparation did: the
	 * ranking may take the year's values (one copy of a large year, not
	 * two: issue 17) */
	o.y.frugal = 1;
	o.fmt = CLI_FMT_TABLE;
	memset(&v, 0, sizeof(v));
	memset(&k, 0, sizeof(k));
	cli_method_opts_init(&o.mo);
	if ((ret = parse_opts(argc, argv, &o)) != CLI_OK)
		goto out;
	if ((o.output && (ret = cli_output_check(o.output)) != CLI_OK) ||
	    (ret = cli_ranked_open(&k, &o.mo, &o.y, "rank")) != CLI_OK)
		goto out;
	v.e = &k.e;
	v.workspace = cli_workspace();
	v.year = k.w.year;
	v.cyear = k.w.cyear;
	v.compare_none = o.y.compare == -1;
	v.ds = k.w.ds;
	v.names = k.w.names[o.y.lang == CIDX_LANG_ZH];
	v.english = o.y.lang == CIDX_LANG_EN;
	v.words = o.y.lang_set;
	v.rep = k.w.rep;
	v.r = k.w.r;
	v.mv = k.w.mv;
	v.ts = &k.ts;
	v.top = (size_t)o.y.top;
	v.dark = o.y.dark;
	v.limit = o.limit;
	v.keys = rank_keys(v.ds, o.attr, &v.nkeys);
	if (o.fmt == CLI_FMT_TABLE)
		v.nkeys = cidx_ws_attr_keys_merge(v.keys, v.nkeys);
	if (cidx_ws_relative(&rel, &gro, k.e.ws, &k.w, o.growth, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	v.relative = rel;
	v.growth = gro;
	v.growth_base = o.growth;
	v.ref = &k.w.ref;
	v.ref_index = k.w.ref_index;
	ret = output(&v, &o);
out:
	free(rel);
	free(gro);
	rank_keys_free(v.keys, v.nkeys);
	cli_ranked_close(&k);
	cli_method_opts_release(&o.mo);
	return ret;
}
