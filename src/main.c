/*
 * main.c - global options, command lookup, exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "plot/plot.h"

#include "version.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: cityidx [--db PATH] COMMAND [OPTIONS]\n"
	    "       cityidx --help | --version\n\ncommands:\n");
	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		fprintf(fp, "  %-8s %s\n", c->name, c->summary);
	fprintf(fp, "\nThe workspace is --db PATH, else $CITYIDX_DB, else "
	    "./cityidx.db.\n'cityidx COMMAND --help' describes a command; "
	    "cityidx(1) has the formulas.\n");
}

/*
 * What a command printed must have reached its destination: a full disk
 * or a closed pipe is an error, not a ranking that silently stops.
 */
static int
finish(int status)
{
	/* pango's font map and cairo's caches, loaded by chart and report:
	 * released, so that the check-asan build sees a clean exit */
	cidx_plot_shutdown();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cityidx: cannot write the output: %s\n",
		    strerror(errno ? errno : EIO));
		return status ? status : CLI_ERROR;
	}
	return status;
}

/*
 * Leaks inside the libraries that no call can release (the unit tests
 * name the same two, tests/unit/t_plot.c): fontconfig's parse of its
 * configuration, and what cairo 1.16 loses per finished PDF surface.  Only
 * the sanitizer runtime of the check-asan build calls these hooks.
 * Suppressing by function needs whole stacks: with the default fast
 * unwinding a stack stops at the first library frame built without frame
 * pointers, and only a whole-library suppression would match, which would
 * hide a cairo object of ours that is never destroyed.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
const char *__asan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:FcInitLoadConfigAndFonts\n"
	    "leak:cairo_surface_finish\n";
}

/* the table of suppressions used would change the goldens' stderr */
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_cmd *cmd;
	int ch;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			cli_db_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return finish(CLI_OK);
		case 'V':
			printf("cityidx %s\n", CITYIDX_VERSION);
			return finish(CLI_OK);
		default:
			fprintf(stderr, "cityidx: unknown option '%s' (see "
			    "'cityidx --help')\n", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[optind], "help") == 0) {
		if (optind + 1 < argc && cli_find(argv[optind + 1]) == NULL) {
			fprintf(stderr, "cityidx: unknown command '%s' (see "
			    "'cityidx --help')\n", argv[optind + 1]);
			return CLI_USAGE;
		}
		if (optind + 1 < argc && (cmd = cli_find(argv[optind + 1]))) {
			static char help[] = "--help";
			char *av[] = { argv[optind + 1], help, NULL };

			optind = 0;
			return finish(cmd->fn(2, av));
		}
		usage(stdout);
		return CLI_OK;
	}
	cmd = cli_find(argv[optind]);
	if (cmd == NULL) {
		fprintf(stderr, "cityidx: unknown command '%s' (see 'cityidx "
		    "--help')\n", argv[optind]);
		return CLI_USAGE;
	}
	{
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;

		optind = 0; /* restart getopt for the command */
		opterr = 0;
		return finish(cmd->fn(sub_argc, sub_argv));
	}
}
