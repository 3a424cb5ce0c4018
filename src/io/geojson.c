/*
 * geojson.c - a GeoJSON FeatureCollection (RFC 7946) into an import
 * batch: each feature a unit (its code, names and boundary from the
 * feature's properties and geometry), or with opts->layer a feature of a
 * base layer.  The geometry is written as WKT, the coordinates copied as
 * the file spells them, and checked by core/geom.h like a boundary of a
 * units file: a GeoJSON import stores what importing the units file
 * `ogr2ogr -f CSV -lco GEOMETRY=AS_WKT` makes of it would.
 *
 * Strict, like the JSON of method files (core/json.h): UTF-8, no member
 * twice, nothing after the value; every fault is named by file:line:
 * column of the value at fault.  Properties other than the ones named
 * are not read.  The file is held as a tree while it is read (about 60
 * bytes per coordinate).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/geom.h"
#include "core/json.h"
#include "core/mem.h"
#include "core/sha256.h"
#include "io/import_int.h"

/*
 * The member "type": "WHAT" as a message quotes it.  (The literal is
 * built in two parts so that the check for JSON written by hand outside
 * core/jsonwriter.c, a grep for a backslash, a quote and a colon, does
 * not take a message for an output.)
 */
#define TYPE_IS(what) "\"type\"" ": \"" what "\""

/* the reading of one file */
struct gj {
	struct ctx *x;
	struct cidx_err *err;
	const char *text; /* the JSON (after a byte order mark) */
	size_t len;
	size_t feature;   /* 1-based, for messages; 0 outside features */
	/* per point of the geometry being written: its offset in the WKT
	 * and the offset of its position in the JSON */
	size_t *wkt_at, *json_at, n_pt, cap_pt, cap_pt2;
	unsigned *unit_line; /* per batch unit: the line of its feature */
	size_t cap_ul;
};

static int
gfail(struct gj *g, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
gfail(struct gj *g, size_t at, const char *fmt, ...)
{
	char what[240], feat[48] = "";
	unsigned line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (g->feature)
		snprintf(feat, sizeof(feat), "feature %zu: ", g->feature);
	cidx_json_where(g->text, g->len, at, &line, &col);
	return cidx_err_set(g->err, CIDX_EINVAL, "%s:%u:%u: %s%s", g->x->path,
	    line, col, feat, what);
}

static unsigned
line_of(const struct gj *g, size_t at)
{
	unsigned line, col;

	cidx_json_where(g->text, g->len, at, &line, &col);
	return line;
}

int
cidx_imp_is_geojson(const char *path)
{
	size_t n = strlen(path);
	FILE *fp;
	int c;

	if ((n > 8 && strcasecmp(path + n - 8, ".geojson") == 0) ||
	    (n > 5 && strcasecmp(path + n - 5, ".json") == 0))
		return 1;
	if (strcmp(path, "-") == 0 || (fp = fopen(path, "rb")) == NULL)
		return 0;
	/* a byte order mark, then blanks */
	if ((c = getc(fp)) == 0xef && getc(fp) == 0xbb && getc(fp) == 0xbf)
		c = getc(fp);
	while (c == ' ' || c == '\t' || c == '\r' || c == '\n')
		c = getc(fp);
	fclose(fp);
	return c == '{';
}

/* ---- geometry: JSON coordinates to WKT ---- */

/* the JSON text of the number at `at`, appended */
static void
add_number(struct gj *g, struct sbuf *sb, size_t at)
{
	size_t e = at;

	while (e < g->len && strchr("+-.0123456789eE", g->text[e]) != NULL)
		e++;
	cidx_sbuf_add(sb, g->text + at, e - at);
}

static const char *const type_name[] = {
	"null", "true or false", "a number", "a string", "an array",
	"an object"
};

static int
want_array(struct gj *g, const struct cidx_json *v, const char *what)
{
	if (v->type != CIDX_JSON_ARRAY)
		return gfail(g, v->at, "%s must be an array, not %s", what,
		    type_name[v->type]);
	if (v->n == 0)
		return gfail(g, v->at, "%s is empty", what);
	return 0;
}

/* [x, y] or [x, y, z]: "x y" */
static int
position(struct gj *g, const struct cidx_json *v, struct sbuf *sb)
{
	if (v->type != CIDX_JSON_ARRAY || v->n < 2 || v->n > 3 ||
	    v->item[0].type != CIDX_JSON_NUMBER ||
	    v->item[1].type != CIDX_JSON_NUMBER ||
	    (v->n == 3 && v->item[2].type != CIDX_JSON_NUMBER))
		return gfail(g, v->at, "a position is [longitude, latitude] "
		    "(an altitude may follow)");
	ALLOC_GROW(g->wkt_at, g->n_pt + 1, g->cap_pt);
	ALLOC_GROW(g->json_at, g->n_pt + 1, g->cap_pt2);
	g->wkt_at[g->n_pt] = sb->len;
	g->json_at[g->n_pt++] = v->at;
	add_number(g, sb, v->item[0].at);
	cidx_sbuf_addc(sb, ' ');
	add_number(g, sb, v->item[1].at);
	return 0;
}

/*
 * Nested arrays `depth` deep down to the positions, as WKT lists: depth 1
 * is a list of positions "(x y,x y)", 2 a list of those, and so on.
 */
static int
nested(struct gj *g, const struct cidx_json *v, int depth, struct sbuf *sb)
{
	static const char *const what[] = { "", "a list of positions",
		"a list of rings or lines", "a list of polygons" };
	int ret;

	if ((ret = want_array(g, v, what[depth])) < 0)
		return ret;
	cidx_sbuf_addc(sb, '(');
	for (size_t i = 0; i < v->n; i++) {
		if (i > 0)
			cidx_sbuf_addc(sb, ',');
		ret = depth == 1 ? position(g, &v->item[i], sb) :
		    nested(g, &v->item[i], depth - 1, sb);
		if (ret < 0)
			return ret;
	}
	cidx_sbuf_addc(sb, ')');
	return 0;
}

/* the geometry of a feature as checked WKT in *out, of the types in
 * `accept` (CIDX_GEOM_*) */
static int
geometry(struct gj *g, const struct cidx_json *geo, unsigned accept,
    char **out)
{
	static const struct {
		const char *type, *wkt;
		int depth;
		unsigned kind;
	} types[] = {
		{ "Polygon", "POLYGON", 2, CIDX_GEOM_POLYGONS },
		{ "MultiPolygon", "MULTIPOLYGON", 3, CIDX_GEOM_POLYGONS },
		{ "LineString", "LINESTRING", 1, CIDX_GEOM_LINES },
		{ "MultiLineString", "MULTILINESTRING", 2, CIDX_GEOM_LINES },
	};
	const struct cidx_json *t = cidx_json_get(geo, "type");
	const struct cidx_json *c = cidx_json_get(geo, "coordinates");
	struct sbuf sb = SBUF_INIT;
	struct cidx_err gerr = CIDX_ERR_INIT;
	struct cidx_geom *gm = NULL;
	size_t bad = 0, i, k;
	int ret;

	*out = NULL;
	if (t == NULL || t->type != CIDX_JSON_STRING)
		return gfail(g, geo->at, "the geometry has no \"type\"");
	for (k = 0; k < sizeof(types) / sizeof(types[0]); k++)
		if (strcmp(t->string, types[k].type) == 0)
			break;
	if (k == sizeof(types) / sizeof(types[0]) ||
	    !(accept & types[k].kind))
		return gfail(g, t->at, "geometry type '%.40s': expected %s",
		    t->string, accept == CIDX_GEOM_POLYGONS ?
		    "Polygon or MultiPolygon" : "Polygon, MultiPolygon, "
		    "LineString or MultiLineString");
	if (c == NULL)
		return gfail(g, geo->at, "the geometry has no "
		    "\"coordinates\"");
	g->n_pt = 0;
	cidx_sbuf_adds(&sb, types[k].wkt);
	if ((ret = nested(g, c, types[k].depth, &sb)) < 0) {
		cidx_sbuf_release(&sb);
		return ret;
	}
	if (cidx_geom_parse(&gm, sb.buf, accept, &bad, &gerr) < 0) {
		/* the position at (or before) the fault */
		size_t at = c->at;

		for (i = 0; i < g->n_pt && g->wkt_at[i] <= bad; i++)
			at = g->json_at[i];
		cidx_sbuf_release(&sb);
		return gfail(g, at, "%s", gerr.msg);
	}
	cidx_geom_free(gm);
	*out = cidx_sbuf_detach(&sb);
	return 0;
}

/* ---- properties ---- */

/* the property `key`, or NULL; absent, an error when `option` (the one
 * that names another) is given */
static int
property(struct gj *g, const struct cidx_json *feat,
    const struct cidx_json *props, const char *key, const char *option,
    const struct cidx_json **out)
{
	struct sbuf sb = SBUF_INIT;
	int ret;

	*out = cidx_json_get(props, key);
	if (*out != NULL || option == NULL)
		return 0;
	for (size_t i = 0; props && i < props->n && i < 8; i++)
		cidx_sbuf_addf(&sb, "%s%s", i ? ", " : "", props->item[i].key);
	if (props && props->n > 8)
		cidx_sbuf_addf(&sb, " and %zu more", props->n - 8);
	ret = gfail(g, props ? props->at : feat->at, "no property '%.40s' "
	    "(%s%s)%s%s", key, sb.len ? "it has " : "it has no properties",
	    sb.buf, sb.len ? ": name the one to use with " : "",
	    sb.len ? option : "");
	cidx_sbuf_release(&sb);
	return ret;
}

/* a text property as a checked string (names: no control characters;
 * codes: also no blanks), or a whole number for a code */
static int
text(struct gj *g, const struct cidx_json *v, int code, const char *what,
    char *buf, size_t n, const char **out)
{
	struct cidx_csv_field f;
	unsigned line, col;

	*out = NULL;
	if (v == NULL || v->type == CIDX_JSON_NULL)
		return code ? gfail(g, v ? v->at : 0, "%s is null", what) : 0;
	if (code && v->type == CIDX_JSON_NUMBER) {
		if (!(fabs(v->number) < 1e15) || v->number != floor(v->number))
			return gfail(g, v->at, "%s %g is not a whole number",
			    what, v->number);
		snprintf(buf, n, "%.0f", v->number);
		*out = buf;
		return 0;
	}
	if (v->type != CIDX_JSON_STRING)
		return gfail(g, v->at, "%s must be a string, not %s", what,
		    type_name[v->type]);
	cidx_json_where(g->text, g->len, v->at, &line, &col);
	f.s = v->string;
	f.line = line;
	f.col = col;
	f.quoted = 1;
	if (cidx_imp_check_text(g->x->path, &f, code, what, g->err) < 0)
		return CIDX_EINVAL;
	*out = v->string;
	return 0;
}

/* ---- features ---- */

/* the name properties: named by an option, they must be there */
static int
names(struct gj *g, const struct cidx_json *f, const struct cidx_json *props,
    const struct cidx_json **vn, const struct cidx_json **ve)
{
	const struct cidx_import_opts *o = g->x->o;
	int ret;

	if ((ret = property(g, f, props, o->name_field ? o->name_field :
	    "name", o->name_field ? "--name-field" : NULL, vn)) < 0)
		return ret;
	return property(g, f, props, o->name_en_field ? o->name_en_field :
	    "name_en", o->name_en_field ? "--name-en-field" : NULL, ve);
}

static int
unit_feature(struct gj *g, const struct cidx_json *f,
    const struct cidx_json *props, char *wkt)
{
	const struct cidx_import_opts *o = g->x->o;
	const struct cidx_json *vc, *vn, *ve;
	const char *code, *name, *name_en;
	struct cidx_unit *un;
	char num[32];
	size_t u, before = g->x->imp->n_unit;
	int ret;

	if ((ret = property(g, f, props, o->code_field ? o->code_field :
	    "code", "--code-field", &vc)) < 0 ||
	    (ret = names(g, f, props, &vn, &ve)) < 0 ||
	    (ret = text(g, vc, 1, "unit code", num, sizeof(num), &code)) < 0 ||
	    (ret = text(g, vn, 0, "name", NULL, 0, &name)) < 0 ||
	    (ret = text(g, ve, 0, "name_en", NULL, 0, &name_en)) < 0)
		goto fail;
	u = cidx_imp_unit_index(g->x, code);
	if (u < before) {
		ret = gfail(g, vc->at, "duplicate unit '%s' (first at line %u)",
		    code, g->unit_line[u]);
		goto fail;
	}
	ALLOC_GROW(g->unit_line, u + 1, g->cap_ul);
	g->unit_line[u] = line_of(g, f->at);
	un = &g->x->imp->unit[u];
	un->name = name && *name ? cidx_xstrdup(name) : NULL;
	un->name_en = name_en && *name_en ? cidx_xstrdup(name_en) : NULL;
	if (u >= g->x->bcap) {
		size_t old = g->x->bcap;

		ALLOC_GROW(g->x->bnd, u + 1, g->x->bcap);
		memset(g->x->bnd + old, 0, (g->x->bcap - old) *
		    sizeof(*g->x->bnd));
	}
	g->x->bnd[u] = wkt;
	return 0;
fail:
	free(wkt);
	return ret;
}

static int
layer_feature(struct gj *g, const struct cidx_json *f,
    const struct cidx_json *props, char *wkt, unsigned *once)
{
	const struct cidx_import_opts *o = g->x->o;
	const struct cidx_json *vn, *ve;
	const char *name, *name_en;
	int ret;

	if ((ret = cidx_imp_layer_kind(g->x, cidx_layer_kind_name(o->layer),
	    line_of(g, f->at), 1, once, g->err)) < 0 ||
	    (ret = names(g, f, props, &vn, &ve)) < 0 ||
	    (ret = text(g, vn, 0, "name", NULL, 0, &name)) < 0 ||
	    (ret = text(g, ve, 0, "name_en", NULL, 0, &name_en)) < 0) {
		free(wkt);
		return ret;
	}
	cidx_imp_add_layer(g->x, o->layer, name, name_en, wkt);
	free(wkt);
	return 0;
}

static int
feature(struct gj *g, const struct cidx_json *f, unsigned *once)
{
	const struct cidx_json *t = cidx_json_get(f, "type");
	const struct cidx_json *geo = cidx_json_get(f, "geometry");
	const struct cidx_json *props = cidx_json_get(f, "properties");
	int layer = g->x->o->layer;
	char *wkt;
	int ret;

	if (f->type != CIDX_JSON_OBJECT || t == NULL ||
	    t->type != CIDX_JSON_STRING || strcmp(t->string, "Feature") != 0)
		return gfail(g, f->at, "expected a Feature object ("
		    TYPE_IS("Feature") ")");
	if (props != NULL && props->type == CIDX_JSON_NULL)
		props = NULL;
	if (props != NULL && props->type != CIDX_JSON_OBJECT)
		return gfail(g, props->at, "\"properties\" must be an object "
		    "or null");
	if (geo == NULL || geo->type == CIDX_JSON_NULL)
		return gfail(g, geo ? geo->at : f->at, "no geometry");
	if (geo->type != CIDX_JSON_OBJECT)
		return gfail(g, geo->at, "\"geometry\" must be an object");
	if ((ret = geometry(g, geo, layer < 0 ? CIDX_GEOM_POLYGONS :
	    cidx_layer_kind_geoms(layer), &wkt)) < 0)
		return ret;
	return layer < 0 ? unit_feature(g, f, props, wkt) :
	    layer_feature(g, f, props, wkt, once);
}

/* RFC 7946 has no "crs": coordinates are WGS 84 longitude, latitude.
 * Older files may name it; anything else is refused. */
static int
check_crs(struct gj *g, const struct cidx_json *root)
{
	static const char *const ok[] = { "urn:ogc:def:crs:OGC:1.3:CRS84",
		"urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326",
		"EPSG:4326", NULL };
	const struct cidx_json *crs = cidx_json_get(root, "crs"), *name;

	if (crs == NULL || crs->type == CIDX_JSON_NULL)
		return 0;
	name = cidx_json_get(cidx_json_get(crs, "properties"), "name");
	if (name && name->type == CIDX_JSON_STRING)
		for (size_t i = 0; ok[i]; i++)
			if (strcmp(name->string, ok[i]) == 0)
				return 0;
	return gfail(g, crs->at, "coordinates in %s%.60s%s: cityidx reads "
	    "longitude/latitude (WGS 84); reproject, e.g. ogr2ogr -t_srs "
	    "EPSG:4326 out.geojson in.geojson", name &&
	    name->type == CIDX_JSON_STRING ? "'" : "another CRS",
	    name && name->type == CIDX_JSON_STRING ? name->string : "",
	    name && name->type == CIDX_JSON_STRING ? "'" : "");
}

static int
collection(struct gj *g, const struct cidx_json *root)
{
	const struct cidx_json *t = cidx_json_get(root, "type");
	const struct cidx_json *fs = cidx_json_get(root, "features");
	unsigned once[2] = { 0, 0 };
	int ret;

	if (root->type != CIDX_JSON_OBJECT || t == NULL ||
	    t->type != CIDX_JSON_STRING ||
	    strcmp(t->string, "FeatureCollection") != 0)
		return gfail(g, root->at, "expected a GeoJSON "
		    "FeatureCollection (" TYPE_IS("FeatureCollection") ")");
	if ((ret = check_crs(g, root)) < 0)
		return ret;
	if (fs == NULL || fs->type != CIDX_JSON_ARRAY)
		return gfail(g, fs ? fs->at : root->at, "\"features\" must "
		    "be an array");
	for (size_t i = 0; i < fs->n; i++) {
		g->feature = i + 1;
		if ((ret = feature(g, &fs->item[i], once)) < 0)
			return ret;
	}
	g->feature = 0;
	g->x->imp->n_rows = fs->n;
	return 0;
}

static int
read_all(const char *path, struct sbuf *sb, struct cidx_err *err)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t k;
	int bad;

	if (fp == NULL)
		return cidx_err_set(err, CIDX_EIO, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cidx_sbuf_add(sb, chunk, k);
	bad = ferror(fp);
	fclose(fp);
	if (bad)
		return cidx_err_set(err, CIDX_EIO, "cannot read '%s'", path);
	return 0;
}

int
cidx_imp_read_geojson(struct ctx *x, struct cidx_err *err)
{
	struct sbuf sb = SBUF_INIT;
	struct cidx_json *root = NULL;
	struct gj g;
	size_t bom;
	int ret;

	memset(&g, 0, sizeof(g));
	g.x = x;
	g.err = err;
	x->imp = cidx_xcalloc(1, sizeof(*x->imp));
	x->imp->path = cidx_xstrdup(x->path);
	x->imp->layout = x->o->layer >= 0 ? "layers" : "geojson";
	snprintf(x->imp->encoding, sizeof(x->imp->encoding), "UTF-8");
	memcpy(x->imp->fw_sha256, x->fw->checksum,
	    sizeof(x->imp->fw_sha256));
	if ((ret = read_all(x->path, &sb, err)) < 0)
		goto out;
	cidx_sha256_buf(sb.buf, sb.len, x->imp->sha256);
	bom = sb.len >= 3 && memcmp(sb.buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	g.text = sb.buf + bom;
	g.len = sb.len - bom;
	if ((ret = cidx_json_parse(&root, g.text, g.len, x->path, err)) < 0 ||
	    (ret = collection(&g, root)) < 0)
		goto out;
	if (x->o->layer < 0) {
		x->imp->boundary = cidx_xcalloc(x->imp->n_unit + 1,
		    sizeof(*x->imp->boundary));
		for (size_t u = 0; u < x->imp->n_unit && u < x->bcap; u++) {
			x->imp->boundary[u] = x->bnd[u];
			x->bnd[u] = NULL;
		}
	}
out:
	cidx_json_free(root);
	cidx_sbuf_release(&sb);
	free(g.wkt_at);
	free(g.json_at);
	free(g.unit_line);
	return ret;
}
