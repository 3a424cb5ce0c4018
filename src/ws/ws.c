/*
 * ws.c - a workspace opened with a method: the store, its framework and
 * the engine over them (ws.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "core/json.h"
#include "io/ahpfile.h"
#include "io/methodfile.h"
#include "io/weightsfile.h"
#include "ws/ws.h"

struct cidx_ws {
	struct cidx_store *st;
	struct cidx_framework *fw;
	struct cidx_engine *eng;
	struct cidx_ws_method method;
	struct cidx_wset base, over;
	struct cidx_ahp *ahp;
	cidx_ws_warn_fn *warn;
	void *warn_ctx;
	int warned;                 /* the derivation's warnings given */
	char *weights_origin;       /* the method file's weights in words;
				       NULL: it has none */
	int noun;                   /* 1 + the unit noun the caller chose;
				       0: the framework's */
};

void
cidx_ws_warn(const struct cidx_ws *ws, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	if (ws->warn == NULL)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = cidx_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ws->warn(ws->warn_ctx, msg);
	free(msg);
}

/* the method file's method, then the items the caller gave over it */
static int
read_method_file(struct cidx_ws *ws, struct cidx_json **root,
    const struct cidx_json **mobj, struct cidx_err *err)
{
	struct cidx_ws_method *o = &ws->method;
	struct cidx_method m = CIDX_METHOD_INIT;

	if (cidx_methodfile_load(o->method_file, root, mobj, err) < 0 ||
	    cidx_method_from_json(&m, *mobj, o->method_file, err) < 0)
		return err->code ? err->code : CIDX_ERROR;
	for (size_t i = 0; i < o->n_given; i++)
		(void)cidx_method_set(&m, o->given[i], o->given_arg[i], NULL);
	o->m = m;
	return 0;
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

/* the weights of the method file, the weights file, --set and the AHP
 * judgements */
static int
read_weights(struct cidx_ws *ws, const struct cidx_json *mobj,
    struct cidx_err *err)
{
	const struct cidx_ws_method *o = &ws->method;
	struct sbuf sb = SBUF_INIT;
	int same = 0;

	if (mobj) {
		if (cidx_methodfile_weights(mobj, o->method_file, ws->fw,
		    &ws->base, &same, err) < 0)
			return -1;
		if (same == 0)
			cidx_ws_warn(ws, "'%s' was made with another framework "
			    "(its framework_sha256 differs)", o->method_file);
		cidx_methodfile_describe_weights(mobj, o->method_file, &sb);
		if (sb.len)
			ws->weights_origin = cidx_sbuf_detach(&sb);
		cidx_sbuf_release(&sb);
	}
	if (o->weights_file && cidx_weights_read_file(ws->fw, o->weights_file,
	    &ws->over, err) < 0)
		return -1;
	for (size_t i = 0; i < o->nset; i++)
		if (cidx_weights_parse_set(ws->fw, o->set[i], &ws->over,
		    err) < 0)
			return -1;
	if ((o->wmethod == CIDX_WM_AHP || o->wmethod == CIDX_WM_COMBINE) &&
	    cidx_ahp_read(&ws->ahp, ws->fw, o->ahp_path, err) < 0)
		return -1;
	return 0;
}

static int
make_engine(struct cidx_ws *ws, struct cidx_err *err)
{
	struct cidx_engine_opts eo = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src = { NULL, source_years, source_load };
	const struct cidx_ws_method *o = &ws->method;

	eo.m = o->m;
	eo.base = &ws->base;
	eo.over = &ws->over;
	eo.wmethod = o->wmethod;
	eo.ahp = ws->ahp;
	eo.wlevel = o->weights_level;
	eo.wpanel = o->weights_panel;
	eo.walpha = o->alpha;
	src.ctx = ws->st;
	return cidx_engine_new(&ws->eng, ws->fw, &src, &eo, err);
}

int
cidx_ws_open(struct cidx_ws **out, const char *path,
    const struct cidx_ws_opts *o, struct cidx_err *err)
{
	struct cidx_ws *ws = cidx_xcalloc(1, sizeof(*ws));
	struct cidx_json *root = NULL;
	const struct cidx_json *mobj = NULL;
	int ret = -1;

	*out = NULL;
	ws->method = o->method;
	ws->warn = o->warn;
	ws->warn_ctx = o->warn_ctx;
	if (ws->method.method_file && read_method_file(ws, &root, &mobj,
	    err) < 0)
		goto out;
	if (cidx_store_open(&ws->st, path, 0, err) < 0 ||
	    cidx_store_snapshot(ws->st, err) < 0 ||
	    cidx_store_load_framework(ws->st, &ws->fw, err) < 0 ||
	    read_weights(ws, mobj, err) < 0 || make_engine(ws, err) < 0)
		goto out;
	ret = 0;
out:
	cidx_json_free(root);
	if (ret < 0) {
		cidx_ws_close(ws);
		return err->code ? err->code : CIDX_ERROR;
	}
	*out = ws;
	return 0;
}

void
cidx_ws_close(struct cidx_ws *ws)
{
	if (ws == NULL)
		return;
	cidx_engine_free(ws->eng);
	cidx_wset_release(&ws->base);
	cidx_wset_release(&ws->over);
	cidx_ahp_free(ws->ahp);
	cidx_framework_free(ws->fw);
	free(ws->weights_origin);
	if (ws->st)
		cidx_store_snapshot_end(ws->st);
	cidx_store_close(ws->st);
	free(ws);
}

struct cidx_store *
cidx_ws_store(const struct cidx_ws *ws)
{
	return ws->st;
}

const struct cidx_framework *
cidx_ws_framework(const struct cidx_ws *ws)
{
	return ws->fw;
}

struct cidx_engine *
cidx_ws_engine(const struct cidx_ws *ws)
{
	return ws->eng;
}

const struct cidx_ws_method *
cidx_ws_method(const struct cidx_ws *ws)
{
	return &ws->method;
}

const char *
cidx_ws_weights_origin(const struct cidx_ws *ws)
{
	return ws->weights_origin;
}

void
cidx_ws_set_unit_noun(struct cidx_ws *ws, int noun)
{
	ws->noun = noun >= 0 && noun < CIDX_NOUN__COUNT ? noun + 1 : 0;
}

enum cidx_unit_noun
cidx_ws_unit_noun(const struct cidx_ws *ws)
{
	if (ws->noun)
		return (enum cidx_unit_noun)(ws->noun - 1);
	return cidx_ws_framework_noun(ws->fw);
}

const struct cidx_wset *
cidx_ws_overrides(const struct cidx_ws *ws)
{
	return &ws->over;
}

int
cidx_ws_years(struct cidx_ws *ws, int want, int compare, int *year,
    int *cyear, struct cidx_err *err)
{
	const int *years;
	size_t n;
	int ret;

	if ((ret = cidx_engine_years(ws->eng, &years, &n, err)) < 0)
		return ret;
	if (n == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "workspace '%s' has no "
		    "indicator data (run 'cityidx import')",
		    cidx_store_path(ws->st));
	return cidx_engine_pick_years(ws->eng, want, compare, year, cyear,
	    err);
}

/* what the derivation of the weights found worth saying, once */
static void
derive_warnings(struct cidx_ws *ws)
{
	const struct cidx_framework *fw = ws->fw;
	const struct cidx_wgroup *g;
	size_t ng;

	ws->warned = 1;
	g = cidx_engine_groups(ws->eng, &ng);
	for (size_t q = 0; q < ng; q++)
		if (ws->method.wmethod == CIDX_WM_PCA && g[q].n_used <
		    g[q].n_rows)
			cidx_ws_warn(ws, "PCA for '%s': %zu of %zu rows dropped "
			    "for missing values", fw->node[g[q].parent].code,
			    g[q].n_rows - g[q].n_used, g[q].n_rows);
	for (size_t q = 0; q < ng; q++) {
		if (g[q].n_negative > 0)
			cidx_ws_warn(ws, "PCA for '%s': %zu negative loading(s) "
			    "set to 0", fw->node[g[q].parent].code,
			    g[q].n_negative);
		if (g[q].cr >= 0.1)
			cidx_ws_warn(ws, "AHP for '%s': consistency ratio %.3f "
			    ">= 0.1: the judgements are inconsistent",
			    fw->node[g[q].parent].code, g[q].cr);
	}
}

int
cidx_ws_derive(struct cidx_ws *ws, int year, struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_engine_derive(ws->eng, year, err)) < 0)
		return ret;
	if (!ws->warned)
		derive_warnings(ws);
	return 0;
}

int
cidx_ws_rank(struct cidx_ws *ws, int year, const struct cidx_tierspec *ts,
    size_t top, struct cidx_ranking **out, struct cidx_err *err)
{
	int ret;

	*out = NULL;
	if ((ret = cidx_ws_derive(ws, year, err)) < 0)
		return ret;
	return cidx_engine_rank(ws->eng, year, ts, top, out, err);
}

int
cidx_ws_prepared(const struct cidx_dataset **out,
    const struct cidx_prep_report **rep, struct cidx_ws *ws, int year,
    struct cidx_err *err)
{
	return cidx_engine_prepared(ws->eng, year, out, rep, err);
}

int
cidx_ws_last_change(struct cidx_ws *ws, char buf[32], struct cidx_err *err)
{
	return cidx_store_last_change(ws->st, buf, err);
}
