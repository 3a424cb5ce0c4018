/*
 * ofile.h - output files that replace their target whole or not at all.
 *
 * Every file cityidx writes besides the workspace (tables, workbooks,
 * charts, reports, weights, draws) goes through here (cityidx(1), FILES):
 * the bytes go to a temporary file in the target's directory, are flushed,
 * checked and synced, and only then take the target's name by rename(2).
 * A command that fails, or is killed, leaves the previous file as it was.
 *
 * On Linux the temporary file is anonymous (O_TMPFILE): it has no name
 * until the commit, so not even kill -9 leaves one behind.  Elsewhere it
 * is ".NAME.XXXXXX" beside the target, removed on failure and, through
 * cidx_ofile_cleanup() called from a signal handler, on SIGTERM/SIGINT.
 *
 * A stream the caller already has (standard output, for "-") can stand in
 * for a file (cidx_ofile_stream()), so that one code path writes both.
 * A target that exists and is not a regular file
 * (/dev/null, /dev/full, a FIFO) is written in place: there is nothing to
 * replace atomically, and a write error is still an error.  A symbolic
 * link is followed: its target is replaced, the link stays.
 *
 * The process keeps a table of its open named temporaries for the signal
 * handler: the functions are not meant for concurrent threads.
 */
#ifndef CIDX_OFILE_H
#define CIDX_OFILE_H

#include <stdio.h>

#include "core/err.h"

struct cidx_ofile;

enum {
	/* create the target: fail if it exists (a new workspace) */
	CIDX_OFILE_NOCLOBBER = 1 << 0
};

/*! cidx_ofile_check() :
 *  Refuses `path` as an output when it is the workspace `workspace` or one
 *  of the files SQLite keeps beside it (-wal, -shm, -journal), by device
 *  and inode, through symbolic and hard links, or by name when the file
 *  does not exist yet; also a directory, or "".  `workspace` may be NULL.
 *  "-" (standard output, for the caller to open) passes.
 *  @return 0, or CIDX_EINVAL with "'PATH' is the workspace". */
int cidx_ofile_check(const char *path, const char *workspace,
    struct cidx_err *err);

/*! cidx_ofile_open() :
 *  Checks `path` (cidx_ofile_check()) and opens a temporary file for it.
 *  The caller writes through cidx_ofile_fp() (or by name, see below) and
 *  ends with exactly one of cidx_ofile_commit() or cidx_ofile_abort().
 *  @return 0, CIDX_EINVAL (a refused path) or CIDX_EIO. */
int cidx_ofile_open(struct cidx_ofile **out, const char *path,
    const char *workspace, unsigned flags, struct cidx_err *err);

/*! cidx_ofile_stream() :
 *  An output that is the open stream `fp` (standard output), named `name`
 *  in messages: the commit flushes and checks it, and closes nothing. */
void cidx_ofile_stream(struct cidx_ofile **out, FILE *fp, const char *name);

/*! cidx_ofile_fp() : the stream to write to. */
FILE *cidx_ofile_fp(struct cidx_ofile *f);

/*! cidx_ofile_name() :
 *  A path that opens the temporary file, for a library that writes a file
 *  by name (libxlsxwriter): it may truncate and rewrite it; the stream of
 *  cidx_ofile_fp() must then be left unused. */
const char *cidx_ofile_name(const struct cidx_ofile *f);

/*! cidx_ofile_path() : the target path as the caller gave it. */
const char *cidx_ofile_path(const struct cidx_ofile *f);

/*! cidx_ofile_fail() :
 *  Records that a write through another channel failed (errno value
 *  `errnum`), so that the commit reports it and keeps the old file. */
void cidx_ofile_fail(struct cidx_ofile *f, int errnum);

/*! cidx_ofile_commit() :
 *  Flushes, checks every write (ferror, the recorded failures), syncs and
 *  renames the temporary file over the target; frees `*f` and sets it to
 *  NULL.  On any error the temporary file is removed and the target is
 *  untouched.  For a stream (cidx_ofile_stream()), flushes and checks it.
 *  @return 0 or CIDX_EIO ("cannot write 'PATH': REASON"). */
int cidx_ofile_commit(struct cidx_ofile **f, struct cidx_err *err);

/*! cidx_ofile_abort() :
 *  Removes the temporary file, leaves the target untouched, frees `*f`
 *  and sets it to NULL.  NULL is allowed. */
void cidx_ofile_abort(struct cidx_ofile **f);

/*! cidx_ofile_cleanup() :
 *  Removes every named temporary file the process has open.  Only calls
 *  unlink(2): safe in a signal handler. */
void cidx_ofile_cleanup(void);

/*! cidx_ofile_force_named() :
 *  With `on`, temporary files are named even where they could be
 *  anonymous: for the tests of that path, and for a file system whose
 *  O_TMPFILE misbehaves. */
void cidx_ofile_force_named(int on);

#endif
