/* plotopt: the options of a chart file and their one set of limits
 * (plot.h: cidx_plot_opt_set(), cidx_plot_opts_check(), and
 * cidx_plot_write() with the figure's own size) */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "plot/plot.h"
#include "fixture.h"
#include "runner.h"

static int
set(struct cidx_plot_opts *o, enum cidx_plot_key k, const char *text,
    struct cidx_err *err)
{
	return cidx_plot_opt_set(o, k, text, err);
}

void
test_plotopt__sizes_and_dpi_have_one_range(void)
{
	static const struct {
		enum cidx_plot_key k;
		const char *text;
		int ok;
	} cases[] = {
		{ CIDX_PLOT_OPT_WIDTH, "72", 1 },
		{ CIDX_PLOT_OPT_WIDTH, "14400", 1 },
		{ CIDX_PLOT_OPT_WIDTH, " 1e3 ", 1 },
		{ CIDX_PLOT_OPT_WIDTH, "71.99", 0 },
		{ CIDX_PLOT_OPT_WIDTH, "50", 0 },       /* once taken, then refused */
		{ CIDX_PLOT_OPT_WIDTH, "14400.5", 0 },
		{ CIDX_PLOT_OPT_WIDTH, "20000", 0 },    /* once taken, then refused */
		{ CIDX_PLOT_OPT_HEIGHT, "72", 1 },
		{ CIDX_PLOT_OPT_HEIGHT, "14401", 0 },
		{ CIDX_PLOT_OPT_HEIGHT, "inf", 0 },
		{ CIDX_PLOT_OPT_HEIGHT, "", 0 },
		{ CIDX_PLOT_OPT_DPI, "10", 1 },
		{ CIDX_PLOT_OPT_DPI, "1200", 1 },
		{ CIDX_PLOT_OPT_DPI, "9.5", 0 },
		{ CIDX_PLOT_OPT_DPI, "2400", 0 },       /* the old library limit */
		{ CIDX_PLOT_OPT_DPI, "150dpi", 0 },
		{ CIDX_PLOT_OPT_DPI, "nan", 0 },
	};
	static const char *const names[] = { "--width", "--height", "--dpi" };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
		struct cidx_plot_opts d = CIDX_PLOT_OPTS_INIT;
		struct cidx_err err = CIDX_ERR_INIT;
		int rc = set(&o, cases[i].k, cases[i].text, &err);

		if (cases[i].ok) {
			CHECK_INT(rc, 0);
			continue;
		}
		CHECK_INT(rc, CIDX_EINVAL);
		CHECK(memcmp(&o, &d, sizeof(o)) == 0);
		CHECK_HAS(err.msg, names[cases[i].k]);
		CHECK_HAS(err.msg, cases[i].k == CIDX_PLOT_OPT_DPI ?
		    "10 to 1200" : "72 to 14400");
	}
}

void
test_plotopt__title_and_font_must_be_utf8(void)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;

	CHECK_INT(set(&o, CIDX_PLOT_OPT_TITLE, "2017年城市双创指数", &err), 0);
	CHECK_STR(o.title, "2017年城市双创指数");
	CHECK_INT(set(&o, CIDX_PLOT_OPT_TITLE, "\xb1\xb1\xbe\xa9", &err),
	    CIDX_EINVAL);
	CHECK_HAS(err.msg, "--title");
	CHECK_STR(o.title, "2017年城市双创指数");
	CHECK_INT(set(&o, CIDX_PLOT_OPT_FONT, "Noto\xff", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "--font");
	CHECK_STR(o.font, CIDX_PLOT_FONT);
	CHECK_INT(set(&o, CIDX_PLOT_OPT_N, "1", &err), CIDX_EINVAL);
	CHECK_INT(set(&o, CIDX_PLOT_OPT_DPI, NULL, &err), CIDX_EINVAL);
}

static int
check(const char *path, double w, double h, double dpi, struct cidx_err *err)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;

	o.path = path;
	o.width = w;
	o.height = h;
	o.dpi = dpi;
	return cidx_plot_opts_check(&o, err);
}

void
test_plotopt__png_pixel_budget(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	/* 7200 pt at 100 dpi: 10000 x 10000 pixels, the 100 million */
	CHECK_INT(check("a.png", 7200, 7200, 100, &err), 0);
	CHECK_INT(check("a.png", 7200, 7200, 100.01, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "10001 x 10001 pixels");
	CHECK_HAS(err.msg, "100 million");
	CHECK_HAS(err.msg, "--dpi, --width or --height");
	CHECK_HAS(err.msg, "'a.png'");
	/* the 4 GB image: 14400 pt at 160 dpi */
	CHECK_INT(check("a.png", 14400, 14400, 160, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "32000 x 32000");
	/* cairo's 32767 pixels on a side, well under the total */
	CHECK_INT(check("a.png", 14400, 72, 163, &err), 0);
	CHECK_INT(check("a.png", 14400, 72, 164, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "32767 on a side");
	/* the default dpi, 150 */
	CHECK_INT(check("a.png", 4800, 4800, 0, &err), 0);  /* 10000 px */
	CHECK_INT(check("a.png", 4801, 4800, 0, &err), CIDX_EINVAL);
	/* one side missing: the figure's size decides, at write time */
	CHECK_INT(check("a.png", 14400, 0, 1200, &err), 0);
	/* vector formats have no pixels, and no dpi */
	CHECK_INT(check("a.pdf", 14400, 14400, 0, &err), 0);
	CHECK_INT(check("a.svg", 14400, 14400, 300, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "--dpi applies to PNG output only");
	/* fields set directly are held to the same limits */
	CHECK_INT(check("a.pdf", 50, 0, 0, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "--width '50'");
	CHECK_INT(check("a.png", 0, 20000, 0, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "--height '20000'");
	CHECK_INT(check("a.png", 0, 0, 2400, &err), CIDX_EINVAL);
	CHECK_INT(check("a.gif", 0, 0, 0, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'.gif'");
}

/* a tiers chart of 60 units is as tall as the default allows */
void
test_plotopt__write_checks_the_figure_size_first(void)
{
	static struct cidx_tier_unit u[60];
	struct cidx_tiers t = { u, 60, 0, 3, NULL };
	struct cidx_chart c;
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char path[256], buf[16] = "";
	FILE *fp;

	for (int i = 0; i < 60; i++) {
		u[i].rank = i + 1;
		u[i].name = "杭州";
		u[i].score = 100 - i;
		u[i].tier = 1 + i / 20;
	}
	c.type = &cidx_chart_tiers;
	c.data = &t;
	if (tmp_begin() < 0)
		return;
	put(path, sizeof(path), "old.png", "old figure");
	o.path = path;
	o.dpi = 1200;
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "at 1200 dpi make a PNG of");
	CHECK_HAS(err.msg, "smaller than the figure's own");
	/* refused before the file was opened: the old one is intact */
	if ((fp = fopen(path, "rb")) != NULL) {
		CHECK(fgets(buf, sizeof(buf), fp) != NULL);
		fclose(fp);
	}
	CHECK_STR(buf, "old figure");
	/* the same figure at 72 dpi is drawn */
	o.dpi = 72;
	CHECK_INT(cidx_plot_write(&c, &o, &err), 0);
	tmp_end();
	/* these tests run after the plot tests' shutdown: release pango's
	 * and cairo's caches again for the leak checker of check-asan */
	cidx_plot_shutdown();
}
