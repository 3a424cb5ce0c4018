/*
 * wspec.c - weight assignments and AHP judgements (wspec.h).
 */
#include <stdlib.h>

#include "core/mem.h"
#include "core/wspec.h"

void
cidx_wset_add(struct cidx_wset *s, size_t node, double w)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->node = cidx_xreallocarray(s->node, s->cap, sizeof(*s->node));
		s->w = cidx_xreallocarray(s->w, s->cap, sizeof(*s->w));
	}
	s->node[s->n] = node;
	s->w[s->n++] = w;
}

void
cidx_wset_release(struct cidx_wset *s)
{
	free(s->node);
	free(s->w);
	s->node = NULL;
	s->w = NULL;
	s->n = s->cap = 0;
}

void
cidx_ahp_free(struct cidx_ahp *ahp)
{
	if (ahp == NULL)
		return;
	for (size_t g = 0; g < ahp->n_groups; g++) {
		free(ahp->child[g]);
		free(ahp->A[g]);
	}
	free(ahp->parent);
	free(ahp->k);
	free(ahp->child);
	free(ahp->A);
	free(ahp);
}

int
cidx_ahp_find(const struct cidx_ahp *ahp, size_t parent)
{
	for (size_t g = 0; g < ahp->n_groups; g++)
		if (ahp->parent[g] == parent)
			return (int)g;
	return -1;
}
