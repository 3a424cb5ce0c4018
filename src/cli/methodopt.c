/*
 * methodopt.c - method options, and the engine they describe
 * (methodopt.h).  The values are read by the library's vocabulary
 * (calc/method.h); this file only routes options and prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/effweight.h"
#include "calc/imethod.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "core/json.h"
#include "io/ahpfile.h"
#include "io/methodfile.h"
#include "io/weightsfile.h"

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

/* the method file's method, then what the command line says */
static int
read_method_file(struct cli_engine *e, struct cidx_json **root,
    const struct cidx_json **mobj)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cli_method_opts *o = e->o;
	struct cidx_method m = CIDX_METHOD_INIT;

	if (cidx_methodfile_load(o->method_file, root, mobj, &err) < 0 ||
	    cidx_method_from_json(&m, *mobj, o->method_file, &err) < 0)
		return cli_error_core(&err);
	for (size_t i = 0; i < o->n_given; i++)
		(void)cidx_method_set(&m, (enum cidx_mkey)(o->given_ch[i] -
		    OPT_MK), o->given_arg[i], NULL);
	o->m = m;
	return CLI_OK;
}

static int
source_years(void *ctx, int **out, size_t *n, struct cidx_err *err)
{
	return cidx_store_years(ctx, out, n, err);
}

static int
source_load(void *ctx, const struct cidx_framework *fw, int year,
    struct cidx_dataset **out, struct cidx_err *err)
{
	return cidx_store_load_year(ctx, fw, year, out, err);
}

int
cli_engine_open(struct cli_engine *e, struct cli_method_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_engine_opts eo = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src = { NULL, source_years, source_load };
	struct cidx_json *root = NULL;
	const struct cidx_json *mobj = NULL;
	int ret = CLI_ERROR;

	memset(e, 0, sizeof(*e));
	e->o = o;
	if (o->method_file && (ret = read_method_file(e, &root, &mobj)) !=
	    CLI_OK)
		goto out;
	/* one snapshot: years, framework, names, values and boundaries all
	 * come from one state of the workspace */
	if (cidx_store_open(&e->st, cli_workspace(), 0, &err) < 0 ||
	    cidx_store_snapshot(e->st, &err) < 0 ||
	    cidx_store_load_framework(e->st, &e->fw, &err) < 0)
		goto fail;
	if (mobj) {
		int same = 0;

		if (cidx_methodfile_weights(mobj, o->method_file, e->fw,
		    &e->base, &same, &err) < 0)
			goto fail;
		if (!same)
			cli_warn("'%s' was made with another framework (its "
			    "framework_sha256 differs)", o->method_file);
	}
	if (o->weights_file && cidx_weights_read_file(e->fw, o->weights_file,
	    &e->over, &err) < 0)
		goto fail;
	for (size_t i = 0; i < o->nset; i++)
		if (cidx_weights_parse_set(e->fw, o->set[i], &e->over,
		    &err) < 0)
			goto fail;
	if ((o->wmethod == CIDX_WM_AHP || o->wmethod == CIDX_WM_COMBINE) &&
	    cidx_ahp_read(&e->ahp, e->fw,
	    o->ahp_path, &err) < 0)
		goto fail;
	eo.m = o->m;
	eo.base = &e->base;
	eo.over = &e->over;
	eo.wmethod = o->wmethod;
	eo.ahp = e->ahp;
	eo.wlevel = o->weights_level;
	eo.wpanel = o->weights_panel;
	eo.walpha = o->alpha;
	src.ctx = e->st;
	if (cidx_engine_new(&e->eng, e->fw, &src, &eo, &err) < 0)
		goto fail;
	ret = CLI_OK;
	goto out;
fail:
	ret = cli_error_core(&err);
out:
	cidx_json_free(root);
	return ret;
}

void
cli_engine_close(struct cli_engine *e)
{
	cidx_engine_free(e->eng);
	cidx_wset_release(&e->base);
	cidx_wset_release(&e->over);
	cidx_ahp_free(e->ahp);
	cidx_framework_free(e->fw);
	if (e->st)
		cidx_store_snapshot_end(e->st);
	cidx_store_close(e->st);
	memset(e, 0, sizeof(*e));
}

int
cli_engine_years(struct cli_engine *e, int want, int compare, int *year,
    int *cyear)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const int *years;
	size_t n;

	if (cidx_engine_years(e->eng, &years, &n, &err) < 0)
		return cli_error_core(&err);
	if (n == 0)
		return cli_error("workspace '%s' has no indicator data (run "
		    "'cityidx import')", cidx_store_path(e->st));
	if (cidx_engine_pick_years(e->eng, want, compare, year, cyear,
	    &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cli_engine_derive(struct cli_engine *e, int year)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cidx_wgroup *g;
	size_t ng;

	if (cidx_engine_derive(e->eng, year, &err) < 0)
		return cli_error_core(&err);
	if (e->warned)
		return CLI_OK;
	e->warned = 1;
	g = cidx_engine_groups(e->eng, &ng);
	for (size_t q = 0; q < ng; q++)
		if (e->o->wmethod == CIDX_WM_PCA && g[q].n_used < g[q].n_rows)
			cli_warn("PCA for '%s': %zu of %zu rows dropped for "
			    "missing values", e->fw->node[g[q].parent].code,
			    g[q].n_rows - g[q].n_used, g[q].n_rows);
	for (size_t q = 0; q < ng; q++) {
		if (g[q].n_negative > 0)
			cli_warn("PCA for '%s': %zu negative loading(s) set to "
			    "0", e->fw->node[g[q].parent].code,
			    g[q].n_negative);
		if (g[q].cr >= 0.1)
			cli_warn("AHP for '%s': consistency ratio %.3f >= 0.1: "
			    "the judgements are inconsistent",
			    e->fw->node[g[q].parent].code, g[q].cr);
	}
	return CLI_OK;
}

int
cli_engine_rank(struct cli_engine *e, int year,
    const struct cidx_tierspec *ts, size_t top, struct cidx_ranking **out)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int ret;

	*out = NULL;
	if ((ret = cli_engine_derive(e, year)) != CLI_OK)
		return ret;
	if (cidx_engine_rank(e->eng, year, ts, top, out, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

const struct cidx_dataset *
cli_engine_prepared(struct cli_engine *e, int year,
    const struct cidx_prep_report **rep)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cidx_dataset *ds;

	if (cidx_engine_prepared(e->eng, year, &ds, rep, &err) < 0) {
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
	struct sbuf sb = SBUF_INIT;
	size_t n = rep ? rep->n_empty_pillar : 0;

	if (n == 0)
		return NULL;
	cidx_sbuf_addf(&sb, zh ? "%d年" : "%d has no data for the ", year);
	for (size_t i = 0; i < n; i++) {
		const struct cidx_node *nd = &fw->node[rep->empty_pillar[i]];
		const char *name = zh ? nd->name_zh : nd->name_en;

		if (name == NULL || *name == '\0')
			name = nd->code;
		if (zh)
			cidx_sbuf_addf(&sb, "%s“%s”", i ? "、" : "", name);
		else
			cidx_sbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 < n ? ", " :
			    " and ", name);
	}
	if (zh)
		cidx_sbuf_addf(&sb, "支柱没有数据：本年指数仅由其余%zu个支柱计算（共%zu"
		    "个支柱）", rep->n_pillars - n, rep->n_pillars);
	else
		cidx_sbuf_addf(&sb, " pillar%s: its index is computed from the "
		    "remaining %zu of the %zu pillars", n > 1 ? "s" : "",
		    rep->n_pillars - n, rep->n_pillars);
	return cidx_sbuf_detach(&sb);
}

void
cli_engine_describe(struct cli_engine *e, struct sbuf *sb)
{
	const struct cidx_method *m = cidx_engine_method(e->eng);
	const struct cli_method_opts *o = e->o;
	char b[160];

	/* the preparation steps that run, in their order */
	for (int k = CIDX_MK_DENOMINATE; k <= CIDX_MK_TREAT; k++) {
		if (!cidx_method_runs(m, (enum cidx_mkey)k))
			continue;
		cidx_method_text(m, (enum cidx_mkey)k, b, sizeof(b));
		if (k == CIDX_MK_DENOMINATE)
			cidx_sbuf_adds(sb, "denominate, ");
		else if (k == CIDX_MK_SCREEN) {
			cidx_screen_text(b, sizeof(b), m->screen);
			cidx_sbuf_addf(sb, "screen %s (%d per pillar), ", b,
			    m->screen_pillar);
		} else
			cidx_sbuf_addf(sb, "%s %s, ", cidx_method_items[k].member,
			    b);
	}
	if (m->imethod != CIDX_IM_COMPOSITE) {
		cidx_imethod_label(m, sb);
		if (cidx_imethod_info(m->imethod)->normalised) {
			cidx_method_text(m, CIDX_MK_NORMALISE, b, sizeof(b));
			cidx_sbuf_addf(sb, " on normalise %s%s", b,
			    m->panel ? " (panel)" : "");
		}
		cidx_sbuf_adds(sb, cidx_imethod_info(m->imethod)->missing ==
		    CIDX_IM_COMPLETE ? " (units need every indicator)" :
		    " (missing values skipped)");
	} else {
		cidx_method_text(m, CIDX_MK_NORMALISE, b, sizeof(b));
		cidx_sbuf_addf(sb, "normalise %s%s, ", b,
		    m->panel ? " (panel)" : "");
		cidx_method_text(m, CIDX_MK_AGGREGATE, b, sizeof(b));
		cidx_sbuf_addf(sb, "aggregate %s", b);
	}
	if (o->weights_method)
		cidx_sbuf_addf(sb, ", %s weights derived on %d%s",
		    o->weights_method, cidx_engine_weights_year(e->eng),
		    o->weights_panel || o->wmethod == CIDX_WM_ENTROPY_PANEL ?
		    " (panel)" : "");
	else
		cidx_sbuf_adds(sb, ", framework weights");
	if (o->weights_file)
		cidx_sbuf_addf(sb, " overridden by %s", o->weights_file);
	for (size_t i = 0; i < o->nset; i++)
		cidx_sbuf_addf(sb, "%s%s", i ? ", " : " and set ", o->set[i]);
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
