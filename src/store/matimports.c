/*
 * matimports.c - the `imports` blob of a year's `matrices` row
 * (cityidx(1), WORKSPACE SCHEMA, matrices): the import that wrote each
 * value, run-length coded, as int32 pairs (count, import id) whose counts
 * cover the n_units x n_series cells row by row; a cell without a value
 * has import 0.  One import of a whole year is one pair.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/mem.h"
#include "store/internal.h"

static void
runs_push(struct cidx_runs *r)
{
	if (r->count == 0)
		return;
	ALLOC_GROW(r->p, r->n + 2, r->cap);
	r->p[r->n++] = (int32_t)r->count;
	r->p[r->n++] = r->id;
	r->count = 0;
}

void
cidx_runs_add(struct cidx_runs *r, const double *v, const int32_t *imp,
    int32_t all, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int32_t id = isnan(v[i]) ? 0 : imp ? imp[i] : all;

		if (r->count > 0 && (id != r->id || r->count == INT32_MAX))
			runs_push(r);
		r->id = id;
		r->count++;
	}
}

void
cidx_runs_end(struct cidx_runs *r)
{
	runs_push(r);
}

void
cidx_runs_release(struct cidx_runs *r)
{
	free(r->p);
	*r = (struct cidx_runs){ NULL, 0, 0, 0, 0 };
}

int
cidx_runs_decode(const int32_t *p, size_t npairs, const double *v, size_t n,
    int32_t *imp)
{
	size_t at = 0;

	for (size_t k = 0; k < npairs; k++) {
		int32_t count = p[2 * k], id = p[2 * k + 1];

		/* no sum that could wrap: each run checked against what is
		 * left */
		if (count <= 0 || id < 0 || (size_t)count > n - at)
			return -1;
		for (size_t e = at + (size_t)count; at < e; at++) {
			if (isnan(v[at]) && id != 0)
				return -1;
			imp[at] = id;
		}
	}
	return at == n ? 0 : -1;
}
