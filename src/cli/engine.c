/*
 * engine.c - the computation shared by rank, weights, audit and explain:
 * method options, weights (framework, file, --set, derived), the
 * preparation of each year and the ranking.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/weights.h"
#include "cli/cli.h"
#include "cli/engine.h"
#include "cli/out.h"
#include "core/mem.h"
#include "core/num.h"
#include "io/ahp.h"
#include "io/methodfile.h"
#include "io/weights.h"

#ifndef CITYIDX_VERSION
#define CITYIDX_VERSION "0.1.0"
#endif

void
cli_method_opts_init(struct cli_method_opts *o)
{
	struct cidx_method m = CIDX_METHOD_INIT;

	memset(o, 0, sizeof(*o));
	o->m = m;
}

void
cli_method_opts_release(struct cli_method_opts *o)
{
	free(o->set);
	o->set = NULL;
	o->nset = 0;
	free(o->given_ch);
	free(o->given_arg);
	o->given_ch = NULL;
	o->given_arg = NULL;
	o->n_given = 0;
}

static int
parse_impute(struct cidx_method *m, const char *s)
{
	static const struct {
		const char *name;
		enum cidx_impute how;
		int attr;
	} t[] = {
		{ "none", CIDX_IMPUTE_NONE, 0 },
		{ "mean", CIDX_IMPUTE_MEAN, 0 },
		{ "median", CIDX_IMPUTE_MEDIAN, 0 },
		{ "group-mean", CIDX_IMPUTE_GROUP_MEAN, 1 },
		{ "group-median", CIDX_IMPUTE_GROUP_MEDIAN, 1 },
		{ "carry-forward", CIDX_IMPUTE_CARRY_FORWARD, 0 },
	};
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (strlen(t[i].name) != len || strncmp(s, t[i].name, len))
			continue;
		if (t[i].attr != (colon != NULL) ||
		    (colon && (colon[1] == '\0' ||
		    strlen(colon + 1) >= sizeof(m->impute_attr))))
			return -1;
		m->impute = t[i].how;
		snprintf(m->impute_attr, sizeof(m->impute_attr), "%s",
		    colon ? colon + 1 : "");
		return 0;
	}
	return -1;
}

static int
parse_treat(struct cidx_method *m, const char *s)
{
	double a, b, c;
	char extra;

	m->treat = 1;
	if (s == NULL)
		return 0;
	if (sscanf(s, "%lf,%lf,%lf%c", &a, &b, &c, &extra) != 3 || !(a > 0) ||
	    c < 0 || c != floor(c) || c > 1e6)
		return -1;
	m->treat_p.skew = a;
	m->treat_p.kurt = b;
	m->treat_p.winmax = (int)c;
	return 0;
}

int
cli_method_option(struct cli_method_opts *o, int ch, const char *arg,
    const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;
	double v;

	if (!o->replaying && ch >= OPT_AGGREGATE && ch <= OPT_WEIGHTS_METHOD &&
	    ch != OPT_SET && ch != OPT_WEIGHTS && ch != OPT_METHOD_FILE &&
	    ch != OPT_WEIGHTS_METHOD) {
		o->given_ch = xreallocarray(o->given_ch, o->n_given + 1,
		    sizeof(int));
		o->given_arg = xreallocarray(o->given_arg, o->n_given + 1,
		    sizeof(char *));
		o->given_ch[o->n_given] = ch;
		o->given_arg[o->n_given++] = arg;
	}
	switch (ch) {
	case OPT_AGGREGATE:
		if (cidx_method_parse_agg(&o->m, arg, &err) < 0)
			return cli_usage_error(cmd, "--aggregate: %s", err.msg);
		return 1;
	case OPT_DENOMINATE:
		o->m.denominate = 1;
		return 1;
	case OPT_IMPUTE:
		if (parse_impute(&o->m, arg) < 0)
			return cli_usage_error(cmd, "--impute '%s': expected "
			    "none, mean, median, group-mean:ATTR, "
			    "group-median:ATTR or carry-forward", arg);
		return 1;
	case OPT_METHOD:
		if (strcmp(arg, "topsis") == 0)
			o->m.topsis = 1;
		else if (strcmp(arg, "composite") == 0)
			o->m.topsis = 0;
		else
			return cli_usage_error(cmd, "--method '%s': expected "
			    "composite or topsis", arg);
		return 1;
	case OPT_METHOD_FILE:
		o->method_file = arg;
		return 1;
	case OPT_NORMALIZE:
		if (cidx_method_parse_norm(&o->m, arg, &err) < 0)
			return cli_usage_error(cmd, "--normalize: %s", err.msg);
		return 1;
	case OPT_SCALE:
		if (strcmp(arg, "year") == 0)
			o->m.panel = 0;
		else if (strcmp(arg, "panel") == 0)
			o->m.panel = 1;
		else
			return cli_usage_error(cmd, "--scale '%s': expected "
			    "year or panel", arg);
		return 1;
	case OPT_SCREEN:
		if (cidx_num_parse(arg, &v, NULL) < 0 || !(v > 0) || v > 1)
			return cli_usage_error(cmd, "--screen '%s': expected a "
			    "share in (0, 1]", arg);
		o->m.screen = v;
		return 1;
	case OPT_SET:
		o->set = xreallocarray(o->set, o->nset + 1, sizeof(char *));
		o->set[o->nset++] = arg;
		return 1;
	case OPT_TREAT:
		if (parse_treat(&o->m, arg) < 0)
			return cli_usage_error(cmd, "--treat='%s': expected "
			    "SKEW,KURT,WINMAX (e.g. 2.25,3.5,5)", arg);
		return 1;
	case OPT_WEIGHTS:
		o->weights_file = arg;
		return 1;
	case OPT_WEIGHTS_METHOD:
		if (strcmp(arg, "equal") && strcmp(arg, "entropy") &&
		    strcmp(arg, "critic") && strcmp(arg, "pca") &&
		    strncmp(arg, "ahp:", 4) != 0)
			return cli_usage_error(cmd, "weights method '%s': "
			    "expected equal, entropy, critic, pca or "
			    "ahp:FILE", arg);
		o->weights_method = arg;
		return 1;
	}
	return 0;
}

/* --weights FILE, then each --set: they win over every other source */
static int
apply_overrides(struct cli_engine *e)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cli_method_opts *o = e->o;

	if (o->weights_file && cidx_weights_read_file(e->fw, o->weights_file,
	    e->w, &err) < 0)
		return cli_error_core(&err);
	for (size_t i = 0; i < o->nset; i++)
		if (cidx_weights_set(e->fw, o->set[i], e->w, &err) < 0)
			return cli_error_core(&err);
	return CLI_OK;
}

int
cli_engine_open(struct cli_engine *e, struct cli_method_opts *o)
{
	struct cidx_err err = CIDX_ERR_INIT;

	memset(e, 0, sizeof(*e));
	e->o = o;
	if (o->method_file) {
		/* the file's method, then what the command line says */
		struct cidx_method m = CIDX_METHOD_INIT;

		o->m = m;
		if (cidx_methodfile_read(o->method_file, &o->m, &err) < 0)
			return cli_error_core(&err);
		o->replaying = 1;
		for (size_t i = 0; i < o->n_given; i++)
			(void)cli_method_option(o, o->given_ch[i],
			    o->given_arg[i], "rank");
		o->replaying = 0;
	}
	if (cidx_store_open(&e->st, cli_workspace(), 0, &err) < 0 ||
	    cidx_store_load_framework(e->st, &e->fw, &err) < 0)
		return cli_error_core(&err);
	e->w = xcalloc(e->fw->n, sizeof(double));
	cidx_calc_weights_default(e->fw, e->w);
	if (o->method_file) {
		int same = 0;

		if (cidx_methodfile_weights(o->method_file, e->fw, e->w, &same,
		    &err) < 0)
			return cli_error_core(&err);
		if (!same)
			cli_warn("'%s' was made with another framework (its "
			    "framework_sha256 differs)", o->method_file);
	}
	return apply_overrides(e);
}

static void
free_groups(struct cli_engine *e)
{
	for (size_t g = 0; g < e->n_groups; g++) {
		free(e->groups[g].child);
		free(e->groups[g].w);
		free(e->groups[g].diag1);
		free(e->groups[g].diag2);
	}
	free(e->groups);
	e->groups = NULL;
	e->n_groups = 0;
}

void
cli_engine_close(struct cli_engine *e)
{
	if (e->panel) {
		for (size_t t = 0; t < e->panel->n; t++) {
			cidx_dataset_free(e->prep[t]);
			cidx_prep_report_release(&e->rep[t]);
		}
	}
	free(e->prep);
	free(e->rep);
	free(e->years);
	free(e->pstats);
	cidx_panel_free(e->panel);
	free_groups(e);
	free(e->w);
	cidx_framework_free(e->fw);
	cidx_store_close(e->st);
	memset(e, 0, sizeof(*e));
}

/*
 * The panel has a slot per year with data; a year is read from the
 * workspace only when something needs it (one year for a plain ranking,
 * two with movement, all for panel scaling or carry-forward).
 */
static int
load_panel(struct cli_engine *e)
{
	struct cidx_err err = CIDX_ERR_INIT;
	int *years = NULL;
	size_t ny = 0;

	if (e->panel)
		return CLI_OK;
	if (cidx_store_years(e->st, &years, &ny, &err) < 0)
		return cli_error_core(&err);
	e->panel = xcalloc(1, sizeof(*e->panel));
	e->panel->ds = xcalloc(ny ? ny : 1, sizeof(*e->panel->ds));
	e->panel->n = ny;
	e->years = years;
	e->prep = xcalloc(ny ? ny : 1, sizeof(*e->prep));
	e->rep = xcalloc(ny ? ny : 1, sizeof(*e->rep));
	return CLI_OK;
}

static int
load_slot(struct cli_engine *e, size_t t)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (e->panel->ds[t])
		return CLI_OK;
	if (cidx_store_load_year(e->st, e->fw, e->years[t], &e->panel->ds[t],
	    &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

static int
load_all(struct cli_engine *e)
{
	for (size_t t = 0; t < e->panel->n; t++)
		if (load_slot(e, t) != CLI_OK)
			return CLI_ERROR;
	return CLI_OK;
}

int
cli_engine_years(struct cli_engine *e, int want, int o_compare, int *year,
    int *cyear)
{
	size_t k;
	int ret;

	if ((ret = load_panel(e)) != CLI_OK)
		return ret;
	if (e->panel->n == 0)
		return cli_error("workspace '%s' has no indicator data (run "
		    "'cityidx import')", cidx_store_path(e->st));
	*year = want ? want : e->years[e->panel->n - 1];
	for (k = 0; k < e->panel->n && e->years[k] != *year; k++)
		;
	if (k == e->panel->n) {
		struct sbuf sb = SBUF_INIT;

		for (size_t i = 0; i < e->panel->n; i++)
			sbuf_addf(&sb, "%s%d", i ? " " : "", e->years[i]);
		cli_error("no indicator data for year %d (years with data: "
		    "%s)", *year, sb.buf);
		sbuf_release(&sb);
		return CLI_ERROR;
	}
	if (cyear == NULL)
		return CLI_OK;
	if (o_compare == -1)
		*cyear = 0;
	else if (o_compare > 0)
		*cyear = o_compare;
	else
		*cyear = k > 0 ? e->years[k - 1] : 0;
	if (*cyear == *year)
		return cli_error("--compare %d: the year being ranked", *cyear);
	for (k = 0; *cyear > 0 && k < e->panel->n && e->years[k] != *cyear;
	    k++)
		;
	if (*cyear > 0 && k == e->panel->n)
		return cli_error("no indicator data for year %d (--compare)",
		    *cyear);
	return CLI_OK;
}

static long
panel_index(const struct cli_engine *e, int year)
{
	for (size_t t = 0; t < e->panel->n; t++)
		if (e->years[t] == year)
			return (long)t;
	return -1;
}

const struct cidx_dataset *
cli_engine_prepared(struct cli_engine *e, int year,
    const struct cidx_prep_report **rep)
{
	struct cidx_err err = CIDX_ERR_INIT;
	long t;

	if (load_panel(e) != CLI_OK)
		return NULL;
	if ((t = panel_index(e, year)) < 0) {
		cli_error("no indicator data for year %d", year);
		return NULL;
	}
	if (e->prep[t] == NULL) {
		struct cidx_dataset *ds;

		/* carry-forward looks at every other year */
		if ((e->o->m.impute == CIDX_IMPUTE_CARRY_FORWARD ?
		    load_all(e) : load_slot(e, (size_t)t)) != CLI_OK)
			return NULL;
		ds = cidx_dataset_copy(e->panel->ds[t]);

		if (cidx_prepare(e->fw, ds, e->panel, &e->o->m, &e->rep[t],
		    &err) < 0) {
			cidx_dataset_free(ds);
			cidx_prep_report_release(&e->rep[t]);
			cli_error_core(&err);
			return NULL;
		}
		e->prep[t] = ds;
	}
	if (rep)
		*rep = &e->rep[t];
	return e->prep[t];
}

/*
 * Normalisation statistics over every prepared year (--scale panel),
 * computed once: the prepared data do not change afterwards.
 */
static const struct cidx_norm_stats *
panel_stats(struct cli_engine *e)
{
	const gsl_matrix **xs;
	struct cidx_norm_stats *st;
	size_t nx = 0;

	if (e->pstats)
		return e->pstats;
	xs = xcalloc(e->panel->n ? e->panel->n : 1, sizeof(*xs));

	for (size_t t = 0; t < e->panel->n; t++) {
		const struct cidx_dataset *ds =
		    cli_engine_prepared(e, e->years[t], NULL);

		if (ds == NULL) {
			free(xs);
			return NULL;
		}
		if (ds->x)
			xs[nx++] = ds->x;
	}
	st = xcalloc(e->fw->n_ind, sizeof(*st));
	cidx_calc_norm_stats(e->fw, xs, nx, st);
	free(xs);
	e->pstats = st;
	return st;
}

int
cli_engine_rank_ds(struct cli_engine *e, const struct cidx_dataset *ds,
    struct cidx_ranking **out, struct cidx_err *err)
{
	const struct cidx_norm_stats *st = NULL;

	if (e->o->m.panel && !e->o->m.topsis &&
	    (st = panel_stats(e)) == NULL)
		return cidx_err_set(err, CIDX_ERROR, "panel statistics");
	return cidx_ranking_compute_with(out, e->fw, ds, e->w, &e->o->m, st,
	    NULL, 0, err);
}

int
cli_engine_rank(struct cli_engine *e, int year, const struct cidx_tierspec *ts,
    size_t top, struct cidx_ranking **out)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cidx_norm_stats *st = NULL;
	const struct cidx_dataset *ds;
	int ret;

	*out = NULL;
	if ((ret = cli_engine_derive(e, year)) != CLI_OK)
		return ret;
	if ((ds = cli_engine_prepared(e, year, NULL)) == NULL)
		return CLI_ERROR;
	if (e->o->m.panel && !e->o->m.topsis && (st = panel_stats(e)) == NULL)
		return CLI_ERROR;
	ret = cidx_ranking_compute_with(out, e->fw, ds, e->w, &e->o->m, st, ts,
	    top, &err);
	if (ret < 0) {
		cidx_err_prefix(&err, "%d", year);
		return cli_error_core(&err);
	}
	return CLI_OK;
}

/* ---- derived weights ------------------------------------------------ */

static struct cli_wgroup *
add_group(struct cli_engine *e, size_t parent)
{
	const struct cidx_framework *fw = e->fw;
	struct cli_wgroup *g;
	size_t k = fw->child_off[parent + 1] - fw->child_off[parent];

	e->groups = xreallocarray(e->groups, e->n_groups + 1,
	    sizeof(*e->groups));
	g = &e->groups[e->n_groups++];
	memset(g, 0, sizeof(*g));
	g->parent = parent;
	g->k = k;
	g->child = xcalloc(k, sizeof(size_t));
	g->w = xcalloc(k, sizeof(double));
	g->diag1 = xcalloc(k, sizeof(double));
	g->diag2 = xcalloc(k, sizeof(double));
	for (size_t c = 0; c < k; c++) {
		g->child[c] = fw->child[fw->child_off[parent] + c];
		g->diag1[c] = g->diag2[c] = NAN;
	}
	g->value1 = g->value2 = g->value3 = NAN;
	return g;
}

/*
 * The data a group's weights are derived from: for indicators, the
 * prepared raw values (entropy, CRITIC) or the normalised ones (PCA); for
 * aggregates, their scores with the weights derived so far.  Rows of all
 * years are stacked with --panel.
 */
static gsl_matrix *
group_data(struct cli_engine *e, const struct cli_wgroup *g, int level,
    int normalised, int *years, size_t ny, struct cidx_err *err)
{
	const struct cidx_framework *fw = e->fw;
	size_t rows = 0, r = 0;
	gsl_matrix *m;
	struct cidx_ranking **rk = xcalloc(ny, sizeof(*rk));
	const struct cidx_dataset **dss = xcalloc(ny, sizeof(*dss));

	for (size_t y = 0; y < ny; y++) {
		dss[y] = cli_engine_prepared(e, years[y], NULL);
		if (dss[y] == NULL || dss[y]->n_units == 0)
			continue;
		rows += dss[y]->n_units;
		if ((level > 1 || normalised) &&
		    cli_engine_rank_ds(e, dss[y], &rk[y], err) < 0) {
			for (size_t q = 0; q <= y; q++)
				cidx_ranking_free(rk[q]);
			free(rk);
			free(dss);
			return NULL;
		}
	}
	m = cidx_matrix_alloc(rows ? rows : 1, g->k);
	gsl_matrix_set_all(m, NAN);
	for (size_t y = 0; y < ny; y++) {
		const struct cidx_dataset *ds = dss[y];

		if (ds == NULL || ds->n_units == 0)
			continue;
		for (size_t i = 0; i < ds->n_units; i++, r++)
			for (size_t c = 0; c < g->k; c++) {
				size_t node = g->child[c];
				double v = (level > 1 || normalised) ?
				    gsl_matrix_get(rk[y]->s, i, node) :
				    gsl_matrix_get(ds->x, i,
				    (size_t)fw->col[node]);

				gsl_matrix_set(m, r, c, v);
			}
		cidx_ranking_free(rk[y]);
	}
	free(rk);
	free(dss);
	if (rows == 0) {
		gsl_matrix_free(m);
		cidx_err_set(err, CIDX_ENOTFOUND, "no data to derive weights");
		return NULL;
	}
	return m;
}

static int
derive_group(struct cli_engine *e, struct cli_wgroup *g, int level,
    const char *how, int *years, size_t ny, struct cidx_err *err)
{
	gsl_matrix *x;
	int *dir = xcalloc(g->k, sizeof(int));
	int ret;

	for (size_t c = 0; c < g->k; c++)
		dir[c] = e->fw->node[g->child[c]].direction;
	if (strcmp(how, "equal") == 0) {
		for (size_t c = 0; c < g->k; c++)
			g->w[c] = 1.0 / (double)g->k;
		free(dir);
		return 0;
	}
	x = group_data(e, g, level, strcmp(how, "pca") == 0, years, ny, err);
	if (x == NULL) {
		free(dir);
		return CIDX_ERROR;
	}
	if (strcmp(how, "entropy") == 0) {
		ret = cidx_weights_entropy(x, dir, g->w, g->diag1, g->diag2,
		    err);
	} else if (strcmp(how, "critic") == 0) {
		ret = cidx_weights_critic(x, dir, g->w, g->diag1, g->diag2,
		    err);
	} else {
		size_t neg = 0;

		ret = cidx_weights_pca(x, g->w, g->diag1, &g->value1,
		    &g->n_used, &neg, err);
		g->value2 = (double)neg;
		if (ret == 0 && g->n_used < x->size1)
			cli_warn("PCA for '%s': %zu of %zu rows dropped for "
			    "missing values", e->fw->node[g->parent].code,
			    x->size1 - g->n_used, x->size1);
	}
	if (ret < 0)
		cidx_err_prefix(err, "%s weights of the children of '%s'", how,
		    e->fw->node[g->parent].code);
	gsl_matrix_free(x);
	free(dir);
	return ret;
}

static int
derive_ahp(struct cli_engine *e, const char *path, struct cidx_err *err)
{
	struct cidx_ahp *ahp = NULL;
	int ret;

	if ((ret = cidx_ahp_read(&ahp, e->fw, path, err)) < 0)
		return ret;
	for (size_t q = 0; q < ahp->n_groups && ret == 0; q++) {
		struct cli_wgroup *g = add_group(e, ahp->parent[q]);
		double *w = xcalloc(ahp->k[q], sizeof(double));

		if (e->o->weights_level > 0 &&
		    e->fw->node[ahp->parent[q]].level - 1 !=
		    e->o->weights_level) {
			e->n_groups--;
			free(g->child);
			free(g->w);
			free(g->diag1);
			free(g->diag2);
			free(w);
			continue;
		}
		ret = cidx_weights_ahp(ahp->A[q], ahp->k[q], w, &g->value1,
		    &g->value2, &g->value3, err);
		/* the file lists children in framework order */
		for (size_t c = 0; ret == 0 && c < g->k; c++)
			for (size_t d = 0; d < ahp->k[q]; d++)
				if (ahp->child[q][d] == g->child[c]) {
					g->w[c] = w[d];
					e->w[g->child[c]] = w[d];
				}
		if (ret < 0)
			cidx_err_prefix(err, "AHP for '%s'",
			    e->fw->node[ahp->parent[q]].code);
		free(w);
	}
	cidx_ahp_free(ahp);
	return ret;
}

int
cli_engine_derive(struct cli_engine *e, int year)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const char *how = e->o->weights_method;
	const struct cidx_framework *fw;
	int *years, ret = 0;
	size_t ny;

	if (how == NULL || e->weights_year != 0)
		return CLI_OK;
	e->weights_year = year;
	if (load_panel(e) != CLI_OK)
		return CLI_ERROR;
	fw = e->fw;
	if (strncmp(how, "ahp:", 4) == 0) {
		if (derive_ahp(e, how + 4, &err) < 0)
			return cli_error_core(&err);
		for (size_t g = 0; g < e->n_groups; g++)
			if (e->groups[g].value3 >= 0.1)
				cli_warn("AHP for '%s': consistency ratio %.3f "
				    ">= 0.1: the judgements are inconsistent",
				    fw->node[e->groups[g].parent].code,
				    e->groups[g].value3);
		return apply_overrides(e);
	}
	if (e->o->weights_panel) {
		ny = e->panel->n;
		years = xcalloc(ny ? ny : 1, sizeof(int));
		for (size_t t = 0; t < ny; t++)
			years[t] = e->years[t];
	} else {
		ny = 1;
		years = xcalloc(1, sizeof(int));
		years[0] = year;
	}
	/* bottom-up, so aggregate scores use the weights derived below */
	for (int lv = 1; lv < fw->top_level && ret == 0; lv++) {
		if (e->o->weights_level > 0 && lv != e->o->weights_level)
			continue;
		for (size_t a = 0; a < fw->n_agg && ret == 0; a++) {
			size_t p = fw->bottom_up[a];
			struct cli_wgroup *g;

			if (fw->node[p].level != lv + 1)
				continue;
			g = add_group(e, p);
			ret = derive_group(e, g, lv, how, years, ny, &err);
			for (size_t c = 0; ret == 0 && c < g->k; c++)
				e->w[g->child[c]] = g->w[c];
		}
	}
	free(years);
	if (ret < 0)
		return cli_error_core(&err);
	for (size_t g = 0; g < e->n_groups; g++)
		if (strcmp(how, "pca") == 0 && e->groups[g].value2 > 0)
			cli_warn("PCA for '%s': %g negative loading(s) set to 0",
			    fw->node[e->groups[g].parent].code,
			    e->groups[g].value2);
	return apply_overrides(e);
}

/* ---- description and provenance ------------------------------------ */

static const char *
impute_name(enum cidx_impute how)
{
	switch (how) {
	case CIDX_IMPUTE_MEAN:
		return "mean";
	case CIDX_IMPUTE_MEDIAN:
		return "median";
	case CIDX_IMPUTE_GROUP_MEAN:
		return "group-mean";
	case CIDX_IMPUTE_GROUP_MEDIAN:
		return "group-median";
	case CIDX_IMPUTE_CARRY_FORWARD:
		return "carry-forward";
	case CIDX_IMPUTE_NONE:
		break;
	}
	return "none";
}

void
cli_engine_describe(struct cli_engine *e, struct sbuf *sb)
{
	const struct cidx_method *m = &e->o->m;
	char b[128];

	if (m->denominate)
		sbuf_adds(sb, "denominate, ");
	if (m->impute != CIDX_IMPUTE_NONE)
		sbuf_addf(sb, "impute %s%s%s, ", impute_name(m->impute),
		    m->impute_attr[0] ? ":" : "", m->impute_attr);
	if (m->screen > 0) {
		cidx_num_fmt(b, sizeof(b), m->screen, 6);
		sbuf_addf(sb, "screen %s, ", b);
	}
	if (m->treat) {
		char k[32], s[32];

		cidx_num_fmt(s, sizeof(s), m->treat_p.skew, 17);
		cidx_num_fmt(k, sizeof(k), m->treat_p.kurt, 17);
		sbuf_addf(sb, "treat %s,%s,%d, ", s, k, m->treat_p.winmax);
	}
	if (m->topsis) {
		sbuf_adds(sb, "TOPSIS");
	} else {
		cidx_method_norm_name(m, b, sizeof(b));
		sbuf_addf(sb, "normalise %s%s, ", b,
		    m->panel ? " (panel)" : "");
		cidx_method_agg_spec(m, b, sizeof(b));
		sbuf_addf(sb, "aggregate %s", b);
	}
	if (e->o->weights_method)
		sbuf_addf(sb, ", %s weights derived on %d%s",
		    e->o->weights_method, e->weights_year,
		    e->o->weights_panel ? " (panel)" : "");
	else
		sbuf_adds(sb, ", framework weights");
	if (e->o->weights_file)
		sbuf_addf(sb, " overridden by %s", e->o->weights_file);
	for (size_t i = 0; i < e->o->nset; i++)
		sbuf_addf(sb, "%s%s", i ? ", " : " and set ", e->o->set[i]);
}

void
cli_engine_json_method(struct cli_engine *e, FILE *fp, int year,
    const char *tiers, long top, long dark, const char *ind)
{
	const struct cidx_method *m = &e->o->m;
	const struct cidx_dataset *ds = cli_engine_prepared(e, year, NULL);
	char b[128];
	int first = 1;

	fprintf(fp, "{\n%s  \"cityidx\": \"%s\",\n", ind, CITYIDX_VERSION);
	fprintf(fp, "%s  \"steps\": [", ind);
	{
		const char *steps[10];
		size_t n = 0;

		if (m->denominate)
			steps[n++] = "denominate";
		if (m->impute != CIDX_IMPUTE_NONE)
			steps[n++] = "impute";
		if (m->screen > 0)
			steps[n++] = "screen";
		if (m->treat)
			steps[n++] = "treat";
		if (!m->topsis) {
			steps[n++] = "normalise";
			steps[n++] = "aggregate";
		} else {
			steps[n++] = "topsis";
		}
		steps[n++] = "rank";
		if (tiers)
			steps[n++] = "tiers";
		for (size_t i = 0; i < n; i++)
			fprintf(fp, "%s\"%s\"", i ? ", " : "", steps[i]);
	}
	fprintf(fp, "],\n%s  \"denominate\": %s,\n", ind,
	    m->denominate ? "true" : "false");
	fprintf(fp, "%s  \"impute\": \"%s%s%s\",\n", ind, impute_name(m->impute),
	    m->impute_attr[0] ? ":" : "", m->impute_attr);
	fprintf(fp, "%s  \"screen\": ", ind);
	out_json_number(fp, m->screen);
	fprintf(fp, ",\n%s  \"treat\": ", ind);
	if (m->treat) {
		fprintf(fp, "{\"skew\": ");
		out_json_number(fp, m->treat_p.skew);
		fprintf(fp, ", \"kurt\": ");
		out_json_number(fp, m->treat_p.kurt);
		fprintf(fp, ", \"winmax\": %d}", m->treat_p.winmax);
	} else {
		fputs("null", fp);
	}
	cidx_method_norm_name(m, b, sizeof(b));
	fprintf(fp, ",\n%s  \"method\": \"%s\",\n", ind,
	    m->topsis ? "topsis" : "composite");
	fprintf(fp, "%s  \"normalise\": ", ind);
	out_json_string(fp, b);
	fprintf(fp, ",\n%s  \"scale\": \"%s\",\n", ind,
	    m->panel ? "panel" : "year");
	cidx_method_agg_spec(m, b, sizeof(b));
	fprintf(fp, "%s  \"aggregate\": ", ind);
	out_json_string(fp, b);
	fprintf(fp, ",\n%s  \"weights_method\": ", ind);
	out_json_string(fp, e->o->weights_method ? e->o->weights_method :
	    "file");
	fprintf(fp, ",\n%s  \"weights_file\": ", ind);
	out_json_string(fp, e->o->weights_file);
	fprintf(fp, ",\n%s  \"weights_set\": [", ind);
	for (size_t i = 0; i < e->o->nset; i++) {
		fputs(i ? ", " : "", fp);
		out_json_string(fp, e->o->set[i]);
	}
	fprintf(fp, "],\n%s  \"weights\": {", ind);
	for (size_t k = 0; k < e->fw->n; k++) {
		if (e->fw->node[k].level == 0)
			continue;
		fputs(first ? "" : ", ", fp);
		first = 0;
		out_json_string(fp, e->fw->node[k].code);
		fputs(": ", fp);
		out_json_number(fp, e->w[k]);
	}
	fputs("},\n", fp);
	if (tiers) {
		fprintf(fp, "%s  \"tiers\": ", ind);
		out_json_string(fp, tiers);
		fprintf(fp, ",\n%s  \"top\": %ld,\n%s  \"dark_horse\": %ld,\n",
		    ind, top, ind, dark);
	}
	fprintf(fp, "%s  \"ranking\": \"competition, descending score, ties "
	    "by code\",\n", ind);
	fprintf(fp, "%s  \"framework_sha256\": \"%s\",\n", ind,
	    e->fw->checksum);
	fprintf(fp, "%s  \"import_ids\": [", ind);
	for (size_t k = 0; ds && k < ds->n_import_ids; k++)
		fprintf(fp, "%s%d", k ? ", " : "", ds->import_ids[k]);
	fprintf(fp, "]\n%s}", ind);
}
