/*
 * ranking.c - a year ranked, its movement and relative performance
 * (ranking.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "ws/names.h"
#include "ws/ranking.h"

/* why the scores of two years cannot be compared, for `what` */
static int
not_common(struct cidx_ws *ws, const char *what, const char *panel,
    struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EOPTION, "%s compares the scores of "
	    "two years: %s", what,
	    cidx_engine_method(cidx_ws_engine(ws))->imethod !=
	    CIDX_IM_COMPOSITE ? "this index method scores each year "
	    "against its own units (use the composite with --scale "
	    "panel, or ampi)" : panel);
}

/* the reference index of relative performance (and of eis tiers), after
 * the weights are fixed on the year ranked */
static int
reference(struct cidx_ws_ranking *k, struct cidx_ws *ws,
    struct cidx_err *err)
{
	char what[64];
	int ret;

	if ((ret = cidx_ws_derive(ws, k->year, err)) < 0)
		return ret;
	if (k->ref.year && k->ref.year != k->year &&
	    !cidx_engine_common_scale(cidx_ws_engine(ws))) {
		snprintf(what, sizeof(what), "a reference in %d", k->ref.year);
		return not_common(ws, what, "put them on one scale with "
		    "--scale panel (or panel:FROM,TO)", err);
	}
	return cidx_engine_reference(cidx_ws_engine(ws), &k->ref, k->year,
	    &k->ref_index, err);
}

int
cidx_ws_ranking_open(struct cidx_ws_ranking *out, struct cidx_ws *ws,
    const struct cidx_ws_rank_opts *o, struct cidx_err *err)
{
	struct cidx_tierspec ts;
	int ret;

	memset(out, 0, sizeof(*out));
	memset(&ts, 0, sizeof(ts));
	out->ref_index = NAN;
	if (o->relative)
		out->ref = *o->relative;
	if (o->tiers)
		ts = *o->tiers;       /* shallow: only ts.ref is set here */
	if (o->frugal)
		cidx_engine_set_frugal(cidx_ws_engine(ws), 1);
	if ((ret = cidx_ws_years(ws, o->year, o->compare, &out->year,
	    &out->cyear, err)) < 0)
		return ret;
	if (((o->tiers && ts.kind == CIDX_TIER_EIS) || o->relative) &&
	    (ret = reference(out, ws, err)) < 0)
		return ret;
	ts.ref = out->ref_index;
	if ((ret = cidx_ws_rank(ws, out->year, o->tiers ? &ts : NULL, o->top,
	    &out->r, err)) < 0)
		return ret;
	if (out->cyear > 0 && (ret = cidx_engine_movement(cidx_ws_engine(ws),
	    out->year, out->cyear, out->r, o->top, o->dark, &out->mv,
	    err)) < 0)
		return ret;
	if ((ret = cidx_engine_prepared_units(cidx_ws_engine(ws), out->year,
	    &out->ds, &out->rep, err)) < 0)
		return ret;
	for (int zh = 0; zh < 2; zh++)
		out->names[zh] = cidx_ws_unit_names(out->ds->unit,
		    out->ds->n_units, zh);
	return 0;
}

void
cidx_ws_ranking_release(struct cidx_ws_ranking *k)
{
	cidx_movement_free(k->mv);
	cidx_ranking_free(k->r);
	for (int zh = 0; zh < 2; zh++)
		cidx_ws_unit_names_free(k->names[zh],
		    k->ds ? k->ds->n_units : 0);
	memset(k, 0, sizeof(*k));
}

/* growth since `base`: 100 (index - index in base) / the reference's
 * index in base */
static int
growth_since(double **gro, struct cidx_ws *ws, struct cidx_ws_ranking *k,
    int base, struct cidx_err *err)
{
	struct cidx_engine *eng = cidx_ws_engine(ws);
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	const struct cidx_ranking *r = k->r;
	struct cidx_ranking *rb = NULL;
	const struct cidx_dataset *db;
	double base_ref = k->ref_index;
	char what[64];
	int ret;

	if (!cidx_engine_common_scale(eng)) {
		snprintf(what, sizeof(what), "--growth %d", base);
		return not_common(ws, what, "put them on one scale with "
		    "--scale panel or panel:FROM,TO (a fixed min/max window)",
		    err);
	}
	if (base == k->year)
		return cidx_err_set(err, CIDX_EOPTION, "--growth %d: the year "
		    "being ranked", base);
	if ((k->ref.year == 0 || isnan(base_ref)) &&
	    (ret = cidx_engine_reference(eng, &k->ref, base, &base_ref,
	    err)) < 0)
		return ret;
	if ((ret = cidx_engine_rank(eng, base, NULL, 0, &rb, err)) < 0 ||
	    (ret = cidx_engine_prepared_units(eng, base, &db, NULL,
	    err)) < 0) {
		cidx_ranking_free(rb);
		return ret;
	}
	*gro = cidx_xcalloc(r->n, sizeof(double));
	for (size_t i = 0; i < r->n; i++) {
		long b = cidx_dataset_find(db, k->ds->unit[i].code);

		(*gro)[i] = r->rank[i] && b >= 0 && rb->rank[b] ? 100 *
		    (gsl_matrix_get(r->s, i, fw->root) - gsl_matrix_get(rb->s,
		    (size_t)b, fw->root)) / base_ref : NAN;
	}
	cidx_ranking_free(rb);
	return 0;
}

int
cidx_ws_relative(double **rel, double **gro, struct cidx_ws *ws,
    struct cidx_ws_ranking *k, int growth, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	const struct cidx_ranking *r = k->r;

	*rel = NULL;
	*gro = NULL;
	if (!isnan(k->ref_index)) {
		*rel = cidx_xcalloc(r->n, sizeof(double));
		for (size_t i = 0; i < r->n; i++)
			(*rel)[i] = r->rank[i] ? 100 * gsl_matrix_get(r->s, i,
			    fw->root) / k->ref_index : NAN;
	}
	if (growth == 0)
		return 0;
	return growth_since(gro, ws, k, growth, err);
}
