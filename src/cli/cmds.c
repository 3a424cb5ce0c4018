/*
 * cmds.c - the command table, alphabetical.
 */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"

const struct cli_cmd cli_cmds[] = {
	{ "import", cmd_import, "Import indicator data (wide, long or COINr "
	    "iData CSV) into the workspace",
	    "import [--encoding ENC] [--year YEAR] FILE..." },
	{ "init", cmd_init, "Create a workspace or replace its framework",
	    "init --framework FILE [--encoding ENC]" },
	{ "rank", cmd_rank, "Rank units by the composite index, with tiers "
	    "and movement",
	    "rank [--year YEAR] [--compare YEAR|none] [--top N] "
	    "[--tiers SPEC] [--dark-horse D] [--normalize METHOD] "
	    "[--aggregate METHOD] [--weights FILE] [--set CODE=W]... "
	    "[--attr LIST] [--format table|csv|json]" },
	{ "years", cmd_years, "List the years with data and the units in each",
	    "years" },
	{ NULL, NULL, NULL, NULL },
};

const struct cli_cmd *
cli_find(const char *name)
{
	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
