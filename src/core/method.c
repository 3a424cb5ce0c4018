/*
 * method.c - the outlier treatment's parameters read from text
 * (method.h; cityidx(1), METHOD OPTIONS, --treat, and METHOD, Treat).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/method.h"
#include "core/num.h"

int
cidx_treat_parse(const char *s, struct cidx_treat_params *p,
    struct cidx_err *err)
{
	char buf[128], *f[3], *save = NULL;
	double w;
	size_t nf = 0;

	/* "" (--treat=) has no last byte to look at */
	if (*s == '\0' || strlen(s) >= sizeof(buf))
		goto bad;
	snprintf(buf, sizeof(buf), "%s", s);
	if (buf[0] == ',' || strstr(buf, ",,") || buf[strlen(buf) - 1] == ',')
		goto bad;
	for (char *t = strtok_r(buf, ",", &save); t;
	    t = strtok_r(NULL, ",", &save)) {
		if (nf == 3)
			goto bad;
		f[nf++] = t;
	}
	if (nf != 3 || cidx_num_parse(f[0], &p->skew, NULL) < 0 ||
	    cidx_num_parse(f[1], &p->kurt, NULL) < 0 ||
	    cidx_num_parse(f[2], &w, NULL) < 0)
		goto bad;
	if (!(p->skew > 0) || p->skew > CIDX_TREAT_THRESHOLD_MAX)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': SKEW must be a "
		    "number > 0 and <= 1e6", s);
	if (fabs(p->kurt) > CIDX_TREAT_THRESHOLD_MAX)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': KURT must be a "
		    "number within +-1e6", s);
	if (!(w >= 0 && w <= CIDX_TREAT_WINMAX_MAX) || w != floor(w))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': WINMAX must be a "
		    "whole number from 0 to %d", s, CIDX_TREAT_WINMAX_MAX);
	p->winmax = (int)w;
	return 0;
bad:
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected "
	    "SKEW,KURT,WINMAX (e.g. 2.25,3.5,5), empty or 'none'", s);
}
