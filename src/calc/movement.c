/*
 * movement.c - rank changes, entrants and dark horses (movement.h).
 */
#include <stdlib.h>

#include "calc/movement.h"
#include "core/mem.h"
#include "core/strmap.h"

int
cidx_movement_compute(struct cidx_movement **out,
    const struct cidx_framework *fw, const struct cidx_dataset *cur_ds,
    const struct cidx_ranking *cur, const struct cidx_dataset *prev_ds,
    const struct cidx_ranking *prev, size_t top, int dark,
    struct cidx_err *err)
{
	struct cidx_strmap map = CIDX_STRMAP_INIT;
	struct cidx_movement *m;
	size_t N = top > 0 ? top : cur->n_ranked;

	(void)err;
	m = xcalloc(1, sizeof(*m));
	m->year = cur_ds->year;
	m->cyear = prev_ds->year;
	m->top = top;
	m->dark = dark;
	m->n = cur_ds->n_units;
	m->mv = xcalloc(m->n ? m->n : 1, sizeof(*m->mv));
	for (size_t i = 0; i < prev_ds->n_units; i++)
		cidx_strmap_put(&map, prev_ds->unit[i].code, i);
	for (size_t i = 0; i < m->n; i++) {
		struct cidx_move *v = &m->mv[i];
		int rk = cur->rank[i];
		size_t j;

		if (rk == 0)
			continue;
		if (cidx_strmap_get(&map, cur_ds->unit[i].code, &j))
			v->prev = prev->rank[j];
		v->has_change = v->prev > 0;
		v->change = v->prev - rk;
		v->entrant = (size_t)rk <= N &&
		    (v->prev == 0 || (size_t)v->prev > N);
		v->dark = v->entrant && v->has_change && v->change >= dark;
	}
	cidx_strmap_release(&map);
	for (size_t j = 0; j < fw->n_ind; j++) {
		int a = cur->skipped[j] != CIDX_SKIP_NODATA;
		int b = prev->skipped[j] != CIDX_SKIP_NODATA;

		m->n_cur += a;
		m->n_prev += b;
		m->shared += a && b;
	}
	*out = m;
	return 0;
}

int
cidx_movement_same_indicators(const struct cidx_movement *mv)
{
	return mv->shared == mv->n_cur && mv->shared == mv->n_prev;
}

void
cidx_movement_free(struct cidx_movement *mv)
{
	if (mv == NULL)
		return;
	free(mv->mv);
	free(mv);
}
