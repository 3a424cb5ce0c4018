/*
 * mcdraw.c - the runs of the Monte Carlo (mc.h): a run's parameters
 * from its random stream (mcrng.c), aggregation, ranking, counting, and
 * the threads.
 *
 * A run reads the plan and writes only its thread's buffers and its own
 * slots of the per-run arrays, so runs can go in any order on any
 * thread.  Threads take chunks of runs from an atomic counter; what they
 * count are integers, summed at the end.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calc/mc_int.h"
#include "core/mem.h"

#define CHUNK 32

size_t
cidx_mc_choice(double u, size_t n)
{
	size_t c = (size_t)(u * (double)n);

	return c < n ? c : n - 1;
}

void
cidx_mc_uniforms(const struct mc_plan *p, size_t run, double *u, int *matrix,
    size_t *row)
{
	struct cidx_rng g;

	*matrix = -1;
	*row = run;
	if (p->sobol) {
		*row = run % p->N;
		*matrix = (int)(run / p->N);
	}
	cidx_mc_stream(&g, p->seed, p->sobol ? 2 * (uint64_t)*row +
	    (*matrix == 1) : (uint64_t)run);
	for (size_t t = 0; t < p->dim; t++)
		u[t] = cidx_rng_uniform(&g);
	if (*matrix >= 2) {
		/* A_B: the row of A with the block of one input from B */
		enum cidx_mc_input k = p->input[*matrix - 2];
		double *ub = u + p->dim;

		cidx_mc_stream(&g, p->seed, 2 * (uint64_t)*row + 1);
		for (size_t t = 0; t < p->off[k] + p->len[k]; t++)
			ub[t] = cidx_rng_uniform(&g);
		memcpy(u + p->off[k], ub + p->off[k], p->len[k] *
		    sizeof(double));
	}
}

/* ---- one run ------------------------------------------------------- */

/* the bytes cidx_mc_work_init() allocates, in its order (no product wraps:
 * cidx_mc_memory_plan() refuses a plan whose sizes do not fit) */
size_t
cidx_mc_work_bytes(const struct mc_plan *p)
{
	size_t n = p->n ? p->n : 1, np = p->np ? p->np : 4, b;

	b = mc_mul(mc_add(mc_mul(2, p->dim), 1), sizeof(double));
	b = mc_add(b, mc_mul(p->nn, sizeof(double)));
	b = mc_add(b, mc_mul(mc_mul(p->n_agg, np), 2 * sizeof(double)));
	b = mc_add(b, mc_add(p->n_agg, 1));
	b = mc_add(b, mc_mul(np, 3 * sizeof(double)));
	b = mc_add(b, mc_mul(n, 2 * sizeof(struct mc_ent) + sizeof(int)));
	if (p->hist)
		b = mc_add(b, mc_mul(mc_mul(n, mc_add(p->n, 1)),
		    sizeof(uint32_t)));
	return b;
}

void
cidx_mc_work_init(struct mc_work *w, const struct mc_plan *p)
{
	size_t n = p->n ? p->n : 1, np = p->np ? p->np : 4;

	memset(w, 0, sizeof(*w));
	w->u = cidx_xcalloc(2 * p->dim + 1, sizeof(double));
	w->w = cidx_xcalloc(p->nn, sizeof(double));
	w->val = cidx_xcalloc(p->n_agg * np, sizeof(double));
	w->msk = cidx_xcalloc(p->n_agg * np, sizeof(double));
	w->full = cidx_xcalloc(p->n_agg + 1, 1);
	w->acc = cidx_xcalloc(np, sizeof(double));
	w->sw = cidx_xcalloc(np, sizeof(double));
	w->tmp = cidx_xcalloc(np, sizeof(double));
	w->ent = cidx_xcalloc(n, sizeof(struct mc_ent));
	w->ent2 = cidx_xcalloc(n, sizeof(struct mc_ent));
	w->rank = cidx_xcalloc(n, sizeof(int));
	if (p->hist)
		w->hist = cidx_xcalloc(n * (p->n + 1), sizeof(uint32_t));
}

void
cidx_mc_work_release(struct mc_work *w)
{
	free(w->u);
	free(w->w);
	free(w->val);
	free(w->msk);
	free(w->full);
	free(w->acc);
	free(w->sw);
	free(w->tmp);
	free(w->ent);
	free(w->ent2);
	free(w->rank);
	free(w->hist);
	memset(w, 0, sizeof(*w));
}

static size_t
pick(const struct mc_plan *p, const double *u, enum cidx_mc_input k,
    size_t n)
{
	return p->active[k] ? cidx_mc_choice(u[p->off[k]], n) : 0;
}

/* the nominal weights, each perturbed one times 1 + phi (2u - 1), the
 * dropped indicator at 0 */
static void
run_weights(const struct mc_plan *p, const double *u, double *w)
{
	memcpy(w, p->w, p->nn * sizeof(double));
	if (p->active[CIDX_MC_WEIGHTS]) {
		const double *uw = u + p->off[CIDX_MC_WEIGHTS];

		for (size_t t = 0; t < p->n_noisy; t++)
			w[p->noisy[t]] = p->w[p->noisy[t]] *
			    (1 + p->phi * (2 * uw[t] - 1));
	}
	if (p->active[CIDX_MC_DROP])
		w[p->drop[pick(p, u, CIDX_MC_DROP, p->n_drop)]] = 0;
}

/*
 * The loops below run over np units, a multiple of 4, written four at a
 * time on restrict pointers: the compiler turns each group into vector
 * instructions without changing an operation (no reassociation).
 */
static void
add_mul(double *restrict acc, const double *restrict y, double wc,
    size_t np)
{
	for (size_t i = 0; i < np; i += 4) {
		acc[i] += wc * y[i];
		acc[i + 1] += wc * y[i + 1];
		acc[i + 2] += wc * y[i + 2];
		acc[i + 3] += wc * y[i + 3];
	}
}

static void
add_div(double *restrict acc, const double *restrict y, double wc,
    size_t np)
{
	for (size_t i = 0; i < np; i += 4) {
		acc[i] += wc / y[i];
		acc[i + 1] += wc / y[i + 1];
		acc[i + 2] += wc / y[i + 2];
		acc[i + 3] += wc / y[i + 3];
	}
}

/* the child's value as the mean reads it: ln y (geom) or y (harm, +inf
 * where missing so that w / y adds 0), NaN where y <= 0 */
static void
transform(double *restrict t, const double *restrict cv,
    const double *restrict mk, int h, size_t np)
{
	for (size_t i = 0; i < np; i++)
		if (mk[i] == 0)
			t[i] = h == CIDX_AGG_GEOM ? 0 : INFINITY;
		else if (!(cv[i] > 0))
			t[i] = NAN;
		else
			t[i] = h == CIDX_AGG_GEOM ? log(cv[i]) : cv[i];
}

/* the means from their sums (sw NULL: sw1 for every unit); a geometric
 * mean that a geometric mean reads is left as its logarithm (lg) */
static void
finish(double *restrict val, double *restrict msk, const double *restrict acc,
    const double *restrict sw, double sw1, int h, int lg, size_t np)
{
	if (sw == NULL && sw1 == 0) {
		memset(val, 0, np * sizeof(double));
		memset(msk, 0, np * sizeof(double));
		return;
	}
	if (sw == NULL) {
		for (size_t i = 0; i < np; i++)
			msk[i] = 1;
		if (h == CIDX_AGG_ARITH || lg)
			for (size_t i = 0; i < np; i += 4) {
				val[i] = acc[i] / sw1;
				val[i + 1] = acc[i + 1] / sw1;
				val[i + 2] = acc[i + 2] / sw1;
				val[i + 3] = acc[i + 3] / sw1;
			}
		else if (h == CIDX_AGG_HARM)
			for (size_t i = 0; i < np; i++)
				val[i] = sw1 / acc[i];
		else
			for (size_t i = 0; i < np; i++)
				val[i] = exp(acc[i] / sw1);
		return;
	}
	/* all at once (0 / 0 where a unit has no value), then mended */
	if (h == CIDX_AGG_HARM)
		for (size_t i = 0; i < np; i += 4) {
			val[i] = sw[i] / acc[i];
			val[i + 1] = sw[i + 1] / acc[i + 1];
			val[i + 2] = sw[i + 2] / acc[i + 2];
			val[i + 3] = sw[i + 3] / acc[i + 3];
		}
	else
		for (size_t i = 0; i < np; i += 4) {
			val[i] = acc[i] / sw[i];
			val[i + 1] = acc[i + 1] / sw[i + 1];
			val[i + 2] = acc[i + 2] / sw[i + 2];
			val[i + 3] = acc[i + 3] / sw[i + 3];
		}
	for (size_t i = 0; i < np; i++) {
		msk[i] = sw[i] != 0;
		if (sw[i] == 0)
			val[i] = 0;
		else if (h == CIDX_AGG_GEOM && !lg)
			val[i] = exp(val[i]);
	}
}

/*
 * calc/aggregate.c's arithmetic, over all units at once: a missing child
 * adds 0 to both sums (its value is stored as 0, its mask as 0), so the
 * sums are those of the children present, in the same order.  When every
 * child used is complete, the weight sum is one number for all units.
 * One shortcut: a geometric mean read by a geometric mean is passed on as
 * its logarithm (acc / sw), where calc/aggregate.c takes log(exp(acc /
 * sw)); the two can differ in the last bit or two, which saves two
 * transcendental calls per unit and node.  Where a geometric or harmonic
 * mean meets a value <= 0 the result is NaN with its mask at 1: invalid,
 * and so is every node above it.
 */
static void
aggregate(const struct mc_plan *p, struct mc_work *wk,
    const struct mc_variant *v, const unsigned char *how)
{
	size_t np = p->np;
	double *acc = wk->acc, *sw = wk->sw, *tmp = wk->tmp;

	for (size_t a = 0; a < p->n_agg; a++) {
		int h = how[a], full = 1, lg;
		double *val = wk->val + a * np, *msk = wk->msk + a * np, sw1 = 0;

		lg = h == CIDX_AGG_GEOM && p->agg_parent[a] >= 0 &&
		    how[p->agg_parent[a]] == CIDX_AGG_GEOM;

		for (size_t c = p->ch_off[a]; c < p->ch_off[a + 1]; c++)
			if (wk->w[p->ch_node[c]] != 0)
				full &= p->ch[c] >= 0 ? v->full[p->ch[c]] :
				    wk->full[-1 - p->ch[c]];
		memset(acc, 0, np * sizeof(double));
		if (!full)
			memset(sw, 0, np * sizeof(double));
		for (size_t c = p->ch_off[a]; c < p->ch_off[a + 1]; c++) {
			double wc = wk->w[p->ch_node[c]];
			const double *y, *mk;

			if (wc == 0)
				continue;
			if (p->ch[c] >= 0) {
				size_t j = (size_t)p->ch[c];

				y = (h == CIDX_AGG_GEOM ? v->lz : h ==
				    CIDX_AGG_HARM ? v->hz : v->z) + j * np;
				mk = v->mask + j * np;
			} else {
				size_t b = (size_t)(-1 - p->ch[c]);

				y = wk->val + b * np;
				mk = wk->msk + b * np;
				/* a geometric child of a geometric mean is in
				   logarithms already */
				if (h != CIDX_AGG_ARITH && !(h == CIDX_AGG_GEOM &&
				    how[b] == CIDX_AGG_GEOM)) {
					transform(tmp, y, mk, h, np);
					y = tmp;
				}
			}
			if (h == CIDX_AGG_HARM)
				add_div(acc, y, wc, np);
			else
				add_mul(acc, y, wc, np);
			if (full)
				sw1 += wc * 1.0;
			else
				add_mul(sw, mk, wc, np);
		}
		finish(val, msk, acc, full ? NULL : sw, sw1, h, lg, np);
		if (!full) {
			/* complete after all when every unit has a value */
			size_t i = 0;

			while (i < p->n && msk[i] != 0)
				i++;
			full = i == p->n;
		}
		wk->full[a] = (unsigned char)full;
	}
}

/* a is listed before b: higher score, then code */
static int
before(const struct mc_ent *a, const struct mc_ent *b)
{
	return a->s > b->s || (a->s == b->s && a->co < b->co);
}

static void
merge_sort(struct mc_ent *v, struct mc_ent *t, size_t n)
{
	struct mc_ent *src = v, *dst = t, *x;

	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				dst[k++] = before(&src[j], &src[i]) ?
				    src[j++] : src[i++];
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		x = src;
		src = dst;
		dst = x;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
}

/*
 * The units in order: an insertion sort from the nominal order, which a
 * draw usually changes little, on the scores themselves (no indirection);
 * past 16 moves per unit, a merge sort.  The comparison is total (no two
 * units share a code), so either gives the same order.
 */
static void
order(const struct mc_plan *p, struct mc_work *wk, const double *rv,
    const double *rm)
{
	struct mc_ent *v = wk->ent;
	size_t n = p->n, moves = 0, budget = 16 * n + 64;

	for (size_t q = 0; q < n; q++) {
		size_t i = p->nom_perm[q];
		int has = rm[i] != 0 && !isnan(rv[i]);

		v[q].s = has ? rv[i] : -INFINITY;
		v[q].co = (uint32_t)p->code_ord[i];
		v[q].i = (uint32_t)i;
		wk->n_invalid += rm[i] != 0 && !has;
	}
	for (size_t q = 1; q < n; q++) {
		struct mc_ent x = v[q];
		size_t j = q;

		while (j > 0 && before(&x, &v[j - 1])) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
		if ((moves += q - j) > budget) {
			merge_sort(v, wk->ent2, n);
			return;
		}
	}
}

static void
run_one(const struct mc_plan *p, struct mc_work *wk, size_t run)
{
	const struct mc_variant *v;
	const double *u = wk->u, *rv, *rm;
	size_t n = p->n, cnt = 0, var, km;
	uint64_t sum = 0;
	int matrix;
	size_t row;

	cidx_mc_uniforms(p, run, wk->u, &matrix, &row);
	run_weights(p, u, wk->w);
	var = (pick(p, u, CIDX_MC_IMPUTE, p->n_imp) * p->n_win +
	    pick(p, u, CIDX_MC_WINMAX, p->n_win)) * p->n_norm +
	    pick(p, u, CIDX_MC_NORMALISE, p->n_norm);
	v = &p->var[var];
	km = pick(p, u, CIDX_MC_METHOD, p->n_meth);
	if (p->meth && p->meth[km].imethod != CIDX_IM_COMPOSITE) {
		/* an index method: its error leaves every unit invalid */
		(void)cidx_mc_index_score(p, var / p->n_norm, var % p->n_norm, km,
		    wk->w, wk->tmp, wk->sw, NULL);
		rv = wk->tmp;
		rm = wk->sw;
	} else {
		aggregate(p, wk, v, p->how + pick(p, u, CIDX_MC_AGGREGATE,
		    p->n_aggalt) * p->n_agg);
		rv = wk->val + p->root * p->np;
		rm = wk->msk + p->root * p->np;
	}
	cnt = wk->n_invalid;
	order(p, wk, rv, rm);
	if (p->skip && rv != wk->tmp && wk->n_invalid > cnt) {
		/* a composite run where a geometric or harmonic mean met a
		   value <= 0, skipped: no rank counted, R_s NaN */
		wk->n_invalid = cnt;
		wk->n_skipped++;
		p->shift[run] = NAN;
		if (p->ranks)
			memset(p->ranks + run * n, 0, n * sizeof(int));
		return;
	}
	cnt = 0;
	for (size_t q = 0; q < n; q++) {
		const struct mc_ent *x = &wk->ent[q];

		if (x->s == -INFINITY)
			wk->rank[x->i] = 0;
		else
			wk->rank[x->i] = q > 0 && x->s == x[-1].s ?
			    wk->rank[x[-1].i] : (int)q + 1;
	}
	for (size_t i = 0; i < n; i++) {
		int r = wk->rank[i], r0 = p->nom_rank[i];

		if (wk->hist)
			wk->hist[i * (n + 1) + (size_t)r]++;
		if (r > 0 && r0 > 0) {
			sum += (uint64_t)(r > r0 ? r - r0 : r0 - r);
			cnt++;
		}
	}
	p->shift[run] = cnt ? (double)sum / (double)cnt : NAN;
	if (p->ranks)
		memcpy(p->ranks + run * n, wk->rank, n * sizeof(int));
}

/* ---- threads ------------------------------------------------------- */

struct shared {
	const struct mc_plan *p;
	atomic_size_t next, done;
	void (*progress)(void *, size_t, size_t);
	void *pctx;
};

struct worker {
	struct shared *sh;
	struct mc_work w;
	pthread_t tid;
	int started;
};

size_t
cidx_mc_thread_bytes(const struct mc_plan *p)
{
	return mc_add(cidx_mc_work_bytes(p), sizeof(struct worker));
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* chunks of runs until none is left; the calling thread reports */
static void
work(struct shared *sh, struct mc_work *w, int report)
{
	const struct mc_plan *p = sh->p;
	double last = report ? now() : 0;
	size_t a;

	while ((a = atomic_fetch_add(&sh->next, CHUNK)) < p->runs) {
		size_t b = a + CHUNK < p->runs ? a + CHUNK : p->runs;

		for (size_t r = a; r < b; r++)
			run_one(p, w, r);
		atomic_fetch_add(&sh->done, b - a);
		if (report && now() - last >= 0.1) {
			last = now();
			sh->progress(sh->pctx, atomic_load(&sh->done),
			    p->runs);
		}
	}
}

static void *
thread_main(void *arg)
{
	struct worker *t = arg;

	work(t->sh, &t->w, 0);
	return NULL;
}

size_t
cidx_mc_threads(const struct mc_plan *p, unsigned threads)
{
	size_t nt = threads ? threads : 1, per = p->hist ?
	    mc_mul(p->n, mc_add(p->n, 1)) : 0;

	/* no more threads than chunks */
	if (nt > p->runs / CHUNK + (p->runs % CHUNK != 0))
		nt = p->runs / CHUNK + (p->runs % CHUNK != 0);
	if (nt > CIDX_MC_MAX_THREADS)
		nt = CIDX_MC_MAX_THREADS;
	/* each thread counts ranks in n (n + 1) integers: at most 512 MiB
	   of them in all (fewer threads never change the result) */
	if (per > 0 && nt > 1 && per > ((size_t)1 << 27) / nt)
		nt = per >= ((size_t)1 << 27) ? 1 : ((size_t)1 << 27) / per;
	return nt ? nt : 1;
}

void
cidx_mc_execute(const struct mc_plan *p, unsigned threads, uint64_t *hist,
    size_t *n_invalid, size_t *n_skipped,
    void (*progress)(void *, size_t, size_t), void *pctx)
{
	struct shared sh;
	struct worker *wk;
	size_t nt = cidx_mc_threads(p, threads), per = p->hist ?
	    p->n * (p->n + 1) : 0;

	sh.p = p;
	atomic_init(&sh.next, 0);
	atomic_init(&sh.done, 0);
	sh.progress = progress;
	sh.pctx = pctx;
	wk = cidx_xcalloc(nt, sizeof(*wk));
	for (size_t t = 0; t < nt; t++) {
		wk[t].sh = &sh;
		cidx_mc_work_init(&wk[t].w, p);
	}
	/* a thread that cannot start leaves its chunks to the others */
	for (size_t t = 1; t < nt; t++)
		wk[t].started = pthread_create(&wk[t].tid, NULL, thread_main,
		    &wk[t]) == 0;
	work(&sh, &wk[0].w, progress != NULL);
	for (size_t t = 1; t < nt; t++)
		if (wk[t].started)
			pthread_join(wk[t].tid, NULL);
	if (progress)
		progress(pctx, p->runs, p->runs);
	*n_invalid = 0;
	*n_skipped = 0;
	for (size_t t = 0; t < nt; t++) {
		*n_skipped += wk[t].w.n_skipped;
		for (size_t k = 0; hist && k < per; k++)
			hist[k] += wk[t].w.hist[k];
		*n_invalid += wk[t].w.n_invalid;
		cidx_mc_work_release(&wk[t].w);
	}
	free(wk);
}
