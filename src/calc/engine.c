/*
 * engine.c - the engine's data, weights and rankings (engine.h).
 *
 * The panel has a slot per year with data; a year is read from the
 * source only when something needs it (one year for a plain ranking,
 * two with movement, all for panel scaling or carry-forward), and
 * prepared once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/engine_int.h"
#include "calc/imethod.h"
#include "core/mem.h"

int
cidx_engine_new(struct cidx_engine **out, const struct cidx_framework *fw,
    const struct cidx_source *src, const struct cidx_engine_opts *o,
    struct cidx_err *err)
{
	struct cidx_engine *e;
	const struct cidx_wset *sets[2] = { o->base, o->over };

	*out = NULL;
	for (size_t q = 0; q < 2; q++)
		for (size_t i = 0; sets[q] && i < sets[q]->n; i++)
			if (sets[q]->node[i] >= fw->n ||
			    fw->node[sets[q]->node[i]].level == 0)
				return cidx_err_set(err, CIDX_EINVAL,
				    "weight assignment to a node outside the "
				    "hierarchy");
	if ((o->wmethod == CIDX_WM_AHP || o->wmethod == CIDX_WM_COMBINE) &&
	    o->ahp == NULL)
		return cidx_err_set(err, CIDX_EINVAL,
		    "AHP weights need the judgements");
	e = cidx_xcalloc(1, sizeof(*e));
	e->fw = fw;
	e->src = *src;
	e->o = *o;
	e->w = cidx_xcalloc(fw->n, sizeof(double));
	cidx_calc_weights_default(fw, e->w);
	cidx_engine_apply(e, o->base, 0);
	cidx_engine_apply(e, o->over, 0);
	*out = e;
	return 0;
}

void
cidx_engine_free(struct cidx_engine *e)
{
	if (e == NULL)
		return;
	for (size_t t = 0; t < e->n_years; t++) {
		cidx_dataset_free(e->prep[t]);
		cidx_prep_report_release(&e->rep[t]);
		cidx_dataset_free(e->panel.ds[t]);
	}
	free(e->panel.ds);
	free(e->prep);
	free(e->rep);
	free(e->taken);
	free(e->years);
	free(e->pstats);
	for (size_t g = 0; g < e->n_groups; g++) {
		free(e->groups[g].child);
		free(e->groups[g].w);
		free(e->groups[g].diag1);
		free(e->groups[g].diag2);
	}
	free(e->groups);
	free(e->w);
	free(e);
}

const struct cidx_framework *
cidx_engine_framework(const struct cidx_engine *e)
{
	return e->fw;
}

const struct cidx_method *
cidx_engine_method(const struct cidx_engine *e)
{
	return &e->o.m;
}

const struct cidx_engine_opts *
cidx_engine_opts(const struct cidx_engine *e)
{
	return &e->o;
}

void
cidx_engine_apply(struct cidx_engine *e, const struct cidx_wset *s, int level)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (level == 0 || e->fw->node[s->node[i]].level == level)
			e->w[s->node[i]] = s->w[i];
}

int
cidx_engine_years(struct cidx_engine *e, const int **years, size_t *n,
    struct cidx_err *err)
{
	int ret;

	if (!e->have_years) {
		if ((ret = e->src.years(e->src.ctx, &e->years, &e->n_years,
		    err)) < 0)
			return ret;
		e->have_years = 1;
		e->panel.n = e->n_years;
		e->panel.ds = cidx_xcalloc(e->n_years ? e->n_years : 1,
		    sizeof(*e->panel.ds));
		e->prep = cidx_xcalloc(e->n_years ? e->n_years : 1,
		    sizeof(*e->prep));
		e->rep = cidx_xcalloc(e->n_years ? e->n_years : 1, sizeof(*e->rep));
		e->taken = cidx_xcalloc(e->n_years ? e->n_years : 1, 1);
	}
	*years = e->years;
	*n = e->n_years;
	return 0;
}

static long
year_index(const struct cidx_engine *e, int year)
{
	for (size_t t = 0; t < e->n_years; t++)
		if (e->years[t] == year)
			return (long)t;
	return -1;
}

static int
no_data(const struct cidx_engine *e, int year, const char *what,
    struct cidx_err *err)
{
	struct sbuf sb = SBUF_INIT;

	for (size_t i = 0; i < e->n_years; i++)
		cidx_sbuf_addf(&sb, "%s%d", i ? " " : "", e->years[i]);
	cidx_err_set(err, CIDX_ENOTFOUND, "no indicator data for year %d (%s"
	    "years with data: %s)", year, what, sb.buf);
	cidx_sbuf_release(&sb);
	return CIDX_ENOTFOUND;
}

/* *t: the slot of `year`, once the years are read; CIDX_ENOTFOUND naming
 * the years with data when it has none */
static int
year_slot(struct cidx_engine *e, int year, size_t *t, struct cidx_err *err)
{
	const int *years;
	size_t n;
	long k;
	int ret;

	*t = 0;
	if ((ret = cidx_engine_years(e, &years, &n, err)) < 0)
		return ret;
	if ((k = year_index(e, year)) < 0)
		return no_data(e, year, "", err);
	*t = (size_t)k;
	return 0;
}

/* *t: the index of the latest year at or before index `from` that has
 * data in every pillar, -1 when none */
static int
latest_whole(struct cidx_engine *e, long from, long *t,
    struct cidx_err *err)
{
	for (*t = from; *t >= 0; (*t)--) {
		size_t gaps;
		int ret = cidx_engine_year_gaps(e, e->years[*t], &gaps, err);

		if (ret < 0)
			return ret;
		if (gaps == 0)
			return 0;
	}
	return 0;
}

static int
no_whole_year(const struct cidx_engine *e, struct cidx_err *err)
{
	struct sbuf sb = SBUF_INIT;

	for (size_t i = 0; i < e->n_years; i++)
		cidx_sbuf_addf(&sb, "%s%d", i ? " " : "", e->years[i]);
	cidx_err_set(err, CIDX_ENOTFOUND, "no year has data for every pillar "
	    "of the index (years with data: %s)", sb.buf);
	cidx_sbuf_release(&sb);
	return CIDX_ENOTFOUND;
}

int
cidx_engine_pick_years(struct cidx_engine *e, int want, int compare,
    int *year, int *cyear, struct cidx_err *err)
{
	const int *years;
	size_t n;
	long k;
	int ret;

	if ((ret = cidx_engine_years(e, &years, &n, err)) < 0)
		return ret;
	if (n == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no indicator data");
	if (want) {
		size_t t;

		*year = want;
		if ((ret = year_slot(e, *year, &t, err)) < 0)
			return ret;
		k = (long)t;
	} else if ((ret = latest_whole(e, (long)n - 1, &k, err)) < 0) {
		return ret;
	} else if (k < 0) {
		return no_whole_year(e, err);
	} else {
		*year = years[k];
	}
	if (cyear == NULL)
		return 0;
	if (compare == -1) {
		*cyear = 0;
	} else if (compare > 0) {
		*cyear = compare;
	} else {
		long c;

		if ((ret = latest_whole(e, k - 1, &c, err)) < 0)
			return ret;
		*cyear = c >= 0 ? years[c] : 0;
	}
	if (*cyear == *year)
		return cidx_err_set(err, CIDX_EINVAL, "--compare %d: the year "
		    "being ranked", *cyear);
	if (*cyear > 0 && year_index(e, *cyear) < 0)
		return no_data(e, *cyear, "--compare; ", err);
	return 0;
}

static int
load_slot(struct cidx_engine *e, size_t t, struct cidx_err *err)
{
	if (e->panel.ds[t])
		return 0;
	return e->src.load_year(e->src.ctx, e->fw, e->years[t],
	    &e->panel.ds[t], err);
}

/* a prepared copy of slot t with the preparation of `m` (rep: the
 * caller's, released on failure); with `take`, the slot itself when the
 * preparation does not read the other slots: it is read again from the
 * workspace if it is wanted later, but most commands prepare a year once,
 * and a year of 30,000 x 400 is 96 MB not copied (issue 17) */
static int
prepare_slot(struct cidx_engine *e, size_t t, const struct cidx_method *m,
    int take, struct cidx_dataset **out, struct cidx_prep_report *rep,
    struct cidx_err *err)
{
	struct cidx_dataset *p;
	int ret;

	*out = NULL;
	/* carry-forward looks at every other year */
	if (m->impute == CIDX_IMPUTE_CARRY_FORWARD) {
		for (size_t q = 0; q < e->n_years; q++)
			if ((ret = load_slot(e, q, err)) < 0)
				return ret;
	} else if ((ret = load_slot(e, t, err)) < 0) {
		return ret;
	}
	if (take && m->impute != CIDX_IMPUTE_CARRY_FORWARD) {
		p = e->panel.ds[t];
		e->panel.ds[t] = NULL;
	} else {
		p = cidx_dataset_copy(e->panel.ds[t]);
	}
	if ((ret = cidx_prepare(e->fw, p, &e->panel, m, rep, err)) < 0) {
		cidx_dataset_free(p);
		cidx_prep_report_release(rep);
		return ret;
	}
	*out = p;
	return 0;
}

int
cidx_engine_prepared_units(struct cidx_engine *e, int year,
    const struct cidx_dataset **ds, const struct cidx_prep_report **rep,
    struct cidx_err *err)
{
	size_t t;
	int ret;

	*ds = NULL;
	if ((ret = year_slot(e, year, &t, err)) < 0)
		return ret;
	if (e->prep[t] == NULL && (ret = prepare_slot(e, t, &e->o.m, 1,
	    &e->prep[t], &e->rep[t], err)) < 0)
		return ret;
	*ds = e->prep[t];
	if (rep)
		*rep = &e->rep[t];
	return 0;
}

/* the values a frugal ranking took, prepared again (the same units, in
 * the same order: the preparation is deterministic) */
static int
give_back(struct cidx_engine *e, size_t t, struct cidx_err *err)
{
	struct cidx_prep_report rep;
	struct cidx_dataset *p;
	int ret;

	if ((ret = prepare_slot(e, t, &e->o.m, 1, &p, &rep, err)) < 0)
		return ret;
	e->prep[t]->x = p->x;
	p->x = NULL;
	cidx_dataset_free(p);
	cidx_prep_report_release(&rep);
	e->taken[t] = 0;
	return 0;
}

int
cidx_engine_prepared(struct cidx_engine *e, int year,
    const struct cidx_dataset **ds, const struct cidx_prep_report **rep,
    struct cidx_err *err)
{
	size_t t;
	int ret;

	if ((ret = cidx_engine_prepared_units(e, year, ds, rep, err)) < 0)
		return ret;
	t = (size_t)year_index(e, year);
	if (e->taken[t] && (ret = give_back(e, t, err)) < 0) {
		*ds = NULL;
		return ret;
	}
	return 0;
}

void
cidx_engine_set_frugal(struct cidx_engine *e, int on)
{
	e->frugal = on;
}

int
cidx_engine_year_gaps(struct cidx_engine *e, int year, size_t *n,
    struct cidx_err *err)
{
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;
	struct sbuf sb = SBUF_INIT;
	int ret;

	*n = 0;
	if ((ret = cidx_engine_prepared_units(e, year, &ds, &rep, err)) < 0)
		return ret;
	if ((*n = rep->n_empty_pillar) == 0)
		return 0;
	for (size_t i = 0; i < rep->n_empty_pillar; i++)
		cidx_sbuf_addf(&sb, "%s%s", i ? ", " : "",
		    e->fw->node[rep->empty_pillar[i]].code);
	cidx_err_set(err, CIDX_ENOTFOUND, "%d has no data for %zu of the %zu "
	    "pillars (%s)", year, *n, rep->n_pillars, sb.buf);
	cidx_sbuf_release(&sb);
	return 0;
}

int
cidx_engine_prepare_with(struct cidx_engine *e, int year,
    const struct cidx_method *m, struct cidx_dataset **out,
    struct cidx_err *err)
{
	struct cidx_prep_report rep;
	size_t t;
	int ret;

	*out = NULL;
	if ((ret = year_slot(e, year, &t, err)) < 0 ||
	    (ret = prepare_slot(e, t, m, 0, out, &rep, err)) < 0)
		return ret;
	cidx_prep_report_release(&rep);
	return 0;
}

/*
 * Normalisation statistics over every prepared year (--scale panel),
 * computed once: the prepared data do not change afterwards.
 */
static int
panel_stats(struct cidx_engine *e, const struct cidx_norm_stats **out,
    struct cidx_err *err)
{
	const gsl_matrix **xs;
	size_t nx = 0;
	int ret = 0;

	if (e->pstats == NULL) {
		xs = cidx_xcalloc(e->n_years ? e->n_years : 1, sizeof(*xs));
		for (size_t t = 0; t < e->n_years && ret == 0; t++) {
			const struct cidx_dataset *ds;

			if (e->o.m.panel_from && (e->years[t] <
			    e->o.m.panel_from || e->years[t] > e->o.m.panel_to))
				continue;
			ret = cidx_engine_prepared(e, e->years[t], &ds, NULL,
			    err);
			if (ret == 0 && ds->x)
				xs[nx++] = ds->x;
		}
		if (ret == 0 && nx == 0 && e->o.m.panel_from)
			ret = cidx_err_set(err, CIDX_ENOTFOUND, "--scale "
			    "panel:%d,%d: no year of the window has data",
			    e->o.m.panel_from, e->o.m.panel_to);
		if (ret == 0) {
			e->pstats = cidx_xcalloc(e->fw->n_ind,
			    sizeof(*e->pstats));
			cidx_calc_norm_stats(e->fw, xs, nx, e->pstats);
		}
		free(xs);
	}
	*out = e->pstats;
	return ret;
}

/* the ranking of ds; with `take` (the prepared year's slot, frugal) its
 * values are taken and the scores computed in their memory */
static int
rank(struct cidx_engine *e, const struct cidx_dataset *ds, long take,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_ranking **out,
    struct cidx_err *err)
{
	const struct cidx_norm_stats *st = NULL;
	gsl_matrix *x;
	int ret;

	*out = NULL;
	if (cidx_imethod_panel(&e->o.m) && (ret = panel_stats(e, &st, err)) < 0)
		return ret;
	if (take < 0 || e->o.m.imethod != CIDX_IM_COMPOSITE || ds->x == NULL)
		return cidx_ranking_compute_with(out, e->fw, ds, e->w, &e->o.m,
		    st, tiers, top, err);
	x = e->prep[take]->x;
	e->prep[take]->x = NULL;
	e->taken[take] = 1;
	return cidx_ranking_compute_taking(out, e->fw, ds, &x, e->w, &e->o.m,
	    st, tiers, top, err);
}

int
cidx_engine_rank_ds(struct cidx_engine *e, const struct cidx_dataset *ds,
    struct cidx_ranking **out, struct cidx_err *err)
{
	return rank(e, ds, -1, NULL, 0, out, err);
}

int
cidx_engine_derive(struct cidx_engine *e, int year, struct cidx_err *err)
{
	const int *years;
	size_t n;
	int ret;

	if (e->weights_year != 0)
		return 0;
	if ((ret = cidx_engine_years(e, &years, &n, err)) < 0)
		return ret;
	/* no weights can be derived for a pillar without data */
	if (e->o.wmethod == CIDX_WM_ENTROPY_PANEL && n < 2)
		return cidx_err_set(err, CIDX_EINVAL, "panel entropy weights "
		    "need at least two years with data (the workspace has %s)",
		    n ? "one" : "none");
	if (e->o.wmethod != CIDX_WM_FILE && e->o.wmethod != CIDX_WM_AHP &&
	    e->o.wmethod != CIDX_WM_ENTROPY_PANEL && !e->o.wpanel) {
		size_t gaps;

		if ((ret = cidx_engine_year_gaps(e, year, &gaps, err)) < 0)
			return ret;
		if (gaps > 0) {
			char msg[sizeof(err->msg)];

			snprintf(msg, sizeof(msg), "%s", err ? err->msg : "");
			return cidx_err_set(err, CIDX_ENOTFOUND, "%s: no "
			    "weights can be derived on it", msg);
		}
	}
	e->weights_year = year;
	if (e->o.wmethod == CIDX_WM_FILE)
		return 0;
	return cidx_engine_derive_groups(e, year, err);
}

const double *
cidx_engine_weights(const struct cidx_engine *e)
{
	return e->w;
}

int
cidx_engine_weights_year(const struct cidx_engine *e)
{
	return e->weights_year;
}

const struct cidx_wgroup *
cidx_engine_groups(const struct cidx_engine *e, size_t *n)
{
	*n = e->n_groups;
	return e->groups;
}

int
cidx_engine_rank(struct cidx_engine *e, int year,
    const struct cidx_tierspec *tiers, size_t top, struct cidx_ranking **out,
    struct cidx_err *err)
{
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;
	int ret;

	*out = NULL;
	if ((ret = cidx_engine_derive(e, year, err)) < 0 ||
	    (ret = cidx_engine_prepared(e, year, &ds, &rep, err)) < 0)
		return ret;
	if (rep->thin_pillar >= 0)
		return cidx_err_set(err, CIDX_EINVAL, "%d: pillar '%s' has %zu "
		    "indicator%s with data, fewer than the %d the pillar "
		    "minimum (--screen-pillar) asks of every unit: no unit "
		    "can be ranked", year, e->fw->node[rep->thin_pillar].code,
		    rep->thin_n, rep->thin_n == 1 ? "" : "s",
		    e->o.m.screen_pillar);
	if ((ret = rank(e, ds, e->frugal ? year_index(e, year) : -1, tiers,
	    top, out, err)) < 0)
		cidx_err_prefix(err, "%d", year);
	return ret;
}
