/*
 * chartmap.c - the data of the map figure (ws/chartdata.h): every unit of
 * the workspace with a boundary, as the year's ranking sees it, and the
 * base layers of the workspace.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "core/mem.h"
#include "ws/chartdata.h"
#include "ws/names.h"
#include "ws/methodwords.h"

/* the workspace's units outside the year's data: those screened out
 * (too little data) are not ranked, the others have no data this year */
static const struct cidx_screened *
screened(const struct cidx_prep_report *rep, const char *code)
{
	for (size_t i = 0; rep && i < rep->n_screened; i++)
		if (strcmp(rep->screened[i].code, code) == 0)
			return &rep->screened[i];
	return NULL;
}

/* the name of a unit outside the year's data: a unit screened out by
 * its name (ws/names.h), the others by their code */
static const char *
other_name(const struct cidx_ws_chart *c, const char *code)
{
	const struct cidx_screened *s = screened(c->rep, code);
	struct cidx_unit u;

	if (s == NULL)
		return code;
	memset(&u, 0, sizeof(u));
	u.code = s->code;
	u.name = s->name;
	u.name_en = s->name_en;
	return cidx_ws_unit_name1(&u, c->lang == CIDX_LANG_ZH);
}

static const char *
pick(const struct cidx_ws_chart *c, const char *zh, const char *en)
{
	const char *a = c->lang == CIDX_LANG_EN ? en : zh;
	const char *b = c->lang == CIDX_LANG_EN ? zh : en;

	return a && *a ? a : b;
}

static void
layers(const struct cidx_ws_chart *c, struct cidx_map *out,
    struct cidx_ws_mem *m)
{
	const struct cidx_layers *ls = c->geo ? c->geo->layers : NULL;
	struct cidx_map_layer *l;

	if (ls == NULL || ls->n == 0)
		return;
	l = cidx_ws_mem_alloc(m, ls->n, sizeof(*l));
	for (size_t i = 0; i < ls->n; i++) {
		l[i].kind = ls->f[i].kind;
		l[i].name = pick(c, ls->f[i].name, ls->f[i].name_en);
		l[i].geom = ls->f[i].geom;
	}
	out->layers = l;
	out->n_layers = ls->n;
}

/* "未排名：9个单位数据不足（斜线）；80个单位2012年无数据（浅色）。" */
static const char *
note(const struct cidx_ws_chart *c, size_t few, size_t none,
    struct cidx_ws_mem *m)
{
	struct sbuf sb = SBUF_INIT;
	enum cidx_unit_noun noun = cidx_ws_unit_noun(c->ws);

	if (few + none == 0)
		return NULL;
	cidx_sbuf_adds(&sb, cidx_msg(c->lang, CIDX_MSG_MAP_NOT_RANKED));
	if (few > 0)
		cidx_msg_add(&sb, c->lang, CIDX_MSG_MAP_FEW, few,
		    cidx_msg_noun(c->lang, noun, few != 1));
	if (few > 0 && none > 0)
		cidx_sbuf_adds(&sb, cidx_msg(c->lang, CIDX_MSG_SEMI));
	if (none > 0)
		cidx_msg_add(&sb, c->lang, CIDX_MSG_MAP_NONE, none,
		    cidx_msg_noun(c->lang, noun, none != 1), c->year);
	cidx_sbuf_adds(&sb, cidx_msg(c->lang, CIDX_MSG_RP_COV_END));
	return cidx_ws_mem_keep(m, cidx_sbuf_detach(&sb));
}

int
cidx_ws_chart_map(struct cidx_map *out, const struct cidx_ws_chart *c,
    enum cidx_map_fill fill, struct cidx_ws_mem *m, struct cidx_err *err)
{
	const struct cidx_ranking *r = c->r;
	const struct cidx_ws_geo *g = c->geo;
	size_t root = c->fw->root, n = c->ds->n_units, have = 0;
	size_t no = g ? g->n_other : 0, few = 0, none = 0;
	struct cidx_map_unit *u = cidx_ws_mem_alloc(m, n + no, sizeof(*u));

	for (size_t i = 0; i < n; i++) {
		u[i].name = cidx_ws_chart_unit_name(c, &c->ds->unit[i]);
		u[i].geom = g && g->geom ? g->geom[i] : NULL;
		u[i].tier = r->tier[i];
		u[i].score = r->rank[i] ? gsl_matrix_get(r->s, i, root) : NAN;
		u[i].unranked = r->rank[i] == 0;
		u[i].rank = r->rank[i];
		have += u[i].geom != NULL && r->rank[i] > 0;
		few += u[i].geom != NULL && r->rank[i] == 0;
	}
	for (size_t j = 0; j < no; j++) {
		u[n + j].name = other_name(c, g->other_code[j]);
		u[n + j].geom = g->other_geom[j];
		u[n + j].score = NAN;
		u[n + j].unranked = 1;
		u[n + j].no_data = screened(c->rep, g->other_code[j]) == NULL;
		few += !u[n + j].no_data;
		none += u[n + j].no_data;
	}
	if (have == 0)
		return cidx_err_set(err, CIDX_ENOTFOUND, "no unit ranked in %d "
		    "has a boundary: import a units file with a 'boundary' column (WKT) or a GeoJSON "
		    "file", c->year);
	memset(out, 0, sizeof(*out));
	out->units = u;
	out->n = n + no;
	out->fill = fill;
	out->n_tiers = c->ts ? c->ts->k : 0;
	out->top = c->top < r->n_ranked ? c->top : 0;
	out->labels = c->labels;
	out->note = note(c, few, none, m);
	layers(c, out, m);
	return 0;
}
