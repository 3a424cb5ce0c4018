/*
 * rankfoot.c - what rank's table for people shows below the table: the
 * tiers with their score ranges, the movement (new in the top group, dark
 * horses, units without a comparison), the units not ranked or screened
 * out, imputation, denominators and outlier treatment, and the indicators
 * skipped, each with the reason (cityidx(1), rank, OUTPUT FORMATS).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc/imethod.h"
#include "cli/rankout.h"
#include "cli/textout.h"
#include "core/num.h"

static const char *
skip_reason(int why)
{
	switch (why) {
	case CIDX_SKIP_NODATA:
		return "indicators without data";
	case CIDX_SKIP_ONE:
		return "indicators skipped (a single value)";
	default:
		return "indicators skipped (no spread: every value equal)";
	}
}

const char *
rank_treat_action(enum cidx_treat_action a)
{
	switch (a) {
	case CIDX_TREAT_WINSOR:
		return "winsorised";
	case CIDX_TREAT_LOG:
		return "log";
	case CIDX_TREAT_LOG_NEG:
		return "log-mirrored";
	case CIDX_TREAT_NONE:
		break;
	}
	return "none";
}

static void
fmt2(char *b, size_t n, double x)
{
	cidx_num_fmt_fixed(b, n, x, 2);
}

static void
tiers(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_ranking *r = v->r;
	size_t root = v->e->fw->root;

	for (int k = 1; k <= v->ts->k; k++) {
		double lo, hi;
		size_t cnt = cidx_ranking_tier_span(r, root, k, &lo, &hi);
		char a[32], b[32];
		int first = 1;

		if (cnt == 0) {
			fprintf(fp, "tier %d%s%s%s: none\n", k,
			    v->ts->kind == CIDX_TIER_EIS ? " (" : "",
			    v->ts->kind == CIDX_TIER_EIS ?
			    cidx_tier_eis_name(k, 0) : "",
			    v->ts->kind == CIDX_TIER_EIS ? ")" : "");
			continue;
		}
		fmt2(a, sizeof(a), lo);
		fmt2(b, sizeof(b), hi);
		if (v->ts->kind == CIDX_TIER_EIS)
			fprintf(fp, "tier %d (%s): %zu unit%s, scores %s to %s:",
			    k, cidx_tier_eis_name(k, 0), cnt, cnt == 1 ? "" :
			    "s", a, b);
		else
			fprintf(fp, "tier %d: %zu unit%s, scores %s to %s:", k,
			    cnt, cnt == 1 ? "" : "s", a, b);
		for (size_t p = 0; p < r->n_ranked; p++)
			if (r->tier[r->order[p]] == k) {
				fprintf(fp, "%s %s", first ? "" : ";",
				    out_text(rank_shown_name(v,
				    r->order[p])));
				first = 0;
			}
		fprintf(fp, "\n");
	}
}

/* the ranked units whose movement satisfies `pick`, one line */
static void
move_list(const struct rank_view *v, const char *title,
    int (*pick)(const struct cidx_move *), int show_change)
{
	FILE *fp = v->fp;
	const struct cidx_ranking *r = v->r;
	size_t n = 0;
	int any = 0;

	for (size_t p = 0; p < r->n_ranked; p++)
		n += (size_t)pick(&v->mv->mv[r->order[p]]);
	if (n > 3)
		fprintf(fp, "%s (%zu):", title, n);
	else
		fprintf(fp, "%s:", title);
	for (size_t p = 0; p < r->n_ranked; p++) {
		size_t i = r->order[p];
		const struct cidx_move *m = &v->mv->mv[i];

		if (!pick(m))
			continue;
		fprintf(fp, "%s %s", any ? ";" : "",
		    out_text(rank_shown_name(v, i)));
		if (show_change == 1 && m->basis_rank != r->rank[i])
			fprintf(fp,
			    " (%d -> %d on the basis, rank %d)", m->prev,
			    m->basis_rank, r->rank[i]);
		else if (show_change == 1)
			fprintf(fp, " (%d -> %d)", m->prev, r->rank[i]);
		else if (show_change == 2 && m->cov_changed)
			fprintf(fp, " (%+d; coverage %.0f%% -> %.0f%%)",
			    m->change, 100 * m->cov_prev, 100 * m->cov_now);
		else if (show_change == 2)
			fprintf(fp, " (%+d)", m->change);
		else if (show_change == 3 && !isnan(m->cov_prev))
			fprintf(fp, " (coverage %.0f%%)", 100 * m->cov_prev);
		any = 1;
	}
	fprintf(fp, "%s\n", any ? "" : " none");
}

static int
pick_entrant(const struct cidx_move *m)
{
	return m->entrant;
}

static int
pick_dark(const struct cidx_move *m)
{
	return m->dark;
}

static int
pick_nodata(const struct cidx_move *m)
{
	return !m->prev && m->prev_status == CIDX_PREV_NODATA;
}

static int
pick_screened(const struct cidx_move *m)
{
	return !m->prev && m->prev_status == CIDX_PREV_SCREENED;
}

static void
movement(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_movement *mv = v->mv;
	size_t N = v->top ? v->top : v->r->n_ranked;
	char title[160];

	if (mv == NULL) {
		if (!v->compare_none)
			fprintf(fp,
			    "movement: no earlier year to compare with\n");
		return;
	}
	if (mv->basis == CIDX_BASIS_WITHHELD) {
		fprintf(fp,
		    "movement against %d withheld: %s; no rank changes, new "
		    "entrants or dark horses are shown\n", v->cyear,
		    out_text(mv->why));
		return;
	}
	if (mv->basis == CIDX_BASIS_COMMON)
		fprintf(fp,
		    "movement against %d on the %d indicators with data in "
		    "both years (of %d in %d, %d in %d): basis = rank %d on "
		    "them\n", v->cyear, mv->shared,
		    mv->n_cur, v->year, mv->n_prev, v->cyear, v->year);
	fprintf(fp, "change among the %zu units ranked in both years: each "
	    "year's ranks ranked again among them (rank_common_prev - "
	    "rank_common_now); a unit ranked only in %d moves nobody\n",
	    mv->n_common, v->year);
	snprintf(title, sizeof(title), "new in the top %zu since %d", N,
	    v->cyear);
	move_list(v, title, pick_entrant, 1);
	snprintf(title, sizeof(title), "dark horses (climbed %ld or more "
	    "places into the top %zu)", v->dark, N);
	move_list(v, title, pick_dark, 2);
	for (size_t p = 0; p < v->r->n_ranked; p++)
		if (pick_nodata(&mv->mv[v->r->order[p]])) {
			snprintf(title, sizeof(title), "not comparable, no data "
			    "in %d", v->cyear);
			move_list(v, title, pick_nodata, 0);
			break;
		}
	for (size_t p = 0; p < v->r->n_ranked; p++)
		if (pick_screened(&mv->mv[v->r->order[p]])) {
			snprintf(title, sizeof(title), "not comparable, "
			    "not ranked in %d (screened out)", v->cyear);
			move_list(v, title, pick_screened, 3);
			break;
		}
}

static void
screened(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_prep_report *rep = v->rep;
	const struct cidx_method *m = cidx_engine_method(v->e->eng);
	const struct cidx_framework *fw = v->e->fw;
	char share[32], b[32];

	if (rep->n_screened == 0)
		return;
	cidx_screen_text(share, sizeof(share), m->screen);
	fprintf(fp,
	    "screened out (a unit needs data for %s of the %zu indicators "
	    "with data in %d and %d in each pillar):", share,
	    rep->n_year_ind, v->year, m->screen_pillar);
	for (size_t i = 0; i < rep->n_screened; i++) {
		const struct cidx_screened *s = &rep->screened[i];

		cidx_num_fmt_percent(b, sizeof(b), s->coverage);
		fprintf(fp, "%s %s (%s", i ? ";" : "",
		    out_text(rank_screened_name(v, s)), b);
		if (s->pillar >= 0)
			fprintf(fp,
			    ", too few in %s",
			    out_text(fw->node[s->pillar].code));
		fprintf(fp, ")");
	}
	fprintf(fp, "\n");
}

/* below the table: the tiers, the movement and everything that could not
 * be ranked or compared, with the reason */
void
rank_print_footer(const struct rank_view *v)
{
	FILE *fp = v->fp;
	const struct cidx_framework *fw = v->e->fw;
	const struct cidx_ranking *r = v->r;
	const struct cidx_prep_report *rep = v->rep;

	tiers(v);
	movement(v);
	if (r->n_ranked < r->n) {
		const struct cidx_method *m = cidx_engine_method(v->e->eng);

		if (cidx_imethod_info(m->imethod)->missing == CIDX_IM_COMPLETE)
			fprintf(fp, "not ranked (no index value: %s needs a "
			    "value of every indicator):",
			    cidx_imethod_info(m->imethod)->label);
		else
			fprintf(fp, "not ranked (no index value):");
		for (size_t i = 0; i < r->n; i++)
			if (r->rank[i] == 0)
				fprintf(fp, " %s",
				    out_text(rank_shown_name(v, i)));
		fprintf(fp, "\n");
	}
	if (rep->n_imputed)
		fprintf(fp, "imputed values: %zu\n", rep->n_imputed);
	if (rep->n_den_missing)
		fprintf(fp,
		    "values without a denominator (made missing): %zu\n",
		    rep->n_den_missing);
	screened(v);
	if (rep->treated) {
		int any = 0;

		fprintf(fp, "outlier treatment:");
		for (size_t j = 0; j < fw->n_ind; j++) {
			const struct cidx_treat_report *tr = &rep->treat[j];

			if (tr->action == CIDX_TREAT_NONE)
				continue;
			fprintf(fp, "%s %s (%s", any ? ";" : "",
			    out_text(fw->node[fw->ind[j]].code),
			    rank_treat_action(tr->action));
			if (tr->action == CIDX_TREAT_WINSOR)
				fprintf(fp,
				    " %d high, %d low", tr->n_hi, tr->n_lo);
			fprintf(fp, ")");
			any = 1;
		}
		fprintf(fp, "%s\n", any ? "" : " no indicator needed it");
	}
	for (int why = CIDX_SKIP_NODATA; why <= CIDX_SKIP_CONSTANT; why++) {
		int any = 0;

		for (size_t j = 0; j < fw->n_ind; j++) {
			if (r->skipped[j] != why)
				continue;
			if (!any)
				fprintf(fp,
				    "%s in %d:", skip_reason(why), v->year);
			any = 1;
			fprintf(fp, " %s",
			    out_text(fw->node[fw->ind[j]].code));
		}
		if (any)
			fprintf(fp, "\n");
	}
}
