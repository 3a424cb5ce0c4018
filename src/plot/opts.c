/*
 * opts.c - the options of a chart file as the command line gives them,
 * and the one set of limits they are held to (plot.h, cityidx(1) chart):
 * checked before any data is read or any file is touched, and the pixels
 * of a PNG again by cidx_plot_write() once the figure's own size is
 * known, before anything is drawn.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "core/num.h"
#include "plot/plot_int.h"

/* the numeric options: their name in messages and their range */
static const struct {
	const char *name;
	const char *what;
	double lo, hi;
} num_opt[] = {
	[CIDX_PLOT_OPT_WIDTH] = { "--width", "points",
		CIDX_PLOT_SIZE_MIN, CIDX_PLOT_SIZE_MAX },
	[CIDX_PLOT_OPT_HEIGHT] = { "--height", "points",
		CIDX_PLOT_SIZE_MIN, CIDX_PLOT_SIZE_MAX },
	[CIDX_PLOT_OPT_DPI] = { "--dpi", "dots per inch",
		CIDX_PLOT_DPI_MIN, CIDX_PLOT_DPI_MAX },
};

static int
in_range(enum cidx_plot_key key, double v)
{
	return v >= num_opt[key].lo && v <= num_opt[key].hi;
}

static int
range_error(enum cidx_plot_key key, const char *text, struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_EINVAL, "%s '%s': expected %.0f to "
	    "%.0f %s", num_opt[key].name, text, num_opt[key].lo,
	    num_opt[key].hi, num_opt[key].what);
}

int
cidx_plot_opt_set(struct cidx_plot_opts *o, enum cidx_plot_key key,
    const char *text, struct cidx_err *err)
{
	double v;

	if (o == NULL || text == NULL || (unsigned)key >= CIDX_PLOT_OPT_N)
		return cidx_err_set(err, CIDX_EINVAL, "no chart option or "
		    "value");
	if (key == CIDX_PLOT_OPT_TITLE || key == CIDX_PLOT_OPT_FONT) {
		if (!cidx_plot_utf8_ok(text))
			return cidx_err_set(err, CIDX_EINVAL, "%s: not valid "
			    "UTF-8", key == CIDX_PLOT_OPT_TITLE ? "--title" :
			    "--font");
		if (key == CIDX_PLOT_OPT_TITLE)
			o->title = text;
		else
			o->font = text;
		return 0;
	}
	if (cidx_num_parse(text, &v, NULL) < 0 || !in_range(key, v))
		return range_error(key, text, err);
	if (key == CIDX_PLOT_OPT_WIDTH)
		o->width = v;
	else if (key == CIDX_PLOT_OPT_HEIGHT)
		o->height = v;
	else
		o->dpi = v;
	return 0;
}

static void
num(char *buf, size_t n, double x)
{
	cidx_num_fmt(buf, n, x, 10);
}

int
cidx_plot_png_check(const struct cidx_plot_opts *o, double w, double h,
    struct cidx_err *err)
{
	double dpi = o->dpi != 0 ? o->dpi : CIDX_PLOT_DPI_DEFAULT;
	double pw = round(w * dpi / 72), ph = round(h * dpi / 72);
	int given = o->width != 0 || o->height != 0;
	char sw[32], sh[32], sd[32], over[64];

	if (pw <= CIDX_PLOT_PNG_SIDE_MAX && ph <= CIDX_PLOT_PNG_SIDE_MAX &&
	    pw * ph <= CIDX_PLOT_PNG_PIXELS_MAX)
		return 0;
	num(sw, sizeof(sw), w);
	num(sh, sizeof(sh), h);
	num(sd, sizeof(sd), dpi);
	if (pw > CIDX_PLOT_PNG_SIDE_MAX || ph > CIDX_PLOT_PNG_SIDE_MAX)
		snprintf(over, sizeof(over), "more than %d on a side",
		    CIDX_PLOT_PNG_SIDE_MAX);
	else
		snprintf(over, sizeof(over), "more than %.0f million in all",
		    CIDX_PLOT_PNG_PIXELS_MAX / 1e6);
	return cidx_err_set(err, CIDX_EINVAL, "'%s': %s x %s points at %s "
	    "dpi make a PNG of %.0f x %.0f pixels, %s: %s", o->path, sw, sh,
	    sd, pw, ph, over, given ? "lower --dpi, --width or --height" :
	    "lower --dpi, or give a --width and --height smaller than the "
	    "figure's own");
}

int
cidx_plot_opts_check(const struct cidx_plot_opts *o, struct cidx_err *err)
{
	enum fmt fmt;
	char s[32];
	int rc;

	if (o == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "no output options");
	if ((rc = cidx_plot_format(o->path, &fmt, err)) < 0)
		return rc;
	if (o->width != 0 && !in_range(CIDX_PLOT_OPT_WIDTH, o->width)) {
		num(s, sizeof(s), o->width);
		return range_error(CIDX_PLOT_OPT_WIDTH, s, err);
	}
	if (o->height != 0 && !in_range(CIDX_PLOT_OPT_HEIGHT, o->height)) {
		num(s, sizeof(s), o->height);
		return range_error(CIDX_PLOT_OPT_HEIGHT, s, err);
	}
	if (o->dpi != 0 && !in_range(CIDX_PLOT_OPT_DPI, o->dpi)) {
		num(s, sizeof(s), o->dpi);
		return range_error(CIDX_PLOT_OPT_DPI, s, err);
	}
	if (o->dpi != 0 && fmt != FMT_PNG)
		return cidx_err_set(err, CIDX_EINVAL, "'%s': --dpi applies to "
		    "PNG output only", o->path);
	if (fmt == FMT_PNG && o->width != 0 && o->height != 0)
		return cidx_plot_png_check(o, o->width, o->height, err);
	return 0;
}
