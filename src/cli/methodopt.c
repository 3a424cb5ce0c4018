/*
 * methodopt.c - method options, and the engine they describe
 * (methodopt.h).  The values are read by the library's vocabulary
 * (calc/methodvocab.h) and the workspace is the ws layer's (ws/ws.h);
 * this file only routes options and prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/effweight.h"
#include "cli/cli.h"
#include "cli/methodopt.h"

#include "version.h"

void
cli_method_opts_init(struct cli_method_opts *o)
{
	struct cidx_method m = CIDX_METHOD_INIT;

	memset(o, 0, sizeof(*o));
	o->m = m;
	o->wmethod = CIDX_WM_FILE;
}

void
cli_method_opts_release(struct cli_method_opts *o)
{
	free(o->set);
	free(o->given_ch);
	free(o->given_arg);
	memset(o, 0, sizeof(*o));
}

static int
set_item(struct cidx_method *m, int ch, const char *arg, const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;
	enum cidx_mkey key = (enum cidx_mkey)(ch - OPT_MK);

	if (cidx_method_set(m, key, arg, &err) < 0)
		return cli_usage_error(cmd, "--%s: %s",
		    cidx_method_items[key].option, err.msg);
	return 1;
}

int
cli_method_option(struct cli_method_opts *o, int ch, const char *arg,
    const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (ch >= OPT_MK && ch < OPT_MK + CIDX_MK_N) {
		o->given_ch = cidx_xreallocarray(o->given_ch, o->n_given + 1,
		    sizeof(int));
		o->given_arg = cidx_xreallocarray(o->given_arg, o->n_given + 1,
		    sizeof(char *));
		o->given_ch[o->n_given] = ch;
		o->given_arg[o->n_given++] = arg;
		return set_item(&o->m, ch, arg, cmd);
	}
	switch (ch) {
	case OPT_METHOD_FILE:
		o->method_file = arg;
		return 1;
	case OPT_SET:
		o->set = cidx_xreallocarray(o->set, o->nset + 1, sizeof(char *));
		o->set[o->nset++] = arg;
		return 1;
	case OPT_WEIGHTS:
		o->weights_file = arg;
		return 1;
	case OPT_WEIGHTS_METHOD:
		if (cidx_wmethod_parse(arg, &o->wmethod, &o->ahp_path,
		    &o->alpha, &err) < 0)
			return cli_usage_error(cmd, "weights method %s",
			    err.msg);
		o->weights_method = arg;
		return 1;
	}
	return 0;
}

/* the library's warnings, as the command line's */
static void
warn(void *ctx, const char *msg)
{
	(void)ctx;
	cli_warn("%s", msg);
}

int
cli_engine_open(struct cli_engine *e, struct cli_method_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ws_opts wo = CIDX_WS_OPTS_INIT;
	struct cidx_ws_method *m = &wo.method;
	enum cidx_mkey *given;
	int ret;

	memset(e, 0, sizeof(*e));
	e->o = o;
	given = cidx_xcalloc(o->n_given ? o->n_given : 1, sizeof(*given));
	for (size_t i = 0; i < o->n_given; i++)
		given[i] = (enum cidx_mkey)(o->given_ch[i] - OPT_MK);
	m->m = o->m;
	m->method_file = o->method_file;
	m->given = given;
	m->given_arg = o->given_arg;
	m->n_given = o->n_given;
	m->weights_file = o->weights_file;
	m->set = o->set;
	m->nset = o->nset;
	m->weights_method = o->weights_method;
	m->wmethod = o->wmethod;
	m->ahp_path = o->ahp_path;
	m->alpha = o->alpha;
	m->weights_level = o->weights_level;
	m->weights_panel = o->weights_panel;
	wo.warn = warn;
	ret = cidx_ws_open(&e->ws, cli_workspace(), &wo, &err);
	free(given);
	if (ret < 0)
		return cli_error_core(&err);
	o->m = cidx_ws_method(e->ws)->m;
	e->st = cidx_ws_store(e->ws);
	e->fw = cidx_ws_framework(e->ws);
	e->eng = cidx_ws_engine(e->ws);
	e->over = cidx_ws_overrides(e->ws);
	return CLI_OK;
}

void
cli_engine_close(struct cli_engine *e)
{
	cidx_ws_close(e->ws);
	memset(e, 0, sizeof(*e));
}

int
cli_engine_years(struct cli_engine *e, int want, int compare, int *year,
    int *cyear)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_ws_years(e->ws, want, compare, year, cyear, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cli_engine_derive(struct cli_engine *e, int year)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_ws_derive(e->ws, year, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cli_engine_rank(struct cli_engine *e, int year,
    const struct cidx_tierspec *ts, size_t top, struct cidx_ranking **out)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_ws_rank(e->ws, year, ts, top, out, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

const struct cidx_dataset *
cli_engine_prepared(struct cli_engine *e, int year,
    const struct cidx_prep_report **rep)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cidx_dataset *ds;

	if (cidx_ws_prepared(&ds, rep, e->ws, year, &err) < 0) {
		cli_error_core(&err);
		return NULL;
	}
	return ds;
}

/* ---- description and provenance ------------------------------------ */

char *
cli_gap_text(const struct cidx_framework *fw,
    const struct cidx_prep_report *rep, int year, int zh)
{
	return cidx_ws_gap_text(fw, rep, year, zh);
}

void
cli_engine_describe(struct cli_engine *e, struct sbuf *sb)
{
	cidx_ws_describe(e->ws, sb);
}

void
cli_engine_write_method(struct cli_engine *e, struct cidx_jsonw *w,
    int year, const char *tiers, long top, long dark)
{
	const struct cli_method_opts *o = e->o;
	const struct cidx_dataset *ds = NULL;
	struct cidx_method_record rec;
	struct cidx_effweights *eff = NULL;

	(void)cidx_engine_prepared(e->eng, year, &ds, NULL, NULL);
	/* the weights as they entered the year's index; none when the year
	 * cannot be ranked (the command reports why) */
	(void)cidx_engine_effweights(e->eng, year, &eff, NULL);
	memset(&rec, 0, sizeof(rec));
	rec.version = CITYIDX_VERSION;
	rec.weights_method = o->weights_method;
	rec.weights_file = o->weights_file;
	rec.set = o->set;
	rec.n_set = o->nset;
	rec.fw = e->fw;
	rec.weights = cidx_engine_weights(e->eng);
	rec.tiers = tiers;
	rec.top = top;
	rec.dark_horse = dark;
	rec.import_ids = ds ? ds->import_ids : NULL;
	rec.n_import_ids = ds ? ds->n_import_ids : 0;
	rec.eff = eff;
	cidx_method_to_json(w, cidx_engine_method(e->eng), &rec);
	cidx_effweights_free(eff);
}
