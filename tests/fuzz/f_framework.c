/*
 * f_framework.c - framework files (io/framework.h), both layouts, any
 * encoding the CSV reader detects.  An accepted framework is a tree as
 * model.h describes it.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "io/framework.h"

static void
check(const struct cidx_framework *fw)
{
	size_t n_tree = 0;

	fuzz_assert(fw->n > 0 && fw->root < fw->n);
	fuzz_assert(fw->node[fw->root].pidx == -1);
	for (size_t k = 0; k < fw->n; k++) {
		const struct cidx_node *nd = &fw->node[k];

		fuzz_assert(cidx_framework_find(fw, nd->code) == (int)k);
		fuzz_assert(fw->child_off[k] <= fw->child_off[k + 1]);
		fuzz_assert(isfinite(nd->weight) && nd->weight >= 0);
		if (nd->type == CIDX_NODE_INDICATOR) {
			fuzz_assert(nd->direction == 1 || nd->direction == -1);
			fuzz_assert(nd->level == 1);
			fuzz_assert(fw->col[k] >= 0 &&
			    (size_t)fw->col[k] < fw->n_ind);
		}
		if (nd->pidx >= 0) {
			fuzz_assert((size_t)nd->pidx < fw->n);
			fuzz_assert(fw->node[nd->pidx].type ==
			    CIDX_NODE_AGGREGATE);
			fuzz_assert(fw->node[nd->pidx].level > nd->level);
		}
		if (nd->level > 0)
			n_tree++;
	}
	fuzz_assert(fw->child_off[fw->n] + 1 == n_tree);
	for (size_t j = 0; j < fw->n_ind; j++)
		fuzz_assert(fw->ind[j] < fw->n && fw->col[fw->ind[j]] == (int)j);
	for (size_t a = 0; a < fw->n_agg; a++) {
		fuzz_assert(fw->bottom_up[a] < fw->n);
		fuzz_assert(fw->node[fw->bottom_up[a]].type ==
		    CIDX_NODE_AGGREGATE);
		if (a > 0)
			fuzz_assert(fw->node[fw->bottom_up[a]].level >=
			    fw->node[fw->bottom_up[a - 1]].level);
	}
	fuzz_assert(fw->n_agg > 0 && fw->bottom_up[fw->n_agg - 1] == fw->root);
	fuzz_assert(strlen(fw->checksum) == 64);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	const char *path = fuzz_put("fw.csv", data, size);

	if (cidx_framework_read(&fw, path, NULL, &err) < 0) {
		fuzz_assert(fw == NULL);
		fuzz_assert(err.msg[0] != '\0');
		return 0;
	}
	check(fw);
	cidx_framework_free(fw);
	return 0;
}
