/*
 * methodwords.c - a method in words (methodwords.h), and what a
 * framework calls its units (ws.h).
 */
#include <math.h>
#include <string.h>

#include "calc/calc.h"
#include "calc/imethod.h"
#include "core/num.h"
#include "ws/methodwords.h"

#define MSG(id) cidx_msg(lang, (id))

#define addfmt cidx_msg_add

static void
norm_words(const struct cidx_method *m, enum cidx_lang lang,
    struct sbuf *sb)
{
	static const enum cidx_msg_id plain[] = {
		[CIDX_NORM_RANK] = CIDX_MSG_M_N_RANK,
		[CIDX_NORM_PERCENTILE] = CIDX_MSG_M_N_PERCENTILE,
		[CIDX_NORM_RATIO] = CIDX_MSG_M_N_RATIO,
		[CIDX_NORM_DISTMAX] = CIDX_MSG_M_N_DISTMAX,
	};
	char a[40], b[40];

	cidx_num_shortest(a, sizeof(a), m->norm_p1);
	cidx_num_shortest(b, sizeof(b), m->norm_p2);
	switch (m->norm) {
	case CIDX_NORM_MINMAX:
		addfmt(sb, lang, CIDX_MSG_M_N_MINMAX, a, b);
		break;
	case CIDX_NORM_ZSCORE:
		addfmt(sb, lang, CIDX_MSG_M_N_ZSCORE, a, b);
		break;
	case CIDX_NORM_GOALPOSTS:
		if (isnan(m->norm_p1))
			cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_N_GOALPOSTS0));
		else
			addfmt(sb, lang, CIDX_MSG_M_N_GOALPOSTS, a, b);
		break;
	default:
		cidx_sbuf_adds(sb, MSG(plain[m->norm]));
	}
	if (m->panel && m->panel_from)
		addfmt(sb, lang, CIDX_MSG_M_PANEL_YEARS, m->panel_from,
		    m->panel_to);
	else if (m->panel)
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_PANEL));
}

static const enum cidx_msg_id agg_msg[] = {
	[CIDX_AGG_ARITH] = CIDX_MSG_M_A_ARITH,
	[CIDX_AGG_GEOM] = CIDX_MSG_M_A_GEOM,
	[CIDX_AGG_HARM] = CIDX_MSG_M_A_HARM,
};

static void
agg_words(const struct cidx_method *m, enum cidx_lang lang, struct sbuf *sb)
{
	cidx_sbuf_adds(sb, MSG(agg_msg[m->agg]));
	for (int lv = 0; lv < CIDX_MAX_LEVELS; lv++)
		if (m->agg_at[lv]) {
			cidx_sbuf_adds(sb, MSG(CIDX_MSG_COMMA));
			addfmt(sb, lang, CIDX_MSG_M_A_LEVEL, lv,
			    MSG(agg_msg[m->agg_at[lv] - 1]));
		}
}

static void
imethod_words(const struct cidx_method *m, enum cidx_lang lang,
    enum cidx_unit_noun noun, struct sbuf *sb)
{
	static const enum cidx_msg_id name[] = {
		[CIDX_IM_TOPSIS] = CIDX_MSG_M_I_TOPSIS,
		[CIDX_IM_MPI] = CIDX_MSG_M_I_MPI,
		[CIDX_IM_AMPI] = CIDX_MSG_M_I_AMPI,
		[CIDX_IM_GRA] = CIDX_MSG_M_I_GRA,
		[CIDX_IM_BOD] = CIDX_MSG_M_I_BOD,
		[CIDX_IM_WROCLAW] = CIDX_MSG_M_I_WROCLAW,
	};
	char a[40], b[40];

	if (m->imethod == CIDX_IM_COMPOSITE)
		return;
	cidx_sbuf_adds(sb, MSG(name[m->imethod]));
	cidx_num_shortest(a, sizeof(a), m->im_p1);
	cidx_num_shortest(b, sizeof(b), m->im_p2);
	if (m->imethod == CIDX_IM_MPI || m->imethod == CIDX_IM_AMPI)
		cidx_sbuf_adds(sb, MSG(m->im_p1 > 0 ? CIDX_MSG_M_I_POS :
		    CIDX_MSG_M_I_NEG));
	else if (m->imethod == CIDX_IM_GRA)
		addfmt(sb, lang, CIDX_MSG_M_I_RHO, a);
	else if (m->imethod == CIDX_IM_BOD && !isnan(m->im_p1))
		addfmt(sb, lang, CIDX_MSG_M_I_BOUNDS, a, b);
	if (cidx_imethod_info(m->imethod)->missing == CIDX_IM_COMPLETE)
		addfmt(sb, lang, CIDX_MSG_M_COMPLETE,
		    cidx_msg_noun(lang, noun, 1));
	else
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_SKIP_MISSING));
}

static void
impute_words(const struct cidx_method *m, enum cidx_lang lang,
    struct sbuf *sb)
{
	static const enum cidx_msg_id how[] = {
		[CIDX_IMPUTE_NONE] = CIDX_MSG_M_IMP_NONE,
		[CIDX_IMPUTE_MEAN] = CIDX_MSG_M_IMP_MEAN,
		[CIDX_IMPUTE_MEDIAN] = CIDX_MSG_M_IMP_MEDIAN,
		[CIDX_IMPUTE_GROUP_MEAN] = CIDX_MSG_M_IMP_GMEAN,
		[CIDX_IMPUTE_GROUP_MEDIAN] = CIDX_MSG_M_IMP_GMEDIAN,
		[CIDX_IMPUTE_CARRY_FORWARD] = CIDX_MSG_M_IMP_CARRY,
	};

	if (m->impute == CIDX_IMPUTE_GROUP_MEAN ||
	    m->impute == CIDX_IMPUTE_GROUP_MEDIAN)
		addfmt(sb, lang, how[m->impute], m->impute_attr);
	else
		cidx_sbuf_adds(sb, MSG(how[m->impute]));
}

void
cidx_ws_item_words(const struct cidx_method *m, enum cidx_mkey key,
    enum cidx_lang lang, enum cidx_unit_noun noun, struct sbuf *sb)
{
	char a[40], b[40];

	switch (key) {
	case CIDX_MK_DENOMINATE:
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_DENOMINATE));
		break;
	case CIDX_MK_IMPUTE:
		impute_words(m, lang, sb);
		break;
	case CIDX_MK_SCREEN:
	case CIDX_MK_SCREEN_PILLAR:
		cidx_screen_text(a, sizeof(a), m->screen);
		addfmt(sb, lang, CIDX_MSG_M_SCREEN, a, m->screen_pillar);
		break;
	case CIDX_MK_TREAT:
		cidx_num_shortest(a, sizeof(a), m->treat_p.skew);
		cidx_num_shortest(b, sizeof(b), m->treat_p.kurt);
		addfmt(sb, lang, CIDX_MSG_M_TREAT, a, b, m->treat_p.winmax);
		break;
	case CIDX_MK_METHOD:
		if (m->imethod == CIDX_IM_COMPOSITE)
			cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_I_COMPOSITE));
		else
			imethod_words(m, lang, noun, sb);
		break;
	case CIDX_MK_NORMALISE:
	case CIDX_MK_SCALE:
		norm_words(m, lang, sb);
		break;
	case CIDX_MK_AGGREGATE:
		agg_words(m, lang, sb);
		break;
	case CIDX_MK_N:
		break;
	}
}

void
cidx_ws_spec_words(enum cidx_mkey key, const char *text, enum cidx_lang lang,
    enum cidx_unit_noun noun, struct sbuf *sb)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_err err = CIDX_ERR_INIT;

	if (key == CIDX_MK_TREAT) {
		/* an alternative winsorisation limit: a number */
		cidx_sbuf_adds(sb, text);
		return;
	}
	if (cidx_method_set(&m, key, text, &err) < 0) {
		cidx_sbuf_adds(sb, text);
		return;
	}
	cidx_ws_item_words(&m, key, lang, noun, sb);
}

/* the label and the value of an item, after a separator */
static void
item(struct sbuf *sb, enum cidx_lang lang, enum cidx_msg_id label)
{
	if (sb->len)
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_SEMI));
	if (label != CIDX_MSG__COUNT) {
		cidx_sbuf_adds(sb, MSG(label));
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_COLON));
	}
}

static void
weights_words(const struct cidx_ws *ws, enum cidx_lang lang,
    struct sbuf *sb)
{
	static const enum cidx_msg_id wm[] = {
		[CIDX_WM_FILE] = CIDX_MSG_M_W_FRAMEWORK,
		[CIDX_WM_EQUAL] = CIDX_MSG_M_W_EQUAL,
		[CIDX_WM_ENTROPY] = CIDX_MSG_M_W_ENTROPY,
		[CIDX_WM_CRITIC] = CIDX_MSG_M_W_CRITIC,
		[CIDX_WM_PCA] = CIDX_MSG_M_W_PCA,
		[CIDX_WM_AHP] = CIDX_MSG_M_W_AHP,
		[CIDX_WM_ENTROPY_PANEL] = CIDX_MSG_M_W_ENTROPY,
		[CIDX_WM_COMBINE] = CIDX_MSG_M_W_COMBINE,
	};
	struct cidx_engine *eng = cidx_ws_engine(ws);
	const struct cidx_ws_method *o = cidx_ws_method(ws);
	struct sbuf set = SBUF_INIT;

	item(sb, lang, CIDX_MSG_M_WEIGHTS);
	if (o->weights_method)
		addfmt(sb, lang, CIDX_MSG_M_W_DERIVED, MSG(wm[o->wmethod]),
		    cidx_engine_weights_year(eng), o->weights_panel ||
		    o->wmethod == CIDX_WM_ENTROPY_PANEL ?
		    MSG(CIDX_MSG_M_W_POOLED) : "");
	else if (o->method_file && cidx_ws_weights_origin(ws))
		addfmt(sb, lang, CIDX_MSG_M_W_ORIGIN, o->method_file);
	else
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_M_W_FRAMEWORK));
	if (o->weights_file)
		addfmt(sb, lang, CIDX_MSG_M_W_FILE, o->weights_file);
	for (size_t i = 0; i < o->nset; i++)
		cidx_sbuf_addf(&set, "%s%s", i ? MSG(CIDX_MSG_LIST_SEP) : "",
		    o->set[i]);
	if (set.len)
		addfmt(sb, lang, CIDX_MSG_M_W_SET, set.buf);
	cidx_sbuf_release(&set);
}

void
cidx_ws_describe_words(const struct cidx_ws *ws, enum cidx_lang lang,
    struct sbuf *sb)
{
	const struct cidx_method *m = cidx_engine_method(cidx_ws_engine(ws));
	enum cidx_unit_noun noun = cidx_ws_unit_noun(ws);
	struct sbuf line = SBUF_INIT;

	if (m->denominate) {
		item(&line, lang, CIDX_MSG__COUNT);
		cidx_ws_item_words(m, CIDX_MK_DENOMINATE, lang, noun, &line);
	}
	if (cidx_method_runs(m, CIDX_MK_IMPUTE)) {
		item(&line, lang, CIDX_MSG__COUNT);
		addfmt(&line, lang, CIDX_MSG_M_IMPUTE, "");
		cidx_ws_item_words(m, CIDX_MK_IMPUTE, lang, noun, &line);
	}
	if (cidx_method_runs(m, CIDX_MK_SCREEN)) {
		item(&line, lang, CIDX_MSG__COUNT);
		cidx_ws_item_words(m, CIDX_MK_SCREEN, lang, noun, &line);
	}
	if (cidx_method_runs(m, CIDX_MK_TREAT)) {
		item(&line, lang, CIDX_MSG__COUNT);
		cidx_ws_item_words(m, CIDX_MK_TREAT, lang, noun, &line);
	}
	if (m->imethod != CIDX_IM_COMPOSITE) {
		item(&line, lang, CIDX_MSG_M_INDEX_METHOD);
		imethod_words(m, lang, noun, &line);
	}
	if (m->imethod == CIDX_IM_COMPOSITE ||
	    cidx_imethod_info(m->imethod)->normalised) {
		item(&line, lang, CIDX_MSG_M_NORMALISATION);
		norm_words(m, lang, &line);
	}
	if (m->imethod == CIDX_IM_COMPOSITE) {
		item(&line, lang, CIDX_MSG_M_AGGREGATION);
		agg_words(m, lang, &line);
	}
	weights_words(ws, lang, &line);
	cidx_sbuf_adds(sb, line.buf);
	cidx_sbuf_release(&line);
}

void
cidx_ws_tier_words(const struct cidx_tierspec *ts, enum cidx_lang lang,
    struct sbuf *sb)
{
	struct sbuf v = SBUF_INIT;
	char a[40];

	for (size_t i = 0; i < ts->nv; i++) {
		cidx_num_shortest(a, sizeof(a), ts->v[i]);
		cidx_sbuf_addf(&v, "%s%s", i ? MSG(CIDX_MSG_LIST_SEP) : "", a);
	}
	switch (ts->kind) {
	case CIDX_TIER_COUNTS:
		cidx_msg_add(sb, lang, CIDX_MSG_T_COUNTS, v.buf);
		break;
	case CIDX_TIER_BREAKS:
		cidx_msg_add(sb, lang, CIDX_MSG_T_BREAKS, v.buf);
		break;
	case CIDX_TIER_QUANTILE:
		cidx_msg_add(sb, lang, CIDX_MSG_T_QUANTILE, ts->k);
		break;
	case CIDX_TIER_KMEANS:
		cidx_msg_add(sb, lang, CIDX_MSG_T_KMEANS, ts->k);
		break;
	case CIDX_TIER_JENKS:
		cidx_msg_add(sb, lang, CIDX_MSG_T_JENKS, ts->k);
		break;
	case CIDX_TIER_EIS:
		cidx_sbuf_adds(sb, MSG(CIDX_MSG_T_EIS));
		break;
	}
	cidx_sbuf_release(&v);
}

void
cidx_ws_method_line(const struct cidx_ws *ws, enum cidx_lang lang,
    struct sbuf *sb)
{
	struct sbuf w = SBUF_INIT;

	cidx_ws_describe_words(ws, lang, &w);
	cidx_msg_add(sb, lang, CIDX_MSG_M_METHOD, w.buf);
	cidx_sbuf_release(&w);
}

/* the noun a word names, or -1 */
static int
noun_in(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; s != NULL && i < n; i++)
		if (strstr(s, words[i]) != NULL)
			return 0;
	return -1;
}

enum cidx_unit_noun
cidx_ws_framework_noun(const struct cidx_framework *fw)
{
	static const char *const city[] = { "城市", "city", "City", "cities",
		"Cities" };
	static const char *const region[] = { "地区", "区域", "region",
		"Region" };
	const struct cidx_node *root = NULL;
	enum cidx_unit_noun noun;

	for (size_t i = 0; fw != NULL && i < fw->n; i++)
		if (fw->node[i].type == CIDX_NODE_AGGREGATE &&
		    fw->node[i].parent == NULL) {
			root = &fw->node[i];
			break;
		}
	if (root == NULL)
		return CIDX_NOUN_UNIT;
	if (root->unit && cidx_msg_noun_parse(root->unit, &noun) == 0)
		return noun;
	if (noun_in(root->name_zh, city, 1) == 0 ||
	    noun_in(root->name_en, city, 5) == 0)
		return CIDX_NOUN_CITY;
	if (noun_in(root->name_zh, region, 2) == 0 ||
	    noun_in(root->name_en, region, 4) == 0)
		return CIDX_NOUN_REGION;
	return CIDX_NOUN_UNIT;
}
