/*
 * tier: tier specs, Fisher-Jenks and the five tier methods (cityidx(1),
 * METHOD, Tiers).  SSD = sum of squared deviations from the class mean;
 * every partition below is worked out by hand in the comment above it.
 */
#include <math.h>
#include <string.h>

#include "calc/calc.h"
#include "core/err.h"
#include "core/mem.h"
#include "runner.h"


/* expected classes/tiers, element by element */
static void
check_ints(const char *file, int line, const int *got, const int *want,
    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		runner_count();
		if (got[i] != want[i])
			runner_fail(file, line, "[%zu] = %d, expected %d", i,
			    got[i], want[i]);
	}
}
#define CHECK_INTS(got, want, n) check_ints(__FILE__, __LINE__, got, want, n)

/* tiers of `score` (rank order) under `spec` */
static int
assign(const char *spec, const double *score, const int *rank, size_t n,
    int *tier, struct cidx_err *err)
{
	struct cidx_tierspec t;
	int ret;

	if ((ret = cidx_tierspec_parse(&t, spec, err)) < 0)
		return ret;
	ret = cidx_tier_assign(&t, score, rank, n, tier, err);
	cidx_tierspec_release(&t);
	return ret;
}

void
test_tier__jenks_two_classes(void)
{
	/*
	 * {10,9,8,2,1}, k = 2; the four ways to cut:
	 *   {10} | {9,8,2,1}: 0 + (mean 5: 16+9+9+16 = 50) = 50
	 *   {10,9} | {8,2,1}: (mean 9.5: 0.25+0.25 = 0.5) + (mean 11/3:
	 *       18.78+2.78+7.11 = 28.67) = 29.17
	 *   {10,9,8} | {2,1}: (mean 9: 1+0+1 = 2) + (mean 1.5: 0.25+0.25 =
	 *       0.5) = 2.5   <- the least
	 *   {10,9,8,2} | {1}: (mean 7.25: 7.5625+3.0625+0.5625+27.5625 =
	 *       38.75) + 0 = 38.75
	 */
	static const double v[5] = { 10, 9, 8, 2, 1 };
	static const int want[5] = { 1, 1, 1, 2, 2 };
	int cls[5];

	CHECK_INT(cidx_jenks(v, 5, 2, cls), 0);
	CHECK_INTS(cls, want, 5);
}

void
test_tier__jenks_three_classes(void)
{
	/*
	 * {10,9,6,2,1}, k = 3; the six ways to cut:
	 *   {10}{9}{6,2,1}:   0 + 0 + (mean 3: 9+1+4 = 14) = 14
	 *   {10}{9,6}{2,1}:   0 + 4.5 + 0.5 = 5
	 *   {10}{9,6,2}{1}:   0 + (mean 17/3: 11.11+0.11+13.44 = 24.67) = 24.67
	 *   {10,9}{6}{2,1}:   0.5 + 0 + 0.5 = 1   <- the least
	 *   {10,9}{6,2}{1}:   0.5 + 8 + 0 = 8.5
	 *   {10,9,6}{2}{1}:   (mean 25/3: 2.78+0.44+5.44 = 8.67) = 8.67
	 */
	static const double v[5] = { 10, 9, 6, 2, 1 };
	static const int want[5] = { 1, 1, 2, 3, 3 };
	int cls[5];

	CHECK_INT(cidx_jenks(v, 5, 3, cls), 0);
	CHECK_INTS(cls, want, 5);
}

/*
 * {3,2,1}, k = 2: the two cuts tie, {3} | {2,1} = 0 + 0.5 and
 * {3,2} | {1} = 0.5 + 0 (every sum exact in binary).  The rule is "the
 * first minimum": the last class starts at the earliest i that reaches
 * the least sum, so the tiers are 1, 2, 2 (a "last minimum" rule, `<=`
 * in fisher(), would give 1, 1, 2).
 */
void
test_tier__jenks_tie_takes_the_first_minimum(void)
{
	static const double v[3] = { 3, 2, 1 };
	static const int want[3] = { 1, 2, 2 };
	int cls[3] = { 0, 0, 0 };

	CHECK_INT(cidx_jenks(v, 3, 2, cls), 0);
	CHECK_INTS(cls, want, 3);
}

void
test_tier__jenks_edge_k(void)
{
	static const double v[4] = { 7, 5, 3, 1 };
	static const int one[4] = { 1, 1, 1, 1 };
	static const int each[4] = { 1, 2, 3, 4 };
	int cls[4] = { 0, 0, 0, 0 };

	/* k = 1: a single class */
	CHECK_INT(cidx_jenks(v, 4, 1, cls), 0);
	CHECK_INTS(cls, one, 4);
	/* k = n: every value its own class (SSD 0) */
	CHECK_INT(cidx_jenks(v, 4, 4, cls), 0);
	CHECK_INTS(cls, each, 4);
	/* k > n and k < 1 are errors */
	CHECK_INT(cidx_jenks(v, 4, 5, cls), CIDX_EINVAL);
	CHECK_INT(cidx_jenks(v, 4, 0, cls), CIDX_EINVAL);
	CHECK_INT(cidx_jenks(v, 4, -1, cls), CIDX_EINVAL);
	CHECK_INT(cidx_jenks(v, 0, 1, cls), CIDX_EINVAL);
}

void
test_tier__spec_parse(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_tierspec t;

	CHECK_INT(cidx_tierspec_parse(&t, "counts:3,7,40", &err), 0);
	CHECK(t.kind == CIDX_TIER_COUNTS);
	CHECK_INT(t.k, 3);
	CHECK_INT(t.nv, 3);
	CHECK_DBL(t.v[0], 3, 0);
	CHECK_DBL(t.v[1], 7, 0);
	CHECK_DBL(t.v[2], 40, 0);
	CHECK_STR(t.text, "counts:3,7,40");
	cidx_tierspec_release(&t);
	CHECK(t.v == NULL);

	/* breaks are sorted descending; k = breaks + 1 */
	CHECK_INT(cidx_tierspec_parse(&t, "breaks:60,80", &err), 0);
	CHECK(t.kind == CIDX_TIER_BREAKS);
	CHECK_INT(t.k, 3);
	CHECK_DBL(t.v[0], 80, 0);
	CHECK_DBL(t.v[1], 60, 0);
	CHECK_STR(t.text, "breaks:80,60");
	cidx_tierspec_release(&t);

	CHECK_INT(cidx_tierspec_parse(&t, "breaks:62.5", &err), 0);
	CHECK_INT(t.k, 2);
	CHECK_STR(t.text, "breaks:62.5");
	cidx_tierspec_release(&t);

	CHECK_INT(cidx_tierspec_parse(&t, "quantile:4", &err), 0);
	CHECK(t.kind == CIDX_TIER_QUANTILE);
	CHECK_INT(t.k, 4);
	CHECK_STR(t.text, "quantile:4");
	cidx_tierspec_release(&t);

	CHECK_INT(cidx_tierspec_parse(&t, "kmeans:3", &err), 0);
	CHECK(t.kind == CIDX_TIER_KMEANS);
	CHECK_INT(t.k, 3);
	cidx_tierspec_release(&t);

	CHECK_INT(cidx_tierspec_parse(&t, "jenks:5", &err), 0);
	CHECK(t.kind == CIDX_TIER_JENKS);
	CHECK_INT(t.k, 5);
	CHECK_STR(t.text, "jenks:5");
	cidx_tierspec_release(&t);

	/*
	 * The spelling is the shortest that reads back, in full: it was
	 * %.17g cut at 127 bytes, and the JSON output of --tiers
	 * breaks:0.1,...,0.8 said "breaks:0.80000000000000004,...," (found
	 * by fuzz-methodopt, which reads the spelling back).
	 */
	CHECK_INT(cidx_tierspec_parse(&t, "breaks:0.1,0.2,0.3,0.4,0.6,0.7,0.8",
	    &err), 0);
	CHECK_STR(t.text, "breaks:0.8,0.7,0.6,0.4,0.3,0.2,0.1");
	cidx_tierspec_release(&t);
	CHECK(t.text == NULL);
	{
		struct sbuf sb = SBUF_INIT;
		struct cidx_tierspec again;

		cidx_sbuf_adds(&sb, "counts:");
		for (int i = 1; i <= 100; i++)
			cidx_sbuf_addf(&sb, "%s%d", i > 1 ? "," : "", 1000 + i);
		CHECK_INT(cidx_tierspec_parse(&t, sb.buf, &err), 0);
		CHECK_STR(t.text, sb.buf);
		CHECK_INT(cidx_tierspec_parse(&again, t.text, &err), 0);
		CHECK_INT(again.k, 100);
		cidx_tierspec_release(&again);
		cidx_tierspec_release(&t);
		cidx_sbuf_release(&sb);
	}
}

void
test_tier__spec_parse_rejects(void)
{
	static const char *const bad[] = {
		"counts:0", "counts:1.5", "counts:-2", "counts:", "counts",
		"jenks:0", "jenks:101", "jenks:2,3", "jenks:2.5", "jenks",
		"breaks:abc", "breaks:80,80", "breaks:", "quantile:x",
		"unknown:3", "", ":3", "Jenks:3",
	};
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_tierspec t;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err.code = 0;
		CHECK_INT(cidx_tierspec_parse(&t, bad[i], &err), CIDX_EINVAL);
		CHECK_INT(err.code, CIDX_EINVAL);
		CHECK_HAS(err.msg, "bad tier spec");
		/* nothing left to release after a failure */
		CHECK(t.v == NULL);
	}
	CHECK_INT(cidx_tierspec_parse(&t, "unknown:3", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'unknown:3'");
	CHECK_INT(cidx_tierspec_parse(&t, "counts:0", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'counts:0'");
}

void
test_tier__counts_keep_a_tie_together(void)
{
	/*
	 * ranks 1,2,2,4,5,6 with counts:2,2:
	 *   tier 1 takes ranks <= 2: 90, and both 80s (the tie at the
	 *   boundary stays together: 3 units);
	 *   tier 2 takes ranks <= 2+2 = 4: 70;
	 *   ranks 5 and 6 are beyond the counts: untiered (0)
	 */
	static const double score[6] = { 90, 80, 80, 70, 60, 50 };
	static const int rank[6] = { 1, 2, 2, 4, 5, 6 };
	static const int want[6] = { 1, 1, 1, 2, 0, 0 };
	/* counts:1,4: tier 1 = rank 1; tier 2 = ranks <= 5 */
	static const int want14[6] = { 1, 2, 2, 2, 2, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(assign("counts:2,2", score, rank, 6, tier, &err), 0);
	CHECK_INTS(tier, want, 6);
	CHECK_INT(assign("counts:1,4", score, rank, 6, tier, &err), 0);
	CHECK_INTS(tier, want14, 6);
}

void
test_tier__breaks(void)
{
	/*
	 * breaks:60,80 (tier 1 >= 80 > tier 2 >= 60 > tier 3); a score equal
	 * to a break belongs to the upper tier:
	 *   90 -> 1, 80 -> 1, 70 -> 2, 60 -> 2, 59.9 -> 3, 10 -> 3
	 */
	static const double score[6] = { 90, 80, 70, 60, 59.9, 10 };
	static const int rank[6] = { 1, 2, 3, 4, 5, 6 };
	static const int want[6] = { 1, 1, 2, 2, 3, 3 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(assign("breaks:60,80", score, rank, 6, tier, &err), 0);
	CHECK_INTS(tier, want, 6);
}

void
test_tier__quantile(void)
{
	/*
	 * tier = floor((rank-1)*k/n) + 1
	 * n = 5, k = 2: ranks 1..5 -> 0, 0.4, 0.8, 1.2, 1.6 -> 1,1,1,2,2
	 */
	static const double s5[5] = { 9, 8, 7, 6, 5 };
	static const int r5[5] = { 1, 2, 3, 4, 5 };
	static const int w5[5] = { 1, 1, 1, 2, 2 };
	/*
	 * n = 6, k = 3, a tie at rank 2: ranks 1,2,2,4,5,6 ->
	 * 0, 0.5, 0.5, 1.5, 2, 2.5 -> 1,1,1,2,3,3
	 */
	static const double s6[6] = { 9, 8, 8, 6, 5, 4 };
	static const int r6[6] = { 1, 2, 2, 4, 5, 6 };
	static const int w6[6] = { 1, 1, 1, 2, 3, 3 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(assign("quantile:2", s5, r5, 5, tier, &err), 0);
	CHECK_INTS(tier, w5, 5);
	CHECK_INT(assign("quantile:3", s6, r6, 6, tier, &err), 0);
	CHECK_INTS(tier, w6, 6);
}

void
test_tier__kmeans_two(void)
{
	/*
	 * {10,9,5,4,1}, k = 2.  Start: equal-count groups in rank order,
	 * group = floor(position*k/n) = floor(p*2/5): p 0,1,2 -> 0; 3,4 -> 1.
	 *   centres: (10+9+5)/3 = 8 and (4+1)/2 = 2.5
	 * Lloyd 1: 5 is |5-8| = 3 from centre 1 but |5-2.5| = 2.5 from
	 *   centre 2: moves down. {10,9} {5,4,1}: centres 9.5 and 10/3.
	 * Lloyd 2: 5: |5-9.5| = 4.5 > |5-3.33| = 1.67: no change: done.
	 */
	static const double score[5] = { 10, 9, 5, 4, 1 };
	static const int rank[5] = { 1, 2, 3, 4, 5 };
	static const int want[5] = { 1, 1, 2, 2, 2 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[5];

	CHECK_INT(assign("kmeans:2", score, rank, 5, tier, &err), 0);
	CHECK_INTS(tier, want, 5);
}

void
test_tier__kmeans_three(void)
{
	/*
	 * {20,18,11,10,9,1}, k = 3.  Start: floor(p*3/6) = floor(p/2):
	 *   {20,18} {11,10} {9,1}: centres 19, 10.5, 5
	 * Lloyd 1: 9 is 1.5 from 10.5 and 4 from 5: moves up; 1 stays.
	 *   {20,18} {11,10,9} {1}: centres 19, 10, 1
	 * Lloyd 2: 11: 8 from 19, 1 from 10; 9: 1 from 10, 8 from 1: stable.
	 */
	static const double score[6] = { 20, 18, 11, 10, 9, 1 };
	static const int rank[6] = { 1, 2, 3, 4, 5, 6 };
	static const int want[6] = { 1, 1, 2, 2, 2, 3 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(assign("kmeans:3", score, rank, 6, tier, &err), 0);
	CHECK_INTS(tier, want, 6);
}

void
test_tier__jenks_ties_share_a_tier(void)
{
	/*
	 * {10,9,9,2,2,1}, k = 2, on the distinct values {10,9,2,1} weighted
	 * {1,2,2,1}:
	 *   {10} | {9,9,2,2,1}: 0 + (mean 4.6: 2*4.4^2 + 2*2.6^2 + 3.6^2 =
	 *       38.72+13.52+12.96 = 65.2) = 65.2
	 *   {10,9,9} | {2,2,1}: (mean 28/3: 0.444+2*0.111 = 0.667) +
	 *       (mean 5/3: 2*0.111+0.444 = 0.667) = 1.333   <- the least
	 *   {10,9,9,2,2} | {1}: (mean 6.4: 12.96+2*6.76+2*19.36 = 65.2) = 65.2
	 */
	static const double score[6] = { 10, 9, 9, 2, 2, 1 };
	static const int rank[6] = { 1, 2, 2, 4, 4, 6 };
	static const int want[6] = { 1, 1, 1, 2, 2, 2 };
	/*
	 * k = 3 with {10,9,9,9,1}: three distinct values, so each its own
	 * tier; the three 9s share tier 2
	 */
	static const double s3[5] = { 10, 9, 9, 9, 1 };
	static const int r3[5] = { 1, 2, 2, 2, 5 };
	static const int w3[5] = { 1, 2, 2, 2, 3 };
	static const int w32[5] = { 1, 1, 1, 1, 2 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(assign("jenks:2", score, rank, 6, tier, &err), 0);
	CHECK_INTS(tier, want, 6);
	CHECK_INT(assign("jenks:3", s3, r3, 5, tier, &err), 0);
	CHECK_INTS(tier, w3, 5);
	/*
	 * kmeans:2 on the same: start floor(acc*2/5) over the distinct
	 * values weighted 1,3,1: 10 (acc 0) -> 0, 9 (acc 1) -> 0,
	 * 1 (acc 4) -> 1: centres (10+27)/4 = 9.25 and 1; stable.
	 */
	CHECK_INT(assign("kmeans:2", s3, r3, 5, tier, &err), 0);
	CHECK_INTS(tier, w32, 5);
}

void
test_tier__jenks_kmeans_need_distinct_scores(void)
{
	/* {9,9,5}: 2 distinct scores, 3 tiers asked */
	static const double score[3] = { 9, 9, 5 };
	static const int rank[3] = { 1, 1, 3 };
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[3];

	CHECK_INT(assign("jenks:3", score, rank, 3, tier, &err), CIDX_EINVAL);
	CHECK_INT(err.code, CIDX_EINVAL);
	CHECK_HAS(err.msg, "'jenks:3'");
	CHECK_HAS(err.msg, "at least 3 distinct scores, found 2");
	CHECK_INT(assign("kmeans:3", score, rank, 3, tier, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "found 2");
	/* k = 2 is fine: {9,9} and {5} */
	CHECK_INT(assign("jenks:2", score, rank, 3, tier, &err), 0);
	CHECK_INT(tier[0], 1);
	CHECK_INT(tier[1], 1);
	CHECK_INT(tier[2], 2);
}

/* EIS performance groups: > 125 leaders, 100-125 strong (both edges),
 * 70-100 moderate (70 included), < 70 emerging; r = 100 score / ref */
void
test_tier__eis_groups(void)
{
	static const double score[] = { 25.2, 25, 20, 19.9, 14, 13.9 };
	static const int rank[] = { 1, 2, 3, 4, 5, 6 }, want[] = { 1, 2, 2,
		3, 3, 4 };
	struct cidx_tierspec t;
	struct cidx_err err = CIDX_ERR_INIT;
	int tier[6];

	CHECK_INT(cidx_tierspec_parse(&t, "eis", &err), 0);
	CHECK_INT(t.k, 4);
	CHECK_STR(t.text, "eis");
	/* no reference yet */
	CHECK_INT(cidx_tier_assign(&t, score, rank, 6, tier, &err),
	    CIDX_EINVAL);
	t.ref = 20;
	CHECK_INT(cidx_tier_assign(&t, score, rank, 6, tier, &err), 0);
	for (size_t i = 0; i < 6; i++)
		CHECK_INT(tier[i], want[i]);
	CHECK_STR(cidx_tier_eis_name(1, 0), "leaders");
	CHECK_STR(cidx_tier_eis_name(4, 1), "新兴");
	cidx_tierspec_release(&t);
	CHECK_INT(cidx_tierspec_parse(&t, "eis:3", &err), CIDX_EINVAL);
}
