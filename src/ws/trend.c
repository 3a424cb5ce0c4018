/*
 * trend.c - the data of the trend chart (a bump chart): the ranks of the
 * top units of a year over the earlier years comparable with it
 * (cityidx(1), chart, trend).
 *
 * Comparable is what movement calls it (cityidx(1), METHOD, Movement):
 * an earlier year P is drawn when its basis against the year Y is not
 * withheld, that is when P and Y share at least half of Y's indicators
 * with data and every pillar with data in Y keeps one of them.  A unit's
 * rank in P is its rank there on that basis (prev_rank: P's published
 * rank when the two years share every indicator), so each point is the
 * rank the movers chart of Y against P starts from; the last point is
 * the published rank in Y.  The years are compared with Y, not with each
 * other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/movement.h"
#include "core/mem.h"
#include "core/msg.h"
#include "ws/chartdata.h"

/* the units drawn: the top group of the year (ties at its boundary
 * included), at most CIDX_WS_TREND_MAX, best first */
static size_t
trend_units(const struct cidx_ws_chart *c)
{
	const struct cidx_ranking *r = c->r;
	size_t top = c->top ? c->top : r->n_ranked, n = 0;

	while (n < r->n_ranked && (size_t)r->rank[r->order[n]] <= top)
		n++;
	return n > CIDX_WS_TREND_MAX ? CIDX_WS_TREND_MAX : n;
}

/* the earlier years with data, ascending, and how many; NULL on error */
static int
earlier_years(const struct cidx_ws_chart *c, const int **years, size_t *n,
    struct cidx_err *err)
{
	const int *all;
	size_t k = 0, na;
	int ret;

	if ((ret = cidx_engine_years(cidx_ws_engine(c->ws), &all, &na,
	    err)) < 0)
		return ret;
	while (k < na && all[k] < c->year)
		k++;
	*years = all;
	*n = k;
	return 0;
}

/* the ranks of the units drawn in year p, on the basis of c->year
 * against p, into rank[u * stride]; @return 1 when p is comparable, 0
 * when its movement is withheld, or a negative code */
static int
year_ranks(const struct cidx_ws_chart *c, int p, size_t n, int *rank,
    size_t stride, struct cidx_err *err)
{
	struct cidx_movement *mv = NULL;
	int ret;

	if ((ret = cidx_engine_movement(cidx_ws_engine(c->ws), c->year, p,
	    c->r, c->top, CIDX_WS_DARK_DEFAULT, &mv, err)) < 0)
		return ret;
	ret = mv->basis != CIDX_BASIS_WITHHELD;
	for (size_t u = 0; ret && u < n; u++)
		rank[u * stride] = mv->mv[c->r->order[u]].prev;
	cidx_movement_free(mv);
	return ret;
}

int
cidx_ws_chart_trend(struct cidx_trend *out, const struct cidx_ws_chart *c,
    struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_ranking *r = c->r;
	size_t n = trend_units(c), ne, ny = 0;
	const int *all;
	int *years, *rank, ret;
	struct cidx_trend_unit *u;

	memset(out, 0, sizeof(*out));
	if ((ret = earlier_years(c, &all, &ne, err)) < 0)
		return ret;
	if (n == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no unit is ranked "
		    "in %d", c->year);
	years = cidx_ws_mem_alloc(m, ne + 1, sizeof(int));
	/* unit-major: unit k's ranks are rank[k * (ne + 1) ...] */
	rank = cidx_ws_mem_alloc(m, n * (ne + 1), sizeof(int));
	for (size_t y = 0; y < ne; y++) {
		if ((ret = year_ranks(c, all[y], n, rank + ny, ne + 1,
		    err)) < 0)
			return ret;
		if (ret == 1)
			years[ny++] = all[y];
	}
	if (ny == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no earlier year is "
		    "comparable with %d (sharing at least half of its "
		    "indicators, one in every pillar)", c->year);
	years[ny] = c->year;
	u = cidx_ws_mem_alloc(m, n, sizeof(*u));
	for (size_t k = 0; k < n; k++) {
		const struct cidx_unit *un = &c->ds->unit[r->order[k]];
		int *row = rank + k * (ne + 1);

		row[ny] = r->rank[r->order[k]];
		u[k].rank = row;
		u[k].code = un->code;
		u[k].name = cidx_ws_chart_unit_name(c, un);
	}
	out->years = years;
	out->n_years = ny + 1;
	out->units = u;
	out->n = n;
	return 0;
}

char *
cidx_ws_chart_trend_note(const struct cidx_ws_chart *c,
    const struct cidx_trend *t, struct cidx_ws_mem *m)
{
	struct sbuf sb = SBUF_INIT, left = SBUF_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	const int *all;
	int *out;
	size_t ne, nl = 0;

	if (earlier_years(c, &all, &ne, &err) < 0)
		ne = 0;
	out = cidx_xcalloc(ne + 1, sizeof(*out));
	for (size_t y = 0, k = 0; y < ne; y++) {
		while (k < t->n_years && t->years[k] < all[y])
			k++;
		if (k == t->n_years || t->years[k] != all[y])
			out[nl++] = all[y];
	}
	/* the years left out, runs of three or more as a range */
	cidx_msg_add_years(&left, c->lang, out, nl);
	free(out);
	cidx_msg_add(&sb, c->lang, CIDX_MSG_TREND_BASIS, c->year);
	if (nl)
		cidx_msg_add(&sb, c->lang, CIDX_MSG_TREND_LEFT, left.buf,
		    c->year);
	cidx_sbuf_release(&left);
	for (size_t i = 0; i < t->n; i++)
		for (size_t y = 0; y < t->n_years; y++)
			if (t->units[i].rank[y] == 0) {
				cidx_sbuf_adds(&sb, cidx_msg(c->lang,
				    CIDX_MSG_TREND_GAP));
				i = t->n;
				break;
			}
	return cidx_ws_mem_keep(m, cidx_sbuf_detach(&sb));
}
