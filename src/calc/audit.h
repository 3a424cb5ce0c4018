/*
 * audit.h - the statistical audit of an index (cityidx(1), METHOD, Audit
 * statistics): per-indicator statistics and outlier flags, correlations
 * of every node with its parent and with the index (Pearson and
 * Spearman), and per group Cronbach's alpha and the variance share of the
 * first principal component.
 */
#ifndef CIDX_CALC_AUDIT_H
#define CIDX_CALC_AUDIT_H

#include <stddef.h>

#include "calc/calc.h"
#include "calc/stats.h"
#include "core/method.h"
#include "core/model.h"

/* one node of the hierarchy */
struct cidx_audit_row {
	size_t node;
	struct cidx_summary sum;  /* indicators: prepared raw values */
	double na_share;
	int outlier;              /* cidx_treat_fails() with the thresholds */
	double r_parent, rho_parent, r_index, rho_index;
	double alpha, pc1;        /* aggregates: over their children with
				     data in the year */
	size_t pc1_n;             /* complete rows PC1 was computed on */
	int negative;             /* r with the parent < 0 */
};

/*! cidx_audit() :
 *  rows[k] for every node k of `fw` (nodes outside the tree, level 0, are
 *  left with NaN statistics), from the prepared data `ds` and its
 *  ranking `r` (normalised values and scores); outliers by the
 *  treatment thresholds `tp`. */
void cidx_audit(const struct cidx_framework *fw, const struct cidx_dataset *ds,
    const struct cidx_ranking *r, const struct cidx_treat_params *tp,
    struct cidx_audit_row *rows);

/*! cidx_ranking_medians() :
 *  med[k], for every node k, the median (type 7) of the scores of node k
 *  (normalised values for indicators) over the ranked units; NaN when
 *  none has one. */
void cidx_ranking_medians(const struct cidx_framework *fw,
    const struct cidx_ranking *r, double *med);

/*! cidx_ranking_correlations() :
 *  R (k x k, row-major): the Pearson correlation of the scores of nodes
 *  `node[0..k)` over the ranked units that have both (NaN with fewer
 *  than 3 such units or no spread); 1 on the diagonal of a node with
 *  spread. */
void cidx_ranking_correlations(const struct cidx_ranking *r,
    const size_t *node, size_t k, double *R);

#endif
