/*
 * tier.c - tiers (梯队) over units in rank order.
 *
 * All methods keep tied scores in one tier.  Jenks and k-means work on the
 * distinct scores weighted by how many units share each, which gives the
 * same optimum as the unweighted problem but never splits a tie.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/num.h"

static int
parse_list(const char *s, double **out, size_t *n)
{
	char *dup = cidx_xstrdup(s), *save = NULL, *tok;
	int ret = 0;

	*out = NULL;
	*n = 0;
	if (*s == '\0' || *s == ',' || s[strlen(s) - 1] == ',' ||
	    strstr(s, ",,") != NULL) {
		free(dup);
		return CIDX_EINVAL;
	}
	for (tok = strtok_r(dup, ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		double v;

		if (cidx_num_parse(tok, &v, NULL) < 0) {
			ret = CIDX_EINVAL;
			break;
		}
		*out = cidx_xreallocarray(*out, *n + 1, sizeof(double));
		(*out)[(*n)++] = v;
	}
	free(dup);
	if (ret == 0 && *n == 0)
		ret = CIDX_EINVAL;
	return ret;
}

static int
cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x < y) - (x > y);
}

int
cidx_tierspec_parse(struct cidx_tierspec *t, const char *s,
    struct cidx_err *err)
{
	static const struct {
		const char *name;
		enum cidx_tier_kind kind;
	} kinds[] = {
		{ "counts", CIDX_TIER_COUNTS }, { "breaks", CIDX_TIER_BREAKS },
		{ "quantile", CIDX_TIER_QUANTILE }, { "kmeans", CIDX_TIER_KMEANS },
		{ "jenks", CIDX_TIER_JENKS },
	};
	const char *colon = strchr(s, ':');
	size_t i, len = colon ? (size_t)(colon - s) : strlen(s);

	memset(t, 0, sizeof(*t));
	t->ref = NAN;
	if (strcmp(s, "eis") == 0) {
		t->kind = CIDX_TIER_EIS;
		t->k = 4;
		t->text = cidx_xstrdup("eis");
		return 0;
	}
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i].name) == len &&
		    strncmp(s, kinds[i].name, len) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]) || colon == NULL)
		return cidx_err_set(err, CIDX_EINVAL,
		    "bad tier spec '%s' (counts:N,N,..., breaks:S,S,..., "
		    "quantile:K, kmeans:K, jenks:K or eis)", s);
	t->kind = kinds[i].kind;
	if (parse_list(colon + 1, &t->v, &t->nv) < 0)
		goto bad;
	switch (t->kind) {
	case CIDX_TIER_COUNTS:
		for (size_t j = 0; j < t->nv; j++)
			if (t->v[j] < 1 || t->v[j] != floor(t->v[j]) ||
			    t->v[j] > 1e9)
				goto bad;
		t->k = (int)t->nv;
		break;
	case CIDX_TIER_BREAKS:
		qsort(t->v, t->nv, sizeof(double), cmp_desc);
		for (size_t j = 1; j < t->nv; j++)
			if (t->v[j] == t->v[j - 1])
				goto bad;
		t->k = (int)t->nv + 1;
		break;
	default:
		if (t->nv != 1 || t->v[0] < 1 || t->v[0] > 100 ||
		    t->v[0] != floor(t->v[0]))
			goto bad;
		t->k = (int)t->v[0];
		break;
	}
	{
		/* as long as it takes: the JSON output records it, and a
		 * fixed buffer cut "breaks:0.8,...,0.1" short */
		struct sbuf sb = SBUF_INIT;

		cidx_sbuf_addf(&sb, "%s:", kinds[i].name);
		for (size_t j = 0; j < t->nv; j++) {
			char b[40];

			cidx_num_shortest(b, sizeof(b), t->v[j]);
			cidx_sbuf_addf(&sb, "%s%s", j ? "," : "", b);
		}
		t->text = cidx_sbuf_detach(&sb);
	}
	return 0;
bad:
	cidx_tierspec_release(t);
	return cidx_err_set(err, CIDX_EINVAL,
	    "bad tier spec '%s': counts take whole numbers >= 1, breaks "
	    "distinct numbers, quantile/kmeans/jenks one whole number 1..100",
	    s);
}

const char *
cidx_tier_eis_name(int k, int zh)
{
	static const char *const names[5][2] = { { "", "" },
		{ "leaders", "领先" }, { "strong", "强" },
		{ "moderate", "中等" }, { "emerging", "新兴" } };

	return k >= 1 && k <= 4 ? names[k][zh != 0] : "";
}

void
cidx_tierspec_release(struct cidx_tierspec *t)
{
	free(t->v);
	free(t->text);
	t->v = NULL;
	t->text = NULL;
	t->nv = 0;
}

/*
 * Weighted Fisher: values v[0..m) (distinct, descending) with weights
 * w[0..m).  cls[i] in 1..k.
 */
static int
fisher(const double *v, const double *w, size_t m, int k, int *cls)
{
	double *s0, *s1, *s2, *D;
	size_t *B, K = (size_t)k;

	if (k < 1 || K > m)
		return CIDX_EINVAL;
	s0 = cidx_xcalloc(m + 1, sizeof(double));
	s1 = cidx_xcalloc(m + 1, sizeof(double));
	s2 = cidx_xcalloc(m + 1, sizeof(double));
	D = cidx_xcalloc((K + 1) * (m + 1), sizeof(double));
	B = cidx_xcalloc((K + 1) * (m + 1), sizeof(size_t));
	for (size_t i = 0; i < m; i++) {
		s0[i + 1] = s0[i] + w[i];
		s1[i + 1] = s1[i] + w[i] * v[i];
		s2[i + 1] = s2[i] + w[i] * v[i] * v[i];
	}
#define SSD(a, b) /* items a..b-1 */                                      \
	(s2[b] - s2[a] - (s1[b] - s1[a]) * (s1[b] - s1[a]) / (s0[b] - s0[a]))
	for (size_t j = 1; j <= m; j++)
		D[1 * (m + 1) + j] = SSD(0, j);
	for (size_t c = 2; c <= K; c++)
		for (size_t j = c; j <= m; j++) {
			double best = INFINITY;
			size_t bi = c - 1;

			/* the last class holds items i..j-1; first minimum */
			for (size_t i = c - 1; i < j; i++) {
				double d = D[(c - 1) * (m + 1) + i] + SSD(i, j);

				if (d < best) {
					best = d;
					bi = i;
				}
			}
			D[c * (m + 1) + j] = best;
			B[c * (m + 1) + j] = bi;
		}
#undef SSD
	{
		size_t j = m;

		for (size_t c = K; c >= 1; c--) {
			size_t i = c > 1 ? B[c * (m + 1) + j] : 0;

			for (size_t t = i; t < j; t++)
				cls[t] = (int)c;
			j = i;
		}
	}
	free(s0);
	free(s1);
	free(s2);
	free(D);
	free(B);
	return 0;
}

int
cidx_jenks(const double *v, size_t n, int k, int *cls)
{
	double *w;
	int ret;

	w = cidx_xmalloc((n ? n : 1) * sizeof(double));
	for (size_t i = 0; i < n; i++)
		w[i] = 1;
	ret = fisher(v, w, n, k, cls);
	free(w);
	return ret;
}

/* distinct values of the (descending) score vector with multiplicities */
static size_t
distinct(const double *score, size_t n, double *v, double *w, size_t *map)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		if (m == 0 || score[i] != v[m - 1]) {
			v[m] = score[i];
			w[m++] = 0;
		}
		w[m - 1] += 1;
		map[i] = m - 1;
	}
	return m;
}

static void
kmeans(const double *v, const double *w, size_t m, int k, int *cls)
{
	double *c = cidx_xcalloc((size_t)k, sizeof(double));
	int iter;

	/*
	 * Start from k distinct scores spread evenly over the m distinct
	 * values (the middle of each of k equal slices, best first), so no
	 * centre starts empty however the units tie.
	 */
	for (int g = 0; g < k; g++)
		c[g] = v[(size_t)floor(((double)g + 0.5) * (double)m /
		    (double)k)];
	for (iter = 0; iter < 1000; iter++) {
		int changed = 0;
		double *sum = cidx_xcalloc((size_t)k, sizeof(double));
		double *cnt = cidx_xcalloc((size_t)k, sizeof(double));

		for (size_t i = 0; i < m; i++) {
			int best = 0;
			double bd = INFINITY;

			/* nearest centre; on a tie the better (lower) tier */
			for (int g = 0; g < k; g++) {
				double d = fabs(v[i] - c[g]);

				if (!isnan(c[g]) && d < bd) {
					bd = d;
					best = g;
				}
			}
			if (cls[i] != best + 1)
				changed = 1;
			cls[i] = best + 1;
			sum[best] += w[i] * v[i];
			cnt[best] += w[i];
		}
		for (int g = 0; g < k; g++)
			if (cnt[g] > 0)
				c[g] = sum[g] / cnt[g];
		free(sum);
		free(cnt);
		if (!changed && iter > 0)
			break;
	}
	/* centres stay ordered in 1-D Lloyd; renumber to be safe */
	{
		int next = 0, last = -1;

		for (size_t i = 0; i < m; i++) {
			if (cls[i] != last) {
				last = cls[i];
				next++;
			}
			cls[i] = next;
		}
	}
	free(c);
}

int
cidx_tier_assign(const struct cidx_tierspec *t, const double *score,
    const int *rank, size_t n, int *tier, struct cidx_err *err)
{
	switch (t->kind) {
	case CIDX_TIER_EIS:
		if (!(t->ref > 0))
			return cidx_err_set(err, CIDX_EINVAL, "tiers 'eis': the "
			    "reference index is %g, not above 0", t->ref);
		for (size_t i = 0; i < n; i++) {
			double r = 100 * score[i] / t->ref;

			tier[i] = r > 125 ? 1 : r >= 100 ? 2 : r >= 70 ? 3 : 4;
		}
		return 0;
	case CIDX_TIER_COUNTS:
		for (size_t i = 0; i < n; i++) {
			double cum = 0;

			tier[i] = 0;
			for (size_t g = 0; g < t->nv; g++) {
				cum += t->v[g];
				if (rank[i] <= cum) {
					tier[i] = (int)g + 1;
					break;
				}
			}
		}
		return 0;
	case CIDX_TIER_BREAKS:
		for (size_t i = 0; i < n; i++) {
			size_t g = 0;

			while (g < t->nv && score[i] < t->v[g])
				g++;
			tier[i] = (int)g + 1;
		}
		return 0;
	case CIDX_TIER_QUANTILE:
		for (size_t i = 0; i < n; i++)
			tier[i] = (int)(((size_t)rank[i] - 1) * (size_t)t->k /
			    n) + 1;
		return 0;
	case CIDX_TIER_KMEANS:
	case CIDX_TIER_JENKS: {
		double *v = cidx_xmalloc((n ? n : 1) * sizeof(double));
		double *w = cidx_xmalloc((n ? n : 1) * sizeof(double));
		size_t *map = cidx_xmalloc((n ? n : 1) * sizeof(size_t));
		int *cls = cidx_xcalloc(n ? n : 1, sizeof(int));
		size_t m = distinct(score, n, v, w, map);
		int ret = 0;

		if ((size_t)t->k > m) {
			ret = cidx_err_set(err, CIDX_EINVAL,
			    "tiers '%s': needs at least %d distinct scores, "
			    "found %zu", t->text, t->k, m);
		} else if (t->kind == CIDX_TIER_JENKS) {
			ret = fisher(v, w, m, t->k, cls);
		} else {
			kmeans(v, w, m, t->k, cls);
		}
		for (size_t i = 0; ret == 0 && i < n; i++)
			tier[i] = cls[map[i]];
		free(v);
		free(w);
		free(map);
		free(cls);
		return ret;
	}
	}
	return cidx_err_set(err, CIDX_EINVAL, "unknown tier method");
}
