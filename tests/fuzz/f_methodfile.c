/*
 * f_methodfile.c - method files (io/methodfile.h, cityidx(1), METHOD
 * FILES): the JSON, the method items through the vocabulary
 * (cidx_method_from_json()) and the recorded weights, against the small
 * test framework.  A method read from a file prints as text that reads
 * back to the same method; a refused method leaves the method unchanged.
 */
#include <math.h>
#include <string.h>

#include "calc/methodvocab.h"
#include "core/wspec.h"
#include "fuzz.h"
#include "io/methodfile.h"
#include "io/weightsfile.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_framework("mini");
	return 0;
}

static void
round_trip(const struct cidx_method *m)
{
	for (int k = 0; k < CIDX_MK_N; k++) {
		struct cidx_method again = CIDX_METHOD_INIT;
		struct cidx_err err = CIDX_ERR_INIT;
		char a[256], b[256];

		cidx_method_text(m, (enum cidx_mkey)k, a, sizeof(a));
		if (cidx_method_set(&again, (enum cidx_mkey)k, a, &err) < 0)
			fuzz_fail(__FILE__, __LINE__, err.msg);
		cidx_method_text(&again, (enum cidx_mkey)k, b, sizeof(b));
		fuzz_assert(strcmp(a, b) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct cidx_framework *fw = fuzz_framework("mini");
	const char *path = fuzz_put("m.json", data, size);
	struct cidx_json *root = NULL;
	const struct cidx_json *mobj = NULL;
	struct cidx_method m = CIDX_METHOD_INIT, d = CIDX_METHOD_INIT;
	struct cidx_wset ws = CIDX_WSET_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	int same;

	if (cidx_methodfile_load(path, &root, &mobj, &err) < 0) {
		fuzz_assert(root == NULL && mobj == NULL);
		return 0;
	}
	fuzz_assert(mobj != NULL && mobj->type == CIDX_JSON_OBJECT);
	if (cidx_method_from_json(&m, mobj, path, &err) == 0)
		round_trip(&m);
	else
		fuzz_assert(memcmp(&m, &d, sizeof(m)) == 0);
	if (cidx_methodfile_weights(mobj, path, fw, &ws, &same, &err) == 0)
		for (size_t i = 0; i < ws.n; i++)
			fuzz_assert(ws.node[i] < fw->n && isfinite(ws.w[i]) &&
			    ws.w[i] >= 0 && ws.w[i] <= CIDX_WEIGHT_MAX);
	cidx_wset_release(&ws);
	cidx_json_free(root);
	return 0;
}
