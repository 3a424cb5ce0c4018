/*
 * cmd_init.c - create a workspace and set (or replace) its framework.
 * Replacing is refused when data exist for an indicator the new
 * framework drops: the data would lose their meaning.  A new workspace
 * appears whole or not at all (cidx_store_init()).
 */
#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/textout.h"
#include "io/framework.h"
#include "store/store.h"

struct init_opts {
	const char *fwpath, *enc;
};

const struct cli_opt cmd_init_opts[] = {
	{ .kind = CLI_K_STRING, .name = "framework", .short_name = 'f',
	  .arg = "FILE", .off = offsetof(struct init_opts, fwpath),
	  .flags = CLI_OPTF_UNDOC_SHORT | CLI_OPTF_REQUIRED,
	  .help = "framework CSV (cityidx layout or COINr iMeta)" },
	{ .kind = CLI_K_STRING, .name = "encoding", .short_name = 'e',
	  .arg = "ENC", .off = offsetof(struct init_opts, enc),
	  .flags = CLI_OPTF_UNDOC_SHORT,
	  .help = "input encoding (default: detect UTF-8/GB18030)" },
	CLI_OPT_HELP,
	CLI_OPT_END,
};

int
cmd_init(int argc, char **argv)
{
	struct init_opts o = { NULL, NULL };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	int ret = CLI_OK, created;
	const char *fwpath, *enc;

	if ((ret = cli_opt_parse("init", argc, argv, &o, NULL)) != CLI_OK)
		return ret;
	fwpath = o.fwpath;
	enc = o.enc;
	if (fwpath == NULL)
		return cli_usage_error("init", "--framework FILE is required");
	if (cidx_framework_read(&fw, fwpath, enc, &err) < 0)
		return cli_error_input(&err, enc);
	if (cidx_store_init(cli_workspace(), fw, fwpath, &created, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	{
		size_t nagg = fw->n_agg;

		printf("workspace '%s': framework '%s' with %zu indicators, "
		    "%zu aggregates, %d levels (sha256 %.12s)\n",
		    out_text(cli_workspace()), out_text(fwpath), fw->n_ind, nagg, fw->top_level,
		    fw->checksum);
	}
out:
	cidx_framework_free(fw);
	return ret;
}
