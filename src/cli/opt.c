/*
 * opt.c - the generic option parser, help and usage line of a command's
 * option table (opt.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "core/mem.h"

/* a table with its groups flattened: each option row and the offset of
 * the struct its field is in */
struct flat {
	const struct cli_opt **row;
	size_t *base;
	size_t n, cap;
	int operands;
};

static void
flatten(struct flat *f, const struct cli_opt *t, size_t base)
{
	for (; t->kind != CLI_K_END; t++) {
		if (t->kind == CLI_K_GROUP) {
			flatten(f, t->group->opts, base + t->off);
			continue;
		}
		if (t->kind == CLI_K_OPERANDS)
			f->operands = 1;
		if (t->name == NULL)
			continue;
		if (f->n == f->cap) {
			f->cap = f->cap ? 2 * f->cap : 64;
			f->row = cidx_xreallocarray(f->row, f->cap,
			    sizeof(*f->row));
			f->base = cidx_xreallocarray(f->base, f->cap,
			    sizeof(*f->base));
		}
		f->row[f->n] = t;
		f->base[f->n++] = base;
	}
}

static int
has_arg(const struct cli_opt *o)
{
	if (o->kind == CLI_K_BOOL || o->kind == CLI_K_HELP)
		return no_argument;
	if (o->flags & CLI_OPTF_NOARG)
		return no_argument;
	if (o->flags & CLI_OPTF_OPTARG)
		return optional_argument;
	return required_argument;
}

/* getopt_long's tables: an option's value is 256 + its row (an alias
 * shares its row's, so that a prefix of both is not ambiguous); a short
 * letter is itself */
static struct option *
longopts(const struct flat *f, struct sbuf *shorts)
{
	struct option *lo = cidx_xcalloc(f->n + 1, sizeof(*lo));
	int val = 256;

	cidx_sbuf_addc(shorts, ':');
	for (size_t i = 0; i < f->n; i++) {
		const struct cli_opt *o = f->row[i];

		if (!(o->flags & CLI_OPTF_ALIAS))
			val = 256 + (int)i;
		lo[i].name = o->name;
		lo[i].has_arg = has_arg(o);
		lo[i].val = val;
		if (o->short_name) {
			cidx_sbuf_addc(shorts, (char)o->short_name);
			if (lo[i].has_arg != no_argument)
				cidx_sbuf_adds(shorts, lo[i].has_arg ==
				    optional_argument ? "::" : ":");
		}
	}
	return lo;
}

static const char *const fmt_names[] = { "table", "csv", "json", "xlsx" };

/* "expected table, csv or json" */
static int
format_error(const char *cmd, const char *arg, int fmts)
{
	struct sbuf sb = SBUF_INIT;
	size_t n = 0, k = 0;
	int r;

	for (size_t i = 0; i < 4; i++)
		n += (fmts >> i) & 1;
	for (size_t i = 0; i < 4; i++) {
		if (!((fmts >> i) & 1))
			continue;
		if (k > 0)
			cidx_sbuf_adds(&sb, k + 1 == n ? " or " : ", ");
		cidx_sbuf_adds(&sb, fmt_names[i]);
		k++;
	}
	r = cli_usage_error(cmd, "--format '%s': expected %s", arg, sb.buf);
	cidx_sbuf_release(&sb);
	return r;
}

/* a number in lo..hi, else the row's error */
static int
take_number(const struct cli_opt *o, const char *arg, const char *cmd,
    long *v)
{
	if (o->kind == CLI_K_YEAR) {
		if (cli_parse_long(arg, 1000, 9999, v) < 0)
			return cli_usage_error(cmd, "--%s '%s': expected a "
			    "year 1000..9999", o->name, arg);
		return 0;
	}
	if (cli_parse_long(arg, o->lo, o->hi, v) < 0)
		return cli_usage_error(cmd, "--%s '%s': expected %s", o->name,
		    arg, o->what);
	return 0;
}

static int
take(const struct cli_cmd *c, const struct cli_opt *o, void *field,
    const char *arg)
{
	enum cli_format fmt;
	long v;
	int r;

	switch (o->kind) {
	case CLI_K_BOOL:
		*(int *)field = 1;
		return 0;
	case CLI_K_STRING:
		*(const char **)field = arg;
		return 0;
	case CLI_K_LONG:
	case CLI_K_INT:
	case CLI_K_YEAR:
		if ((r = take_number(o, arg, c->name, &v)) != 0)
			return r;
		if (o->kind == CLI_K_LONG)
			*(long *)field = v;
		else
			*(int *)field = (int)v;
		return 0;
	case CLI_K_FORMAT:
		if (cli_parse_format(arg, &fmt) < 0 ||
		    !(o->val & (1 << fmt)))
			return format_error(c->name, arg, o->val);
		*(enum cli_format *)field = fmt;
		return 0;
	case CLI_K_CALLBACK:
		return o->cb(field, o, arg, c->name);
	case CLI_K_HELP:
		cli_opt_help(stdout, c);
		return CLI_HELPED;
	default:
		return 0;
	}
}

/* the row of getopt_long's result, or -1 */
static long
row_of(const struct flat *f, int ch, int li)
{
	if (li >= 0)
		return li;
	if (ch >= 256)
		return ch - 256;
	for (size_t i = 0; i < f->n; i++)
		if (f->row[i]->short_name == ch)
			return (long)i;
	return -1;
}

static int
parse(const struct cli_cmd *c, const struct flat *f, int argc, char **argv,
    void *base, cli_opt_seen seen)
{
	struct sbuf shorts = SBUF_INIT;
	struct option *lo = longopts(f, &shorts);
	int ch, li = -1, r = CLI_OK;
	long i;

	while (r == CLI_OK && (ch = getopt_long(argc, argv, shorts.buf, lo,
	    &li)) != -1) {
		if (ch == ':')
			r = cli_usage_error(c->name, "option '%s' needs a "
			    "value", argv[optind - 1]);
		else if (ch == '?' || (i = row_of(f, ch, li)) < 0)
			r = cli_usage_error(c->name, "unknown option '%s'",
			    argv[optind - 1]);
		else if ((r = take(c, f->row[i], (char *)base + f->base[i] +
		    f->row[i]->off, optarg)) == 0 && seen)
			seen(base, f->row[i], li >= 0 ? lo[li].name : "?");
		li = -1;
	}
	if (r == CLI_OK && !f->operands && optind < argc)
		r = cli_usage_error(c->name, "unexpected argument '%s'",
		    argv[optind]);
	free(lo);
	cidx_sbuf_release(&shorts);
	return r;
}

int
cli_opt_parse(const char *cmd, int argc, char **argv, void *base,
    cli_opt_seen seen)
{
	const struct cli_cmd *c = cli_find(cmd);
	struct flat f = { NULL, NULL, 0, 0, 0 };
	int r;

	flatten(&f, c->opts, 0);
	r = parse(c, &f, argc, argv, base, seen);
	free(f.row);
	free(f.base);
	return r;
}

/* "-o, --output FILE", "--treat[=S,K,W]", "--width W, --height H" */
static void
label(struct sbuf *sb, const struct cli_opt *o)
{
	if (o->short_name && !(o->flags & CLI_OPTF_UNDOC_SHORT))
		cidx_sbuf_addf(sb, "-%c, ", o->short_name);
	cidx_sbuf_addf(sb, "--%s", o->name);
	if (o->arg)
		cidx_sbuf_addf(sb, "%s%s", o->flags & CLI_OPTF_OPTARG ? "" :
		    " ", o->arg);
	if (o->flags & CLI_OPTF_JOIN) {
		cidx_sbuf_adds(sb, ", ");
		label(sb, o + 1);
	}
}

static int
shown(const struct cli_opt *o)
{
	return o->name && !(o->flags & (CLI_OPTF_NOHELP | CLI_OPTF_ALIAS));
}

/* the column of a table's help: the longest label + 2 */
static size_t
column(const struct cli_opt *t)
{
	size_t w = 0;

	for (; t->kind != CLI_K_END; t++) {
		struct sbuf sb = SBUF_INIT;

		if (!shown(t) || t->kind == CLI_K_GROUP)
			continue;
		label(&sb, t);
		if (sb.len + 2 > w && !(t->flags & CLI_OPTF_JOIN))
			w = sb.len + 2;
		cidx_sbuf_release(&sb);
	}
	return w;
}

static void
help_row(FILE *fp, const struct cli_opt *o, size_t w)
{
	struct sbuf sb = SBUF_INIT;
	const char *p = o->help, *e;

	label(&sb, o);
	fprintf(fp, "  %-*s%s", (int)w, sb.buf, sb.len >= w ? "  " : "");
	cidx_sbuf_release(&sb);
	for (int first = 1; p != NULL; first = 0) {
		e = strchr(p, '\n');
		fprintf(fp, "%*s%.*s\n", first ? 0 : (int)w + 2, "",
		    e ? (int)(e - p) : (int)strlen(p), p);
		p = e ? e + 1 : NULL;
	}
}

static void
help_table(FILE *fp, const struct cli_opt *t, size_t w)
{
	if (w == 0)
		w = column(t);
	for (; t->kind != CLI_K_END; t++) {
		if (t->kind == CLI_K_TEXT) {
			fputs(t->help, fp);
		} else if (t->kind == CLI_K_GROUP) {
			if (t->flags & CLI_OPTF_NOHELP)
				continue;
			fprintf(fp, "\n%s\n", t->group->heading);
			help_table(fp, t->group->opts,
			    (size_t)t->group->width);
		} else if (shown(t) && t->help) {
			help_row(fp, t, w);
		}
	}
}

void
cli_opt_help(FILE *fp, const struct cli_cmd *c)
{
	fprintf(fp, "usage: cityidx ");
	cli_opt_usage(fp, c);
	fprintf(fp, "\n\n%s\n\n", c->summary);
	help_table(fp, c->opts, (size_t)c->help_width);
	fprintf(fp, "\nSee cityidx(1) for the formulas.\n");
}

/* the usage fragment of a row */
static void
fragment(FILE *fp, const struct cli_opt *o)
{
	int req = o->flags & CLI_OPTF_REQUIRED;
	const char *arg = o->syn_arg ? o->syn_arg : o->arg;

	if (o->kind == CLI_K_OPERANDS) {
		fprintf(fp, " %s", o->arg);
		return;
	}
	fputs(req ? " " : " [", fp);
	if (o->short_name && !(o->flags & CLI_OPTF_UNDOC_SHORT))
		fprintf(fp, "-%c", o->short_name);
	else
		fprintf(fp, "--%s", o->name);
	if (o->kind == CLI_K_FORMAT) {
		fputc(' ', fp);
		for (int i = 0, k = 0; i < 4; i++)
			if (o->val & (1 << i))
				fprintf(fp, "%s%s", k++ ? "|" : "",
				    fmt_names[i]);
	} else if (arg) {
		fprintf(fp, "%s%s", o->flags & CLI_OPTF_OPTARG ? "" : " ",
		    arg);
	}
	fputs(req ? "" : "]", fp);
	if (o->flags & CLI_OPTF_REPEAT)
		fputs("...", fp);
}

static void
usage_rows(FILE *fp, const struct cli_opt *t, int key, int expanded)
{
	for (; t->kind != CLI_K_END; t++) {
		if (!expanded && t->syn != key)
			continue;
		if (t->flags & (CLI_OPTF_NOSYN | CLI_OPTF_ALIAS))
			continue;
		if (t->kind == CLI_K_GROUP && (t->flags & CLI_OPTF_EXPAND))
			usage_rows(fp, t->group->opts, key, 1);
		else if (t->kind == CLI_K_GROUP)
			fprintf(fp, " %s", t->group->synopsis);
		else if (t->name || t->kind == CLI_K_OPERANDS)
			fragment(fp, t);
	}
}

void
cli_opt_usage(FILE *fp, const struct cli_cmd *c)
{
	int lo = 0, hi = 0;

	for (const struct cli_opt *t = c->opts; t->kind != CLI_K_END; t++) {
		if (t->syn < lo)
			lo = t->syn;
		if (t->syn > hi)
			hi = t->syn;
	}
	fputs(c->name, fp);
	for (int key = lo; key <= hi; key++)
		usage_rows(fp, c->opts, key, 0);
}
