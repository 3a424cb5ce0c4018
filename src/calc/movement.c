/*
 * movement.c - rank changes, entrants and dark horses on a common basis
 * (movement.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/movement.h"
#include "core/mem.h"
#include "core/strmap.h"

enum cidx_basis
cidx_movement_basis(struct cidx_movement *mv, const struct cidx_framework *fw,
    const int *cur_skipped, const int *prev_skipped)
{
	long *pil = cidx_xcalloc(fw->n_ind ? fw->n_ind : 1, sizeof(long));
	char *cur_has = cidx_xcalloc(fw->n, 1), *both = cidx_xcalloc(fw->n, 1);

	mv->in_basis = cidx_xcalloc(fw->n_ind ? fw->n_ind : 1, 1);
	mv->n_cur = mv->n_prev = mv->shared = 0;
	mv->why[0] = '\0';
	mv->why_pillar = -1;
	cidx_pillars(fw, pil);
	for (size_t j = 0; j < fw->n_ind; j++) {
		int a = cur_skipped[j] != CIDX_SKIP_NODATA;
		int b = prev_skipped[j] != CIDX_SKIP_NODATA;

		mv->n_cur += a;
		mv->n_prev += b;
		mv->shared += a && b;
		mv->in_basis[j] = (char)(a && b);
		if (a && pil[j] >= 0)
			cur_has[pil[j]] = 1;
		if (a && b && pil[j] >= 0)
			both[pil[j]] = 1;
	}
	if (mv->shared == mv->n_cur && mv->shared == mv->n_prev) {
		mv->basis = CIDX_BASIS_SAME;
	} else if (2 * mv->shared < mv->n_cur) {
		mv->basis = CIDX_BASIS_WITHHELD;
		snprintf(mv->why, sizeof(mv->why), "%d and %d share %d of the "
		    "%d indicators with data in %d, fewer than half",
		    mv->year, mv->cyear, mv->shared, mv->n_cur, mv->year);
	} else {
		mv->basis = CIDX_BASIS_COMMON;
		for (size_t k = 0; k < fw->n; k++)
			if (cur_has[k] && !both[k]) {
				mv->basis = CIDX_BASIS_WITHHELD;
				mv->why_pillar = (long)k;
				snprintf(mv->why, sizeof(mv->why), "pillar '%s' "
				    "has no indicator with data in both %d and "
				    "%d", fw->node[k].code, mv->year,
				    mv->cyear);
				break;
			}
	}
	free(pil);
	free(cur_has);
	free(both);
	return mv->basis;
}

/* the coverage with which screening left `code` out, or NaN when it
 * did not */
static double
screened_cov(const struct cidx_prep_report *rep, const char *code)
{
	for (size_t i = 0; rep && i < rep->n_screened; i++)
		if (strcmp(rep->screened[i].code, code) == 0)
			return rep->screened[i].coverage;
	return NAN;
}

int
cidx_rank_among(const int *rank, const unsigned char *in, size_t n,
    size_t i)
{
	int better = 0;

	for (size_t k = 0; k < n; k++)
		better += in[k] && rank[k] > 0 && rank[k] < rank[i];
	return better + 1;
}

void
cidx_ranks_among(const int *rank, const unsigned char *in, size_t n,
    int *out)
{
	size_t *below, max = 0; /* below[r]: units in with a rank < r */

	for (size_t k = 0; k < n; k++)
		if (in[k] && rank[k] > 0 && (size_t)rank[k] > max)
			max = (size_t)rank[k];
	below = cidx_xcalloc(max + 2, sizeof(*below));
	for (size_t k = 0; k < n; k++)
		if (in[k] && rank[k] > 0)
			below[rank[k] + 1]++;
	for (size_t r = 1; r <= max + 1; r++)
		below[r] += below[r - 1];
	for (size_t i = 0; i < n; i++)
		out[i] = 1 + (int)(rank[i] <= 0 ? 0 : (size_t)rank[i] > max ?
		    below[max + 1] : below[rank[i]]);
	free(below);
}

/* one unit ranked now: its ranks on the basis, then and now, its
 * status then and its coverage in both years */
static void
pair_unit(struct cidx_move *v, const struct cidx_strmap *map,
    const char *code, int basis_rank, const struct cidx_ranking *prev_basis,
    const struct cidx_prep_report *prev_rep, double cov_now)
{
	size_t j;
	int there = cidx_strmap_get(map, code, &j);

	v->basis_rank = basis_rank;
	v->prev = there ? prev_basis->rank[j] : 0;
	v->cov_now = cov_now;
	v->cov_prev = there && prev_rep && prev_rep->coverage ?
	    prev_rep->coverage[j] : screened_cov(prev_rep, code);
	v->prev_status = v->prev > 0 ? CIDX_PREV_RANKED :
	    !isnan(screened_cov(prev_rep, code)) ? CIDX_PREV_SCREENED :
	    CIDX_PREV_NODATA;
	v->has_change = v->prev > 0 && v->basis_rank > 0;
	v->cov_changed = v->has_change && !isnan(v->cov_now) &&
	    !isnan(v->cov_prev) && fabs(v->cov_now - v->cov_prev) > 1e-9;
}

void
cidx_movement_compute(struct cidx_movement *m,
    const struct cidx_dataset *cur_ds, const struct cidx_ranking *cur,
    const struct cidx_ranking *cur_basis, const struct cidx_dataset *prev_ds,
    const struct cidx_ranking *prev_basis,
    const struct cidx_prep_report *cur_rep,
    const struct cidx_prep_report *prev_rep, size_t top, int dark)
{
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	size_t N = top > 0 ? top : cur->n_ranked;
	int *now, *then, *now_c, *then_c;
	unsigned char *in;

	m->top = top;
	m->dark = dark;
	m->n = cur_ds->n_units;
	m->n_common = 0;
	free(m->mv);
	m->mv = cidx_xcalloc(m->n ? m->n : 1, sizeof(*m->mv));
	if (m->basis == CIDX_BASIS_WITHHELD)
		return;
	now = cidx_xcalloc(m->n ? m->n : 1, sizeof(int));
	then = cidx_xcalloc(m->n ? m->n : 1, sizeof(int));
	in = cidx_xcalloc(m->n ? m->n : 1, 1);
	for (size_t i = 0; i < prev_ds->n_units; i++)
		cidx_strmap_put(&map, prev_ds->unit[i].code, i);
	for (size_t i = 0; i < m->n; i++) {
		if (cur->rank[i] == 0)
			continue;
		pair_unit(&m->mv[i], &map, cur_ds->unit[i].code,
		    cur_basis->rank[i], prev_basis, prev_rep,
		    cur_rep && cur_rep->coverage ? cur_rep->coverage[i] : NAN);
		now[i] = m->mv[i].basis_rank;
		then[i] = m->mv[i].prev;
		in[i] = (unsigned char)m->mv[i].has_change;
		m->n_common += in[i];
	}
	/* every unit's cidx_rank_among() at once (3,000 units: 216 M
	 * instructions one by one, issue 17) */
	now_c = cidx_xcalloc(m->n ? m->n : 1, sizeof(int));
	then_c = cidx_xcalloc(m->n ? m->n : 1, sizeof(int));
	cidx_ranks_among(now, in, m->n, now_c);
	cidx_ranks_among(then, in, m->n, then_c);
	for (size_t i = 0; i < m->n; i++) {
		struct cidx_move *v = &m->mv[i];

		if (v->has_change) {
			v->now_common = now_c[i];
			v->prev_common = then_c[i];
			v->change = v->prev_common - v->now_common;
		}
		v->entrant = cur->rank[i] > 0 && (size_t)cur->rank[i] <= N &&
		    v->prev > 0 && (size_t)v->prev > N;
		v->dark = v->entrant && v->has_change && v->change >= dark;
	}
	free(now);
	free(then);
	free(now_c);
	free(then_c);
	free(in);
	cidx_strmap_release(&map);
}

const char *
cidx_basis_name(enum cidx_basis b)
{
	return b == CIDX_BASIS_SAME ? "same" : b == CIDX_BASIS_COMMON ?
	    "common" : "withheld";
}

struct cidx_dataset *
cidx_movement_restrict(const struct cidx_dataset *ds, const char *in_basis)
{
	struct cidx_dataset *c = cidx_dataset_copy(ds);

	for (size_t j = 0; c->x && j < c->x->size2; j++)
		if (!in_basis[j])
			for (size_t i = 0; i < c->x->size1; i++)
				gsl_matrix_set(c->x, i, j, NAN);
	return c;
}

int
cidx_engine_basis(struct cidx_engine *e, const struct cidx_ranking *cur,
    struct cidx_movement *m, struct cidx_ranking **prev,
    struct cidx_err *err)
{
	int ret;

	if ((ret = cidx_engine_rank(e, m->cyear, NULL, 0, prev, err)) < 0)
		return ret;
	cidx_movement_basis(m, cidx_engine_framework(e), cur->skipped,
	    (*prev)->skipped);
	return 0;
}

int
cidx_engine_movement(struct cidx_engine *e, int year, int cyear,
    const struct cidx_ranking *cur, size_t top, int dark,
    struct cidx_movement **out, struct cidx_err *err)
{
	const struct cidx_dataset *ds, *ds0;
	const struct cidx_prep_report *rep, *rep0;
	struct cidx_ranking *prev = NULL, *cb = NULL, *pb = NULL;
	struct cidx_dataset *rc = NULL, *rp = NULL;
	struct cidx_movement *m = cidx_xcalloc(1, sizeof(*m));
	int ret;

	*out = NULL;
	m->year = year;
	m->cyear = cyear;
	/* the units of the two years; their values only on a common basis
	 * (a frugal engine's rankings took them: cidx_engine_set_frugal()) */
	if ((ret = cidx_engine_basis(e, cur, m, &prev, err)) < 0 ||
	    (ret = cidx_engine_prepared_units(e, year, &ds, &rep, err)) < 0 ||
	    (ret = cidx_engine_prepared_units(e, cyear, &ds0, &rep0,
	    err)) < 0)
		goto out;
	switch (m->basis) {
	case CIDX_BASIS_SAME:
		cidx_movement_compute(m, ds, cur, cur, ds0, prev, rep, rep0, top,
		    dark);
		break;
	case CIDX_BASIS_COMMON:
		if ((ret = cidx_engine_prepared(e, year, &ds, &rep, err)) < 0 ||
		    (ret = cidx_engine_prepared(e, cyear, &ds0, &rep0,
		    err)) < 0)
			goto out;
		rc = cidx_movement_restrict(ds, m->in_basis);
		rp = cidx_movement_restrict(ds0, m->in_basis);
		if ((ret = cidx_engine_rank_ds(e, rc, &cb, err)) < 0 ||
		    (ret = cidx_engine_rank_ds(e, rp, &pb, err)) < 0) {
			cidx_err_prefix(err, "movement on the indicators %d "
			    "and %d share", year, cyear);
			goto out;
		}
		cidx_movement_compute(m, ds, cur, cb, ds0, pb, rep, rep0, top,
		    dark);
		break;
	case CIDX_BASIS_WITHHELD:
		cidx_movement_compute(m, ds, cur, cur, ds0, prev, rep, rep0, top,
		    dark);
		break;
	}
out:
	cidx_ranking_free(prev);
	cidx_ranking_free(cb);
	cidx_ranking_free(pb);
	cidx_dataset_free(rc);
	cidx_dataset_free(rp);
	if (ret < 0) {
		cidx_movement_free(m);
		return ret;
	}
	*out = m;
	return 0;
}

void
cidx_movement_free(struct cidx_movement *mv)
{
	if (mv == NULL)
		return;
	free(mv->mv);
	free(mv->in_basis);
	free(mv);
}
