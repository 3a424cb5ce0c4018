/* io: weights files, --set, method files; calc: the method vocabulary */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/methodvocab.h"
#include "core/json.h"
#include "core/mem.h"
#include "core/wspec.h"
#include "fixture.h"
#include "io/framework.h"
#include "io/methodfile.h"
#include "io/weightsfile.h"
#include "runner.h"

/* the weights after applying `s` to all-ones */
static void
apply(const struct cidx_wset *s, double *w, size_t n)
{
	for (size_t k = 0; k < n; k++)
		w[k] = 1;
	for (size_t i = 0; i < s->n; i++)
		w[s->node[i]] = s->w[i];
}

void
test_wfile__weights_file(void)
{
	struct cidx_framework *fw;
	struct cidx_wset s = CIDX_WSET_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128], want[192];
	double w[5];

	if (tmp_begin() < 0)
		return;
	if ((fw = fx_small_framework()) == NULL)
		goto out;
	/* other columns are ignored */
	put(p, sizeof(p), "w.csv", "code,weight,note\nA,2,x\nINDEX,0.5,\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), 0);
	apply(&s, w, 5);
	CHECK_DBL(w[0], 0.5, 0);
	CHECK_DBL(w[1], 2, 0);
	CHECK_DBL(w[2], 1, 0);
	/* COINr's spelling; a later assignment wins */
	put(p, sizeof(p), "wc.csv", "iCode,Level,Weight\nB,1,4\nA,1,3\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), 0);
	CHECK_INT(s.n, 4);
	apply(&s, w, 5);
	CHECK_DBL(w[2], 4, 0);
	CHECK_DBL(w[1], 3, 0);

	/* row 2 is fine, row 3 is not: nothing is added.  ZZ at 3:1 */
	put(p, sizeof(p), "wu.csv", "code,weight\nA,3\nZZ,1\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	snprintf(want, sizeof(want), "%s:3:1: unknown code 'ZZ'", p);
	CHECK_HAS(err.msg, want);
	CHECK_INT(s.n, 4);
	/* out of range: -1 and 1e10 at 2:3 */
	put(p, sizeof(p), "wn.csv", "code,weight\nA,-1\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	snprintf(want, sizeof(want), "%s:2:3: '-1': weight must be a number "
	    "from 0 to 1e9", p);
	CHECK_HAS(err.msg, want);
	put(p, sizeof(p), "wb.csv", "code,weight\nA,1e10\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	put(p, sizeof(p), "wt.csv", "code,weight\nA,1e9\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), 0);
	put(p, sizeof(p), "wx.csv", "code,weight\nA,\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	/* a denominator has no weight */
	put(p, sizeof(p), "wd.csv", "code,weight\nPOP,1\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'POP' is not an indicator or aggregate");
	put(p, sizeof(p), "wh.csv", "code,w\nA,1\n");
	CHECK_INT(cidx_weights_read_file(fw, p, &s, &err), CIDX_EINVAL);
	snprintf(want, sizeof(want), "%s:1:1:", p);
	CHECK_HAS(err.msg, want);
	CHECK_INT(s.n, 5);
	cidx_framework_free(fw);
out:
	cidx_wset_release(&s);
	tmp_end();
}

void
test_wfile__weights_set(void)
{
	static const char *const bad[] = { "ZZ=1", "A=-1", "A", "=1", "A=",
		"A=abc", "POP=1", "PROV=2", "A=1,5", "A=1e308", "A=inf" };
	struct cidx_framework *fw;
	struct cidx_wset s = CIDX_WSET_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	double w[5];

	if (tmp_begin() < 0)
		return;
	if ((fw = fx_small_framework()) == NULL)
		goto out;
	CHECK_INT(cidx_weights_parse_set(fw, "B=0.25", &s, &err), 0);
	CHECK_INT(cidx_weights_parse_set(fw, "INDEX=0", &s, &err), 0);
	for (size_t i = 0; i < LEN(bad); i++) {
		err.code = 0;
		CHECK_INT(cidx_weights_parse_set(fw, bad[i], &s, &err),
		    CIDX_EINVAL);
		CHECK_INT(err.code, CIDX_EINVAL);
	}
	CHECK_INT(cidx_weights_parse_set(fw, "ZZ=1", &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "--set 'ZZ=1': unknown code 'ZZ'");
	CHECK(strstr(err.msg, "did you mean") == NULL);
	/* one edit from a code of the tree: a suggestion, never a group or
	 * denominator code */
	CHECK_INT(cidx_weights_parse_set(fw, "index=1", &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "unknown code 'index' (did you mean 'INDEX'?)");
	CHECK_INT(cidx_weights_parse_set(fw, "PO=1", &s, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, "did you mean") == NULL);
	CHECK_INT(cidx_weights_parse_set(fw, "A=-1", &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "weight must be a number from 0 to 1e9");
	/* nothing added by the errors */
	CHECK_INT(s.n, 2);
	apply(&s, w, 5);
	CHECK_DBL(w[0], 0, 0);
	CHECK_DBL(w[1], 1, 0);
	CHECK_DBL(w[2], 0.25, 0);
	cidx_framework_free(fw);
out:
	cidx_wset_release(&s);
	tmp_end();
}

/* method files: the reader keeps FILE:LINE:COLUMN, and every number
 * that enters through one is checked as on the command line */
void
test_wfile__method_file(void)
{
	static const struct {
		const char *json, *msg;
	} bad[] = {
		/* the JSON limits, with the file's position */
		{ "{\"method\": {\"screen\": 0.5,\n \"screen\": 0.9}}",
		  ":2:2: duplicate member 'screen'" },
		{ "{\"method\": {\"impute\": \"group-mean:a\\u0000b\"}}",
		  ":1:36: \\u0000 in a string" },
		{ "{\"method\": {}} x", ":1:16: text after the JSON value" },
		{ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		  "[[[[[[", ":1:65: nested deeper than 64 levels" },
		/* values out of range, named by member */
		{ "{\"method\": {\"treat\": {\"skew\": 2, \"kurt\": 3.5, "
		  "\"winmax\": 1e300}}}", "method member 'treat': '2,3.5,1e+300': "
		  "WINMAX must be a whole number from 0 to 1000000" },
		{ "{\"method\": {\"treat\": {\"skew\": -1, \"kurt\": 3.5, "
		  "\"winmax\": 5}}}", "SKEW must be a number > 0" },
		{ "{\"method\": {\"screen\": -1}}", "method member 'screen': "
		  "'-1': expected a share from 0 to 1" },
		{ "{\"method\": {\"screen_pillar\": 1e300}}",
		  "method member 'screen_pillar': '1e+300': expected a whole "
		  "number from 0 to 1000" },
		{ "{\"method\": {\"normalise\": \"minmax:-1e308,1e308\"}}",
		  "parameters must be within +-1e9" },
		{ "{\"method\": {\"normalise\": \"zscore:1e308,1\"}}",
		  "parameters must be within +-1e9" },
		{ "{\"method\": {\"normalise\": \"goalposts:-1e308,0\"}}",
		  "parameters must be within +-1e9" },
		{ "{\"method\": {\"normalise\": \"zscore:0,-1\"}}",
		  "the spread must be > 0" },
	};
	static const struct {
		const char *weights, *msg;
	} badw[] = {
		{ "{\"A\": 1e300}", "weight of 'A': must be a number from 0 "
		  "to 1e9" },
		{ "{\"A\": -1}", "weight of 'A': must be a number from 0" },
		{ "{\"A\": \"2\"}", "weight of 'A': must be a number from 0" },
		{ "{\"A\": null}", "weight of 'A': must be a number from 0" },
		{ "{\"POP\": 1}", "weight of 'POP': not a weight of the "
		  "hierarchy" },
		{ "{\"ZZ\": 1}", "weight of 'ZZ': not in the framework" },
		{ "[1]", "method member 'weights' must be an object" },
	};
	struct cidx_framework *fw;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_json *root = NULL;
	const struct cidx_json *mobj = NULL;
	struct cidx_wset s = CIDX_WSET_INIT;
	char p[128], text[256], want[256];
	int same = -1;

	if (tmp_begin() < 0)
		return;
	if ((fw = fx_small_framework()) == NULL)
		goto out;
	for (size_t i = 0; i < LEN(bad); i++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		int ret;

		put(p, sizeof(p), "m.json", bad[i].json);
		ret = cidx_methodfile_load(p, &root, &mobj, &err);
		if (ret == 0) {
			ret = cidx_method_from_json(&m, mobj, p, &err);
			cidx_json_free(root);
			root = NULL;
		} else {
			CHECK(root == NULL && mobj == NULL);
		}
		CHECK_INT(ret, CIDX_EINVAL);
		CHECK_HAS(err.msg, bad[i].msg);
		CHECK_HAS(err.msg, p);
	}
	/* weights: the largest accepted, then each refused one */
	put(p, sizeof(p), "w.json", "{\"method\": {\"weights\": {\"A\": 1e9, "
	    "\"INDEX\": 0}}}");
	CHECK_INT(cidx_methodfile_load(p, &root, &mobj, &err), 0);
	CHECK_INT(cidx_methodfile_weights(mobj, p, fw, &s, &same, &err), 0);
	CHECK_INT(s.n, 2);
	/* no framework_sha256 (written by hand): cannot be checked, which
	 * is no mismatch (issue 15 §3) */
	CHECK_INT(same, -1);
	cidx_json_free(root);
	root = NULL;
	put(p, sizeof(p), "w.json", "{\"method\": {\"weights\": {\"A\": 1}, "
	    "\"framework_sha256\": \"00\", \"weights_method\": \"file\", "
	    "\"weights_file\": \"w.csv\", \"weights_set\": [\"A=2\"]}}");
	CHECK_INT(cidx_methodfile_load(p, &root, &mobj, &err), 0);
	CHECK_INT(cidx_methodfile_weights(mobj, p, fw, &s, &same, &err), 0);
	CHECK_INT(same, 0);
	{
		struct sbuf sb = SBUF_INIT;

		cidx_methodfile_describe_weights(mobj, "m.json", &sb);
		CHECK_STR(sb.buf, "weights from m.json (framework weights "
		    "overridden by w.csv and set A=2)");
		cidx_sbuf_release(&sb);
	}
	cidx_json_free(root);
	root = NULL;
	for (size_t i = 0; i < LEN(badw); i++) {
		snprintf(text, sizeof(text), "{\"weights\": %s}", badw[i].weights);
		put(p, sizeof(p), "w.json", text);
		CHECK_INT(cidx_methodfile_load(p, &root, &mobj, &err), 0);
		if (root == NULL)
			continue;
		CHECK_INT(cidx_methodfile_weights(mobj, p, fw, &s, NULL, &err),
		    CIDX_EINVAL);
		snprintf(want, sizeof(want), "'%s': %s", p, badw[i].msg);
		CHECK_HAS(err.msg, want);
		cidx_json_free(root);
		root = NULL;
	}
	/* a top level that is no object */
	put(p, sizeof(p), "a.json", "[1, 2]");
	CHECK_INT(cidx_methodfile_load(p, &root, &mobj, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "no method object");
	CHECK(root == NULL && mobj == NULL);
	cidx_framework_free(fw);
out:
	cidx_wset_release(&s);
	tmp_end();
}

/* a byte-order mark before the JSON: UTF-8's is read past (and positions
 * count from the text after it), UTF-16's and UTF-32's are named */
void
test_wfile__method_file_with_a_bom(void)
{
	static const struct {
		const char *bytes;
		size_t n;
		const char *msg;        /* NULL: read */
	} cases[] = {
#define B(s) s, sizeof(s) - 1
		{ B("\xef\xbb\xbf{\"method\": {\"normalise\": \"zscore\"}}"),
		    NULL },
		{ B("\xef\xbb\xbf{\"method\": \n {\"normalise\": }}"),
		    ":2:16: " },
		{ B("\xef\xbb\xbf"), ":1:1: " },
		{ B("\xff\xfe{\0}\0"), "is UTF-16LE" },
		{ B("\xfe\xff\0{\0}"), "is UTF-16BE" },
		{ B("\xff\xfe\0\0{\0\0\0"), "is UTF-32LE" },
		{ B("\xef\xbb\xbf\xef\xbb\xbf{}"), ":1:1: " },  /* one only */
#undef B
	};
	struct cidx_err err = CIDX_ERR_INIT;
	char p[128];

	if (tmp_begin() < 0)
		return;
	for (size_t i = 0; i < LEN(cases); i++) {
		struct cidx_json *root = NULL;
		const struct cidx_json *mobj = NULL;
		int ret;

		put_n(p, sizeof(p), "bom.json", cases[i].bytes, cases[i].n);
		ret = cidx_methodfile_load(p, &root, &mobj, &err);
		if (cases[i].msg == NULL) {
			CHECK_INT(ret, 0);
			CHECK(mobj != NULL && cidx_json_get(mobj,
			    "normalise") != NULL);
		} else {
			CHECK_INT(ret, CIDX_EINVAL);
			CHECK(root == NULL && mobj == NULL);
			CHECK_HAS(err.msg, p);
			CHECK_HAS(err.msg, cases[i].msg);
		}
		cidx_json_free(root);
	}
	tmp_end();
}
