/*
 * cmd_years.c - what the workspace holds: years, units with data, and
 * indicators with data per year.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "core/mem.h"
#include "store/store.h"

const struct cli_opt cmd_years_opts[] = {
	CLI_OPT_HELP,
	CLI_OPT_END,
};

int
cmd_years(int argc, char **argv)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_year_counts *counts = NULL;
	int *years = NULL, ret;
	size_t ny = 0, done = 0;

	if ((ret = cli_opt_parse("years", argc, argv, NULL, NULL)) != CLI_OK)
		return ret;
	if (cidx_store_open(&st, cli_workspace(), 0, &err) < 0 ||
	    cidx_store_snapshot(st, &err) < 0 ||
	    cidx_store_load_framework(st, &fw, &err) < 0 ||
	    cidx_store_years(st, &years, &ny, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	counts = cidx_xcalloc(ny ? ny : 1, sizeof(*counts));
	ret = cidx_store_years_counts(st, fw, years, ny, counts, &done, &err);
	printf("year  units  indicators  values\n");
	for (size_t y = 0; y < done; y++)
		printf("%4d  %5zu  %6zu/%-3zu  %6zu\n", counts[y].year,
		    counts[y].n_units, counts[y].n_ind, fw->n_ind,
		    counts[y].n_val);
	if (ret < 0)
		ret = cli_error_core(&err);
out:
	free(counts);
	free(years);
	cidx_framework_free(fw);
	cidx_store_close(st);
	return ret;
}
