/*
 * methodjson.c - the "method" object of the JSON outputs, written and
 * read back (methodvocab.h; cityidx(1), OUTPUT FORMATS and METHOD
 * FILES).  The writer records each method item and, for information, the
 * weights, the tiers and the data used; the reader sets the members that
 * replay a step through cidx_method_set(), skips those recorded for
 * information and refuses anything else.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/effweight.h"
#include "calc/imethod.h"
#include "calc/methodvocab.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/model.h"
#include "core/num.h"

/* members the writer records for information; never replayed here */
static const char *const informative[] = {
	"cityidx", "steps", "weights_method", "weights_file", "weights_set",
	"weights", "weights_year", "tiers", "top", "dark_horse", "ranking",
	"framework_sha256", "import_ids", "coverage", "movement_basis",
	"effective_weights", NULL
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

/* the steps the method runs, in order */
static void
write_steps(struct cidx_jsonw *w, const struct cidx_method *m,
    const char *tiers)
{
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (int k = CIDX_MK_DENOMINATE; k <= CIDX_MK_TREAT; k++)
		if (cidx_method_runs(m, (enum cidx_mkey)k))
			cidx_jsonw_string(w, cidx_method_items[k].member);
	if (m->imethod == CIDX_IM_COMPOSITE) {
		cidx_jsonw_string(w, "normalise");
		cidx_jsonw_string(w, "aggregate");
	} else {
		if (cidx_imethod_info(m->imethod)->normalised)
			cidx_jsonw_string(w, "normalise");
		cidx_jsonw_string(w, cidx_imethod_info(m->imethod)->name);
	}
	cidx_jsonw_string(w, "rank");
	if (tiers)
		cidx_jsonw_string(w, "tiers");
	cidx_jsonw_end_array(w);
}

/* one method item: a bool, a number, the treat object, or its text */
static void
write_item(struct cidx_jsonw *w, const struct cidx_method *m,
    enum cidx_mkey k)
{
	char b[160];

	switch (k) {
	case CIDX_MK_DENOMINATE:
		cidx_jsonw_bool(w, m->denominate);
		return;
	case CIDX_MK_SCREEN:
		cidx_jsonw_number17(w, m->screen);
		return;
	case CIDX_MK_SCREEN_PILLAR:
		cidx_jsonw_int(w, m->screen_pillar);
		return;
	case CIDX_MK_TREAT:
		if (!m->treat) {
			cidx_jsonw_null(w);
			return;
		}
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "skew");
		cidx_jsonw_number17(w, m->treat_p.skew);
		cidx_jsonw_key(w, "kurt");
		cidx_jsonw_number17(w, m->treat_p.kurt);
		cidx_jsonw_key(w, "winmax");
		cidx_jsonw_int(w, m->treat_p.winmax);
		cidx_jsonw_end_object(w);
		return;
	default:
		cidx_method_text(m, k, b, sizeof(b));
		cidx_jsonw_string(w, b);
		return;
	}
}

/* the weights: how they were made, and each node's but the root's */
static void
write_weights(struct cidx_jsonw *w, const struct cidx_method_record *rec)
{
	const struct cidx_framework *fw = rec->fw;

	cidx_jsonw_key(w, "weights_method");
	cidx_jsonw_string(w, rec->weights_method ? rec->weights_method :
	    "file");
	cidx_jsonw_key(w, "weights_file");
	cidx_jsonw_string(w, rec->weights_file);
	cidx_jsonw_key(w, "weights_set");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t i = 0; i < rec->n_set; i++)
		cidx_jsonw_string(w, rec->set[i]);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "weights");
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	for (size_t k = 0; k < fw->n; k++) {
		if (fw->node[k].level == 0)
			continue;
		cidx_jsonw_key(w, fw->node[k].code);
		cidx_jsonw_number17(w, rec->weights[k]);
	}
	cidx_jsonw_end_object(w);
}

/* per node but the root: the nominal and effective weights and the
 * importance in the year (cityidx(1), METHOD, Effective weights and
 * importance) */
static void
write_effective(struct cidx_jsonw *w, const struct cidx_method_record *rec)
{
	const struct cidx_framework *fw = rec->fw;
	const struct cidx_effweights *ew = rec->eff;

	cidx_jsonw_key(w, "effective_weights");
	cidx_jsonw_begin_object(w, CIDX_JSONW_LINES);
	for (size_t k = 0; k < fw->n; k++) {
		if (fw->node[k].level == 0 || k == fw->root)
			continue;
		cidx_jsonw_key(w, fw->node[k].code);
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_effweights_json_members(w, ew, k);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_object(w);
}

void
cidx_method_to_json(struct cidx_jsonw *w, const struct cidx_method *m,
    const struct cidx_method_record *rec)
{
	cidx_jsonw_begin_object(w, CIDX_JSONW_LINES);
	cidx_jsonw_key(w, "cityidx");
	cidx_jsonw_string(w, rec->version);
	cidx_jsonw_key(w, "steps");
	write_steps(w, m, rec->tiers);
	for (int k = 0; k < CIDX_MK_N; k++) {
		cidx_jsonw_key(w, cidx_method_items[k].member);
		write_item(w, m, (enum cidx_mkey)k);
	}
	write_weights(w, rec);
	if (rec->eff)
		write_effective(w, rec);
	if (rec->tiers) {
		cidx_jsonw_key(w, "tiers");
		cidx_jsonw_string(w, rec->tiers);
		cidx_jsonw_key(w, "top");
		cidx_jsonw_int(w, rec->top);
		cidx_jsonw_key(w, "dark_horse");
		cidx_jsonw_int(w, rec->dark_horse);
	}
	cidx_jsonw_key(w, "ranking");
	cidx_jsonw_string(w, "competition, descending score, ties by code");
	cidx_jsonw_key(w, "framework_sha256");
	cidx_jsonw_string(w, rec->fw->checksum);
	cidx_jsonw_key(w, "import_ids");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t k = 0; k < rec->n_import_ids; k++)
		cidx_jsonw_int(w, rec->import_ids[k]);
	cidx_jsonw_end_array(w);
	cidx_jsonw_end_object(w);
}
