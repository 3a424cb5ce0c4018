/*
 * movers.c - a slope chart of ranks between two years: the earlier
 * year's rank on the left axis, the current one on the right, rank 1 at
 * the top.  Every unit is a line, light grey unless flagged: dark horses
 * and new entrants are coloured.  Every unit is named at the right with
 * its change (the flagged ones in their colour), so a reader can follow
 * any line.
 * Units not ranked in the earlier year enter as a dashed stub from an
 * open circle halfway across.  Name labels that would collide are moved
 * apart (least squares, in rank order) and joined to their line by a
 * leader.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_RANK 100000

static int
movers_check(const void *data, struct cidx_err *err)
{
	const struct cidx_movers *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "movers chart: no "
		    "units");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_mover *u = &d->units[i];

		if (cidx_plot_name_check("movers chart: unit", i + 1, u->name,
		    err) < 0)
			return CIDX_EINVAL;
		if (u->rank_now < 1 || u->rank_now > MAX_RANK ||
		    u->rank_before < 0 || u->rank_before > MAX_RANK)
			return cidx_err_set(err, CIDX_EINVAL, "movers chart: "
			    "'%s': ranks must be 1 to %d (0 before: not "
			    "ranked)", u->name, MAX_RANK);
		if (u->flag < CIDX_MOVER_NONE ||
		    u->flag > CIDX_MOVER_NEW_ENTRANT)
			return cidx_err_set(err, CIDX_EINVAL, "movers chart: "
			    "'%s': unknown flag %d", u->name, (int)u->flag);
	}
	return 0;
}

static int
max_rank(const struct cidx_movers *d)
{
	int m = 1;

	/* the axes run to the lowest rank shown now: an earlier rank below
	 * it is drawn under the axis, with its number (beyond()) */
	for (size_t i = 0; i < d->n; i++)
		if (d->units[i].rank_now > m)
			m = d->units[i].rank_now;
	return m;
}

/* how many units came from below the axes */
static size_t
n_beyond(const struct cidx_movers *d, int max)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += d->units[i].rank_before > max;
	return n;
}

/* the place of an earlier rank below the axes among those of the other
 * units there: 0 for the highest (ties by input order) */
static size_t
beyond_slot(const struct cidx_movers *d, int max, const struct cidx_mover *u)
{
	size_t k = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_mover *v = &d->units[i];

		if (v->rank_before > max && (v->rank_before < u->rank_before ||
		    (v->rank_before == u->rank_before && v < u)))
			k++;
	}
	return k;
}

static void
movers_size(const void *data, double *w, double *h)
{
	const struct cidx_movers *d = data;

	*w = 540;
	*h = 140 + 12 * (double)max_rank(d);
	*h = *h < 400 ? 400 : *h > 1600 ? 1600 : *h;
}

/* the colours of the largest climbs and falls, beside the input's flags */
enum { MOVER_CLIMBER = CIDX_MOVER_NEW_ENTRANT + 1, MOVER_FALLER };

static struct rgb
flag_col(enum cidx_mover_flag f)
{
	return f == CIDX_MOVER_DARK_HORSE ? cidx_pal_hex(0xd55e00) :
	    f == CIDX_MOVER_NEW_ENTRANT ? cidx_pal_hex(0x0072b2) :
	    (int)f == MOVER_CLIMBER ? cidx_pal_hex(0x009e73) :
	    (int)f == MOVER_FALLER ? cidx_pal_hex(0xcc79a7) :
	    cidx_pal_hex(0xc4c4c4);
}

/* the units by their current rank, then in input order */
static size_t *
by_rank_now(const struct cidx_movers *d)
{
	struct cidx_plot_row *row = cidx_xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = d->units[i].rank_now;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

/* a movers chart being drawn: the two rank axes and the names */
struct fig {
	const struct cidx_movers *d;
	size_t *ord;		/* the units by current rank */
	int max_rank;		/* the lowest rank on the axes */
	double top, bottom;	/* the y of rank 1 and of max_rank */
	double before_x, now_x;	/* the axes of the two years */
	double rank_step;	/* points from one rank to the next */
	double tick_fs;		/* the rank numbers on the axes */
	double tick_w;		/* the widest of them */
	double name_fs;		/* the names at the right */
	double name_x, name_w;
	double line_w;		/* the line of a unit not flagged */
	double beyond_y;	/* where earlier ranks below the axes start */
	double beyond_step;	/* and the distance from one to the next */
	enum cidx_mover_flag *flag; /* each unit's, with the largest climbs
				   and falls when there is no dark horse */
};

/* with no dark horse, the three largest climbs and the three largest
 * falls (among units ranked both years) are drawn in colour, so that the
 * figure shows who moved */
static enum cidx_mover_flag *
effective_flags(const struct cidx_movers *d)
{
	enum cidx_mover_flag *f = cidx_xcalloc(d->n + 1, sizeof(*f));
	int dark = 0;

	for (size_t i = 0; i < d->n; i++) {
		f[i] = d->units[i].flag;
		dark |= f[i] == CIDX_MOVER_DARK_HORSE;
	}
	for (int sign = 1; !dark && sign >= -1; sign -= 2)
		for (int k = 0; k < 3; k++) {
			long best = -1;

			for (size_t i = 0; i < d->n; i++) {
				const struct cidx_mover *u = &d->units[i];

				if (u->rank_before == 0 || f[i] != CIDX_MOVER_NONE ||
				    sign * u->change <= 0)
					continue;
				if (best < 0 || sign * u->change >
				    sign * d->units[best].change)
					best = (long)i;
			}
			if (best >= 0)
				f[best] = (enum cidx_mover_flag)(sign > 0 ?
				    MOVER_CLIMBER : MOVER_FALLER);
		}
	return f;
}

/* the y of a rank */
static double
rank_y(const struct fig *f, double rank)
{
	if (f->max_rank <= 1)
		return (f->top + f->bottom) / 2;
	return f->top + (rank - 1) / (f->max_rank - 1) * (f->bottom - f->top);
}

static void
label_text(char *buf, size_t n, const struct cidx_mover *u,
    enum cidx_plot_lang lang)
{
	char num[32];
	int ch = u->change;

	/* the change first: a long name is cut, the number never */
	cidx_plot_fmt_num(num, sizeof(num), abs(ch), 0);
	if (u->rank_before == 0)
		snprintf(buf, n, "%s  %s", cidx_plot_word(lang,
		    u->no_data_before ? W_NO_DATA : W_NEW), u->name);
	else
		snprintf(buf, n, "%s%s  %s", ch > 0 ? "+" : ch < 0 ? "-" : "",
		    num, u->name);
	cidx_plot_utf8_trim(buf);
}

/* rank numbers along an axis at x, every so many ranks as fit */
static void
rank_ticks(struct cidx_plot_ctx *c, const struct fig *f, double x, int al)
{
	static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250,
		500, 1000, 2000, 5000, 10000, 20000, 50000, 100000 };
	double fs = f->tick_fs, sp = f->max_rank > 1 ?
	    (f->bottom - f->top) / (f->max_rank - 1) : 1e9;
	int step = steps[0];
	char buf[32];

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		step = steps[i];
		if (step * sp >= fs * 1.3)
			break;
	}
	cidx_ptext_font(&c->t, fs, 0, 0);
	cairo_set_source_rgb(c->cr, 0.45, 0.45, 0.45);
	for (int r = 1; r <= f->max_rank;
	    r = r == 1 && step > 1 ? step : r + step) {
		if (r > 1 && (r - 1) * sp < fs * 1.3)
			continue;
		cidx_plot_fmt_num(buf, sizeof(buf), r, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cidx_ptext_show(&c->t, x, cidx_ptext_mid(&c->t, rank_y(f, r)),
		    al);
	}
}

/* "2016年未上榜" / "not ranked in 2016" (w W_NOT_RANKED_IN), or
 * "2016年无数据" / "no data in 2016" (W_NO_DATA_IN) */
static void
entry_label(char *buf, size_t n, const struct cidx_movers *d,
    enum cidx_plot_lang lang, enum word w)
{
	char year[64];

	cidx_plot_fmt_num(year, sizeof(year), d->year_before, 0);
	if (lang == CIDX_LANG_EN)
		snprintf(buf, n, "%s%s", cidx_plot_word(lang, w),
		    d->year_before ? year : "");
	else
		snprintf(buf, n, "%s%s", d->year_before ? year : "",
		    cidx_plot_word(lang, w));
}

/* the legend at the top of b: the kinds of lines drawn; @return its
 * height */
static double
legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct cidx_movers *d, const enum cidx_mover_flag *fl)
{
	static const struct { int flag; enum word w; } kinds[] = {
		{ CIDX_MOVER_DARK_HORSE, W_DARK_HORSE },
		{ MOVER_CLIMBER, W_CLIMBERS }, { MOVER_FALLER, W_FALLERS },
		{ CIDX_MOVER_NEW_ENTRANT, W_NEW_ENTRANT },
		{ CIDX_MOVER_NONE, W_OTHERS },
	};
	int any[8] = { 0 }, entry = 0, nodata = 0;
	struct legend_item items[8];
	size_t n = 0;
	char lab[2][128];

	for (size_t i = 0; i < d->n; i++) {
		any[fl[i]] = 1;
		entry |= d->units[i].rank_before == 0 &&
		    !d->units[i].no_data_before;
		nodata |= d->units[i].rank_before == 0 &&
		    d->units[i].no_data_before;
	}
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (any[kinds[k].flag]) {
			items[n].label = cidx_plot_word(c->lang, kinds[k].w);
			items[n].sw = SW_LINE;
			items[n++].col = flag_col(kinds[k].flag);
		}
	for (int k = 0; k < 2; k++)
		if (k == 0 ? entry : nodata) {
			entry_label(lab[k], sizeof(lab[k]), d, c->lang, k == 0 ?
			    W_NOT_RANKED_IN : W_NO_DATA_IN);
			items[n].label = lab[k];
			items[n].sw = SW_DASH_ENTRY;
			items[n++].col = cidx_pal_hex(0x808080);
		}
	return cidx_plot_legend(c, items, n, b->x, b->y, b->w, 1);
}

/* the axes under a header for the years, the names at the right (in a
 * smaller font when they cannot all fit) */
static void
layout(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f,
    double legend_h)
{
	const struct cidx_movers *d = f->d;
	double header_h = c->fs * 1.8, room;
	char buf[512];
	size_t nb;

	f->max_rank = max_rank(d);
	f->top = b->y + legend_h + header_h + c->fs * 0.6;
	f->bottom = b->y + b->h - c->fs * 0.6;
	/* room under the axes for the earlier ranks below them, a row each
	 * (at most 8 rows' room, shared when there are more) */
	nb = n_beyond(d, f->max_rank);
	f->beyond_step = c->fs * (nb > 8 ? 8.0 / (double)nb : 1.0) * 1.05;
	if (nb > 0)
		f->bottom -= c->fs * 1.2 + f->beyond_step * (double)nb;
	f->beyond_y = f->bottom + c->fs * 1.4;
	f->tick_fs = c->fs * 0.85;
	f->name_fs = c->fs;
	room = b->y + b->h - f->top + f->name_fs;
	if (d->n > 0 && (double)d->n * f->name_fs * 1.3 > room)
		f->name_fs = fmax(1, room / ((double)d->n * 1.3));
	f->name_w = 0;
	cidx_ptext_font(&c->t, f->name_fs, 0, 0);
	for (size_t i = 0; i < d->n; i++) {
		label_text(buf, sizeof(buf), &d->units[i], c->lang);
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t, buf));
	}
	/* names whole: the slopes give up room to them, down to 45% of
	 * the width; longer ones are set smaller (at most by a fifth),
	 * then cut */
	if (f->name_w > b->w * 0.55) {
		f->name_fs *= fmax(0.8, b->w * 0.55 / f->name_w);
		f->name_w *= fmax(0.8, b->w * 0.55 / f->name_w);
	}
	f->name_w = fmin(f->name_w, b->w * 0.55);
	cidx_plot_fmt_num(buf, sizeof(buf), f->max_rank, 0);
	cidx_ptext_font(&c->t, f->tick_fs, 0, 0);
	f->tick_w = cidx_ptext_measure(&c->t, buf) + f->tick_fs * 0.5;
	f->name_x = b->x + b->w - f->name_w;
	f->before_x = b->x + f->tick_w;
	f->now_x = f->name_x - (d->n > 0 ? c->fs * 1.8 : 0) - f->tick_w;
	f->rank_step = f->max_rank > 1 ?
	    (f->bottom - f->top) / (f->max_rank - 1) : 10;
	f->line_w = fmin(0.7, fmax(0.2, f->rank_step * 0.4));
}

/* the two axes, with their years above */
static void
draw_axes(struct cidx_plot_ctx *c, const struct fig *f)
{
	cairo_t *cr = c->cr;
	char year[64];

	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, f->before_x, f->top);
	cairo_line_to(cr, f->before_x, f->bottom);
	cairo_move_to(cr, f->now_x, f->top);
	cairo_line_to(cr, f->now_x, f->bottom);
	cairo_stroke(cr);
	if (n_beyond(f->d, f->max_rank) > 0) {
		/* the earlier axis goes on, dotted: ranks below it */
		static const double dot[] = { 1, 2 };

		cairo_set_dash(cr, dot, 2, 0);
		cairo_move_to(cr, f->before_x, f->bottom);
		cairo_line_to(cr, f->before_x, f->beyond_y + f->beyond_step *
		    (double)(n_beyond(f->d, f->max_rank) - 1));
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
	}
	cidx_ptext_font(&c->t, c->fs * 1.1, 1, 0);
	cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
	if (f->d->year_before) {
		cidx_plot_fmt_num(year, sizeof(year), f->d->year_before, 0);
		cidx_ptext_line(&c->t, year, 0);
		cidx_ptext_show(&c->t, f->before_x, f->top - c->fs * 1.1,
		    AL_CENTER);
	}
	if (f->d->year_now) {
		cidx_plot_fmt_num(year, sizeof(year), f->d->year_now, 0);
		cidx_ptext_line(&c->t, year, 0);
		cidx_ptext_show(&c->t, f->now_x, f->top - c->fs * 1.1,
		    AL_CENTER);
	}
}

/* a unit's line from its earlier rank to its current one; a unit not
 * ranked before enters as a dashed stub from an open circle */
/* the y of a unit's earlier rank: below the axes when it is below them,
 * a row each, the highest first */
static double
before_y(const struct fig *f, const struct cidx_mover *u)
{
	if (u->rank_before <= f->max_rank)
		return rank_y(f, u->rank_before);
	return f->beyond_y + f->beyond_step *
	    (double)beyond_slot(f->d, f->max_rank, u);
}

/* an earlier rank below the axes: its number beside its point */
static void
beyond_label(struct cidx_plot_ctx *c, const struct fig *f,
    const struct cidx_mover *u, enum cidx_mover_flag fl)
{
	char buf[32];

	cidx_plot_fmt_num(buf, sizeof(buf), u->rank_before, 0);
	cidx_ptext_font(&c->t, f->tick_fs, fl != CIDX_MOVER_NONE, 0);
	cidx_pal_set(c->cr, flag_col(fl));
	cidx_ptext_line(&c->t, buf, 0);
	cidx_ptext_show(&c->t, f->before_x - f->tick_fs * 0.4,
	    cidx_ptext_mid(&c->t, before_y(f, u)), AL_RIGHT);
}

static void
draw_line(struct cidx_plot_ctx *c, const struct fig *f,
    const struct cidx_mover *u, enum cidx_mover_flag fl)
{
	static const double dash[] = { 2.5, 1.5 };
	cairo_t *cr = c->cr;
	int hl = fl != CIDX_MOVER_NONE;
	double y = rank_y(f, u->rank_now), x;

	cidx_pal_set(cr, flag_col(fl));
	cairo_set_line_width(cr, hl ? 1.5 : f->line_w);
	if (u->rank_before > 0) {
		x = f->before_x;
		cairo_move_to(cr, x, before_y(f, u));
		cairo_line_to(cr, f->now_x, y);
		cairo_stroke(cr);
		cairo_arc(cr, x, before_y(f, u),
		    hl ? 1.8 : f->line_w * 1.6, 0, 2 * PLOT_PI);
		cairo_fill(cr);
		if (u->rank_before > f->max_rank)
			beyond_label(c, f, u, fl);
		cidx_pal_set(cr, flag_col(fl));
	} else {
		double r = hl ? 1.8 : fmax(0.6, f->line_w * 1.6);

		x = f->before_x + (f->now_x - f->before_x) * 0.55;
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, r, 0, 2 * PLOT_PI);
		cairo_stroke(cr);
		cairo_set_dash(cr, dash, 2, 0);
		cairo_move_to(cr, x + r, y);
		cairo_line_to(cr, f->now_x, y);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
	}
	cairo_arc(cr, f->now_x, y, hl ? 1.8 : f->line_w * 1.6, 0,
	    2 * PLOT_PI);
	cairo_fill(cr);
}

/* every unit named at the right with its change, in rank order, moved
 * apart and joined to its line by a leader */
static void
draw_names(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f)
{
	size_t n = f->d->n;
	double *want = cidx_xcalloc(n, sizeof(*want));
	double *at = cidx_xcalloc(n, sizeof(*at));
	char buf[512];

	for (size_t k = 0; k < n; k++)
		want[k] = at[k] = rank_y(f, f->d->units[f->ord[k]].rank_now);
	cidx_ptext_font(&c->t, f->name_fs, 0, 0);
	cidx_plot_spread(at, n, f->name_fs * 1.3,
	    f->top - f->rank_step / 2 - f->name_fs * 0.5, b->y + b->h);
	for (size_t k = 0; k < n; k++) {
		const struct cidx_mover *u = &f->d->units[f->ord[k]];
		enum cidx_mover_flag fl = f->flag[f->ord[k]];
		struct rgb col = fl == CIDX_MOVER_NONE ?
		    cidx_pal_hex(0x8a8a8a) : flag_col(fl);

		cidx_pal_set(c->cr,
		    fl == CIDX_MOVER_NONE ? flag_col(fl) : col);
		cairo_set_line_width(c->cr, 0.5);
		cairo_move_to(c->cr, f->now_x, want[k]);
		cairo_line_to(c->cr, f->now_x + f->tick_w, want[k]);
		cairo_line_to(c->cr, f->name_x - c->fs * 0.3, at[k]);
		cairo_stroke(c->cr);
		label_text(buf, sizeof(buf), u, c->lang);
		cidx_ptext_line(&c->t, buf, f->name_w);
		cidx_pal_set(c->cr, cidx_pal_mix(col, cidx_pal_hex(0), 0.25));
		cidx_ptext_show(&c->t, f->name_x, cidx_ptext_mid(&c->t, at[k]),
		    AL_LEFT);
	}
	free(want);
	free(at);
}

static void
movers_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	struct fig f = { 0 };

	f.d = data;
	f.ord = by_rank_now(f.d);
	f.flag = effective_flags(f.d);
	layout(c, b, &f, legend(c, b, f.d, f.flag));
	draw_axes(c, &f);
	/* grey lines first, flagged ones on top */
	for (int flagged = 0; flagged < 2; flagged++)
		for (size_t k = 0; k < f.d->n; k++) {
			size_t i = f.ord[k];

			if ((f.flag[i] != CIDX_MOVER_NONE) == flagged)
				draw_line(c, &f, &f.d->units[i], f.flag[i]);
		}
	rank_ticks(c, &f, f.before_x - f.tick_fs * 0.4, AL_RIGHT);
	rank_ticks(c, &f, f.now_x + f.tick_fs * 0.4, AL_LEFT);
	draw_names(c, b, &f);
	free(f.flag);
	free(f.ord);
}

const struct cidx_chart_draw cidx_plot_movers = {
	.check = movers_check,
	.size = movers_size,
	.draw = movers_draw,
};
