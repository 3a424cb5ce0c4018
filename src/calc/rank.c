/*
 * rank.c - competition ranking with a stable order for ties.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "core/mem.h"

struct rk {
	double s;
	const char *code;
	size_t i;
};

static int
cmp_rk(const void *a, const void *b)
{
	const struct rk *x = a, *y = b;
	int c;

	if (x->s != y->s)
		return x->s > y->s ? -1 : 1;
	c = strcmp(x->code, y->code);
	if (c)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

void
cidx_rank(const double *score, size_t n, const char *const *codes,
    size_t *order, int *rank, size_t *n_ranked)
{
	struct rk *v = cidx_xmalloc((n ? n : 1) * sizeof(*v));
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		rank[i] = 0;
		if (!isnan(score[i]))
			v[m++] = (struct rk){ score[i], codes[i], i };
	}
	qsort(v, m, sizeof(*v), cmp_rk);
	for (size_t p = 0; p < m; p++) {
		order[p] = v[p].i;
		rank[v[p].i] = (p > 0 && v[p].s == v[p - 1].s) ?
		    rank[v[p - 1].i] : (int)p + 1;
	}
	*n_ranked = m;
	free(v);
}
