/*
 * mcvariant.c - the data combinations of a Monte Carlo plan (mc.h,
 * mc_int.h): every (imputation, winmax) preparation of the year, then
 * each normalisation of it, filled into dense arrays once before the
 * runs (cityidx(1), Uncertainty and sensitivity).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/mc_int.h"
#include "calc/imethod.h"
#include "core/mem.h"

static int
same_prep(const struct cidx_method *a, const struct cidx_method *b)
{
	return a->impute == b->impute &&
	    strcmp(a->impute_attr, b->impute_attr) == 0 &&
	    a->treat == b->treat && (!a->treat ||
	    (a->treat_p.skew == b->treat_p.skew &&
	    a->treat_p.kurt == b->treat_p.kurt &&
	    a->treat_p.winmax == b->treat_p.winmax));
}

/* a year prepared with mp: the engine's own (borrowed) or a copy */
static int
prepared(struct cidx_engine *e, int year, const struct cidx_method *mp,
    int same, const struct cidx_dataset **ds, struct cidx_dataset **own,
    struct cidx_err *err)
{
	*own = NULL;
	if (same)
		return cidx_engine_prepared(e, year, ds, NULL, err);
	if (cidx_engine_prepare_with(e, year, mp, own, err) < 0)
		return err ? err->code : CIDX_ERROR;
	*ds = *own;
	return 0;
}

/* --scale panel: the statistics over every year prepared with mp */
static int
panel_stats(struct cidx_engine *e, const struct cidx_method *mp, int same,
    struct cidx_norm_stats *st, struct cidx_err *err)
{
	const int *years;
	size_t ny, nx = 0;
	const gsl_matrix **xs;
	struct cidx_dataset **own;
	int ret;

	if ((ret = cidx_engine_years(e, &years, &ny, err)) < 0)
		return ret;
	xs = cidx_xcalloc(ny + 1, sizeof(*xs));
	own = cidx_xcalloc(ny + 1, sizeof(*own));
	for (size_t t = 0; t < ny && ret == 0; t++) {
		const struct cidx_dataset *ds;

		if (mp->panel_from && (years[t] < mp->panel_from ||
		    years[t] > mp->panel_to))
			continue;
		ret = prepared(e, years[t], mp, same, &ds, &own[t], err);
		if (ret == 0 && ds->x)
			xs[nx++] = ds->x;
	}
	if (ret == 0)
		cidx_calc_norm_stats(cidx_engine_framework(e), xs, nx, st);
	for (size_t t = 0; t < ny; t++)
		cidx_dataset_free(own[t]);
	free(own);
	free(xs);
	return ret;
}

size_t
cidx_mc_variant_bytes(const struct mc_plan *p, int geom, int harm)
{
	/* fill_variant(): z, mask, lz, hz, full */
	size_t cells = mc_add(mc_mul(p->m, p->np), 1);

	return mc_add(mc_mul(mc_mul(cells, sizeof(double)),
	    (size_t)(2 + !!geom + !!harm)), mc_add(p->m, 1));
}

/* one combination's arrays from its normalised scores `s` (rows of the
 * variant's units; map[i]: the row of nominal unit i, or -1) */
static void
fill_variant(struct mc_variant *v, const struct mc_plan *p,
    const struct cidx_framework *fw, const gsl_matrix *s, const long *map,
    int geom, int harm)
{
	size_t np = p->np, cells = p->m * np + 1;

	v->z = cidx_xcalloc(cells, sizeof(double));
	v->mask = cidx_xcalloc(cells, sizeof(double));
	v->lz = geom ? cidx_xcalloc(cells, sizeof(double)) : NULL;
	v->hz = harm ? cidx_xcalloc(cells, sizeof(double)) : NULL;
	v->full = cidx_xcalloc(p->m + 1, 1);
	for (size_t j = 0; j < p->m; j++) {
		v->full[j] = 1;
		for (size_t i = 0; i < np; i++) {
			size_t c = j * np + i;
			double y = s && i < p->n && map[i] >= 0 ?
			    gsl_matrix_get(s, (size_t)map[i], fw->ind[j]) : NAN;
			int has = !isnan(y);

			v->z[c] = has ? y : 0;
			v->mask[c] = has;
			if (geom)
				v->lz[c] = !has ? 0 : y > 0 ? log(y) : NAN;
			if (harm)
				v->hz[c] = !has ? INFINITY : y > 0 ? y : NAN;
			if (!has && i < p->n)
				v->full[j] = 0;
		}
	}
}

/* geom and harm at a level with indicators need them > 0: the leaves do
 * not change between draws, so this is checked once, here */
static int
check_leaves(const struct mc_plan *p, const struct cidx_framework *fw,
    const struct cidx_dataset *ds, const struct mc_variant *v,
    const struct cidx_mc_result *r, size_t *pick, struct cidx_err *err)
{
	char what[400];

	for (size_t g = 0; g < p->n_aggalt; g++)
		for (size_t a = 0; a < p->n_agg; a++) {
			int h = p->how[g * p->n_agg + a];

			if (h == CIDX_AGG_ARITH)
				continue;
			for (size_t c = p->ch_off[a]; c < p->ch_off[a + 1];
			    c++) {
				size_t j = (size_t)p->ch[c];

				if (p->ch[c] < 0 || p->w[p->ch_node[c]] == 0)
					continue;
				for (size_t i = 0; i < p->n; i++) {
					double y = v->z[j * p->np + i];

					if (v->mask[j * p->np + i] == 0 || y > 0)
						continue;
					pick[CIDX_MC_AGGREGATE] = g;
					cidx_mc_describe(what, sizeof(what), r,
					    pick);
					return cidx_err_set(err, CIDX_ENUMERIC,
					    "%s mean needs values > 0: unit "
					    "'%s', '%s' = %g with %s",
					    h == CIDX_AGG_GEOM ? "geometric" :
					    "harmonic", ds->unit[i].code,
					    fw->node[p->ch_node[c]].code, y,
					    what);
				}
			}
		}
	return 0;
}

/* the method m with the imputation and winmax alternatives of pick */
static struct cidx_method
prep_alternative(const struct cidx_method *m, const struct cidx_mc_spec *s,
    const size_t *pick)
{
	struct cidx_method mp = *m;

	if (s->n_alt[CIDX_MC_IMPUTE]) {
		const struct cidx_method *a =
		    &s->alt[CIDX_MC_IMPUTE][pick[CIDX_MC_IMPUTE]];

		mp.impute = a->impute;
		memcpy(mp.impute_attr, a->impute_attr, sizeof(mp.impute_attr));
	}
	if (s->n_alt[CIDX_MC_WINMAX]) {
		const struct cidx_method *a =
		    &s->alt[CIDX_MC_WINMAX][pick[CIDX_MC_WINMAX]];

		mp.treat = a->treat;
		mp.treat_p = a->treat_p;
	}
	return mp;
}

/* the method mp with normalisation alternative k */
static struct cidx_method
norm_alternative(const struct cidx_method *mp, const struct cidx_mc_spec *s,
    size_t k)
{
	struct cidx_method mn = *mp;

	if (s->n_alt[CIDX_MC_NORMALISE]) {
		const struct cidx_method *a = &s->alt[CIDX_MC_NORMALISE][k];

		mn.norm = a->norm;
		mn.norm_p1 = a->norm_p1;
		mn.norm_p2 = a->norm_p2;
	}
	return mn;
}

/* every (imputation, winmax) preparation, then each normalisation */
int
cidx_mc_variants(struct mc_plan *p, struct cidx_engine *e, int year,
    const struct cidx_mc_spec *s, const struct cidx_dataset *ds,
    const struct cidx_mc_result *r, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_engine_framework(e);
	const struct cidx_method *m = cidx_engine_method(e);
	struct cidx_norm_stats *st = cidx_xcalloc(fw->n_ind + 1, sizeof(*st));
	long *map = cidx_xcalloc(p->n + 1, sizeof(long));
	int geom = 0, harm = 0, ret = 0, need_st = m->panel;
	char what[400];

	for (size_t k = 0; p->meth && k < p->n_meth; k++)
		need_st |= p->meth[k].imethod == CIDX_IM_AMPI;
	for (size_t q = 0; q < p->n_aggalt * p->n_agg; q++) {
		geom |= p->how[q] == CIDX_AGG_GEOM;
		harm |= p->how[q] == CIDX_AGG_HARM;
	}
	p->n_var = p->n_imp * p->n_win * p->n_norm;
	p->var = cidx_xcalloc(p->n_var, sizeof(*p->var));
	for (size_t q = 0; q < p->n_imp * p->n_win && ret == 0; q++) {
		size_t pick[CIDX_MC_N_INPUTS] = { 0 };
		struct cidx_method mp;
		const struct cidx_dataset *dp;
		struct cidx_dataset *own = NULL;
		int same;

		pick[CIDX_MC_IMPUTE] = q / p->n_win;
		pick[CIDX_MC_WINMAX] = q % p->n_win;
		mp = prep_alternative(m, s, pick);
		same = same_prep(&mp, m);
		cidx_mc_describe(what, sizeof(what), r, pick);
		if ((ret = prepared(e, year, &mp, same, &dp, &own, err)) < 0 ||
		    (need_st && (ret = panel_stats(e, &mp, same, st,
		    err)) < 0)) {
			if (what[0])
				cidx_err_prefix(err, "%s", what);
			break;
		}
		for (size_t i = 0; i < p->n; i++)
			map[i] = cidx_dataset_find(dp, ds->unit[i].code);
		if (p->pds)
			cidx_mc_index_keep(p, q, ds, dp, map, need_st ? st : NULL);
		for (size_t k = 0; k < p->n_norm && ret == 0; k++) {
			struct cidx_method mn = norm_alternative(&mp, s, k);
			gsl_matrix *sc = NULL;
			size_t v = q * p->n_norm + k;

			pick[CIDX_MC_NORMALISE] = k;
			if (dp->n_units > 0 && dp->x) {
				sc = cidx_matrix_alloc(dp->n_units, fw->n);
				gsl_matrix_set_all(sc, NAN);
				ret = cidx_calc_normalise_with(fw, dp->x, &mn,
				    m->panel ? st : NULL, sc, NULL, err);
			}
			if (ret == 0) {
				fill_variant(&p->var[v], p, fw, sc, map, geom,
				    harm);
				ret = check_leaves(p, fw, ds, &p->var[v], r,
				    pick, err);
			} else {
				cidx_mc_describe(what, sizeof(what), r, pick);
				if (what[0])
					cidx_err_prefix(err, "%s", what);
			}
			if (sc)
				gsl_matrix_free(sc);
		}
		cidx_dataset_free(own);
	}
	free(st);
	free(map);
	return ret;
}
