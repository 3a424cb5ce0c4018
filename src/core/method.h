/*
 * method.h - the method of an index as plain data: preparation,
 * normalisation, aggregation (cityidx(1), METHOD).  Every layer may hold
 * one; the vocabulary that reads and writes it (names, parameters, valid
 * ranges) is calc/methodvocab.h.
 */
#ifndef CIDX_METHOD_H
#define CIDX_METHOD_H

enum cidx_norm {
	CIDX_NORM_MINMAX,     /* l + (u-l)(x-min)/(max-min), [l,u]=[p1,p2] */
	CIDX_NORM_ZSCORE,     /* p1 + p2 (x-mean)/sd, sample sd */
	CIDX_NORM_RANK,       /* rank among units, ties averaged */
	CIDX_NORM_PERCENTILE, /* (rank-1)/(n-1) 100, ties at the lowest rank */
	CIDX_NORM_RATIO,      /* 100 x / mean(x); x >= 0, direction +1 */
	CIDX_NORM_DISTMAX,    /* 100 x / max(x); direction -1: 100 min / x */
	CIDX_NORM_GOALPOSTS,  /* 100 (x-lo)/(hi-lo) clipped to [0,100] */
};

#define CIDX_MAX_LEVELS 16

enum cidx_agg {
	CIDX_AGG_ARITH, /* sum w y / sum w */
	CIDX_AGG_GEOM,  /* exp(sum w ln y / sum w), y > 0 */
	CIDX_AGG_HARM,  /* sum w / sum (w / y), y > 0 */
};

enum cidx_impute {
	CIDX_IMPUTE_NONE,
	CIDX_IMPUTE_MEAN,
	CIDX_IMPUTE_MEDIAN,
	CIDX_IMPUTE_GROUP_MEAN,
	CIDX_IMPUTE_GROUP_MEDIAN,
	CIDX_IMPUTE_CARRY_FORWARD /* needs the other years of the panel */
};

struct cidx_treat_params {
	double skew;   /* |skew| threshold, default 2.0 */
	double kurt;   /* kurtosis threshold, default 3.5 */
	int winmax;    /* most points to winsorise, default 5 */
};

#define CIDX_TREAT_PARAMS_INIT { 2.0, 3.5, 5 }

/* the ranges of SKEW, KURT and WINMAX (cityidx(1), METHOD OPTIONS, --treat) */
#define CIDX_TREAT_THRESHOLD_MAX 1e6
#define CIDX_TREAT_WINMAX_MAX 1000000

/* How the scores of the index and of every aggregate are computed
 * (cityidx(1), METHOD OPTIONS, --method): normalise and aggregate, or
 * one of the index methods that score each aggregate from the
 * indicators below it at once. */
enum cidx_imethod {
	CIDX_IM_COMPOSITE, /* normalise + aggregate */
	CIDX_IM_TOPSIS,    /* closeness to the ideal */
	CIDX_IM_MPI,       /* Mazziotta-Pareto; im_p1: penalty sign -1/+1 */
	CIDX_IM_AMPI,      /* adjusted MPI over the panel; im_p1 as MPI */
	CIDX_IM_GRA,       /* grey relational grade; im_p1: rho */
	CIDX_IM_BOD,       /* benefit of the doubt; im_p1, im_p2: share
			      bounds LO, HI (NaN: none) */
	CIDX_IM_WROCLAW,   /* Wroclaw taxonomic distance */
};

struct cidx_err;

/*! cidx_treat_parse() :
 *  "SKEW,KURT,WINMAX" as --treat=, a framework's treat column and a
 *  method file give it: SKEW > 0 and <= 1e6, |KURT| <= 1e6, WINMAX a
 *  whole number from 0 to 1e6, numbers read without the locale.
 *  @return 0 and *p, or CIDX_EINVAL with a message naming the text and
 *  the part at fault. */
int cidx_treat_parse(const char *s, struct cidx_treat_params *p,
    struct cidx_err *err);

/*
 * The whole method: preparation (in this order: denominate, impute,
 * screen, treat), normalisation and aggregation.
 */
struct cidx_method {
	enum cidx_norm norm;
	double norm_p1, norm_p2;   /* minmax [l,u], zscore mean/sd,
				      goalposts lo/hi (NaN: framework's) */
	enum cidx_agg agg;         /* every level unless agg_at says */
	int agg_at[CIDX_MAX_LEVELS]; /* 0, or 1 + enum cidx_agg for the
					aggregates of that level */
	int panel;                 /* normalise over all years together */
	enum cidx_imethod imethod; /* composite, or an index method */
	double im_p1, im_p2;       /* its parameters (enum cidx_imethod) */
	int denominate;
	enum cidx_impute impute;
	char impute_attr[64];      /* group-mean/-median attribute */
	double screen;             /* rank a unit only with at least this
				      share of the year's indicators with
				      data; 0: no screening (default 2/3) */
	int screen_pillar;         /* ... and at least this many in each
				      pillar with data (default 1) */
	int treat;
	struct cidx_treat_params treat_p;
	int panel_from, panel_to;  /* --scale panel:FROM,TO: only the years
				      of this window (0, 0: every year) */
};

#define CIDX_SCREEN_DEFAULT (2.0 / 3.0)

#define CIDX_METHOD_INIT { CIDX_NORM_MINMAX, 0.0, 100.0, CIDX_AGG_ARITH, \
	{ 0 }, 0, CIDX_IM_COMPOSITE, 0.0, 0.0, 0, CIDX_IMPUTE_NONE, "", \
	CIDX_SCREEN_DEFAULT, 1, 0, \
	CIDX_TREAT_PARAMS_INIT, 0, 0 }

#endif
