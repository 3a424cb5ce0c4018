/*
 * cmds.c - the command table, alphabetical.
 */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"

const struct cli_cmd cli_cmds[] = {
	{ "audit", cmd_audit, "Statistical audit: indicator statistics, "
	    "correlations, Cronbach's alpha, PCA",
	    "audit [--year YEAR] [--format table|csv|json] [METHOD OPTIONS]" },
	{ "chart", cmd_chart, "Draw a figure of the ranking: tiers, pillars, "
	    "movers, heatmap, profile, map, uncertainty (PDF, PNG, SVG)",
	    "chart TYPE [UNIT] -o FILE [--year YEAR] [--compare YEAR] "
	    "[--top N] [--tiers SPEC] [--lang zh|en] [--title TEXT] "
	    "[--width W] [--height H] [--dpi D] [--font FAMILY] [--labels N] "
	    "[UNCERTAINTY OPTIONS] [METHOD OPTIONS]" },
	{ "coupling", cmd_coupling, "Coupling coordination degree (耦合协调度) "
	    "of the pillars of each unit",
	    "coupling [--year YEAR] [--of LIST] [--format table|csv|json] "
	    "[METHOD OPTIONS]" },
	{ "explain", cmd_explain, "Decompose a unit's score and its rank "
	    "change",
	    "explain UNIT [--year YEAR] [--compare YEAR] [--format table|json] "
	    "[METHOD OPTIONS]" },
	{ "import", cmd_import, "Import indicator data (wide, long or COINr "
	    "iData CSV), units, boundaries (GeoJSON) or map layers",
	    "import [--encoding ENC] [--year YEAR] [--clear-missing] "
	    "[--code-field NAME] "
	    "[--name-field NAME] [--name-en-field NAME] [--layer KIND] "
	    "FILE..." },
	{ "imports", cmd_imports, "List the import log: imports and removals",
	    "imports [--format table|csv|json]" },
	{ "init", cmd_init, "Create a workspace or replace its framework",
	    "init --framework FILE [--encoding ENC]" },
	{ "rank", cmd_rank, "Rank units by the composite index, with tiers "
	    "and movement",
	    "rank [--year YEAR] [--compare YEAR|none] [--top N] "
	    "[--tiers SPEC] [--dark-horse D] [--attr LIST] [--limit N] "
	    "[--relative REF] [--growth BASE] "
	    "[--format table|csv|json|xlsx] [-o FILE] [--bom] "
	    "[METHOD OPTIONS]" },
	{ "remove", cmd_remove, "Remove the values of an import, a unit or a "
	    "year",
	    "remove [--dry-run] [--import ID] [--unit UNIT] [--year YEAR]" },
	{ "report", cmd_report, "Write a PDF report of a year's ranking: "
	    "tables, figures, audit and method",
	    "report [-o FILE] [--year YEAR] [--compare YEAR|none] [--top N] "
	    "[--tiers SPEC] [--lang zh|en] [--title TEXT] [--font FAMILY] "
	    "[UNCERTAINTY OPTIONS] [METHOD OPTIONS]" },
	{ "sensitivity", cmd_sensitivity, "Uncertainty and sensitivity of "
	    "the ranking: rank intervals by Monte Carlo, Sobol indices",
	    "sensitivity [--year YEAR] [--draws N] [--seed S] [--threads T] "
	    "[--max-memory SIZE] [--weights-noise PHI] [--noise-level LIST] [--alt-impute SPEC]... "
	    "[--alt-winmax N]... [--alt-normalize SPEC]... "
	    "[--alt-aggregate SPEC]... [--alt-method SPEC]... [--drop-one] "
	    "[--sobol] [--top N] "
	    "[--tiers SPEC] [--format table|csv|json] [-o FILE] "
	    "[--save-draws FILE] [METHOD OPTIONS]" },
	{ "weights", cmd_weights, "Derive weights (equal, entropy, CRITIC, "
	    "PCA, AHP) and write a weights file",
	    "weights --method METHOD [--year YEAR] [--level N] [--panel] "
	    "[-o FILE] [--format table|csv|json] [METHOD OPTIONS]" },
	{ "years", cmd_years, "List the years with data: units, indicators and values in each",
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
