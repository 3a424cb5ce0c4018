/*
 * drawlib.c - the drawing code loaded on first use (drawlib.h): the
 * functions of plot.h, doc.h and rank_write_xlsx() that the commands
 * call, each passing the call on to the shared object once it is loaded.
 *
 * The object's bytes are in the binary (drawblob.S): they are written to
 * an anonymous file (memfd_create(2)) that dlopen(3) loads by its
 * /proc/self/fd path, so nothing is installed beside cityidx and the
 * object is always the one built with it.  The object's own symbols are
 * bound as it is loaded (it is linked -z now; its libraries' symbols
 * lazily, as they were when the binary linked them): what it needs of
 * the core is exported by the binary (the Makefile's dynamic list), and
 * a missing one fails here, before any output is opened.  When loading fails, every call returns
 * the error "cannot load the drawing code: WHAT: WHY" and nothing is
 * written.
 */
#define _GNU_SOURCE /* memfd_create() */

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/drawlib.h"
#include "cli/rankout.h"
#include "version.h"

/* MFD_EXEC (Linux 6.3, not in older headers): the file will be mapped
 * executable, which vm.memfd_noexec = 1 refuses without it; an older
 * kernel refuses the flag (EINVAL) and needs none */
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

/* drawblob.S (x86-64 and other LP64 targets: a size_t is 8 bytes) */
extern const unsigned char cidx_draw_so[];
extern const size_t cidx_draw_so_size;

static const struct cidx_draw_api *api;
static char why[512];	/* why loading failed ("" before it was tried) */

static int
write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* the table of the object in `fd`, or NULL with `why` set */
static const struct cidx_draw_api *
open_fd(int fd)
{
	const struct cidx_draw_api *a;
	char path[64];
	void *h;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if ((h = dlopen(path, RTLD_LAZY | RTLD_LOCAL)) == NULL) {
		snprintf(why, sizeof(why), "dlopen: %s", dlerror());
		return NULL;
	}
	if ((a = dlsym(h, "cidx_draw_entry")) == NULL) {
		snprintf(why, sizeof(why), "dlsym: %s", dlerror());
		return NULL;
	}
	if (a->abi != CIDX_DRAW_ABI || a->size != sizeof(*a) ||
	    a->version == NULL || strcmp(a->version, CITYIDX_VERSION) != 0) {
		snprintf(why, sizeof(why), "the object does not match this "
		    "binary (interface %u, %zu bytes, version %s)", a->abi,
		    a->size, a->version ? a->version : "?");
		return NULL;
	}
	return a;
}

/* loads the object once; NULL when it cannot be loaded (`why` says why,
 * and it is not tried again) */
static const struct cidx_draw_api *
draw_api(void)
{
	int fd;

	if (api != NULL || why[0] != '\0')
		return api;
	fd = memfd_create("cityidx-draw", MFD_CLOEXEC | MFD_EXEC);
	if (fd < 0 && errno == EINVAL)
		fd = memfd_create("cityidx-draw", MFD_CLOEXEC);
	if (fd < 0) {
		snprintf(why, sizeof(why), "memfd_create: %s",
		    strerror(errno));
		return NULL;
	}
	if (write_all(fd, cidx_draw_so, cidx_draw_so_size) < 0)
		snprintf(why, sizeof(why), "writing the anonymous file: %s",
		    strerror(errno ? errno : EIO));
	else
		api = open_fd(fd);
	close(fd); /* the mapping stays */
	return api;
}

static int
load_error(struct cidx_err *err)
{
	return cidx_err_set(err, CIDX_ERROR, "cannot load the drawing code: "
	    "%s", why);
}

int
cidx_plot_opt_set(struct cidx_plot_opts *o, enum cidx_plot_key key,
    const char *text, struct cidx_err *err)
{
	return draw_api() ? api->plot_opt_set(o, key, text, err) :
	    load_error(err);
}

int
cidx_plot_opts_check(const struct cidx_plot_opts *o, struct cidx_err *err)
{
	return draw_api() ? api->plot_opts_check(o, err) : load_error(err);
}

int
cidx_plot_write(const struct cidx_chart *c, const struct cidx_plot_opts *o,
    struct cidx_err *err)
{
	return draw_api() ? api->plot_write(c, o, err) : load_error(err);
}

/* nothing to release when nothing was drawn */
void
cidx_plot_shutdown(void)
{
	if (api != NULL)
		api->plot_shutdown();
}

int
cidx_doc_open(struct cidx_doc **out, const char *path,
    const struct cidx_plot_opts *o, struct cidx_err *err)
{
	if (out != NULL)
		*out = NULL;
	return draw_api() ? api->doc_open(out, path, o, err) :
	    load_error(err);
}

int
cidx_doc_title_page(struct cidx_doc *doc, const char *title,
    const char *subtitle, const char *edition,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err)
{
	return draw_api() ? api->doc_title_page(doc, title, subtitle, edition,
	    paras, n, err) : load_error(err);
}

void
cidx_doc_continue(struct cidx_doc *doc)
{
	if (api != NULL)
		api->doc_continue(doc);
}

int
cidx_doc_text(struct cidx_doc *doc, const char *heading,
    const struct cidx_doc_para *paras, size_t n, struct cidx_err *err)
{
	return draw_api() ? api->doc_text(doc, heading, paras, n, err) :
	    load_error(err);
}

int
cidx_doc_table(struct cidx_doc *doc, const char *heading,
    const struct cidx_doc_col *cols, size_t ncols, const char *const *cells,
    size_t nrows, struct cidx_err *err)
{
	return draw_api() ? api->doc_table(doc, heading, cols, ncols, cells,
	    nrows, err) : load_error(err);
}

int
cidx_doc_chart(struct cidx_doc *doc, const struct cidx_chart *c,
    const char *title, const char *note, struct cidx_err *err)
{
	return draw_api() ? api->doc_chart(doc, c, title, note, err) :
	    load_error(err);
}

int
cidx_doc_chart_part(struct cidx_doc *doc, const struct cidx_chart *c,
    double share, const char *title, const char *note,
    struct cidx_err *err)
{
	return draw_api() ? api->doc_chart_part(doc, c, share, title, note,
	    err) : load_error(err);
}

int
cidx_doc_close(struct cidx_doc *doc, struct cidx_err *err)
{
	return draw_api() ? api->doc_close(doc, err) : load_error(err);
}

void
cidx_doc_abort(struct cidx_doc *doc)
{
	if (api != NULL)
		api->doc_abort(doc);
}

int
rank_write_xlsx(const struct rank_view *v, const char *path)
{
	if (draw_api() == NULL)
		return cli_error("cannot load the drawing code: %s", why);
	return api->rank_write_xlsx(v, path);
}
