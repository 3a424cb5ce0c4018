/*
 * rankout.h - the outputs of `rank`: the table for people (rankout.c),
 * CSV and JSON for programs (rankdata.c) and an Excel workbook
 * (xlsxout.c); cityidx(1), OUTPUT FORMATS.  Formatting only: every number
 * comes from the library.  CSV and the workbook are written from one
 * grid of cells, so their values are the same.
 */
#ifndef CIDX_CLI_RANKOUT_H
#define CIDX_CLI_RANKOUT_H

#include <stdio.h>

#include "calc/calc.h"
#include "calc/movement.h"
#include "calc/prepare.h"
#include "cli/cli.h"
#include "calc/relative.h"
#include "cli/methodopt.h"
#include "ws/rankgrid.h"

/* what a rank output shows */
struct rank_view {
	struct cli_engine *e;
	const char *workspace;
	int year;
	int cyear;                      /* 0: no movement */
	int compare_none;               /* --compare none */
	const struct cidx_dataset *ds;  /* prepared */
	char *const *names;             /* per unit of ds: as a reader sees
					   it (ws/names.h); NULL: raw */
	int english;                    /* --lang en */
	int words;                      /* --lang given: the workbook's
					   words in that language (else its
					   English keys) */
	const struct cidx_prep_report *rep;
	const struct cidx_ranking *r;
	const struct cidx_movement *mv; /* NULL when cyear is 0 */
	const struct cidx_tierspec *ts;
	size_t top;
	long dark, limit;
	char **keys;                    /* unit attributes shown */
	size_t nkeys;
	FILE *fp;                       /* where the text, CSV or JSON goes */
	const double *relative;         /* per unit, 100 index / ref; NULL */
	const double *growth;           /* per unit, since growth_base; NULL */
	int growth_base;
	const struct cidx_refspec *ref;
	double ref_index;
};

/* attribute keys to show: `spec` (comma-separated, "none") or all keys
 * of the year's units, sorted.  Free with rank_keys_free(). */
char **rank_keys(const struct cidx_dataset *ds, const char *spec, size_t *n);
void rank_keys_free(char **keys, size_t n);

/* the raw name of a unit (CSV, JSON) */
const char *rank_unit_name(const struct cidx_unit *u);
/* the name of unit `i` of v->ds for a reader (table, workbook) */
const char *rank_shown_name(const struct rank_view *v, size_t i);
/* the name of a unit screened out, for a reader: its name, else its
 * English name, in v's language, else its code */
const char *rank_screened_name(const struct rank_view *v,
    const struct cidx_screened *s);
const char *rank_treat_action(enum cidx_treat_action a);

/* the ranking as a grid (ws/rankgrid.h): one row per ranked unit, best
 * first; release with cidx_ws_grid_release() */
void rank_grid_build(struct cidx_ws_grid *g, const struct rank_view *v);

void rank_print_table(const struct rank_view *v);
/* what the table shows below it (cli/rankfoot.c) */
void rank_print_footer(const struct rank_view *v);
void rank_print_csv(const struct rank_view *v, int bom);
/*! rank_print_json() : @return CLI_OK or CLI_ERROR (printed). */
int rank_print_json(const struct rank_view *v);
/*! rank_write_xlsx() : the workbook at `path`: the ranking, the pillar
 *  and indicator scores, and the method.  @return CLI_OK or CLI_ERROR
 *  (printed). */
int rank_write_xlsx(const struct rank_view *v, const char *path);

#endif
