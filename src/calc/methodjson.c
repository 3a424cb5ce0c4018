/*
 * methodjson.c - a method read back from the "method" object of a JSON
 * output or method file (method.h; cityidx(1), METHOD FILES): the members
 * that replay a step are set through cidx_method_set(), those recorded
 * for information are skipped, anything else is refused.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/method.h"
#include "core/mem.h"
#include "core/num.h"

/* members a JSON output records for information; never replayed here */
static const char *const informative[] = {
	"cityidx", "steps", "weights_method", "weights_file", "weights_set",
	"weights", "weights_year", "tiers", "top", "dark_horse", "ranking",
	"framework_sha256", "import_ids", "coverage", "movement_basis", NULL
};

/* the text of a member; -1 if it has none, -2 if it does not fit (cut
 * short, "arith,...,2=geom,3=harm" could lose its last level silently) */
static int
json_text(const struct cidx_json *v, char *buf, size_t n)
{
	switch (v->type) {
	case CIDX_JSON_STRING:
		if (strlen(v->string) >= n)
			return -2;
		snprintf(buf, n, "%s", v->string);
		return 0;
	case CIDX_JSON_NUMBER:
		cidx_num_shortest(buf, n, v->number);
		return 0;
	case CIDX_JSON_BOOL:
		snprintf(buf, n, "%s", v->boolean ? "true" : "false");
		return 0;
	case CIDX_JSON_OBJECT: {
		/* the treat object: {"skew": S, "kurt": K, "winmax": W} */
		const char *const keys[] = { "skew", "kurt", "winmax" };
		char part[3][40];

		for (size_t i = 0; i < 3; i++) {
			const struct cidx_json *p = cidx_json_get(v, keys[i]);

			if (p == NULL || p->type != CIDX_JSON_NUMBER)
				return -1;
			cidx_num_shortest(part[i], sizeof(part[i]), p->number);
		}
		if (v->n != 3)
			return -1;
		snprintf(buf, n, "%s,%s,%s", part[0], part[1], part[2]);
		return 0;
	}
	case CIDX_JSON_NULL:
	case CIDX_JSON_ARRAY:
		break;
	}
	return -1;
}

int
cidx_method_from_json(struct cidx_method *m, const struct cidx_json *obj,
    const char *where, struct cidx_err *err)
{
	struct cidx_method t = *m;

	if (obj == NULL || obj->type != CIDX_JSON_OBJECT)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': no method object",
		    where);
	for (size_t i = 0; i < obj->n; i++) {
		const struct cidx_json *v = &obj->item[i];
		char text[256];
		size_t k, q;
		int ret;

		for (k = 0; k < CIDX_MK_N; k++)
			if (strcmp(v->key, cidx_method_items[k].member) == 0)
				break;
		if (k == CIDX_MK_N) {
			for (q = 0; informative[q]; q++)
				if (strcmp(v->key, informative[q]) == 0)
					break;
			if (informative[q])
				continue;
			return cidx_err_set(err, CIDX_EINVAL, "'%s': method "
			    "member '%s' is not a method item (denominate, "
			    "impute, screen, treat, method, normalise, scale, "
			    "aggregate)", where, v->key);
		}
		if (v->type == CIDX_JSON_NULL) {
			cidx_method_reset(&t, (enum cidx_mkey)k);
			continue;
		}
		if ((ret = json_text(v, text, sizeof(text))) < 0)
			return ret == -2 ? cidx_err_set(err, CIDX_EINVAL,
			    "'%s': method member '%s': longer than %zu bytes",
			    where, v->key, sizeof(text) - 1) :
			    cidx_err_set(err, CIDX_EINVAL, "'%s': method "
			    "member '%s': expected %s", where, v->key,
			    cidx_method_items[k].values);
		if (cidx_method_set(&t, (enum cidx_mkey)k, text, err) < 0) {
			cidx_err_prefix(err, "'%s': method member '%s'", where,
			    v->key);
			return CIDX_EINVAL;
		}
	}
	*m = t;
	return 0;
}
