/*
 * cmd_remove.c - take values back out of the workspace: those one import
 * wrote, those of one unit, of one year, or what matches several of these
 * at once, in one transaction, logged like an import.  --dry-run says what
 * would go and changes nothing.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "store/store.h"

static const char options[] =
    "  --dry-run       say what would be removed, change nothing\n"
    "  --import ID     the values import #ID last wrote (see 'imports')\n"
    "  --unit UNIT     the values of the unit (code or name)\n"
    "  --year YEAR     the values of YEAR\n"
    "  -h, --help      show this help\n"
    "\nThe filters combine: a value goes if it matches all that are given.\n";

/* at most this many indicators named per year */
#define NAMED 8

static void
report(const struct cidx_remove_stats *rs, int dry_run)
{
	if (dry_run)
		printf("would remove %ld values", rs->values);
	else
		printf("removal #%lld: %ld values removed", rs->id, rs->values);
	if (rs->restored)
		printf(", %ld %s back (the import had replaced or cleared "
		    "them)", rs->restored, dry_run ? "would be put" : "put");
	if (rs->n_unit) {
		size_t shown = rs->n_unit < CLI_UNITS_SHOWN ? rs->n_unit :
		    CLI_UNITS_SHOWN;

		printf(", %zu unit%s (", rs->n_unit, rs->n_unit > 1 ? "s" : "");
		for (size_t i = 0; i < shown; i++)
			printf("%s%s", i ? ", " : "", out_text(rs->unit[i]));
		if (shown < rs->n_unit)
			printf(" and %zu more", rs->n_unit - shown);
		putchar(')');
	}
	printf("%s\n", dry_run ? "; nothing changed (--dry-run)" : "");
	for (size_t k = 0; k < rs->n_count;) {
		int year = rs->count[k].year;
		long total = 0;
		size_t end = k, named = 0;

		while (end < rs->n_count && rs->count[end].year == year)
			total += rs->count[end++].values;
		printf("  %d: %ld values (", year, total);
		for (size_t i = k; i < end && named < NAMED; i++, named++)
			printf("%s%s %ld", i > k ? ", " : "",
			    out_text(rs->count[i].indicator),
			    rs->count[i].values);
		if (end - k > named)
			printf(" and %zu more indicators", end - k - named);
		printf(")\n");
		k = end;
	}
}

/* --unit by code or name (core/lookup.h): *unit becomes the code (kept in
 * *code); a text that names no unit stays, for the store's message */
static int
unit_code(struct cidx_store *st, const char **unit, char **code,
    struct cidx_err *err)
{
	struct cidx_dataset *all = NULL;
	long row;
	int ret;

	if ((ret = cidx_store_units(st, &all, err)) < 0)
		return ret;
	ret = cidx_dataset_lookup(all, *unit, &row, err);
	if (ret == 0) {
		*code = cidx_xstrdup(all->unit[row].code);
		*unit = *code;
	} else if (ret == CIDX_ENOTFOUND) {
		ret = 0;
	}
	cidx_dataset_free(all);
	return ret;
}

int
cmd_remove(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ "import", required_argument, NULL, 'i' },
		{ "unit", required_argument, NULL, 'u' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct cidx_remove_filter f = CIDX_REMOVE_FILTER_INIT;
	struct cidx_remove_stats rs;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_store *st = NULL;
	char *code = NULL;
	int ch, ret = CLI_OK, dry_run = 0;
	long v;

	memset(&rs, 0, sizeof(rs));
	while ((ch = getopt_long(argc, argv, ":hni:u:y:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_print_help(stdout, "remove", options);
			return CLI_OK;
		case 'i':
			if (cli_parse_long(optarg, 1, 2147483647L, &v) < 0)
				return cli_usage_error("remove", "--import '%s': "
				    "expected an import number", optarg);
			f.import_id = v;
			break;
		case 'n':
			dry_run = 1;
			break;
		case 'u':
			if (*optarg == '\0')
				return cli_usage_error("remove", "--unit: empty "
				    "code");
			f.unit = optarg;
			break;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &v) < 0)
				return cli_usage_error("remove", "--year '%s': "
				    "expected a year 1000..9999", optarg);
			f.year = (int)v;
			break;
		case ':':
			return cli_usage_error("remove", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_usage_error("remove", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("remove", "unexpected argument '%s'",
		    argv[optind]);
	if (!f.import_id && !f.unit && !f.year)
		return cli_usage_error("remove", "give --import, --unit or "
		    "--year");
	{
		char when[32];
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (cidx_store_open(&st, cli_workspace(),
		    CIDX_STORE_WRITE, &err) < 0 ||
		    (f.unit && unit_code(st, &f.unit, &code, &err) < 0) ||
		    cidx_store_remove(st, &f, dry_run, when, &rs, &err) < 0) {
			ret = cli_error_core(&err);
			goto out;
		}
	}
	report(&rs, dry_run);
out:
	free(code);
	cidx_remove_stats_release(&rs);
	cidx_store_close(st);
	return ret;
}
