/*
 * relative.h - performance relative to a reference, as the European
 * Innovation Scoreboard reports it (cityidx(1), METHOD, Relative
 * performance): 100 x index / the index of the reference, the
 * reference a unit or the mean of the ranked units, in the year ranked
 * or in a year named; and growth against a base year.
 */
#ifndef CIDX_CALC_RELATIVE_H
#define CIDX_CALC_RELATIVE_H

#include "calc/engine.h"
#include "core/err.h"

struct cidx_refspec {
	int unit;          /* 0: the mean of the ranked units; 1: a unit */
	char code[128];    /* the unit */
	int year;          /* 0: the year ranked (or the base year) */
};

/*! cidx_refspec_parse() :
 *  "mean", "mean@YEAR", "unit:CODE" or "unit:CODE@YEAR".
 *  @return 0, or CIDX_EINVAL naming what is accepted. */
int cidx_refspec_parse(struct cidx_refspec *out, const char *s,
    struct cidx_err *err);

/*! cidx_refspec_text() : the canonical text of a reference. */
void cidx_refspec_text(const struct cidx_refspec *r, char *buf, size_t n);

/*! cidx_engine_reference() :
 *  The index of the reference in ref->year, or in `year` when it names
 *  none: the mean index of the ranked units, or the index of the unit.
 *  The weights must be fixed already (cidx_engine_derive()).
 *  @return 0 and *out (> 0), or a negative code: the year has no data,
 *  the unit is not ranked there, or the reference is not above 0. */
int cidx_engine_reference(struct cidx_engine *e,
    const struct cidx_refspec *ref, int year, double *out,
    struct cidx_err *err);

/*! cidx_engine_common_scale() : the scores of different years are on
 *  one scale (the composite with --scale panel, or AMPI), so that
 *  comparing them across years means something; the other index methods
 *  score a unit against the year's own units. */
int cidx_engine_common_scale(const struct cidx_engine *e);

#endif
