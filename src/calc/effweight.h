/*
 * effweight.h - the weights with which the nodes actually enter the
 * index of a ranked year, and how much of the index each one explains
 * (cityidx(1), METHOD, Effective weights and importance).
 *
 * The weights a framework (or --set, a weights file, a derived method)
 * gives are shares among siblings; in a year where some nodes have no
 * data their siblings are rescaled, so the share a node really carries
 * is not its nominal one.  Importance is the JRC's measure (Paruolo,
 * Saisana and Saltelli 2013): the squared Pearson correlation of a
 * node's scores with the index over the ranked units, normalised over
 * the nodes of its level.
 */
#ifndef CIDX_CALC_EFFWEIGHT_H
#define CIDX_CALC_EFFWEIGHT_H

#include <stddef.h>

#include "calc/calc.h"
#include "calc/engine.h"
#include "core/model.h"

/* Per framework node (fw->n entries each). */
struct cidx_effweights {
	size_t n;
	unsigned char *present; /* has data in the year (an indicator that
				   could be normalised, an aggregate with a
				   score for a ranked unit); the root: 1 */
	double *nominal;        /* the product of the shares w[c] / sum of
				   its siblings' weights down the tree,
				   every node present; root 1 */
	double *share;          /* w[c] / sum of the weights of its present
				   siblings; NaN when absent */
	double *effective;      /* the product of the shares down the tree:
				   the weight with which it enters the index
				   in the year; 0 when absent or weightless;
				   root 1 */
	double *r;              /* Pearson r of its scores with the index
				   over the ranked units; NaN without
				   spread, fewer than 3 pairs, or for the
				   root */
	double *importance;     /* r^2 / the sum of r^2 over the nodes of
				   its level with an r; NaN without r */
};

/*! cidx_effweights_compute() :
 *  The effective weights and the importance of every node of `fw` for
 *  the ranking `r` made with the weights `w` (per node, as the engine
 *  applied them: after --set, a weights file and derived weights).
 *  @return *out (free with cidx_effweights_free()). */
void cidx_effweights_compute(struct cidx_effweights **out,
    const struct cidx_framework *fw, const double *w,
    const struct cidx_ranking *r);

/*! cidx_effweights_weightless() :
 *  1 when node k carries no weight in the year (effective weight 0: no
 *  data, or a weight of 0), 0 otherwise. */
int cidx_effweights_weightless(const struct cidx_effweights *ew, size_t k);

/*! cidx_engine_effweights() :
 *  The effective weights and importance of `year` ranked with the
 *  engine's method and weights.  @return 0 and *out, or the ranking's
 *  negative code. */
int cidx_engine_effweights(struct cidx_engine *e, int year,
    struct cidx_effweights **out, struct cidx_err *err);

/*! cidx_effweights_json_members() :
 *  The members "nominal", "effective", "importance" and "has_data" of
 *  node k, into the JSON object `w` has open (the one spelling of them
 *  for every output that writes them: the method object and `weights`).
 */
struct cidx_jsonw;
void cidx_effweights_json_members(struct cidx_jsonw *w,
    const struct cidx_effweights *ew, size_t k);

void cidx_effweights_free(struct cidx_effweights *ew);

#endif
