/*
 * couplingyear.c - the coupling coordination degree of a year's units over
 * their subsystems (couplingyear.h; cityidx(1), METHOD, Coupling
 * coordination).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/coupling.h"
#include "core/mem.h"
#include "ws/couplingyear.h"

/* the subsystems: --of, else the children of the index with data */
static int
subsystems(size_t **out, size_t *n, const struct cidx_framework *fw,
    const struct cidx_ranking *r, const char *of, struct cidx_err *err)
{
	*out = cidx_xcalloc(fw->n, sizeof(size_t));
	*n = 0;
	if (of == NULL) {
		for (size_t q = fw->child_off[fw->root];
		    q < fw->child_off[fw->root + 1]; q++) {
			size_t k = fw->child[q];
			int any = 0;

			for (size_t i = 0; i < r->n; i++)
				any |= !isnan(gsl_matrix_get(r->s, i, k));
			if (any)
				(*out)[(*n)++] = k;
		}
	} else {
		char *dup = cidx_xstrdup(of), *save = NULL;

		for (char *t = strtok_r(dup, ",", &save); t;
		    t = strtok_r(NULL, ",", &save)) {
			int k = cidx_framework_find(fw, t);

			if (k < 0 || (size_t)k == fw->root ||
			    fw->node[k].level < 1 || *n == fw->n) {
				int ret = cidx_err_set(err, CIDX_EOPTION, "--of: "
				    "'%s' is not a node below the index", t);

				free(dup);
				return ret;
			}
			(*out)[(*n)++] = (size_t)k;
		}
		free(dup);
	}
	if (*n < 2)
		return cidx_err_set(err, CIDX_EOPTION, "coupling coordination "
		    "needs at least two "
		    "subsystems, %s %zu%s", of ? "--of names" : "the index has",
		    *n, of ? "" : " pillar(s) with data this year (name them "
		    "with --of)");
	return 0;
}

/* by D, highest first; NaN and skipped units last; ties keep rank
 * order */
static void
sort_by_d(struct cidx_ws_coupling_row *rows, size_t nr)
{
	for (size_t a = 0; a < nr; a++)
		if (rows[a].grade < 0)
			rows[a].d = NAN;
	for (size_t a = 1; a < nr; a++) {
		struct cidx_ws_coupling_row x = rows[a];
		size_t b = a;

		while (b > 0 && (isnan(rows[b - 1].d) ? !isnan(x.d) :
		    x.d > rows[b - 1].d)) {
			rows[b] = rows[b - 1];
			b--;
		}
		rows[b] = x;
	}
}

/* C, T, D of every ranked unit with a score for each subsystem, by D
 * descending (ties by code); *nr of them */
static int
compute(struct cidx_ws_coupling_row *rows, size_t *nr,
    const struct cidx_framework *fw, const struct cidx_ranking *r,
    const struct cidx_dataset *ds, const size_t *sub, size_t n,
    struct cidx_err *err)
{
	struct cidx_err e = CIDX_ERR_INIT;
	double *u = cidx_xcalloc(n, sizeof(double));
	int ret = 0;

	*nr = 0;
	for (size_t p = 0; p < r->n_ranked && ret == 0; p++) {
		size_t i = r->order[p];
		struct cidx_ws_coupling_row *w = &rows[*nr];
		int all = 1;

		for (size_t k = 0; k < n; k++) {
			u[k] = gsl_matrix_get(r->s, i, sub[k]) / 100;
			all &= !isnan(u[k]);
		}
		if (!all) {
			/* listed after the table (or warned about) */
			w->unit = i;
			w->grade = -1;
			(*nr)++;
			continue;
		}
		if (cidx_coupling(u, n, &w->c, &w->t, &w->d, &e) < 0) {
			size_t k = 0;

			while (k + 1 < n && u[k] >= 0 && u[k] <= 1)
				k++;
			ret = cidx_err_set(err, CIDX_EINVAL, "unit '%s': '%s' "
			    "scores %g: coupling coordination needs scores "
			    "from 0 to 100 (U = score / 100; use --normalize "
			    "minmax:0,100)",
			    ds->unit[i].code, fw->node[sub[k]].code,
			    100 * u[k]);
			break;
		}
		w->unit = i;
		w->grade = cidx_coupling_grade(w->d);
		(*nr)++;
	}
	sort_by_d(rows, *nr);
	free(u);
	return ret;
}

int
cidx_ws_coupling(struct cidx_ws_coupling *out, struct cidx_ws *ws,
    const struct cidx_ws_coupling_opts *o, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_ws_framework(ws);
	int ret;

	memset(out, 0, sizeof(*out));
	if ((ret = cidx_ws_years(ws, o->year, -1, &out->year, NULL, err)) < 0 ||
	    (ret = cidx_ws_rank(ws, out->year, NULL, 0, &out->r, err)) < 0 ||
	    (ret = subsystems(&out->sub, &out->n_sub, fw, out->r, o->of,
	    err)) < 0 ||
	    (ret = cidx_ws_prepared(&out->ds, NULL, ws, out->year, err)) < 0)
		return ret;
	out->rows = cidx_xcalloc(out->r->n + 1, sizeof(*out->rows));
	return compute(out->rows, &out->n_rows, fw, out->r, out->ds, out->sub,
	    out->n_sub, err);
}

void
cidx_ws_coupling_release(struct cidx_ws_coupling *c)
{
	free(c->rows);
	free(c->sub);
	cidx_ranking_free(c->r);
	memset(c, 0, sizeof(*c));
}
