/*
 * cmd_import.c - import data files.  All files are read and checked
 * before the workspace is touched, then applied in one transaction: they
 * all land or none does.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "core/geom.h"
#include "io/import.h"
#include "store/store.h"

static const char options[] =
    "  --encoding ENC        input encoding, e.g. GB18030 (default: "
    "detect)\n"
    "  --year YEAR           year of files without a year/Time column\n"
    "  --clear-missing       a missing value clears the stored one "
    "(default: kept)\n"
    "GeoJSON files (*.geojson, *.json):\n"
    "  --code-field NAME     the property with the unit code (default: "
    "code)\n"
    "  --name-field NAME     the property with the name (default: name)\n"
    "  --name-en-field NAME  the property with the English name (default: "
    "name_en)\n"
    "  --layer KIND          the features are a base layer: outline |\n"
    "                        province | island | line | inset | extent\n"
    "  -h, --help            show this help\n";

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
 * (cityidx(1), IMPORT SEMANTICS) */
static void
print_kept(const char *path, const struct cidx_import_stats *s)
{
	if (s->values_kept > 0)
		printf("%s: %ld missing value%s kept the value%s stored "
		    "(--clear-missing clears them)\n", out_text(path),
		    s->values_kept, s->values_kept == 1 ? "" : "s",
		    s->values_kept == 1 ? "" : "s");
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

int
cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "clear-missing", no_argument, NULL, 'C' },
		{ "code-field", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "layer", required_argument, NULL, 'l' },
		{ "name-en-field", required_argument, NULL, 'E' },
		{ "name-field", required_argument, NULL, 'n' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	struct cidx_store *st = NULL;
	struct cidx_import **imp = NULL;
	struct cidx_import_stats *stats = NULL;
	size_t nf = 0;
	int ch, ret = CLI_OK, clear = 0;
	long y;

	while ((ch = getopt_long(argc, argv, ":he:y:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'C':
			clear = 1;
			break;
		case 'c':
			o.code_field = optarg;
			break;
		case 'E':
			o.name_en_field = optarg;
			break;
		case 'e':
			o.encoding = optarg;
			break;
		case 'l':
			o.layer = cidx_layer_kind_parse(optarg);
			if (o.layer < 0 || o.layer == CIDX_LAYER_CREDIT)
				return cli_usage_error("import", "--layer '%s': "
				    "expected outline, province, island, line, "
				    "inset or extent (a credit goes in a layers "
				    "CSV)", optarg);
			break;
		case 'n':
			o.name_field = optarg;
			break;
		case 'h':
			cli_print_help(stdout, "import", options);
			return CLI_OK;
		case 'y':
			if (cli_parse_long(optarg, 1000, 9999, &y) < 0)
				return cli_usage_error("import", "--year '%s': "
				    "expected a year 1000..9999", optarg);
			o.year = (int)y;
			break;
		case ':':
			return cli_usage_error("import", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_usage_error("import", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("import", "no FILE given");
	if (cidx_store_open(&st, cli_workspace(), CIDX_STORE_WRITE,
	    &err) < 0 ||
	    cidx_store_load_framework(st, &fw, &err) < 0) {
		ret = cli_error_core(&err);
		goto out;
	}
	nf = (size_t)(argc - optind);
	imp = calloc(nf, sizeof(*imp));
	stats = calloc(nf, sizeof(*stats));
	if (imp == NULL || stats == NULL) {
		ret = cli_error("out of memory");
		goto out;
	}
	for (size_t i = 0; i < nf; i++)
		if (cidx_import_read(&imp[i], argv[optind + (int)i], fw, &o,
		    &err) < 0) {
			if (err.code == CIDX_EOPTION)
				ret = cli_error("%s: %s", err.msg, o.year ?
				    "drop --year" : "give --year");
			else
				ret = cli_error_input(&err, o.encoding);
			if (nf > 1)
				fprintf(stderr, "cityidx: nothing imported\n");
			goto out;
		} else {
			imp[i]->clear_missing = clear;
		}
	{
		char when[32];
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (cidx_store_import(st, imp, nf, when, stats, &err) < 0) {
			ret = cli_error_core(&err);
			goto out;
		}
	}
	for (size_t i = 0; i < nf; i++) {
		const struct cidx_import_stats *s = &stats[i];

		if (imp[i]->n_layer > 0) {
			print_layers(imp[i], s);
			continue;
		}
		if (s->id == 0) {
			printf("%s: nothing changed (%s layout, %zu rows, %ld "
			    "values already in the workspace%s)\n",
			    out_text(imp[i]->path), imp[i]->layout,
			    imp[i]->n_rows,
			    s->values_unchanged, s->already ?
			    "; imported before" : "");
			print_kept(imp[i]->path, s);
			continue;
		}
		printf("%s: import #%lld (%s layout, %s, %zu rows): %ld values "
		    "new, %ld changed, %ld removed, %ld unchanged; %ld units "
		    "new, %ld updated\n", out_text(imp[i]->path), s->id,
		    imp[i]->layout,
		    imp[i]->encoding, imp[i]->n_rows, s->values_new,
		    s->values_changed, s->values_removed, s->values_unchanged,
		    s->units_new, s->units_changed);
		if (s->units_before > 0 && s->units_new > 0)
			print_new_units(imp[i]->path, s);
		print_kept(imp[i]->path, s);
	}
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
