/*
 * chartcsv.c - the data behind a chart as CSV (chart --data FILE.csv,
 * cityidx(1), chart): one row for each thing drawn, in the chart's
 * order, with the units' codes and names as the chart shows them and the
 * values it draws at full precision (17 digits, as rank --format csv),
 * so that a designer can redraw it.  The file is written through
 * core/ofile: complete or not at all, never over the workspace.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/ofile.h"
#include "ws/chartdata.h"

/* a field, quoted when it holds a comma, a quote or a line break */
static void
put(struct sbuf *fp, const char *s)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		cidx_sbuf_adds(fp, s);
		return;
	}
	cidx_sbuf_addc(fp, '"');
	for (; *s; s++) {
		if (*s == '"')
			cidx_sbuf_addc(fp, '"');
		cidx_sbuf_addc(fp, *s);
	}
	cidx_sbuf_addc(fp, '"');
}

/* a field and its separator (the line's end when `last`) */
static void
field(struct sbuf *fp, const char *s, int last)
{
	put(fp, s);
	cidx_sbuf_addc(fp, last ? '\n' : ',');
}

/* a column of the header after the first ones */
static void
head(struct sbuf *fp, const char *s)
{
	cidx_sbuf_addc(fp, ',');
	put(fp, s);
}

/* a number as rank --format csv prints it; NaN empty */
static void
num(struct sbuf *fp, double x, int last)
{
	char buf[64] = "";

	if (!isnan(x))
		cidx_num_fmt(buf, sizeof(buf), x, 17);
	field(fp, buf, last);
}

/* an integer; 0 empty when `zero_empty` */
static void
inum(struct sbuf *fp, long x, int zero_empty, int last)
{
	char buf[32] = "";

	if (x != 0 || !zero_empty)
		snprintf(buf, sizeof(buf), "%ld", x);
	field(fp, buf, last);
}

/* the code of the unit the chart names `name` (the chart's own string,
 * else one equal to it) */
static const char *
unit_code(const struct cidx_ws_chart *c, const char *name)
{
	const struct cidx_dataset *ds = c->ds;

	for (size_t i = 0; i < ds->n_units; i++)
		if (cidx_ws_chart_unit_name(c, &ds->unit[i]) == name)
			return ds->unit[i].code;
	for (size_t i = 0; i < ds->n_units; i++)
		if (strcmp(cidx_ws_chart_unit_name(c, &ds->unit[i]), name) == 0)
			return ds->unit[i].code;
	return "";
}

/* the code of the node the chart names `name` */
static const char *
node_code(const struct cidx_ws_chart *c, const char *name)
{
	for (size_t p = 0; p < c->fw->n; p++)
		if (strcmp(cidx_ws_chart_node_name(c, p), name) == 0)
			return c->fw->node[p].code;
	return "";
}

static void
tiers_csv(struct sbuf *fp, const struct cidx_ws_chart *c, const struct cidx_tiers *d)
{
	cidx_sbuf_adds(fp, "rank,code,name,score,tier\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_tier_unit *u = &d->units[i];

		inum(fp, u->rank, 1, 0);
		field(fp, unit_code(c, u->name), 0);
		field(fp, u->name, 0);
		num(fp, u->score, 0);
		inum(fp, u->tier, 1, 1);
	}
}

static void
pillars_csv(struct sbuf *fp, const struct cidx_ws_chart *c,
    const struct cidx_pillars *d)
{
	cidx_sbuf_adds(fp, "code,name,score");
	for (size_t j = 0; j < d->m; j++)
		head(fp, node_code(c, d->pillars[j]));
	cidx_sbuf_addc(fp, '\n');
	for (size_t i = 0; i < d->n; i++) {
		field(fp, unit_code(c, d->names[i]), 0);
		field(fp, d->names[i], 0);
		num(fp, d->score[i], d->m == 0);
		for (size_t j = 0; j < d->m; j++)
			num(fp, d->contrib[i * d->m + j], j + 1 == d->m);
	}
}

static void
movers_csv(struct sbuf *fp, const struct cidx_ws_chart *c,
    const struct cidx_movers *d)
{
	static const char *const flag[] = { "", "dark horse", "new entrant" };

	cidx_sbuf_addf(fp, "code,name,rank_%d,rank_%d,change,flag,before\n",
	    d->year_before, d->year_now);
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_mover *u = &d->units[i];

		field(fp, unit_code(c, u->name), 0);
		field(fp, u->name, 0);
		inum(fp, u->rank_before, 1, 0);
		inum(fp, u->rank_now, 1, 0);
		if (u->rank_before)
			inum(fp, u->change, 0, 0);
		else
			field(fp, "", 0);
		field(fp, flag[u->flag], 0);
		field(fp, u->rank_before ? "ranked" : u->no_data_before ?
		    "no data" : "not ranked", 1);
	}
}

static void
heatmap_csv(struct sbuf *fp, const struct cidx_ws_chart *c,
    const struct cidx_heatmap *d)
{
	size_t m = d->cols ? d->m : d->k;

	cidx_sbuf_adds(fp, d->cols ? "rank,code,name" : "code,name");
	for (size_t j = 0; j < m; j++)
		head(fp, node_code(c, d->cols ? d->cols[j] : d->labels[j]));
	cidx_sbuf_addc(fp, '\n');
	for (size_t i = 0; i < d->k; i++) {
		if (d->cols)
			inum(fp, d->rank ? d->rank[i] : 0, 1, 0);
		field(fp, d->cols ? unit_code(c, d->labels[i]) :
		    node_code(c, d->labels[i]), 0);
		field(fp, d->labels[i], 0);
		for (size_t j = 0; j < m; j++)
			num(fp, d->r[i * m + j], j + 1 == m);
	}
}

static void
profile_csv(struct sbuf *fp, const struct cidx_ws_chart *c,
    const struct cidx_profile *d)
{
	cidx_sbuf_adds(fp, "code,name,level,value,median\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];
		const char *name = c->lang == CIDX_LANG_EN && r->name_en ?
		    r->name_en : r->name_zh ? r->name_zh : r->name_en;
		const char *code = "";

		for (size_t p = 0; p < c->fw->n; p++)
			if ((r->name_zh && c->fw->node[p].name_zh == r->name_zh) ||
			    (r->name_en && c->fw->node[p].name_en == r->name_en) ||
			    (r->name_en && c->fw->node[p].code == r->name_en))
				code = c->fw->node[p].code;
		field(fp, code, 0);
		field(fp, name, 0);
		field(fp, r->indicator ? "indicator" : "pillar", 0);
		num(fp, r->value, 0);
		num(fp, r->median, 1);
	}
}

static void
map_csv(struct sbuf *fp, const struct cidx_ws_chart *c, const struct cidx_map *d)
{
	size_t n = c->ds->n_units;

	cidx_sbuf_adds(fp, "code,name,rank,tier,score,status\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];

		field(fp, i < n ? c->ds->unit[i].code : c->geo &&
		    i - n < c->geo->n_other ? c->geo->other_code[i - n] : "",
		    0);
		field(fp, u->name, 0);
		inum(fp, u->rank, 1, 0);
		inum(fp, u->unranked ? 0 : u->tier, 1, 0);
		num(fp, u->unranked ? NAN : u->score, 0);
		field(fp, u->geom == NULL ? "no boundary" : u->no_data ?
		    "no data" : u->unranked ? "not ranked" : "ranked", 1);
	}
}

static void
uncert_csv(struct sbuf *fp, const struct cidx_ws_chart *c,
    const struct cidx_uncert *d)
{
	size_t n = d->top && d->top < d->n ? d->top : d->n;

	cidx_sbuf_adds(fp, "rank,code,name,p05,p50,p95\n");
	for (size_t i = 0; i < n; i++) {
		const struct cidx_uncert_unit *u = &d->units[i];

		inum(fp, u->rank, 1, 0);
		field(fp, unit_code(c, u->name), 0);
		field(fp, u->name, 0);
		num(fp, u->p05, 0);
		num(fp, u->p50, 0);
		num(fp, u->p95, 1);
	}
}

static void
trend_csv(struct sbuf *fp, const struct cidx_trend *d)
{
	cidx_sbuf_adds(fp, "code,name");
	for (size_t y = 0; y < d->n_years; y++)
		cidx_sbuf_addf(fp, ",%d", d->years[y]);
	cidx_sbuf_addc(fp, '\n');
	for (size_t i = 0; i < d->n; i++) {
		field(fp, d->units[i].code, 0);
		field(fp, d->units[i].name, d->n_years == 0);
		for (size_t y = 0; y < d->n_years; y++)
			inum(fp, d->units[i].rank[y], 1, y + 1 == d->n_years);
	}
}

static void
chart_csv(struct sbuf *fp, const struct cidx_chart *ch, const struct cidx_ws_chart *c)
{
	const struct cidx_chart_type *t = ch->type;

	if (t == &cidx_chart_tiers)
		tiers_csv(fp, c, ch->data);
	else if (t == &cidx_chart_pillars)
		pillars_csv(fp, c, ch->data);
	else if (t == &cidx_chart_movers)
		movers_csv(fp, c, ch->data);
	else if (t == &cidx_chart_heatmap)
		heatmap_csv(fp, c, ch->data);
	else if (t == &cidx_chart_profile)
		profile_csv(fp, c, ch->data);
	else if (t == &cidx_chart_map)
		map_csv(fp, c, ch->data);
	else if (t == &cidx_chart_uncert)
		uncert_csv(fp, c, ch->data);
	else if (t == &cidx_chart_trend)
		trend_csv(fp, ch->data);
}

int
cidx_ws_chart_csv(const struct cidx_chart *ch, const struct cidx_ws_chart *c,
    const char *path, const char *workspace, struct cidx_err *err)
{
	struct cidx_ofile *of = NULL;
	struct sbuf sb = SBUF_INIT;
	int ret;

	if ((ret = cidx_ofile_open(&of, path, workspace, 0, err)) < 0)
		return ret;
	chart_csv(&sb, ch, c);
	if (sb.len > 0 && fwrite(sb.buf, 1, sb.len, cidx_ofile_fp(of)) !=
	    sb.len)
		cidx_ofile_fail(of, EIO);
	cidx_sbuf_release(&sb);
	return cidx_ofile_commit(&of, err);
}
