/* calc: the memory of a Monte Carlo run, estimated before it (mc.h,
 * cidx_mc_estimate()), against the heap the run really holds; the
 * refusal over a limit and of sizes that do not fit in a size_t */
#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "calc/mc.h"
#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/num.h"
#include "fixture.h"
#include "runner.h"

#define NU 400
#define NP 5
#define NI 30

#if defined(__SANITIZE_ADDRESS__)
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* the bytes of the heap in use: allocated chunks and mapped ones */
static size_t
heap_in_use(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return __sanitizer_get_current_allocated_bytes();
#else
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
#endif
}

/* the most the heap held while the runs went on: the progress callback
 * runs on the calling thread, last after the threads are joined and
 * before their buffers are released */
static void
peak(void *ctx, size_t done, size_t total)
{
	size_t *most = ctx, now = heap_in_use();

	(void)done;
	(void)total;
	if (now > *most)
		*most = now;
}

/* 400 units, 5 pillars of 6 indicators, values from 1 to 100 with one
 * in 20 missing */
struct big {
	struct cidx_framework *fw;
	char (*code)[16];
	const char **units;
	double *x;
	struct fx_year y;
	struct cidx_engine *e;
};

static int
big_new(struct big *b)
{
	struct fx_node nd[1 + NP + NI];
	struct cidx_engine_opts o = CIDX_ENGINE_OPTS_INIT;
	struct cidx_source src;
	struct cidx_err err = CIDX_ERR_INIT;
	uint64_t st = 99;
	size_t q = 0;

	memset(b, 0, sizeof(*b));
	b->code = cidx_xcalloc(1 + NP + NI + NU, sizeof(*b->code));
	nd[q++] = (struct fx_node){ "INDEX", NULL, AGG, 0, 0, 1 };
	for (int p = 0; p < NP; p++) {
		snprintf(b->code[q], 16, "P%d", p);
		nd[q] = (struct fx_node){ b->code[q], "INDEX", AGG, 0, 0, 1 };
		q++;
	}
	for (int j = 0; j < NI; j++) {
		snprintf(b->code[q], 16, "I%02d", j);
		nd[q] = (struct fx_node){ b->code[q], b->code[1 + j % NP], IND,
		    0, 1, 1 + j % 3 };
		q++;
	}
	if (fx_framework(&b->fw, nd, q, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		return -1;
	}
	/* unit codes U000 .. U399, sorted */
	b->units = cidx_xcalloc(NU, sizeof(char *));
	for (size_t i = 0; i < NU; i++) {
		snprintf(b->code[q + i], 16, "U%03zu", i);
		b->units[i] = b->code[q + i];
	}
	b->y.codes = b->units;
	b->x = cidx_xcalloc(NU * NI, sizeof(double));
	for (size_t i = 0; i < NU * NI; i++) {
		uint64_t r = cidx_splitmix64(&st);

		b->x[i] = r % 20 == 0 ? NAN : 1 + (double)(r >> 11) *
		    0x1.0p-53 * 99;
	}
	b->y.n = NU;
	b->y.m = NI;
	b->y.x = b->x;
	src = fx_source(&b->y);
	o.m.screen = 0;
	o.m.norm_p1 = 1;
	if (cidx_engine_new(&b->e, b->fw, &src, &o, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
		return -1;
	}
	return 0;
}

static void
big_free(struct big *b)
{
	cidx_engine_free(b->e);
	cidx_framework_free(b->fw);
	free(b->units);
	free(b->code);
	free(b->x);
}

/*
 * The estimate of `s` against the heap the run holds at its height (the
 * runs: nominal ranking, plan, data, R_s, kept ranks, counts and the
 * threads' buffers, all at once), within 5% and 128 KiB of allocator
 * overhead.  The engine is warmed first, so that what it caches for
 * `rank` is in the baseline, as the estimate leaves it out.
 */
static void
check_estimate(struct big *b, struct cidx_mc_spec *s, const char *what)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_memory mem;
	struct cidx_mc_result *r = NULL;
	struct cidx_ranking *warm = NULL;
	size_t base, most = 0, held, runs_phase, slack;

	if (cidx_engine_rank(b->e, 2020, NULL, 0, &warm, &err) < 0 ||
	    cidx_mc_estimate(&mem, b->e, 2020, s, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "%s: %s", what, err.msg);
		cidx_ranking_free(warm);
		return;
	}
	cidx_ranking_free(warm);
	s->progress = peak;
	s->progress_ctx = &most;
	base = heap_in_use();
	CHECK_INT(cidx_mc_run(&r, b->e, 2020, s, &err), 0);
	if (r == NULL) {
		runner_fail(__FILE__, __LINE__, "%s: %s", what, err.msg);
		return;
	}
	held = most > base ? most - base : 0;
	runs_phase = mem.nominal + mem.plan + mem.data + mem.runs +
	    mem.ranks + mem.counts + mem.threads;
	slack = runs_phase / 20 + 128 * 1024;
	if (held + slack < runs_phase || held > runs_phase + slack)
		runner_fail(__FILE__, __LINE__, "%s: the runs held %zu bytes, "
		    "the estimate says %zu (nominal %zu, plan %zu, data %zu, "
		    "runs %zu, ranks %zu, counts %zu, threads %zu x %u)",
		    what, held, runs_phase, mem.nominal, mem.plan, mem.data,
		    mem.runs, mem.ranks, mem.counts, mem.threads,
		    mem.n_threads);
	CHECK(mem.total >= runs_phase);
	CHECK_INT(mem.n, NU);
	CHECK_INT(mem.n_runs, r->runs);
	CHECK_INT(mem.n_variants, r->n_variants);
	/* the figures that drive it are there */
	CHECK(runs_phase > 2 * 1024 * 1024);
	cidx_mc_result_free(r);
	s->progress = NULL;
}

void
test_mc__memory_estimate_is_what_the_run_holds(void)
{
	static const char *const norm[3] = { "minmax:1,100", "rank",
		"distmax" };
	static const char *const imp[3] = { "none", "mean", "median" };
	static const char *const agg[3] = { "arith", "2=geom", "geom" };
	struct cidx_method nm[3], im[3], am[3];
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct big b;

	for (int k = 0; k < 3; k++) {
		struct cidx_method d = CIDX_METHOD_INIT;

		nm[k] = im[k] = am[k] = d;
		if (cidx_method_set(&nm[k], CIDX_MK_NORMALISE, norm[k],
		    &err) < 0 || cidx_method_set(&im[k], CIDX_MK_IMPUTE,
		    imp[k], &err) < 0 || cidx_method_set(&am[k],
		    CIDX_MK_AGGREGATE, agg[k], &err) < 0)
			runner_fail(__FILE__, __LINE__, "%s", err.msg);
	}
	if (big_new(&b) < 0)
		goto out;
	/* the kept ranks lead: 4000 x 400 x 4 bytes */
	s.draws = 4000;
	s.phi = 0.2;
	s.keep_ranks = 1;
	s.threads = 1;
	check_estimate(&b, &s, "kept ranks");
	/* Saltelli: 1000 x (3 + 2) runs, kept */
	s.draws = 1000;
	s.sobol = 1;
	s.drop_one = 1;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 2;
	check_estimate(&b, &s, "Saltelli");
	/* 9 data combinations with the logarithms of geom; 3 threads,
	 * each counting ranks in 400 x 401 integers */
	s = (struct cidx_mc_spec)CIDX_MC_SPEC_INIT;
	s.draws = 3000;
	s.threads = 3;
	s.alt[CIDX_MC_NORMALISE] = nm;
	s.n_alt[CIDX_MC_NORMALISE] = 3;
	s.alt[CIDX_MC_IMPUTE] = im;
	s.n_alt[CIDX_MC_IMPUTE] = 3;
	s.alt[CIDX_MC_AGGREGATE] = am;
	s.n_alt[CIDX_MC_AGGREGATE] = 2;
	check_estimate(&b, &s, "combinations and threads");
out:
	big_free(&b);
}

void
test_mc__memory_limit_refuses_before_the_runs(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_mc_memory mem;
	struct cidx_mc_result *r = NULL;
	struct cidx_method one = CIDX_METHOD_INIT;
	char want[200], a[40], l[40];
	struct big b;

	if (big_new(&b) < 0)
		goto out;
	s.draws = 1000;
	s.sobol = 1;
	s.drop_one = 1;
	s.phi = 0.1;
	s.keep_ranks = 1;
	CHECK_INT(cidx_mc_estimate(&mem, b.e, 2020, &s, &err), 0);
	/* 1000 (2 + 2) runs of 400 ranks */
	CHECK_INT(mem.n_runs, 4000);
	CHECK_INT(mem.ranks, (size_t)4000 * NU * sizeof(int));
	CHECK_INT(mem.counts, 0);
	s.max_memory = mem.total - 1;
	CHECK_INT(cidx_mc_run(&r, b.e, 2020, &s, &err), CIDX_EINVAL);
	CHECK(r == NULL);
	cidx_num_fmt_size(a, sizeof(a), mem.total);
	cidx_num_fmt_size(l, sizeof(l), mem.total - 1);
	snprintf(want, sizeof(want), "1000 Sobol draws (4000 runs) of 400 "
	    "units need about %s (limit %s)", a, l);
	CHECK_STR(err.msg, want);
	s.max_memory = mem.total;
	CHECK_INT(cidx_mc_run(&r, b.e, 2020, &s, &err), 0);
	cidx_mc_result_free(r);
	r = NULL;
	/* the largest draws with every rank kept: 10^7 x 400 x 4 bytes
	 * and more, refused without a limit only by the limit */
	s.sobol = 0;
	s.draws = CIDX_MC_MAX_DRAWS;
	s.max_memory = (size_t)4 << 30;
	CHECK_INT(cidx_mc_run(&r, b.e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "10000000 draws of 400 units need about 15");
	/* sizes that do not fit in a size_t are refused whatever the
	 * limit, before an alternative is read: 2^22 of each data
	 * alternative make 2^66 combinations */
	s.draws = 10;
	s.max_memory = 0;
	for (int k = CIDX_MC_IMPUTE; k <= CIDX_MC_NORMALISE; k++) {
		s.alt[k] = &one;
		s.n_alt[k] = (size_t)1 << 22;
	}
	CHECK_INT(cidx_mc_estimate(&mem, b.e, 2020, &s, &err), 0);
	CHECK(mem.total == SIZE_MAX && mem.data == SIZE_MAX);
	CHECK_INT(cidx_mc_run(&r, b.e, 2020, &s, &err), CIDX_EINVAL);
	CHECK_STR(err.msg, "10 draws of 400 units need more memory than can "
	    "be addressed");
	CHECK(r == NULL);
out:
	big_free(&b);
}

/* an array the system will not give is an error, not an abort: the
 * address space limited to 4 GiB, 10^7 draws keep 16 GB of ranks (not
 * under AddressSanitizer, whose shadow memory needs more) */
void
test_mc__memory_the_system_refuses(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_mc_result *r = NULL;
	struct rlimit old, lim;
	struct big b;

	if (big_new(&b) < 0)
		goto out;
	if (getrlimit(RLIMIT_AS, &old) < 0) {
		runner_fail(__FILE__, __LINE__, "getrlimit");
		goto out;
	}
	lim = old;
	if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur > (rlim_t)4 << 30)
		lim.rlim_cur = (rlim_t)4 << 30;
	s.draws = CIDX_MC_MAX_DRAWS;
	s.phi = 0.2;
	s.keep_ranks = 1;
	s.threads = 1;
	CHECK(setrlimit(RLIMIT_AS, &lim) == 0);
	CHECK_INT(cidx_mc_run(&r, b.e, 2020, &s, &err), CIDX_ERROR);
	setrlimit(RLIMIT_AS, &old);
	CHECK_STR(err.msg, "cannot allocate 14.9 GiB for the ranks of every "
	    "run");
	CHECK(r == NULL);
out:
	big_free(&b);
#endif
}
