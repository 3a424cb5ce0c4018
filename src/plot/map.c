/*
 * map.c - the map chart: units drawn from their boundaries, filled by
 * tier or by score, over the base layers of the country (its outline,
 * islands without units) and under them (province borders, lines), with
 * an inset at the lower right when the layers have one (the South China
 * Sea on a map of China), the top units numbered, with leaders where they
 * crowd, and named in a key, a legend, the notes (units not ranked, units
 * without a boundary) and the credit line of the boundaries.  Every size
 * is in proportion to the text, so the figure reads the same at 300 pt
 * as at 540.  Projection and drawing: mapdraw.c; markers and key:
 * maplabel.c; legend and notes: maplegend.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "core/mem.h"
#include "plot/map_int.h"

#define MAX_TIERS MAP_MAX_TIERS
#define MAX_LABELS 99

static int
map_check(const void *data, struct cidx_err *err)
{
	const struct cidx_map *d = data;
	size_t with = 0;

	if (d->n == 0 || d->units == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "map: no units");
	if (d->fill != CIDX_MAP_TIER && d->fill != CIDX_MAP_SCORE)
		return cidx_err_set(err, CIDX_EINVAL, "map: unknown fill %d",
		    (int)d->fill);
	if (d->n_tiers < 0 || d->n_tiers > MAX_TIERS)
		return cidx_err_set(err, CIDX_EINVAL, "map: %d tiers (0 to "
		    "%d)", d->n_tiers, MAX_TIERS);
	if (d->labels > MAX_LABELS)
		return cidx_err_set(err, CIDX_EINVAL, "map: %zu labels (0 to "
		    "%d)", d->labels, MAX_LABELS);
	if (!isfinite(d->lon0) || !isfinite(d->lat1) || !isfinite(d->lat2) ||
	    fabs(d->lat1) > 89 || fabs(d->lat2) > 89)
		return cidx_err_set(err, CIDX_EINVAL, "map: standard parallels "
		    "must be within 89 degrees of the equator");
	if (!cidx_plot_utf8_ok(d->note))
		return cidx_err_set(err, CIDX_EINVAL, "map: the note is not "
		    "valid UTF-8");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_map_unit *u = &d->units[i];

		if (cidx_plot_name_check("map: unit", i + 1, u->name, err) < 0)
			return CIDX_EINVAL;
		if (d->fill == CIDX_MAP_TIER && (u->tier < 0 ||
		    u->tier > MAX_TIERS ||
		    (d->n_tiers > 0 && u->tier > d->n_tiers)))
			return cidx_err_set(err, CIDX_EINVAL, "map: '%s': tier "
			    "%d is not 0 (untiered) to %d", u->name, u->tier,
			    d->n_tiers > 0 ? d->n_tiers : MAX_TIERS);
		if (d->fill == CIDX_MAP_SCORE && isinf(u->score))
			return cidx_err_set(err, CIDX_EINVAL, "map: '%s': "
			    "infinite score", u->name);
		if (u->geom != NULL && u->geom->n_pts > 0 && !u->geom->lines)
			with++;
	}
	for (size_t i = 0; i < d->n_layers; i++) {
		const struct cidx_map_layer *l = &d->layers[i];

		if (l->kind < 0 || l->kind >= CIDX_LAYER__COUNT ||
		    (l->kind != CIDX_LAYER_CREDIT && (l->geom == NULL ||
		    (l->geom->lines && l->kind != CIDX_LAYER_LINE))) ||
		    !cidx_plot_utf8_ok(l->name))
			return cidx_err_set(err, CIDX_EINVAL, "map: layer %zu "
			    "is not a valid '%s' feature", i + 1,
			    cidx_layer_kind_name(l->kind));
	}
	if (with == 0)
		return cidx_err_set(err, CIDX_EINVAL, "map: no unit has a "
		    "boundary");
	return 0;
}

static const struct cidx_map_layer *
layer_of(const struct cidx_map *d, int kind)
{
	for (size_t i = 0; i < d->n_layers; i++)
		if (d->layers[i].kind == kind)
			return &d->layers[i];
	return NULL;
}

/* the windows of the main map and the inset; @return 1 with an inset */
static int
views(const struct cidx_map *d, struct mview *mv, struct mview *in)
{
	const struct cidx_map_layer *lin = layer_of(d, CIDX_LAYER_INSET);
	const struct cidx_map_layer *lex = layer_of(d, CIDX_LAYER_EXTENT);

	memset(mv, 0, sizeof(*mv));
	memset(in, 0, sizeof(*in));
	if (lex) {
		memcpy(mv->win, lex->geom->bbox, sizeof(mv->win));
		mv->has_win = 1;
	}
	if (lin) {
		memcpy(mv->away, lin->geom->bbox, sizeof(mv->away));
		memcpy(in->win, lin->geom->bbox, sizeof(in->win));
		mv->has_away = in->has_win = in->inset = 1;
	}
	return lin != NULL;
}

/*
 * A4 wide, as tall as the map needs at that width: about 150 pt for the
 * title, legend, notes and footer, the map (narrowed for an inset or a
 * key beside it), at most 560 pt tall, and the key.
 */
static void
map_size(const void *data, double *w, double *h)
{
	const struct cidx_map *d = data;
	struct mview mv, in;
	int inset = views(d, &mv, &in), side;
	double a, mw = 508;

	*w = 540;
	*h = 560;
	if (!cidx_mview_project(&mv, d, 0))
		return;
	a = cidx_mview_aspect(&mv);
	side = d->labels > 0 && a < 0.8 * 508 / 420;
	if (inset)
		mw *= 0.8;
	if (side)
		mw -= 210;
	*h = round(fmax(240, fmin(mw / a, 560)) + 150 +
	    (d->labels > 0 && !side ? 14.0 * ((d->labels + 4) / 5) : 0));
}

/* the projected boxes (unscaled) of the parts of units, outlines and
 * islands the main map draws, for the inset to keep clear of */
static double *
land_boxes(const struct mview *v, const struct cidx_map *d, size_t *n)
{
	double *bb = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < d->n + d->n_layers; i++) {
		const struct cidx_geom *g;

		if (i < d->n)
			g = d->units[i].geom;
		else if (d->layers[i - d->n].kind == CIDX_LAYER_OUTLINE ||
		    d->layers[i - d->n].kind == CIDX_LAYER_ISLAND)
			g = d->layers[i - d->n].geom;
		else
			continue;
		for (size_t q = 0; g && !g->lines && q < g->n_polys; q++) {
			size_t r = g->poly_off[q];
			double *p;

			if (!cidx_mview_takes(v, g, q))
				continue;
			ALLOC_GROW(bb, 4 * (*n + 1), cap);
			p = &bb[4 * (*n)++];
			p[0] = p[1] = INFINITY;
			p[2] = p[3] = -INFINITY;
			for (size_t j = g->ring_off[r]; j < g->ring_off[r + 1];
			    j++) {
				double x, y;

				cidx_mproj_raw(&v->pj, g->xy[2 * j],
				    g->xy[2 * j + 1], &x, &y);
				p[0] = fmin(p[0], x);
				p[1] = fmin(p[1], y);
				p[2] = fmax(p[2], x);
				p[3] = fmax(p[3], y);
			}
		}
	}
	return bb;
}

/* does land of the main map reach into page rectangle r */
static int
land_hit(const struct mview *v, const double *bb, size_t n,
    const struct cidx_rect *r)
{
	const struct mproj *p = &v->pj;

	for (size_t i = 0; i < n; i++) {
		const double *b = &bb[4 * i];
		double x0 = p->ox + (b[0] - p->x_lo) * p->sc;
		double x1 = p->ox + (b[2] - p->x_lo) * p->sc;
		double y0 = p->oy + (p->y_hi - b[3]) * p->sc;
		double y1 = p->oy + (p->y_hi - b[1]) * p->sc;

		if (x1 > r->x && x0 < r->x + r->w && y1 > r->y &&
		    y0 < r->y + r->h)
			return 1;
	}
	return 0;
}

/*
 * The main map and the inset at its lower right, a third of the map's
 * height: where land of the main map would be under it (Taiwan, on a map
 * of China), the main map narrows, up to a third, to make room.
 */
static void
place_with_inset(struct mview *mv, struct mview *in, const struct cidx_map *d,
    const struct cidx_rect *area)
{
	size_t n;
	double *bb = land_boxes(mv, d, &n), a = cidx_mview_aspect(in);
	struct cidx_rect m = *area, r;

	for (int k = 0; ; k++) {
		double h, w;

		m.w = area->w * (1 - 0.02 * k);
		cidx_mview_place(mv, &m, 0);
		h = mv->box.h * 0.34;
		w = h * a;
		if (w > area->w * 0.3) {
			w = area->w * 0.3;
			h = w / a;
		}
		r.x = fmax(area->x + area->w, mv->box.x + mv->box.w) - w;
		r.y = mv->box.y + mv->box.h - h;
		r.w = w;
		r.h = h;
		if (!land_hit(mv, bb, n, &r) || k == 16)
			break;
	}
	free(bb);
	cidx_mview_place(in, &r, 1);
}

static void
draw_inset(struct cidx_plot_ctx *c, const struct mview *in,
    const struct cidx_map *d, const struct mstyle *st, const char *caption)
{
	cairo_t *cr = c->cr;
	const struct cidx_rect *r = &in->box;

	cairo_save(cr);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill_preserve(cr);
	cairo_clip(cr);
	cidx_mview_draw(c, in, d, st);
	cairo_restore(cr);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cairo_set_line_width(cr, 0.6 * st->lw);
	cairo_stroke(cr);
	if (caption && *caption) {
		/* in the lower right corner, on white, in three lines at most:
		 * the part of the window furthest from its land */
		double pad = c->fs * 0.3, w, h;

		cidx_ptext_font(&c->t, c->fs * 0.8, 0, 0);
		cidx_ptext_wrap(&c->t, caption, r->w * 0.62, 3);
		w = cidx_ptext_w(&c->t);
		h = cidx_ptext_h(&c->t);
		cairo_rectangle(cr, r->x + r->w - w - 2 * pad - 0.3 * st->lw,
		    r->y + r->h - h - 2 * pad - 0.3 * st->lw, w + 2 * pad,
		    h + 2 * pad);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		cidx_ptext_show_top(&c->t, r->x + r->w - pad - 0.3 * st->lw,
		    r->y + r->h - h - pad - 0.3 * st->lw, AL_RIGHT);
	}
}

/* the units to number: ranked 1 .. d->labels with a boundary, by rank */
static struct mlabel *
map_labels(const struct cidx_map *d, size_t *n)
{
	struct mlabel *l = cidx_xcalloc(d->labels ? d->labels : 1, sizeof(*l));

	*n = 0;
	for (size_t i = 0; i < d->n && d->labels > 0; i++) {
		const struct cidx_map_unit *u = &d->units[i];
		size_t j;

		if (u->rank < 1 || (size_t)u->rank > d->labels ||
		    u->geom == NULL || *n == d->labels)
			continue;
		/* insertion by rank, ties in the order given */
		for (j = (*n)++; j > 0 && l[j - 1].rank > u->rank; j--)
			l[j] = l[j - 1];
		l[j].rank = u->rank;
		l[j].name = u->name;
		l[j].ax = (double)i; /* the unit, until the anchor */
	}
	return l;
}

/* anchors in the main map; labels of units it does not draw go */
static size_t
map_anchors(const struct mview *mv, const struct cidx_map *d,
    struct mlabel *l, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		const struct cidx_map_unit *u = &d->units[(size_t)l[i].ax];

		if (!cidx_map_anchor(mv, u->geom, &l[i].ax, &l[i].ay))
			continue;
		l[k++] = l[i];
	}
	return k;
}

/* the key beside the map (a tall country) or under it: shrinks `area`,
 * sets `key` (its width 0 when there is none); @return 1 beside */
static int
key_layout(struct cidx_plot_ctx *c, const struct mview *mv, struct mlabel *l,
    size_t n, struct cidx_rect *area, struct cidx_rect *key)
{
	double iw, gap = c->fs * 1.5;

	key->w = 0;
	if (n == 0)
		return 0;
	iw = cidx_map_key_item_w(c, l, n);
	if (cidx_mview_aspect(mv) < 0.8 * area->w / area->h &&
	    iw < area->w * 0.42) {
		key->w = iw;
		key->h = cidx_map_key(c, l, n, 0, 0, iw, 1, 0);
		area->w -= iw + gap;
		key->x = area->x + area->w + gap;
		key->y = area->y;
		return 1;
	}
	key->w = area->w;
	key->h = cidx_map_key(c, l, n, 0, 0, area->w, 0, 0);
	area->h -= key->h + c->fs * 0.8;
	key->x = area->x;
	key->y = area->y + area->h + c->fs * 0.8;
	return 0;
}

static void
shift(struct mview *v, double dx, double dy)
{
	v->box.x += dx;
	v->box.y += dy;
	v->pj.ox += dx;
	v->pj.oy += dy;
}

/*
 * The main map, its inset and the key as one block, centred in `full`:
 * the key beside the map (centred on it) or under it.
 */
static void
arrange(struct cidx_plot_ctx *c, struct mview *mv, struct mview *in, int has_in,
    struct cidx_rect *key, int side, const struct cidx_rect *full)
{
	double x0 = mv->box.x, x1 = mv->box.x + mv->box.w;
	double y0 = mv->box.y, y1 = mv->box.y + mv->box.h, gap = c->fs * 1.5;

	if (has_in) {
		x0 = fmin(x0, in->box.x);
		x1 = fmax(x1, in->box.x + in->box.w);
		y1 = fmax(y1, in->box.y + in->box.h);
	}
	if (key->w > 0 && side) {
		key->x = x1 + gap;
		key->y = y0 + (y1 - y0 - key->h) / 2;
		x1 = key->x + key->w;
	} else if (key->w > 0) {
		key->y = y1 + c->fs * 0.8;
		y1 = key->y + key->h;
	}
	{
		double dx = full->x + (full->w - (x1 - x0)) / 2 - x0;
		double dy = full->y + fmax(0, (full->h - (y1 - y0)) / 2) - y0;

		shift(mv, dx, dy);
		if (has_in)
			shift(in, dx, dy);
		key->x += side ? dx : 0;
		key->y += dy;
	}
}

static void
map_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_map *d = data;
	const struct cidx_map_layer *lin = layer_of(d, CIDX_LAYER_INSET);
	struct mstyle st;
	struct mstat ms;
	struct mview mv, in;
	struct cidx_rect area, full, key, lab_area;
	struct mlabel *lab;
	double lh, nh, r = c->fs * 0.62;
	size_t nl;
	int side;

	memset(&ms, 0, sizeof(ms));
	memset(&key, 0, sizeof(key));
	views(d, &mv, &in);
	st.lw = c->fs / 8.5;
	cidx_map_stats(d, &st, &ms);
	lh = cidx_map_legend(c, b, d, &st, &ms) + c->fs * 0.6;
	nh = cidx_map_notes(c, b, d, &ms, 1);
	area.x = b->x;
	area.y = b->y + lh;
	area.w = b->w;
	area.h = fmax(b->h - lh - nh, 1);
	full = area;
	if (!cidx_mview_project(&mv, d, 0))
		return;
	lab = map_labels(d, &nl);
	side = key_layout(c, &mv, lab, nl, &area, &key);
	if (lin) {
		cidx_mview_project(&in, d, 1);
		place_with_inset(&mv, &in, d, &area);
	} else {
		cidx_mview_place(&mv, &area, 0);
	}
	arrange(c, &mv, &in, lin != NULL, &key, side, &full);
	cidx_mview_draw(c, &mv, d, &st);
	if (lin)
		draw_inset(c, &in, d, &st, lin->name);
	nl = map_anchors(&mv, d, lab, nl);
	lab_area.x = fmax(b->x, mv.box.x - r);
	lab_area.y = fmax(full.y, mv.box.y - r);
	lab_area.w = fmin(b->x + b->w, mv.box.x + mv.box.w + r) - lab_area.x;
	lab_area.h = fmin(full.y + full.h, mv.box.y + mv.box.h + r) -
	    lab_area.y;
	cidx_map_place(lab, nl, r, &lab_area, lin ? &in.box : NULL);
	cidx_map_draw_labels(c, lab, nl, r, &st);
	if (nl > 0)
		cidx_map_key(c, lab, nl, key.x, key.y, key.w, side, 1);
	free(lab);
}

const struct cidx_chart_draw cidx_plot_map = {
	.check = map_check,
	.size = map_size,
	.draw = map_draw,
};
