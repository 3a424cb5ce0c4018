/*
 * cmd_remove.c - take values back out of the workspace: those one import
 * wrote, those of one unit, of one year, or what matches several of these
 * at once, in one transaction, logged like an import.  --dry-run says what
 * would go and changes nothing.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/textout.h"
#include "core/lookup.h"
#include "core/mem.h"
#include "store/store.h"

struct remove_opts {
	struct cidx_remove_filter f;
	int dry_run;
};

static int
import_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	long v;

	(void)o;
	if (cli_parse_long(arg, 1, 2147483647L, &v) < 0)
		return cli_usage_error(cmd, "--import '%s': expected an import "
		    "number", arg);
	*(long long *)field = v;
	return 0;
}

static int
unit_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	(void)o;
	if (*arg == '\0')
		return cli_usage_error(cmd, "--unit: empty code");
	*(const char **)field = arg;
	return 0;
}

#define O struct remove_opts
#define UNDOC CLI_OPTF_UNDOC_SHORT
const struct cli_opt cmd_remove_opts[] = {
	{ .kind = CLI_K_BOOL, .name = "dry-run", .short_name = 'n',
	  .off = offsetof(O, dry_run), .flags = UNDOC,
	  .help = "say what would be removed, change nothing" },
	{ .kind = CLI_K_CALLBACK, .name = "import", .short_name = 'i',
	  .arg = "ID", .off = offsetof(O, f.import_id), .cb = import_cb,
	  .flags = UNDOC,
	  .help = "the values import #ID last wrote (see 'imports')" },
	{ .kind = CLI_K_CALLBACK, .name = "unit", .short_name = 'u',
	  .arg = "UNIT", .off = offsetof(O, f.unit), .cb = unit_cb,
	  .flags = UNDOC, .help = "the values of the unit (code or name)" },
	{ .kind = CLI_K_YEAR, .name = "year", .short_name = 'y',
	  .arg = "YEAR", .off = offsetof(O, f.year), .flags = UNDOC,
	  .help = "the values of YEAR" },
	CLI_OPT_HELP,
	CLI_OPT_TEXT("\nThe filters combine: a value goes if it matches all "
	    "that are given.\n"),
	CLI_OPT_END,
};
#undef UNDOC
#undef O

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
 * *code); a text that names no unit stays, for the store's message,
 * unless a unit's code or name is one edit away (did you mean) */
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
		const char *near = cidx_dataset_suggest(all, *unit);

		ret = near ? cidx_err_set(err, CIDX_ENOTFOUND, "unit '%s' is "
		    "not in the workspace; did you mean '%s'?", *unit, near) :
		    0;
	}
	cidx_dataset_free(all);
	return ret;
}

/* the removal (or the dry run) in one transaction, stamped with the
 * time */
static int
remove_values(struct cidx_store **st, struct remove_opts *o, char **code,
    struct cidx_remove_stats *rs)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char when[32];

	cli_now_utc(when);
	if (cidx_store_open(st, cli_workspace(), CIDX_STORE_WRITE,
	    &err) < 0 ||
	    (o->f.unit && unit_code(*st, &o->f.unit, code, &err) < 0) ||
	    cidx_store_remove(*st, &o->f, o->dry_run, when, rs, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

int
cmd_remove(int argc, char **argv)
{
	struct remove_opts o = { CIDX_REMOVE_FILTER_INIT, 0 };
	struct cidx_remove_stats rs;
	struct cidx_store *st = NULL;
	char *code = NULL;
	int ret;

	memset(&rs, 0, sizeof(rs));
	if ((ret = cli_opt_parse("remove", argc, argv, &o, NULL)) != CLI_OK)
		return ret;
	if (!o.f.import_id && !o.f.unit && !o.f.year)
		return cli_usage_error("remove", "give --import, --unit or "
		    "--year");
	if ((ret = remove_values(&st, &o, &code, &rs)) == CLI_OK)
		report(&rs, o.dry_run);
	free(code);
	cidx_remove_stats_release(&rs);
	cidx_store_close(st);
	return ret;
}
