/*
 * main.c - global options, command lookup, exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "core/ofile.h"
#include "plot/plot.h"

#include "version.h"

static void
usage(FILE *fp)
{
	int w = 0;

	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		if ((int)strlen(c->name) > w)
			w = (int)strlen(c->name);
	fprintf(fp, "usage: cityidx [--db PATH] COMMAND [OPTIONS]\n"
	    "       cityidx --help | --version\n\ncommands:\n");
	for (const struct cli_cmd *c = cli_cmds; c->name; c++)
		fprintf(fp, "  %-*s %s\n", w, c->name, c->summary);
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
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* a command that failed has said why */
		if (status == CLI_OK)
			fprintf(stderr, "cityidx: cannot write to standard "
			    "output: %s\n", strerror(errno ? errno : EIO));
		return status ? status : CLI_ERROR;
	}
	return status;
}

/*
 * A signal that ends the process first removes the temporary file of an
 * output being written, so that the old file stays as the only one
 * (cityidx(1), FILES); then the signal does what it would have done.
 */
static void
on_signal(int sig)
{
	cidx_ofile_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * SIGBUS: a file read through a memory map (a large input file, or the
 * workspace) was cut short by another program while it was read.  The
 * command stops with a message and status 1, as on an error: what it
 * had not committed is not made (an import lands whole or not at all),
 * an output being written is not left half done.
 */
static void
on_sigbus(int sig)
{
	static const char msg[] = "cityidx: a file was cut short by another "
	    "program while cityidx read it (bus error); stopped, and nothing "
	    "it had not finished was kept\n";
	ssize_t w;

	(void)sig;
	cidx_ofile_cleanup();
	w = write(STDERR_FILENO, msg, sizeof(msg) - 1);
	(void)w;
	_exit(1);
}

static void
catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* a signal ignored by the parent (nohup) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

/* cityidx help [COMMAND] */
static int
help(int argc, char **argv)
{
	const struct cli_cmd *cmd;

	if (argc < 2) {
		usage(stdout);
		return finish(CLI_OK);
	}
	if ((cmd = cli_find(argv[1])) == NULL) {
		cli_error("unknown command '%s' (see 'cityidx --help')",
		    argv[1]);
		return CLI_USAGE;
	}
	cli_opt_help(stdout, cmd);
	return finish(CLI_OK);
}

/* the command's own options and work */
static int
run(const struct cli_cmd *cmd, int argc, char **argv)
{
	int status;

	optind = 0; /* restart getopt for the command */
	opterr = 0;
	status = cmd->fn(argc, argv);
	/* the font and drawing libraries' caches, given back so that a
	 * leak checker sees only leaks */
	cidx_plot_shutdown();
	return finish(status == CLI_HELPED ? CLI_OK : status);
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

	/* a file grown past the size limit (ulimit -f) is a write error that
	 * the command reports and rolls back, not a signal that kills it */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGBUS, on_sigbus);
	catch_signals();
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
			cli_error("unknown option '%s' (see "
			    "'cityidx --help')", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[optind], "help") == 0)
		return help(argc - optind, argv + optind);
	if ((cmd = cli_find(argv[optind])) == NULL) {
		cli_error("unknown command '%s' (see 'cityidx "
		    "--help')", argv[optind]);
		return CLI_USAGE;
	}
	return run(cmd, argc - optind, argv + optind);
}
