/*
 * methodvocab.c - the method vocabulary (methodvocab.h): names,
 * parameters, ranges, canonical spellings.  cityidx(1), METHOD OPTIONS,
 * is the reference for every value accepted here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/num.h"

/* bounds that keep every score finite: |l|, |u|, |mean|, sd <= this */
#define NORM_PARAM_MAX 1e9

const struct cidx_method_item cidx_method_items[CIDX_MK_N] = {
	[CIDX_MK_DENOMINATE] = { "denominate", "denominate", NULL, NULL, 0,
		"true or false",
		"divide indicators by their framework denominator" },
	[CIDX_MK_IMPUTE] = { "impute", "impute", NULL, "METHOD", 0,
		"none, mean, median, group-mean:ATTR, group-median:ATTR or "
		"carry-forward",
		"fill missing values" },
	[CIDX_MK_SCREEN] = { "screen", "screen", NULL, "SHARE", 0,
		"a share from 0 to 1 (0: off)",
		"rank only units with this share of the year's indicators" },
	[CIDX_MK_SCREEN_PILLAR] = { "screen_pillar", "screen-pillar", NULL,
		"MIN", 0, "a whole number from 0 to 1000",
		"... and this many indicators in each pillar with data" },
	[CIDX_MK_TREAT] = { "treat", "treat", NULL, "S,K,W", 1,
		"SKEW,KURT,WINMAX (e.g. 2.25,3.5,5) or none",
		"JRC outlier treatment (skew 2, kurt 3.5, winmax 5)" },
	[CIDX_MK_METHOD] = { "method", "method", NULL, "METHOD", 0,
		"composite, topsis, mpi[:neg|pos], ampi[:neg|pos], gra[:RHO], "
		"bod[:LO,HI] or wroclaw",
		"an index method instead of normalise + aggregate" },
	[CIDX_MK_NORMALISE] = { "normalise", "normalize", "normalise",
		"METHOD", 0,
		"minmax[:L,U], zscore[:M,S], rank, percentile, ratio, distmax "
		"or goalposts[:LO,HI]",
		"how indicators are put on one scale" },
	[CIDX_MK_SCALE] = { "scale", "scale", NULL, "year|panel", 0,
		"year, panel or panel:FROM,TO (years)",
		"normalise within the year, over all years or over a window" },
	[CIDX_MK_AGGREGATE] = { "aggregate", "aggregate", NULL, "METHOD", 0,
		"arith, geom, harm, or per level such as 2=geom,3=arith",
		"how children are combined into their parent" },
};

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

static const char *const imputes[] = {
	[CIDX_IMPUTE_NONE] = "none",
	[CIDX_IMPUTE_MEAN] = "mean",
	[CIDX_IMPUTE_MEDIAN] = "median",
	[CIDX_IMPUTE_GROUP_MEAN] = "group-mean",
	[CIDX_IMPUTE_GROUP_MEDIAN] = "group-median",
	[CIDX_IMPUTE_CARRY_FORWARD] = "carry-forward",
};


#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

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

static int
set_norm(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	double p1, p2;

	for (size_t i = 0; i < NELEM(norms); i++) {
		if (strlen(norms[i].name) != len ||
		    strncmp(s, norms[i].name, len) != 0)
			continue;
		p1 = norms[i].p1;
		p2 = norms[i].p2;
		if (colon && norms[i].nparams == 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': %s takes no parameters", s, norms[i].name);
		if (colon && two_numbers(colon + 1, &p1, &p2) < 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': expected %s or %s:A,B with two numbers", s,
			    norms[i].name, norms[i].name);
		if (colon && (fabs(p1) > NORM_PARAM_MAX ||
		    fabs(p2) > NORM_PARAM_MAX))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': parameters must be within +-1e9", s);
		if (colon && norms[i].norm == CIDX_NORM_ZSCORE && !(p2 > 0))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the spread must be > 0", s);
		if (colon && norms[i].norm != CIDX_NORM_ZSCORE && !(p1 < p2))
			return cidx_err_set(err, CIDX_EINVAL,
			    "'%s': the lower bound must be below the upper",
			    s);
		m->norm = norms[i].norm;
		m->norm_p1 = p1;
		m->norm_p2 = p2;
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
	    cidx_method_items[CIDX_MK_NORMALISE].values);
}

static int
agg_by_name(const char *s, size_t len)
{
	for (size_t i = 0; i < NELEM(aggs); i++)
		if (strlen(aggs[i]) == len && strncmp(s, aggs[i], len) == 0)
			return (int)i;
	return -1;
}

/* METHOD, or LEVEL=METHOD,..., or METHOD,LEVEL=METHOD,... */
static int
set_agg(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	struct cidx_method t = *m;
	const char *p = s;
	int a;

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
			/* "2=geom,2=harm": which one was meant? */
			if (t.agg_at[level] != 0)
				return cidx_err_set(err, CIDX_EINVAL,
				    "'%s': level %ld given twice", s, level);
			t.agg_at[level] = a + 1;
		}
		p = *end ? end + 1 : end;
		if (*end && *p == '\0')
			goto bad;
	}
	*m = t;
	return 0;
bad:
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
	    cidx_method_items[CIDX_MK_AGGREGATE].values);
}

static int
set_impute(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);

	for (size_t i = 0; i < NELEM(imputes); i++) {
		int attr = i == CIDX_IMPUTE_GROUP_MEAN ||
		    i == CIDX_IMPUTE_GROUP_MEDIAN;

		if (strlen(imputes[i]) != len || strncmp(s, imputes[i], len))
			continue;
		if (attr != (colon != NULL) || (colon && colon[1] == '\0'))
			break;
		if (colon && strlen(colon + 1) >= sizeof(m->impute_attr))
			return cidx_err_set(err, CIDX_EINVAL, "'%s': the "
			    "attribute name is longer than %zu bytes", s,
			    sizeof(m->impute_attr) - 1);
		m->impute = (enum cidx_impute)i;
		snprintf(m->impute_attr, sizeof(m->impute_attr), "%s",
		    colon ? colon + 1 : "");
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
	    cidx_method_items[CIDX_MK_IMPUTE].values);
}

static int
set_screen(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	double v;

	if (cidx_num_parse(s, &v, NULL) < 0 || v < 0 || v > 1)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
		    cidx_method_items[CIDX_MK_SCREEN].values);
	m->screen = v;
	return 0;
}

static int
set_screen_pillar(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	long v;

	if (cidx_num_parse_int(s, 0, 1000, &v) < 0)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
		    cidx_method_items[CIDX_MK_SCREEN_PILLAR].values);
	m->screen_pillar = (int)v;
	return 0;
}

static int
set_treat(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	struct cidx_treat_params p = CIDX_TREAT_PARAMS_INIT;
	int ret;

	if (s == NULL) {
		m->treat = 1;
		m->treat_p = p;
		return 0;
	}
	if (strcmp(s, "none") == 0) {
		cidx_method_reset(m, CIDX_MK_TREAT);
		return 0;
	}
	if ((ret = cidx_treat_parse(s, &p, err)) < 0) {
		/* the vocabulary's own wording for a text of the wrong form */
		if (err && strstr(err->msg, "expected SKEW"))
			cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
			    cidx_method_items[CIDX_MK_TREAT].values);
		return ret;
	}
	m->treat = 1;
	m->treat_p = p;
	return 0;
}

/* year, panel or panel:FROM,TO */
static int
set_scale(struct cidx_method *m, const char *s, struct cidx_err *err)
{
	double a, b;

	if (strcmp(s, "year") == 0 || strcmp(s, "panel") == 0) {
		m->panel = s[0] == 'p';
		m->panel_from = m->panel_to = 0;
		return 0;
	}
	if (strncmp(s, "panel:", 6) != 0 || two_numbers(s + 6, &a, &b) < 0 ||
	    a != floor(a) || b != floor(b) || !(a >= 1 && a <= b &&
	    b <= 9999))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s, "
		    "with whole years FROM <= TO", s,
		    cidx_method_items[CIDX_MK_SCALE].values);
	m->panel = 1;
	m->panel_from = (int)a;
	m->panel_to = (int)b;
	return 0;
}

/* "a|b" choices: index of s among the two words, else -1 */
static int
choice(const char *s, const char *a, const char *b)
{
	return strcmp(s, a) == 0 ? 0 : strcmp(s, b) == 0 ? 1 : -1;
}

int
cidx_method_set(struct cidx_method *m, enum cidx_mkey key, const char *text,
    struct cidx_err *err)
{
	int c = 0;

	if (text == NULL && key != CIDX_MK_DENOMINATE && key != CIDX_MK_TREAT)
		return cidx_err_set(err, CIDX_EINVAL, "a value is needed: %s",
		    cidx_method_items[key].values);
	switch (key) {
	case CIDX_MK_DENOMINATE:
		if (text && (c = choice(text, "false", "true")) < 0)
			break;
		m->denominate = text ? c : 1;
		return 0;
	case CIDX_MK_IMPUTE:
		return set_impute(m, text, err);
	case CIDX_MK_SCREEN:
		return set_screen(m, text, err);
	case CIDX_MK_SCREEN_PILLAR:
		return set_screen_pillar(m, text, err);
	case CIDX_MK_TREAT:
		return set_treat(m, text, err);
	case CIDX_MK_METHOD:
		return cidx_imethod_parse(m, text, err);
	case CIDX_MK_NORMALISE:
		return set_norm(m, text, err);
	case CIDX_MK_SCALE:
		return set_scale(m, text, err);
	case CIDX_MK_AGGREGATE:
		return set_agg(m, text, err);
	case CIDX_MK_N:
		break;
	}
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s",
	    text ? text : "", key < CIDX_MK_N ? cidx_method_items[key].values :
	    "a method item");
}

void
cidx_method_reset(struct cidx_method *m, enum cidx_mkey key)
{
	const struct cidx_method d = CIDX_METHOD_INIT;

	switch (key) {
	case CIDX_MK_DENOMINATE:
		m->denominate = d.denominate;
		break;
	case CIDX_MK_IMPUTE:
		m->impute = d.impute;
		memcpy(m->impute_attr, d.impute_attr, sizeof(m->impute_attr));
		break;
	case CIDX_MK_SCREEN:
		m->screen = d.screen;
		break;
	case CIDX_MK_SCREEN_PILLAR:
		m->screen_pillar = d.screen_pillar;
		break;
	case CIDX_MK_TREAT:
		m->treat = d.treat;
		m->treat_p = d.treat_p;
		break;
	case CIDX_MK_METHOD:
		m->imethod = d.imethod;
		m->im_p1 = d.im_p1;
		m->im_p2 = d.im_p2;
		break;
	case CIDX_MK_NORMALISE:
		m->norm = d.norm;
		m->norm_p1 = d.norm_p1;
		m->norm_p2 = d.norm_p2;
		break;
	case CIDX_MK_SCALE:
		m->panel = d.panel;
		m->panel_from = d.panel_from;
		m->panel_to = d.panel_to;
		break;
	case CIDX_MK_AGGREGATE:
		m->agg = d.agg;
		memcpy(m->agg_at, d.agg_at, sizeof(m->agg_at));
		break;
	case CIDX_MK_N:
		break;
	}
}

int
cidx_method_runs(const struct cidx_method *m, enum cidx_mkey key)
{
	switch (key) {
	case CIDX_MK_DENOMINATE:
		return m->denominate;
	case CIDX_MK_IMPUTE:
		return m->impute != CIDX_IMPUTE_NONE;
	case CIDX_MK_SCREEN:
		return m->screen > 0;
	case CIDX_MK_TREAT:
		return m->treat;
	default:
		return 0;
	}
}

int
cidx_method_is_default(const struct cidx_method *m, enum cidx_mkey key)
{
	struct cidx_method d = *m;
	char a[160], b[160];

	cidx_method_reset(&d, key);
	cidx_method_text(m, key, a, sizeof(a));
	cidx_method_text(&d, key, b, sizeof(b));
	return strcmp(a, b) == 0;
}

void
cidx_method_text(const struct cidx_method *m, enum cidx_mkey key, char *buf,
    size_t n)
{
	struct sbuf sb = SBUF_INIT;
	char a[40], b[40], c[40];

	switch (key) {
	case CIDX_MK_DENOMINATE:
		cidx_sbuf_adds(&sb, m->denominate ? "true" : "false");
		break;
	case CIDX_MK_IMPUTE:
		cidx_sbuf_addf(&sb, "%s%s%s", imputes[m->impute],
		    m->impute_attr[0] ? ":" : "", m->impute_attr);
		break;
	case CIDX_MK_SCREEN:
		cidx_num_shortest(a, sizeof(a), m->screen);
		cidx_sbuf_adds(&sb, a);
		break;
	case CIDX_MK_SCREEN_PILLAR:
		cidx_sbuf_addf(&sb, "%d", m->screen_pillar);
		break;
	case CIDX_MK_TREAT:
		if (!m->treat) {
			cidx_sbuf_adds(&sb, "none");
			break;
		}
		cidx_num_shortest(a, sizeof(a), m->treat_p.skew);
		cidx_num_shortest(b, sizeof(b), m->treat_p.kurt);
		snprintf(c, sizeof(c), "%d", m->treat_p.winmax);
		cidx_sbuf_addf(&sb, "%s,%s,%s", a, b, c);
		break;
	case CIDX_MK_METHOD:
		cidx_imethod_text(m, &sb);
		break;
	case CIDX_MK_NORMALISE:
		for (size_t i = 0; i < NELEM(norms); i++) {
			if (norms[i].norm != m->norm)
				continue;
			cidx_sbuf_adds(&sb, norms[i].name);
			if (norms[i].nparams == 0 || isnan(m->norm_p1))
				break;
			cidx_num_shortest(a, sizeof(a), m->norm_p1);
			cidx_num_shortest(b, sizeof(b), m->norm_p2);
			cidx_sbuf_addf(&sb, ":%s,%s", a, b);
			break;
		}
		break;
	case CIDX_MK_SCALE:
		cidx_sbuf_adds(&sb, m->panel ? "panel" : "year");
		if (m->panel && m->panel_from)
			cidx_sbuf_addf(&sb, ":%d,%d", m->panel_from, m->panel_to);
		break;
	case CIDX_MK_AGGREGATE:
		cidx_sbuf_adds(&sb, aggs[m->agg]);
		for (int lv = 0; lv < CIDX_MAX_LEVELS; lv++)
			if (m->agg_at[lv])
				cidx_sbuf_addf(&sb, ",%d=%s", lv,
				    aggs[m->agg_at[lv] - 1]);
		break;
	case CIDX_MK_N:
		break;
	}
	snprintf(buf, n, "%s", sb.buf);
	cidx_sbuf_release(&sb);
}

enum cidx_agg
cidx_method_agg_at(const struct cidx_method *m, int level)
{
	if (level >= 0 && level < CIDX_MAX_LEVELS && m->agg_at[level])
		return (enum cidx_agg)(m->agg_at[level] - 1);
	return m->agg;
}

int
cidx_method_all_arith(const struct cidx_method *m, int top_level)
{
	for (int lv = 2; lv <= top_level; lv++)
		if (cidx_method_agg_at(m, lv) != CIDX_AGG_ARITH)
			return 0;
	return m->imethod == CIDX_IM_COMPOSITE;
}

void
cidx_screen_text(char *buf, size_t n, double screen)
{
	if (screen == CIDX_SCREEN_DEFAULT)
		snprintf(buf, n, "2/3");
	else
		cidx_num_shortest(buf, n, screen);
}
