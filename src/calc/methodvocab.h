/*
 * methodvocab.h - the method vocabulary: every method option, its values
 * and their valid ranges, in one table (cityidx(1), METHOD OPTIONS and METHOD
 * FILES).  The command-line parser, the text description, the JSON
 * writer and the method-file reader (both in methodjson.c) all go
 * through it, so a method file and the command line accept exactly the
 * same values with the same messages.
 */
#ifndef CIDX_CALC_METHODVOCAB_H
#define CIDX_CALC_METHODVOCAB_H

#include <stddef.h>

#include "core/err.h"
#include "core/json.h"
#include "core/method.h"

/* The items of a method, in the order of the preparation and of the
 * description ("denominate, impute ..., aggregate ..."). */
enum cidx_mkey {
	CIDX_MK_DENOMINATE,
	CIDX_MK_IMPUTE,
	CIDX_MK_SCREEN,
	CIDX_MK_SCREEN_PILLAR,
	CIDX_MK_TREAT,
	CIDX_MK_METHOD,
	CIDX_MK_NORMALISE,
	CIDX_MK_SCALE,
	CIDX_MK_AGGREGATE,
	CIDX_MK_N
};

struct cidx_method_item {
	const char *member;  /* method-file member: "normalise" */
	const char *option;  /* long option: "normalize" */
	const char *alias;   /* another spelling of the option, or NULL */
	const char *arg;     /* metavariable; NULL for a switch */
	int arg_optional;    /* --treat[=S,K,W] */
	const char *values;  /* what is accepted, for help */
	const char *help;    /* one line */
};

extern const struct cidx_method_item cidx_method_items[CIDX_MK_N];

/*! cidx_method_set() :
 *  Sets one item of `m` from its text; NULL is the option given without
 *  a value (a switch, or --treat alone: the defaults).  Values out of
 *  their range are refused here, wherever they come from.
 *  @return 0, or CIDX_EINVAL with a message "'TEXT': ..." that names what
 *  is accepted (the caller adds the option or the file); `m` is unchanged
 *  on error. */
int cidx_method_set(struct cidx_method *m, enum cidx_mkey key,
    const char *text, struct cidx_err *err);

/*! cidx_method_reset() : the item back to its default (off). */
void cidx_method_reset(struct cidx_method *m, enum cidx_mkey key);

/*! cidx_method_text() :
 *  The canonical text of an item, which cidx_method_set() reads back to
 *  the same method: "true", "group-mean:province", "0.9", "1", "2,3.5,5" (or
 *  "none"), "composite", "minmax:0,100", "year", "arith,2=geom".
 *  Numbers in the shortest form that reads back to the same double. */
void cidx_method_text(const struct cidx_method *m, enum cidx_mkey key,
    char *buf, size_t n);

/*! cidx_method_runs() : the preparation step of `key` (denominate,
 *  impute, screen, treat) runs with this method. */
int cidx_method_runs(const struct cidx_method *m, enum cidx_mkey key);

/*! cidx_method_is_default() : true when the item is at its default. */
int cidx_method_is_default(const struct cidx_method *m, enum cidx_mkey key);

/*! cidx_method_from_json() :
 *  Sets `m` from a method object (the "method" member of a JSON output,
 *  or such an object on its own): each member naming an item is read as
 *  text (a string as it is, a number in its shortest form, true/false,
 *  the treat object as "SKEW,KURT,WINMAX") and set with
 *  cidx_method_set(); null resets the item.  The members an output
 *  records for information (cityidx, steps, weights ..., tiers, top,
 *  dark_horse, ranking, framework_sha256, import_ids and the like) are
 *  skipped; any other member is an error.  Messages name `where` and the
 *  member.  @return 0 or CIDX_EINVAL. */
int cidx_method_from_json(struct cidx_method *m, const struct cidx_json *obj,
    const char *where, struct cidx_err *err);

struct cidx_framework;
struct cidx_jsonw;

/* what a JSON output records beside the method items */
struct cidx_effweights;

struct cidx_method_record {
	const char *version;        /* "cityidx": the program's version */
	const char *weights_method; /* derived weights ("pca", "ahp:F"),
				       NULL for the framework's ("file") */
	const char *weights_file;   /* the weights file, or NULL */
	const char *const *set;     /* the weights set one by one, CODE=W */
	size_t n_set;
	const struct cidx_framework *fw; /* its codes and checksum */
	const double *weights;      /* the weights used, by node */
	const char *tiers;          /* the tier spec; NULL: no "tiers",
				       "top" and "dark_horse" */
	long top, dark_horse;
	const int *import_ids;      /* the imports the data came from */
	size_t n_import_ids;
	const struct cidx_effweights *eff; /* the year's effective weights
				       and importance (calc/effweight.h);
				       NULL: not written */
};

/*! cidx_method_to_json() :
 *  Writes the "method" object of a JSON output (cityidx(1), OUTPUT
 *  FORMATS) as the next value of `w`, one member a line: the program
 *  version, the steps run, each method item (as cidx_method_from_json()
 *  reads it back: a bool, a number, the treat object or null, or the
 *  canonical text), then what `rec` records for information.  Numbers
 *  have 17 significant digits.  Misuse of `w` is reported by
 *  cidx_jsonw_finish(). */
void cidx_method_to_json(struct cidx_jsonw *w, const struct cidx_method *m,
    const struct cidx_method_record *rec);

/*! cidx_method_agg_at() : the aggregation used for aggregates of `level`. */
enum cidx_agg cidx_method_agg_at(const struct cidx_method *m, int level);

/*! cidx_method_all_arith() : every level aggregates arithmetically (and
 *  the method is not TOPSIS): scores are weighted sums. */
int cidx_method_all_arith(const struct cidx_method *m, int top_level);

/* Derived weights (cityidx(1), METHOD, Derived weights). */
enum cidx_wmethod {
	CIDX_WM_FILE,    /* the framework's, a weights file, --set */
	CIDX_WM_EQUAL,
	CIDX_WM_ENTROPY,
	CIDX_WM_CRITIC,
	CIDX_WM_PCA,
	CIDX_WM_AHP,
	CIDX_WM_ENTROPY_PANEL, /* entropy over every unit-year of the panel */
	CIDX_WM_COMBINE        /* alpha AHP + (1 - alpha) entropy */
};

/*! cidx_wmethod_parse() :
 *  "equal", "entropy", "critic", "pca", "ahp:FILE", "entropy-panel" or
 *  "combine:ALPHA:ahp:FILE" (0 <= ALPHA <= 1; *ahp_path points into
 *  `s`, NULL otherwise; *alpha, when alpha is not NULL, is ALPHA, else
 *  NaN).  @return 0 or CIDX_EINVAL. */
int cidx_wmethod_parse(const char *s, enum cidx_wmethod *out,
    const char **ahp_path, double *alpha, struct cidx_err *err);

/*! cidx_screen_text() : the coverage share of screening as people read
 *  it: "2/3" for the default (CIDX_SCREEN_DEFAULT), else the shortest
 *  number ("0.9"). */
void cidx_screen_text(char *buf, size_t n, double screen);

/*! cidx_norm_formula(), cidx_agg_formula(), cidx_formula() : the
 *  formulas of the method in the notation of cityidx(1), METHOD, for a
 *  report: a normalisation (zh: its words in Chinese), an aggregation
 *  (W: the sum of the weights of the children with a value), and the
 *  steps below. */
const char *cidx_norm_formula(enum cidx_norm norm, int zh);
const char *cidx_agg_formula(enum cidx_agg agg);

enum cidx_formula {
	CIDX_F_DENOMINATE,  /* Denominate */
	CIDX_F_TREAT_LOG,   /* Treat: the log transforms */
	CIDX_F_TOPSIS_NORM, /* TOPSIS: the vector normalisation */
	CIDX_F_TOPSIS,      /* TOPSIS: closeness */
	CIDX_F_MPI_NORM,    /* MPI: z-scores 100 + 10 z */
	CIDX_F_AMPI_NORM,   /* AMPI: goalposts over the panel, 70 + 60 r */
	CIDX_F_MPI,         /* MPI, AMPI: the penalised mean */
	CIDX_F_GRA,         /* GRA: the grey relational grade */
	CIDX_F_BOD,         /* BoD: the LP */
	CIDX_F_WROCLAW,     /* Wroclaw: distance from the ideal */
	CIDX_F_CHANGE,      /* Movement: the rank change */
	CIDX_F_MC_NOISE     /* Uncertainty: weight noise, mean rank shift */
};
const char *cidx_formula(enum cidx_formula f);

/*! cidx_wmethod_name() : "file", "equal", ..., "ahp". */
const char *cidx_wmethod_name(enum cidx_wmethod wm);

#endif
