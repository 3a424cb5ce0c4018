/*
 * explain.c - a unit's score and rank explained (explain.h).
 */
#include <string.h>

#include "core/lookup.h"
#include "ws/explain.h"

/* UNIT by code or name; a unit screening left out says so */
static int
find_unit(const struct cidx_dataset *ds, const struct cidx_prep_report *rep,
    const char *unit, int year, long *row, struct cidx_err *err)
{
	int ret = cidx_dataset_lookup(ds, unit, row, err);

	if (ret != CIDX_ENOTFOUND)
		return ret;
	for (size_t i = 0; i < rep->n_screened; i++)
		if (strcmp(rep->screened[i].code, unit) == 0)
			return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is "
			    "not ranked in %d: screened out, with data for "
			    "%.0f%% of the indicators", unit, year,
			    100 * rep->screened[i].coverage);
	return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is not ranked in "
	    "%d: no unit with that code or name", unit, year);
}

int
cidx_ws_explain(struct cidx_ws_explanation *out, struct cidx_ws *ws,
    const char *unit, const struct cidx_ws_explain_opts *o,
    struct cidx_err *err)
{
	struct cidx_engine *eng = cidx_ws_engine(ws);
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	const struct cidx_prep_report *rep;
	long row;
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_ws_years(ws, o->year, o->compare, &out->year,
	    &out->cyear, err)) < 0 ||
	    (ret = cidx_ws_rank(ws, out->year, NULL, 0, &out->r, err)) < 0 ||
	    (ret = cidx_ws_prepared(&out->ds, &rep, ws, out->year, err)) < 0 ||
	    (ret = find_unit(out->ds, rep, unit, out->year, &row, err)) < 0)
		return ret;
	out->row = (size_t)row;
	if (out->r->rank[row] == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is not "
		    "ranked in %d: it has no index value", unit, out->year);
	if (out->cyear > 0 && (ret = cidx_engine_split(eng,
	    out->ds->unit[row].code, out->year, out->cyear, &out->split,
	    err)) < 0)
		return ret;
	out->rank_change = out->split.rank_then - out->split.rank_now;
	cidx_contributions(&out->contrib, fw, cidx_engine_weights(eng),
	    out->r->s, out->row);
	out->additive = cidx_method_all_arith(cidx_engine_method(eng),
	    fw->top_level);
	return 0;
}

void
cidx_ws_explanation_release(struct cidx_ws_explanation *x)
{
	cidx_contrib_free(x->contrib);
	cidx_ranking_free(x->r);
	memset(x, 0, sizeof(*x));
}
