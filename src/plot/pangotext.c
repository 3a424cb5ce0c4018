/*
 * pangotext.c - the text of the charts, laid out and drawn by pango:
 * fonts, one line or wrapped lines, measured before they are placed.
 *
 * One layout per draw is reused for every label (set_text is cheap, a new
 * layout is not).  Glyph outlines are not hinted.  In vector output the
 * advances are not either; on an image surface they are rounded to whole
 * pixels, because cairo 1.16 puts raster glyphs on whole pixels and
 * unrounded advances then space letters unevenly.  Sizes are absolute, in
 * user units (points), so the context's 96 dpi default plays no part.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/text.h"
#include "plot/plot_int.h"

/* a default font map was made (by the first context) and not released */
static int have_font_map;

int
cidx_ptext_open(struct ptext *t, cairo_t *cr, const char *family,
    enum cidx_plot_lang lang, struct cidx_err *err)
{
	cairo_font_options_t *fo;
	PangoFont *font;
	const char *got = NULL;
	int ok = 0;

	memset(t, 0, sizeof(*t));
	have_font_map = 1;
	if (family == NULL || *family == '\0')
		family = CIDX_PLOT_FONT;
	t->cr = cr;
	t->ctx = pango_cairo_create_context(cr);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo,
	    cairo_surface_get_type(cairo_get_target(cr)) ==
	    CAIRO_SURFACE_TYPE_IMAGE ? CAIRO_HINT_METRICS_ON :
	    CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(t->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(t->ctx,
	    pango_language_from_string(lang == CIDX_LANG_EN ? "en" : "zh-cn"));
	t->fd = pango_font_description_new();
	pango_font_description_set_family(t->fd, family);
	pango_font_description_set_absolute_size(t->fd, 10 * PANGO_SCALE);

	/* pango falls back silently: ask which family fontconfig matched */
	font = pango_context_load_font(t->ctx, t->fd);
	if (font != NULL) {
		PangoFontDescription *d = pango_font_describe(font);

		got = pango_font_description_get_family(d);
		ok = got != NULL && strcasecmp(got, family) == 0;
		if (!ok)
			cidx_err_set(err, CIDX_EINVAL, "font family '%s' not "
			    "found by fontconfig (it matched '%s')", family,
			    got ? got : "nothing");
		pango_font_description_free(d);
		g_object_unref(font);
	} else {
		cidx_err_set(err, CIDX_EINVAL, "font family '%s' not found by "
		    "fontconfig (no font at all)", family);
	}
	if (!ok) {
		cidx_ptext_close(t);
		return CIDX_EINVAL;
	}
	t->lay = pango_layout_new(t->ctx);
	cidx_ptext_font(t, 10, 0, 0);
	return 0;
}

/*
 * pango 1.50 runs fontconfig's matching and sorting in a thread of its
 * own, and each request holds a reference to the font map until the
 * thread is done with it.  When that reference is the last, the font
 * map and its cairo fonts are freed in that thread, and
 * cairo_debug_reset_static_data() at the same moment aborts on a font
 * cache still in use (a chart drawn quickly, under load: status 134).
 * So the font map is released here, in this thread, once it is the only
 * reference left; @return 0 when it was (or there was none), -1 when the
 * other thread still held it after 10 s.
 */
int
cidx_ptext_shutdown(void)
{
	PangoFontMap *fm;
	int waited = 0;

	if (!have_font_map)
		return 0;
	fm = g_object_ref(pango_cairo_font_map_get_default());
	pango_cairo_font_map_set_default(NULL);
	have_font_map = 0;
	while (g_atomic_int_get((gint *)&G_OBJECT(fm)->ref_count) > 1 &&
	    waited < 10000) {
		g_usleep(1000);
		waited++;
	}
	waited = g_atomic_int_get((gint *)&G_OBJECT(fm)->ref_count) > 1;
	g_object_unref(fm);
	return waited ? -1 : 0;
}

void
cidx_ptext_close(struct ptext *t)
{
	if (t->lay != NULL)
		g_object_unref(t->lay);
	if (t->ctx != NULL)
		g_object_unref(t->ctx);
	if (t->fd != NULL)
		pango_font_description_free(t->fd);
	memset(t, 0, sizeof(*t));
}

void
cidx_ptext_font(struct ptext *t, double size, int bold, int italic)
{
	/* a figure squeezed to the smallest size leaves rows of no height:
	 * their text is not seen, and pango refuses a size below 0 (with a
	 * message on stderr) */
	if (!(size >= 0.1))
		size = 0.1;
	t->size = size;
	pango_font_description_set_absolute_size(t->fd,
	    size * PANGO_SCALE);
	pango_font_description_set_weight(t->fd,
	    bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(t->fd,
	    italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(t->lay, t->fd);
}

/* pango warns on stderr about bad UTF-8 and draws what it can: the
 * checks refuse it, and this is the safety net for any text they miss,
 * with U+FFFD for each maximal subpart of a bad sequence (core/text.h) */
static void
set_text(struct ptext *t, const char *s)
{
	struct sbuf v = SBUF_INIT;

	if (s == NULL)
		s = "";
	if (g_utf8_validate(s, -1, NULL)) {
		pango_layout_set_text(t->lay, s, -1);
		return;
	}
	cidx_text_repair(&v, s, strlen(s));
	pango_layout_set_text(t->lay, v.buf, -1);
	cidx_sbuf_release(&v);
}

void
cidx_ptext_line(struct ptext *t, const char *s, double max_w)
{
	pango_layout_set_single_paragraph_mode(t->lay, TRUE);
	pango_layout_set_alignment(t->lay, PANGO_ALIGN_LEFT);
	pango_layout_set_height(t->lay, -1);
	if (max_w > 0) {
		pango_layout_set_width(t->lay, (int)(max_w * PANGO_SCALE));
		pango_layout_set_ellipsize(t->lay, PANGO_ELLIPSIZE_END);
	} else {
		pango_layout_set_width(t->lay, -1);
		pango_layout_set_ellipsize(t->lay, PANGO_ELLIPSIZE_NONE);
	}
	set_text(t, s);
}

void
cidx_ptext_wrap(struct ptext *t, const char *s, double w, int max_lines)
{
	pango_layout_set_single_paragraph_mode(t->lay, FALSE);
	pango_layout_set_alignment(t->lay, PANGO_ALIGN_LEFT);
	pango_layout_set_width(t->lay, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(t->lay, PANGO_WRAP_WORD_CHAR);
	if (max_lines > 0) {
		pango_layout_set_height(t->lay, -max_lines);
		pango_layout_set_ellipsize(t->lay, PANGO_ELLIPSIZE_END);
	} else {
		pango_layout_set_height(t->lay, -1);
		pango_layout_set_ellipsize(t->lay, PANGO_ELLIPSIZE_NONE);
	}
	set_text(t, s);
}

double
cidx_ptext_w(struct ptext *t)
{
	PangoRectangle lg;

	pango_layout_get_extents(t->lay, NULL, &lg);
	return (double)(lg.x + lg.width) / PANGO_SCALE;
}

double
cidx_ptext_h(struct ptext *t)
{
	PangoRectangle lg;

	pango_layout_get_extents(t->lay, NULL, &lg);
	return (double)lg.height / PANGO_SCALE;
}

double
cidx_ptext_baseline(struct ptext *t)
{
	return (double)pango_layout_get_baseline(t->lay) / PANGO_SCALE;
}

double
cidx_ptext_measure(struct ptext *t, const char *s)
{
	cidx_ptext_line(t, s, 0);
	return cidx_ptext_w(t);
}

static double
align_x(struct ptext *t, double x, int al)
{
	if (al == AL_RIGHT)
		return x - cidx_ptext_w(t);
	if (al == AL_CENTER)
		return x - cidx_ptext_w(t) / 2;
	return x;
}

/* the ink box of the layout at the current point, in device space,
 * into the layout record */
static void
record(struct ptext *t)
{
	struct cidx_plot_layout *l = t->rec;
	struct cidx_plot_box *b;
	PangoRectangle ink;
	double x0, y0, lo_x = 1e300, lo_y = 1e300, hi_x = -1e300,
	    hi_y = -1e300;
	const char *s;

	pango_layout_get_extents(t->lay, &ink, NULL);
	if (ink.width <= 0 || ink.height <= 0)
		return;
	cairo_get_current_point(t->cr, &x0, &y0);
	for (int k = 0; k < 4; k++) {
		double x = x0 + (double)(ink.x + (k & 1 ? ink.width : 0)) /
		    PANGO_SCALE;
		double y = y0 + (double)(ink.y + (k & 2 ? ink.height : 0)) /
		    PANGO_SCALE;

		cairo_user_to_device(t->cr, &x, &y);
		lo_x = x < lo_x ? x : lo_x;
		hi_x = x > hi_x ? x : hi_x;
		lo_y = y < lo_y ? y : lo_y;
		hi_y = y > hi_y ? y : hi_y;
	}
	ALLOC_GROW(l->box, l->n + 1, l->cap);
	b = &l->box[l->n++];
	b->x = lo_x;
	b->y = lo_y;
	b->w = hi_x - lo_x;
	b->h = hi_y - lo_y;
	s = pango_layout_get_text(t->lay);
	snprintf(b->text, sizeof(b->text), "%s", s ? s : "");
	cidx_plot_utf8_trim(b->text);
}

void
cidx_ptext_show(struct ptext *t, double x, double y, int al)
{
	cairo_move_to(t->cr, align_x(t, x, al), y - cidx_ptext_baseline(t));
	if (t->rec != NULL)
		record(t);
	pango_cairo_show_layout(t->cr, t->lay);
}

void
cidx_ptext_show_top(struct ptext *t, double x, double y, int al)
{
	cairo_move_to(t->cr, align_x(t, x, al), y);
	if (t->rec != NULL)
		record(t);
	pango_cairo_show_layout(t->cr, t->lay);
}

double
cidx_ptext_mid(struct ptext *t, double y)
{
	/* the middle of both CJK ideographs and Latin capitals and digits
	 * sits about 0.37 em above the baseline in Noto Sans CJK */
	return y + 0.37 * t->size;
}
