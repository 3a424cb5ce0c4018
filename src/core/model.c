#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/method.h"
#include "core/model.h"
#include "core/num.h"
#include "core/sha256.h"
#include "core/strmap.h"

static void
node_clear(struct cidx_node *nd)
{
	free(nd->code);
	free(nd->parent);
	free(nd->name_zh);
	free(nd->name_en);
	free(nd->unit);
	free(nd->denominator);
	free(nd->treat);
	free(nd->description);
	free(nd->source);
	free(nd->unit_zh);
	free(nd->description_zh);
	free(nd->source_zh);
}

void
cidx_nodes_free(struct cidx_node *node, size_t n)
{
	for (size_t i = 0; node && i < n; i++)
		node_clear(&node[i]);
	free(node);
}

void
cidx_framework_free(struct cidx_framework *fw)
{
	if (fw == NULL)
		return;
	cidx_nodes_free(fw->node, fw->n);
	free(fw->ind);
	free(fw->bottom_up);
	free(fw->top_down);
	free(fw->child_off);
	free(fw->child);
	free(fw->col);
	free(fw);
}

int
cidx_framework_find(const struct cidx_framework *fw, const char *code)
{
	for (size_t i = 0; i < fw->n; i++)
		if (strcmp(fw->node[i].code, code) == 0)
			return (int)i;
	return -1;
}

static int
in_tree(const struct cidx_node *nd)
{
	return nd->type == CIDX_NODE_INDICATOR ||
	    nd->type == CIDX_NODE_AGGREGATE;
}

static void
checksum(struct cidx_framework *fw)
{
	struct sbuf sb = SBUF_INIT;
	char w[40];

	for (size_t i = 0; i < fw->n; i++) {
		const struct cidx_node *nd = &fw->node[i];

		cidx_num_fmt(w, sizeof(w), nd->weight, 17);
		cidx_sbuf_addf(&sb, "%s\x1f%s\x1f%d\x1f%d\x1f%d\x1f%s\x1f%s"
		    "\x1f%s\x1f%s\x1f%s",
		    nd->code, nd->parent ? nd->parent : "", (int)nd->type,
		    nd->level, nd->direction, w,
		    nd->denominator ? nd->denominator : "",
		    nd->name_zh ? nd->name_zh : "",
		    nd->name_en ? nd->name_en : "", nd->unit ? nd->unit : "");
		cidx_num_fmt(w, sizeof(w), nd->target, 17);
		cidx_sbuf_addf(&sb, "\x1f%s", w);
		cidx_num_fmt(w, sizeof(w), nd->goal_lo, 17);
		cidx_sbuf_addf(&sb, "\x1f%s", w);
		cidx_num_fmt(w, sizeof(w), nd->goal_hi, 17);
		cidx_sbuf_addf(&sb, "\x1f%s\x1f%s\x1e", w,
		    nd->treat ? nd->treat : "");
	}
	cidx_sha256_buf(sb.buf, sb.len, fw->checksum);
	cidx_sbuf_release(&sb);
}

/*
 * The levels of the tree nodes, bottom up without recursion: a node is
 * done once all its children are (Kahn's order), an indicator at 1, an
 * aggregate one above its highest child.  Nodes never done lie on a cycle
 * or above one.  *done[k] says which were.
 */
static void
derive_levels(struct cidx_framework *fw, int *lv, unsigned char *done)
{
	size_t n = fw->n, head = 0, tail = 0;
	size_t *queue = cidx_xcalloc(n ? n : 1, sizeof(*queue));
	size_t *pending = cidx_xcalloc(n ? n : 1, sizeof(*pending));

	for (size_t k = 0; k < n; k++) {
		lv[k] = 0;
		if (!in_tree(&fw->node[k]))
			continue;
		pending[k] = fw->child_off[k + 1] - fw->child_off[k];
		if (pending[k] == 0)
			queue[tail++] = k;
	}
	while (head < tail) {
		size_t k = queue[head++];
		int p = fw->node[k].pidx;

		lv[k] = fw->node[k].type == CIDX_NODE_INDICATOR ? 1 : lv[k] + 1;
		done[k] = 1;
		if (p < 0)
			continue;
		if (lv[k] > lv[p])
			lv[p] = lv[k];
		if (--pending[p] == 0)
			queue[tail++] = (size_t)p;
	}
	free(queue);
	free(pending);
}

/* the checks of one node that need no other node */
static int
check_node(struct cidx_node *nd, const char *where, struct cidx_err *err)
{
	if (!isfinite(nd->weight) || nd->weight < 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s: '%s': weight must "
		    "be a number >= 0", where, nd->code);
	if (nd->type == CIDX_NODE_INDICATOR && nd->direction != 1 &&
	    nd->direction != -1)
		return cidx_err_set(err, CIDX_EINVAL, "%s: indicator '%s': "
		    "direction must be 1 or -1", where, nd->code);
	if (nd->type != CIDX_NODE_INDICATOR)
		nd->direction = 1;
	if (nd->treat && strcmp(nd->treat, "none") != 0) {
		struct cidx_treat_params tp = CIDX_TREAT_PARAMS_INIT;
		struct cidx_err e2 = CIDX_ERR_INIT;

		if (cidx_treat_parse(nd->treat, &tp, &e2) < 0)
			return cidx_err_set(err, CIDX_EINVAL, "%s: '%s': treat "
			    "%s", where, nd->code, e2.msg);
	}
	if (!isnan(nd->goal_lo) && !isnan(nd->goal_hi) &&
	    !(nd->goal_lo < nd->goal_hi))
		return cidx_err_set(err, CIDX_EINVAL, "%s: '%s': goal_lo must "
		    "be below goal_hi", where, nd->code);
	return 0;
}

/* every node checked on its own, its code entered in `codes` (once) */
static int
check_nodes(struct cidx_node *node, size_t n, struct cidx_strmap *codes,
    const char *where, struct cidx_err *err)
{
	size_t k;
	int ret;

	if (n > CIDX_FRAMEWORK_MAX_NODES)
		return cidx_err_set(err, CIDX_EINVAL, "%s: more than %d nodes",
		    where, CIDX_FRAMEWORK_MAX_NODES);
	for (size_t i = 0; i < n; i++) {
		node[i].pidx = -1;
		if (cidx_strmap_get(codes, node[i].code, &k))
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s: duplicate code '%s'", where, node[i].code);
		cidx_strmap_put(codes, node[i].code, i);
		if ((ret = check_node(&node[i], where, err)) < 0)
			return ret;
	}
	return 0;
}

/* tree node i's parent (pidx) counted in child_off[pidx + 1], or the root */
static int
link_parent(struct cidx_framework *fw, size_t i,
    const struct cidx_strmap *codes, size_t *nroot, const char *where,
    struct cidx_err *err)
{
	struct cidx_node *nd = &fw->node[i];
	size_t p;

	if (nd->parent == NULL) {
		if (nd->type == CIDX_NODE_INDICATOR)
			return cidx_err_set(err, CIDX_EINVAL, "%s: indicator "
			    "'%s' has no parent", where, nd->code);
		fw->root = i;
		(*nroot)++;
		return 0;
	}
	if (strcmp(nd->parent, nd->code) == 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: '%s' is its own parent", where, nd->code);
	if (!cidx_strmap_get(codes, nd->parent, &p))
		return cidx_err_set(err, CIDX_EINVAL, "%s: '%s': unknown "
		    "parent '%s'", where, nd->code, nd->parent);
	if (fw->node[p].type != CIDX_NODE_AGGREGATE)
		return cidx_err_set(err, CIDX_EINVAL, "%s: '%s': parent '%s' "
		    "is not an aggregate", where, nd->code, nd->parent);
	nd->pidx = (int)p;
	fw->child_off[p + 1]++;
	return 0;
}

/* the tree: every node's parent, one root, the children of each node
 * (child[child_off[k] .. child_off[k + 1]), file order) */
static int
link_tree(struct cidx_framework *fw, const struct cidx_strmap *codes,
    const char *where, struct cidx_err *err)
{
	size_t n = fw->n, nroot = 0, *fill;
	int ret;

	for (size_t i = 0; i < n; i++)
		if (in_tree(&fw->node[i]) &&
		    (ret = link_parent(fw, i, codes, &nroot, where, err)) < 0)
			return ret;
	if (nroot != 1)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: the framework needs exactly one root aggregate "
		    "(the index, with no parent); found %zu", where, nroot);
	for (size_t i = 0; i < n; i++)
		fw->child_off[i + 1] += fw->child_off[i];
	fill = cidx_xcalloc(n ? n : 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		if (fw->node[i].pidx >= 0) {
			size_t p = (size_t)fw->node[i].pidx;

			fw->child[fw->child_off[p] + fill[p]++] = i;
		}
	free(fill);
	return 0;
}

/* tree node i at its derived level lv (done: not on a cycle) */
static int
check_level(const struct cidx_framework *fw, size_t i, int lv, int done,
    const char *where, struct cidx_err *err)
{
	const struct cidx_node *nd = &fw->node[i];

	if (nd->type == CIDX_NODE_AGGREGATE &&
	    fw->child_off[i] == fw->child_off[i + 1])
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: aggregate '%s' has no children", where, nd->code);
	if (!done)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: '%s': the hierarchy has a cycle", where, nd->code);
	if (lv > CIDX_FRAMEWORK_MAX_LEVELS)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: '%s': the hierarchy has more than %d levels",
		    where, nd->code, CIDX_FRAMEWORK_MAX_LEVELS);
	if (nd->level > 0 && nd->level != lv)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s: '%s': level %d given, but its children make "
		    "it level %d", where, nd->code, nd->level, lv);
	return 0;
}

/* every node's level (0 outside the tree), the indicators' columns */
static int
set_levels(struct cidx_framework *fw, const char *where,
    struct cidx_err *err)
{
	size_t n = fw->n;
	int *lv = cidx_xcalloc(n ? n : 1, sizeof(*lv)), ret = 0;
	unsigned char *done = cidx_xcalloc(n ? n : 1, 1);

	derive_levels(fw, lv, done);
	for (size_t i = 0; i < n; i++) {
		struct cidx_node *nd = &fw->node[i];

		fw->col[i] = -1;
		if (!in_tree(nd)) {
			nd->level = 0;
			continue;
		}
		if ((ret = check_level(fw, i, lv[i], done[i], where, err)) < 0)
			break;
		nd->level = lv[i];
		if (nd->type == CIDX_NODE_INDICATOR) {
			fw->col[i] = (int)fw->n_ind;
			fw->ind[fw->n_ind++] = i;
		}
	}
	free(lv);
	free(done);
	if (ret == 0 && fw->n_ind == 0)
		ret = cidx_err_set(err, CIDX_EINVAL, "%s: no indicators", where);
	return ret;
}

/* bottom_up: the aggregates by level, file order within a level (a
 * stable counting sort); top_down: the levels below the root, highest
 * first, file order within */
static void
order_aggregates(struct cidx_framework *fw)
{
	const struct cidx_node *node = fw->node;
	size_t n = fw->n, t = 0, end, *count;

	fw->top_level = node[fw->root].level;
	count = cidx_xcalloc((size_t)fw->top_level + 2, sizeof(*count));
	for (size_t i = 0; i < n; i++)
		if (node[i].type == CIDX_NODE_AGGREGATE)
			count[node[i].level + 1]++;
	for (int l = 1; l <= fw->top_level; l++)
		count[l + 1] += count[l];
	/* count[l] is now the number of aggregates below level l (none is
	 * below 2): where level l starts in bottom_up */
	for (size_t i = 0; i < n; i++)
		if (node[i].type == CIDX_NODE_AGGREGATE)
			fw->bottom_up[count[node[i].level]++] = i;
	free(count);
	fw->n_agg = 0;
	for (size_t i = 0; i < n; i++)
		fw->n_agg += node[i].type == CIDX_NODE_AGGREGATE &&
		    node[i].level >= 2;
	end = fw->n_agg;
	while (end > 0) {
		size_t start = end;
		int l = node[fw->bottom_up[end - 1]].level;

		while (start > 0 && node[fw->bottom_up[start - 1]].level == l)
			start--;
		if (l < fw->top_level)
			for (size_t i = start; i < end; i++)
				fw->top_down[t++] = fw->bottom_up[i];
		end = start;
	}
}

/* denominators named by indicators must exist */
static int
check_denominators(const struct cidx_framework *fw,
    const struct cidx_strmap *codes, const char *where, struct cidx_err *err)
{
	const struct cidx_node *node = fw->node;

	for (size_t i = 0; i < fw->n; i++) {
		size_t d;

		if (node[i].denominator == NULL)
			continue;
		if (!cidx_strmap_get(codes, node[i].denominator, &d) ||
		    (node[d].type != CIDX_NODE_DENOMINATOR &&
		    node[d].type != CIDX_NODE_INDICATOR))
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s: '%s': denominator '%s' is not a denominator "
			    "of the framework", where, node[i].code,
			    node[i].denominator);
	}
	return 0;
}

int
cidx_framework_build(struct cidx_framework **out, struct cidx_node *node,
    size_t n, const char *where, struct cidx_err *err)
{
	struct cidx_framework *fw = cidx_xcalloc(1, sizeof(*fw));
	struct cidx_strmap codes = CIDX_STRMAP_INIT;
	int ret;

	*out = NULL;
	fw->node = node;
	fw->n = n;
	fw->child_off = cidx_xcalloc(n + 1, sizeof(size_t));
	fw->child = cidx_xcalloc(n ? n : 1, sizeof(size_t));
	fw->col = cidx_xcalloc(n ? n : 1, sizeof(int));
	fw->ind = cidx_xcalloc(n ? n : 1, sizeof(size_t));
	fw->bottom_up = cidx_xcalloc(n ? n : 1, sizeof(size_t));
	fw->top_down = cidx_xcalloc(n ? n : 1, sizeof(size_t));
	if ((ret = check_nodes(node, n, &codes, where, err)) < 0 ||
	    (ret = link_tree(fw, &codes, where, err)) < 0 ||
	    (ret = set_levels(fw, where, err)) < 0)
		goto out;
	order_aggregates(fw);
	if ((ret = check_denominators(fw, &codes, where, err)) < 0)
		goto out;
	checksum(fw);
	*out = fw;
	fw = NULL;
out:
	cidx_strmap_release(&codes);
	cidx_framework_free(fw);
	return ret;
}

const char *
cidx_node_text(const struct cidx_node *nd, enum cidx_node_text what, int zh)
{
	const char *en = what == CIDX_NODE_UNIT ? nd->unit :
	    what == CIDX_NODE_DESCRIPTION ? nd->description : nd->source;
	const char *cn = what == CIDX_NODE_UNIT ? nd->unit_zh :
	    what == CIDX_NODE_DESCRIPTION ? nd->description_zh : nd->source_zh;

	return zh && cn ? cn : en;
}
