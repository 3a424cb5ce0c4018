/*
 * rows.c - the rows of the charts: their order, how many a bar chart
 * draws, the figure's height, their place between the legend and the
 * axis, and labels moved apart along a column.
 */
#include <math.h>
#include <stdlib.h>

#include "core/mem.h"
#include "plot/plot_int.h"

static int
cmp_row(const void *a, const void *b)
{
	const struct cidx_plot_row *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->tie != y->tie)
		return x->tie < y->tie ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

size_t *
cidx_plot_order(struct cidx_plot_row *rows, size_t n)
{
	size_t *ord = cidx_xcalloc(n ? n : 1, sizeof(*ord));

	if (n > 0)
		qsort(rows, n, sizeof(*rows), cmp_row);
	for (size_t p = 0; p < n; p++)
		ord[p] = rows[p].i;
	return ord;
}

size_t
cidx_plot_bar_rows(size_t top, size_t n)
{
	return top > 0 && top < n ? top : n;
}

void
cidx_plot_bar_size(size_t rows, double head, double row, double *w, double *h)
{
	*w = 540;
	*h = head + row * (double)rows;
	*h = *h < 320 ? 320 : *h > 2400 ? 2400 : *h;
}

void
cidx_plot_bar_layout(const struct cidx_plot_ctx *c, const struct cidx_rect *b,
    double legend_h, double axis_h, size_t n, struct cidx_plot_rows *out)
{
	out->n = n;
	out->top = b->y + legend_h + c->fs * 0.6;
	out->bottom = b->y + b->h - axis_h;
	out->h = fmax(0, fmin((out->bottom - out->top) / (double)n,
	    c->fs * 2.4));
	out->bottom = out->top + out->h * (double)n;
	out->fs = fmin(c->fs, out->h * 0.72);
}

double
cidx_plot_row_mid(const struct cidx_plot_rows *r, size_t i)
{
	return r->top + ((double)i + 0.5) * r->h;
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
cidx_plot_spread(double *y, size_t n, double h, double top, double bot)
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
	b = cidx_xcalloc(n, sizeof(*b));
	for (size_t i = 0; i < n; i++) {
		struct blk cur = { i, 1, y[i] - h / 2, 0 };

		for (;;) {
			double lo = top, hi = bot - (double)cur.cnt * h;

			cur.pos = cur.sum / (double)cur.cnt;
			cur.pos = cur.pos < lo ? lo :
			    cur.pos > hi ? hi : cur.pos;
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
