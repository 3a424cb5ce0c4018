/*
 * tiers.c - the best units as horizontal bars ordered by score, coloured
 * by tier, on light bands that span each tier's rows (the figure of the
 * Tencent 双创指数 white paper).  Rows share the height evenly: 50 rows
 * fill an A4 page at about 8 pt, 300 still draw at 2 pt.
 */
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

#define MAX_TIERS 100

static int
tiers_check(const void *data, struct cidx_err *err)
{
	const struct cidx_tiers *d = data;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "tiers chart: no units");
	if (d->n_tiers < 0 || d->n_tiers > MAX_TIERS)
		return cidx_err_set(err, CIDX_EINVAL, "tiers chart: %d tiers "
		    "(0 to %d)", d->n_tiers, MAX_TIERS);
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_tier_unit *u = &d->units[i];

		if (cidx_plot_name_check("tiers chart: unit", i + 1, u->name,
		    err) < 0)
			return CIDX_EINVAL;
		if (!isfinite(u->score))
			return cidx_err_set(err, CIDX_EINVAL, "tiers chart: "
			    "'%s': the score is not a finite number", u->name);
		if (u->tier < 0 || u->tier > MAX_TIERS ||
		    (d->n_tiers > 0 && u->tier > d->n_tiers))
			return cidx_err_set(err, CIDX_EINVAL, "tiers chart: "
			    "'%s': tier %d is not 0 (untiered) to %d", u->name,
			    u->tier, d->n_tiers > 0 ? d->n_tiers : MAX_TIERS);
	}
	return 0;
}

static void
tiers_size(const void *data, double *w, double *h)
{
	const struct cidx_tiers *d = data;

	cidx_plot_bar_size(cidx_plot_bar_rows(d->top, d->n), 130, 13.5, w, h);
}

/* the units in the order drawn: best score first; ties by rank (0
 * last), then input order */
static size_t *
by_score(const struct cidx_tiers *d)
{
	struct cidx_plot_row *row = cidx_xcalloc(d->n, sizeof(*row));
	size_t *ord;

	for (size_t i = 0; i < d->n; i++) {
		row[i].key = -d->units[i].score;
		row[i].tie = (unsigned)d->units[i].rank - 1;
		row[i].i = i;
	}
	ord = cidx_plot_order(row, d->n);
	free(row);
	return ord;
}

/* a tiers chart being drawn: its units in order, its rows and columns */
struct fig {
	const struct cidx_tiers *d;
	size_t *ord;		/* the units, best first */
	int k;			/* the number of tiers */
	double lo, hi;		/* the scores drawn, and 0 */
	struct ticks tk;	/* the score axis */
	struct cidx_plot_rows rows;
	double rank_right;	/* the right edge of the ranks */
	double name_right, name_w;
	double bar_left, bar_right;	/* the axis from tk.lo to tk.hi */
	double band_label_w;	/* the tier names at the right */
};

/* the tiers of the units drawn, in the legend's order (1..k, then 0 for
 * the untiered), with their names; @return how many */
static size_t
tiers_shown(const struct fig *f, enum cidx_plot_lang lang, int *tier,
    char (*name)[128])
{
	int present[MAX_TIERS + 1] = { 0 };
	size_t n = 0;

	for (size_t i = 0; i < f->rows.n; i++)
		present[f->d->units[f->ord[i]].tier] = 1;
	for (int t = 1; t <= f->k + 1; t++) {
		int tr = t <= f->k ? t : 0;

		if (!present[tr])
			continue;
		tier[n] = tr;
		cidx_plot_tier_label(name[n], sizeof(name[0]), lang, tr,
		    f->d->tier_names);
		n++;
	}
	return n;
}

/* the legend at the top of b, a box for each tier shown; @return its
 * height */
static double
legend(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f)
{
	struct legend_item items[MAX_TIERS + 1];
	char name[MAX_TIERS + 1][128];
	int tier[MAX_TIERS + 1];
	size_t n = tiers_shown(f, c->lang, tier, name);

	for (size_t i = 0; i < n; i++) {
		items[i].label = name[i];
		items[i].sw = SW_BOX;
		items[i].col = cidx_pal_tier(tier[i], f->k);
	}
	return cidx_plot_legend(c, items, n, b->x, b->y, b->w, 1);
}

/* the columns, from the text measured: rank | name | bars | score |
 * band label */
static void
columns(struct cidx_plot_ctx *c, const struct cidx_rect *b, struct fig *f)
{
	char name[MAX_TIERS + 1][128], buf[64];
	int tier[MAX_TIERS + 1];
	size_t n_tiers = tiers_shown(f, c->lang, tier, name);
	double fs = f->rows.fs, rank_w = 0, score_w = 0, band_label_w = 0;

	f->name_w = 0;
	cidx_ptext_font(&c->t, fs, 0, 0);
	for (size_t i = 0; i < f->rows.n; i++) {
		const struct cidx_tier_unit *u = &f->d->units[f->ord[i]];

		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		rank_w = fmax(rank_w, cidx_ptext_measure(&c->t, buf));
		f->name_w = fmax(f->name_w, cidx_ptext_measure(&c->t,
		    u->name));
		cidx_plot_fmt_num(buf, sizeof(buf), u->score, 2);
		score_w = fmax(score_w, cidx_ptext_measure(&c->t, buf));
	}
	for (size_t i = 0; i < n_tiers; i++)
		band_label_w = fmax(band_label_w, cidx_ptext_measure(&c->t,
		    name[i]));
	f->name_w = fmin(f->name_w, b->w * 0.36);
	f->band_label_w = fmin(band_label_w, b->w * 0.18) + fs * 0.8;
	f->rank_right = b->x + rank_w;
	f->name_right = f->rank_right + fs * 0.6 + f->name_w;
	f->bar_left = f->name_right + fs * 0.5;
	if (f->lo < 0)	/* negative scores are labelled left of their bars */
		f->bar_left += score_w + fs * 0.4;
	f->bar_right = b->x + b->w - f->band_label_w - score_w - fs * 0.4;
}

/* runs of rows of one tier, each on a light band of its colour */
struct runs {
	size_t n;
	size_t *start;		/* the first row of each, and rows.n */
	double *mid;		/* the middle of each band */
	double *label_y;	/* where its name goes */
};

static void
find_runs(const struct fig *f, struct runs *r)
{
	const struct cidx_tier_unit *u = f->d->units;

	r->n = 0;
	r->start = cidx_xcalloc(f->rows.n + 1, sizeof(*r->start));
	for (size_t i = 0; i < f->rows.n; i++)
		if (i == 0 || u[f->ord[i]].tier != u[f->ord[i - 1]].tier)
			r->start[r->n++] = i;
	r->start[r->n] = f->rows.n;
	r->mid = cidx_xcalloc(r->n, sizeof(*r->mid));
	r->label_y = cidx_xcalloc(r->n, sizeof(*r->label_y));
}

static int
run_tier(const struct fig *f, const struct runs *r, size_t i)
{
	return f->d->units[f->ord[r->start[i]]].tier;
}

static void
draw_bands(cairo_t *cr, const struct cidx_rect *b, const struct fig *f,
    struct runs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		int tier = run_tier(f, r, i);
		double ya = f->rows.top + (double)r->start[i] * f->rows.h;
		double yb = f->rows.top + (double)r->start[i + 1] * f->rows.h;

		r->mid[i] = r->label_y[i] = (ya + yb) / 2;
		if (tier == 0)
			continue;
		/* a white seam keeps neighbouring bands apart */
		cidx_pal_set(cr, cidx_pal_mix(cidx_pal_tier(tier, f->k),
		    cidx_pal_hex(0xffffff), 0.86));
		cairo_rectangle(cr, b->x, ya + (i > 0 ? 0.75 : 0), b->w,
		    yb - ya - (i > 0 ? 0.75 : 0) - (i + 1 < r->n ? 0.75 : 0));
		cairo_fill(cr);
	}
}

/* the bar of row i, its rank, name and score */
static void
draw_row(struct cidx_plot_ctx *c, const struct fig *f, size_t i)
{
	const struct cidx_tier_unit *u = &f->d->units[f->ord[i]];
	const struct ticks *tk = &f->tk;
	double yc = cidx_plot_row_mid(&f->rows, i), fs = f->rows.fs;
	double x0 = f->bar_left, x1 = f->bar_right;
	double xz = x0 + (0 - tk->lo) / (tk->hi - tk->lo) * (x1 - x0);
	double xs = x0 + (u->score - tk->lo) / (tk->hi - tk->lo) * (x1 - x0);
	char buf[64];

	cidx_pal_set(c->cr, cidx_pal_tier(u->tier, f->k));
	cairo_rectangle(c->cr, fmin(xz, xs), yc - f->rows.h * 0.34,
	    fabs(xs - xz), f->rows.h * 0.68);
	cairo_fill(c->cr);
	cidx_ptext_font(&c->t, fs, 0, 0);
	if (u->rank > 0) {
		cidx_plot_fmt_num(buf, sizeof(buf), u->rank, 0);
		cidx_ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
		cidx_ptext_show(&c->t, f->rank_right, cidx_ptext_mid(&c->t, yc),
		    AL_RIGHT);
	}
	cidx_ptext_line(&c->t, u->name, f->name_w);
	cairo_set_source_rgb(c->cr, 0.07, 0.07, 0.07);
	cidx_ptext_show(&c->t, f->name_right, cidx_ptext_mid(&c->t, yc),
	    AL_RIGHT);
	cidx_plot_fmt_num(buf, sizeof(buf), u->score, 2);
	cidx_ptext_line(&c->t, buf, 0);
	cairo_set_source_rgb(c->cr, 0.15, 0.15, 0.15);
	if (u->score >= 0)
		cidx_ptext_show(&c->t, xs + fs * 0.25,
		    cidx_ptext_mid(&c->t, yc), AL_LEFT);
	else
		cidx_ptext_show(&c->t, xs - fs * 0.25,
		    cidx_ptext_mid(&c->t, yc), AL_RIGHT);
}

/* the tier names at the right of their bands, moved apart when bands
 * are thin and then joined to them by a leader */
static void
draw_band_labels(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const struct fig *f, struct runs *r)
{
	double fs = f->rows.fs, right = b->x + b->w;
	char lab[128];

	cidx_ptext_font(&c->t, fs, 0, 0);
	cidx_plot_spread(r->label_y, r->n, cidx_ptext_h(&c->t) * 0.9,
	    f->rows.top, f->rows.bottom);
	for (size_t i = 0; i < r->n; i++) {
		int tier = run_tier(f, r, i);

		if (tier == 0)
			continue;
		cidx_plot_tier_label(lab, sizeof(lab), c->lang, tier,
		    f->d->tier_names);
		cidx_ptext_line(&c->t, lab, f->band_label_w - fs * 0.5);
		cidx_pal_set(c->cr, cidx_pal_mix(cidx_pal_tier(tier, f->k),
		    cidx_pal_hex(0), 0.35));
		cidx_ptext_show(&c->t, right - fs * 0.3,
		    cidx_ptext_mid(&c->t, r->label_y[i]), AL_RIGHT);
		if (fabs(r->label_y[i] - r->mid[i]) > 0.5) {
			cairo_set_line_width(c->cr, 0.4);
			cairo_move_to(c->cr, right - f->band_label_w + fs * 0.1,
			    r->label_y[i]);
			cairo_line_to(c->cr, right - f->band_label_w - fs * 0.3,
			    r->mid[i]);
			cairo_stroke(c->cr);
		}
	}
}

/* the units drawn, the number of tiers and the range of the scores */
static void
survey(struct fig *f, const struct cidx_tiers *d)
{
	f->d = d;
	f->ord = by_score(d);
	f->rows.n = cidx_plot_bar_rows(d->top, d->n);
	f->k = d->n_tiers;
	for (size_t i = 0; i < d->n; i++)
		if (d->units[i].tier > f->k)
			f->k = d->units[i].tier;
	f->lo = f->hi = 0;
	for (size_t i = 0; i < f->rows.n; i++) {
		double s = d->units[f->ord[i]].score;

		f->lo = fmin(f->lo, s);
		f->hi = fmax(f->hi, s);
	}
}

static void
tiers_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const char *score = cidx_plot_word(c->lang, W_SCORE);
	struct fig f = { 0 };
	struct runs r;
	double legend_h, axis_h;

	survey(&f, data);
	legend_h = legend(c, b, &f);
	cidx_plot_ticks(f.lo, f.hi, 5, &f.tk);
	axis_h = cidx_plot_axis(c, &f.tk, 0, 1, 0, score, 0);
	cidx_plot_bar_layout(c, b, legend_h, axis_h, f.rows.n, &f.rows);
	columns(c, b, &f);

	find_runs(&f, &r);
	draw_bands(c->cr, b, &f, &r);
	cidx_plot_grid(c, &f.tk, f.bar_left, f.bar_right, f.rows.top,
	    f.rows.bottom);
	for (size_t i = 0; i < f.rows.n; i++)
		draw_row(c, &f, i);
	cidx_plot_zero_line(c, &f.tk, f.bar_left, f.bar_right, f.rows.top,
	    f.rows.bottom);
	draw_band_labels(c, b, &f, &r);
	cidx_plot_axis(c, &f.tk, f.bar_left, f.bar_right, f.rows.bottom,
	    score, 1);
	free(r.label_y);
	free(r.mid);
	free(r.start);
	free(f.ord);
}

const struct cidx_chart_draw cidx_plot_tiers = {
	.check = tiers_check,
	.size = tiers_size,
	.draw = tiers_draw,
};
