#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/calc.h"
#include "core/num.h"

/* "name" or "name:a,b" -> two numbers (defaults kept when absent). */
static int
two_params(const char *s, const char *name, double *a, double *b,
    struct cidx_err *err)
{
	const char *p = s + strlen(name);
	char buf[64], *comma;

	if (*p == '\0')
		return 0;
	if (*p != ':' || strlen(p + 1) >= sizeof(buf))
		goto bad;
	snprintf(buf, sizeof(buf), "%s", p + 1);
	comma = strchr(buf, ',');
	if (comma == NULL)
		goto bad;
	*comma = '\0';
	if (cidx_num_parse(buf, a, NULL) < 0 ||
	    cidx_num_parse(comma + 1, b, NULL) < 0)
		goto bad;
	return 0;
bad:
	return cidx_err_set(err, CIDX_EINVAL,
	    "'%s': expected %s or %s:A,B with two numbers", s, name, name);
}

int
cidx_method_parse_norm(struct cidx_method *m, const char *s,
    struct cidx_err *err)
{
	int ret;

	if (strncmp(s, "minmax", 6) == 0 && (s[6] == '\0' || s[6] == ':')) {
		m->norm = CIDX_NORM_MINMAX;
		m->norm_p1 = 0;
		m->norm_p2 = 100;
		if ((ret = two_params(s, "minmax", &m->norm_p1, &m->norm_p2,
		    err)) < 0)
			return ret;
		if (!(m->norm_p1 < m->norm_p2))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the lower bound must be below the upper",
			    s);
		return 0;
	}
	if (strncmp(s, "zscore", 6) == 0 && (s[6] == '\0' || s[6] == ':')) {
		m->norm = CIDX_NORM_ZSCORE;
		m->norm_p1 = 0;
		m->norm_p2 = 1;
		if ((ret = two_params(s, "zscore", &m->norm_p1, &m->norm_p2,
		    err)) < 0)
			return ret;
		if (!(m->norm_p2 > 0))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the spread must be > 0", s);
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL,
	    "unknown normalisation '%s' (minmax[:L,U] or zscore[:M,S])", s);
}

int
cidx_method_parse_agg(struct cidx_method *m, const char *s,
    struct cidx_err *err)
{
	if (strcmp(s, "arith") == 0)
		m->agg = CIDX_AGG_ARITH;
	else if (strcmp(s, "geom") == 0)
		m->agg = CIDX_AGG_GEOM;
	else if (strcmp(s, "harm") == 0)
		m->agg = CIDX_AGG_HARM;
	else
		return cidx_err_set(err, CIDX_EINVAL,
		    "unknown aggregation '%s' (arith, geom or harm)", s);
	return 0;
}

void
cidx_method_norm_name(const struct cidx_method *m, char *buf, size_t n)
{
	char a[32], b[32];

	cidx_num_fmt(a, sizeof(a), m->norm_p1, 17);
	cidx_num_fmt(b, sizeof(b), m->norm_p2, 17);
	snprintf(buf, n, "%s:%s,%s",
	    m->norm == CIDX_NORM_ZSCORE ? "zscore" : "minmax", a, b);
}

const char *
cidx_method_agg_name(const struct cidx_method *m)
{
	switch (m->agg) {
	case CIDX_AGG_GEOM:
		return "geom";
	case CIDX_AGG_HARM:
		return "harm";
	case CIDX_AGG_ARITH:
		break;
	}
	return "arith";
}
