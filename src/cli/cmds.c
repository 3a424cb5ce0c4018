/*
 * cmds.c - the command table, alphabetical: each command's name, summary,
 * option table (cli/opt.h) and function.
 */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"

const struct cli_cmd cli_cmds[] = {
	{ "audit", cmd_audit, "Statistical audit: indicator statistics, "
	    "correlations, Cronbach's alpha, PCA", cmd_audit_opts, 0 },
	{ "chart", cmd_chart, "Draw a figure of the ranking: tiers, pillars, "
	    "movers, heatmap, profile, map, uncertainty (PDF, PNG, SVG)",
	    cmd_chart_opts, 21 },
	{ "coupling", cmd_coupling, "Coupling coordination degree (耦合协调度) "
	    "of the pillars of each unit", cmd_coupling_opts, 0 },
	{ "explain", cmd_explain, "Decompose a unit's score and its rank "
	    "change", cmd_explain_opts, 0 },
	{ "import", cmd_import, "Import indicator data (wide, long or COINr "
	    "iData CSV), units, boundaries (GeoJSON) or map layers",
	    cmd_import_opts, 0 },
	{ "imports", cmd_imports, "List the import log: imports and removals",
	    cmd_imports_opts, 0 },
	{ "init", cmd_init, "Create a workspace or replace its framework",
	    cmd_init_opts, 0 },
	{ "rank", cmd_rank, "Rank units by the composite index, with tiers "
	    "and movement", cmd_rank_opts, 0 },
	{ "remove", cmd_remove, "Remove the values of an import, a unit or a "
	    "year", cmd_remove_opts, 16 },
	{ "report", cmd_report, "Write a PDF report of a year's ranking: "
	    "tables, figures, audit and method", cmd_report_opts, 21 },
	{ "sensitivity", cmd_sensitivity, "Uncertainty and sensitivity of "
	    "the ranking: rank intervals by Monte Carlo, Sobol indices",
	    cmd_sensitivity_opts, 21 },
	{ "sql", cmd_sql, "Run a read-only SQL query on the workspace (the "
	    "values as the table observations)", cmd_sql_opts, 0 },
	{ "weights", cmd_weights, "Derive weights (equal, entropy, CRITIC, "
	    "PCA, AHP) and write a weights file", cmd_weights_opts, 0 },
	{ "years", cmd_years, "List the years with data: units, indicators "
	    "and values in each", cmd_years_opts, 0 },
	{ NULL, NULL, NULL, NULL, 0 },
};

const struct cli_cmd *
cli_find(const char *name)
{
	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
