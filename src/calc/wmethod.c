/*
 * wmethod.c - the vocabulary of derived weights (methodvocab.h;
 * cityidx(1), METHOD OPTIONS, --weights-method): names and parameters.
 */
#include <math.h>
#include <string.h>

#include "calc/methodvocab.h"
#include "core/num.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const wmethods[] = {
	[CIDX_WM_FILE] = "file",
	[CIDX_WM_EQUAL] = "equal",
	[CIDX_WM_ENTROPY] = "entropy",
	[CIDX_WM_CRITIC] = "critic",
	[CIDX_WM_PCA] = "pca",
	[CIDX_WM_AHP] = "ahp",
	[CIDX_WM_ENTROPY_PANEL] = "entropy-panel",
	[CIDX_WM_COMBINE] = "combine",
};

/* "combine:ALPHA:ahp:FILE" */
static int
wmethod_combine(const char *s, const char **ahp_path, double *alpha)
{
	const char *p = s + strlen("combine:"), *c = strchr(p, ':');
	char num[64];
	double a;

	if (c == NULL || (size_t)(c - p) >= sizeof(num) ||
	    strncmp(c, ":ahp:", 5) != 0 || c[5] == '\0')
		return -1;
	memcpy(num, p, (size_t)(c - p));
	num[c - p] = '\0';
	if (cidx_num_parse(num, &a, NULL) < 0 || !(a >= 0 && a <= 1))
		return -1;
	*ahp_path = c + 5;
	if (alpha)
		*alpha = a;
	return 0;
}

int
cidx_wmethod_parse(const char *s, enum cidx_wmethod *out,
    const char **ahp_path, double *alpha, struct cidx_err *err)
{
	*ahp_path = NULL;
	if (alpha)
		*alpha = NAN;
	for (size_t i = CIDX_WM_EQUAL; i < NELEM(wmethods); i++)
		if (i != CIDX_WM_AHP && i != CIDX_WM_COMBINE &&
		    strcmp(s, wmethods[i]) == 0) {
			*out = (enum cidx_wmethod)i;
			return 0;
		}
	if (strncmp(s, "ahp:", 4) == 0 && s[4] != '\0') {
		*out = CIDX_WM_AHP;
		*ahp_path = s + 4;
		return 0;
	}
	if (strncmp(s, "combine:", 8) == 0 &&
	    wmethod_combine(s, ahp_path, alpha) == 0) {
		*out = CIDX_WM_COMBINE;
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected equal, entropy, "
	    "entropy-panel, critic, pca, ahp:FILE or combine:ALPHA:ahp:FILE "
	    "(0 <= ALPHA <= 1)", s);
}

const char *
cidx_wmethod_name(enum cidx_wmethod wm)
{
	return wmethods[wm];
}

