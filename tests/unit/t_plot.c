/* plot: charts and the report, as real files in a temporary directory */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "core/geom.h"
#include "core/mem.h"
#include "plot/doc.h"
#include "plot/plot.h"
#include "plot/plot_int.h"
#include "fixture.h"
#include "runner.h"

/* ---- small data, Chinese and English names ---- */

static const char *const names[] = {
	"北京", "上海", "深圳", "Inner London - West, Westminster and Camden",
	"巴音郭楞蒙古自治州", "杭州", "Greater Manchester", "成都",
};
#define NN 8

static struct cidx_tier_unit tier_units[NN];
static struct cidx_tiers tiers;
static const char *const pillar_names[] = { "人才", "市场", "环境", "capital" };
static double contrib[NN * 4], score[NN];
static struct cidx_pillars pillars;
static struct cidx_mover movers_u[NN];
static struct cidx_movers movers;
static double corr[16];
static struct cidx_heatmap heat;
static const struct cidx_profile_row prof_rows[] = {
	{ "人才", "Talent", 0, 72.5, 50.1 },
	{ "高校在校生数", "University students", 1, 80.2, 45.0 },
	{ "研发经费投入强度", "R&D intensity", 1, NAN, 49.0 },
	{ "资本", "Capital", 0, 38.8, 40.2 },
	{ "风险投资额", "Venture capital", 1, 35.5, NAN },
};
static struct cidx_profile prof;
static struct cidx_geom *geoms[NN];
static struct cidx_map_unit map_u[NN];
static struct cidx_map map;
static struct cidx_uncert_unit unc_u[NN];
static struct cidx_uncert unc;
static const int trend_years[] = { 2013, 2014, 2016, 2017 };
static int trend_rank[NN * 4];
static struct cidx_trend_unit trend_u[NN];
static struct cidx_trend trend;

static void
setup(void)
{
	static const char *const wkt[] = {
		"POLYGON ((116 39, 117.5 39, 117.5 41, 116 41, 116 39))",
		"POLYGON ((121 30.7, 122 30.7, 122 31.8, 121 31.8, 121 30.7))",
		"MULTIPOLYGON (((113.7 22.4, 114.6 22.4, 114.6 22.9, 113.7 22.9,"
		    " 113.7 22.4)), ((114.7 22.5, 114.9 22.5, 114.9 22.6,"
		    " 114.7 22.6, 114.7 22.5)))",
		NULL,
		"POLYGON ((82 36, 92 36, 92 43, 82 43, 82 36), (85 38, 86 38,"
		    " 86 39, 85 39, 85 38))",
		"POLYGON ((119 29.5, 120.7 29.5, 120.7 30.6, 119 30.6, 119 29.5))",
		NULL,
		"POLYGON ((103 30, 105 30, 105 31.4, 103 31.4, 103 30))",
	};
	struct cidx_err err = CIDX_ERR_INIT;
	static int done;

	if (done)
		return;
	done = 1;
	for (int i = 0; i < NN; i++) {
		double s = 95 - 10.5 * i, w[4] = { 0.4, 0.3, 0.2, 0.1 };

		tier_units[i].rank = i + 1;
		tier_units[i].name = names[i];
		tier_units[i].score = s;
		tier_units[i].tier = i < 2 ? 1 : i < 5 ? 2 : i < 7 ? 3 : 0;
		score[i] = 0;
		for (int j = 0; j < 4; j++) {
			contrib[i * 4 + j] = s * w[(i + j) % 4];
			score[i] += contrib[i * 4 + j];
		}
		movers_u[i].name = names[i];
		movers_u[i].rank_now = i + 1;
		movers_u[i].rank_before = i == 3 ? 0 : NN - i;
		movers_u[i].change = i == 3 ? 0 : NN - 2 * i - 1;
		movers_u[i].flag = i == 3 ? CIDX_MOVER_NEW_ENTRANT :
		    i >= 5 ? CIDX_MOVER_NONE : CIDX_MOVER_DARK_HORSE;
		if (wkt[i] != NULL)
			cidx_geom_parse_wkt(&geoms[i], wkt[i], NULL, &err);
		map_u[i].name = names[i];
		map_u[i].geom = geoms[i];
		map_u[i].tier = tier_units[i].tier;
		map_u[i].score = i == 7 ? NAN : s;
		unc_u[i].name = names[i];
		unc_u[i].rank = i + 1;
		unc_u[i].p05 = fmax(1, i + 1 - 1.5 * i);
		unc_u[i].p50 = i + 1.2;
		unc_u[i].p95 = i + 2 + i;
		/* a gap (unit 3 not ranked in 2014), one from far below */
		for (int y = 0; y < 4; y++)
			trend_rank[i * 4 + y] = i == 3 && y == 1 ? 0 :
			    i == 5 && y == 0 ? 60 : y == 3 ? i + 1 :
			    1 + (i + y * 3) % NN;
		trend_u[i].name = names[i];
		trend_u[i].rank = trend_rank + i * 4;
	}
	trend.years = trend_years;
	trend.n_years = 4;
	trend.units = trend_u;
	trend.n = NN;
	tiers.units = tier_units;
	tiers.n = NN;
	tiers.n_tiers = 3;
	pillars.names = names;
	pillars.n = NN;
	pillars.pillars = pillar_names;
	pillars.m = 4;
	pillars.contrib = contrib;
	pillars.score = score;
	movers.units = movers_u;
	movers.n = NN;
	movers.year_before = 2016;
	movers.year_now = 2017;
	{
		static const double r[16] = { 1, 0.62, -0.35, NAN, 0.62, 1,
			0.05, NAN, -0.35, 0.05, 1, NAN, NAN, NAN, NAN, NAN };

		memcpy(corr, r, sizeof(r));
	}
	heat.labels = names;
	heat.k = 4;
	heat.r = corr;
	prof.unit = "杭州";
	prof.rows = prof_rows;
	prof.n = sizeof(prof_rows) / sizeof(prof_rows[0]);
	map.units = map_u;
	map.n = NN;
	map.n_tiers = 3;
	unc.units = unc_u;
	unc.n = NN;
}

/* the test data of chart type t: every type of the table has some */
static struct cidx_chart
chart_of(const struct cidx_chart_type *t)
{
	static const struct cidx_chart data[] = {
		{ &cidx_chart_tiers, &tiers },
		{ &cidx_chart_pillars, &pillars },
		{ &cidx_chart_movers, &movers },
		{ &cidx_chart_heatmap, &heat },
		{ &cidx_chart_profile, &prof },
		{ &cidx_chart_map, &map },
		{ &cidx_chart_uncert, &unc },
		{ &cidx_chart_trend, &trend },
	};
	struct cidx_chart none = { t, NULL };

	setup();
	for (size_t i = 0; i < sizeof(data) / sizeof(data[0]); i++)
		if (data[i].type == t)
			return data[i];
	CHECK(!"a chart type without test data");
	return none;
}

#define TIERS (&cidx_chart_tiers)

/* ---- file helpers ---- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (fp == NULL)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			buf = realloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
same_bytes(const char *a, const char *b)
{
	size_t na = 0, nb = 0;
	char *x = slurp(a, &na), *y = slurp(b, &nb);
	int same = x != NULL && y != NULL && na == nb && na > 0 &&
	    memcmp(x, y, na) == 0;

	free(x);
	free(y);
	return same;
}

/* does the file's content (which may hold NULs) contain s? */
static int
file_has(const char *path, const char *s)
{
	size_t len = 0, n = strlen(s);
	char *b = slurp(path, &len);
	int found = 0;

	for (size_t i = 0; b != NULL && i + n <= len && !found; i++)
		found = memcmp(b + i, s, n) == 0;
	free(b);
	return found;
}

static int
have(const char *tool)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* the output of a command, NUL-terminated (caller frees) */
static char *
run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *buf;
	size_t n = 0, cap = 65536, got;

	if (p == NULL)
		return NULL;
	buf = malloc(cap + 1);
	while ((got = fread(buf + n, 1, cap - n, p)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	buf[n] = '\0';
	pclose(p);
	return buf;
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static int
write_chart(const struct cidx_chart_type *t, const char *file, double w,
    double h, double dpi, enum cidx_plot_lang lang, struct cidx_err *err)
{
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_chart c = chart_of(t);
	char path[256];

	o.path = path_of(path, sizeof(path), file);
	o.width = w;
	o.height = h;
	o.dpi = dpi;
	o.lang = lang;
	o.title = lang == CIDX_LANG_EN ? "Innovation index 2017" :
	    "2017年城市双创指数";
	o.subtitle = "TOP8";
	o.footer = lang == CIDX_LANG_EN ? "Source: test data" :
	    "数据来源：测试数据";
	return cidx_plot_write(&c, &o, err);
}

/* ---- palettes and layout helpers ---- */

void
test_plot__tier_lightness_falls_to_tier_1(void)
{
	/* greyscale print must keep the order: L* strictly rises from tier
	 * 1 (darkest) to tier k, and untiered grey is lighter than all */
	for (int k = 1; k <= 9; k++) {
		double prev = -1,
		    untiered = cidx_pal_lstar(cidx_pal_tier(0, k));

		for (int t = 1; t <= k; t++) {
			double l = cidx_pal_lstar(cidx_pal_tier(t, k));

			if (t > 1 && k <= 7)
				CHECK(l - prev >= 8);
			CHECK(l > prev);
			CHECK(l < untiered - 5);
			prev = l;
		}
	}
	CHECK_DBL(cidx_pal_lstar(cidx_pal_hex(0xffffff)), 100, 1e-6);
	CHECK_DBL(cidx_pal_lstar(cidx_pal_hex(0x000000)), 0, 1e-6);
	/* white text on the darkest tier, black on the lightest */
	CHECK_DBL(cidx_pal_text_on(cidx_pal_tier(1, 3)).r, 1, 0);
	CHECK_DBL(cidx_pal_text_on(cidx_pal_tier(3, 3)).r, 0, 0);
	/* the diverging scale is white at 0, red below, blue above */
	CHECK_DBL(cidx_pal_div(0).r, 1, 1e-12);
	CHECK_DBL(cidx_pal_div(0).b, 1, 1e-12);
	CHECK(cidx_pal_div(-1).r > cidx_pal_div(-1).b);
	CHECK(cidx_pal_div(1).b > cidx_pal_div(1).r);
}

void
test_plot__labels_spread_apart_in_order(void)
{
	double y[] = { 10, 11, 12, 13, 50, 95, 99 }, h = 5;
	size_t n = sizeof(y) / sizeof(y[0]);

	cidx_plot_spread(y, n, h, 0, 100);
	for (size_t i = 1; i < n; i++)
		CHECK(y[i] - y[i - 1] >= h - 1e-9);
	CHECK(y[0] >= h / 2 - 1e-9);
	CHECK(y[n - 1] <= 100 - h / 2 + 1e-9);
	/* the cluster of four centres on its mean, 11.5 */
	CHECK_DBL((y[0] + y[3]) / 2, 11.5, 1e-9);
	CHECK_DBL(y[4], 50, 1e-9);	/* a lone label does not move */

	/* labels that do not collide stay put */
	{
		double z[] = { 5, 20, 40 };

		cidx_plot_spread(z, 3, 5, 0, 100);
		CHECK_DBL(z[0], 5, 0);
		CHECK_DBL(z[1], 20, 0);
		CHECK_DBL(z[2], 40, 0);
	}
}

void
test_plot__nice_ticks(void)
{
	struct ticks tk;

	cidx_plot_ticks(0, 95, 5, &tk);
	CHECK_DBL(tk.lo, 0, 0);
	CHECK_DBL(tk.hi, 100, 1e-9);
	CHECK_DBL(tk.step, 20, 1e-9);
	CHECK_INT(tk.n, 6);
	CHECK_INT(tk.dec, 0);
	cidx_plot_ticks(-0.37, 0.81, 5, &tk);
	CHECK_DBL(tk.lo, -0.4, 1e-9);
	CHECK_DBL(tk.hi, 1.0, 1e-9);
	CHECK_INT(tk.dec, 1);
}

/* rows in order of key, then tie, then their index, whatever order they
 * come in: the sort keeps no state between calls */
void
test_plot__rows_in_order_of_key_tie_and_index(void)
{
	struct cidx_plot_row r[] = {
		{ 2, 0, 0 }, { 1, 5, 1 }, { 1, 5, 2 }, { 1, 3, 3 }, { -1, 9, 4 },
		{ 2, 0, 5 },
	};
	static const size_t want[] = { 4, 3, 1, 2, 0, 5 };
	size_t *ord = cidx_plot_order(r, 6), *none;

	for (size_t i = 0; i < 6; i++)
		CHECK_INT(ord[i], want[i]);
	free(ord);
	none = cidx_plot_order(NULL, 0);
	CHECK(none != NULL);
	free(none);
}

void
test_plot__table_columns_fit_and_keep_narrow_ones(void)
{
	/* rank, a long name, three numbers: only the name is cut */
	double w[] = { 30, 400, 50, 50, 50 }, sum = 0;

	cidx_doc_col_widths(w, 5, 495);
	for (int j = 0; j < 5; j++)
		sum += w[j];
	CHECK_DBL(sum, 495, 1e-9);
	CHECK_DBL(w[0], 30, 0);
	CHECK_DBL(w[2], 50, 0);
	CHECK_DBL(w[1], 495 - 180, 1e-9);
	/* two long columns share the room equally */
	{
		double v[] = { 30, 400, 300 };

		cidx_doc_col_widths(v, 3, 330);
		CHECK_DBL(v[0], 30, 0);
		CHECK_DBL(v[1], 150, 1e-9);
		CHECK_DBL(v[2], 150, 1e-9);
	}
}

/* ---- files ---- */

void
test_plot__every_chart_to_pdf_png_svg(void)
{
	int xml = have("xmllint");

	if (tmp_begin() < 0)
		return;
	for (size_t t = 0; cidx_chart_types[t] != NULL; t++) {
		const struct cidx_chart_type *type = cidx_chart_types[t];
		struct cidx_err err = CIDX_ERR_INIT;
		char file[64], path[256], cmd[400];
		unsigned char *b;
		size_t len = 0;
		int rc;

		/* PNG: 400 x 300 pt at 144 dpi is 800 x 600 pixels */
		snprintf(file, sizeof(file), "%s.png", type->name);
		rc = write_chart(type, file, 400, 300, 144, CIDX_LANG_ZH, &err);
		CHECK_INT(rc, 0);
		if (rc < 0)
			fprintf(stderr, "%s: %s\n", file, err.msg);
		b = (unsigned char *)slurp(path_of(path, sizeof(path), file),
		    &len);
		CHECK(b != NULL && len > 33);
		if (b != NULL && len > 33) {
			CHECK(memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0);
			CHECK(memcmp(b + 12, "IHDR", 4) == 0);
			CHECK_INT(be32(b + 16), 800);
			CHECK_INT(be32(b + 20), 600);
		}
		free(b);
		/* the default dpi, 150, and a size that rounds: 333.3 pt */
		rc = write_chart(type, file, 333.3, 200, 0, CIDX_LANG_EN, &err);
		b = (unsigned char *)slurp(path, &len);
		CHECK(rc == 0 && b != NULL && len > 33);
		if (b != NULL && len > 33) {
			CHECK_INT(be32(b + 16), 694);	/* 694.375 */
			CHECK_INT(be32(b + 20), 417);	/* 416.67 */
		}
		free(b);

		snprintf(file, sizeof(file), "%s.pdf", type->name);
		CHECK_INT(write_chart(type, file, 0, 0, 0, CIDX_LANG_ZH,
		    &err), 0);
		b = (unsigned char *)slurp(path_of(path, sizeof(path), file),
		    &len);
		CHECK(b != NULL && len > 1000 && memcmp(b, "%PDF-", 5) == 0);
		free(b);

		snprintf(file, sizeof(file), "%s.SVG", type->name);
		CHECK_INT(write_chart(type, file, 0, 0, 0, CIDX_LANG_EN,
		    &err), 0);
		b = (unsigned char *)slurp(path_of(path, sizeof(path), file),
		    &len);
		CHECK(b != NULL && strstr((char *)b, "<svg") != NULL);
		free(b);
		if (xml) {
			snprintf(cmd, sizeof(cmd), "xmllint --noout '%s' "
			    "2>/dev/null", path);
			CHECK(system(cmd) == 0);
		}
	}
	tmp_end();
}

void
test_plot__same_inputs_same_bytes(void)
{
	static const char *const ext[] = { "pdf", "png", "svg" };
	const char *old = getenv("SOURCE_DATE_EPOCH");
	char *saved = old ? strdup(old) : NULL;

	if (tmp_begin() < 0)
		return;
	unsetenv("SOURCE_DATE_EPOCH");
	for (size_t t = 0; cidx_chart_types[t] != NULL; t++) {
		for (int e = 0; e < 3; e++) {
			struct cidx_err err = CIDX_ERR_INIT;
			char f1[64], f2[64], p1[256], p2[256];

			snprintf(f1, sizeof(f1), "a.%s", ext[e]);
			snprintf(f2, sizeof(f2), "b.%s", ext[e]);
			double dpi = e == 1 ? 72 : 0;  /* --dpi: PNG only */

			CHECK_INT(write_chart(cidx_chart_types[t], f1, 300,
			    240, dpi, CIDX_LANG_ZH, &err), 0);
			CHECK_INT(write_chart(cidx_chart_types[t], f2, 300,
			    240, dpi, CIDX_LANG_ZH, &err), 0);
			CHECK(same_bytes(path_of(p1, sizeof(p1), f1),
			    path_of(p2, sizeof(p2), f2)));
		}
	}
	/* the PDF dates: fixed, or SOURCE_DATE_EPOCH's (2017-09-21 13:20) */
	{
		struct cidx_err err = CIDX_ERR_INIT;
		char p[256], q[256];

		CHECK_INT(write_chart(TIERS, "c.pdf", 0, 0, 0, 0, &err), 0);
		path_of(p, sizeof(p), "c.pdf");
		CHECK(file_has(p, "/CreationDate (19700101000000Z)"));
		CHECK(file_has(p, "/ModDate (19700101000000Z)"));
		setenv("SOURCE_DATE_EPOCH", "1506000000", 1);
		CHECK_INT(write_chart(TIERS, "c.pdf", 0, 0, 0, 0, &err), 0);
		CHECK_INT(write_chart(TIERS, "d.pdf", 0, 0, 0, 0, &err), 0);
		CHECK(file_has(p, "/CreationDate (20170921132000Z)"));
		CHECK(file_has(p, "/ModDate (20170921132000Z)"));
		CHECK(!file_has(p, "19700101"));
		CHECK(same_bytes(p, path_of(q, sizeof(q), "d.pdf")));
		setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
		CHECK_INT(write_chart(TIERS, "e.pdf", 0, 0, 0, 0, &err),
		    CIDX_EINVAL);
		CHECK(strstr(err.msg, "SOURCE_DATE_EPOCH") != NULL);
		CHECK(access(path_of(p, sizeof(p), "e.pdf"), F_OK) != 0);
	}
	if (saved != NULL)
		setenv("SOURCE_DATE_EPOCH", saved, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	free(saved);
	tmp_end();
}

void
test_plot__errors_name_the_path(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_chart c = chart_of(TIERS);
	struct cidx_tier_unit bad[2];
	struct cidx_tiers bt = { bad, 2, 0, 0, NULL };
	char p[256], full[256];

	if (tmp_begin() < 0)
		return;
	o.path = path_of(p, sizeof(p), "chart.jpg");
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, p) != NULL && strstr(err.msg, ".jpg") != NULL);
	o.path = path_of(p, sizeof(p), "chart");
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, "extension") != NULL);

	o.path = "/nonexistent-cityidx-dir/chart.pdf";
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EIO);
	CHECK(strstr(err.msg, o.path) != NULL);

	/* a write that fails when the data reach the disk */
	if (access("/dev/full", W_OK) == 0) {
		path_of(full, sizeof(full), "full.pdf");
		CHECK(symlink("/dev/full", full) == 0);
		o.path = full;
		CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EIO);
		CHECK(strstr(err.msg, full) != NULL);
		unlink(full);
	}

	/* bad data: nothing is written */
	bad[0].rank = 1;
	bad[0].name = "北京";
	bad[0].score = NAN;
	bad[0].tier = 1;
	bad[1] = bad[0];
	c.data = &bt;
	o.path = path_of(p, sizeof(p), "nan.png");
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, "北京") != NULL);
	CHECK(access(p, F_OK) != 0);

	/* a family fontconfig does not have */
	c = chart_of(TIERS);
	o.font = "No Such Font Family 42";
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, "No Such Font Family 42") != NULL);
	CHECK(access(p, F_OK) != 0);

	/* a name in another encoding (GBK 北京) is refused, not drawn */
	bad[0].score = 1;
	bad[1].score = 2;
	bad[1].name = "\xb1\xb1\xbe\xa9";
	c.data = &bt;
	o.font = NULL;
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK(strstr(err.msg, "unit 2") != NULL &&
	    strstr(err.msg, "UTF-8") != NULL);

	/* contributions that do not add up to the score */
	{
		struct cidx_pillars pb = pillars;
		double s2[NN];

		memcpy(s2, score, sizeof(s2));
		s2[2] += 1;
		pb.score = s2;
		c.type = &cidx_chart_pillars;
		c.data = &pb;
		o.font = NULL;
		CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
		CHECK(strstr(err.msg, "深圳") != NULL);
	}
	tmp_end();
}

void
test_plot__draws_only_inside_its_rectangle(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_rect r = { 100, 50, 300, 200 };
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    500, 300);
	cairo_t *cr = cairo_create(s);
	int outside = 0, inside = 0;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	for (size_t t = 0; cidx_chart_types[t] != NULL; t++) {
		struct cidx_chart c = chart_of(cidx_chart_types[t]);

		CHECK_INT(cidx_plot_draw(cr, &r, &c, NULL, &err), 0);
	}
	cairo_surface_flush(s);
	{
		unsigned char *px = cairo_image_surface_get_data(s);
		int stride = cairo_image_surface_get_stride(s);

		for (int y = 0; y < 300; y++)
			for (int x = 0; x < 500; x++) {
				uint32_t v = *(uint32_t *)(px + y * stride +
				    4 * x) & 0xffffff;
				int in = x >= 100 && x < 400 && y >= 50 &&
				    y < 250;

				if (v != 0xffffff && !in)
					outside++;
				if (v != 0xffffff && in)
					inside++;
			}
	}
	CHECK_INT(outside, 0);
	CHECK(inside > 1000);
	/* the caller's state is restored */
	CHECK_INT(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	{
		double x0, y0, x1, y1;

		cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
		CHECK_DBL(x1 - x0, 500, 0);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

void
test_plot__pdf_text_has_names_scores_and_the_font(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char p[256], cmd[400], *txt;

	if (!have("pdftotext") || !have("pdffonts") || tmp_begin() < 0)
		return;
	CHECK_INT(write_chart(TIERS, "t.pdf", 0, 0, 0, CIDX_LANG_ZH,
	    &err), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' -",
	    path_of(p, sizeof(p), "t.pdf"));
	txt = run(cmd);
	CHECK(txt != NULL);
	if (txt != NULL) {
		CHECK(strstr(txt, "北京") != NULL);
		CHECK(strstr(txt, "巴音郭楞蒙古自治州") != NULL);
		CHECK(strstr(txt, "Inner London - West, Westminster and "
		    "Camden") != NULL);
		CHECK(strstr(txt, "95.00") != NULL);
		CHECK(strstr(txt, "21.50") != NULL);
		CHECK(strstr(txt, "第一梯队") != NULL);
		CHECK(strstr(txt, "2017年城市双创指数") != NULL);
	}
	free(txt);
	snprintf(cmd, sizeof(cmd), "pdffonts '%s'", p);
	txt = run(cmd);
	CHECK(txt != NULL && strstr(txt, "NotoSansCJK") != NULL);
	if (txt != NULL) {
		/* each line of the list: name type encoding emb sub uni */
		for (char *l = strstr(txt, "NotoSansCJK"); l != NULL;
		    l = strstr(l + 1, "NotoSansCJK")) {
			char *eol = strchr(l, '\n');

			if (eol != NULL)
				*eol = '\0';
			CHECK(strstr(l, " yes yes yes ") != NULL);
			if (eol != NULL)
				*eol = '\n';
		}
	}
	free(txt);

	tmp_end();
}

void
test_plot__long_labels_are_cut_to_their_width(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	cairo_surface_t *s = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	struct ptext t;
	double full;

	CHECK_INT(cidx_ptext_open(&t, cr, NULL, CIDX_LANG_EN, &err), 0);
	cidx_ptext_font(&t, 8, 0, 0);
	full = cidx_ptext_measure(&t, names[3]);
	CHECK(full > 120);
	cidx_ptext_line(&t, names[3], 80);
	CHECK(cidx_ptext_w(&t) <= 80);
	CHECK(cidx_ptext_w(&t) > 60);
	cidx_ptext_line(&t, names[4], 40);	/* 巴音郭楞蒙古自治州 */
	CHECK(cidx_ptext_w(&t) <= 40);
	cidx_ptext_line(&t, "北京", 80);	/* short: untouched */
	CHECK_DBL(cidx_ptext_w(&t), cidx_ptext_measure(&t, "北京"), 1e-9);
	cidx_ptext_close(&t);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* text that is not UTF-8 reaches pango as U+FFFD, one per maximal
 * subpart of a bad sequence (not one per byte, as glib's repair does) */
void
test_plot__bad_utf8_is_drawn_as_replacement_characters(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	cairo_surface_t *s = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	struct ptext t;

	CHECK_INT(cidx_ptext_open(&t, cr, NULL, CIDX_LANG_EN, &err), 0);
	cidx_ptext_line(&t, "a\xe4\xb8" "b\xff", 0);
	CHECK_STR(pango_layout_get_text(t.lay),
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	cidx_ptext_wrap(&t, "\xf0\x9f\x8f\xed\xa0\x80北京", 100, 2);
	CHECK_STR(pango_layout_get_text(t.lay), "\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd北京");
	CHECK(cidx_ptext_w(&t) > 0);
	cidx_ptext_close(&t);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* is any pixel of a binary PGM (pdftoppm -gray) darker than near-white? */
static int
pgm_inked(const char *path)
{
	size_t len = 0, i = 0;
	char *b = slurp(path, &len);
	int fields = 0, ink = 0;

	if (b == NULL || len < 2 || b[0] != 'P' || b[1] != '5') {
		free(b);
		return -1;
	}
	/* header: P5 width height maxval, then one byte */
	for (i = 2; i < len && fields < 3; i++) {
		if (b[i] == '#')
			while (i < len && b[i] != '\n')
				i++;
		else if (b[i] >= '0' && b[i] <= '9' &&
		    (b[i + 1] < '0' || b[i + 1] > '9'))
			fields++;
	}
	for (i++; i < len && !ink; i++)
		ink = (unsigned char)b[i] < 200;
	free(b);
	return ink;
}

static int
make_report(const char *file, struct cidx_err *err)
{
	static char cells[290][4][48];
	static const char *cp[290 * 4];
	static const struct cidx_doc_col cols[] = {
		{ "排名", CIDX_ALIGN_RIGHT }, { "城市 unit", CIDX_ALIGN_LEFT },
		{ "指数", CIDX_ALIGN_RIGHT }, { "梯队", CIDX_ALIGN_LEFT },
	};
	static const struct cidx_doc_para method[] = {
		{ CIDX_PARA_TEXT, "本指数由人才、市场、环境、资本四项分指数构成，"
		    "各指标经极差标准化后等权合成。The index combines four "
		    "pillars with equal weights." },
		{ CIDX_PARA_FORMULA, "x' = (x - min) / (max - min) × 100" },
		{ CIDX_PARA_HEADING, "梯队 Tiers" },
		{ CIDX_PARA_TEXT, "梯队按自然断点划分。" },
	};
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_doc *doc = NULL;
	struct cidx_chart c = chart_of(TIERS);
	char p[256];
	int rc;

	for (int i = 0; i < 290; i++) {
		snprintf(cells[i][0], 48, "%d", i + 1);
		snprintf(cells[i][1], 48, "%s", names[i % NN]);
		snprintf(cells[i][2], 48, "%.2f", 95 - i * 0.25);
		snprintf(cells[i][3], 48, "%s", i < 10 ? "第一梯队" : "第二梯队");
		for (int j = 0; j < 4; j++)
			cp[i * 4 + j] = cells[i][j];
	}
	o.footer = "数据来源：测试数据 Source: test data";
	o.title = "测试报告";
	if ((rc = cidx_doc_open(&doc, path_of(p, sizeof(p), file), &o,
	    err)) < 0)
		return rc;
	if ((rc = cidx_doc_title_page(doc, "2017年中国城市双创指数",
	    "方法与结果", "第一版 2017年11月", method, 4, err)) < 0 ||
	    (rc = cidx_doc_text(doc, "一、方法", method, 4, err)) < 0 ||
	    (rc = cidx_doc_table(doc, "表1 排名", cols, 4, cp, 290,
	    err)) < 0 ||
	    (rc = cidx_doc_chart(doc, &c, "图1 TOP8", "数据来源：测试数据",
	    err)) < 0) {
		cidx_doc_close(doc, NULL);
		return rc;
	}
	for (size_t t = 1; cidx_chart_types[t] != NULL; t++) {
		c = chart_of(cidx_chart_types[t]);
		if ((rc = cidx_doc_chart(doc, &c, cidx_chart_types[t]->name,
		    NULL, err)) < 0) {
			cidx_doc_close(doc, NULL);
			return rc;
		}
	}
	return cidx_doc_close(doc, err);
}

void
test_plot__report_pages(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char p[256], cmd[600], *txt, *page;
	int pages = 0, charts = 0;

	if (tmp_begin() < 0)
		return;
	while (cidx_chart_types[charts] != NULL)
		charts++;
	CHECK_INT(make_report("r.pdf", &err), 0);
	CHECK_INT(make_report("s.pdf", &err), 0);
	CHECK(same_bytes(path_of(p, sizeof(p), "r.pdf"),
	    path_of(cmd, sizeof(cmd), "s.pdf")));
	if (!have("pdfinfo") || !have("pdftoppm") || !have("pdftotext")) {
		tmp_end();
		return;
	}
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s'", path_of(p, sizeof(p),
	    "r.pdf"));
	txt = run(cmd);
	if (txt != NULL && strstr(txt, "Pages:") != NULL)
		pages = atoi(strstr(txt, "Pages:") + 6);
	CHECK(txt != NULL && strstr(txt, "595 x 842 pts") != NULL);
	free(txt);
	/* title, text, 290 rows at about 45 a page, then a page for every
	 * chart type */
	CHECK(pages >= 2 + 6 + charts && pages <= 2 + 8 + charts);

	/* every page has ink, and its number "i / n" */
	snprintf(cmd, sizeof(cmd), "pdftoppm -gray -r 30 '%s' '%s/pg'", p,
	    tmpdir);
	CHECK(system(cmd) == 0);
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - | "
	    "tr -d ' \\n'", p);
	page = txt = run(cmd);
	CHECK(txt != NULL);
	for (int i = 1; i <= pages && page != NULL; i++) {
		char pg[300], want[32], *ff = strchr(page, '\f');

		if (ff != NULL)
			*ff = '\0';
		snprintf(pg, sizeof(pg), "%s/pg-%0*d.pgm", tmpdir,
		    pages >= 10 ? 2 : 1, i);
		CHECK_INT(pgm_inked(pg), 1);
		unlink(pg);
		snprintf(want, sizeof(want), "%d/%d", i, pages);
		CHECK(strstr(page, want) != NULL);
		/* the table's header is repeated on each of its pages */
		if (i >= 3 && i <= pages - charts)
			CHECK(strstr(page, "排名城市unit指数梯队") != NULL);
		if (ff == NULL)
			break;
		page = ff + 1;
	}
	free(txt);
	tmp_end();
}

void
test_plot__report_errors(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_doc *doc = NULL;
	char p[256];

	if (tmp_begin() < 0)
		return;
	CHECK_INT(cidx_doc_open(&doc, path_of(p, sizeof(p), "r.png"), NULL,
	    &err), CIDX_EINVAL);
	CHECK(doc == NULL && strstr(err.msg, p) != NULL);
	CHECK_INT(cidx_doc_open(&doc, "/nonexistent-cityidx-dir/r.pdf", NULL,
	    &err), CIDX_EIO);
	CHECK(strstr(err.msg, "/nonexistent-cityidx-dir/r.pdf") != NULL);
	CHECK_INT(cidx_doc_close(NULL, &err), 0);

	/* a failed call adds no page; a failed write at close is EIO */
	if (access("/dev/full", W_OK) == 0) {
		struct cidx_chart c = chart_of(TIERS);
		struct cidx_tiers bad = tiers;

		path_of(p, sizeof(p), "full.pdf");
		CHECK(symlink("/dev/full", p) == 0);
		CHECK_INT(cidx_doc_open(&doc, p, NULL, &err), 0);
		CHECK_INT(cidx_doc_chart(doc, &c, "ok", NULL, &err), 0);
		bad.n_tiers = 1;	/* units have tiers up to 3 */
		c.data = &bad;
		CHECK_INT(cidx_doc_chart(doc, &c, "bad", NULL, &err),
		    CIDX_EINVAL);
		CHECK_INT(cidx_doc_pages(doc), 1);
		CHECK_INT(cidx_doc_close(doc, &err), CIDX_EIO);
		CHECK(strstr(err.msg, p) != NULL);
		unlink(p);
	}
	tmp_end();
}

/* 300 boundaries of 400 points each, as a city map would have */
void
test_plot__map_of_300_units(void)
{
	enum { N = 300, P = 400 };
	struct cidx_map_unit *u = calloc(N, sizeof(*u));
	struct cidx_geom **g = calloc(N, sizeof(*g));
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_map m = { 0 };
	struct cidx_chart mc = { &cidx_chart_map, &m };
	char (*nm)[32] = calloc(N, sizeof(*nm)), p[256];

	if (tmp_begin() < 0)
		return;
	for (int i = 0; i < N; i++) {
		double cx = 80 + (i % 20) * 2.7, cy = 20 + (i / 20) * 2.2;
		struct sbuf sb = SBUF_INIT;

		cidx_sbuf_adds(&sb, "POLYGON ((");
		for (int k = 0; k <= P; k++) {
			double a = 2 * PLOT_PI * (k % P) / P;
			double r = 1 + 0.15 * sin(7 * a + i);

			cidx_sbuf_addf(&sb, "%s%.5f %.5f", k ? ", " : "",
			    cx + r * cos(a), cy + r * sin(a));
		}
		cidx_sbuf_adds(&sb, "))");
		CHECK_INT(cidx_geom_parse_wkt(&g[i], sb.buf, NULL, &err), 0);
		cidx_sbuf_release(&sb);
		snprintf(nm[i], sizeof(nm[i]), "城市%d", i + 1);
		u[i].name = nm[i];
		u[i].geom = i == 17 ? NULL : g[i];
		u[i].tier = i < 10 ? 1 : i < 50 ? 2 : i < 150 ? 3 : 0;
		u[i].score = i == 3 ? NAN : 100 - i * 0.3;
	}
	m.units = u;
	m.n = N;
	o.path = path_of(p, sizeof(p), "m.png");
	CHECK_INT(cidx_plot_write(&mc, &o, &err), 0);
	m.fill = CIDX_MAP_SCORE;
	o.path = path_of(p, sizeof(p), "m.pdf");
	o.lang = CIDX_LANG_EN;
	CHECK_INT(cidx_plot_write(&mc, &o, &err), 0);
	if (have("pdftotext")) {
		char cmd[400], *txt;

		snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' -", p);
		txt = run(cmd);
		CHECK(txt != NULL && strstr(txt, "no boundary (1): 城市18")
		    != NULL);
		free(txt);
	}
	for (int i = 0; i < N; i++)
		cidx_geom_free(g[i]);
	free(g);
	free(u);
	free(nm);
	tmp_end();
}

/*
 * Last in the file, so last of the plot tests: release pango's and cairo's
 * process-wide caches for the leak checker of `make check-asan`, after
 * showing that the layer loads its fonts again after a shutdown.
 */
void
test_plot__shutdown_then_draw_again(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (tmp_begin() < 0)
		return;
	cidx_plot_shutdown();
	CHECK_INT(write_chart(TIERS, "again.pdf", 0, 0, 0,
	    CIDX_LANG_ZH, &err), 0);
	cidx_plot_shutdown();
	tmp_end();
}

/*
 * pango's fontconfig thread may hold the last reference to the font map
 * when a chart is drawn quickly; a shutdown then raced it and cairo
 * aborted on a font cache still in use (about one run in ten of a tiny
 * chart, more under load).  Many quick charts, each followed by a
 * shutdown: none may abort.
 */
void
test_plot__shutdown_after_a_quick_chart(void)
{
	struct cidx_err err = CIDX_ERR_INIT;

	if (tmp_begin() < 0)
		return;
	for (int i = 0; i < 150; i++) {
		CHECK_INT(write_chart(TIERS, "quick.png", 72, 72,
		    10, CIDX_LANG_ZH, &err), 0);
		cidx_plot_shutdown();
	}
	tmp_end();
}

/*
 * Leaks inside the libraries that no call can release: fontconfig's parse
 * of its configuration, and 768 bytes cairo 1.16 loses per finished PDF
 * surface.  The sanitizer runtime of the check-asan build reads these
 * hooks.  Suppressing by function needs whole stacks: with the default
 * fast unwinding a stack stops at the first frame in a library built
 * without frame pointers, and only a whole-library suppression would
 * match, which would hide our own lost cairo objects too.
 */
const char *__lsan_default_suppressions(void);
const char *__asan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:FcInitLoadConfigAndFonts\n"
	    "leak:cairo_surface_finish\n";
}

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

/* a name too wide for its column wraps (up to 3 lines), it is not cut;
 * only a longer one is (issue 16 §2) */
void
test_plot__doc_table_wraps_names(void)
{
	struct cidx_doc_col cols[7];
	const char *cells[2 * 7];
	char huge[2000];
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_doc *doc = NULL;
	char p[256];

	if (tmp_begin() < 0)
		return;
	for (int j = 0; j < 7; j++) {
		cols[j].header = j == 1 ? "name" : "value";
		cols[j].align = j == 1 ? CIDX_ALIGN_LEFT : CIDX_ALIGN_RIGHT;
		cells[j] = cells[7 + j] = "1234567.89";
	}
	huge[0] = '\0';
	for (int k = 0; k < 60; k++)
		strcat(huge, "Herefordshire, Worcestershire ");
	cells[1] = "Berkshire, Buckinghamshire and Oxfordshire";
	cells[7 + 1] = huge;
	CHECK_INT(cidx_doc_open(&doc, path_of(p, sizeof(p), "w.pdf"), NULL,
	    &err), 0);
	if (doc == NULL) {
		tmp_end();
		return;
	}
	CHECK_INT(cidx_doc_table(doc, NULL, cols, 7, cells, 1, &err), 0);
	CHECK_INT(cidx_doc_cut_cells(doc), 0);
	CHECK_INT(cidx_doc_table(doc, NULL, cols, 7, cells + 7, 1, &err), 0);
	CHECK_INT(cidx_doc_cut_cells(doc), 1);
	CHECK_INT(cidx_doc_close(doc, &err), 0);
	tmp_end();
}

/* the heatmap of scores (units by indicator, grouped by pillar), and
 * pages cut to what the heatmaps draw (issue 16 §3) */
void
test_plot__score_heatmap_fits_its_page(void)
{
	static const char *const cols[] = { "高校在校生数", "R&D intensity",
		"风险投资额", "Venture capital deals" };
	static const size_t group[] = { 0, 0, 1, 1 };
	static const int rank[NN] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	double v[NN * 4];
	struct cidx_heatmap sc = { 0 };
	struct cidx_chart c = { &cidx_chart_heatmap, &sc };
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char path[256];
	unsigned char *b;
	size_t len = 0;

	if (tmp_begin() < 0)
		return;
	setup();
	for (size_t i = 0; i < NN * 4; i++)
		v[i] = i == 5 ? NAN : (double)((i * 37) % 101);
	sc.labels = names;
	sc.k = NN;
	sc.r = v;
	sc.cols = cols;
	sc.m = 4;
	sc.rank = rank;
	sc.group = group;
	sc.group_names = pillar_names;
	for (int lang = 0; lang < 2; lang++) {
		o.path = path_of(path, sizeof(path), lang ? "s-en.png" :
		    "s-zh.png");
		o.lang = lang ? CIDX_LANG_EN : CIDX_LANG_ZH;
		o.title = "scores";
		CHECK_INT(cidx_plot_write(&c, &o, &err), 0);
		b = (unsigned char *)slurp(path, &len);
		CHECK(b != NULL && len > 33);
		/* 540 pt wide; cut from 392 pt, the default for 8 rows */
		if (b != NULL && len > 33) {
			CHECK_INT(be32(b + 16), 1125);
			CHECK(be32(b + 20) < 392 * 150 / 72);
			CHECK(be32(b + 20) > 150 * 150 / 72);
		}
		free(b);
	}
	/* a group that goes back is refused */
	sc.group = (const size_t[]){ 1, 0, 0, 1 };
	CHECK_INT(cidx_plot_write(&c, &o, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "groups must not decrease");
	/* a correlation matrix of 4 is cut too (600 pt by default) */
	c.data = &heat;
	o.path = path_of(path, sizeof(path), "corr.png");
	CHECK_INT(cidx_plot_write(&c, &o, &err), 0);
	b = (unsigned char *)slurp(path, &len);
	if (b != NULL && len > 33)
		CHECK(be32(b + 20) < 600 * 150 / 72 - 50);
	free(b);
	/* a height given is kept */
	o.height = 600;
	CHECK_INT(cidx_plot_write(&c, &o, &err), 0);
	b = (unsigned char *)slurp(path, &len);
	if (b != NULL && len > 33)
		CHECK_INT(be32(b + 20), 1250);
	free(b);
	tmp_end();
}
