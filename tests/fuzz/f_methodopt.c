/*
 * f_methodopt.c - the option-spec parsers (calc/methodvocab.h, calc/calc.h):
 * cidx_method_set() for every method item, the tier spec and the weights
 * method.  The first byte chooses the parser, the rest is the text, as
 * it would come from argv.  Accepted values print in a canonical form
 * that reads back to the same value; refused values change nothing.
 */
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"
#include "fuzz.h"

static void
method_item(enum cidx_mkey key, const char *text)
{
	struct cidx_method m = CIDX_METHOD_INIT, d = CIDX_METHOD_INIT;
	struct cidx_method again = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char a[256], b[256];

	if (cidx_method_set(&m, key, text, &err) < 0) {
		fuzz_assert(memcmp(&m, &d, sizeof(m)) == 0);
		fuzz_assert(err.msg[0] != '\0');
		return;
	}
	cidx_method_text(&m, key, a, sizeof(a));
	if (cidx_method_set(&again, key, a, &err) < 0)
		fuzz_fail(__FILE__, __LINE__, err.msg);
	cidx_method_text(&again, key, b, sizeof(b));
	fuzz_assert(strcmp(a, b) == 0);
	fuzz_assert(cidx_method_is_default(&m, key) ==
	    cidx_method_is_default(&again, key));
}

static void
tier_spec(const char *text)
{
	struct cidx_tierspec t, again;
	struct cidx_err err = CIDX_ERR_INIT;

	if (cidx_tierspec_parse(&t, text, &err) < 0) {
		fuzz_assert(t.v == NULL && err.msg[0] != '\0');
		return;
	}
	fuzz_assert(t.k >= 1);
	if (cidx_tierspec_parse(&again, t.text, &err) < 0)
		fuzz_fail(__FILE__, __LINE__, err.msg);
	fuzz_assert(again.k == t.k && again.nv == t.nv);
	/* by value: "breaks:-0" is spelt "breaks:0" */
	for (size_t i = 0; i < t.nv; i++)
		fuzz_assert(again.v[i] == t.v[i]);
	cidx_tierspec_release(&again);
	cidx_tierspec_release(&t);
}

static void
weights_method(const char *text)
{
	struct cidx_err err = CIDX_ERR_INIT;
	enum cidx_wmethod wm;
	const char *ahp;

	double alpha;

	if (cidx_wmethod_parse(text, &wm, &ahp, &alpha, &err) < 0)
		return;
	fuzz_assert((wm == CIDX_WM_AHP || wm == CIDX_WM_COMBINE) ==
	    (ahp != NULL));
	fuzz_assert((wm == CIDX_WM_COMBINE) == !isnan(alpha));
	fuzz_assert(ahp == NULL || *ahp != '\0');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	unsigned which;

	if (size == 0)
		return 0;
	which = data[0] % (CIDX_MK_N + 4);
	text = fuzz_str(data + 1, size - 1);
	if (which < CIDX_MK_N)
		method_item((enum cidx_mkey)which, text);
	else if (which == CIDX_MK_N)
		tier_spec(text);
	else if (which == CIDX_MK_N + 1)
		weights_method(text);
	else /* the option given without a value: --treat, --denominate */
		method_item(which == CIDX_MK_N + 2 ? CIDX_MK_TREAT :
		    CIDX_MK_DENOMINATE, NULL);
	free(text);
	return 0;
}
