/*
 * f_ahpfile.c - AHP files (io/ahpfile.h) against the small test framework
 * and COINr's ASEM framework, then the weights they give
 * (cidx_weights_ahp()): an accepted file gives positive reciprocal
 * matrices, and the weights derived from them are finite, positive and
 * sum to 1, or are refused with a message; never NaN.
 */
#include <math.h>
#include <stdlib.h>

#include "calc/weights.h"
#include "core/wspec.h"
#include "fuzz.h"
#include "io/ahpfile.h"

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
check(const struct cidx_ahp *ahp, const struct cidx_framework *fw)
{
	fuzz_assert(ahp->n_groups > 0);
	for (size_t g = 0; g < ahp->n_groups; g++) {
		size_t k = ahp->k[g];
		const double *A = ahp->A[g];
		double *w = calloc(k, sizeof(double)), lmax, ci, cr, sum = 0;
		struct cidx_err err = CIDX_ERR_INIT;

		fuzz_assert(w != NULL);
		fuzz_assert(ahp->parent[g] < fw->n && k >= 2);
		fuzz_assert(cidx_ahp_find(ahp, ahp->parent[g]) == (int)g);
		for (size_t i = 0; i < k; i++)
			for (size_t j = 0; j < k; j++)
				fuzz_assert(isfinite(A[i * k + j]) &&
				    A[i * k + j] > 0);
		if (cidx_weights_ahp(A, k, w, &lmax, &ci, &cr, &err) == 0) {
			for (size_t i = 0; i < k; i++) {
				fuzz_assert(isfinite(w[i]) && w[i] > 0);
				sum += w[i];
			}
			fuzz_assert(fabs(sum - 1) < 1e-9);
			fuzz_assert(isfinite(lmax) && isfinite(ci));
		} else {
			fuzz_assert(err.msg[0] != '\0');
		}
		free(w);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fws[] = { "mini", "asem" };
	const char *path = fuzz_put("ahp.csv", data, size);

	for (size_t f = 0; f < 2; f++) {
		const struct cidx_framework *fw = fuzz_framework(fws[f]);
		struct cidx_ahp *ahp = NULL;
		struct cidx_err err = CIDX_ERR_INIT;

		if (cidx_ahp_read(&ahp, fw, path, &err) < 0) {
			fuzz_assert(ahp == NULL && err.msg[0] != '\0');
			continue;
		}
		check(ahp, fw);
		cidx_ahp_free(ahp);
	}
	return 0;
}
