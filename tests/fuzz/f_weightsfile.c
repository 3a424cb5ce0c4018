/*
 * f_weightsfile.c - weights files and CODE=W (io/weightsfile.h), against
 * the small test framework and COINr's ASEM framework.  Every weight
 * accepted is a number from 0 to CIDX_WEIGHT_MAX for a tree node; a
 * refused file adds nothing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/wspec.h"
#include "fuzz.h"
#include "io/weightsfile.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_framework("mini");
	fuzz_framework("asem");
	return 0;
}

static void
check(const struct cidx_wset *s, const struct cidx_framework *fw)
{
	for (size_t i = 0; i < s->n; i++) {
		fuzz_assert(s->node[i] < fw->n);
		fuzz_assert(fw->node[s->node[i]].type == CIDX_NODE_INDICATOR ||
		    fw->node[s->node[i]].type == CIDX_NODE_AGGREGATE);
		fuzz_assert(isfinite(s->w[i]) && s->w[i] >= 0 &&
		    s->w[i] <= CIDX_WEIGHT_MAX);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fws[] = { "mini", "asem" };
	const char *path = fuzz_put("w.csv", data, size);
	char *text = fuzz_str(data, size);

	for (size_t f = 0; f < 2; f++) {
		const struct cidx_framework *fw = fuzz_framework(fws[f]);
		struct cidx_wset s = CIDX_WSET_INIT;
		struct cidx_err err = CIDX_ERR_INIT;

		if (cidx_weights_read_file(fw, path, &s, &err) < 0)
			fuzz_assert(s.n == 0 && err.msg[0] != '\0');
		check(&s, fw);
		cidx_wset_release(&s);
		/* the same bytes as one --set CODE=W */
		if (cidx_weights_parse_set(fw, text, &s, &err) == 0)
			fuzz_assert(s.n == 1);
		else
			fuzz_assert(s.n == 0);
		check(&s, fw);
		cidx_wset_release(&s);
	}
	free(text);
	return 0;
}
