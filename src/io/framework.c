#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/strmap.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/framework.h"

enum { F_CODE, F_PARENT, F_TYPE, F_LEVEL, F_NAME_ZH, F_NAME_EN, F_DIR,
	F_WEIGHT, F_UNIT, F_DENOM, F_TARGET, F_GOAL_LO, F_GOAL_HI, F_TREAT,
	F_DESC, F_SOURCE, F_UNIT_ZH, F_DESC_ZH, F_SOURCE_ZH, F_N };

static const char *const own_names[F_N][3] = {
	{ "code", NULL }, { "parent", NULL }, { "type", NULL },
	{ "level", NULL }, { "name_zh", "name", NULL }, { "name_en", NULL },
	{ "direction", NULL }, { "weight", NULL }, { "unit", NULL },
	{ "denominator", NULL }, { "target", NULL }, { "goal_lo", NULL },
	{ "goal_hi", NULL }, { "treat", NULL },
	{ "description", "description_en", NULL },
	{ "source", "source_en", NULL }, { "unit_zh", NULL },
	{ "description_zh", NULL }, { "source_zh", NULL },
};

static const char *const imeta_names[F_N][3] = {
	{ "iCode", NULL }, { "Parent", NULL }, { "Type", NULL },
	{ "Level", NULL }, { "iName_zh", NULL }, { "iName", NULL },
	{ "Direction", NULL }, { "Weight", NULL }, { "Unit", NULL },
	{ "Denominator", NULL }, { "Target", NULL }, { "goal_lo", NULL },
	{ "goal_hi", NULL }, { "treat", NULL }, { "Description", NULL },
	{ "Source", NULL }, { "Unit_zh", NULL }, { "Description_zh", NULL },
	{ "Source_zh", NULL },
};

/* an optional text field; R's write.csv writes "NA" for missing text */
static char *
opt_str(const struct cidx_csv *t, size_t r, int c)
{
	const char *s;

	if (c < 0)
		return NULL;
	s = cidx_csv_at(t, r, (size_t)c)->s;
	return *s && strcmp(s, "NA") != 0 ? cidx_xstrdup(s) : NULL;
}

static int
field_num(const struct cidx_csv *t, size_t r, int c, double dflt,
    double *out, struct cidx_err *err)
{
	const struct cidx_csv_field *f;
	size_t bad;
	int ret;

	*out = dflt;
	if (c < 0)
		return 0;
	f = cidx_csv_at(t, r, (size_t)c);
	if (cidx_num_is_missing(f->s))
		return 0;
	if ((ret = cidx_num_parse(f->s, out, &bad)) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': %s", t->path, f->line,
		    cidx_csv_col_at(f, bad), f->s, ret == CIDX_ENUMERIC ?
		    "out of range (a number is 0 or of magnitude "
		    "2.2250738585072014e-308 to 1.7976931348623157e+308)" :
		    "not a number");
	return 0;
}

/* An indicator's direction: 1 or -1 (empty: 1); ignored for the other
 * types. */
static int
direction(const struct cidx_csv *t, size_t r, int c, enum cidx_node_type type,
    double *out, struct cidx_err *err)
{
	const struct cidx_csv_field *f;

	*out = 1;
	if (c < 0)
		return 0;
	f = cidx_csv_at(t, r, (size_t)c);
	if (cidx_num_is_missing(f->s))
		return 0;
	if (cidx_num_parse(f->s, out, NULL) == 0 && (*out == 1 || *out == -1))
		return 0;
	if (type != CIDX_NODE_INDICATOR) {
		*out = 1;
		return 0;
	}
	return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: direction '%s': "
	    "expected 1 (higher is better) or -1 (lower is better)", t->path,
	    f->line, f->col, f->s);
}

/*
 * The text of a row that is stored and printed: the code (no blanks,
 * controls or invisible characters), the parent and denominator codes and
 * the other text columns (no control characters): core/text.h.  The
 * message names the place, not the text.
 */
static int
check_field(const struct cidx_csv *t, size_t r, const int *col,
    struct cidx_err *err)
{
	static const int text[] = { F_CODE, F_PARENT, F_DENOM, F_TYPE,
		F_NAME_ZH, F_NAME_EN, F_UNIT, F_TREAT, F_DESC, F_SOURCE,
		F_UNIT_ZH, F_DESC_ZH, F_SOURCE_ZH };
	static const char *const what[] = { "code", "parent", "denominator",
		"type", "name_zh", "name_en", "unit", "treat", "description",
		"source", "unit_zh", "description_zh", "source_zh" };

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const struct cidx_csv_field *f;
		size_t bad;
		unsigned long cp;
		char why[64];
		int code = i < 3;

		if (col[text[i]] < 0)
			continue;
		f = cidx_csv_at(t, r, (size_t)col[text[i]]);
		if (*f->s == '\0' && i > 0)
			continue;
		if ((code ? cidx_text_check_code(f->s, &bad, &cp) :
		    cidx_text_check(f->s, &bad, &cp)) == 0)
			continue;
		cidx_text_what(cp, why, sizeof(why));
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: %s: %s",
		    t->path, f->line, cidx_csv_col_at(f, bad), what[i], why);
	}
	return 0;
}

static int
parse_type(const struct cidx_csv *t, size_t r, int c, int is_parent,
    enum cidx_node_type *out, struct cidx_err *err)
{
	static const struct {
		const char *name;
		enum cidx_node_type type;
	} types[] = {
		{ "indicator", CIDX_NODE_INDICATOR },
		{ "aggregate", CIDX_NODE_AGGREGATE },
		{ "denominator", CIDX_NODE_DENOMINATOR },
		{ "group", CIDX_NODE_GROUP },
	};
	const struct cidx_csv_field *f;

	if (c < 0 || *cidx_csv_at(t, r, (size_t)c)->s == '\0') {
		*out = is_parent ? CIDX_NODE_AGGREGATE : CIDX_NODE_INDICATOR;
		return 0;
	}
	f = cidx_csv_at(t, r, (size_t)c);
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(f->s, types[i].name) == 0) {
			*out = types[i].type;
			return 0;
		}
	return cidx_err_set(err, CIDX_EINVAL,
	    "%s:%u:%u: unknown type '%s' (indicator, aggregate, denominator "
	    "or group)", t->path, f->line, f->col, f->s);
}

/* the columns of the header: cityidx's own names, or COINr's iMeta ones
 * when there is an iCode column; 'code' is needed */
static int
find_columns(const struct cidx_csv *t, const char *path, int *col,
    struct cidx_err *err)
{
	static const char *const ic[] = { "iCode", NULL };
	const char *const (*names)[3];
	int ret;

	names = cidx_csv_find_col(t, ic) >= 0 ? imeta_names : own_names;
	for (int k = 0; k < F_N; k++)
		if ((ret = cidx_csv_find_col_once(t, names[k], &col[k],
		    err)) < 0)
			return ret;
	if (col[F_CODE] < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:1:1: no 'code' (or COINr 'iCode') column in the header",
		    path);
	if (t->nrows - 1 > CIDX_FRAMEWORK_MAX_NODES)
		return cidx_err_set(err, CIDX_EINVAL, "%s: more than %d nodes",
		    path, CIDX_FRAMEWORK_MAX_NODES);
	return 0;
}

/* row r's code (not empty, no blank, ',', '"' or '=') and fields */
static int
check_row(const struct cidx_csv *t, size_t r, const int *col,
    struct cidx_err *err)
{
	const struct cidx_csv_field *cf =
	    cidx_csv_at(t, r, (size_t)col[F_CODE]);

	if (*cf->s == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: empty code",
		    t->path, cf->line, cf->col);
	if (strpbrk(cf->s, " \t,\"=") != NULL)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: code '%s' may not contain blanks, ',', "
		    "'\"' or '='", t->path, cf->line, cf->col, cf->s);
	return check_field(t, r, col, err);
}

/* the numbers of row r: level, weight, target and goalposts */
static int
node_numbers(const struct cidx_csv *t, size_t r, const int *col,
    struct cidx_node *nd, struct cidx_err *err)
{
	const struct cidx_csv_field *f;
	double lv;
	int ret;

	if ((ret = field_num(t, r, col[F_LEVEL], 0, &lv, err)) < 0 ||
	    (ret = field_num(t, r, col[F_WEIGHT], 1, &nd->weight, err)) < 0 ||
	    (ret = field_num(t, r, col[F_TARGET], NAN, &nd->target,
	    err)) < 0 ||
	    (ret = field_num(t, r, col[F_GOAL_LO], NAN, &nd->goal_lo,
	    err)) < 0 ||
	    (ret = field_num(t, r, col[F_GOAL_HI], NAN, &nd->goal_hi,
	    err)) < 0)
		return ret;
	if (lv != floor(lv) || lv < 0 || lv > 100) {
		f = cidx_csv_at(t, r, (size_t)col[F_LEVEL]);
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: level must be a whole number", t->path,
		    f->line, f->col);
	}
	nd->level = (int)lv;
	if (nd->weight < 0 || nd->weight > CIDX_WEIGHT_MAX) {
		f = cidx_csv_at(t, r, (size_t)col[F_WEIGHT]);
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: weight must be a number from 0 to 1e9",
		    t->path, f->line, f->col);
	}
	return 0;
}

/* node nd from row r (checked by check_row()); `parents` holds the codes
 * named as a parent: those rows are aggregates */
static int
read_node(const struct cidx_csv *t, size_t r, const int *col,
    const struct cidx_strmap *parents, struct cidx_node *nd,
    struct cidx_err *err)
{
	const char *code = cidx_csv_at(t, r, (size_t)col[F_CODE])->s;
	size_t dummy;
	double dir;
	int ret;

	nd->code = cidx_xstrdup(code);
	nd->parent = opt_str(t, r, col[F_PARENT]);
	nd->name_zh = opt_str(t, r, col[F_NAME_ZH]);
	nd->name_en = opt_str(t, r, col[F_NAME_EN]);
	nd->unit = opt_str(t, r, col[F_UNIT]);
	nd->denominator = opt_str(t, r, col[F_DENOM]);
	nd->treat = opt_str(t, r, col[F_TREAT]);
	nd->description = opt_str(t, r, col[F_DESC]);
	nd->source = opt_str(t, r, col[F_SOURCE]);
	nd->unit_zh = opt_str(t, r, col[F_UNIT_ZH]);
	nd->description_zh = opt_str(t, r, col[F_DESC_ZH]);
	nd->source_zh = opt_str(t, r, col[F_SOURCE_ZH]);
	if ((ret = parse_type(t, r, col[F_TYPE], cidx_strmap_get(parents,
	    code, &dummy), &nd->type, err)) < 0 ||
	    (ret = direction(t, r, col[F_DIR], nd->type, &dir, err)) < 0 ||
	    (ret = node_numbers(t, r, col, nd, err)) < 0)
		return ret;
	nd->direction = (int)dir;
	if (nd->type == CIDX_NODE_DENOMINATOR ||
	    nd->type == CIDX_NODE_GROUP) {
		free(nd->parent);
		nd->parent = NULL;
		nd->level = 0;
	}
	return 0;
}

int
cidx_framework_read(struct cidx_framework **out, const char *path,
    const char *encoding, struct cidx_err *err)
{
	struct cidx_csv *t = NULL;
	struct cidx_node *node = NULL;
	struct cidx_strmap parents = CIDX_STRMAP_INIT;
	size_t n = 0;
	int col[F_N], ret;

	*out = NULL;
	if ((ret = cidx_csv_read(&t, path, encoding, err)) < 0)
		return ret;
	if ((ret = cidx_csv_check_rect(t, err)) < 0 ||
	    (ret = find_columns(t, path, col, err)) < 0)
		goto out;
	for (size_t r = 1; col[F_PARENT] >= 0 && r < t->nrows; r++)
		cidx_strmap_put(&parents, cidx_csv_at(t, r,
		    (size_t)col[F_PARENT])->s, r);
	node = cidx_xcalloc(t->nrows, sizeof(*node));
	for (size_t r = 1; r < t->nrows; r++) {
		if ((ret = check_row(t, r, col, err)) < 0)
			goto out;
		/* node[n] is freed with the others from here on */
		if ((ret = read_node(t, r, col, &parents, &node[n++],
		    err)) < 0)
			goto out;
	}
	ret = cidx_framework_build(out, node, n, path, err);
	node = NULL; /* owned by the framework now, even on failure */
out:
	cidx_nodes_free(node, n);
	cidx_strmap_release(&parents);
	cidx_csv_free(t);
	return ret;
}
