/*
 * prepare.c - the preparation steps on one year's dataset, in their fixed
 * order: denominate -> impute -> screen -> treat (cityidx(1), METHOD,
 * Preparation).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/prepare.h"
#include "core/mem.h"

void
cidx_prep_report_release(struct cidx_prep_report *r)
{
	for (size_t i = 0; i < r->n_screened; i++) {
		free(r->screened[i].code);
		free(r->screened[i].name);
		free(r->screened[i].name_en);
	}
	free(r->screened);
	free(r->empty_pillar);
	free(r->coverage);
	free(r->treat);
	free(r->treat_source);
	memset(r, 0, sizeof(*r));
}

/* column of the denominator of indicator column j: in x (>= 0: x column),
 * in den (encoded as -2 - c), or -1 for none */
static long
den_column(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    size_t j)
{
	const char *d = fw->node[fw->ind[j]].denominator;
	int k;

	if (d == NULL || (k = cidx_framework_find(fw, d)) < 0)
		return -1;
	if (fw->col[k] >= 0)
		return fw->col[k];
	for (size_t c = 0; c < ds->n_den; c++)
		if (ds->den_node[c] == (size_t)k)
			return -2 - (long)c;
	return -1;
}

static double
den_value(const struct cidx_dataset *ds, const gsl_matrix *x0, size_t i,
    long dc)
{
	if (dc >= 0)
		return gsl_matrix_get(x0, i, (size_t)dc);
	return ds->den ? gsl_matrix_get(ds->den, i, (size_t)(-2 - dc)) : NAN;
}

/* value of unit i, column j, denominated if asked (x0: undenominated) */
static double
prepared_value(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const gsl_matrix *x0, size_t i, size_t j, int denominate)
{
	double v = gsl_matrix_get(x0, i, j), d;
	long dc;

	if (!denominate || isnan(v) || (dc = den_column(fw, ds, j)) == -1)
		return v;
	d = den_value(ds, x0, i, dc);
	return isnan(d) || d == 0 ? NAN : v / d;
}

static void
denominate(const struct cidx_framework *fw, struct cidx_dataset *ds,
    struct cidx_prep_report *rep)
{
	gsl_matrix *x0 = cidx_matrix_alloc(ds->x->size1, ds->x->size2);

	/* denominators that are indicators use their raw values */
	gsl_matrix_memcpy(x0, ds->x);
	for (size_t j = 0; j < fw->n_ind; j++) {
		long dc = den_column(fw, ds, j);

		if (dc == -1)
			continue;
		for (size_t i = 0; i < ds->n_units; i++) {
			double v = gsl_matrix_get(x0, i, j);

			if (isnan(v))
				continue;
			v = prepared_value(fw, ds, x0, i, j, 1);
			if (isnan(v))
				rep->n_den_missing++;
			else
				rep->n_denominated++;
			gsl_matrix_set(ds->x, i, j, v);
		}
	}
	gsl_matrix_free(x0);
}

static int
carry_forward(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_panel *panel, int denom, struct cidx_prep_report *rep,
    struct cidx_err *err)
{
	size_t here = 0;

	if (panel == NULL || panel->n == 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "carry-forward imputation needs the other years");
	while (here < panel->n && panel->ds[here]->year < ds->year)
		here++;
	for (size_t i = 0; i < ds->n_units; i++)
		for (size_t j = 0; j < fw->n_ind; j++) {
			double v = NAN;

			if (!isnan(gsl_matrix_get(ds->x, i, j)))
				continue;
			/* latest earlier year first, then the next later */
			for (size_t t = here; t-- > 0 && isnan(v);) {
				const struct cidx_dataset *o = panel->ds[t];
				long r = cidx_dataset_find(o, ds->unit[i].code);

				if (r >= 0)
					v = prepared_value(fw, o, o->x,
					    (size_t)r, j, denom);
			}
			for (size_t t = here; t < panel->n && isnan(v); t++) {
				const struct cidx_dataset *o = panel->ds[t];
				long r;

				if (o->year <= ds->year)
					continue;
				r = cidx_dataset_find(o, ds->unit[i].code);
				if (r >= 0)
					v = prepared_value(fw, o, o->x,
					    (size_t)r, j, denom);
			}
			if (!isnan(v)) {
				gsl_matrix_set(ds->x, i, j, v);
				rep->n_imputed++;
			}
		}
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
impute(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_method *m, struct cidx_err *err)
{
	size_t n = ds->n_units, ng = 0, *group = NULL;
	const char **names = NULL;
	double *col = cidx_xmalloc((n ? n : 1) * sizeof(double));
	size_t filled = 0;

	if (m->impute == CIDX_IMPUTE_GROUP_MEAN ||
	    m->impute == CIDX_IMPUTE_GROUP_MEDIAN) {
		/* group ids: the sorted distinct values of the attribute */
		names = cidx_xcalloc(n ? n : 1, sizeof(char *));
		group = cidx_xcalloc(n ? n : 1, sizeof(size_t));
		for (size_t i = 0; i < n; i++) {
			const char *v = cidx_unit_attr(&ds->unit[i],
			    m->impute_attr);

			if (v)
				names[ng++] = v;
		}
		if (ng == 0) {
			free(names);
			free(group);
			free(col);
			return cidx_err_set(err, CIDX_EINVAL,
			    "impute: no unit has the attribute '%s'",
			    m->impute_attr);
		}
		qsort(names, ng, sizeof(char *), cmp_str);
		{
			size_t u = 0;

			for (size_t g = 0; g < ng; g++)
				if (u == 0 || strcmp(names[g], names[u - 1]))
					names[u++] = names[g];
			ng = u;
		}
		for (size_t i = 0; i < n; i++) {
			const char *v = cidx_unit_attr(&ds->unit[i],
			    m->impute_attr);
			const char **hit = v ? bsearch(&v, names, ng,
			    sizeof(char *), cmp_str) : NULL;

			group[i] = hit ? (size_t)(hit - names) : (size_t)-1;
		}
	}
	for (size_t j = 0; j < fw->n_ind; j++) {
		for (size_t i = 0; i < n; i++)
			col[i] = gsl_matrix_get(ds->x, i, j);
		filled += cidx_impute_column(col, n, m->impute, group, ng);
		for (size_t i = 0; i < n; i++)
			gsl_matrix_set(ds->x, i, j, col[i]);
	}
	free(names);
	free(group);
	free(col);
	return (int)(filled > (size_t)0x7fffffff ? 0x7fffffff : filled);
}

/* rep->thin_pillar: a pillar with data that has fewer indicators with
 * data than the pillar minimum asks of every unit (cityidx(1), METHOD,
 * Screen): nobody can be ranked, and the message must say so */
static void
thin_pillar(const struct cidx_framework *fw, const long *pil,
    const char *has, const char *pil_has, const struct cidx_method *m,
    struct cidx_prep_report *rep)
{
	rep->thin_pillar = -1;
	rep->thin_n = 0;
	if (m->screen <= 0 || m->screen_pillar <= 0)
		return;
	for (size_t k = 0; k < fw->n && rep->thin_pillar < 0; k++) {
		size_t cnt = 0;

		if (pil_has[k] < 2)
			continue;
		for (size_t j = 0; j < fw->n_ind; j++)
			cnt += pil[j] == (long)k && has[j];
		if (cnt < (size_t)m->screen_pillar) {
			rep->thin_pillar = (long)k;
			rep->thin_n = cnt;
		}
	}
}

/* each indicator column's pillar as a place among the pillars, in the
 * order of their nodes (-1: none); *np the pillars, pk[p] their nodes */
static void
pillar_places(const struct cidx_framework *fw, const long *pil, long *pp,
    size_t *pk, size_t *np)
{
	long *place = cidx_xcalloc(fw->n, sizeof(long));

	*np = 0;
	for (size_t j = 0; j < fw->n_ind; j++)
		if (pil[j] >= 0)
			place[pil[j]] = 1;
	for (size_t k = 0; k < fw->n; k++)
		if (place[k]) {
			pk[*np] = k;
			place[k] = (long)(*np)++;
		}
	for (size_t j = 0; j < fw->n_ind; j++)
		pp[j] = pil[j] >= 0 ? place[pil[j]] : -1;
	free(place);
}

/* the unit's coverage and the first pillar with data (in node order) in
 * which it has fewer than the pillar minimum, -1 for none; cnt: np */
static double
unit_coverage(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    size_t i, const char *has, const long *pp, const size_t *pk, size_t np,
    const char *pil_has, const struct cidx_method *m,
    const struct cidx_prep_report *rep, size_t *cnt, long *short_pillar)
{
	const double *row = ds->x->data + i * ds->x->tda;
	size_t have = 0;

	memset(cnt, 0, (np ? np : 1) * sizeof(size_t));
	for (size_t j = 0; j < fw->n_ind; j++)
		if (has[j] && !isnan(row[j])) {
			have++;
			if (pp[j] >= 0)
				cnt[pp[j]]++;
		}
	*short_pillar = -1;
	for (size_t p = 0; p < np && *short_pillar < 0; p++)
		if (pil_has[pk[p]] >= 2 && cnt[p] < (size_t)m->screen_pillar)
			*short_pillar = (long)pk[p];
	return rep->n_year_ind ? (double)have / (double)rep->n_year_ind : 0;
}

static void
screened(struct cidx_prep_report *rep, const struct cidx_unit *u, double cov,
    long pillar)
{
	struct cidx_screened *sc;

	rep->screened = cidx_xreallocarray(rep->screened, rep->n_screened + 1,
	    sizeof(*rep->screened));
	sc = &rep->screened[rep->n_screened++];
	sc->code = cidx_xstrdup(u->code);
	sc->name = u->name ? cidx_xstrdup(u->name) : NULL;
	sc->name_en = u->name_en ? cidx_xstrdup(u->name_en) : NULL;
	sc->coverage = cov;
	sc->pillar = pillar;
}

/*
 * Coverage: the share of the year's indicators with data (those with a
 * value for some unit) that the unit has a value for; screening keeps
 * the units with enough of them overall and in every pillar with data
 * (cityidx(1), METHOD, Screen).  A unit's values are counted per pillar
 * in a row of the pillars only, not of every node (issue 17).
 */
static void
screen(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_method *m, struct cidx_prep_report *rep)
{
	size_t n = ds->n_units, nk = 0, ni = fw->n_ind ? fw->n_ind : 1, np;
	int *keep = cidx_xcalloc(n ? n : 1, sizeof(int));
	char *has = cidx_xcalloc(ni, 1);
	long *pil = cidx_xcalloc(ni, sizeof(long));
	long *pp = cidx_xcalloc(ni, sizeof(long));
	size_t *pk = cidx_xcalloc(ni, sizeof(size_t));
	size_t *cnt = cidx_xcalloc(ni, sizeof(size_t));
	char *pil_has = cidx_xcalloc(fw->n, 1);
	double *cov = cidx_xcalloc(n ? n : 1, sizeof(double));

	cidx_pillars(fw, pil);
	pillar_places(fw, pil, pp, pk, &np);
	rep->n_year_ind = 0;
	for (size_t j = 0; j < fw->n_ind; j++) {
		for (size_t i = 0; i < n && !has[j]; i++)
			has[j] = !isnan(gsl_matrix_get(ds->x, i, j));
		rep->n_year_ind += (size_t)has[j];
		if (pil[j] >= 0)
			pil_has[pil[j]] |= has[j] ? 2 : 1;
	}
	/* pil_has[k]: 1 a pillar without data, 3 or 2 a pillar with data */
	for (size_t k = 0; k < fw->n; k++)
		rep->n_pillars += pil_has[k] != 0;
	thin_pillar(fw, pil, has, pil_has, m, rep);
	for (size_t k = 0; k < fw->n; k++)
		if (pil_has[k] == 1) {
			rep->empty_pillar = cidx_xreallocarray(rep->empty_pillar,
			    rep->n_empty_pillar + 1, sizeof(long));
			rep->empty_pillar[rep->n_empty_pillar++] = (long)k;
		}
	for (size_t i = 0; i < n; i++) {
		long short_pillar;

		cov[i] = unit_coverage(fw, ds, i, has, pp, pk, np, pil_has, m,
		    rep, cnt, &short_pillar);
		keep[i] = m->screen <= 0 ||
		    (cov[i] >= m->screen && short_pillar < 0);
		if (!keep[i])
			screened(rep, &ds->unit[i], cov[i],
			    cov[i] >= m->screen ? short_pillar : -1);
	}
	for (size_t i = 0; i < n; i++)
		if (keep[i])
			cov[nk++] = cov[i];
	rep->coverage = cov;
	cidx_dataset_keep(ds, keep);
	free(keep);
	free(has);
	free(pil);
	free(pp);
	free(pk);
	free(cnt);
	free(pil_has);
}

static void
treat(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_method *m, struct cidx_prep_report *rep)
{
	size_t n = ds->n_units;
	double *col = cidx_xmalloc((n ? n : 1) * sizeof(double));
	double *work = cidx_xmalloc((n ? n : 1) * sizeof(double));

	rep->treated = 1;
	rep->treat = cidx_xcalloc(fw->n_ind, sizeof(*rep->treat));
	rep->treat_source = cidx_xcalloc(fw->n_ind, sizeof(int));
	for (size_t j = 0; j < fw->n_ind; j++) {
		const char *o = fw->node[fw->ind[j]].treat;
		struct cidx_treat_params p = m->treat_p;

		if (o && strcmp(o, "none") == 0) {
			rep->treat_source[j] = 2;
			rep->treat[j].action = CIDX_TREAT_NONE;
			rep->treat[j].skew0 = rep->treat[j].skew1 = NAN;
			rep->treat[j].kurt0 = rep->treat[j].kurt1 = NAN;
			continue;
		}
		if (o) {
			/* checked when the framework was built */
			if (cidx_treat_parse(o, &p, NULL) < 0)
				p = m->treat_p;
			rep->treat_source[j] = 1;
		}
		for (size_t i = 0; i < n; i++)
			col[i] = gsl_matrix_get(ds->x, i, j);
		cidx_treat_column(col, n, &p, &rep->treat[j], work);
		for (size_t i = 0; i < n; i++)
			gsl_matrix_set(ds->x, i, j, col[i]);
	}
	free(col);
	free(work);
}

int
cidx_prepare(const struct cidx_framework *fw, struct cidx_dataset *ds,
    const struct cidx_panel *panel, const struct cidx_method *m,
    struct cidx_prep_report *rep, struct cidx_err *err)
{
	int ret;

	memset(rep, 0, sizeof(*rep));
	if (ds->x == NULL)
		return 0;
	if (m->denominate)
		denominate(fw, ds, rep);
	if (m->impute == CIDX_IMPUTE_CARRY_FORWARD) {
		if ((ret = carry_forward(fw, ds, panel, m->denominate, rep,
		    err)) < 0)
			return ret;
	} else if (m->impute != CIDX_IMPUTE_NONE) {
		if ((ret = impute(fw, ds, m, err)) < 0)
			return ret;
		rep->n_imputed += (size_t)ret;
	}
	screen(fw, ds, m, rep);
	if (m->treat && ds->n_units > 0)
		treat(fw, ds, m, rep);
	return 0;
}
