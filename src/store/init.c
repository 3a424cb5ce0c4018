/*
 * init.c - a workspace created whole or not at all (cityidx(1), init and
 * FILES).  A new workspace is built in memory, its framework set, and its
 * bytes written to an anonymous file in the target's directory that is
 * linked to the name only when complete and synced (core/ofile.h), and
 * only if no file has taken the name meanwhile: whenever init fails or
 * is killed, even by SIGKILL, there is no file to clean up.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "core/ofile.h"
#include "store/internal.h"
#include "store/store.h"

/* the offsets of the file format's write and read versions: 1 for a
 * rollback journal, 2 for WAL (https://sqlite.org/fileformat2.html,
 * 1.3.3) */
#define HDR_WRITE_VERSION 18
#define HDR_READ_VERSION 19

/* Writes the database of `st` to `of`, marked as WAL as every workspace
 * is: what PRAGMA journal_mode = WAL would write into these two bytes. */
static int
write_image(struct cidx_store *st, struct cidx_ofile *of,
    struct cidx_err *err)
{
	sqlite3_int64 size = 0;
	unsigned char *img = sqlite3_serialize(st->db, "main", &size, 0);
	int ret = 0;

	if (img == NULL || size < 100)
		ret = cidx_err_set(err, CIDX_EDB, "workspace '%s': cannot "
		    "serialise the new workspace (out of memory?)", st->path);
	else {
		img[HDR_WRITE_VERSION] = 2;
		img[HDR_READ_VERSION] = 2;
		errno = 0;
		if (fwrite(img, 1, (size_t)size, cidx_ofile_fp(of)) !=
		    (size_t)size)
			cidx_ofile_fail(of, errno ? errno : EIO);
	}
	sqlite3_free(img);
	return ret;
}

int
cidx_store_init(const char *path, const struct cidx_framework *fw,
    const char *source, int *created, struct cidx_err *err)
{
	struct cidx_store *st = NULL;
	struct cidx_ofile *of = NULL;
	struct stat sb;
	int ret;

	*created = 0;
	if (stat(path, &sb) == 0 || errno != ENOENT) {
		/* an existing workspace: one transaction, nothing to undo */
		if ((ret = cidx_store_open(&st, path, CIDX_STORE_CREATE,
		    err)) == 0)
			ret = cidx_store_set_framework(st, fw, source, err);
		cidx_store_close(st);
		return ret;
	}
	/* "-" names a file here, not standard output */
	if ((ret = cidx_ofile_open(&of, strcmp(path, "-") == 0 ? "./-" : path,
	    NULL, CIDX_OFILE_NOCLOBBER, err)) < 0)
		return ret;
	if ((ret = cidx_store_open_memory(&st, path, err)) < 0 ||
	    (ret = cidx_store_set_framework(st, fw, source, err)) < 0 ||
	    (ret = write_image(st, of, err)) < 0)
		goto fail;
	cidx_store_close(st);
	if ((ret = cidx_ofile_commit(&of, err)) < 0)
		return ret;
	*created = 1;
	return 0;
fail:
	cidx_store_close(st);
	cidx_ofile_abort(&of);
	return ret;
}
