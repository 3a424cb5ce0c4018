/*
 * profile.c - one unit against the median of all units: a row per pillar
 * (bold, a thicker bar) with its indicators indented beneath it, each a
 * bar for the unit's score and a black tick at the median, and both
 * numbers in two columns at the right.
 */
#include <math.h>

#include "plot/plot_int.h"

static const char *
row_name(const struct cidx_profile_row *r, enum cidx_plot_lang lang)
{
	const char *a = lang == CIDX_LANG_EN ? r->name_en : r->name_zh;

	if (a == NULL)
		a = lang == CIDX_LANG_EN ? r->name_zh : r->name_en;
	return a;
}

static int
profile_check(const void *data, struct cidx_err *err)
{
	const struct cidx_profile *d = data;

	if (d->n == 0 || d->rows == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: no "
		    "rows");
	if (d->unit == NULL || !cidx_plot_utf8_ok(d->unit))
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: the "
		    "unit's name is missing or not valid UTF-8");
	if (!isfinite(d->lo) || !isfinite(d->hi) || d->lo > d->hi)
		return cidx_err_set(err, CIDX_EINVAL, "profile chart: the "
		    "axis needs finite lo <= hi");
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];

		if (r->name_zh == NULL && r->name_en == NULL)
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "row %zu has no name", i + 1);
		if (!cidx_plot_utf8_ok(r->name_zh) ||
		    !cidx_plot_utf8_ok(r->name_en))
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "row %zu: the name is not valid UTF-8", i + 1);
		if (isinf(r->value) || isinf(r->median))
			return cidx_err_set(err, CIDX_EINVAL, "profile chart: "
			    "'%s': infinite value", row_name(r, CIDX_LANG_ZH));
	}
	return 0;
}

/* row heights in units of a plain indicator row */
static double
units_of(const struct cidx_profile *d)
{
	double u = 0;

	for (size_t i = 0; i < d->n; i++)
		u += d->rows[i].indicator ? 1 : (i > 0 ? 1.8 : 1.3);
	return u;
}

static void
profile_size(const void *data, double *w, double *h)
{
	const struct cidx_profile *d = data;

	*w = 540;
	*h = 150 + 15 * units_of(d);
	*h = *h < 320 ? 320 : *h > 2400 ? 2400 : *h;
}

static void
profile_draw(struct cidx_plot_ctx *c, const struct cidx_rect *b,
    const void *data)
{
	const struct cidx_profile *d = data;
	cairo_t *cr = c->cr;
	struct legend_item items[2];
	struct rgb pil = cidx_pal_hex(0x0072b2), ind = cidx_pal_hex(0x56b4e9);
	double lo = 0, hi = 0, lh, ah, y0, y1, u, lfs, nw = 0, vw = 0, x0,
	    x1, xv, xm, y, ind_x;
	struct ticks tk;
	char buf[64];

	items[0].label = d->unit;
	items[0].sw = SW_BOX;
	items[0].col = pil;
	items[1].label = cidx_plot_word(c->lang, W_MEDIAN);
	items[1].sw = SW_TICK;
	items[1].col = cidx_pal_hex(0);
	lh = cidx_plot_legend(c, items, 2, b->x, b->y, b->w, 1);

	if (d->lo < d->hi) {
		lo = d->lo;
		hi = d->hi;
	} else {
		for (size_t i = 0; i < d->n; i++) {
			const struct cidx_profile_row *r = &d->rows[i];

			if (!isnan(r->value)) {
				lo = fmin(lo, r->value);
				hi = fmax(hi, r->value);
			}
			if (!isnan(r->median)) {
				lo = fmin(lo, r->median);
				hi = fmax(hi, r->median);
			}
		}
	}
	cidx_plot_ticks(lo, hi, 5, &tk);
	ah = cidx_plot_axis(c, &tk, 0, 1, 0, cidx_plot_word(c->lang, W_VALUE),
	    0);
	y0 = b->y + lh + c->fs * 1.9;	/* room for the column headers */
	y1 = b->y + b->h - ah;
	u = fmin((y1 - y0) / units_of(d), c->fs * 2);
	y1 = y0 + u * units_of(d);
	lfs = fmin(c->fs, u * 0.75);
	ind_x = lfs * 1.2;

	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];

		cidx_ptext_font(&c->t, lfs, !r->indicator, 0);
		nw = fmax(nw, cidx_ptext_measure(&c->t, row_name(r, c->lang)) +
		    (r->indicator ? ind_x : 0));
		cidx_ptext_font(&c->t, lfs, 0, 0);
		cidx_plot_fmt_num(buf, sizeof(buf),
		    isnan(r->value) ? 0 : r->value, 2);
		vw = fmax(vw, cidx_ptext_measure(&c->t, buf));
		cidx_plot_fmt_num(buf, sizeof(buf),
		    isnan(r->median) ? 0 : r->median, 2);
		vw = fmax(vw, cidx_ptext_measure(&c->t, buf));
	}
	cidx_ptext_font(&c->t, c->fs * 0.9, 1, 0);
	vw = fmax(vw,
	    cidx_ptext_measure(&c->t, cidx_plot_word(c->lang, W_VALUE)));
	vw = fmax(vw,
	    cidx_ptext_measure(&c->t, cidx_plot_word(c->lang, W_MEDIAN)));
	nw = fmin(nw, b->w * 0.34);
	xm = b->x + b->w;
	xv = xm - vw - c->fs;
	x0 = b->x + nw + lfs * 0.6;
	x1 = xv - vw - c->fs * 1.2;

	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_VALUE), 0);
	cidx_ptext_show(&c->t, xv, y0 - c->fs * 0.6, AL_RIGHT);
	cidx_ptext_line(&c->t, cidx_plot_word(c->lang, W_MEDIAN), 0);
	cidx_ptext_show(&c->t, xm, y0 - c->fs * 0.6, AL_RIGHT);
	cidx_plot_grid(c, &tk, x0, x1, y0, y1);

	y = y0;
	for (size_t i = 0; i < d->n; i++) {
		const struct cidx_profile_row *r = &d->rows[i];
		double h = r->indicator ? u : (i > 0 ? 1.8 : 1.3) * u;
		double top = y + h - (r->indicator ? u : 1.3 * u);
		double hr = r->indicator ? u : 1.3 * u, yc = top + hr / 2;
		double bh = (r->indicator ? 0.5 : 0.66) * hr, scale;
		double base = tk.lo > 0 ? tk.lo : 0, xa, xb;

		scale = (x1 - x0) / (tk.hi - tk.lo);
		if (!r->indicator && i > 0) {
			cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
			cairo_set_line_width(cr, 0.5);
			cairo_move_to(cr, b->x, top - 0.25 * u);
			cairo_line_to(cr, xm, top - 0.25 * u);
			cairo_stroke(cr);
		}
		cidx_ptext_font(&c->t, lfs, !r->indicator, 0);
		cidx_ptext_line(&c->t, row_name(r, c->lang),
		    nw - (r->indicator ? ind_x : 0));
		cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
		cidx_ptext_show(&c->t, b->x + (r->indicator ? ind_x : 0),
		    cidx_ptext_mid(&c->t, yc), AL_LEFT);
		cidx_ptext_font(&c->t, lfs, 0, 0);
		if (isnan(r->value)) {
			cidx_ptext_line(&c->t,
			    cidx_plot_word(c->lang, W_NO_DATA), 0);
			cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
			cidx_ptext_show(&c->t, x0 + lfs * 0.3,
			    cidx_ptext_mid(&c->t, yc), AL_LEFT);
			cidx_ptext_line(&c->t, "-", 0);
		} else {
			/* values beyond a given axis stop at its ends */
			xa = x0 + (base - tk.lo) * scale;
			xb = fmin(x1, fmax(x0, x0 + (r->value - tk.lo) * scale));
			cidx_pal_set(cr, r->indicator ? ind : pil);
			cairo_rectangle(cr, fmin(xa, xb), yc - bh / 2,
			    fabs(xb - xa), bh);
			cairo_fill(cr);
			cidx_plot_fmt_num(buf, sizeof(buf), r->value, 2);
			cidx_ptext_line(&c->t, buf, 0);
		}
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		cidx_ptext_show(&c->t, xv, cidx_ptext_mid(&c->t, yc), AL_RIGHT);
		if (!isnan(r->median)) {
			double xmd = fmin(x1, fmax(x0, x0 +
			    (r->median - tk.lo) * scale));

			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_set_line_width(cr, 1.3);
			cairo_move_to(cr, xmd, yc - bh / 2 - 2);
			cairo_line_to(cr, xmd, yc + bh / 2 + 2);
			cairo_stroke(cr);
			cidx_plot_fmt_num(buf, sizeof(buf), r->median, 2);
			cidx_ptext_line(&c->t, buf, 0);
		} else {
			cidx_ptext_line(&c->t, "-", 0);
		}
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		cidx_ptext_show(&c->t, xm, cidx_ptext_mid(&c->t, yc), AL_RIGHT);
		y += h;
	}
	cidx_plot_axis(c, &tk, x0, x1, y1, cidx_plot_word(c->lang, W_VALUE), 1);
}

const struct cidx_chart_type cidx_chart_profile = {
	.name = "profile",
	.needs = CIDX_CHART_NEEDS_UNIT,
	.opts = 0,
	.check = profile_check,
	.size = profile_size,
	.draw = profile_draw,
};
