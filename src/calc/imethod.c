/*
 * imethod.c - the vocabulary of --method (imethod.h): the index methods,
 * their parameters and canonical spellings.  cityidx(1), METHOD OPTIONS,
 * --method, is the reference for every value accepted here.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/method.h"
#include "core/num.h"

static const struct cidx_imethod_info infos[] = {
	{ CIDX_IM_COMPOSITE, "composite", "composite", "", 1, CIDX_IM_SKIP,
	  1 },
	{ CIDX_IM_TOPSIS, "topsis", "TOPSIS", "", 0, CIDX_IM_COMPLETE, 1 },
};

#define N_INFOS (sizeof(infos) / sizeof(infos[0]))

const struct cidx_imethod_info *
cidx_imethod_info(enum cidx_imethod im)
{
	return &infos[(size_t)im < N_INFOS ? (size_t)im : 0];
}

int
cidx_imethod_panel(const struct cidx_method *m)
{
	return m->panel && cidx_imethod_info(m->imethod)->normalised;
}

static int
expected(const char *s, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EINVAL, "'%s': expected %s", s,
	    cidx_method_items[CIDX_MK_METHOD].values);
}

/* the parameters after "NAME:" of method `im` into *t */
static int
params(struct cidx_method *t, const char *s, const char *p,
    struct cidx_err *err)
{
	(void)p;
	switch (t->imethod) {
	default:
		return cidx_err_set(err, CIDX_EINVAL, "'%s': %s takes no "
		    "parameters", s, cidx_imethod_info(t->imethod)->name);
	}
}

int
cidx_imethod_parse(struct cidx_method *m, const char *s,
    struct cidx_err *err)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	struct cidx_method t = *m;
	size_t i;
	int ret;

	for (i = 0; i < N_INFOS; i++)
		if (strlen(infos[i].name) == len &&
		    strncmp(s, infos[i].name, len) == 0)
			break;
	if (i == N_INFOS)
		return expected(s, err);
	t.imethod = infos[i].im;
	t.im_p1 = t.im_p2 = 0;
	if (colon && (ret = params(&t, s, colon + 1, err)) < 0)
		return ret;
	*m = t;
	return 0;
}

void
cidx_imethod_text(const struct cidx_method *m, struct sbuf *sb)
{
	sbuf_adds(sb, cidx_imethod_info(m->imethod)->name);
}

void
cidx_imethod_label(const struct cidx_method *m, struct sbuf *sb)
{
	sbuf_adds(sb, cidx_imethod_info(m->imethod)->label);
}
