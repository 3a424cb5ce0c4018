/*
 * wspec.h - what a user says about weights, as plain data: weight
 * assignments (a weights file, --set, a method file's weights) and AHP
 * pairwise judgements.  The readers are in io/ (weightsfile.c,
 * ahpfile.c); the engine (calc/engine.h) applies them.
 */
#ifndef CIDX_WSPEC_H
#define CIDX_WSPEC_H

#include <stddef.h>

/*
 * Weight assignments w[node] = value, in the order given: a later
 * assignment to the same node wins.
 */
struct cidx_wset {
	size_t *node;  /* framework node index */
	double *w;     /* finite, >= 0 */
	size_t n, cap;
};

#define CIDX_WSET_INIT { NULL, NULL, 0, 0 }

void cidx_wset_add(struct cidx_wset *s, size_t node, double w);
void cidx_wset_release(struct cidx_wset *s);

/*
 * AHP judgements: one comparison matrix per parent, groups in framework
 * (node) order.  Group g compares the k[g] children of node parent[g]:
 * child[g][i] is the framework node index of the i-th, in framework
 * order, and A[g][i * k[g] + j] says how many times child i is as
 * important as child j (A[g][j * k[g] + i] = 1 / that; the diagonal is 1).
 */
struct cidx_ahp {
	size_t n_groups;
	size_t *parent; /* framework node index */
	size_t *k;
	size_t **child; /* framework node indices, framework order */
	double **A;     /* k x k row-major, positive, reciprocal */
};

/*! cidx_ahp_find() : the group of framework node `parent`, or -1. */
int cidx_ahp_find(const struct cidx_ahp *ahp, size_t parent);

/*! cidx_ahp_free() : accepts NULL. */
void cidx_ahp_free(struct cidx_ahp *ahp);

#endif
