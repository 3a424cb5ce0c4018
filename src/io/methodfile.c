#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "io/methodfile.h"

static int
load(const char *path, struct cidx_json **root, const struct cidx_json **m,
    struct cidx_err *err)
{
	FILE *fp = fopen(path, "rb");
	struct sbuf sb = SBUF_INIT;
	char chunk[8192];
	size_t k;
	int ret;

	if (fp == NULL)
		return cidx_err_set(err, CIDX_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		sbuf_add(&sb, chunk, k);
	fclose(fp);
	ret = cidx_json_parse(root, sb.buf, sb.len, path, err);
	sbuf_release(&sb);
	if (ret < 0)
		return ret;
	*m = cidx_json_get(*root, "method");
	/* a method object saved on its own has "method": "composite" */
	if (*m == NULL || (*m)->type != CIDX_JSON_OBJECT)
		*m = *root;
	if ((*m)->type != CIDX_JSON_OBJECT) {
		cidx_json_free(*root);
		return cidx_err_set(err, CIDX_EINVAL,
		    "'%s': no method object", path);
	}
	return 0;
}

static const char *
str(const struct cidx_json *o, const char *key)
{
	const struct cidx_json *v = cidx_json_get(o, key);

	return v && v->type == CIDX_JSON_STRING ? v->string : NULL;
}

static int
bad(const char *path, const char *key, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EINVAL, "'%s': method member '%s' has "
	    "a value cityidx does not know", path, key);
}

int
cidx_methodfile_read(const char *path, struct cidx_method *m,
    struct cidx_err *err)
{
	struct cidx_json *root;
	const struct cidx_json *o, *v;
	const char *s;
	int ret;

	if ((ret = load(path, &root, &o, err)) < 0)
		return ret;
	if ((s = str(o, "normalise")) &&
	    (ret = cidx_method_parse_norm(m, s, err)) < 0)
		goto out;
	if ((s = str(o, "aggregate")) &&
	    (ret = cidx_method_parse_agg(m, s, err)) < 0)
		goto out;
	if ((s = str(o, "scale"))) {
		if (strcmp(s, "year") && strcmp(s, "panel")) {
			ret = bad(path, "scale", err);
			goto out;
		}
		m->panel = strcmp(s, "panel") == 0;
	}
	if ((s = str(o, "method"))) {
		if (strcmp(s, "topsis") && strcmp(s, "composite")) {
			ret = bad(path, "method", err);
			goto out;
		}
		m->topsis = strcmp(s, "topsis") == 0;
	}
	if ((v = cidx_json_get(o, "denominate")) && v->type == CIDX_JSON_BOOL)
		m->denominate = v->boolean;
	if ((s = str(o, "impute"))) {
		static const char *const names[] = { "none", "mean", "median",
			"group-mean", "group-median", "carry-forward" };
		const char *colon = strchr(s, ':');
		size_t len = colon ? (size_t)(colon - s) : strlen(s), i;

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i]) == len &&
			    strncmp(s, names[i], len) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]) ||
		    (colon && strlen(colon + 1) >= sizeof(m->impute_attr))) {
			ret = bad(path, "impute", err);
			goto out;
		}
		m->impute = (enum cidx_impute)i;
		snprintf(m->impute_attr, sizeof(m->impute_attr), "%s",
		    colon ? colon + 1 : "");
	}
	if ((v = cidx_json_get(o, "screen")) && v->type == CIDX_JSON_NUMBER)
		m->screen = v->number;
	if ((v = cidx_json_get(o, "treat"))) {
		const struct cidx_json *a = cidx_json_get(v, "skew");
		const struct cidx_json *b = cidx_json_get(v, "kurt");
		const struct cidx_json *c = cidx_json_get(v, "winmax");

		m->treat = v->type == CIDX_JSON_OBJECT;
		if (m->treat && a && b && c && a->type == CIDX_JSON_NUMBER &&
		    b->type == CIDX_JSON_NUMBER &&
		    c->type == CIDX_JSON_NUMBER) {
			m->treat_p.skew = a->number;
			m->treat_p.kurt = b->number;
			m->treat_p.winmax = (int)c->number;
		} else if (m->treat) {
			ret = bad(path, "treat", err);
			goto out;
		}
	}
	ret = 0;
out:
	cidx_json_free(root);
	return ret;
}

int
cidx_methodfile_weights(const char *path, const struct cidx_framework *fw,
    double *w, int *same_framework, struct cidx_err *err)
{
	struct cidx_json *root;
	const struct cidx_json *o, *ws;
	const char *sha;
	int ret;

	if ((ret = load(path, &root, &o, err)) < 0)
		return ret;
	sha = str(o, "framework_sha256");
	if (same_framework)
		*same_framework = sha && strcmp(sha, fw->checksum) == 0;
	ws = cidx_json_get(o, "weights");
	for (size_t i = 0; ws && ws->type == CIDX_JSON_OBJECT && i < ws->n;
	    i++) {
		const struct cidx_json *it = &ws->item[i];
		int k = cidx_framework_find(fw, it->key);

		if (k < 0 || fw->node[k].level == 0 ||
		    it->type != CIDX_JSON_NUMBER || it->number < 0) {
			ret = cidx_err_set(err, CIDX_EINVAL, "'%s': weight of "
			    "'%s': %s", path, it->key, k < 0 ?
			    "not in the framework" :
			    "not a weight of the hierarchy");
			break;
		}
		w[k] = it->number;
	}
	cidx_json_free(root);
	return ret;
}
