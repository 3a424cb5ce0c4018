/*
 * cmd_import.c - import data files.  All files are read and checked
 * before the workspace is touched, then applied in one transaction: they
 * all land or none does.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "cli/textout.h"
#include "core/mem.h"
#include "core/geom.h"
#include "io/import.h"
#include "store/store.h"

static int
layer_cb(void *field, const struct cli_opt *o, const char *arg,
    const char *cmd)
{
	int *layer = field;

	(void)o;
	*layer = cidx_layer_kind_parse(arg);
	if (*layer < 0 || *layer == CIDX_LAYER_CREDIT)
		return cli_usage_error(cmd, "--layer '%s': expected outline, "
		    "province, island, line, inset or extent (a credit goes in "
		    "a layers CSV)", arg);
	return 0;
}

struct import_opts {
	struct cidx_import_opts io;
	int clear_missing;
};

#define O struct import_opts
const struct cli_opt cmd_import_opts[] = {
	{ .kind = CLI_K_STRING, .name = "encoding", .short_name = 'e',
	  .arg = "ENC", .off = offsetof(O, io.encoding),
	  .flags = CLI_OPTF_UNDOC_SHORT,
	  .help = "input encoding, e.g. GB18030 (default: detect)" },
	{ .kind = CLI_K_YEAR, .name = "year", .short_name = 'y',
	  .arg = "YEAR", .off = offsetof(O, io.year),
	  .flags = CLI_OPTF_UNDOC_SHORT,
	  .help = "year of files without a year/Time column" },
	CLI_OPT_BOOL("clear-missing", 0, O, clear_missing, "a missing value "
	    "clears the stored one (default: kept)"),
	CLI_OPT_TEXT("GeoJSON files (*.geojson, *.json):\n"),
	CLI_OPT_STRING("code-field", 0, "NAME", O, io.code_field, "the property "
	    "with the unit code (default: code)"),
	CLI_OPT_STRING("name-field", 0, "NAME", O, io.name_field, "the property "
	    "with the name (default: name)"),
	CLI_OPT_STRING("name-en-field", 0, "NAME", O, io.name_en_field, "the "
	    "property with the English name (default: name_en)"),
	CLI_OPT_CALLBACK("layer", "KIND", O, io.layer, layer_cb, 0, "the features "
	    "are a base layer: outline |\nprovince | island | line | inset | "
	    "extent"),
	CLI_OPT_HELP,
	CLI_OPT_OPERANDS("FILE..."),
	CLI_OPT_END,
};
#undef O

/*
 * The units an import created in a workspace that had units: a code one
 * edit from a known one is most likely a typing mistake, so those come
 * first with the code they resemble; at most CLI_UNITS_SHOWN are named.
 */
static void
print_new_units(const char *path, const struct cidx_import_stats *s)
{
	long shown = 0;

	printf("%s: new units:", out_text(path));
	for (int pass = 0; pass < 2; pass++)
		for (long i = 0; i < s->units_new; i++) {
			if ((s->unit_like[i] != NULL) != (pass == 0))
				continue;
			if (shown == CLI_UNITS_SHOWN)
				break;
			printf("%s %s", shown ? "," : "",
			    out_text(s->unit_new[i]));
			if (s->unit_like[i])
				printf(" (did you mean %s?)",
				    out_text(s->unit_like[i]));
			shown++;
		}
	if (shown < s->units_new)
		printf(" and %ld more", s->units_new - shown);
	putchar('\n');
}

/* missing values in the file where the workspace has one: kept, and said
 * (cityidx(1), IMPORT SEMANTICS); what of the file was skipped or read
 * as attributes (DATA FILES) */
static void
print_kept(const struct cidx_import *imp, const struct cidx_import_stats *s)
{
	const char *path = out_text(imp->path);

	if (s->values_kept > 0)
		printf("%s: %ld missing value%s kept the value%s stored "
		    "(--clear-missing clears them)\n", path,
		    s->values_kept, s->values_kept == 1 ? "" : "s",
		    s->values_kept == 1 ? "" : "s");
	if (imp->n_blank_rows || imp->n_empty_cols)
		printf("%s: skipped %zu blank row%s and %zu empty column%s\n",
		    path, imp->n_blank_rows, imp->n_blank_rows == 1 ? "" : "s",
		    imp->n_empty_cols, imp->n_empty_cols == 1 ? "" : "s");
	if (s->n_attr_new == 0)
		return;
	printf("%s: new unit attribute%s (text columns not in the "
	    "framework):", path, s->n_attr_new == 1 ? "" : "s");
	for (size_t i = 0; i < s->n_attr_new && i < CLI_UNITS_SHOWN; i++)
		printf("%s %s", i ? "," : "", out_text(s->attr_new[i]));
	if (s->n_attr_new > CLI_UNITS_SHOWN)
		printf(" and %zu more", s->n_attr_new - CLI_UNITS_SHOWN);
	putchar('\n');
}

static void
print_layers(const struct cidx_import *imp, const struct cidx_import_stats *s)
{
	if (s->id == 0) {
		printf("%s: nothing changed (%s layout, %zu rows, %ld features "
		    "already in the workspace%s)\n", imp->path, imp->layout,
		    imp->n_rows, s->layers_unchanged, s->already ?
		    "; imported before" : "");
		return;
	}
	printf("%s: import #%lld (%s layout, %s, %zu rows): %ld features new, "
	    "%ld changed, %ld removed, %ld unchanged\n", imp->path, s->id,
	    imp->layout, imp->encoding, imp->n_rows, s->layers_new,
	    s->layers_changed, s->layers_removed, s->layers_unchanged);
}

/* every file read and checked, before the workspace is touched */
static int
read_all(struct cidx_import **imp, char **files, size_t nf,
    const struct cidx_framework *fw, const struct import_opts *io)
{
	struct cidx_err err = CIDX_ERR_INIT;
	const struct cidx_import_opts *o = &io->io;
	int ret;

	for (size_t i = 0; i < nf; i++) {
		if (cidx_import_read(&imp[i], files[i], fw, o, &err) == 0) {
			imp[i]->clear_missing = io->clear_missing;
			imp[i]->release_values = 1; /* applied once */
			continue;
		}
		if (err.code == CIDX_EOPTION)
			ret = cli_error("%s: %s", err.msg, o->year ?
			    "drop --year" : "give --year");
		else
			ret = cli_error_input(&err, o->encoding);
		if (nf > 1)
			fprintf(stderr, "cityidx: nothing imported\n");
		return ret;
	}
	return CLI_OK;
}

/* the files in one transaction, stamped with the time */
static int
apply(struct cidx_store *st, struct cidx_import **imp, size_t nf,
    struct cidx_import_stats *stats)
{
	struct cidx_err err = CIDX_ERR_INIT;
	char when[32];

	cli_now_utc(when);
	if (cidx_store_import(st, imp, nf, when, stats, &err) < 0)
		return cli_error_core(&err);
	return CLI_OK;
}

static void
print_values(const struct cidx_import *imp, const struct cidx_import_stats *s)
{
	if (s->id == 0) {
		printf("%s: nothing changed (%s layout, %zu rows, %ld values "
		    "already in the workspace%s)\n", out_text(imp->path),
		    imp->layout, imp->n_rows, s->values_unchanged, s->already ?
		    "; imported before" : "");
		print_kept(imp, s);
		return;
	}
	printf("%s: import #%lld (%s layout, %s, %zu rows): %ld values "
	    "new, %ld changed, %ld removed, %ld unchanged; %ld units "
	    "new, %ld updated\n", out_text(imp->path), s->id, imp->layout,
	    imp->encoding, imp->n_rows, s->values_new, s->values_changed,
	    s->values_removed, s->values_unchanged, s->units_new,
	    s->units_changed);
	if (s->units_before > 0 && s->units_new > 0)
		print_new_units(imp->path, s);
	print_kept(imp, s);
}

int
cmd_import(int argc, char **argv)
{
	struct import_opts o = { CIDX_IMPORT_OPTS_INIT, 0 };
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_import **imp = NULL;
	struct cidx_import_stats *stats = NULL;
	size_t nf = 0;
	int ret;

	if ((ret = cli_opt_parse("import", argc, argv, &o, NULL)) != CLI_OK)
		return ret;
	if (optind >= argc)
		return cli_usage_error("import", "no FILE given");
	if (cidx_store_open(&st, cli_workspace(), CIDX_STORE_WRITE,
	    &err) < 0 ||
	    cidx_store_load_framework(st, &fw, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	nf = (size_t)(argc - optind);
	imp = cidx_xcalloc(nf, sizeof(*imp));
	stats = cidx_xcalloc(nf, sizeof(*stats));
	if ((ret = read_all(imp, argv + optind, nf, fw, &o)) != CLI_OK ||
	    (ret = apply(st, imp, nf, stats)) != CLI_OK)
		goto out;
	for (size_t i = 0; i < nf; i++)
		if (imp[i]->n_layer > 0)
			print_layers(imp[i], &stats[i]);
		else
			print_values(imp[i], &stats[i]);
out:
	for (size_t i = 0; stats && i < nf; i++)
		cidx_import_stats_release(&stats[i]);
	for (size_t i = 0; imp && i < nf; i++)
		cidx_import_free(imp[i]);
	free(imp);
	free(stats);
	cidx_framework_free(fw);
	cidx_store_close(st);
	return ret;
}
