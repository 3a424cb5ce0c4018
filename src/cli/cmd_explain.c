/*
 * cmd_explain.c - why a unit has its score and its rank: prints the
 * ws layer's explanation (ws/explainunit.h: contributions and rank-change
 * split, calc/explain.h;
 * cityidx(1), METHOD, Explanation).  A geometric level multiplies
 * factors y^share; those are shown instead of contributions.
 */
#include <unistd.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "calc/explain.h"
#include "calc/imethod.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/yearopt.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"
#include "ws/explainunit.h"
#include "ws/methodwords.h"

struct explain_opts {
	struct cli_year_opts y;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

#define O struct explain_opts
const struct cli_opt cmd_explain_opts[] = {
	CLI_OPT_OPERANDS("UNIT"),
	CLI_OPT_YEAR(O, y, "year to explain (default: the latest)"),
	CLI_OPT_COMPARE("YEAR", O, y, "also split the rank change since YEAR "
	    "into the unit's own\ndata and the other units' data"),
	CLI_OPT_LANG(O, y, "language of the words and names (default: English\n"
	    "words, names as stored)"),
	CLI_OPT_UNIT_WORD(O, y),
	CLI_OPT_FORMAT(O, fmt, CLI_FMTS_TABLE | CLI_FMTS_JSON,
	    "table (default) | json"),
	CLI_OPT_HELP,
	CLI_OPT_GROUP(cli_method_group, O, mo),
	CLI_OPT_END,
};
#undef O

/* a node's name: English unless the words are Chinese */
static const char *
node_name(const struct cidx_node *nd, enum cidx_lang lang)
{
	if (lang == CIDX_LANG_ZH && nd->name_zh)
		return nd->name_zh;
	return nd->name_en ? nd->name_en : nd->name_zh;
}

static void
walk_table(const struct cidx_framework *fw, const struct cidx_method *m,
    const gsl_matrix *s, size_t i, const struct cidx_contrib *c, size_t k,
    int depth, struct out_table *t, enum cidx_lang lang)
{
	char b[4][40], ind[64];
	const char *cells[6];
	double y = gsl_matrix_get(s, i, k);
	int parent_level = fw->node[k].pidx >= 0 ?
	    fw->node[fw->node[k].pidx].level : 0;

	snprintf(ind, sizeof(ind), "%*s%s", depth * 2, "", fw->node[k].code);
	cidx_num_fmt_fixed(b[0], sizeof(b[0]), y, 3);
	cidx_num_fmt_fixed(b[1], sizeof(b[1]), c->share[k] * 100, 2);
	if (parent_level && cidx_method_agg_at(m, parent_level) ==
	    CIDX_AGG_GEOM)
		cidx_num_fmt(b[2], sizeof(b[2]), c->factor[k], 6);
	else
		cidx_num_fmt_fixed(b[2], sizeof(b[2]), c->contrib[k], 3);
	cells[0] = ind;
	cells[1] = node_name(&fw->node[k], lang);
	cells[2] = b[0];
	cells[3] = isnan(c->share[k]) ? "" : b[1];
	cells[4] = cidx_method_all_arith(m, fw->top_level) ? b[2] :
	    (parent_level && cidx_method_agg_at(m, parent_level) ==
	    CIDX_AGG_GEOM) ? b[2] : "";
	out_table_add(t, cells);
	for (size_t q = fw->child_off[k]; q < fw->child_off[k + 1]; q++)
		walk_table(fw, m, s, i, c, fw->child[q], depth + 1, t, lang);
}

/* the score of each node, its share and contribution */
static void
json_nodes(struct cidx_jsonw *w, const struct cidx_framework *fw,
    const struct cidx_ranking *r, size_t row, const struct cidx_contrib *c,
    int additive)
{
	cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	for (size_t k = 0; k < fw->n; k++) {
		if (fw->node[k].level == 0)
			continue;
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "code");
		cidx_jsonw_string(w, fw->node[k].code);
		cidx_jsonw_key(w, "parent");
		cidx_jsonw_string(w, fw->node[k].parent);
		cidx_jsonw_key(w, "level");
		cidx_jsonw_int(w, fw->node[k].level);
		cidx_jsonw_key(w, "value");
		cidx_jsonw_number17(w, gsl_matrix_get(r->s, row, k));
		cidx_jsonw_key(w, "share");
		cidx_jsonw_number17(w, c->share[k]);
		cidx_jsonw_key(w, "global_weight");
		cidx_jsonw_number17(w, c->global[k]);
		cidx_jsonw_key(w, "contribution");
		cidx_jsonw_number17(w, additive ? c->contrib[k] : NAN);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
}

/* the rank change since `cyear`, split into own data and others' */
static void
json_split(struct cidx_jsonw *w, const struct cidx_ws_explanation *x)
{
	const struct cidx_rank_split *sp = &x->split;

	cidx_jsonw_key(w, "compare_year");
	cidx_jsonw_int(w, x->cyear);
	cidx_jsonw_key(w, "movement_basis");
	cidx_jsonw_string(w, cidx_basis_name(sp->basis));
	cidx_jsonw_key(w, "shared_indicators");
	cidx_jsonw_int(w, sp->shared);
	if (sp->basis == CIDX_BASIS_WITHHELD) {
		cidx_jsonw_key(w, "withheld_because");
		cidx_jsonw_string(w, sp->why);
		return;
	}
	cidx_jsonw_key(w, "rank_now");
	cidx_jsonw_int(w, sp->rank_now);
	cidx_jsonw_key(w, "rank_then");
	cidx_jsonw_int(w, sp->rank_then);
	cidx_jsonw_key(w, "rank_change");
	cidx_jsonw_int(w, x->rank_change);
	cidx_jsonw_key(w, "units_in_both_years");
	cidx_jsonw_uint(w, sp->n_common);
	cidx_jsonw_key(w, "rank_with_own_new_data_among_old");
	cidx_jsonw_int(w, sp->rank_own_new);
	cidx_jsonw_key(w, "rank_with_own_old_data_among_new");
	cidx_jsonw_int(w, sp->rank_own_old);
	cidx_jsonw_key(w, "change_due_to_own_data");
	cidx_jsonw_number17(w, sp->own);
	cidx_jsonw_key(w, "change_due_to_others");
	cidx_jsonw_number17(w, sp->others);
}

static int
print_json(struct cli_engine *e, const struct cidx_ws_explanation *x)
{
	const struct cidx_framework *fw = e->fw;
	const struct cidx_unit *u = &x->ds->unit[x->row];
	const struct cidx_ranking *r = x->r;
	size_t row = x->row;
	int year = x->year, additive = x->additive;
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, stdout);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "explain");
	cidx_jsonw_key(&w, "unit");
	cidx_jsonw_string(&w, u->code);
	cidx_jsonw_key(&w, "name");
	cidx_jsonw_string(&w, u->name ? u->name : u->name_en);
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, year);
	cidx_jsonw_key(&w, "rank");
	cidx_jsonw_int(&w, r->rank[row]);
	cidx_jsonw_key(&w, "score");
	cidx_jsonw_number17(&w, gsl_matrix_get(r->s, row, fw->root));
	cidx_jsonw_key(&w, "additive");
	cidx_jsonw_bool(&w, additive);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(e, &w, year, NULL, 0, 0);
	cidx_jsonw_key(&w, "nodes");
	json_nodes(&w, fw, r, row, x->contrib, additive);
	if (x->cyear > 0)
		json_split(&w, x);
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}

/* the words of the table and notes: --lang, or English */
struct ex_lang {
	enum cidx_lang lang;
	int names;             /* --lang given: names in that language */
	const char *noun;      /* "cities", "城市" */
};

static void
msg_print(const struct ex_lang *l, enum cidx_msg_id id, ...)
{
	va_list ap;

	va_start(ap, id);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	vprintf(cidx_msg(l->lang, id), ap);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	va_end(ap);
}

static const char *
unit_name(const struct cidx_unit *u, const struct ex_lang *l)
{
	if (l->names && l->lang == CIDX_LANG_EN && u->name_en)
		return u->name_en;
	return u->name ? u->name : u->name_en;
}

static void print_split(const struct cidx_ws_explanation *x,
    const struct ex_lang *l);

/* why the contributions do not add up, when they do not */
static void
print_note(struct cli_engine *e, int additive, const struct ex_lang *l)
{
	const struct cidx_method *m = cidx_engine_method(e->eng);
	struct sbuf sb = SBUF_INIT;

	if (additive)
		msg_print(l, CIDX_MSG_EX_ADDITIVE);
	else if (m->imethod != CIDX_IM_COMPOSITE) {
		if (l->lang == CIDX_LANG_ZH)
			cidx_ws_item_words(m, CIDX_MK_METHOD, l->lang,
			    CIDX_NOUN_UNIT, &sb);
		msg_print(l, CIDX_MSG_EX_NOT_ADDITIVE_IM, sb.len ? sb.buf :
		    cidx_imethod_info(m->imethod)->label);
	} else
		msg_print(l, CIDX_MSG_EX_NOT_ADDITIVE_GEOM);
	cidx_sbuf_release(&sb);
}

static void
print_table(struct cli_engine *e, const struct cidx_ws_explanation *x,
    const struct ex_lang *l)
{
	const struct cidx_framework *fw = e->fw;
	const struct cidx_ranking *r = x->r;
	size_t row = x->row;
	const char *head[5] = { cidx_msg(l->lang, CIDX_MSG_EX_NODE),
		cidx_msg(l->lang, CIDX_MSG_EX_NAME),
		cidx_msg(l->lang, CIDX_MSG_EX_VALUE),
		cidx_msg(l->lang, CIDX_MSG_EX_SHARE),
		cidx_msg(l->lang, x->additive ? CIDX_MSG_EX_CONTRIB :
		CIDX_MSG_EX_FACTOR) };
	struct out_table t;
	char b[40];

	cidx_num_fmt_fixed(b, sizeof(b), gsl_matrix_get(r->s, row, fw->root),
	    3);
	msg_print(l, CIDX_MSG_EX_HEAD, out_text(x->ds->unit[row].code),
	    out_text(unit_name(&x->ds->unit[row], l)), b, r->rank[row],
	    r->n_ranked, x->year, l->noun);
	out_table_init(&t, 5);
	for (size_t q = 2; q < 5; q++)
		out_table_set_right(&t, q, 1);
	out_table_add(&t, head);
	walk_table(fw, cidx_engine_method(e->eng), r->s, row, x->contrib,
	    fw->root, 0, &t, l->names ? l->lang : CIDX_LANG_EN);
	out_table_print(stdout, &t);
	out_table_release(&t);
	print_note(e, x->additive, l);
	if (x->cyear > 0)
		print_split(x, l);
}

/* the rank change since the compare year, split into the unit's own data
 * and the others' (cityidx(1), METHOD, Explanation) */
static void
print_split(const struct cidx_ws_explanation *x, const struct ex_lang *l)
{
	const struct cidx_rank_split *sp = &x->split;
	int year = x->year, cyear = x->cyear;
	char b[40];

	if (sp->basis == CIDX_BASIS_WITHHELD) {
		msg_print(l, CIDX_MSG_EX_WITHHELD, cyear, out_text(sp->why),
		    sp->shared);
		return;
	}
	if (sp->basis == CIDX_BASIS_COMMON)
		msg_print(l, CIDX_MSG_EX_COMMON, sp->shared, year, cyear);
	msg_print(l, CIDX_MSG_EX_CHANGE, sp->rank_then, cyear, sp->rank_now,
	    year, sp->n_common, x->rank_change, l->noun);
	msg_print(l, CIDX_MSG_EX_OWN_NEW, year, cyear, sp->rank_own_new);
	msg_print(l, CIDX_MSG_EX_OWN_OLD, cyear, year, sp->rank_own_old);
	cidx_num_fmt(b, sizeof(b), sp->own, 6);
	msg_print(l, CIDX_MSG_EX_DUE_OWN, sp->own > 0 ? "+" : "", b);
	cidx_num_fmt(b, sizeof(b), sp->others, 6);
	msg_print(l, CIDX_MSG_EX_DUE_OTHERS, sp->others > 0 ? "+" : "", b,
	    l->noun);
}

int
cmd_explain(int argc, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct explain_opts o;
	struct cli_engine e;
	struct cidx_ws_explain_opts xo = CIDX_WS_EXPLAIN_OPTS_INIT;
	struct cidx_ws_explanation x;
	int ret;

	memset(&o, 0, sizeof(o));
	o.y = (struct cli_year_opts)CLI_YEAR_OPTS_INIT;
	o.y.compare = -1;
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	memset(&e, 0, sizeof(e));
	memset(&x, 0, sizeof(x));
	if ((ret = cli_opt_parse("explain", argc, argv, &o, NULL)) != CLI_OK)
		goto out;
	if (optind + 1 != argc) {
		ret = cli_usage_error("explain", optind >= argc ?
		    "no UNIT given" : "one UNIT only");
		goto out;
	}
	xo.year = o.y.year;
	xo.compare = o.y.compare;
	if ((ret = cli_engine_open(&e, &o.mo)) != CLI_OK)
		goto out;
	if (cidx_ws_explain(&x, e.ws, argv[optind], &xo, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	if (o.fmt == CLI_FMT_JSON)
		ret = print_json(&e, &x);
	else {
		struct ex_lang l = { o.y.lang_set ? o.y.lang : CIDX_LANG_EN,
			o.y.lang_set, NULL };

		cidx_ws_set_unit_noun(e.ws, o.y.noun);
		l.noun = cidx_msg_noun(l.lang, cidx_ws_unit_noun(e.ws), 1);
		print_table(&e, &x, &l);
	}
out:
	cidx_ws_explanation_release(&x);
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	return ret;
}
