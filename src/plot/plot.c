/*
 * plot.c - the public entry points: check the data, open the text, draw
 * the title, subtitle and footer, hand the rest of the rectangle to the
 * chart; or make a surface for a file around all that.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "plot/plot_int.h"

#define FILE_MARGIN 16

/* by enum cidx_chart_id (plot.h) */
static const struct cidx_chart_draw *const chart_draw[CIDX_CHART_N] = {
	[CIDX_CHART_TIERS] = &cidx_plot_tiers,
	[CIDX_CHART_PILLARS] = &cidx_plot_pillars,
	[CIDX_CHART_MOVERS] = &cidx_plot_movers,
	[CIDX_CHART_HEATMAP] = &cidx_plot_heatmap,
	[CIDX_CHART_PROFILE] = &cidx_plot_profile,
	[CIDX_CHART_MAP] = &cidx_plot_map,
	[CIDX_CHART_UNCERT] = &cidx_plot_uncert,
	[CIDX_CHART_TREND] = &cidx_plot_trend,
};

const struct cidx_chart_draw *
cidx_chart_draw_of(const struct cidx_chart_type *t)
{
	return t != NULL && (unsigned)t->id < CIDX_CHART_N ?
	    chart_draw[t->id] : NULL;
}

int
cidx_chart_check(const struct cidx_chart *c, struct cidx_err *err)
{
	const struct cidx_chart_draw *d;

	if (c == NULL || c->type == NULL || c->data == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no chart data");
	if ((d = cidx_chart_draw_of(c->type)) == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "chart type '%s' has no "
		    "drawing", c->type->name ? c->type->name : "?");
	return d->check(c->data, err);
}

static int
has(const char *s)
{
	return s != NULL && *s != '\0';
}

void
cidx_chart_frame(struct cidx_plot_ctx *c, const struct cidx_rect *r,
    const char *title, const char *subtitle, const char *footer,
    struct cidx_rect *body)
{
	double y = r->y, bot = r->y + r->h;

	if (has(title)) {
		cidx_ptext_font(&c->t, c->fs * 1.5, 1, 0);
		cidx_ptext_wrap(&c->t, title, r->w, 2);
		cairo_set_source_rgb(c->cr, 0.1, 0.1, 0.1);
		cidx_ptext_show_top(&c->t, r->x, y, AL_LEFT);
		y += cidx_ptext_h(&c->t);
	}
	if (has(subtitle)) {
		cidx_ptext_font(&c->t, c->fs * 1.1, 0, 0);
		cidx_ptext_wrap(&c->t, subtitle, r->w, 2);
		cairo_set_source_rgb(c->cr, 0.35, 0.35, 0.35);
		cidx_ptext_show_top(&c->t, r->x, y, AL_LEFT);
		y += cidx_ptext_h(&c->t);
	}
	if (has(title) || has(subtitle))
		y += c->fs * 0.8;
	if (has(footer)) {
		double h;

		cidx_ptext_font(&c->t, c->fs * 0.85, 0, 0);
		cidx_ptext_wrap(&c->t, footer, r->w, 3);
		h = cidx_ptext_h(&c->t);
		cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
		cidx_ptext_show_top(&c->t, r->x, bot - h, AL_LEFT);
		bot -= h + c->fs * 0.6;
	}
	body->x = r->x;
	body->y = y;
	body->w = r->w;
	body->h = bot - y > 1 ? bot - y : 1;
}

/* cidx_plot_draw(), and *slack (may be NULL): the height at the bottom
 * of the body that a fit_height chart left empty */
static int
draw_chart(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_chart *c, const struct cidx_plot_opts *o,
    double *slack, struct cidx_plot_layout *rec, struct cidx_err *err)
{
	static const struct cidx_plot_opts def = CIDX_PLOT_OPTS_INIT;
	struct cidx_plot_ctx pc;
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
	if ((rc = cidx_chart_check(c, err)) < 0)
		return rc;
	if (!cidx_plot_utf8_ok(o->title) || !cidx_plot_utf8_ok(o->subtitle) ||
	    !cidx_plot_utf8_ok(o->footer) || !cidx_plot_utf8_ok(o->font))
		return cidx_err_set(err, CIDX_EINVAL, "chart title, subtitle, "
		    "footer or font is not valid UTF-8");
	memset(&pc, 0, sizeof(pc));
	if ((rc = cidx_ptext_open(&pc.t, cr, o->font, o->lang, err)) < 0)
		return rc;
	pc.t.rec = rec;
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
	cidx_chart_frame(&pc, r, o->title, o->subtitle, o->footer, &body);
	cidx_chart_draw_of(c->type)->draw(&pc, &body, c->data);
	if (slack != NULL)
		*slack = pc.used_bottom > body.y && pc.used_bottom < body.y +
		    body.h ? body.y + body.h - pc.used_bottom : 0;
	cairo_restore(cr);
	cidx_ptext_close(&pc.t);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return cidx_err_set(err, CIDX_ERROR, "cairo: %s",
		    cairo_status_to_string(cairo_status(cr)));
	return 0;
}

int
cidx_plot_draw(cairo_t *cr, const struct cidx_rect *r,
    const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err)
{
	return draw_chart(cr, r, c, o, NULL, NULL, err);
}

/* a chart that fits its height: drawn once on a recording surface of
 * w x *h points, *h is cut by what it left empty (to the least size) */
static int
fit_height(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    double w, double *h, struct cidx_err *err)
{
	cairo_rectangle_t ext = { 0, 0, w, *h };
	cairo_surface_t *s = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cairo_t *cr = cairo_create(s);
	struct cidx_rect r = { FILE_MARGIN, FILE_MARGIN, w - 2 * FILE_MARGIN,
		*h - 2 * FILE_MARGIN };
	double slack = 0;
	int rc = draw_chart(cr, &r, c, o, &slack, NULL, err);

	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (rc == 0)
		*h = fmax(CIDX_PLOT_SIZE_MIN, round(*h - slack));
	return rc;
}

static int
bad_size(double v)
{
	return !(v >= CIDX_PLOT_SIZE_MIN && v <= CIDX_PLOT_SIZE_MAX);
}

/* the figure's size in points: the options' or the chart's own (a width
 * alone scales the height of a chart that keeps its shape, a map) */
static int
figure_size(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    double *w, double *h, struct cidx_err *err)
{
	int rc;

	*w = *h = 0;
	cidx_chart_draw_of(c->type)->size(c->data, w, h);
	if (o->width != 0 && o->height == 0 && c->type->keep_shape)
		*h *= o->width / *w;
	if (o->width != 0)
		*w = o->width;
	if (o->height != 0)
		*h = o->height;
	else if (c->type->fit_height && !bad_size(*w) && !bad_size(*h) &&
	    (rc = fit_height(c, o, *w, h, err)) < 0)
		return rc;
	if (bad_size(*w) || bad_size(*h))
		return cidx_err_set(err, CIDX_EINVAL, "'%s': the figure would "
		    "be %.0f x %.0f points; the size must be %d to %d points "
		    "each way", o->path, *w, *h, CIDX_PLOT_SIZE_MIN,
		    CIDX_PLOT_SIZE_MAX);
	return 0;
}

/* a surface of w x h points for the file: a PDF or an SVG written
 * through the sink as it is drawn, or the image of a PNG at dpi */
static cairo_surface_t *
file_surface(enum fmt fmt, struct sink *sk, double w, double h, double dpi,
    const char *date, const char *title)
{
	cairo_surface_t *s;

	if (fmt == FMT_PDF) {
		s = cairo_pdf_surface_create_for_stream(cidx_sink_write, sk, w,
		    h);
		cidx_plot_pdf_metadata(s, date, title);
		return s;
	}
	if (fmt == FMT_SVG)
		return cairo_svg_surface_create_for_stream(cidx_sink_write, sk,
		    w, h);
	return cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)round(w * dpi / 72), (int)round(h * dpi / 72));
}

/* the chart on a white page of w x h points with the file's margin;
 * then the PNG written, or the PDF or SVG finished */
static int
draw_page(cairo_surface_t *s, enum fmt fmt, struct sink *sk, double w,
    double h, double dpi, const struct cidx_chart *c,
    const struct cidx_plot_opts *o, struct cidx_err *err)
{
	cairo_t *cr = cairo_create(s);
	struct cidx_rect r;
	cairo_status_t st;
	int rc;

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
		st = cairo_surface_write_to_png_stream(s, cidx_sink_write, sk);
	} else {
		cairo_surface_finish(s);
		st = cairo_surface_status(s);
	}
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS) {
		if (sk->errnum != 0)
			rc = cidx_err_set(err, CIDX_EIO, "cannot write '%s': "
			    "%s", o->path, strerror(sk->errnum));
		else
			rc = cidx_err_set(err, CIDX_ERROR, "'%s': cairo: %s",
			    o->path, cairo_status_to_string(st));
	}
	return rc;
}

int
cidx_plot_write(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err)
{
	struct sink sk;
	cairo_surface_t *s;
	enum fmt fmt;
	double w, h, dpi;
	char date[32];
	int rc;

	if ((rc = cidx_plot_opts_check(o, err)) < 0 ||
	    (rc = cidx_plot_format(o->path, &fmt, err)) < 0 ||
	    (rc = cidx_chart_check(c, err)) < 0 ||
	    (rc = figure_size(c, o, &w, &h, err)) < 0)
		return rc;
	dpi = o->dpi != 0 ? o->dpi : CIDX_PLOT_DPI_DEFAULT;
	if ((fmt == FMT_PNG && (rc = cidx_plot_png_check(o, w, h, err)) < 0) ||
	    (rc = cidx_plot_date(date, o->date, err)) < 0 ||
	    (rc = cidx_sink_open(&sk, o->path, o->workspace, fmt == FMT_SVG,
	    err)) < 0)
		return rc;
	s = file_surface(fmt, &sk, w, h, dpi, date, o->title);
	rc = draw_page(s, fmt, &sk, w, h, dpi, c, o, err);
	cairo_surface_destroy(s);
	if (cidx_sink_close(&sk, rc < 0, err) < 0)
		rc = CIDX_EIO;
	return rc;
}

int
cidx_plot_layout(struct cidx_plot_layout *out, const struct cidx_chart *c,
    const struct cidx_plot_opts *o, struct cidx_err *err)
{
	cairo_surface_t *s;
	cairo_t *cr;
	struct cidx_rect r;
	enum fmt fmt;
	double w, h;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = cidx_plot_opts_check(o, err)) < 0 ||
	    (rc = cidx_plot_format(o->path, &fmt, err)) < 0 ||
	    (rc = cidx_chart_check(c, err)) < 0 ||
	    (rc = figure_size(c, o, &w, &h, err)) < 0)
		return rc;
	out->page_w = w;
	out->page_h = h;
	s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cr = cairo_create(s);
	r.x = r.y = FILE_MARGIN;
	r.w = w - 2 * FILE_MARGIN;
	r.h = h - 2 * FILE_MARGIN;
	rc = draw_chart(cr, &r, c, o, NULL, out, err);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return rc;
}

void
cidx_plot_layout_release(struct cidx_plot_layout *l)
{
	free(l->box);
	memset(l, 0, sizeof(*l));
}

void
cidx_plot_shutdown(void)
{
	/* cairo's caches only when no other thread can be using them */
	if (cidx_ptext_shutdown() == 0)
		cairo_debug_reset_static_data();
}
