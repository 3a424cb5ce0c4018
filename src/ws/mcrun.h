/*
 * mcrun.h - "the sensitivity run": the Monte Carlo of a year with the
 * workspace's method as the nominal (calc/mc.h), its uncertain inputs
 * described as a front end takes them (cityidx(1), Uncertainty and
 * sensitivity), and the inputs in words (ws.h).
 */
#ifndef CIDX_WS_MCRUN_H
#define CIDX_WS_MCRUN_H

#include <stdint.h>

#include "calc/mc.h"
#include "ws/ws.h"

/* the memory limit of a run without --max-memory (cityidx(1),
 * Uncertainty and sensitivity, Memory) */
#define CIDX_WS_MC_MAX_MEMORY ((size_t)4 << 30)
/* threads 0: the online CPUs, at most this many */
#define CIDX_WS_MC_THREADS_DEFAULT 64

struct cidx_ws_mc_opts {
	size_t draws;
	uint64_t seed;
	unsigned threads;            /* 0: the online CPUs */
	double phi;                  /* weight noise */
	int phi_given;               /* else 0.25 with levels, 0 without */
	/* nonzero at level L: only the weights of these levels */
	unsigned char levels[CIDX_FRAMEWORK_MAX_LEVELS + 1];
	int levels_given;
	/* the alternatives of each list input, as the method vocabulary
	 * spells them (calc/methodvocab.h; winmax: a number) */
	const char *const *alt[CIDX_MC_N_INPUTS];
	size_t nalt[CIDX_MC_N_INPUTS];
	int drop_one;
	size_t max_memory;           /* bytes; 0: no limit */
	int sobol;                   /* the Saltelli design */
	int keep_ranks;              /* every run's ranks (--save-draws) */
	int skip_invalid;            /* --skip-invalid (calc/mc.h) */
	const struct cidx_tierspec *tiers;  /* the nominal tiers; NULL: none */
	size_t top;
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};

#define CIDX_WS_MC_OPTS_INIT { 1000, 1, 0, 0.0, 0, { 0 }, 0, { NULL }, \
	{ 0 }, 0, CIDX_WS_MC_MAX_MEMORY, 0, 0, 0, NULL, 0, NULL, NULL }

/*! cidx_ws_mc_run() :
 *  Fixes the weights on `year`, makes each alternative a whole method
 *  (the nominal with that one item set), refuses a run estimated to need
 *  more than o->max_memory (naming what would lower it), and runs
 *  cidx_mc_run().  @return 0 and *out (free with cidx_mc_result_free()),
 *  CIDX_EOPTION when the inputs given make no run (none uncertain, an
 *  alternative that does not read, --alt-winmax without treatment), or
 *  another negative code. */
int cidx_ws_mc_run(struct cidx_mc_result **out, struct cidx_ws *ws, int year,
    const struct cidx_ws_mc_opts *o, struct cidx_err *err);

/* the method item each list input varies, and its option's name */
extern const enum cidx_mkey cidx_ws_mc_alt_key[CIDX_MC_N_INPUTS];
extern const char *const cidx_ws_mc_alt_option[CIDX_MC_N_INPUTS];

/* the text cidx_method_set() reads for an --alt-winmax value, with the
 * skew and kurtosis limits of `p` */
void cidx_ws_mc_winmax_text(char *buf, size_t n,
    const struct cidx_treat_params *p, const char *winmax);

/*! cidx_ws_mc_describe() : the inputs of a run in words (zh: in
 *  Chinese), for headers and subtitles: "10 weights \u00b125% at levels
 *  2,3; winmax 1, 2 or 3; normalise minmax:1,100 or zscore:10,2; ..." */
void cidx_ws_mc_describe(const struct cidx_mc_result *r,
    const struct cidx_framework *fw, int zh, struct sbuf *sb);

/*! cidx_ws_mc_words() : the inputs of a run in words in `lang`, for
 *  readers (the catalogue's, core/msg.h): "10个权重±25%（第2、3层）；
 *  归一化：最小–最大法（1–100）或排序法" / "...; normalisation: min–max
 *  (1–100) or ranks". */
void cidx_ws_mc_words(const struct cidx_mc_result *r,
    const struct cidx_framework *fw, enum cidx_lang lang,
    enum cidx_unit_noun noun, struct sbuf *sb);

#endif
