/*
 * relative.c - the reference of relative performance (relative.h;
 * cityidx(1), METHOD, Relative performance).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/relative.h"
#include "core/num.h"

int
cidx_refspec_parse(struct cidx_refspec *out, const char *s,
    struct cidx_err *err)
{
	const char *at = strrchr(s, '@');
	size_t len = at ? (size_t)(at - s) : strlen(s);
	long y = 0;

	memset(out, 0, sizeof(*out));
	if (at && cidx_num_parse_int(at + 1, 1, 9999, &y) < 0)
		goto bad;
	out->year = (int)y;
	if (len == 4 && strncmp(s, "mean", 4) == 0)
		return 0;
	if (len > 5 && strncmp(s, "unit:", 5) == 0 &&
	    len - 5 < sizeof(out->code)) {
		out->unit = 1;
		memcpy(out->code, s + 5, len - 5);
		out->code[len - 5] = '\0';
		return 0;
	}
bad:
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected mean, "
	    "mean@YEAR, unit:CODE or unit:CODE@YEAR", s);
}

void
cidx_refspec_text(const struct cidx_refspec *r, char *buf, size_t n)
{
	char y[16] = "";

	if (r->year)
		snprintf(y, sizeof(y), "@%d", r->year);
	if (r->unit)
		snprintf(buf, n, "unit:%s%s", r->code, y);
	else
		snprintf(buf, n, "mean%s", y);
}

int
cidx_engine_reference(struct cidx_engine *e, const struct cidx_refspec *ref,
    int year, double *out, struct cidx_err *err)
{
	const struct cidx_framework *fw = cidx_engine_framework(e);
	const struct cidx_dataset *ds;
	struct cidx_ranking *r = NULL;
	int y = ref->year ? ref->year : year, ret;
	double sum = 0;

	*out = NAN;
	if ((ret = cidx_engine_rank(e, y, NULL, 0, &r, err)) < 0 ||
	    (ret = cidx_engine_prepared_units(e, y, &ds, NULL, err)) < 0)
		goto out;
	if (ref->unit) {
		long i = cidx_dataset_find(ds, ref->code);

		if (i < 0 || r->rank[i] == 0) {
			ret = cidx_err_set(err, CIDX_ENOTFOUND, "reference "
			    "unit '%s' is not ranked in %d", ref->code, y);
			goto out;
		}
		*out = gsl_matrix_get(r->s, (size_t)i, fw->root);
	} else {
		for (size_t p = 0; p < r->n_ranked; p++)
			sum += gsl_matrix_get(r->s, r->order[p], fw->root);
		*out = sum / (double)r->n_ranked;
	}
	if (!(*out > 0))
		ret = cidx_err_set(err, CIDX_EINVAL, "the reference index in "
		    "%d is %g: relative performance needs a reference above "
		    "0 (normalise to a positive range, e.g. minmax:1,100)", y,
		    *out);
out:
	cidx_ranking_free(r);
	return ret;
}

int
cidx_engine_common_scale(const struct cidx_engine *e)
{
	const struct cidx_method *m = cidx_engine_method(e);

	/* GRA, BoD and the others score each unit against the year's own
	   units (its best value, its frontier), so only these are on one
	   scale across years */
	return m->imethod == CIDX_IM_AMPI || (m->panel &&
	    m->imethod == CIDX_IM_COMPOSITE);
}
