/*
 * weightsfile.c - weights files and CODE=W assignments (weightsfile.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/suggest.h"
#include "io/csv.h"
#include "io/weightsfile.h"

static int
tree_node(const struct cidx_framework *fw, const char *code)
{
	int k = cidx_framework_find(fw, code);

	if (k < 0)
		return -1;
	if (fw->node[k].type != CIDX_NODE_INDICATOR &&
	    fw->node[k].type != CIDX_NODE_AGGREGATE)
		return -2;
	return k;
}

/* " (did you mean 'X'?)" for an unknown code one edit from the code of
 * an indicator or aggregate, else "" (core/suggest.h) */
static void
did_you_mean(const struct cidx_framework *fw, const char *code, char *buf,
    size_t n)
{
	const char **cand = cidx_xcalloc(fw->n ? fw->n : 1, sizeof(*cand));
	const char *s;
	size_t m = 0;

	for (size_t k = 0; k < fw->n; k++)
		if (fw->node[k].type == CIDX_NODE_INDICATOR ||
		    fw->node[k].type == CIDX_NODE_AGGREGATE)
			cand[m++] = fw->node[k].code;
	s = cidx_suggest(code, cand, m);
	if (s)
		snprintf(buf, n, " (did you mean '%s'?)", s);
	else
		buf[0] = '\0';
	free(cand);
}

static int
parse_weight(const char *s, double *out)
{
	return cidx_num_parse(s, out, NULL) < 0 || *out < 0 ||
	    *out > CIDX_WEIGHT_MAX ? -1 : 0;
}

int
cidx_weights_read_file(const struct cidx_framework *fw, const char *path,
    struct cidx_wset *out, struct cidx_err *err)
{
	static const char *const code_cols[] = { "code", "iCode", NULL };
	static const char *const w_cols[] = { "weight", "Weight", NULL };
	struct cidx_csv *t = NULL;
	struct cidx_wset got = CIDX_WSET_INIT;
	int cc, cw, ret;

	if ((ret = cidx_csv_read(&t, path, NULL, err)) < 0)
		return ret;
	if ((ret = cidx_csv_check_rect(t, err)) < 0)
		goto out;
	if ((ret = cidx_csv_find_col_once(t, code_cols, &cc, err)) < 0 ||
	    (ret = cidx_csv_find_col_once(t, w_cols, &cw, err)) < 0)
		goto out;
	if (cc < 0 || cw < 0) {
		ret = cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: a weights file needs a 'code' (or 'iCode') and a "
		    "'weight' (or 'Weight') column", path);
		goto out;
	}
	for (size_t r = 1; r < t->nrows; r++) {
		const struct cidx_csv_field *fc = cidx_csv_at(t, r, (size_t)cc);
		const struct cidx_csv_field *fv = cidx_csv_at(t, r, (size_t)cw);
		int k = tree_node(fw, fc->s);
		double v;

		if (k < 0) {
			char hint[CIDX_SUGGEST_MAX * 4 + 32];

			did_you_mean(fw, fc->s, hint, sizeof(hint));
			ret = cidx_err_set(err, CIDX_EINVAL, k == -1 ?
			    "%s:%u:%u: unknown code '%s'%s" :
			    "%s:%u:%u: '%s' is not an indicator or aggregate%s",
			    path, fc->line, fc->col, fc->s, k == -1 ? hint :
			    "");
			goto out;
		}
		if (parse_weight(fv->s, &v) < 0) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "%s:%u:%u: '%s': weight must be a number from 0 "
			    "to 1e9", path, fv->line, fv->col, fv->s);
			goto out;
		}
		cidx_wset_add(&got, (size_t)k, v);
	}
	for (size_t i = 0; i < got.n; i++)
		cidx_wset_add(out, got.node[i], got.w[i]);
out:
	cidx_wset_release(&got);
	cidx_csv_free(t);
	return ret;
}

int
cidx_weights_parse_set(const struct cidx_framework *fw, const char *assign,
    struct cidx_wset *out, struct cidx_err *err)
{
	const char *eq = strchr(assign, '=');
	char *code;
	double v;
	int k;

	if (eq == NULL || eq == assign)
		return cidx_err_set(err, CIDX_EINVAL,
		    "--set '%s': expected CODE=WEIGHT", assign);
	code = cidx_xstrndup(assign, (size_t)(eq - assign));
	k = tree_node(fw, code);
	if (k < 0) {
		char hint[CIDX_SUGGEST_MAX * 4 + 32];

		did_you_mean(fw, code, hint, sizeof(hint));
		cidx_err_set(err, CIDX_EINVAL, "--set '%s': %s '%s'%s", assign,
		    k == -1 ? "unknown code" : "not an indicator or aggregate:",
		    code, k == -1 ? hint : "");
		free(code);
		return CIDX_EINVAL;
	}
	free(code);
	if (parse_weight(eq + 1, &v) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "--set '%s': weight must be a number from 0 to 1e9",
		    assign);
	cidx_wset_add(out, (size_t)k, v);
	return 0;
}
