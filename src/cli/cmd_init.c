/*
 * cmd_init.c - create a workspace and set (or replace) its framework.
 * Replacing is refused when data exist for an indicator the new
 * framework drops: the data would lose their meaning.  A new workspace
 * appears whole or not at all (cidx_store_init()).
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "io/framework.h"
#include "store/store.h"

static const char options[] =
    "  --framework FILE  framework CSV (cityidx layout or COINr iMeta)\n"
    "  --encoding ENC    input encoding (default: detect UTF-8/GB18030)\n"
    "  -h, --help        show this help\n";

int
cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "framework", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *fwpath = NULL, *enc = NULL;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	int ch, ret = CLI_OK, created;

	while ((ch = getopt_long(argc, argv, ":hf:e:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			enc = optarg;
			break;
		case 'f':
			fwpath = optarg;
			break;
		case 'h':
			cli_print_help(stdout, "init", options);
			return CLI_OK;
		case ':':
			return cli_usage_error("init", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_usage_error("init", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("init", "unexpected argument '%s'",
		    argv[optind]);
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
