/*
 * method.c - method names as written on the command line and in outputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "core/mem.h"
#include "core/num.h"

static const struct {
	const char *name;
	enum cidx_norm norm;
	int nparams;       /* 0: none, 2: optional pair */
	double p1, p2;     /* defaults */
} norms[] = {
	{ "minmax", CIDX_NORM_MINMAX, 2, 0, 100 },
	{ "zscore", CIDX_NORM_ZSCORE, 2, 0, 1 },
	{ "rank", CIDX_NORM_RANK, 0, 0, 0 },
	{ "percentile", CIDX_NORM_PERCENTILE, 0, 0, 0 },
	{ "ratio", CIDX_NORM_RATIO, 0, 0, 0 },
	{ "distmax", CIDX_NORM_DISTMAX, 0, 0, 0 },
	{ "goalposts", CIDX_NORM_GOALPOSTS, 2, NAN, NAN },
};

static const char *const aggs[] = { "arith", "geom", "harm" };

/* "A,B" -> two numbers */
static int
two_numbers(const char *p, double *a, double *b)
{
	char buf[64], *comma;

	if (strlen(p) >= sizeof(buf))
		return -1;
	snprintf(buf, sizeof(buf), "%s", p);
	comma = strchr(buf, ',');
	if (comma == NULL)
		return -1;
	*comma = '\0';
	if (cidx_num_parse(buf, a, NULL) < 0 ||
	    cidx_num_parse(comma + 1, b, NULL) < 0)
		return -1;
	return 0;
}

int
cidx_method_parse_norm(struct cidx_method *m, const char *s,
    struct cidx_err *err)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);

	for (size_t i = 0; i < sizeof(norms) / sizeof(norms[0]); i++) {
		if (strlen(norms[i].name) != len ||
		    strncmp(s, norms[i].name, len) != 0)
			continue;
		m->norm = norms[i].norm;
		m->norm_p1 = norms[i].p1;
		m->norm_p2 = norms[i].p2;
		if (colon == NULL)
			return 0;
		if (norms[i].nparams == 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': %s takes no parameters", s, norms[i].name);
		if (two_numbers(colon + 1, &m->norm_p1, &m->norm_p2) < 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': expected %s or %s:A,B with two numbers", s,
			    norms[i].name, norms[i].name);
		if (m->norm == CIDX_NORM_ZSCORE && !(m->norm_p2 > 0))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the spread must be > 0", s);
		if (m->norm != CIDX_NORM_ZSCORE && !(m->norm_p1 < m->norm_p2))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the lower bound must be below the upper",
			    s);
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL,
	    "unknown normalisation '%s' (minmax[:L,U], zscore[:M,S], rank, "
	    "percentile, ratio, distmax or goalposts[:LO,HI])", s);
}

static int
agg_by_name(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(aggs) / sizeof(aggs[0]); i++)
		if (strlen(aggs[i]) == len && strncmp(s, aggs[i], len) == 0)
			return (int)i;
	return -1;
}

int
cidx_method_parse_agg(struct cidx_method *m, const char *s,
    struct cidx_err *err)
{
	struct cidx_method t = *m;
	const char *p = s;
	int a;

	/* METHOD, or LEVEL=METHOD,..., or METHOD,LEVEL=METHOD,... */
	t.agg = CIDX_AGG_ARITH;
	memset(t.agg_at, 0, sizeof(t.agg_at));
	if (*p == '\0')
		goto bad;
	while (*p) {
		const char *end = strchr(p, ',');
		const char *eq = strchr(p, '=');
		char lv[16];
		long level;

		if (end == NULL)
			end = p + strlen(p);
		if (eq == NULL || eq > end) {
			if (p != s || (a = agg_by_name(p, (size_t)(end - p))) < 0)
				goto bad;
			t.agg = (enum cidx_agg)a;
		} else {
			if ((size_t)(eq - p) >= sizeof(lv))
				goto bad;
			memcpy(lv, p, (size_t)(eq - p));
			lv[eq - p] = '\0';
			if (cidx_num_parse_int(lv, 2, CIDX_MAX_LEVELS - 1,
			    &level) < 0 ||
			    (a = agg_by_name(eq + 1, (size_t)(end - eq - 1))) < 0)
				goto bad;
			t.agg_at[level] = a + 1;
		}
		p = *end ? end + 1 : end;
		if (*end && *p == '\0')
			goto bad;
	}
	*m = t;
	return 0;
bad:
	return cidx_err_set(err, CIDX_EINVAL,
	    "bad aggregation '%s' (arith, geom, harm, or per level such as "
	    "2=geom,3=arith)", s);
}

enum cidx_agg
cidx_method_agg_at(const struct cidx_method *m, int level)
{
	if (level >= 0 && level < CIDX_MAX_LEVELS && m->agg_at[level])
		return (enum cidx_agg)(m->agg_at[level] - 1);
	return m->agg;
}

void
cidx_method_norm_name(const struct cidx_method *m, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof(norms) / sizeof(norms[0]); i++) {
		char a[32], b[32];

		if (norms[i].norm != m->norm)
			continue;
		if (norms[i].nparams == 0 || isnan(m->norm_p1)) {
			snprintf(buf, n, "%s", norms[i].name);
			return;
		}
		cidx_num_fmt(a, sizeof(a), m->norm_p1, 17);
		cidx_num_fmt(b, sizeof(b), m->norm_p2, 17);
		snprintf(buf, n, "%s:%s,%s", norms[i].name, a, b);
		return;
	}
	snprintf(buf, n, "?");
}

const char *
cidx_method_agg_name(const struct cidx_method *m)
{
	return aggs[m->agg];
}

void
cidx_method_agg_spec(const struct cidx_method *m, char *buf, size_t n)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_adds(&sb, aggs[m->agg]);
	for (int lv = 0; lv < CIDX_MAX_LEVELS; lv++)
		if (m->agg_at[lv])
			sbuf_addf(&sb, ",%d=%s", lv, aggs[m->agg_at[lv] - 1]);
	snprintf(buf, n, "%s", sb.buf);
	sbuf_release(&sb);
}
