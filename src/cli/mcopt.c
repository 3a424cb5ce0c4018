/*
 * mcopt.c - the uncertain-input options and the Monte Carlo run
 * (mcopt.h).  Values are read by the library's vocabulary; the work is
 * the library's (cidx_mc_run()); this file routes, prints the progress
 * bar and the messages.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calc/methodvocab.h"
#include "cli/cli.h"
#include "cli/mcopt.h"
#include "core/num.h"

#define MAX_THREADS_DEFAULT 64

static const enum cidx_mkey alt_key[CIDX_MC_N_INPUTS] = {
	[CIDX_MC_IMPUTE] = CIDX_MK_IMPUTE,
	[CIDX_MC_WINMAX] = CIDX_MK_TREAT,
	[CIDX_MC_NORMALISE] = CIDX_MK_NORMALISE,
	[CIDX_MC_AGGREGATE] = CIDX_MK_AGGREGATE,
	[CIDX_MC_METHOD] = CIDX_MK_METHOD,
};

static const char *const alt_option[CIDX_MC_N_INPUTS] = {
	[CIDX_MC_IMPUTE] = "alt-impute",
	[CIDX_MC_WINMAX] = "alt-winmax",
	[CIDX_MC_NORMALISE] = "alt-normalize",
	[CIDX_MC_AGGREGATE] = "alt-aggregate",
	[CIDX_MC_METHOD] = "alt-method",
};

/* the inputs given as lists of alternatives */
static int
is_list(int k)
{
	return (k >= CIDX_MC_IMPUTE && k <= CIDX_MC_AGGREGATE) ||
	    k == CIDX_MC_METHOD;
}

void
cli_mc_opts_init(struct cli_mc_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->draws = 1000;
	o->seed = 1;
	o->max_memory = CLI_MC_MAX_MEMORY;
}

void
cli_mc_opts_release(struct cli_mc_opts *o)
{
	for (int k = 0; k < CIDX_MC_N_INPUTS; k++)
		free(o->alt[k]);
	free(o->methods);
	memset(o, 0, sizeof(*o));
}

/* "2,3": levels 1 .. CIDX_FRAMEWORK_MAX_LEVELS - 1 (the index, at most
 * level CIDX_FRAMEWORK_MAX_LEVELS, has no weight) */
static int
parse_levels(const char *s, unsigned char *out)
{
	char buf[8];
	long v;

	memset(out, 0, CIDX_FRAMEWORK_MAX_LEVELS + 1);
	for (;;) {
		size_t len = strcspn(s, ",");

		if (len == 0 || len >= sizeof(buf))
			return -1;
		memcpy(buf, s, len);
		buf[len] = '\0';
		if (cidx_num_parse_int(buf, 1, CIDX_FRAMEWORK_MAX_LEVELS - 1,
		    &v) < 0)
			return -1;
		out[v] = 1;
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

/* the text cidx_method_set() reads for an --alt-winmax value */
static void
winmax_text(char *buf, size_t n, const struct cidx_treat_params *p,
    const char *winmax)
{
	char a[40], b[40];

	cidx_num_shortest(a, sizeof(a), p->skew);
	cidx_num_shortest(b, sizeof(b), p->kurt);
	snprintf(buf, n, "%s,%s,%s", a, b, winmax);
}

static int
check_alt(int k, const char *arg, const char *cmd)
{
	struct cidx_method m = CIDX_METHOD_INIT;
	struct cidx_treat_params tp = CIDX_TREAT_PARAMS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	char buf[200];

	if (k == CIDX_MC_WINMAX) {
		winmax_text(buf, sizeof(buf), &tp, arg);
		if (strchr(arg, ',') || cidx_method_set(&m, CIDX_MK_TREAT, buf,
		    &err) < 0)
			return cli_usage_error(cmd, "--alt-winmax '%s': "
			    "expected a whole number from 0 to 1000000", arg);
		return 0;
	}
	if (cidx_method_set(&m, alt_key[k], arg, &err) < 0)
		return cli_usage_error(cmd, "--%s: %s", alt_option[k],
		    err.msg);
	return 0;
}

int
cli_mc_option(struct cli_mc_opts *o, int ch, const char *arg,
    const char *cmd)
{
	long v;
	double d;
	int k = ch - OPT_MC_ALT;

	if (is_list(k)) {
		if (check_alt(k, arg, cmd) != 0)
			return CLI_USAGE;
		o->alt[k] = cidx_xreallocarray(o->alt[k], o->nalt[k] + 1,
		    sizeof(char *));
		o->alt[k][o->nalt[k]++] = arg;
		o->given = 1;
		return 1;
	}
	switch (ch) {
	case OPT_MC_DRAWS:
		if (cli_parse_long(arg, 1, CIDX_MC_MAX_DRAWS, &o->draws) < 0)
			return cli_usage_error(cmd, "--draws '%s': expected a "
			    "whole number from 1 to %d", arg,
			    CIDX_MC_MAX_DRAWS);
		break;
	case OPT_MC_SEED:
		if (cli_parse_long(arg, 0, 0x7fffffffffffffffL, &v) < 0)
			return cli_usage_error(cmd, "--seed '%s': expected a "
			    "whole number from 0 to 9223372036854775807", arg);
		o->seed = (uint64_t)v;
		break;
	case OPT_MC_THREADS:
		if (cli_parse_long(arg, 1, CIDX_MC_MAX_THREADS,
		    &o->threads) < 0)
			return cli_usage_error(cmd, "--threads '%s': expected a "
			    "whole number from 1 to %d", arg,
			    CIDX_MC_MAX_THREADS);
		break;
	case OPT_MC_NOISE:
		if (cidx_num_parse(arg, &d, NULL) < 0 || d < 0 || d > 1)
			return cli_usage_error(cmd, "--weights-noise '%s': "
			    "expected a number from 0 to 1", arg);
		o->phi = d;
		o->phi_given = 1;
		break;
	case OPT_MC_LEVEL:
		if (parse_levels(arg, o->levels) < 0)
			return cli_usage_error(cmd, "--noise-level '%s': "
			    "expected levels such as 2,3 (whole numbers from "
			    "1 to %d)", arg, CIDX_FRAMEWORK_MAX_LEVELS - 1);
		o->levels_given = 1;
		break;
	case OPT_MC_DROP:
		o->drop_one = 1;
		break;
	case OPT_MC_MAXMEM:
		if (cidx_num_parse_size(arg, &o->max_memory) < 0)
			return cli_usage_error(cmd, "--max-memory '%s': "
			    "expected a size such as 512M or 8G", arg);
		break;
	default:
		return 0;
	}
	o->given = 1;
	return 1;
}

/* the alternatives as whole methods: the nominal with one item set */
static int
apply_alts(struct cli_mc_opts *o, const struct cidx_method *nom,
    struct cidx_mc_spec *s, const char *cmd)
{
	struct cidx_err err = CIDX_ERR_INIT;
	size_t total = 0, q = 0;
	char buf[200];

	for (int k = 0; k < CIDX_MC_N_INPUTS; k++)
		total += o->nalt[k];
	free(o->methods);
	o->methods = cidx_xcalloc(total + 1, sizeof(*o->methods));
	if (o->nalt[CIDX_MC_WINMAX] && !nom->treat)
		return cli_usage_error(cmd, "--alt-winmax varies the outlier "
		    "treatment: give --treat too");
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++) {
		if (!is_list(k))
			continue;
		s->alt[k] = o->nalt[k] ? &o->methods[q] : NULL;
		s->n_alt[k] = o->nalt[k];
		for (size_t i = 0; i < o->nalt[k]; i++, q++) {
			const char *text = o->alt[k][i];

			o->methods[q] = *nom;
			if (k == CIDX_MC_WINMAX) {
				winmax_text(buf, sizeof(buf), &nom->treat_p,
				    text);
				text = buf;
			}
			if (cidx_method_set(&o->methods[q], alt_key[k], text,
			    &err) < 0)
				return cli_usage_error(cmd, "--%s: %s",
				    alt_option[k], err.msg);
		}
	}
	return CLI_OK;
}

struct progress {
	double t0;
	int shown;
	const char *cmd;
};

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
progress(void *ctx, size_t done, size_t total)
{
	struct progress *pr = ctx;
	int width = 30, fill = total ? (int)((double)width * (double)done /
	    (double)total) : width;

	if (done >= total) {
		if (pr->shown)
			fprintf(stderr, "\r%*s\r", 72, "");
		return;
	}
	if (!pr->shown && seconds() - pr->t0 < 0.5)
		return;
	pr->shown = 1;
	fprintf(stderr, "\rcityidx %s: [%.*s%*s] %zu of %zu runs", pr->cmd,
	    fill, "##############################", width - fill, "", done,
	    total);
	fflush(stderr);
}

static size_t
plus(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* what lowers the largest part of an estimate (NULL: only the limit) */
static const char *
memory_hint(const struct cidx_mc_memory *m)
{
	const struct {
		size_t bytes;
		const char *hint;
	} part[] = {
		{ m->ranks, "lower --draws or leave out --save-draws" },
		{ m->runs, "lower --draws" },
		{ m->threads, "lower --threads" },
		{ plus(m->data, m->prepare), "give fewer --alt-impute, "
		    "--alt-winmax and --alt-normalize values" },
		{ plus(m->nominal, plus(m->plan, plus(m->counts,
		    m->stats))), NULL },
	};
	size_t best = 0;

	for (size_t k = 1; k < sizeof(part) / sizeof(part[0]); k++)
		if (part[k].bytes > part[best].bytes)
			best = k;
	return part[best].hint;
}

/* a run over the limit refused before it starts, with what lowers it */
static int
check_memory(struct cli_engine *e, int year, const struct cidx_mc_spec *s)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_mc_memory m;
	const char *hint;

	if (cidx_mc_estimate(&m, e->eng, year, s, &err) < 0)
		return cli_error_core(&err);
	if (cidx_mc_memory_check(&m, s, &err) == 0)
		return CLI_OK;
	hint = memory_hint(&m);
	if (m.total == SIZE_MAX)
		return cli_error("%s%s%s", err.msg, hint ? "; " : "",
		    hint ? hint : "");
	return cli_error("%s; %s%sraise the limit with --max-memory", err.msg,
	    hint ? hint : "", hint ? ", or " : "");
}

static long
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_THREADS_DEFAULT ? MAX_THREADS_DEFAULT : n;
}

int
cli_mc_run(struct cli_engine *e, int year, struct cli_mc_opts *o,
    const struct cidx_tierspec *ts, size_t top, int sobol, int keep_ranks,
    const char *cmd, struct cidx_mc_result **out)
{
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct progress pr = { seconds(), 0, cmd };
	double phi;
	int ret;

	*out = NULL;
	phi = o->phi_given ? o->phi : o->levels_given ? 0.25 : 0;
	if (phi == 0 && !o->drop_one &&
	    !o->nalt[CIDX_MC_IMPUTE] && !o->nalt[CIDX_MC_WINMAX] &&
	    !o->nalt[CIDX_MC_NORMALISE] && !o->nalt[CIDX_MC_AGGREGATE] &&
	    !o->nalt[CIDX_MC_METHOD])
		return cli_usage_error(cmd, "no uncertain input: give "
		    "--weights-noise, --noise-level, --alt-impute, --alt-winmax, "
		    "--alt-normalize, --alt-aggregate, --alt-method or "
		    "--drop-one");
	if ((ret = cli_engine_derive(e, year)) != CLI_OK ||
	    (ret = apply_alts(o, cidx_engine_method(e->eng), &s, cmd)) !=
	    CLI_OK)
		return ret;
	s.draws = (size_t)o->draws;
	s.seed = o->seed;
	s.threads = (unsigned)(o->threads ? o->threads : default_threads());
	s.phi = phi;
	memcpy(s.noise_level, o->levels, sizeof(s.noise_level));
	s.drop_one = o->drop_one;
	s.sobol = sobol;
	s.keep_ranks = keep_ranks;
	s.tiers = ts;
	s.top = top;
	s.max_memory = o->max_memory;
	if ((ret = check_memory(e, year, &s)) != CLI_OK)
		return ret;
	if (isatty(STDERR_FILENO)) {
		s.progress = progress;
		s.progress_ctx = &pr;
	}
	if (cidx_mc_run(out, e->eng, year, &s, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

void
cli_mc_describe(const struct cidx_mc_result *r,
    const struct cidx_framework *fw, int zh, struct sbuf *sb)
{
	static const char *const zh_word[CIDX_MC_N_INPUTS] = {
		"权重", "插补", "winmax", "归一化", "聚合", "剔除", "方法"
	};

	for (size_t q = 0; q < r->d; q++) {
		enum cidx_mc_input k = r->input[q];
		size_t nc = r->n_choices[k];

		if (q)
			cidx_sbuf_adds(sb, zh ? "；" : "; ");
		if (k == CIDX_MC_WEIGHTS) {
			char a[40];
			int lv[CIDX_FRAMEWORK_MAX_LEVELS + 1] = { 0 };
			int first = 1, many = 0;

			for (size_t t = 0; t < r->n_noisy; t++)
				lv[fw->node[r->noisy[t]].level]++;
			for (int l = 1; l <= CIDX_FRAMEWORK_MAX_LEVELS; l++)
				many += lv[l] > 0;
			cidx_num_shortest(a, sizeof(a), 100 * r->phi);
			cidx_sbuf_addf(sb, zh ? "%zu个权重±%s%%（第" :
			    "%zu weights \u00b1%s%% at level%s ", r->n_noisy, a,
			    many > 1 ? "s" : "");
			for (int l = 1; l <= CIDX_FRAMEWORK_MAX_LEVELS; l++)
				if (lv[l]) {
					cidx_sbuf_addf(sb, "%s%d", first ? "" :
					    zh ? "、" : ",", l);
					first = 0;
				}
			if (zh)
				cidx_sbuf_adds(sb, "层）");
		} else if (k == CIDX_MC_DROP) {
			cidx_sbuf_addf(sb, zh ? "剔除%zu项指标之一" :
			    "one of %zu indicators left out", r->n_drop);
		} else {
			cidx_sbuf_addf(sb, "%s ", zh ? zh_word[k] :
			    cidx_mc_input_names[k]);
			for (size_t i = 0; i < nc; i++)
				cidx_sbuf_addf(sb, "%s%s", i == 0 ? "" : i + 1 < nc ?
				    (zh ? "、" : ", ") : (zh ? "或" : " or "),
				    r->alt_text[k][i]);
		}
	}
}
