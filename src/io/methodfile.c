/*
 * methodfile.c - method files (methodfile.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "io/methodfile.h"
#include "io/weightsfile.h"

/*
 * A byte-order mark before the JSON text (RFC 8259 lets a reader ignore
 * one): UTF-8's is skipped, so that positions count from the text;
 * UTF-16's and UTF-32's are named, not reported as a bad first value.
 * @return the bytes to skip, or -1 (err set).
 */
static int
skip_bom(const struct sbuf *sb, const char *path, struct cidx_err *err)
{
	static const struct {
		const char *bytes, *name;
		size_t n;
	} boms[] = {
		{ "\x00\x00\xfe\xff", "UTF-32BE", 4 },
		{ "\xff\xfe\x00\x00", "UTF-32LE", 4 },
		{ "\xfe\xff", "UTF-16BE", 2 },
		{ "\xff\xfe", "UTF-16LE", 2 },
	};

	if (sb->len >= 3 && memcmp(sb->buf, "\xef\xbb\xbf", 3) == 0)
		return 3;
	for (size_t i = 0; i < sizeof(boms) / sizeof(boms[0]); i++)
		if (sb->len >= boms[i].n &&
		    memcmp(sb->buf, boms[i].bytes, boms[i].n) == 0) {
			cidx_err_set(err, CIDX_EINVAL, "'%s' is %s (it begins "
			    "with that byte-order mark): a method file is "
			    "UTF-8 JSON", path, boms[i].name);
			return -1;
		}
	return 0;
}

int
cidx_methodfile_load(const char *path, struct cidx_json **root,
    const struct cidx_json **method, struct cidx_err *err)
{
	FILE *fp = fopen(path, "rb");
	struct sbuf sb = SBUF_INIT;
	char chunk[8192];
	size_t k;
	int ret, bad;

	*root = NULL;
	*method = NULL;
	if (fp == NULL)
		return cidx_err_set(err, CIDX_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cidx_sbuf_add(&sb, chunk, k);
	bad = ferror(fp);
	fclose(fp);
	if (bad) {
		cidx_sbuf_release(&sb);
		return cidx_err_set(err, CIDX_EIO, "cannot read '%s'", path);
	}
	if ((ret = skip_bom(&sb, path, err)) < 0) {
		cidx_sbuf_release(&sb);
		return CIDX_EINVAL;
	}
	ret = cidx_json_parse(root, sb.buf + ret, sb.len - (size_t)ret, path,
	    err);
	cidx_sbuf_release(&sb);
	if (ret < 0)
		return ret;
	*method = cidx_json_get(*root, "method");
	/* a method object saved on its own has "method": "composite" */
	if (*method == NULL || (*method)->type != CIDX_JSON_OBJECT)
		*method = *root;
	if ((*method)->type != CIDX_JSON_OBJECT) {
		cidx_json_free(*root);
		*root = NULL;
		*method = NULL;
		return cidx_err_set(err, CIDX_EINVAL,
		    "'%s': no method object", path);
	}
	return 0;
}

int
cidx_methodfile_weights(const struct cidx_json *method, const char *path,
    const struct cidx_framework *fw, struct cidx_wset *out,
    int *same_framework, struct cidx_err *err)
{
	const struct cidx_json *sha = cidx_json_get(method, "framework_sha256");
	const struct cidx_json *ws = cidx_json_get(method, "weights");

	if (same_framework)
		*same_framework = sha == NULL || sha->type != CIDX_JSON_STRING ?
		    -1 : strcmp(sha->string, fw->checksum) == 0;
	if (ws == NULL || ws->type == CIDX_JSON_NULL)
		return 0;
	if (ws->type != CIDX_JSON_OBJECT)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': method member "
		    "'weights' must be an object of code: weight", path);
	for (size_t i = 0; i < ws->n; i++) {
		const struct cidx_json *it = &ws->item[i];
		int k = cidx_framework_find(fw, it->key);

		if (k < 0 || fw->node[k].level == 0)
			return cidx_err_set(err, CIDX_EINVAL, "'%s': weight of "
			    "'%s': %s", path, it->key, k < 0 ?
			    "not in the framework" :
			    "not a weight of the hierarchy");
		if (it->type != CIDX_JSON_NUMBER || it->number < 0 ||
		    it->number > CIDX_WEIGHT_MAX)
			return cidx_err_set(err, CIDX_EINVAL, "'%s': weight of "
			    "'%s': must be a number from 0 to 1e9", path,
			    it->key);
		cidx_wset_add(out, (size_t)k, it->number);
	}
	return 0;
}

/* the string member `key` of `obj`, or NULL */
static const char *
str_member(const struct cidx_json *obj, const char *key)
{
	const struct cidx_json *v = cidx_json_get(obj, key);

	return v && v->type == CIDX_JSON_STRING && *v->string ? v->string :
	    NULL;
}

void
cidx_methodfile_describe_weights(const struct cidx_json *method,
    const char *path, struct sbuf *sb)
{
	const struct cidx_json *ws = cidx_json_get(method, "weights");
	const struct cidx_json *set = cidx_json_get(method, "weights_set");
	const char *how = str_member(method, "weights_method");
	const char *file = str_member(method, "weights_file");
	size_t nset = 0;

	if (ws == NULL || ws->type != CIDX_JSON_OBJECT)
		return;
	cidx_sbuf_addf(sb, "weights from %s", path);
	if (how && strcmp(how, "file") == 0)
		how = NULL;
	for (size_t i = 0; set && set->type == CIDX_JSON_ARRAY &&
	    i < set->n; i++)
		nset += set->item[i].type == CIDX_JSON_STRING;
	if (how == NULL && file == NULL && nset == 0)
		return;
	cidx_sbuf_addf(sb, " (%s weights", how ? how : "framework");
	if (file)
		cidx_sbuf_addf(sb, " overridden by %s", file);
	for (size_t i = 0, k = 0; k < nset; i++)
		if (set->item[i].type == CIDX_JSON_STRING)
			cidx_sbuf_addf(sb, "%s%s", k++ ? ", " : " and set ",
			    set->item[i].string);
	cidx_sbuf_adds(sb, ")");
}
