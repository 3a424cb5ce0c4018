/* plot: the map's views, labels and base layers */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geom.h"
#include "plot/map_int.h"
#include "plot/plot.h"
#include "fixture.h"
#include "runner.h"

static struct cidx_geom *
wkt(const char *s, unsigned accept)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_geom *g = NULL;

	if (cidx_geom_parse(&g, s, accept, NULL, &err) != 0)
		runner_fail(__FILE__, __LINE__, "'%s': %s", s, err.msg);
	return g;
}

/*
 * Twelve anchors crowded into 12 x 12 pt (a delta of cities), markers of
 * radius 5: no two markers overlap, none covers another's anchor, all
 * stay in the area and out of the box to avoid; the first, alone at its
 * place, stays on its anchor.
 */
void
test_map__labels_never_overlap(void)
{
	struct cidx_rect area = { 0, 0, 200, 150 }, avoid = { 150, 100, 50,
		50 };
	struct mlabel l[13];
	double r = 5;

	memset(l, 0, sizeof(l));
	l[0].ax = 20;
	l[0].ay = 20;
	for (int i = 1; i < 13; i++) {
		l[i].ax = 140 + (i % 4) * 4;
		l[i].ay = 90 + (i / 4) * 4;
		l[i].rank = i + 1;
	}
	cidx_map_place(l, 13, r, &area, &avoid);
	CHECK_DBL(l[0].x, 20, 0);
	CHECK_DBL(l[0].y, 20, 0);
	for (int i = 0; i < 13; i++) {
		CHECK(l[i].x - r >= area.x && l[i].x + r <= area.x + area.w);
		CHECK(l[i].y - r >= area.y && l[i].y + r <= area.y + area.h);
		CHECK(!(l[i].x + r > avoid.x && l[i].y + r > avoid.y));
		for (int j = 0; j < 13; j++) {
			if (j == i)
				continue;
			if (hypot(l[i].x - l[j].x, l[i].y - l[j].y) < 2 * r)
				runner_fail(__FILE__, __LINE__, "markers %d "
				    "and %d overlap", i, j);
			if (hypot(l[i].x - l[j].ax, l[i].y - l[j].ay) < r)
				runner_fail(__FILE__, __LINE__, "marker %d "
				    "covers anchor %d", i, j);
		}
	}
}

/*
 * The main map takes the parts that reach into its extent but leaves to
 * the inset those in the inset's window not wholly in the extent; the
 * inset takes what reaches into its window.
 */
void
test_map__views_share_the_parts(void)
{
	struct cidx_geom *g = wkt("MULTIPOLYGON (((100 30, 101 30, 101 31, "
	    "100 30)), ((110 19, 111 19, 111 20, 110 19)), ((112 16, 112.1 "
	    "16, 112.1 16.1, 112 16)), ((100 17, 120 17, 120 18.5, 100 17)))",
	    CIDX_GEOM_POLYGONS);
	struct mview mv, in;
	static const int main_takes[] = { 1, 1, 0, 1 };
	static const int inset_takes[] = { 0, 1, 1, 1 };

	memset(&mv, 0, sizeof(mv));
	memset(&in, 0, sizeof(in));
	if (g == NULL)
		return;
	/* extent from 18 N, the inset's window 106..123.5 E, 2.5..24.5 N */
	mv.win[0] = 73, mv.win[1] = 18, mv.win[2] = 136, mv.win[3] = 54;
	mv.away[0] = in.win[0] = 106, mv.away[1] = in.win[1] = 2.5;
	mv.away[2] = in.win[2] = 123.5, mv.away[3] = in.win[3] = 24.5;
	mv.has_win = mv.has_away = in.has_win = 1;
	for (size_t q = 0; q < 4; q++) {
		CHECK_INT(cidx_mview_takes(&mv, g, q), main_takes[q]);
		CHECK_INT(cidx_mview_takes(&in, g, q), inset_takes[q]);
	}
	cidx_geom_free(g);
}

static char *
text_of(const char *pdf)
{
	char cmd[400], *buf = calloc(1, 1 << 16);
	FILE *p;
	size_t n;

	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - 2>/dev/null",
	    pdf);
	if ((p = popen(cmd, "r")) == NULL)
		return buf;
	n = fread(buf, 1, (1 << 16) - 1, p);
	buf[n] = '\0';
	pclose(p);
	return buf;
}

/* a country with an outline, a province, an island, a line, an inset, an
 * extent and a credit; three units, the first two numbered */
void
test_map__base_layers_drawn(void)
{
	struct cidx_geom *g[7];
	struct cidx_map_unit u[3];
	struct cidx_map_layer l[7];
	struct cidx_map m;
	struct cidx_chart mc = { &cidx_chart_map, &m };
	struct cidx_plot_opts o = CIDX_PLOT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char p[256], *txt;

	if (tmp_begin() < 0)
		return;
	g[0] = wkt("POLYGON ((100 20, 104 20, 104 24, 100 24, 100 20))",
	    CIDX_GEOM_POLYGONS);
	g[1] = wkt("POLYGON ((104 20, 108 20, 108 24, 104 24, 104 20))",
	    CIDX_GEOM_POLYGONS);
	g[2] = wkt("POLYGON ((100 24, 108 24, 108 26, 100 26, 100 24), "
	    "(101 24.5, 102 24.5, 102 25, 101 24.5))", CIDX_GEOM_POLYGONS);
	g[3] = wkt("POLYGON ((99 19, 109 19, 109 27, 99 27, 99 19))",
	    CIDX_GEOM_POLYGONS);
	g[4] = wkt("LINESTRING (105 10, 106 8)", CIDX_GEOM_LINES);
	g[5] = wkt("POLYGON ((103 5, 110 5, 110 15, 103 15, 103 5))",
	    CIDX_GEOM_POLYGONS);
	g[6] = wkt("POLYGON ((98 18, 112 18, 112 28, 98 28, 98 18))",
	    CIDX_GEOM_POLYGONS);
	memset(u, 0, sizeof(u));
	memset(l, 0, sizeof(l));
	memset(&m, 0, sizeof(m));
	for (int i = 0; i < 3; i++) {
		static const char *const nm[] = { "甲市", "乙市", "丙市" };

		u[i].name = nm[i];
		u[i].geom = g[i];
		u[i].tier = i + 1;
		u[i].rank = i + 1;
		u[i].score = 90 - 10 * i;
	}
	u[2].no_data = 1;
	u[2].tier = 0;
	u[2].rank = 0;
	l[0].kind = CIDX_LAYER_OUTLINE, l[0].geom = g[3];
	l[1].kind = CIDX_LAYER_PROVINCE, l[1].geom = g[0];
	l[2].kind = CIDX_LAYER_ISLAND, l[2].geom = g[5];
	l[3].kind = CIDX_LAYER_LINE, l[3].geom = g[4];
	l[4].kind = CIDX_LAYER_INSET, l[4].geom = g[5], l[4].name = "附图";
	l[5].kind = CIDX_LAYER_EXTENT, l[5].geom = g[6];
	l[6].kind = CIDX_LAYER_CREDIT, l[6].name = "边界：示例数据";
	m.units = u;
	m.n = 3;
	m.n_tiers = 2;
	m.layers = l;
	m.n_layers = 7;
	m.labels = 2;
	m.note = "未排名：1个单位无数据。";
	o.path = path_of(p, sizeof(p), "layers.pdf");
	CHECK_INT(cidx_plot_write(&mc, &o, &err), 0);
	txt = text_of(p);
	CHECK_HAS(txt, "附图");
	CHECK_HAS(txt, "边界：示例数据");
	CHECK_HAS(txt, "未排名：1个单位无数据。");
	CHECK_HAS(txt, "无数据");
	CHECK_HAS(txt, "甲市");
	CHECK_HAS(txt, "乙市");
	CHECK(strstr(txt, "丙市") == NULL);
	free(txt);
	o.path = path_of(p, sizeof(p), "layers.png");
	o.width = 200;
	CHECK_INT(cidx_plot_write(&mc, &o, &err), 0);
	/* a line where a province must be a polygon */
	l[1].geom = g[4];
	CHECK_INT(cidx_plot_write(&mc, &o, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "layer 2 is not a valid 'province' feature");
	for (int i = 0; i < 7; i++)
		cidx_geom_free(g[i]);
	tmp_end();
}
