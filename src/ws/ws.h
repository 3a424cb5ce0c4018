/*
 * ws.h - the workspace-level library: one entry point from a workspace
 * path to the results a front end shows (cityidx(1), DEVELOPMENT).
 *
 * Open a workspace with a method description, then ask for "the ranking
 * of 2017 with movement" (ws/ranking.h), "the data of the tiers chart"
 * (ws/chartdata.h), "the sensitivity run" (ws/mcrun.h) or the boundaries of
 * a year's units (ws/geo.h).  The layer sits above store, calc and plot
 * and below cli: it may include core, io, store, calc and plot headers,
 * never cli's; it never prints and never exits.
 *
 * Conventions (as libgit2's): a function that can fail returns 0 or a
 * negative CIDX_E* code and fills the `struct cidx_err` it takes last;
 * output parameters come first and what they return is the caller's
 * (each result has its release function); option structs have an _INIT
 * initialiser.  Warnings (a method file made with another framework,
 * rows PCA dropped, ...) are facts, not errors: they go to the caller's
 * callback, in the order they arise, and the caller decides how to show
 * them.  One workspace handle serves one thread.
 */
#ifndef CIDX_WS_WS_H
#define CIDX_WS_WS_H

#include <stddef.h>

#include "calc/calc.h"
#include "calc/engine.h"
#include "calc/methodvocab.h"
#include "calc/prepare.h"
#include "core/err.h"
#include "core/mem.h"
#include "core/method.h"
#include "core/model.h"
#include "core/msg.h"
#include "store/store.h"

/* the defaults of what is ranked: the top 50 tiered by jenks:3, dark
 * horses at 20 places (cityidx(1), rank) */
#define CIDX_WS_TOP_DEFAULT 50
#define CIDX_WS_DARK_DEFAULT 20
#define CIDX_WS_TIERS_DEFAULT "jenks:3"

/* A method, as a front end describes it (strings are borrowed and must
 * outlive the workspace handle). */
struct cidx_ws_method {
	struct cidx_method m;
	/* a JSON output whose "method" is rerun; the items given[] (with
	 * their values given_arg[]) are set over it, so that what the
	 * caller says wins */
	const char *method_file;
	const enum cidx_mkey *given;
	const char *const *given_arg;
	size_t n_given;
	const char *weights_file;        /* weights CSV, or NULL */
	const char *const *set;          /* "CODE=W" overrides */
	size_t nset;
	const char *weights_method;      /* as given; NULL: framework's */
	enum cidx_wmethod wmethod;
	const char *ahp_path;            /* ahp:FILE, combine:ALPHA:ahp:FILE */
	double alpha;                    /* combine's ALPHA */
	int weights_level;               /* derive only this level (0: all) */
	int weights_panel;               /* derive over all years pooled */
};

#define CIDX_WS_METHOD_INIT { CIDX_METHOD_INIT, NULL, NULL, NULL, 0, \
	NULL, NULL, 0, NULL, CIDX_WM_FILE, NULL, 0.0, 0, 0 }

/* the receiver of the warnings (NULL: dropped) */
typedef void cidx_ws_warn_fn(void *ctx, const char *msg);

struct cidx_ws_opts {
	struct cidx_ws_method method;
	cidx_ws_warn_fn *warn;
	void *warn_ctx;
};

#define CIDX_WS_OPTS_INIT { CIDX_WS_METHOD_INIT, NULL, NULL }

struct cidx_ws;

/*! cidx_ws_open() :
 *  Opens the workspace at `path` in one read snapshot (years, framework,
 *  names, values and boundaries all come from one state of it), its
 *  framework, the method file, the weights file, the --set overrides and
 *  the AHP judgements of o->method, and makes the engine
 *  (calc/engine.h).  @return 0 and *out (close with cidx_ws_close()), or
 *  a negative code (CIDX_ENOWORKSPACE when there is none at `path`). */
int cidx_ws_open(struct cidx_ws **out, const char *path,
    const struct cidx_ws_opts *o, struct cidx_err *err);
void cidx_ws_close(struct cidx_ws *ws);

/*! cidx_ws_last_change() : buf, the time of the workspace's last import or
 *  removal (cidx_store_last_change()), "" when none. */
int cidx_ws_last_change(struct cidx_ws *ws, char buf[32],
    struct cidx_err *err);

/* what the handle holds (borrowed, valid until cidx_ws_close()) */
struct cidx_store *cidx_ws_store(const struct cidx_ws *ws);
const struct cidx_framework *cidx_ws_framework(const struct cidx_ws *ws);
struct cidx_engine *cidx_ws_engine(const struct cidx_ws *ws);
/* the method as described (after a method file: its method with the
 * caller's items over it) */
const struct cidx_ws_method *cidx_ws_method(const struct cidx_ws *ws);
/* the weights of the method file in words ("weights from m.json
 * (framework weights overridden by w.csv)"), or NULL when it has none
 * (io/methodfile.h) */
const char *cidx_ws_weights_origin(const struct cidx_ws *ws);
/* the weights file's and the --set assignments, which win over every
 * other source of weights */
const struct cidx_wset *cidx_ws_overrides(const struct cidx_ws *ws);

/*! cidx_ws_years() :
 *  The year to rank (`want`, or 0: the latest with data) and the year to
 *  compare it with (`compare`; 0: the latest earlier year, -1: none;
 *  cyear may be NULL), cidx_engine_pick_years().  @return 0, or
 *  CIDX_ENOTFOUND when the workspace has no indicator data. */
int cidx_ws_years(struct cidx_ws *ws, int want, int compare, int *year,
    int *cyear, struct cidx_err *err);

/*! cidx_ws_derive() : fixes the weights on `year` (cidx_engine_derive());
 *  the first time, warns of the derivation's diagnostics (rows PCA
 *  dropped, negative loadings, AHP inconsistency). */
int cidx_ws_derive(struct cidx_ws *ws, int year, struct cidx_err *err);

/*! cidx_ws_rank() : cidx_ws_derive(), then the ranking of `year` with
 *  tiers `ts` (may be NULL) over the top `top`. */
int cidx_ws_rank(struct cidx_ws *ws, int year, const struct cidx_tierspec *ts,
    size_t top, struct cidx_ranking **out, struct cidx_err *err);

/*! cidx_ws_prepared() : the prepared data of `year` and what the
 *  preparation did (rep may be NULL), both borrowed from the engine. */
int cidx_ws_prepared(const struct cidx_dataset **out,
    const struct cidx_prep_report **rep, struct cidx_ws *ws, int year,
    struct cidx_err *err);

/*! cidx_ws_describe() : the method in one line, for tables and footers:
 *  "normalise minmax:0,100, aggregate arith, framework weights ..." */
void cidx_ws_describe(const struct cidx_ws *ws, struct sbuf *sb);

/*! cidx_ws_framework_noun() : what the framework calls its units
 *  (cityidx(1), FRAMEWORK FILES, unit): the root's unit column when it is
 *  城市, 地区, 单位, city, region or unit; else the index's name: one with
 *  城市 or "city" ranks cities, one with 地区, 区域 or "region" regions;
 *  else CIDX_NOUN_UNIT. */
enum cidx_unit_noun cidx_ws_framework_noun(const struct cidx_framework *fw);

/*! cidx_ws_set_unit_noun() : the noun the caller chose (enum
 *  cidx_unit_noun), or -1: the framework's.  cidx_ws_unit_noun() : the
 *  noun every output of `ws` uses. */
void cidx_ws_set_unit_noun(struct cidx_ws *ws, int noun);
enum cidx_unit_noun cidx_ws_unit_noun(const struct cidx_ws *ws);

/*! cidx_ws_gap_text() : when `year` has no data for some pillars
 *  (rep->empty_pillar), the sentence that says so, in Chinese (zh) or
 *  English; NULL otherwise.  Free with free(). */
char *cidx_ws_gap_text(const struct cidx_framework *fw,
    const struct cidx_prep_report *rep, int year, int zh);

/* formats a warning and hands it to the open options' callback (for
 * the layer's own files) */
void cidx_ws_warn(const struct cidx_ws *ws, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
