/*
 * layout.c - pieces several charts use: axis ticks, label spreading,
 * legends, hatching, a value axis and its grid.
 */
#include <math.h>

#include "core/mem.h"
#include "plot/plot_int.h"

size_t
bar_rows(size_t top, size_t n)
{
	return top > 0 && top < n ? top : n;
}

void
bar_size(size_t rows, double head, double row, double *w, double *h)
{
	*w = 540;
	*h = head + row * (double)rows;
	*h = *h < 320 ? 320 : *h > 2400 ? 2400 : *h;
}

void
bar_rows_layout(const struct cidx_plot_ctx *c, const struct cidx_rect *b,
    double lh, double ah, size_t n, double *y0, double *y1, double *rh,
    double *lfs)
{
	*y0 = b->y + lh + c->fs * 0.6;
	*y1 = b->y + b->h - ah;
	*rh = fmax(0, fmin((*y1 - *y0) / (double)n, c->fs * 2.4));
	*y1 = *y0 + *rh * (double)n;
	*lfs = fmin(c->fs, *rh * 0.72);
}

void
nice_ticks(double lo, double hi, int target, struct ticks *tk)
{
	double raw, mag, norm, step;

	if (!(hi > lo))
		hi = lo + 1;
	if (target < 2)
		target = 2;
	raw = (hi - lo) / target;
	mag = pow(10, floor(log10(raw)));
	norm = raw / mag;
	step = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
	step *= mag;
	tk->step = step;
	tk->lo = floor(lo / step + 1e-9) * step;
	tk->hi = ceil(hi / step - 1e-9) * step;
	tk->n = (int)lround((tk->hi - tk->lo) / step) + 1;
	tk->dec = (int)-floor(log10(step) + 1e-9);
	if (tk->dec < 0)
		tk->dec = 0;
}

struct blk {
	size_t first, cnt;
	double sum, pos;
};

/*
 * Labels of height h want their centres at y[i]; they are kept in order
 * and packed into blocks.  A block sits where the mean of its members
 * wants it (least squares), clamped to [top, bot]; blocks that overlap
 * merge.  O(n) amortised.
 */
void
spread(double *y, size_t n, double h, double top, double bot)
{
	struct blk *b;
	size_t nb = 0;

	if (n == 0)
		return;
	if ((double)n * h > bot - top) {
		for (size_t i = 0; i < n; i++)
			y[i] = top + h / 2 + (double)i * h;
		return;
	}
	b = xcalloc(n, sizeof(*b));
	for (size_t i = 0; i < n; i++) {
		struct blk cur = { i, 1, y[i] - h / 2, 0 };

		for (;;) {
			double lo = top, hi = bot - (double)cur.cnt * h;

			cur.pos = cur.sum / (double)cur.cnt;
			cur.pos = cur.pos < lo ? lo : cur.pos > hi ? hi : cur.pos;
			if (nb == 0 || b[nb - 1].pos +
			    (double)b[nb - 1].cnt * h <= cur.pos)
				break;
			/* merge with the block above */
			nb--;
			cur.sum = b[nb].sum + cur.sum -
			    (double)cur.cnt * (double)b[nb].cnt * h;
			cur.first = b[nb].first;
			cur.cnt += b[nb].cnt;
		}
		b[nb++] = cur;
	}
	for (size_t k = 0; k < nb; k++)
		for (size_t j = 0; j < b[k].cnt; j++)
			y[b[k].first + j] = b[k].pos + (double)j * h + h / 2;
	free(b);
}

static double
swatch_w(enum swatch sw, double s)
{
	return sw == SW_LINE || sw == SW_DASH_ENTRY || sw == SW_RANGE ?
	    2 * s : s;
}

static void
swatch(cairo_t *cr, enum swatch sw, struct rgb col, double x, double yc,
    double s)
{
	cairo_save(cr);
	cairo_new_path(cr);
	set_rgb(cr, col);
	switch (sw) {
	case SW_BOX:
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		cairo_fill(cr);
		break;
	case SW_HATCH:
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
		cairo_fill_preserve(cr);
		hatch(cr, 2.5, col);
		cairo_rectangle(cr, x, yc - s / 2, s, s);
		set_rgb(cr, col);
		cairo_set_line_width(cr, 0.4);
		cairo_stroke(cr);
		break;
	case SW_EDGED:
		cairo_rectangle(cr, x + 0.25, yc - s / 2 + 0.25, s - 0.5,
		    s - 0.5);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 0.54, 0.54, 0.54);
		cairo_set_line_width(cr, 0.5);
		cairo_stroke(cr);
		break;
	case SW_LINE:
	case SW_RANGE:
		cairo_set_line_width(cr, sw == SW_LINE ? 1.5 : 1.2);
		cairo_move_to(cr, x, yc);
		cairo_line_to(cr, x + 2 * s, yc);
		cairo_stroke(cr);
		break;
	case SW_DASH_ENTRY: {
		double d[] = { 2, 1.5 };

		cairo_set_line_width(cr, 1);
		cairo_arc(cr, x + s * 0.25, yc, s * 0.22, 0, 2 * PLOT_PI);
		cairo_stroke(cr);
		cairo_set_dash(cr, d, 2, 0);
		cairo_move_to(cr, x + s * 0.5, yc);
		cairo_line_to(cr, x + 2 * s, yc);
		cairo_stroke(cr);
		break;
	}
	case SW_DOT:
		cairo_arc(cr, x + s / 2, yc, s * 0.3, 0, 2 * PLOT_PI);
		cairo_fill(cr);
		break;
	case SW_TICK:
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, x + s / 2, yc - s / 2);
		cairo_line_to(cr, x + s / 2, yc + s / 2);
		cairo_stroke(cr);
		break;
	}
	cairo_restore(cr);
}

double
legend(struct cidx_plot_ctx *c, const struct legend_item *it, size_t n,
    double x, double y, double w, int draw)
{
	double s = c->fs, row = c->fs * 1.6, cx = x, cy = y;

	ptext_font(&c->t, c->fs, 0, 0);
	for (size_t i = 0; i < n; i++) {
		double sw = swatch_w(it[i].sw, s), tw, iw;

		/* one item never takes more than the whole width */
		ptext_line(&c->t, it[i].label, w - sw - 0.4 * s);
		tw = ptext_w(&c->t);
		iw = sw + 0.4 * s + tw;
		if (cx > x && cx + iw > x + w) {
			cx = x;
			cy += row;
		}
		if (draw) {
			swatch(c->cr, it[i].sw, it[i].col, cx, cy + row / 2, s);
			cairo_set_source_rgb(c->cr, 0.15, 0.15, 0.15);
			ptext_show(&c->t, cx + sw + 0.4 * s,
			    ptext_mid(&c->t, cy + row / 2), AL_LEFT);
		}
		cx += iw + 1.4 * s;
	}
	return n ? cy + row - y : 0;
}

void
hatch(cairo_t *cr, double spacing, struct rgb col)
{
	double x0, y0, x1, y1;

	cairo_save(cr);
	cairo_clip(cr);
	cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
	set_rgb(cr, col);
	cairo_set_line_width(cr, 0.5);
	for (double d = x0 - (y1 - y0); d < x1; d += spacing) {
		cairo_move_to(cr, d, y1);
		cairo_line_to(cr, d + (y1 - y0), y0);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static double
tick_x(const struct ticks *tk, int i, double x0, double x1)
{
	return x0 + (double)i * tk->step / (tk->hi - tk->lo) * (x1 - x0);
}

double
axis_h(struct cidx_plot_ctx *c, const struct ticks *tk, double x0, double x1,
    double y, const char *title, int draw)
{
	double fs = c->fs * 0.9, h = 3 + fs * 1.3;
	char buf[64];

	if (title != NULL)
		h += c->fs * 1.4;
	if (!draw)
		return h + 2;
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(c->cr, 0.6);
	cairo_move_to(c->cr, x0, y);
	cairo_line_to(c->cr, x1, y);
	cairo_stroke(c->cr);
	ptext_font(&c->t, fs, 0, 0);
	for (int i = 0; i < tk->n; i++) {
		double x = tick_x(tk, i, x0, x1);

		cairo_set_source_rgb(c->cr, 0.4, 0.4, 0.4);
		cairo_move_to(c->cr, x, y);
		cairo_line_to(c->cr, x, y + 3);
		cairo_stroke(c->cr);
		fmt_num(buf, sizeof(buf), tk->lo + i * tk->step, tk->dec);
		ptext_line(&c->t, buf, 0);
		cairo_set_source_rgb(c->cr, 0.2, 0.2, 0.2);
		ptext_show(&c->t, x, y + 3 + fs * 1.05, AL_CENTER);
	}
	if (title != NULL) {
		ptext_font(&c->t, c->fs, 0, 0);
		ptext_line(&c->t, title, x1 - x0);
		ptext_show(&c->t, (x0 + x1) / 2, y + 3 + fs * 1.3 + c->fs * 1.1,
		    AL_CENTER);
	}
	cairo_restore(c->cr);
	return h + 2;
}

void
grid_v(struct cidx_plot_ctx *c, const struct ticks *tk, double x0, double x1,
    double y0, double y1)
{
	cairo_save(c->cr);
	cairo_set_source_rgb(c->cr, 0.88, 0.88, 0.88);
	cairo_set_line_width(c->cr, 0.5);
	for (int i = 0; i < tk->n; i++) {
		double x = tick_x(tk, i, x0, x1);

		cairo_move_to(c->cr, x, y0);
		cairo_line_to(c->cr, x, y1);
	}
	cairo_stroke(c->cr);
	cairo_restore(c->cr);
}
