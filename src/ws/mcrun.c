/*
 * mcrun.c - the Monte Carlo of a workspace's year (mcrun.h): the alternatives
 * made whole methods, the memory estimate checked, the run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calc/methodvocab.h"
#include "core/num.h"
#include "ws/mcrun.h"
#include "ws/methodwords.h"

const enum cidx_mkey cidx_ws_mc_alt_key[CIDX_MC_N_INPUTS] = {
	[CIDX_MC_IMPUTE] = CIDX_MK_IMPUTE,
	[CIDX_MC_WINMAX] = CIDX_MK_TREAT,
	[CIDX_MC_NORMALISE] = CIDX_MK_NORMALISE,
	[CIDX_MC_AGGREGATE] = CIDX_MK_AGGREGATE,
	[CIDX_MC_METHOD] = CIDX_MK_METHOD,
};

const char *const cidx_ws_mc_alt_option[CIDX_MC_N_INPUTS] = {
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
cidx_ws_mc_winmax_text(char *buf, size_t n, const struct cidx_treat_params *p,
    const char *winmax)
{
	char a[40], b[40];

	cidx_num_shortest(a, sizeof(a), p->skew);
	cidx_num_shortest(b, sizeof(b), p->kurt);
	snprintf(buf, n, "%s,%s,%s", a, b, winmax);
}

/* the alternatives as whole methods (*methods, freed by the caller):
 * the nominal with one item set */
static int
apply_alts(struct cidx_method **methods, const struct cidx_ws_mc_opts *o,
    const struct cidx_method *nom, struct cidx_mc_spec *s,
    struct cidx_err *err)
{
	struct cidx_err e = CIDX_ERR_INIT;
	size_t total = 0, q = 0;
	char buf[200];

	for (int k = 0; k < CIDX_MC_N_INPUTS; k++)
		total += o->nalt[k];
	*methods = cidx_xcalloc(total + 1, sizeof(**methods));
	if (o->nalt[CIDX_MC_WINMAX] && !nom->treat)
		return cidx_err_set(err, CIDX_EOPTION, "--alt-winmax varies "
		    "the outlier treatment: give --treat too");
	for (int k = CIDX_MC_IMPUTE; k < CIDX_MC_N_INPUTS; k++) {
		if (!is_list(k))
			continue;
		s->alt[k] = o->nalt[k] ? &(*methods)[q] : NULL;
		s->n_alt[k] = o->nalt[k];
		for (size_t i = 0; i < o->nalt[k]; i++, q++) {
			const char *text = o->alt[k][i];

			(*methods)[q] = *nom;
			if (k == CIDX_MC_WINMAX) {
				cidx_ws_mc_winmax_text(buf, sizeof(buf),
				    &nom->treat_p, text);
				text = buf;
			}
			if (cidx_method_set(&(*methods)[q],
			    cidx_ws_mc_alt_key[k], text, &e) < 0)
				return cidx_err_set(err, CIDX_EOPTION, "--%s: %s",
				    cidx_ws_mc_alt_option[k], e.msg);
		}
	}
	return 0;
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
check_memory(struct cidx_ws *ws, int year, const struct cidx_mc_spec *s,
    struct cidx_err *err)
{
	struct cidx_err e = CIDX_ERR_INIT;
	struct cidx_mc_memory m;
	const char *hint;
	int ret;

	if ((ret = cidx_mc_estimate(&m, cidx_ws_engine(ws), year, s, err)) < 0)
		return ret;
	if (cidx_mc_memory_check(&m, s, &e) == 0)
		return 0;
	hint = memory_hint(&m);
	if (m.total == SIZE_MAX)
		return cidx_err_set(err, e.code ? e.code : CIDX_ERROR, "%s%s%s",
		    e.msg, hint ? "; " : "", hint ? hint : "");
	return cidx_err_set(err, e.code ? e.code : CIDX_ERROR, "%s; %s%sraise "
	    "the limit with --max-memory", e.msg, hint ? hint : "",
	    hint ? ", or " : "");
}

static long
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > CIDX_WS_MC_THREADS_DEFAULT ?
	    CIDX_WS_MC_THREADS_DEFAULT : n;
}

/* any input uncertain */
static int
uncertain(const struct cidx_ws_mc_opts *o, double phi)
{
	return phi != 0 || o->drop_one || o->nalt[CIDX_MC_IMPUTE] ||
	    o->nalt[CIDX_MC_WINMAX] || o->nalt[CIDX_MC_NORMALISE] ||
	    o->nalt[CIDX_MC_AGGREGATE] || o->nalt[CIDX_MC_METHOD];
}

int
cidx_ws_mc_run(struct cidx_mc_result **out, struct cidx_ws *ws, int year,
    const struct cidx_ws_mc_opts *o, struct cidx_err *err)
{
	struct cidx_mc_spec s = CIDX_MC_SPEC_INIT;
	struct cidx_method *methods = NULL;
	double phi = o->phi_given ? o->phi : o->levels_given ? 0.25 : 0;
	int ret;

	*out = NULL;
	if (!uncertain(o, phi))
		return cidx_err_set(err, CIDX_EOPTION, "no uncertain input: "
		    "give --weights-noise, --noise-level, --alt-impute, "
		    "--alt-winmax, --alt-normalize, --alt-aggregate, "
		    "--alt-method or --drop-one");
	if ((ret = cidx_ws_derive(ws, year, err)) < 0 ||
	    (ret = apply_alts(&methods, o, cidx_engine_method(
	    cidx_ws_engine(ws)), &s, err)) < 0)
		goto out;
	s.draws = o->draws;
	s.seed = o->seed;
	s.threads = o->threads ? o->threads : (unsigned)default_threads();
	s.phi = phi;
	memcpy(s.noise_level, o->levels, sizeof(s.noise_level));
	s.drop_one = o->drop_one;
	s.sobol = o->sobol;
	s.keep_ranks = o->keep_ranks;
	s.skip_invalid = o->skip_invalid;
	s.tiers = o->tiers;
	s.top = o->top;
	s.max_memory = o->max_memory;
	s.progress = o->progress;
	s.progress_ctx = o->progress_ctx;
	if ((ret = check_memory(ws, year, &s, err)) < 0)
		goto out;
	ret = cidx_mc_run(out, cidx_ws_engine(ws), year, &s, err);
out:
	free(methods);
	return ret;
}

void
cidx_ws_mc_describe(const struct cidx_mc_result *r,
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

/* "2、3" / "2, 3": the levels of the noisy weights */
static void
noisy_levels(const struct cidx_mc_result *r, const struct cidx_framework *fw,
    enum cidx_lang lang, struct sbuf *sb)
{
	int lv[CIDX_FRAMEWORK_MAX_LEVELS + 1] = { 0 };

	for (size_t t = 0; t < r->n_noisy; t++)
		lv[fw->node[r->noisy[t]].level]++;
	for (int l = 1; l <= CIDX_FRAMEWORK_MAX_LEVELS; l++)
		if (lv[l])
			cidx_sbuf_addf(sb, "%s%d", sb->len ?
			    cidx_msg(lang, CIDX_MSG_LIST_SEP) : "", l);
}

void
cidx_ws_mc_words(const struct cidx_mc_result *r,
    const struct cidx_framework *fw, enum cidx_lang lang,
    enum cidx_unit_noun noun, struct sbuf *sb)
{
	static const enum cidx_msg_id label[CIDX_MC_N_INPUTS] = {
		[CIDX_MC_IMPUTE] = CIDX_MSG_MC_IMPUTE,
		[CIDX_MC_WINMAX] = CIDX_MSG_MC_WINMAX,
		[CIDX_MC_NORMALISE] = CIDX_MSG_MC_NORMALISE,
		[CIDX_MC_AGGREGATE] = CIDX_MSG_MC_AGGREGATE,
		[CIDX_MC_METHOD] = CIDX_MSG_MC_METHOD,
	};

	for (size_t q = 0; q < r->d; q++) {
		enum cidx_mc_input k = r->input[q];
		size_t nc = r->n_choices[k];

		if (q)
			cidx_sbuf_adds(sb, cidx_msg(lang, CIDX_MSG_SEMI));
		if (k == CIDX_MC_WEIGHTS) {
			struct sbuf lv = SBUF_INIT;
			char a[40];

			noisy_levels(r, fw, lang, &lv);
			cidx_num_shortest(a, sizeof(a), 100 * r->phi);
			cidx_msg_add(sb, lang, CIDX_MSG_MC_WEIGHTS, r->n_noisy, a,
			    lv.buf);
			cidx_sbuf_release(&lv);
			continue;
		}
		if (k == CIDX_MC_DROP) {
			cidx_msg_add(sb, lang, CIDX_MSG_MC_DROP, r->n_drop);
			continue;
		}
		cidx_sbuf_adds(sb, cidx_msg(lang, label[k]));
		for (size_t i = 0; i < nc; i++) {
			if (i)
				cidx_sbuf_adds(sb, cidx_msg(lang, i + 1 < nc ?
				    CIDX_MSG_LIST_SEP : CIDX_MSG_OR));
			cidx_ws_spec_words(cidx_ws_mc_alt_key[k],
			    r->alt_text[k][i], lang, noun, sb);
		}
	}
}
