/*
 * impute.c - imputation of one column: the mean or median of the
 * observed values, overall or within groups (cityidx(1), METHOD,
 * Preparation: impute).
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_sort.h>

#include "calc/prepare.h"
#include "calc/stats.h"
#include "core/mem.h"

static size_t
fill_missing(double *x, size_t n, double v)
{
	size_t k = 0;

	if (isnan(v))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (isnan(x[i])) {
			x[i] = v;
			k++;
		}
	return k;
}

static size_t
impute_whole(double *x, size_t n, int median)
{
	double v;

	v = median ? cidx_stat_quantile(x, n, 0.5) : cidx_stat_mean(x, n);
	return fill_missing(x, n, v);
}

/*
 * The values of each group are gathered with a counting sort on the
 * group number (start[g] .. start[g + 1] in buf), so every group's mean
 * or median is taken from the observed values only, before any filling.
 */
static size_t
impute_groups(double *x, size_t n, int median, const size_t *group,
    size_t ngroups)
{
	size_t *start, *pos, k = 0;
	double *buf, *fill;

	if (group == NULL || ngroups == 0)
		return 0;
	start = cidx_xcalloc(ngroups + 1, sizeof(*start));
	pos = cidx_xmalloc(ngroups * sizeof(*pos));
	buf = cidx_xmalloc((n ? n : 1) * sizeof(*buf));
	fill = cidx_xmalloc(ngroups * sizeof(*fill));
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && group[i] < ngroups)
			start[group[i] + 1]++;
	for (size_t g = 0; g < ngroups; g++) {
		start[g + 1] += start[g];
		pos[g] = start[g];
	}
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && group[i] < ngroups)
			buf[pos[group[i]]++] = x[i];
	for (size_t g = 0; g < ngroups; g++) {
		double *v = buf + start[g];
		size_t m = start[g + 1] - start[g];

		if (median) {
			gsl_sort(v, 1, m);
			fill[g] = cidx_stat_quantile_sorted(v, m, 0.5);
		} else {
			fill[g] = cidx_stat_mean(v, m);
		}
	}
	/* no group, or a group without values: stays missing */
	for (size_t i = 0; i < n; i++) {
		if (!isnan(x[i]) || group[i] >= ngroups ||
		    isnan(fill[group[i]]))
			continue;
		x[i] = fill[group[i]];
		k++;
	}
	free(fill);
	free(buf);
	free(pos);
	free(start);
	return k;
}

size_t
cidx_impute_column(double *x, size_t n, enum cidx_impute method,
    const size_t *group, size_t ngroups)
{
	switch (method) {
	case CIDX_IMPUTE_MEAN:
		return impute_whole(x, n, 0);
	case CIDX_IMPUTE_MEDIAN:
		return impute_whole(x, n, 1);
	case CIDX_IMPUTE_GROUP_MEAN:
		return impute_groups(x, n, 0, group, ngroups);
	case CIDX_IMPUTE_GROUP_MEDIAN:
		return impute_groups(x, n, 1, group, ngroups);
	case CIDX_IMPUTE_NONE:
	case CIDX_IMPUTE_CARRY_FORWARD:
		break;
	}
	return 0;
}
