/* calc: the method vocabulary, from options and from method files */
#include <math.h>
#include <string.h>

#include "calc/methodvocab.h"
#include "calc/relative.h"
#include "core/json.h"
#include "core/mem.h"
#include "runner.h"

/* set `text` and read it back */
static void
round_trip(enum cidx_mkey k, const char *text, const char *want)
{
	struct cidx_method m = CIDX_METHOD_INIT, m2 = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char buf[160], buf2[160];

	if (cidx_method_set(&m, k, text, &err) < 0) {
		runner_fail(__FILE__, __LINE__, "'%s': %s", text, err.msg);
		return;
	}
	cidx_method_text(&m, k, buf, sizeof(buf));
	CHECK_STR(buf, want);
	CHECK_INT(cidx_method_set(&m2, k, buf, &err), 0);
	cidx_method_text(&m2, k, buf2, sizeof(buf2));
	CHECK_STR(buf2, buf);
}

void
test_method__text_round_trips(void)
{
	round_trip(CIDX_MK_DENOMINATE, NULL, "true");
	round_trip(CIDX_MK_DENOMINATE, "false", "false");
	round_trip(CIDX_MK_IMPUTE, "group-median:province",
	    "group-median:province");
	round_trip(CIDX_MK_IMPUTE, "carry-forward", "carry-forward");
	round_trip(CIDX_MK_SCREEN, "0.95", "0.95");
	round_trip(CIDX_MK_SCREEN, "0", "0");
	round_trip(CIDX_MK_TREAT, NULL, "2,3.5,5");
	round_trip(CIDX_MK_TREAT, "2.25,3.5,0", "2.25,3.5,0");
	round_trip(CIDX_MK_TREAT, "none", "none");
	round_trip(CIDX_MK_METHOD, "topsis", "topsis");
	round_trip(CIDX_MK_NORMALISE, "minmax", "minmax:0,100");
	round_trip(CIDX_MK_NORMALISE, "minmax:1,100", "minmax:1,100");
	round_trip(CIDX_MK_NORMALISE, "zscore:100,10", "zscore:100,10");
	round_trip(CIDX_MK_NORMALISE, "zscore:0.1,0.30000000000000004",
	    "zscore:0.1,0.30000000000000004");
	round_trip(CIDX_MK_NORMALISE, "goalposts", "goalposts");
	round_trip(CIDX_MK_NORMALISE, "goalposts:-5,1e6", "goalposts:-5,1000000");
	round_trip(CIDX_MK_SCALE, "panel", "panel");
	round_trip(CIDX_MK_AGGREGATE, "2=geom,3=harm", "arith,2=geom,3=harm");
	round_trip(CIDX_MK_AGGREGATE, "geom", "geom");
}

void
test_method__ranges_are_checked_where_values_enter(void)
{
	static const struct {
		enum cidx_mkey k;
		const char *text, *msg;
	} bad[] = {
		{ CIDX_MK_DENOMINATE, "yes", "'yes': expected true or false" },
		{ CIDX_MK_IMPUTE, "group-mean", "expected none, mean" },
		{ CIDX_MK_IMPUTE, "mean:x", "expected none, mean" },
		{ CIDX_MK_SCREEN, "7", "'7': expected a share from 0 to 1" },
		{ CIDX_MK_SCREEN, "-1", "'-1': expected a share" },
		{ CIDX_MK_SCREEN, "1e-400x", "expected a share" },
		{ CIDX_MK_TREAT, "-1,3.5,5", "'-1,3.5,5': SKEW must be a number "
		  "> 0" },
		{ CIDX_MK_TREAT, "2,3.5,1e12", "WINMAX must be a whole number "
		  "from 0 to 1000000" },
		{ CIDX_MK_TREAT, "2,3.5,2.5", "WINMAX must be a whole number" },
		{ CIDX_MK_TREAT, "2,1e300,5", "KURT must be a number within" },
		{ CIDX_MK_TREAT, "2,3.5", "expected SKEW,KURT,WINMAX" },
		{ CIDX_MK_TREAT, "2,3.5,5,1", "expected SKEW,KURT,WINMAX" },
		{ CIDX_MK_TREAT, "2,,5", "expected SKEW,KURT,WINMAX" },
		/* found by fuzz-methodopt: --treat= read before its text */
		{ CIDX_MK_TREAT, "", "'': expected SKEW,KURT,WINMAX" },
		{ CIDX_MK_METHOD, "ahp", "expected composite, topsis, mpi" },
		{ CIDX_MK_NORMALISE, "minmax:0,1e308", "parameters must be within" },
		{ CIDX_MK_NORMALISE, "minmax:-1e308,1e308", "within" },
		{ CIDX_MK_NORMALISE, "minmax:5,1", "the lower bound must be below" },
		{ CIDX_MK_NORMALISE, "zscore:0,0", "the spread must be > 0" },
		{ CIDX_MK_NORMALISE, "rank:1,2", "rank takes no parameters" },
		{ CIDX_MK_NORMALISE, "log", "'log': expected minmax[:L,U]" },
		{ CIDX_MK_SCALE, "decade", "expected year, panel or panel:FROM,TO" },
		{ CIDX_MK_AGGREGATE, "1=geom", "expected arith, geom, harm" },
		{ CIDX_MK_AGGREGATE, "geom,", "expected arith" },
		{ CIDX_MK_AGGREGATE, "median", "expected arith" },
		/* the second would have won without a word */
		{ CIDX_MK_AGGREGATE, "2=geom,2=harm", "'2=geom,2=harm': level 2 "
		  "given twice" },
		{ CIDX_MK_AGGREGATE, "arith,3=harm,03=geom", "level 3 given "
		  "twice" },
	};

	for (size_t i = 0; i < LEN(bad); i++) {
		struct cidx_method m = CIDX_METHOD_INIT;
		struct cidx_method d = CIDX_METHOD_INIT;
		struct cidx_err err = CIDX_ERR_INIT;

		CHECK_INT(cidx_method_set(&m, bad[i].k, bad[i].text, &err),
		    CIDX_EINVAL);
		CHECK_HAS(err.msg, bad[i].msg);
		/* unchanged */
		CHECK(memcmp(&m, &d, sizeof(m)) == 0);
	}
}

void
test_method__defaults_and_reset(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;

	for (int k = 0; k < CIDX_MK_N; k++)
		CHECK(cidx_method_is_default(&m, (enum cidx_mkey)k));
	CHECK_INT(cidx_method_set(&m, CIDX_MK_TREAT, NULL, &err), 0);
	CHECK(!cidx_method_is_default(&m, CIDX_MK_TREAT));
	CHECK_INT(m.treat_p.winmax, 5);
	cidx_method_reset(&m, CIDX_MK_TREAT);
	CHECK(cidx_method_is_default(&m, CIDX_MK_TREAT));
	CHECK_INT(cidx_method_set(&m, CIDX_MK_AGGREGATE, "2=geom", &err), 0);
	CHECK_INT(cidx_method_agg_at(&m, 2), CIDX_AGG_GEOM);
	CHECK_INT(cidx_method_agg_at(&m, 3), CIDX_AGG_ARITH);
	CHECK(!cidx_method_all_arith(&m, 3));
	CHECK(cidx_method_all_arith(&m, 1));
	cidx_method_reset(&m, CIDX_MK_AGGREGATE);
	CHECK(cidx_method_all_arith(&m, 3));
}

/* the method file gives the same values and messages as the options */
static int
from_json(const char *text, struct cidx_method *m, struct cidx_err *err)
{
	struct cidx_json *root = NULL;
	int ret;

	if ((ret = cidx_json_parse(&root, text, strlen(text), "m.json",
	    err)) < 0)
		return ret;
	ret = cidx_method_from_json(m, root, "m.json", err);
	cidx_json_free(root);
	return ret;
}

void
test_method__from_json(void)
{
	struct cidx_method m = CIDX_METHOD_INIT, d = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char buf[160];

	CHECK_INT(from_json("{\"cityidx\": \"0.1.0\", \"steps\": [\"rank\"], "
	    "\"denominate\": true, \"impute\": \"group-mean:EurAsia_group\", "
	    "\"screen\": 0.9, \"treat\": {\"skew\": 2.25, \"kurt\": 3.5, "
	    "\"winmax\": 4}, \"method\": \"composite\", \"normalise\": "
	    "\"minmax:1,100\", \"scale\": \"year\", \"aggregate\": "
	    "\"arith,2=geom\", \"weights\": {}, \"tiers\": \"jenks:3\", "
	    "\"top\": 50, \"import_ids\": [1]}", &m, &err), 0);
	CHECK(m.denominate);
	CHECK_STR(m.impute_attr, "EurAsia_group");
	CHECK_DBL(m.screen, 0.9, 0);
	CHECK_INT(m.treat_p.winmax, 4);
	CHECK_DBL(m.treat_p.skew, 2.25, 0);
	cidx_method_text(&m, CIDX_MK_AGGREGATE, buf, sizeof(buf));
	CHECK_STR(buf, "arith,2=geom");
	/* null resets */
	CHECK_INT(from_json("{\"treat\": null, \"denominate\": null}", &m,
	    &err), 0);
	CHECK(!m.treat && !m.denominate);
	/* the defects a method file let through, refused as on the command
	 * line, naming the file and the member; nothing changes */
	m = d;
	CHECK_INT(from_json("{\"treat\": {\"skew\": -1, \"kurt\": 3.5, "
	    "\"winmax\": 1e12}}", &m, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'m.json': method member 'treat': '-1,3.5,1000000000000': "
	    "SKEW must be a number > 0");
	CHECK_INT(from_json("{\"treat\": {\"skew\": 2, \"kurt\": 3.5, "
	    "\"winmax\": 1e300}}", &m, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "WINMAX must be a whole number from 0 to 1000000");
	CHECK_INT(from_json("{\"screen\": 7}", &m, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'m.json': method member 'screen': '7': expected "
	    "a share from 0 to 1");
	CHECK_INT(from_json("{\"screen\": -1}", &m, &err), CIDX_EINVAL);
	CHECK_INT(from_json("{\"screen\": \"lots\"}", &m, &err), CIDX_EINVAL);
	CHECK_INT(from_json("{\"treat\": {\"skew\": 2}}", &m, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "method member 'treat': expected SKEW,KURT,WINMAX");
	CHECK_INT(from_json("{\"treat\": [2, 3.5, 5]}", &m, &err),
	    CIDX_EINVAL);
	CHECK_INT(from_json("{\"normalize\": \"rank\"}", &m, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "method member 'normalize' is not a method item");
	CHECK_INT(from_json("{\"normalise\": \"minmax:0,1e308\"}", &m, &err),
	    CIDX_EINVAL);
	CHECK_INT(from_json("[1]", &m, &err), CIDX_EINVAL);
	CHECK(memcmp(&m, &d, sizeof(m)) == 0);
}

/*
 * A member's text was cut to 255 bytes before it was read: "0.5", 300
 * blanks and "x" read as 0.5 (and "arith", thirty ",2=geom", five
 * ",10=geom" and ",3=harm" lost its last level, before a level given twice
 * was refused).  Such a member is refused as too long; the longest
 * aggregate spelling, every level, fits.
 */
void
test_method__from_json_long_text(void)
{
	struct cidx_method m = CIDX_METHOD_INIT, d = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct sbuf sb = SBUF_INIT;

	cidx_sbuf_adds(&sb, "{\"aggregate\": \"harm");
	for (int lv = 2; lv < CIDX_MAX_LEVELS; lv++)
		cidx_sbuf_addf(&sb, ",%d=geom", lv);
	cidx_sbuf_adds(&sb, "\"}");
	CHECK_INT(from_json(sb.buf, &m, &err), 0);
	CHECK_INT(cidx_method_agg_at(&m, CIDX_MAX_LEVELS - 1), CIDX_AGG_GEOM);
	m = d;
	cidx_sbuf_reset(&sb);
	cidx_sbuf_adds(&sb, "{\"screen\": \"0.5");
	for (int i = 0; i < 300; i++)
		cidx_sbuf_addc(&sb, ' ');
	cidx_sbuf_adds(&sb, "x\"}");
	CHECK_INT(from_json(sb.buf, &m, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'m.json': method member 'screen': longer than 255 "
	    "bytes");
	CHECK(memcmp(&m, &d, sizeof(m)) == 0);
	cidx_sbuf_release(&sb);
}

void
test_method__weights_methods(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	enum cidx_wmethod wm;
	const char *path;
	double a;

	CHECK_INT(cidx_wmethod_parse("critic", &wm, &path, NULL, &err), 0);
	CHECK_INT(wm, CIDX_WM_CRITIC);
	CHECK(path == NULL);
	CHECK_INT(cidx_wmethod_parse("ahp:j.csv", &wm, &path, &a, &err), 0);
	CHECK_INT(wm, CIDX_WM_AHP);
	CHECK_STR(path, "j.csv");
	CHECK(isnan(a));
	CHECK_STR(cidx_wmethod_name(wm), "ahp");
	CHECK_INT(cidx_wmethod_parse("entropy-panel", &wm, &path, &a, &err), 0);
	CHECK_INT(wm, CIDX_WM_ENTROPY_PANEL);
	CHECK_INT(cidx_wmethod_parse("combine:0.4:ahp:d/j:2.csv", &wm, &path,
	    &a, &err), 0);
	CHECK_INT(wm, CIDX_WM_COMBINE);
	CHECK_STR(path, "d/j:2.csv");
	CHECK_DBL(a, 0.4, 0);
	CHECK_STR(cidx_wmethod_name(wm), "combine");
	CHECK_INT(cidx_wmethod_parse("ahp:", &wm, &path, NULL, &err),
	    CIDX_EINVAL);
	CHECK_INT(cidx_wmethod_parse("file", &wm, &path, NULL, &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "'file': expected equal, entropy, entropy-panel, "
	    "critic, pca, ahp:FILE or combine:ALPHA:ahp:FILE");
	CHECK_INT(cidx_wmethod_parse("combine:1.5:ahp:j.csv", &wm, &path, &a,
	    &err), CIDX_EINVAL);
	CHECK_INT(cidx_wmethod_parse("combine:0.5:j.csv", &wm, &path, &a,
	    &err), CIDX_EINVAL);
	CHECK_INT(cidx_wmethod_parse("combine:0.5:ahp:", &wm, &path, &a,
	    &err), CIDX_EINVAL);
}

/* the texts a report states: the default screen share as people write it,
 * and each formula in the manual's notation (cityidx(1), METHOD) */
void
test_method__report_texts(void)
{
	char b[40];

	cidx_screen_text(b, sizeof(b), CIDX_SCREEN_DEFAULT);
	CHECK_STR(b, "2/3");
	cidx_screen_text(b, sizeof(b), 0.9);
	CHECK_STR(b, "0.9");
	cidx_screen_text(b, sizeof(b), 0.6666);
	CHECK_STR(b, "0.6666");
	CHECK_STR(cidx_norm_formula(CIDX_NORM_MINMAX, 0),
	    "s = L + (U - L) (y - min) / (max - min),   y = d x");
	/* both directions where they differ */
	CHECK_HAS(cidx_norm_formula(CIDX_NORM_DISTMAX, 0), "100 min(x) / x");
	CHECK_HAS(cidx_norm_formula(CIDX_NORM_GOALPOSTS, 0),
	    "100 (hi - x) / (hi - lo)");
	CHECK_HAS(cidx_norm_formula(CIDX_NORM_RANK, 1), "并列取平均");
	for (int k = CIDX_NORM_MINMAX; k <= CIDX_NORM_GOALPOSTS; k++)
		CHECK_HAS(cidx_norm_formula((enum cidx_norm)k, 0), "s = ");
	CHECK_STR(cidx_agg_formula(CIDX_AGG_ARITH), "s[p] = sum(w[c] s[c]) / W");
	CHECK_STR(cidx_agg_formula(CIDX_AGG_HARM), "s[p] = W / sum(w[c] / s[c])");
	CHECK_HAS(cidx_agg_formula(CIDX_AGG_GEOM), "ln s[c]");
	CHECK_HAS(cidx_formula(CIDX_F_TREAT_LOG), "-ln(max + e - x)");
	CHECK_HAS(cidx_formula(CIDX_F_CHANGE), "prev_common - now_common");
	for (int k = CIDX_F_DENOMINATE; k <= CIDX_F_MC_NOISE; k++)
		CHECK(cidx_formula((enum cidx_formula)k)[0] != '\0');
}

void
test_method__scale_window_and_reference(void)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_refspec r;
	char b[160];

	CHECK_INT(cidx_method_set(&m, CIDX_MK_SCALE, "panel:2014,2021", &err),
	    0);
	CHECK(m.panel && m.panel_from == 2014 && m.panel_to == 2021);
	cidx_method_text(&m, CIDX_MK_SCALE, b, sizeof(b));
	CHECK_STR(b, "panel:2014,2021");
	CHECK_INT(cidx_method_set(&m, CIDX_MK_SCALE, "panel", &err), 0);
	CHECK(m.panel && m.panel_from == 0);
	CHECK_INT(cidx_method_set(&m, CIDX_MK_SCALE, "panel:2021,2014", &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "FROM <= TO");
	CHECK_INT(cidx_method_set(&m, CIDX_MK_SCALE, "panel:2014.5,2021",
	    &err), CIDX_EINVAL);
	CHECK_INT(cidx_refspec_parse(&r, "mean", &err), 0);
	CHECK(!r.unit && r.year == 0);
	CHECK_INT(cidx_refspec_parse(&r, "unit:EU27@2014", &err), 0);
	CHECK(r.unit && r.year == 2014);
	CHECK_STR(r.code, "EU27");
	cidx_refspec_text(&r, b, sizeof(b));
	CHECK_STR(b, "unit:EU27@2014");
	CHECK_INT(cidx_refspec_parse(&r, "median", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "expected mean, mean@YEAR, unit:CODE");
	CHECK_INT(cidx_refspec_parse(&r, "mean@x", &err), CIDX_EINVAL);
}
