/*
 * sink.c - the file of a figure or report: the format from the extension,
 * the reproducible PDF date, and a sink that cairo writes through, so
 * that every write error is seen (and reported with the path) and an SVG
 * can have its ids renumbered before it reaches the disk.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "core/mem.h"
#include "core/num.h"
#include "core/ofile.h"
#include "plot/plot_int.h"

int
cidx_plot_format(const char *path, enum fmt *out, struct cidx_err *err)
{
	const char *slash, *dot;

	if (path == NULL || *path == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "no output path");
	slash = strrchr(path, '/');
	dot = strrchr(path, '.');
	if (dot == NULL || (slash != NULL && dot < slash) || dot[1] == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "'%s': no file "
		    "extension to choose the format (use .pdf, .png or .svg)",
		    path);
	if (strcasecmp(dot, ".pdf") == 0)
		*out = FMT_PDF;
	else if (strcasecmp(dot, ".png") == 0)
		*out = FMT_PNG;
	else if (strcasecmp(dot, ".svg") == 0)
		*out = FMT_SVG;
	else
		return cidx_err_set(err, CIDX_EINVAL, "'%s': unknown output "
		    "format '%s' (use .pdf, .png or .svg)", path, dot);
	return 0;
}

int
cidx_plot_date(char buf[32], const char *date, struct cidx_err *err)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long secs = 0;
	time_t t;
	struct tm tm;

	if ((s == NULL || *s == '\0') && date != NULL && strlen(date) == 20) {
		memcpy(buf, date, 21);
		return 0;
	}
	/* 253402300799 is 9999-12-31T23:59:59Z, the last 4-digit year */
	if (s != NULL && *s != '\0' &&
	    cidx_num_parse_int(s, 0, 253402300799L, &secs) < 0)
		return cidx_err_set(err, CIDX_EINVAL, "SOURCE_DATE_EPOCH '%s' "
		    "is not a number of seconds since 1970", s);
	t = (time_t)secs;
	if (gmtime_r(&t, &tm) == NULL)
		return cidx_err_set(err, CIDX_EINVAL, "SOURCE_DATE_EPOCH '%s' "
		    "is out of range", s);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return 0;
}

int
cidx_sink_open(struct sink *s, const char *path, const char *workspace, int svg,
    struct cidx_err *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->path = path;
	s->svg = svg;
	if ((rc = cidx_ofile_open(&s->of, path, workspace, 0, err)) < 0)
		return rc;
	s->fp = cidx_ofile_fp(s->of);
	return 0;
}

cairo_status_t
cidx_sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->errnum != 0)
		return CAIRO_STATUS_WRITE_ERROR;
	if (s->svg) {
		if (s->len + len > s->cap) {
			size_t cap = s->cap ? s->cap : 65536;

			while (cap < s->len + len)
				cap *= 2;
			s->buf = cidx_xreallocarray(s->buf, cap, 1);
			s->cap = cap;
		}
		memcpy(s->buf + s->len, data, len);
		s->len += len;
		return CAIRO_STATUS_SUCCESS;
	}
	if (fwrite(data, 1, len, s->fp) != len) {
		s->errnum = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * cairo names an SVG's surfaces (and images) after a counter global to the
 * process ("surface7"), so the second chart drawn by a program differs
 * from the first.  Renumber them in order of first appearance.
 */
static void
write_svg(struct sink *s)
{
	static const char *const pfx[] = { "surface", "image" };
	long olds[64];
	size_t nolds = 0, i = 0, start = 0;
	FILE *fp = s->fp;

	while (i < s->len) {
		size_t k, j, plen = 0;
		long v = 0;
		char num[32];

		if (i == 0 || (s->buf[i - 1] != '"' && s->buf[i - 1] != '#')) {
			i++;
			continue;
		}
		for (k = 0; k < 2; k++) {
			plen = strlen(pfx[k]);
			if (i + plen < s->len &&
			    memcmp(s->buf + i, pfx[k], plen) == 0 &&
			    is_digit(s->buf[i + plen]))
				break;
		}
		if (k == 2) {
			i++;
			continue;
		}
		for (j = i + plen; j < s->len && is_digit(s->buf[j]); j++)
			v = v * 10 + (s->buf[j] - '0');
		for (k = 0; k < nolds && olds[k] != v; k++)
			;
		if (k == nolds && nolds < sizeof(olds) / sizeof(olds[0]))
			olds[nolds++] = v;
		fwrite(s->buf + start, 1, i + plen - start, fp);
		snprintf(num, sizeof(num), "%zu", k + 1);
		fwrite(num, 1, strlen(num), fp);
		i = start = j;
	}
	fwrite(s->buf + start, 1, s->len - start, fp);
	if (ferror(fp) && s->errnum == 0)
		s->errnum = errno ? errno : EIO;
}

int
cidx_sink_close(struct sink *s, int failed, struct cidx_err *err)
{
	struct cidx_err e2 = CIDX_ERR_INIT;
	int rc = 0;

	if (s->of == NULL)
		return 0;
	if (!failed && s->svg)
		write_svg(s);
	if (failed) {
		cidx_ofile_abort(&s->of);
	} else {
		if (s->errnum != 0)
			cidx_ofile_fail(s->of, s->errnum);
		if ((rc = cidx_ofile_commit(&s->of, &e2)) < 0) {
			if (err != NULL)
				*err = e2;
			rc = CIDX_EIO;
		}
	}
	s->fp = NULL;
	free(s->buf);
	s->buf = NULL;
	return rc;
}

void
cidx_plot_pdf_metadata(cairo_surface_t *pdf, const char *date,
    const char *title)
{
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR,
	    "cityidx");
	if (title != NULL && *title != '\0')
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE,
		    title);
}
