/*
 * summary: the facts of the report's summary, profiles and region tables
 * (ws/summary.h) on a real workspace, the bundled mini data of both years
 * built as `cityidx init` and `cityidx import` build it.  The numbers
 * are rank's on the same workspace (tests/cli/rank): 2017 against 2016,
 * Tangshan +6, Shenzhen +1, Beijing -2, the rest -1; Wenzhou lacks FIRMS.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/msg.h"
#include "io/framework.h"
#include "io/import.h"
#include "store/store.h"
#include "ws/chartdata.h"
#include "ws/ranking.h"
#include "ws/summary.h"
#include "ws/ws.h"
#include "fixture.h"
#include "runner.h"

#define MINI "tests/data/mini/"

/* the mini workspace at tmpdir/w.db, opened; NULL after a failure */
static struct cidx_ws *
mini(void)
{
	static const char *const file[] = { MINI "cities-2016.csv",
		MINI "cities-2017.csv" };
	struct cidx_ws_opts o = CIDX_WS_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_import *imp[2] = { NULL, NULL };
	struct cidx_import_stats ss[2];
	struct cidx_ws *ws = NULL;
	char p[128];
	int created = 0, ret = -1;

	memset(ss, 0, sizeof(ss));
	path_of(p, sizeof(p), "w.db");
	if (cidx_framework_read(&fw, MINI "framework.csv", NULL, &err) < 0 ||
	    cidx_store_init(p, fw, "framework.csv", &created, &err) < 0 ||
	    cidx_store_open(&st, p, CIDX_STORE_WRITE, &err) < 0)
		goto out;
	for (size_t i = 0; i < 2; i++)
		if (cidx_import_read(&imp[i], file[i], fw, NULL, &err) < 0)
			goto out;
	if ((ret = cidx_store_import(st, imp, 2, "2024-01-01T00:00:00Z", ss,
	    &err)) == 0) {
		cidx_store_close(st);
		st = NULL;
		ret = cidx_ws_open(&ws, p, &o, &err);
	}
out:
	if (ret < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	for (size_t i = 0; i < 2; i++) {
		cidx_import_stats_release(&ss[i]);
		cidx_import_free(imp[i]);
	}
	cidx_store_close(st);
	cidx_framework_free(fw);
	return ws;
}

static const char *
code(const struct cidx_ws_chart *c, size_t row)
{
	return c->ds->unit[row].code;
}

static void
check_summary(const struct cidx_ws_chart *c)
{
	struct cidx_ws_summary s;
	struct cidx_err err = CIDX_ERR_INIT;

	CHECK_INT(cidx_ws_summary_make(&s, c, &err), 0);
	CHECK_INT(s.n_top, 8);
	CHECK_STR(code(c, s.top[0]), "440300");
	CHECK_STR(code(c, s.top[7]), "330300");
	/* jenks:3 : 4, 3 and 1 units */
	CHECK_INT(s.n_tiers, 3);
	CHECK_INT(s.tier_off[1], 4);
	CHECK_INT(s.tier_off[2] - s.tier_off[1], 3);
	CHECK_INT(s.tier_off[3] - s.tier_off[2], 1);
	CHECK_STR(code(c, s.tier_rows[4]), "330100");
	/* climbers: Tangshan +6, Shenzhen +1; fallers: Beijing -2, then
	 * the -1s in rank order */
	CHECK(s.moves);
	CHECK_INT(s.n_climb, 2);
	CHECK_STR(code(c, s.climb[0]), "130200");
	CHECK_STR(code(c, s.climb[1]), "440300");
	CHECK_INT(s.n_fall, 3);
	CHECK_STR(code(c, s.fall[0]), "110100");
	CHECK_STR(code(c, s.fall[1]), "310100");
	CHECK_STR(code(c, s.fall[2]), "330100");
	CHECK_INT(s.n_dark, 0);
	CHECK_INT(s.n_units, 8);
	CHECK_INT(s.n_data, 8);
	CHECK_INT(s.n_ranked, 8);
	CHECK_INT(s.n_screened + s.n_unscored + s.n_nodata, 0);
	CHECK_INT(s.n_partial, 1);
	CHECK_INT(s.n_empty_pillar, 0);
	cidx_ws_summary_release(&s);
}

/* Tangshan 2017: GRADS 80 (3rd of 8), RD 85 (2nd), FIRMS 80 (2nd of
 * 7: Wenzhou has none), SO2 3 (lower is better: 3rd with Shanghai) */
static void
check_profile(const struct cidx_ws_chart *c)
{
	const struct cidx_framework *fw = c->fw;
	struct cidx_ws_indranks ir;
	struct cidx_ws_profile p;
	long ts = cidx_dataset_find(c->ds, "130200");
	long wz = cidx_dataset_find(c->ds, "330300");

	cidx_ws_indranks_make(&ir, c);
	CHECK_INT(ir.n[2], 7);
	cidx_ws_profile_make(&p, c, &ir, (size_t)ts);
	CHECK_INT(p.rank, 2);
	CHECK_INT(p.tier, 1);
	CHECK_INT(p.n_ind, 4);
	CHECK_INT(p.ind[0].rank, 3);
	CHECK_INT(p.ind[1].rank, 2);
	CHECK_INT(p.ind[2].rank, 2);
	CHECK_INT(p.ind[3].rank, 3);
	CHECK_DBL(p.ind[3].value, 3, 0);
	/* of 4: 2 strengths, ranks 2 and 2 in framework order; 2
	 * weaknesses, ranks 3 and 3 in framework order */
	CHECK_INT(p.n_strong, 2);
	CHECK_STR(fw->node[fw->ind[p.ind[p.strong[0]].col]].code, "RD");
	CHECK_STR(fw->node[fw->ind[p.ind[p.strong[1]].col]].code, "FIRMS");
	CHECK_INT(p.n_weak, 2);
	CHECK_STR(fw->node[fw->ind[p.ind[p.weak[0]].col]].code, "GRADS");
	CHECK_STR(fw->node[fw->ind[p.ind[p.weak[1]].col]].code, "SO2");
	cidx_ws_profile_release(&p);
	/* Wenzhou: no FIRMS value, so no rank and never picked */
	cidx_ws_profile_make(&p, c, &ir, (size_t)wz);
	CHECK_INT(p.ind[2].rank, 0);
	CHECK(isnan(p.ind[2].value));
	/* last of 8 in the other three: 2 strengths, 1 weakness */
	CHECK_INT(p.n_strong, 2);
	CHECK_INT(p.n_weak, 1);
	for (size_t k = 0; k < p.n_strong; k++)
		CHECK(p.strong[k] != 2);
	CHECK_STR(fw->node[fw->ind[p.ind[p.strong[0]].col]].code, "GRADS");
	CHECK_STR(fw->node[fw->ind[p.ind[p.weak[0]].col]].code, "SO2");
	cidx_ws_profile_release(&p);
	cidx_ws_indranks_release(&ir);
}

static void
check_regions(const struct cidx_ws_chart *c)
{
	struct cidx_ws_regions g;

	CHECK_STR(cidx_ws_region_key(c, NULL), "province");
	CHECK(cidx_ws_region_key(c, "country") == NULL);
	cidx_ws_regions_make(&g, c, "province");
	CHECK_INT(g.n, 7);
	CHECK_STR(g.name[0], "广东省");
	CHECK_STR(g.name[4], "浙江省");
	CHECK_INT(g.off[5] - g.off[4], 2);
	CHECK_STR(code(c, g.rows[g.off[4] + 1]), "330300");
	CHECK_INT(g.rank[g.off[4] + 1], 2);
	cidx_ws_regions_release(&g);
}

void
test_summary__mini(void)
{
	struct cidx_ws_rank_opts ro = CIDX_WS_RANK_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_tierspec ts;
	struct cidx_ws_ranking k;
	struct cidx_ws_chart c;
	struct cidx_ws *ws;

	if (tmp_begin() < 0)
		return;
	memset(&k, 0, sizeof(k));
	CHECK_INT(cidx_tierspec_parse(&ts, CIDX_WS_TIERS_DEFAULT, &err), 0);
	if ((ws = mini()) == NULL)
		goto out;
	ro.tiers = &ts;
	CHECK_INT(cidx_ws_ranking_open(&k, ws, &ro, &err), 0);
	cidx_ws_chart_init(&c, ws, &k, &ts, 50, CIDX_LANG_EN);
	check_summary(&c);
	check_profile(&c);
	check_regions(&c);
out:
	cidx_ws_ranking_release(&k);
	cidx_tierspec_release(&ts);
	cidx_ws_close(ws);
	tmp_end();
}

/* the conversions of a template, in order ("%zu%s%.0f%%" -> "zu s .0f") */
static void
specs(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s && k + 8 < n; s++) {
		if (*s != '%')
			continue;
		s++;
		while (*s && strchr("-+ #0123456789.", *s))
			out[k++] = *s++;
		while (*s && strchr("hlzjt", *s))
			out[k++] = *s++;
		if (*s == '\0')
			break;
		if (*s == '%')	/* "%%" takes no argument */
			continue;
		out[k++] = *s;
		out[k++] = ' ';
	}
	out[k] = '\0';
}

/* the report's templates (core/msg.h, CIDX_MSG_RP_*) take the same
 * arguments in both languages: cidx_msg_add() and report_msg() pass them
 * to either */
void
test_summary__templates(void)
{
	for (int i = CIDX_MSG_RP_NAMES_SEP; i <= CIDX_MSG_RP_REGION; i++) {
		char zh[128], en[128];

		specs(cidx_msg(CIDX_LANG_ZH, (enum cidx_msg_id)i), zh,
		    sizeof(zh));
		specs(cidx_msg(CIDX_LANG_EN, (enum cidx_msg_id)i), en,
		    sizeof(en));
		if (strcmp(zh, en) != 0)
			runner_fail(__FILE__, __LINE__, "message %d: '%s' in "
			    "Chinese, '%s' in English", i, zh, en);
	}
}
