/*
 * cmd_weights.c - derive weights from the data (entropy, CRITIC, PCA) or
 * from pairwise comparisons (AHP), show them with their diagnostics, and
 * write a weights file that `rank --weights` reads back.
 */
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/effweight.h"
#include "cli/cli.h"
#include "cli/methodopt.h"
#include "cli/optgroups.h"
#include "cli/yearopt.h"
#include "cli/textout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"

struct weights_opts {
	struct cli_year_opts y;
	const char *out, *how;     /* -o, --method */
	enum cli_format fmt;
	struct cli_method_opts mo;
};

/* --method: the weights method, in the method options' words */
static int
method_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	struct weights_opts *w = field;
	int r;

	(void)o;
	if ((r = cli_method_option(&w->mo, OPT_WEIGHTS_METHOD, arg,
	    cmd)) != 1)
		return r;
	w->how = arg;
	return 0;
}

#define O struct weights_opts
const struct cli_opt cmd_weights_opts[] = {
	{ .kind = CLI_K_CALLBACK, .name = "method", .arg = "METHOD",
	  .cb = method_cb, .flags = CLI_OPTF_REQUIRED,
	  .help = "equal | entropy | critic | pca | ahp:FILE" },
	CLI_OPT_YEAR(O, y, "year to derive on (default: the latest)"),
	CLI_OPT_INT("level", "N", O, mo.weights_level, 1, CIDX_MAX_LEVELS - 1,
	    "a level >= 1", "derive only the weights of level N (1 = "
	    "indicators)"),
	CLI_OPT_BOOL("panel", 0, O, mo.weights_panel, "pool every year's "
	    "units (entropy: p over unit-years)"),
	{ .kind = CLI_K_STRING, .name = "output", .short_name = 'o',
	  .arg = "F", .syn_arg = "FILE", .off = offsetof(O, out),
	  .help = "write a weights file (code,weight,...) for rank --weights" },
	CLI_OPT_FORMAT(O, fmt, CLI_FMTS_TABLE | CLI_FMTS_CSV | CLI_FMTS_JSON,
	    "table (default) | csv | json"),
	CLI_OPT_HELP,
	CLI_OPT_TEXT("the preparation and normalisation options of rank apply "
	    "too (PCA works on\nnormalised values; entropy and CRITIC on the "
	    "prepared raw values)\n"),
	{ .kind = CLI_K_GROUP, .group = &cli_method_group,
	  .off = offsetof(O, mo), .flags = CLI_OPTF_NOHELP },
	CLI_OPT_END,
};
#undef O

static void
num(char *b, size_t n, double x, int table)
{
	if (table)
		cidx_num_fmt(b, n, x, 6);
	else
		cidx_num_fmt(b, n, x, 17);
}

static const char *
diag_names(const char *how, int which)
{
	if (strcmp(how, "entropy") == 0 || strcmp(how, "entropy-panel") == 0 ||
	    strncmp(how, "combine:", 8) == 0)
		return which ? "divergence" : "entropy";
	if (strcmp(how, "critic") == 0)
		return which ? "conflict" : "sigma";
	if (strcmp(how, "pca") == 0)
		return which ? "" : "loading";
	return "";
}

/* the group diagnostics of the csv columns group_value1..3: PCA's
 * variance share and negative loadings, AHP's lambda_max, CI and CR */
static void
group_values(const struct cidx_wgroup *gr, double v[3])
{
	int pca = !isnan(gr->pc1_var);

	v[0] = pca ? gr->pc1_var : gr->lambda_max;
	v[1] = pca ? (double)gr->n_negative : gr->ci;
	v[2] = pca ? NAN : gr->cr;
}

static int
write_file(const char *path, const struct cli_engine *e, const char *how,
    int year)
{
	struct cidx_ofile *of = NULL;
	FILE *fp;
	const struct cidx_framework *fw = e->fw;
	const double *w = cidx_engine_weights(e->eng);
	size_t ng;
	const struct cidx_wgroup *gs = cidx_engine_groups(e->eng, &ng);
	char b[40];
	int ret;

	if ((ret = cli_output_open(&of, path)) != CLI_OK)
		return ret;
	fp = cidx_ofile_fp(of);
	fprintf(fp, "code,weight,parent,method,year\n");
	for (size_t k = 0; k < fw->n; k++) {
		int derived = 0, set = 0;

		if (fw->node[k].level == 0)
			continue;
		for (size_t g = 0; g < ng; g++)
			for (size_t c = 0; c < gs[g].k; c++)
				derived |= gs[g].child[c] == k;
		for (size_t i = 0; i < e->over->n; i++)
			set |= e->over->node[i] == k;
		cidx_num_fmt(b, sizeof(b), w[k], 17);
		out_csv_field(fp, fw->node[k].code);
		fprintf(fp, ",%s,", b);
		out_csv_field(fp, fw->node[k].parent);
		fprintf(fp, ",%s,%d\n", set ? "set" : derived ? how :
		    "framework", year);
	}
	return cli_output_close(&of, CLI_OK);
}

/* a group's line: its parent, PCA's variance share, AHP's consistency */
static void
group_head(const struct cidx_framework *fw, const char *how,
    const struct cidx_wgroup *gr)
{
	char b[3][40];

	printf("\n%s (%s):", out_text(fw->node[gr->parent].code),
	    out_text(fw->node[gr->parent].name_en));
	if (strcmp(how, "pca") == 0) {
		num(b[0], sizeof(b[0]), gr->pc1_var * 100, 1);
		printf(" PC1 explains %s%% of the variance (%zu units "
		    "with complete data)", b[0], gr->n_used);
		if (gr->n_negative > 0)
			printf("; %zu negative loading(s) set to 0",
			    gr->n_negative);
	}
	if (!isnan(gr->lambda_max)) {
		num(b[0], sizeof(b[0]), gr->lambda_max, 1);
		num(b[1], sizeof(b[1]), gr->ci, 1);
		num(b[2], sizeof(b[2]), gr->cr, 1);
		printf(" lambda_max %s, CI %s, CR %s%s", b[0], b[1],
		    b[2], gr->cr >= 0.1 ? "  WARNING: CR >= 0.1, "
		    "the judgements are inconsistent" : "");
	}
	printf("\n");
}

/* a group's children: weight, the derived one when a weight was set
 * over it, the method's diagnostics */
static void
group_table(const struct cli_engine *e, const char *how,
    const struct cidx_wgroup *gr)
{
	const double *w = cidx_engine_weights(e->eng);
	const char *head[5] = { "code", "weight", NULL, NULL, NULL };
	struct out_table t;
	char b[4][40];
	size_t nh = 2;
	int set = 0;

	for (size_t c = 0; c < gr->k; c++)
		set |= w[gr->child[c]] != gr->w[c];
	if (set)
		head[nh++] = "derived";
	if (*diag_names(how, 0))
		head[nh++] = diag_names(how, 0);
	if (*diag_names(how, 1))
		head[nh++] = diag_names(how, 1);
	out_table_init(&t, nh);
	for (size_t c = 1; c < t.ncols; c++)
		out_table_set_right(&t, c, 1);
	out_table_add(&t, head);
	for (size_t c = 0; c < gr->k; c++) {
		const char *cells[5];
		size_t q = 1;

		cells[0] = e->fw->node[gr->child[c]].code;
		num(b[0], sizeof(b[0]), w[gr->child[c]], 1);
		num(b[1], sizeof(b[1]), gr->w[c], 1);
		num(b[2], sizeof(b[2]), gr->diag1[c], 1);
		num(b[3], sizeof(b[3]), gr->diag2[c], 1);
		cells[q++] = b[0];
		if (set)
			cells[q++] = b[1];
		cells[q++] = b[2];
		cells[q++] = b[3];
		out_table_add(&t, cells);
	}
	out_table_print(stdout, &t);
	out_table_release(&t);
}

static void
print_table(const struct cli_engine *e, const char *how, int year)
{
	size_t ng;
	const struct cidx_wgroup *gs = cidx_engine_groups(e->eng, &ng);

	printf("cityidx weights: %s, year %d%s\n", out_text(how), year,
	    e->o->weights_panel || e->o->wmethod == CIDX_WM_ENTROPY_PANEL ?
	    " (all years pooled)" : "");
	for (size_t g = 0; g < ng; g++) {
		group_head(e->fw, how, &gs[g]);
		group_table(e, how, &gs[g]);
	}
}

/* every node's nominal and effective weight and importance in the year
 * (cityidx(1), METHOD, Effective weights and importance) */
static void
print_effective(const struct cli_engine *e,
    const struct cidx_effweights *ew, int year)
{
	const struct cidx_framework *fw = e->fw;
	static const char *const head[] = { "code", "level", "nominal",
		"effective", "importance", "" };
	struct out_table t;
	char b[4][40];

	printf("\nweights in %d: nominal as set, effective as they enter the "
	    "index (nodes without data left out), importance r^2 with the "
	    "index (per level)\n", year);
	out_table_init(&t, 6);
	for (size_t c = 1; c < 5; c++)
		out_table_set_right(&t, c, 1);
	out_table_add(&t, head);
	for (size_t k = 0; k < fw->n; k++) {
		const char *cells[6];

		if (fw->node[k].level == 0 || k == fw->root)
			continue;
		snprintf(b[0], sizeof(b[0]), "%d", fw->node[k].level);
		num(b[1], sizeof(b[1]), ew->nominal[k], 1);
		num(b[2], sizeof(b[2]), ew->effective[k], 1);
		num(b[3], sizeof(b[3]), ew->importance[k], 1);
		cells[0] = fw->node[k].code;
		cells[1] = b[0];
		cells[2] = b[1];
		cells[3] = b[2];
		cells[4] = isnan(ew->importance[k]) ? "-" : b[3];
		cells[5] = !ew->present[k] ? "no data" :
		    cidx_effweights_weightless(ew, k) ? "weight 0" : "";
		out_table_add(&t, cells);
	}
	out_table_print(stdout, &t);
	out_table_release(&t);
}

/* the csv's last columns: nominal, effective, importance, has_data */
static void
eff_csv(const struct cidx_effweights *ew, size_t k)
{
	char b[3][40];

	if (ew == NULL) {
		printf(",,,,\n");
		return;
	}
	num(b[0], sizeof(b[0]), ew->nominal[k], 0);
	num(b[1], sizeof(b[1]), ew->effective[k], 0);
	num(b[2], sizeof(b[2]), ew->importance[k], 0);
	printf(",%s,%s,%s,%d\n", b[0], b[1], b[2], ew->present[k]);
}

static void
print_csv(const struct cli_engine *e, const struct cidx_effweights *ew)
{
	const struct cidx_framework *fw = e->fw;
	size_t ng;
	const struct cidx_wgroup *gs = cidx_engine_groups(e->eng, &ng);
	const double *w = cidx_engine_weights(e->eng);
	char b[6][40];

	printf("parent,code,weight,derived,diag1,diag2,group_value1,"
	    "group_value2,group_value3,n_used,nominal,effective,importance,"
	    "has_data\n");
	for (size_t g = 0; g < ng; g++) {
		const struct cidx_wgroup *gr = &gs[g];

		double v[3];

		group_values(gr, v);
		num(b[2], sizeof(b[2]), v[0], 0);
		num(b[3], sizeof(b[3]), v[1], 0);
		num(b[4], sizeof(b[4]), v[2], 0);
		for (size_t c = 0; c < gr->k; c++) {
			num(b[0], sizeof(b[0]), w[gr->child[c]], 0);
			num(b[5], sizeof(b[5]), gr->w[c], 0);
			num(b[1], sizeof(b[1]), gr->diag1[c], 0);
			out_csv_field(stdout, fw->node[gr->parent].code);
			fputc(',', stdout);
			out_csv_field(stdout, fw->node[gr->child[c]].code);
			printf(",%s,%s,%s,", b[0], b[5], b[1]);
			num(b[1], sizeof(b[1]), gr->diag2[c], 0);
			printf("%s,%s,%s,%s,%zu", b[1], b[2], b[3], b[4],
			    gr->n_used);
			eff_csv(ew, gr->child[c]);
		}
	}
}

/* a group's children: the weight used, the derived one, diagnostics */
static void
json_children(struct cidx_jsonw *w, struct cli_engine *e, const char *how,
    const struct cidx_wgroup *gr, const struct cidx_effweights *ew)
{
	const char *d1 = diag_names(how, 0), *d2 = diag_names(how, 1);

	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (size_t c = 0; c < gr->k; c++) {
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "code");
		cidx_jsonw_string(w, e->fw->node[gr->child[c]].code);
		cidx_jsonw_key(w, "weight");
		cidx_jsonw_number17(w,
		    cidx_engine_weights(e->eng)[gr->child[c]]);
		cidx_jsonw_key(w, "derived");
		cidx_jsonw_number17(w, gr->w[c]);
		if (*d1) {
			cidx_jsonw_key(w, d1);
			cidx_jsonw_number17(w, gr->diag1[c]);
		}
		if (*d2) {
			cidx_jsonw_key(w, d2);
			cidx_jsonw_number17(w, gr->diag2[c]);
		}
		if (ew)
			cidx_effweights_json_members(w, ew, gr->child[c]);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
}

/* a group: its parent, PCA's or AHP's diagnostics, its children */
static void
json_group(struct cidx_jsonw *w, struct cli_engine *e, const char *how,
    const struct cidx_wgroup *gr, const struct cidx_effweights *ew)
{
	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(w, "parent");
	cidx_jsonw_string(w, e->fw->node[gr->parent].code);
	if (strcmp(how, "pca") == 0) {
		cidx_jsonw_key(w, "pc1_variance");
		cidx_jsonw_number17(w, gr->pc1_var);
		cidx_jsonw_key(w, "n_used");
		cidx_jsonw_uint(w, gr->n_used);
	} else if (strncmp(how, "ahp:", 4) == 0) {
		cidx_jsonw_key(w, "lambda_max");
		cidx_jsonw_number17(w, gr->lambda_max);
		cidx_jsonw_key(w, "ci");
		cidx_jsonw_number17(w, gr->ci);
		cidx_jsonw_key(w, "cr");
		cidx_jsonw_number17(w, gr->cr);
		cidx_jsonw_key(w, "consistent");
		cidx_jsonw_bool(w, gr->cr < 0.1);
	}
	cidx_jsonw_key(w, "children");
	json_children(w, e, how, gr, ew);
	cidx_jsonw_end_object(w);
}

static int
print_json(struct cli_engine *e, const char *how, int year,
    const struct cidx_effweights *ew)
{
	size_t ng;
	const struct cidx_wgroup *gs = cidx_engine_groups(e->eng, &ng);
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, stdout);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "weights");
	cidx_jsonw_key(&w, "weights_method");
	cidx_jsonw_string(&w, how);
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, year);
	cidx_jsonw_key(&w, "panel");
	cidx_jsonw_bool(&w, e->o->weights_panel ||
	    e->o->wmethod == CIDX_WM_ENTROPY_PANEL);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(e, &w, year, NULL, 0, 0);
	cidx_jsonw_key(&w, "groups");
	cidx_jsonw_begin_array(&w, CIDX_JSONW_LINES);
	for (size_t g = 0; g < ng; g++)
		json_group(&w, e, how, &gs[g], ew);
	cidx_jsonw_end_array(&w);
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}

/* the weights derived on the year, written and printed */
static int
derive(struct cli_engine *e, const struct weights_opts *o)
{
	struct cidx_effweights *ew = NULL;
	int ret, year = 0;

	if ((ret = cli_engine_years(e, o->y.year, -1, &year, NULL)) !=
	    CLI_OK || (ret = cli_engine_derive(e, year)) != CLI_OK)
		return ret;
	if (o->out && (ret = write_file(o->out, e, o->how, year)) != CLI_OK)
		return ret;
	if (o->out && strcmp(o->out, "-") == 0)
		return CLI_OK;
	/* the year's effective weights; none when it cannot be ranked */
	(void)cidx_engine_effweights(e->eng, year, &ew, NULL);
	switch (o->fmt) {
	case CLI_FMT_TABLE:
		print_table(e, o->how, year);
		if (ew)
			print_effective(e, ew, year);
		break;
	case CLI_FMT_CSV:
		print_csv(e, ew);
		break;
	case CLI_FMT_JSON:
	case CLI_FMT_XLSX: /* refused by the option parser */
		ret = print_json(e, o->how, year, ew);
		break;
	}
	cidx_effweights_free(ew);
	return ret;
}

int
cmd_weights(int argc, char **argv)
{
	struct weights_opts o;
	struct cli_engine e;
	int ret;

	memset(&o, 0, sizeof(o));
	o.y = (struct cli_year_opts)CLI_YEAR_OPTS_INIT;
	o.fmt = CLI_FMT_TABLE;
	cli_method_opts_init(&o.mo);
	memset(&e, 0, sizeof(e));
	if ((ret = cli_opt_parse("weights", argc, argv, &o, NULL)) != CLI_OK)
		goto out;
	if (o.how == NULL || o.mo.weights_method != o.how) {
		ret = cli_usage_error("weights", o.how == NULL ?
		    "--method is required" : "--method and --weights-method "
		    "both given: use --method");
		goto out;
	}
	if ((o.out && (ret = cli_output_check(o.out)) != CLI_OK) ||
	    (ret = cli_engine_open(&e, &o.mo)) != CLI_OK)
		goto out;
	ret = derive(&e, &o);
out:
	cli_engine_close(&e);
	cli_method_opts_release(&o.mo);
	return ret;
}
