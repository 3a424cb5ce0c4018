/*
 * plot.c - the public entry points: check the data, open the text, draw
 * the title, subtitle and footer, hand the rest of the rectangle to the
 * chart; or make a surface for a file around all that.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "plot/plot_int.h"

#define FILE_MARGIN 16
#define MIN_SIZE 72        /* points */
#define MAX_SIZE 14400     /* points: PDF's 200 inches */

int
chart_check(const struct cidx_chart *c, struct cidx_err *err)
{
	if (c == NULL || c->u.tiers == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no chart data");
	switch (c->type) {
	case CIDX_CHART_TIERS:
		return tiers_check(c->u.tiers, err);
	case CIDX_CHART_PILLARS:
		return pillars_check(c->u.pillars, err);
	case CIDX_CHART_MOVERS:
		return movers_check(c->u.movers, err);
	case CIDX_CHART_HEATMAP:
		return heatmap_check(c->u.heatmap, err);
	case CIDX_CHART_PROFILE:
		return profile_check(c->u.profile, err);
	case CIDX_CHART_MAP:
		return map_check(c->u.map, err);
	case CIDX_CHART_UNCERT:
		return uncert_check(c->u.uncert, err);
	}
	return cidx_err_set(err, CIDX_EINVAL, "unknown chart type %d",
	    (int)c->type);
}

static void
chart_size(const struct cidx_chart *c, double *w, double *h)
{
	switch (c->type) {
	case CIDX_CHART_TIERS:
		tiers_size(c->u.tiers, w, h);
		break;
	case CIDX_CHART_PILLARS:
		pillars_size(c->u.pillars, w, h);
		break;
	case CIDX_CHART_MOVERS:
		movers_size(c->u.movers, w, h);
		break;
	case CIDX_CHART_HEATMAP:
		heatmap_size(c->u.heatmap, w, h);
		break;
	case CIDX_CHART_PROFILE:
		profile_size(c->u.profile, w, h);
		break;
	case CIDX_CHART_MAP:
		map_size(c->u.map, w, h);
		break;
	case CIDX_CHART_UNCERT:
		uncert_size(c->u.uncert, w, h);
		break;
	}
}

void
chart_body(struct pctx *c, const struct cidx_rect *b,
    const struct cidx_chart *ch)
{
	switch (ch->type) {
	case CIDX_CHART_TIERS:
		tiers_body(c, b, ch->u.tiers);
		break;
	case CIDX_CHART_PILLARS:
		pillars_body(c, b, ch->u.pillars);
		break;
	case CIDX_CHART_MOVERS:
		movers_body(c, b, ch->u.movers);
		break;
	case CIDX_CHART_HEATMAP:
		heatmap_body(c, b, ch->u.heatmap);
		break;
	case CIDX_CHART_PROFILE:
		profile_body(c, b, ch->u.profile);
		break;
	case CIDX_CHART_MAP:
		map_body(c, b, ch->u.map);
		break;
	case CIDX_CHART_UNCERT:
		uncert_body(c, b, ch->u.uncert);
		break;
	}
}

static int
has(const char *s)
{
	return s != NULL && *s != '\0';
}

void
chart_frame(struct pctx *c, const struct cidx_rect *r, const char *title,
    const char *subtitle, const char *footer, struct cidx_rect *body)
{
	double y = r->y, bot = r->y + r->h;

	if (has(title)) {
		ptext_font(&c->t, c->fs * 1.5, 1, 0);
		ptext_wrap(&c->t, title, r->w, 2);
		cairo_set_source_rgb(c->cr, 0.1, 0.1, 0.1);
		ptext_show_top(&c->t, r->x, y, AL_LEFT);
		y += ptext_h(&c->t);
	}
	if (has(subtitle)) {
		ptext_font(&c->t, c->fs * 1.1, 0, 0);
		ptext_wrap(&c->t, subtitle, r->w, 2);
		cairo_set_source_rgb(c->cr, 0.35, 0.35, 0.35);
		ptext_show_top(&c->t, r->x, y, AL_LEFT);
		y += ptext_h(&c->t);
	}
	if (has(title) || has(subtitle))
		y += c->fs * 0.8;
	if (has(footer)) {
		double h;

		ptext_font(&c->t, c->fs * 0.85, 0, 0);
		ptext_wrap(&c->t, footer, r->w, 3);
		h = ptext_h(&c->t);
		cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
		ptext_show_top(&c->t, r->x, bot - h, AL_LEFT);
		bot -= h + c->fs * 0.6;
	}
	body->x = r->x;
	body->y = y;
	body->w = r->w;
	body->h = bot - y > 1 ? bot - y : 1;
}

int
cidx_plot_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err)
{
	static const struct cidx_plot_opts def = CIDX_PLOT_OPTS_INIT;
	struct pctx pc;
	struct cidx_rect body;
	cairo_surface_type_t st;
	double tx = 0.35, ty = 0;
	int rc;

	if (o == NULL)
		o = &def;
	if (cr == NULL || r == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no cairo context or "
		    "rectangle to draw into");
	if (!(r->w >= 1 && r->h >= 1 && r->w < 1e6 && r->h < 1e6) ||
	    !isfinite(r->x) || !isfinite(r->y))
		return cidx_err_set(err, CIDX_EINVAL, "chart rectangle must be "
		    "at least 1 x 1 points");
	if ((rc = chart_check(c, err)) < 0)
		return rc;
	if (!utf8_ok(o->title) || !utf8_ok(o->subtitle) ||
	    !utf8_ok(o->footer) || !utf8_ok(o->font))
		return cidx_err_set(err, CIDX_EINVAL, "chart title, subtitle, "
		    "footer or font is not valid UTF-8");
	memset(&pc, 0, sizeof(pc));
	if ((rc = ptext_open(&pc.t, cr, o->font, o->lang, err)) < 0)
		return rc;
	pc.cr = cr;
	pc.lang = o->lang;
	pc.fs = r->w < 400 ? fmax(5, r->w / 47) : 8.5;
	/* boundaries lose points closer than a third of a pixel (raster)
	 * or 0.25 pt, under 0.1 mm (vector) */
	st = cairo_surface_get_type(cairo_get_target(cr));
	if (st == CAIRO_SURFACE_TYPE_IMAGE) {
		cairo_device_to_user_distance(cr, &tx, &ty);
		pc.tol = fabs(tx);
	} else {
		pc.tol = 0.25;
	}

	cairo_save(cr);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_clip(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	chart_frame(&pc, r, o->title, o->subtitle, o->footer, &body);
	chart_body(&pc, &body, c);
	cairo_restore(cr);
	ptext_close(&pc.t);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return cidx_err_set(err, CIDX_ERROR, "cairo: %s",
		    cairo_status_to_string(cairo_status(cr)));
	return 0;
}

static int
bad_size(double v)
{
	return !(v >= MIN_SIZE && v <= MAX_SIZE);
}

int
cidx_plot_write(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err)
{
	struct cidx_rect r;
	struct sink sk;
	cairo_surface_t *s;
	cairo_status_t st;
	cairo_t *cr;
	enum fmt fmt;
	double w = 0, h = 0, dpi, pw = 0, ph = 0;
	char date[32];
	int rc;

	if (o == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no output options");
	if ((rc = out_format(o->path, &fmt, err)) < 0)
		return rc;
	if ((rc = chart_check(c, err)) < 0)
		return rc;
	chart_size(c, &w, &h);
	/* a map keeps its shape when only the width is given */
	if (o->width != 0 && o->height == 0 && c->type == CIDX_CHART_MAP)
		h *= o->width / w;
	if (o->width != 0)
		w = o->width;
	if (o->height != 0)
		h = o->height;
	if (bad_size(w) || bad_size(h))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the size must be "
		    "%d to %d points each way", o->path, MIN_SIZE, MAX_SIZE);
	dpi = o->dpi != 0 ? o->dpi : 150;
	if (fmt == FMT_PNG) {
		pw = round(w * dpi / 72);
		ph = round(h * dpi / 72);
		if (!(dpi >= 10 && dpi <= 2400) || pw > 32767 || ph > 32767)
			return cidx_err_set(err, CIDX_EINVAL, "'%s': dpi must "
			    "be 10 to 2400 and the image at most 32767 pixels "
			    "each way", o->path);
	}
	if ((rc = out_date(date, err)) < 0)
		return rc;
	if ((rc = sink_open(&sk, o->path, o->workspace, fmt == FMT_SVG,
	    err)) < 0)
		return rc;

	if (fmt == FMT_PDF) {
		s = cairo_pdf_surface_create_for_stream(sink_write, &sk, w, h);
		pdf_metadata(s, date, o->title);
	} else if (fmt == FMT_SVG) {
		s = cairo_svg_surface_create_for_stream(sink_write, &sk, w, h);
	} else {
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)pw,
		    (int)ph);
	}
	cr = cairo_create(s);
	if (fmt == FMT_PNG)
		cairo_scale(cr, dpi / 72, dpi / 72);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	r.x = r.y = FILE_MARGIN;
	r.w = w - 2 * FILE_MARGIN;
	r.h = h - 2 * FILE_MARGIN;
	rc = cidx_plot_draw(cr, &r, c, o, err);
	cairo_destroy(cr);
	if (fmt == FMT_PNG && rc == 0) {
		st = cairo_surface_write_to_png_stream(s, sink_write, &sk);
	} else {
		cairo_surface_finish(s);
		st = cairo_surface_status(s);
	}
	cairo_surface_destroy(s);
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS) {
		if (sk.errnum != 0)
			rc = cidx_err_set(err, CIDX_EIO, "cannot write '%s': "
			    "%s", o->path, strerror(sk.errnum));
		else
			rc = cidx_err_set(err, CIDX_ERROR, "'%s': cairo: %s",
			    o->path, cairo_status_to_string(st));
	}
	if (sink_close(&sk, rc < 0, err) < 0)
		rc = CIDX_EIO;
	return rc;
}

void
cidx_plot_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
}

#define TYPED(name, ty, TAG, member)                                        \
	int cidx_plot_##name(const struct ty *d,                            \
	    const struct cidx_plot_opts *o, struct cidx_err *err)             \
	{                                                                     \
		struct cidx_chart c;                                          \
		c.type = TAG;                                                 \
		c.u.member = d;                                               \
		return cidx_plot_write(&c, o, err);                           \
	}                                                                     \
	int cidx_plot_##name##_draw(cairo_t *cr, const struct cidx_rect *r,   \
	    const struct ty *d, const struct cidx_plot_opts *o,             \
	    struct cidx_err *err)                                             \
	{                                                                     \
		struct cidx_chart c;                                          \
		c.type = TAG;                                                 \
		c.u.member = d;                                               \
		return cidx_plot_draw(cr, r, &c, o, err);                     \
	}

TYPED(tiers, cidx_tiers, CIDX_CHART_TIERS, tiers)
TYPED(pillars, cidx_pillars, CIDX_CHART_PILLARS, pillars)
TYPED(movers, cidx_movers, CIDX_CHART_MOVERS, movers)
TYPED(heatmap, cidx_heatmap, CIDX_CHART_HEATMAP, heatmap)
TYPED(profile, cidx_profile, CIDX_CHART_PROFILE, profile)
TYPED(map, cidx_map, CIDX_CHART_MAP, map)
TYPED(uncert, cidx_uncert, CIDX_CHART_UNCERT, uncert)
