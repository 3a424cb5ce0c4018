/*
 * imethod.c - the vocabulary of --method (imethod.h): the index methods,
 * their parameters and canonical spellings.  cityidx(1), METHOD OPTIONS,
 * --method, is the reference for every value accepted here.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calc/imethod.h"
#include "calc/methodvocab.h"
#include "core/num.h"

static const struct cidx_imethod_info infos[] = {
	{ CIDX_IM_COMPOSITE, "composite", "composite", "", 1, CIDX_IM_SKIP,
	  1 },
	{ CIDX_IM_TOPSIS, "topsis", "TOPSIS", "", 0, CIDX_IM_COMPLETE, 1 },
	{ CIDX_IM_MPI, "mpi", "MPI", ":neg|pos", 0, CIDX_IM_SKIP, 1 },
	{ CIDX_IM_AMPI, "ampi", "AMPI", ":neg|pos", 0, CIDX_IM_SKIP, 1 },
	{ CIDX_IM_GRA, "gra", "GRA", ":RHO", 1, CIDX_IM_SKIP, 100 },
	{ CIDX_IM_BOD, "bod", "BoD", ":LO,HI", 1, CIDX_IM_COMPLETE, 100 },
	{ CIDX_IM_WROCLAW, "wroclaw", "Wroclaw", "", 0, CIDX_IM_COMPLETE,
	  100 },
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
	return (m->panel && cidx_imethod_info(m->imethod)->normalised) ||
	    m->imethod == CIDX_IM_AMPI;
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
	char buf[64], *comma;
	double a, b;

	switch (t->imethod) {
	case CIDX_IM_MPI:
	case CIDX_IM_AMPI:
		if (strcmp(p, "neg") != 0 && strcmp(p, "pos") != 0)
			return cidx_err_set(err, CIDX_EINVAL, "'%s': the "
			    "penalty is neg (M - S cv, the default) or pos "
			    "(M + S cv)", s);
		t->im_p1 = *p == 'n' ? -1 : 1;
		return 0;
	case CIDX_IM_GRA:
		if (cidx_num_parse(p, &a, NULL) < 0 || !(a > 0 && a <= 1))
			return cidx_err_set(err, CIDX_EINVAL, "'%s': the "
			    "distinguishing coefficient RHO is a number above "
			    "0 and at most 1 (default 0.5)", s);
		t->im_p1 = a;
		return 0;
	case CIDX_IM_BOD:
		if (strlen(p) >= sizeof(buf) ||
		    (comma = strchr(strcpy(buf, p), ',')) == NULL)
			goto bod;
		*comma = '\0';
		if (cidx_num_parse(buf, &a, NULL) < 0 ||
		    cidx_num_parse(comma + 1, &b, NULL) < 0 ||
		    !(a >= 0 && a <= b && b <= 1))
			goto bod;
		t->im_p1 = a;
		t->im_p2 = b;
		return 0;
	default:
		return cidx_err_set(err, CIDX_EINVAL, "'%s': %s takes no "
		    "parameters", s, cidx_imethod_info(t->imethod)->name);
	}
bod:
	return cidx_err_set(err, CIDX_EINVAL, "'%s': the bounds of the weight "
	    "shares are LO,HI with 0 <= LO <= HI <= 1", s);
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
	if (t.imethod == CIDX_IM_MPI || t.imethod == CIDX_IM_AMPI)
		t.im_p1 = -1;
	else if (t.imethod == CIDX_IM_GRA)
		t.im_p1 = 0.5;
	else if (t.imethod == CIDX_IM_BOD)
		t.im_p1 = t.im_p2 = NAN;
	if (colon && (ret = params(&t, s, colon + 1, err)) < 0)
		return ret;
	*m = t;
	return 0;
}

/* the method's parameters in its spelling (label 0: "gra:0.5") or in
 * words (label 1: "GRA (rho 0.5)") */
static void
imethod_params(const struct cidx_method *m, struct sbuf *sb, int label)
{
	static const char *const sign[2][2] = { { ":pos", ":neg" },
		{ "+", "-" } };
	char a[40], b[40];

	cidx_sbuf_adds(sb, label ? cidx_imethod_info(m->imethod)->label :
	    cidx_imethod_info(m->imethod)->name);
	switch (m->imethod) {
	case CIDX_IM_MPI:
	case CIDX_IM_AMPI:
		cidx_sbuf_adds(sb, sign[label][m->im_p1 > 0 ? 0 : 1]);
		break;
	case CIDX_IM_GRA:
		cidx_num_shortest(a, sizeof(a), m->im_p1);
		cidx_sbuf_addf(sb, label ? " (rho %s)" : ":%s", a);
		break;
	case CIDX_IM_BOD:
		if (isnan(m->im_p1))
			break;
		cidx_num_shortest(a, sizeof(a), m->im_p1);
		cidx_num_shortest(b, sizeof(b), m->im_p2);
		cidx_sbuf_addf(sb, label ? " (shares %s to %s)" : ":%s,%s",
		    a, b);
		break;
	default:
		break;
	}
}

void
cidx_imethod_text(const struct cidx_method *m, struct sbuf *sb)
{
	imethod_params(m, sb, 0);
}

void
cidx_imethod_label(const struct cidx_method *m, struct sbuf *sb)
{
	imethod_params(m, sb, 1);
}
