/*
 * mcout.c - sensitivity's outputs (mcout.h): a table for people, CSV and
 * JSON for programs (numbers in their shortest exact form), and the runs
 * as CSV.  Units are listed in nominal rank order, units without a
 * nominal rank last.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/methodvocab.h"
#include "cli/mcout.h"
#include "cli/textout.h"
#include "cli/rankout.h"
#include "core/jsonwriter.h"
#include "core/mem.h"
#include "core/num.h"
#include "version.h"

/* shortest exact form; "" for NaN */
static const char *
num(char *buf, size_t n, double x)
{
	cidx_num_shortest(buf, n, x);
	return buf;
}

/* units in nominal order, then the unranked by code (dataset order) */
static size_t *
unit_order(const struct cidx_mc_result *r)
{
	size_t *ord = cidx_xcalloc(r->n + 1, sizeof(size_t)), q;

	for (q = 0; q < r->nominal->n_ranked; q++)
		ord[q] = r->nominal->order[q];
	for (size_t i = 0; i < r->n; i++)
		if (r->nominal->rank[i] == 0)
			ord[q++] = i;
	return ord;
}

static const char *
design_word(const struct cidx_mc_result *r)
{
	return r->sobol ? "Saltelli" : "draws";
}

/* ---- table ---------------------------------------------------------- */

static void
print_header(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	struct sbuf sb = SBUF_INIT;

	fprintf(fp, "cityidx sensitivity: workspace %s, year %d, ",
	    out_text(cli_workspace()), v->year);
	if (r->sobol)
		fprintf(fp, "Saltelli design, %zu base draws, %zu runs, seed "
		    "%llu\n", r->draws, r->runs, (unsigned long long)r->seed);
	else
		fprintf(fp, "%zu draws, seed %llu\n", r->draws,
		    (unsigned long long)r->seed);
	cidx_ws_mc_describe(r, v->e->fw, 0, &sb);
	fprintf(fp, "inputs: %s\n", out_text(sb.buf));
	cidx_sbuf_reset(&sb);
	cli_engine_describe(v->e, &sb);
	fprintf(fp, "nominal: %s; tiers %s over the top %ld\n\n",
	    out_text(sb.buf), out_text(v->ts->text), v->top);
	cidx_sbuf_release(&sb);
}

static void
print_units(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	size_t nc = 7 + (size_t)r->n_tiers, *ord = unit_order(r);
	struct out_table t;
	const char **cells = cidx_xcalloc(nc, sizeof(char *));
	char (*buf)[40] = cidx_xcalloc(nc, sizeof(*buf));
	char (*head)[16] = cidx_xcalloc((size_t)r->n_tiers + 1, sizeof(*head));

	out_table_init(&t, nc);
	cells[0] = "rank";
	cells[1] = "code";
	cells[2] = "name";
	cells[3] = "median";
	cells[4] = "mean";
	cells[5] = "5%";
	cells[6] = "95%";
	for (int k = 1; k <= r->n_tiers; k++) {
		snprintf(head[k], sizeof(head[0]), "tier %d", k);
		cells[6 + k] = head[k];
	}
	for (size_t c = 0; c < nc; c++)
		out_table_set_right(&t, c, c != 1 && c != 2);
	out_table_add(&t, cells);
	for (size_t q = 0; q < r->n; q++) {
		size_t i = ord[q];

		snprintf(buf[0], sizeof(buf[0]), "%d", r->nominal->rank[i]);
		cells[0] = r->nominal->rank[i] ? buf[0] : "-";
		cells[1] = v->ds->unit[i].code;
		cells[2] = rank_unit_name(&v->ds->unit[i]);
		cells[3] = num(buf[3], sizeof(buf[3]), r->median[i]);
		cidx_num_fmt_fixed(buf[4], sizeof(buf[4]), r->mean[i], 2);
		cells[4] = isnan(r->mean[i]) ? "" : buf[4];
		cells[5] = num(buf[5], sizeof(buf[5]), r->q05[i]);
		cells[6] = num(buf[6], sizeof(buf[6]), r->q95[i]);
		for (int k = 1; k <= r->n_tiers; k++) {
			double s = r->tier_share[i * (size_t)r->n_tiers +
			    (size_t)(k - 1)];

			cidx_num_fmt_fixed(buf[6 + k], sizeof(buf[0]), 100 * s,
			    1);
			strcat(buf[6 + k], "%");
			cells[6 + k] = buf[6 + k];
		}
		out_table_add(&t, cells);
	}
	out_table_print(fp, &t);
	out_table_release(&t);
	free(cells);
	free(buf);
	free(head);
	free(ord);
}

static void
print_footer(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	char b[40];
	int first = 1;

	cidx_num_fmt_fixed(b, sizeof(b), r->mean_shift, 3);
	fprintf(fp, "\nmean absolute rank shift: %s places (over %zu %s)\n", b,
	    r->runs, r->sobol ? "runs" : "draws");
	if (r->n_tiers > 0) {
		fputs("tiers of a draw by the nominal tiers' ranks:", fp);
		for (int k = 1; k <= r->n_tiers; k++)
			if (r->band_lo[k] == r->band_hi[k])
				fprintf(fp, "%s tier %d rank %d", k > 1 ? "," :
				    "", k, r->band_lo[k]);
			else if (r->band_lo[k] < r->band_hi[k])
				fprintf(fp, "%s tier %d ranks %d-%d", k > 1 ?
				    "," : "", k, r->band_lo[k], r->band_hi[k]);
		fputc('\n', fp);
	}
	fprintf(fp, "%zu data combination%s prepared once (imputation x "
	    "winmax x normalisation)\n", r->n_variants,
	    r->n_variants == 1 ? "" : "s");
	for (size_t i = 0; !r->sobol && i < r->n; i++)
		if (r->unranked[i] > 0) {
			fprintf(fp, "%s %s (%zu)", first ? "without a rank in "
			    "some draws:" : ",", out_text(v->ds->unit[i].code),
			    r->unranked[i]);
			first = 0;
		}
	if (!first)
		fputc('\n', fp);
	if (r->n_invalid)
		fprintf(fp, "%zu unit rank(s) missing: a geometric or harmonic "
		    "mean met a value <= 0\n", r->n_invalid);
}

static void
print_sobol(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	struct out_table t;
	const char *cells[4];
	char b[4][40];

	cidx_num_fmt_fixed(b[0], sizeof(b[0]), r->y_mean, 3);
	cidx_num_fmt_fixed(b[1], sizeof(b[1]), r->V, 3);
	fprintf(fp, "output: the mean absolute rank shift R_s of a run (mean "
	    "%s, variance %s over the %zu runs of A and B)\n\n", b[0], b[1],
	    2 * r->draws);
	out_table_init(&t, 4);
	out_table_set_right(&t, 1, 1);
	out_table_set_right(&t, 2, 1);
	out_table_set_right(&t, 3, 1);
	cells[0] = "input";
	cells[1] = "varies";
	cells[2] = "first order S";
	cells[3] = "total ST";
	out_table_add(&t, cells);
	for (size_t q = 0; q < r->d; q++) {
		snprintf(b[1], sizeof(b[1]), "%zu %s", r->n_choices[r->input[q]],
		    r->input[q] == CIDX_MC_WEIGHTS ? "weights" :
		    r->input[q] == CIDX_MC_DROP ? "indicators" : "choices");
		cells[0] = cidx_mc_input_names[r->input[q]];
		cells[1] = b[1];
		cidx_num_fmt_fixed(b[2], sizeof(b[2]), r->S[q], 3);
		cidx_num_fmt_fixed(b[3], sizeof(b[3]), r->ST[q], 3);
		cells[2] = isnan(r->S[q]) ? "" : b[2];
		cells[3] = isnan(r->ST[q]) ? "" : b[3];
		out_table_add(&t, cells);
	}
	out_table_print(fp, &t);
	out_table_release(&t);
	fprintf(fp, "\n%zu data combination%s prepared once\n", r->n_variants,
	    r->n_variants == 1 ? "" : "s");
}

/* ---- CSV ------------------------------------------------------------ */

static void
csv_units(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	size_t *ord = unit_order(r);
	char b[40];

	fputs("code,name,nominal_rank,median_rank,mean_rank,q05_rank,"
	    "q95_rank", fp);
	for (int k = 1; k <= r->n_tiers; k++)
		fprintf(fp, ",tier_%d_share", k);
	fputc('\n', fp);
	for (size_t q = 0; q < r->n; q++) {
		size_t i = ord[q];

		out_csv_field(fp, v->ds->unit[i].code);
		fputc(',', fp);
		out_csv_field(fp, v->ds->unit[i].name);
		fputc(',', fp);
		if (r->nominal->rank[i])
			fprintf(fp, "%d", r->nominal->rank[i]);
		fprintf(fp, ",%s", num(b, sizeof(b), r->median[i]));
		fprintf(fp, ",%s", num(b, sizeof(b), r->mean[i]));
		fprintf(fp, ",%s", num(b, sizeof(b), r->q05[i]));
		fprintf(fp, ",%s", num(b, sizeof(b), r->q95[i]));
		for (int k = 0; k < r->n_tiers; k++)
			fprintf(fp, ",%s", num(b, sizeof(b), r->tier_share[i *
			    (size_t)r->n_tiers + (size_t)k]));
		fputc('\n', fp);
	}
	free(ord);
}

static void
csv_sobol(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	char b[40];

	fputs("input,choices,first_order,total\n", fp);
	for (size_t q = 0; q < r->d; q++) {
		fprintf(fp, "%s,%zu", cidx_mc_input_names[r->input[q]],
		    r->n_choices[r->input[q]]);
		fprintf(fp, ",%s", num(b, sizeof(b), r->S[q]));
		fprintf(fp, ",%s\n", num(b, sizeof(b), r->ST[q]));
	}
}

/* ---- JSON ----------------------------------------------------------- */

static void
json_inputs(struct cidx_jsonw *w, const struct mc_view *v)
{
	const struct cidx_mc_result *r = v->r;
	const struct cidx_framework *fw = v->e->fw;

	cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	for (size_t q = 0; q < r->d; q++) {
		enum cidx_mc_input k = r->input[q];

		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "input");
		cidx_jsonw_string(w, cidx_mc_input_names[k]);
		if (k == CIDX_MC_WEIGHTS) {
			cidx_jsonw_key(w, "noise");
			cidx_jsonw_number(w, r->phi);
			cidx_jsonw_key(w, "nodes");
			cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
			for (size_t t = 0; t < r->n_noisy; t++)
				cidx_jsonw_string(w,
				    fw->node[r->noisy[t]].code);
		} else {
			cidx_jsonw_key(w, k == CIDX_MC_DROP ? "indicators" :
			    "alternatives");
			cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
			for (size_t i = 0; i < r->n_choices[k]; i++)
				cidx_jsonw_string(w, k == CIDX_MC_DROP ?
				    fw->node[r->drop[i]].code :
				    r->alt_text[k][i]);
		}
		cidx_jsonw_end_array(w);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
}

/* a rank, or null for none */
static void
json_rank(struct cidx_jsonw *w, int rank)
{
	if (rank)
		cidx_jsonw_int(w, rank);
	else
		cidx_jsonw_null(w);
}

static void
json_unit(struct cidx_jsonw *w, const struct mc_view *v, size_t i)
{
	const struct cidx_mc_result *r = v->r;
	const struct cidx_unit *u = &v->ds->unit[i];

	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(w, "code");
	cidx_jsonw_string(w, u->code);
	cidx_jsonw_key(w, "name");
	cidx_jsonw_string(w, u->name);
	cidx_jsonw_key(w, "nominal_rank");
	json_rank(w, r->nominal->rank[i]);
	cidx_jsonw_key(w, "nominal_tier");
	json_rank(w, r->nominal->tier[i]);
	cidx_jsonw_key(w, "median_rank");
	cidx_jsonw_number(w, r->median[i]);
	cidx_jsonw_key(w, "mean_rank");
	cidx_jsonw_number(w, r->mean[i]);
	cidx_jsonw_key(w, "q05_rank");
	cidx_jsonw_number(w, r->q05[i]);
	cidx_jsonw_key(w, "q95_rank");
	cidx_jsonw_number(w, r->q95[i]);
	cidx_jsonw_key(w, "tier_shares");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (int k = 0; k < r->n_tiers; k++)
		cidx_jsonw_number(w, r->tier_share[i * (size_t)r->n_tiers +
		    (size_t)k]);
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "unranked_draws");
	cidx_jsonw_uint(w, r->unranked[i]);
	cidx_jsonw_end_object(w);
}

static void
json_sobol(struct cidx_jsonw *w, const struct mc_view *v)
{
	const struct cidx_mc_result *r = v->r;

	cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
	cidx_jsonw_key(w, "output");
	cidx_jsonw_string(w, "mean absolute rank shift");
	cidx_jsonw_key(w, "mean");
	cidx_jsonw_number(w, r->y_mean);
	cidx_jsonw_key(w, "variance");
	cidx_jsonw_number(w, r->V);
	cidx_jsonw_key(w, "indices");
	cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	for (size_t q = 0; q < r->d; q++) {
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "input");
		cidx_jsonw_string(w, cidx_mc_input_names[r->input[q]]);
		cidx_jsonw_key(w, "first_order");
		cidx_jsonw_number(w, r->S[q]);
		cidx_jsonw_key(w, "total");
		cidx_jsonw_number(w, r->ST[q]);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
	cidx_jsonw_end_object(w);
}

/* the nominal tiers' rank bands, and each unit's rank interval */
static void
json_units(struct cidx_jsonw *w, const struct mc_view *v)
{
	const struct cidx_mc_result *r = v->r;
	size_t *ord;

	cidx_jsonw_key(w, "tier_bands");
	cidx_jsonw_begin_array(w, CIDX_JSONW_INLINE);
	for (int k = 1; k <= r->n_tiers; k++) {
		cidx_jsonw_begin_object(w, CIDX_JSONW_INLINE);
		cidx_jsonw_key(w, "tier");
		cidx_jsonw_int(w, k);
		cidx_jsonw_key(w, "from");
		cidx_jsonw_int(w, r->band_lo[k]);
		cidx_jsonw_key(w, "to");
		cidx_jsonw_int(w, r->band_hi[k]);
		cidx_jsonw_end_object(w);
	}
	cidx_jsonw_end_array(w);
	cidx_jsonw_key(w, "units");
	cidx_jsonw_begin_array(w, CIDX_JSONW_LINES);
	ord = unit_order(r);
	for (size_t q = 0; q < r->n; q++)
		json_unit(w, v, ord[q]);
	free(ord);
	cidx_jsonw_end_array(w);
}

static int
print_json(const struct mc_view *v, FILE *fp)
{
	const struct cidx_mc_result *r = v->r;
	struct cidx_jsonw w;

	cidx_jsonw_init(&w, fp);
	cidx_jsonw_begin_object(&w, CIDX_JSONW_LINES);
	cidx_jsonw_key(&w, "cityidx");
	cidx_jsonw_string(&w, CITYIDX_VERSION);
	cidx_jsonw_key(&w, "command");
	cidx_jsonw_string(&w, "sensitivity");
	cidx_jsonw_key(&w, "workspace");
	cidx_jsonw_string(&w, cli_workspace());
	cidx_jsonw_key(&w, "year");
	cidx_jsonw_int(&w, v->year);
	cidx_jsonw_key(&w, "design");
	cidx_jsonw_string(&w, design_word(r));
	cidx_jsonw_key(&w, "draws");
	cidx_jsonw_uint(&w, r->draws);
	cidx_jsonw_key(&w, "runs");
	cidx_jsonw_uint(&w, r->runs);
	cidx_jsonw_key(&w, "seed");
	cidx_jsonw_uint(&w, r->seed);
	cidx_jsonw_key(&w, "inputs");
	json_inputs(&w, v);
	cidx_jsonw_key(&w, "data_combinations");
	cidx_jsonw_uint(&w, r->n_variants);
	cidx_jsonw_key(&w, "mean_rank_shift");
	cidx_jsonw_number(&w, r->mean_shift);
	cidx_jsonw_key(&w, "invalid");
	cidx_jsonw_uint(&w, r->n_invalid);
	cidx_jsonw_key(&w, "method");
	cli_engine_write_method(v->e, &w, v->year, v->ts->text, v->top, 20);
	if (r->sobol) {
		cidx_jsonw_key(&w, "sobol");
		json_sobol(&w, v);
	} else {
		json_units(&w, v);
	}
	cidx_jsonw_end_object(&w);
	return out_json_end(&w);
}

/* csv and json have no footer: what it would say goes to stderr */
static void
warnings(const struct mc_view *v)
{
	const struct cidx_mc_result *r = v->r;

	for (size_t i = 0; !r->sobol && i < r->n; i++)
		if (r->unranked[i] > 0)
			cli_warn("unit '%s' has no rank in %zu of %zu draws",
			    v->ds->unit[i].code, r->unranked[i], r->runs);
	if (r->n_invalid)
		cli_warn("%zu unit rank(s) missing: a geometric or harmonic "
		    "mean met a value <= 0", r->n_invalid);
}

int
mc_output(const struct mc_view *v)
{
	struct cidx_ofile *of = NULL;
	FILE *fp;
	int ret;

	if ((ret = cli_output_open(&of, v->output ? v->output : "-")) !=
	    CLI_OK)
		return ret;
	fp = cidx_ofile_fp(of);
	if (v->fmt != CLI_FMT_TABLE)
		warnings(v);
	if (v->fmt == CLI_FMT_JSON) {
		ret = print_json(v, fp);
	} else if (v->fmt == CLI_FMT_CSV) {
		if (v->r->sobol)
			csv_sobol(v, fp);
		else
			csv_units(v, fp);
	} else {
		print_header(v, fp);
		if (v->r->sobol) {
			print_sobol(v, fp);
		} else {
			print_units(v, fp);
			print_footer(v, fp);
		}
	}
	return cli_output_close(&of, ret);
}

int
mc_write_draws(const struct mc_view *v, const char *path)
{
	const struct cidx_mc_result *r = v->r;
	const struct cidx_framework *fw = v->e->fw;
	struct cidx_mc_params pa;
	struct cidx_ofile *of = NULL;
	double *f;
	char b[40];
	FILE *fp;
	int ret;

	if ((ret = cli_output_open(&of, path)) != CLI_OK)
		return ret;
	fp = cidx_ofile_fp(of);
	f = cidx_xcalloc(r->n_noisy + 1, sizeof(double));
	fputs(r->sobol ? "run,matrix,row" : "draw", fp);
	for (size_t q = 0; q < r->d; q++)
		if (r->input[q] != CIDX_MC_WEIGHTS)
			fprintf(fp, ",%s", cidx_mc_input_names[r->input[q]]);
	for (size_t t = 0; t < r->n_noisy; t++) {
		fputc(',', fp);
		snprintf(b, sizeof(b), "w_%s", fw->node[r->noisy[t]].code);
		out_csv_field(fp, b);
	}
	for (size_t i = 0; i < r->n; i++) {
		fputs(",rank_", fp);
		out_csv_field(fp, v->ds->unit[i].code);
	}
	fputc('\n', fp);
	for (size_t k = 0; k < r->runs; k++) {
		cidx_mc_params(r, k, &pa, f);
		if (r->sobol && pa.matrix >= 2)
			fprintf(fp, "%zu,AB_%s,%zu", k,
			    cidx_mc_input_names[r->input[pa.matrix - 2]],
			    pa.row);
		else if (r->sobol)
			fprintf(fp, "%zu,%s,%zu", k, pa.matrix ? "B" : "A",
			    pa.row);
		else
			fprintf(fp, "%zu", k);
		for (size_t q = 0; q < r->d; q++) {
			enum cidx_mc_input in = r->input[q];

			if (in == CIDX_MC_WEIGHTS)
				continue;
			fputc(',', fp);
			out_csv_field(fp, in == CIDX_MC_DROP ?
			    fw->node[r->drop[pa.alt[in]]].code :
			    r->alt_text[in][pa.alt[in]]);
		}
		for (size_t t = 0; t < r->n_noisy; t++)
			fprintf(fp, ",%s", num(b, sizeof(b), f[t]));
		for (size_t i = 0; i < r->n; i++)
			if (r->ranks[k * r->n + i])
				fprintf(fp, ",%d", r->ranks[k * r->n + i]);
			else
				fputc(',', fp);
		fputc('\n', fp);
	}
	free(f);
	return cli_output_close(&of, ret);
}
