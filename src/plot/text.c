/*
 * text.c - pango text for the charts, and the charts' own words in
 * Chinese and English.
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
#include "core/num.h"
#include "core/text.h"
#include "plot/plot_int.h"

int
ptext_open(struct ptext *t, cairo_t *cr, const char *family,
    enum cidx_plot_lang lang, struct cidx_err *err)
{
	cairo_font_options_t *fo;
	PangoFont *font;
	const char *got = NULL;
	int ok = 0;

	memset(t, 0, sizeof(*t));
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
		ptext_close(t);
		return CIDX_EINVAL;
	}
	t->lay = pango_layout_new(t->ctx);
	ptext_font(t, 10, 0, 0);
	return 0;
}

void
ptext_close(struct ptext *t)
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
ptext_font(struct ptext *t, double size, int bold, int italic)
{
	t->size = size;
	pango_font_description_set_absolute_size(t->fd,
	    size * PANGO_SCALE);
	pango_font_description_set_weight(t->fd,
	    bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(t->fd,
	    italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(t->lay, t->fd);
}

int
utf8_ok(const char *s)
{
	return s == NULL || g_utf8_validate(s, -1, NULL);
}

void
utf8_trim(char *s)
{
	const char *end;

	if (!g_utf8_validate(s, -1, &end))
		s[end - s] = '\0';
}

int
name_check(const char *what, size_t i, const char *s, struct cidx_err *err)
{
	if (s == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "%s %zu has no name",
		    what, i);
	if (!utf8_ok(s))
		return cidx_err_set(err, CIDX_EINVAL, "%s %zu: the name is not "
		    "valid UTF-8", what, i);
	return 0;
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
	sbuf_release(&v);
}

void
ptext_line(struct ptext *t, const char *s, double max_w)
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
ptext_wrap(struct ptext *t, const char *s, double w, int max_lines)
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
ptext_w(struct ptext *t)
{
	PangoRectangle lg;

	pango_layout_get_extents(t->lay, NULL, &lg);
	return (double)(lg.x + lg.width) / PANGO_SCALE;
}

double
ptext_h(struct ptext *t)
{
	PangoRectangle lg;

	pango_layout_get_extents(t->lay, NULL, &lg);
	return (double)lg.height / PANGO_SCALE;
}

double
ptext_baseline(struct ptext *t)
{
	return (double)pango_layout_get_baseline(t->lay) / PANGO_SCALE;
}

double
ptext_measure(struct ptext *t, const char *s)
{
	ptext_line(t, s, 0);
	return ptext_w(t);
}

static double
align_x(struct ptext *t, double x, int al)
{
	if (al == AL_RIGHT)
		return x - ptext_w(t);
	if (al == AL_CENTER)
		return x - ptext_w(t) / 2;
	return x;
}

void
ptext_show(struct ptext *t, double x, double y, int al)
{
	cairo_move_to(t->cr, align_x(t, x, al), y - ptext_baseline(t));
	pango_cairo_show_layout(t->cr, t->lay);
}

void
ptext_show_top(struct ptext *t, double x, double y, int al)
{
	cairo_move_to(t->cr, align_x(t, x, al), y);
	pango_cairo_show_layout(t->cr, t->lay);
}

double
ptext_mid(struct ptext *t, double y)
{
	/* the middle of both CJK ideographs and Latin capitals and digits
	 * sits about 0.37 em above the baseline in Noto Sans CJK */
	return y + 0.37 * t->size;
}

static const char *const words[W__COUNT][2] = {
	[W_SCORE] = { "指数得分", "index score" },
	[W_RANK] = { "排名", "rank" },
	[W_MEDIAN] = { "中位数", "median" },
	[W_UNTIERED] = { "未分梯队", "untiered" },
	[W_NO_BOUNDARY] = { "无边界数据", "no boundary" },
	[W_NO_DATA] = { "无数据", "no data" },
	[W_DARK_HORSE] = { "黑马", "dark horse" },
	[W_NEW_ENTRANT] = { "新上榜", "new entrant" },
	[W_OTHERS] = { "其他", "others" },
	[W_NOT_RANKED_IN] = { "年未上榜", "not ranked in " },
	[W_NEW] = { "未上榜", "unranked" },
	[W_CORRELATION] = { "相关系数", "correlation" },
	[W_HATCHED_NAN] = { "斜线格：无法计算（数据不足或无变化）",
	    "hatched: not defined (too few data or no variation)" },
	[W_VALUE] = { "得分", "score" },
	[W_NOMINAL_RANK] = { "名义排名", "nominal rank" },
	[W_RANGE_5_95] = { "5%–95% 分位排名区间", "5th–95th percentile rank" },
	[W_MEDIAN_RANK] = { "排名中位数", "median rank" },
	[W_CONTINUED] = { "（续）", " (continued)" },
	[W_TOTAL] = { "合计", "total" },
	[W_LIST_SEP] = { "、", ", " },
	[W_COLON] = { "：", ": " },
	[W_NOT_RANKED] = { "未排名（数据不足）", "not ranked (too little data)" },
};

const char *
word(enum cidx_plot_lang lang, enum word w)
{
	return words[w][lang == CIDX_LANG_EN];
}

void
tier_label(char *buf, size_t n, enum cidx_plot_lang lang, int tier,
    const char *const *names)
{
	static const char *const zh[] = { "一", "二", "三", "四", "五",
		"六", "七", "八", "九", "十" };
	char num[32];

	fmt_num(num, sizeof(num), tier, 0);
	if (tier <= 0)
		snprintf(buf, n, "%s", word(lang, W_UNTIERED));
	else if (names != NULL && names[tier - 1] != NULL)
		snprintf(buf, n, "%s", names[tier - 1]);
	else if (lang == CIDX_LANG_EN)
		snprintf(buf, n, "Tier %s", num);
	else
		snprintf(buf, n, "第%s梯队", tier <= 10 ? zh[tier - 1] : num);
	utf8_trim(buf);
}

void
fmt_num(char *buf, size_t n, double x, int decimals)
{
	const char *p;

	cidx_num_fmt_fixed(buf, n, x, decimals);
	if (buf[0] != '-')
		return;
	for (p = buf + 1; *p == '0' || *p == '.'; p++)
		;
	if (*p == '\0')
		memmove(buf, buf + 1, strlen(buf));
}
