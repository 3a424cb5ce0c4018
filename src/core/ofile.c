/*
 * ofile.c - output files replaced whole or not at all (cityidx(1), FILES).
 *
 * The steps of a write, in order: refuse a target that is the workspace
 * (device and inode, or directory and name), resolve symbolic links, open
 * an anonymous file in the target's directory (O_TMPFILE) or else a named
 * one, let the caller write, then flush, check, fsync, give the file a
 * temporary name (linkat through /proc/self/fd) and rename it over the
 * target.  Only the last two steps touch a name the user can see.
 */
#define _GNU_SOURCE /* O_TMPFILE, AT_SYMLINK_FOLLOW */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/ofile.h"
#include "core/opath.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

struct cidx_ofile {
	char *path;   /* as given */
	char *target; /* symbolic links resolved */
	char *tmp;    /* the named temporary file, or NULL */
	char name[64]; /* /proc/self/fd/N for the anonymous file */
	FILE *fp;
	int is_stream; /* a stream of the caller's, not closed */
	int direct;   /* a device or FIFO, written in place */
	int anon;     /* O_TMPFILE */
	int slot;     /* in the cleanup table, or -1 */
	unsigned flags;
	int errnum;   /* a failure recorded by cidx_ofile_fail() */
	int have_mode;
	mode_t mode;  /* the replaced file's permissions */
};

/*
 * The named temporary files of the process, for cidx_ofile_cleanup() in a
 * signal handler: a slot is filled before `used` is set and emptied after
 * it is cleared, so the handler never reads a half-written path.
 */
#define NSLOTS 16
static int force_named;

void
cidx_ofile_force_named(int on)
{
	force_named = on;
}

static struct {
	volatile sig_atomic_t used;
	char path[PATH_MAX];
} slots[NSLOTS];

static int
slot_take(const char *path)
{
	if (strlen(path) >= PATH_MAX)
		return -1;
	for (int i = 0; i < NSLOTS; i++)
		if (!slots[i].used) {
			memcpy(slots[i].path, path, strlen(path) + 1);
			slots[i].used = 1;
			return i;
		}
	return -1;
}

static void
slot_drop(int *i)
{
	if (*i >= 0)
		slots[*i].used = 0;
	*i = -1;
}

void
cidx_ofile_cleanup(void)
{
	for (int i = 0; i < NSLOTS; i++)
		if (slots[i].used)
			unlink(slots[i].path);
}

static mode_t
creation_mode(void)
{
	mode_t m = umask(0);

	umask(m);
	return 0666 & ~m;
}

static int
io_error(struct cidx_err *err, const char *path, int errnum)
{
	return cidx_err_set(err, CIDX_EIO, "cannot write '%s': %s", path,
	    strerror(errnum ? errnum : EIO));
}

static void
ofile_free(struct cidx_ofile *f)
{
	slot_drop(&f->slot);
	free(f->path);
	free(f->target);
	free(f->tmp);
	free(f);
}

/* opens the temporary file in `dir`: anonymous when the system can, and
 * can later give it a name through /proc; named otherwise */
static int
open_tmp(struct cidx_ofile *f, const char *dir)
{
	int fd = -1;

#ifdef O_TMPFILE
	if (!force_named && access("/proc/self/fd", X_OK) == 0) {
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
		if (fd >= 0) {
			f->anon = 1;
			snprintf(f->name, sizeof(f->name), "/proc/self/fd/%d",
			    fd);
			return fd;
		}
		/* a file system without anonymous files: name one */
		if (errno != EOPNOTSUPP && errno != EISDIR &&
		    errno != EINVAL && errno != ENOTSUP)
			return -1;
	}
#endif
	f->tmp = cidx_xmalloc(strlen(dir) + strlen(cidx_opath_base(f->target)) + 16);
	sprintf(f->tmp, "%s/.%s.XXXXXX", dir, cidx_opath_base(f->target));
	if ((fd = mkstemp(f->tmp)) < 0)
		return -1;
	f->slot = slot_take(f->tmp);
	if (fchmod(fd, f->have_mode ? f->mode : creation_mode()) != 0) {
		/* a file system without permissions: keep what it gives */
	}
	return fd;
}

int
cidx_ofile_open(struct cidx_ofile **out, const char *path,
    const char *workspace, unsigned flags, struct cidx_err *err)
{
	struct cidx_ofile *f;
	struct stat sb;
	char *dir;
	int ret, fd;

	*out = NULL;
	if ((ret = cidx_ofile_check(path, workspace, err)) < 0)
		return ret;
	f = cidx_xcalloc(1, sizeof(*f));
	f->slot = -1;
	f->flags = flags;
	f->path = cidx_xstrdup(path);
	f->target = cidx_opath_resolve(path);
	if (stat(f->target, &sb) == 0) {
		if (flags & CIDX_OFILE_NOCLOBBER) {
			ret = cidx_err_set(err, CIDX_EIO, "cannot create '%s': "
			    "it exists", path);
			goto fail;
		}
		if (!S_ISREG(sb.st_mode)) {
			/* a device or FIFO: nothing to replace */
			f->direct = 1;
			if ((f->fp = fopen(f->target, "wb")) == NULL) {
				ret = io_error(err, path, errno);
				goto fail;
			}
			*out = f;
			return 0;
		}
		f->have_mode = 1;
		f->mode = sb.st_mode & 07777;
	}
	dir = cidx_opath_dir(f->target);
	fd = open_tmp(f, dir);
	free(dir);
	if (fd < 0 || (f->fp = fdopen(fd, "wb")) == NULL) {
		ret = io_error(err, path, errno);
		if (fd >= 0)
			close(fd);
		if (f->tmp)
			unlink(f->tmp);
		goto fail;
	}
	*out = f;
	return 0;
fail:
	ofile_free(f);
	return ret;
}

void
cidx_ofile_stream(struct cidx_ofile **out, FILE *fp, const char *name)
{
	struct cidx_ofile *f = cidx_xcalloc(1, sizeof(*f));

	f->slot = -1;
	f->is_stream = 1;
	f->fp = fp;
	f->path = cidx_xstrdup(name);
	snprintf(f->name, sizeof(f->name), "/dev/fd/%d", fileno(fp));
	*out = f;
}

FILE *
cidx_ofile_fp(struct cidx_ofile *f)
{
	return f->fp;
}

const char *
cidx_ofile_name(const struct cidx_ofile *f)
{
	if (f->direct)
		return f->target;
	return f->anon || f->is_stream ? f->name : f->tmp;
}

const char *
cidx_ofile_path(const struct cidx_ofile *f)
{
	return f->path;
}

void
cidx_ofile_fail(struct cidx_ofile *f, int errnum)
{
	if (f->errnum == 0)
		f->errnum = errnum ? errnum : EIO;
}

/*
 * The two steps that give the finished anonymous file the target's name:
 * link it to `tmp` beside the target (linkat(2) does not replace), then
 * rename that over the target.  A process killed between the two would
 * leave `tmp` behind, so a child takes both: a kill -9 of this process
 * does not stop it.  vfork(2): the child runs on this process's memory
 * until it exits and calls only linkat, rename, unlink, write and _exit.
 */

/* the child's side of place(): the steps, then their errno down the pipe */
static void
place_child(int out, const char *src, const char *tmp, const char *target)
{
	int e = 0;

	if (linkat(AT_FDCWD, src, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0) {
		e = errno ? errno : EIO;
	} else if (rename(tmp, target) != 0) {
		e = errno ? errno : EIO;
		unlink(tmp);
	}
	if (out >= 0)
		(void)write(out, &e, sizeof(e));
}

/* @return 0 or an errno value */
static int
place(const char *src, const char *tmp, const char *target)
{
	int p[2], e = EIO, st;
	pid_t pid;

	/* the result comes down a pipe, not as the exit status, which a
	 * tool watching the child (valgrind) may set */
	if (pipe(p) != 0) {
		p[0] = p[1] = -1;
		pid = -1;
	} else {
		pid = vfork();
	}
	if (pid == 0) {
		place_child(p[1], src, tmp, target);
		_exit(0);
	}
	if (pid < 0) {
		/* no child to be had: the same steps here */
		e = 0;
		if (linkat(AT_FDCWD, src, AT_FDCWD, tmp,
		    AT_SYMLINK_FOLLOW) != 0) {
			e = errno ? errno : EIO;
		} else if (rename(tmp, target) != 0) {
			e = errno ? errno : EIO;
			unlink(tmp);
		}
	} else {
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		close(p[1]);
		p[1] = -1;
		if (read(p[0], &e, sizeof(e)) != (ssize_t)sizeof(e))
			e = EIO;
	}
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	return e;
}

static void
sync_dir(const char *target)
{
	char *dir = cidx_opath_dir(target);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	free(dir);
	if (fd >= 0) {
		/* the rename is durable; a file system that cannot sync a
		 * directory has already done what it can */
		(void)fsync(fd);
		close(fd);
	}
}

static int
commit_anon(struct cidx_ofile *f, struct cidx_err *err)
{
	static unsigned long seq;
	char *dir, *name;
	int e = EEXIST;

	if (f->flags & CIDX_OFILE_NOCLOBBER) {
		/* one step: the name is taken, or it exists */
		if (linkat(AT_FDCWD, f->name, AT_FDCWD, f->target,
		    AT_SYMLINK_FOLLOW) == 0)
			return 0;
		return errno == EEXIST ? cidx_err_set(err, CIDX_EIO,
		    "cannot create '%s': it exists", f->path) :
		    io_error(err, f->path, errno);
	}
	dir = cidx_opath_dir(f->target);
	name = cidx_xmalloc(strlen(dir) + strlen(cidx_opath_base(f->target)) + 64);
	for (int tries = 0; tries < 100 && e == EEXIST; tries++) {
		sprintf(name, "%s/.%s.%ld.%lu", dir, cidx_opath_base(f->target),
		    (long)getpid(), seq++ ^ (unsigned long)time(NULL));
		f->slot = slot_take(name);
		e = place(f->name, name, f->target);
		slot_drop(&f->slot);
	}
	free(dir);
	free(name);
	return e ? io_error(err, f->path, e) : 0;
}

static int
commit_named(struct cidx_ofile *f, struct cidx_err *err)
{
	int ret = 0;

	if (f->flags & CIDX_OFILE_NOCLOBBER) {
		if (link(f->tmp, f->target) != 0)
			ret = errno == EEXIST ? cidx_err_set(err, CIDX_EIO,
			    "cannot create '%s': it exists", f->path) :
			    io_error(err, f->path, errno);
		unlink(f->tmp);
	} else if (rename(f->tmp, f->target) != 0) {
		ret = io_error(err, f->path, errno);
		unlink(f->tmp);
	}
	return ret;
}

int
cidx_ofile_commit(struct cidx_ofile **fp, struct cidx_err *err)
{
	struct cidx_ofile *f = *fp;
	int ret = 0, fd;

	*fp = NULL;
	if (f == NULL)
		return 0;
	errno = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		cidx_ofile_fail(f, errno);
	if (f->is_stream) {
		if (f->errnum)
			ret = cidx_err_set(err, CIDX_EIO, "cannot write to "
			    "%s: %s", f->path, strerror(f->errnum));
		goto out;
	}
	if (f->direct) {
		if (fclose(f->fp) != 0)
			cidx_ofile_fail(f, errno);
		if (f->errnum)
			ret = io_error(err, f->path, f->errnum);
		goto out;
	}
	fd = fileno(f->fp);
	if (f->errnum == 0 && fsync(fd) != 0 && errno != EINVAL &&
	    errno != EROFS)
		cidx_ofile_fail(f, errno);
	if (f->errnum == 0 && f->have_mode && fchmod(fd, f->mode) != 0) {
		/* the mode of the file replaced, where the file system and
		 * ownership allow it */
	}
	if (f->anon) {
		if (f->errnum == 0)
			ret = commit_anon(f, err);
		else
			ret = io_error(err, f->path, f->errnum);
		fclose(f->fp);
	} else {
		if (fclose(f->fp) != 0)
			cidx_ofile_fail(f, errno);
		if (f->errnum == 0) {
			ret = commit_named(f, err);
		} else {
			ret = io_error(err, f->path, f->errnum);
			unlink(f->tmp);
		}
	}
	if (ret == 0)
		sync_dir(f->target);
out:
	ofile_free(f);
	return ret;
}

void
cidx_ofile_abort(struct cidx_ofile **fp)
{
	struct cidx_ofile *f = *fp;

	*fp = NULL;
	if (f == NULL)
		return;
	if (f->is_stream) {
		fflush(f->fp);
	} else {
		fclose(f->fp);
		if (f->tmp)
			unlink(f->tmp);
	}
	ofile_free(f);
}
