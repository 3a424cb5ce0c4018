/*
 * explainunit.c - a unit's score and rank explained (explainunit.h).
 */
#include <string.h>

#include "core/lookup.h"
#include "ws/explainunit.h"

/* why unit `code` (named `text` on the command line) is not ranked in
 * `year`, when it is screened out or has no data there: the error; 0
 * when neither (it may still have no index value) */
static int
why_not_ranked(struct cidx_ws *ws, const char *text, const char *code,
    int year, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	const struct cidx_dataset *ds;
	const struct cidx_prep_report *rep;
	struct sbuf who = SBUF_INIT;
	int ret = 0;

	if ((ret = cidx_ws_prepared(&ds, &rep, ws, year, err)) < 0)
		return ret;
	cidx_sbuf_addf(&who, "'%s'", text);
	if (strcmp(text, code) != 0)
		cidx_sbuf_addf(&who, " (%s)", code);
	for (size_t i = 0; i < rep->n_screened && ret == 0; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		if (strcmp(s->code, code) != 0)
			continue;
		ret = cidx_err_set(err, CIDX_ENOTFOUND, "unit %s is not "
		    "ranked in %d: screened out, with data for %.0f%% of the "
		    "indicators%s%s", who.buf, year, 100 * s->coverage,
		    s->pillar >= 0 ? ", too few in " : "", s->pillar >= 0 ?
		    fw->node[s->pillar].code : "");
	}
	if (ret == 0) {
		int found = 0;

		for (size_t i = 0; i < ds->n_units && !found; i++)
			found = strcmp(ds->unit[i].code, code) == 0;
		if (!found)
			ret = cidx_err_set(err, CIDX_ENOTFOUND, "unit %s is not "
			    "ranked in %d: it has no data in %d", who.buf, year,
			    year);
	}
	cidx_sbuf_release(&who);
	return ret;
}

int
cidx_ws_find_unit(long *row, struct cidx_ws *ws, int year, const char *unit,
    struct cidx_err *err)
{
	const struct cidx_dataset *ds;
	struct cidx_dataset *all;
	long r;
	int ret;

	if ((ret = cidx_ws_prepared(&ds, NULL, ws, year, err)) < 0 ||
	    (ret = cidx_dataset_lookup(ds, unit, row, err)) != CIDX_ENOTFOUND)
		return ret;
	if ((ret = cidx_store_units(cidx_ws_store(ws), &all, err)) < 0)
		return ret;
	ret = cidx_dataset_lookup(all, unit, &r, err);
	if (ret == 0) {
		ret = why_not_ranked(ws, unit, all->unit[r].code, year, err);
		if (ret == 0)
			ret = cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is "
			    "not ranked in %d", unit, year);
	}
	cidx_dataset_free(all);
	return ret;
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
	    (ret = cidx_ws_find_unit(&row, ws, out->year, unit, err)) < 0)
		return ret;
	out->row = (size_t)row;
	if (out->r->rank[row] == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is not "
		    "ranked in %d: it has no index value", unit, out->year);
	if (out->cyear > 0 && ((ret = why_not_ranked(ws, unit,
	    out->ds->unit[row].code, out->cyear, err)) < 0 ||
	    (ret = cidx_engine_split(eng,
	    out->ds->unit[row].code, out->year, out->cyear, &out->split,
	    err)) < 0))
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
