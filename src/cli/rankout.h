/*
 * rankout.h - the outputs of `rank`: the table for people, CSV and JSON
 * for programs (cityidx(1), OUTPUT FORMATS).  Formatting only: every
 * number comes from the library.
 */
#ifndef CIDX_CLI_RANKOUT_H
#define CIDX_CLI_RANKOUT_H

#include "calc/calc.h"
#include "calc/movement.h"
#include "calc/prepare.h"
#include "cli/cli.h"
#include "cli/methodopt.h"

struct rank_opts {
	int year, compare; /* 0 = default; compare -1 = none */
	long top, dark, limit;
	const char *tiers, *attr;
	enum cli_format fmt;
	struct cli_method_opts mo;
};

struct side {
	const struct cidx_dataset *ds; /* prepared; owned by the engine */
	const struct cidx_prep_report *rep;
	struct cidx_ranking *r;
};

void rank_print_table(const struct rank_opts *o, struct cli_engine *e,
    const char *workspace, const struct side *cur, int cyear,
    const struct cidx_movement *mv, const struct cidx_tierspec *ts,
    size_t top);
void rank_print_csv(const struct cidx_framework *fw, const struct side *cur,
    const struct cidx_movement *mv);
void rank_print_json(const struct rank_opts *o, struct cli_engine *e,
    const char *workspace, const struct side *cur, int cyear,
    const struct cidx_movement *mv, const struct cidx_tierspec *ts,
    size_t top);

#endif
