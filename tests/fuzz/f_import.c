/*
 * f_import.c - data files (io/import.h): the long, wide, COINr iData,
 * units and layers layouts, told apart by the header (GeoJSON when the
 * file begins with '{', see f_geojson.c), read against the small test
 * framework and COINr's ASEM framework, with and without --year.  No
 * workspace is involved: the batch is what the store would apply.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "io/import.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_framework("mini");
	fuzz_framework("asem");
	return 0;
}

/* the runs hold the values in the order of the file (a long file's on
 * lines one after another), as cidx_import_value_at() gives them */
static void
check_runs(const struct cidx_import *imp)
{
	size_t i = 0;

	for (size_t r = 0; r < imp->n_run; r++) {
		struct cidx_run_view w;

		cidx_import_run_view(imp, r, &w);
		fuzz_assert(w.n == cidx_import_run_len(imp, r) && w.v != NULL);
		for (size_t k = 0; k < w.n; k++, i++) {
			struct cidx_import_value v = cidx_import_value_at(imp, i);

			fuzz_assert(v.node == cidx_run_view_node(&w, k) &&
			    v.unit == imp->run[r].unit &&
			    v.year == imp->run[r].year);
			fuzz_assert((isnan(v.value) && isnan(w.v[k])) ||
			    v.value == w.v[k]);
			if (strcmp(imp->layout, "long") == 0 && i > 0)
				fuzz_assert(v.line >
				    cidx_import_value_at(imp, i - 1).line);
		}
	}
	fuzz_assert(i == imp->n_val);
}

static void
check(const struct cidx_import *imp, const struct cidx_framework *fw)
{
	static const char *const layouts[] = { "long", "wide", "coinr",
		"units", "layers", "geojson" };
	int known = 0;

	for (size_t i = 0; i < 6; i++)
		known |= strcmp(imp->layout, layouts[i]) == 0;
	fuzz_assert(known);
	for (size_t u = 0; u < imp->n_unit; u++)
		fuzz_assert(imp->unit[u].code != NULL &&
		    imp->unit[u].code[0] != '\0');
	for (size_t i = 0; i < imp->n_val; i++) {
		struct cidx_import_value v = cidx_import_value_at(imp, i);

		fuzz_assert(v.unit < imp->n_unit && v.node < fw->n);
		fuzz_assert(fw->node[v.node].type == CIDX_NODE_INDICATOR ||
		    fw->node[v.node].type == CIDX_NODE_DENOMINATOR);
		fuzz_assert(isnan(v.value) || isfinite(v.value));
	}
	check_runs(imp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fws[] = { "mini", "asem" };
	static const int years[] = { 0, 2017 };
	const char *path = fuzz_put("data.csv", data, size);

	for (size_t f = 0; f < 2; f++)
		for (size_t y = 0; y < 2; y++) {
			const struct cidx_framework *fw = fuzz_framework(fws[f]);
			struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
			struct cidx_import *imp = NULL;
			struct cidx_err err = CIDX_ERR_INIT;

			o.year = years[y];
			if (cidx_import_read(&imp, path, fw, &o, &err) < 0) {
				fuzz_assert(imp == NULL && err.msg[0] != '\0');
				continue;
			}
			check(imp, fw);
			cidx_import_free(imp);
		}
	return 0;
}
