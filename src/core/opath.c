/*
 * opath.c - the names of output files: directory and last component, the
 * path a write lands on with symbolic links followed, and the refusal of
 * a target that is the workspace (cityidx(1), FILES).  The writing
 * itself is ofile.c's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"
#include "core/ofile.h"
#include "core/opath.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* the directory part of a path ("." when it has none), newly allocated */
char *
cidx_opath_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return cidx_xstrdup(".");
	if (slash == path)
		return cidx_xstrdup("/");
	return cidx_xstrndup(path, (size_t)(slash - path));
}

const char *
cidx_opath_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Follows symbolic links to the path a write would land on (which may
 * not exist: a dangling link creates its target).  A loop of links is
 * left to the open that follows, which reports ELOOP.
 */
char *
cidx_opath_resolve(const char *path)
{
	char *cur = cidx_xstrdup(path);

	for (int hops = 0; hops < 40; hops++) {
		char buf[PATH_MAX];
		struct stat sb;
		ssize_t n;
		char *next;

		if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
			break;
		if ((n = readlink(cur, buf, sizeof(buf) - 1)) < 0)
			break;
		buf[n] = '\0';
		if (buf[0] == '/' || strchr(cur, '/') == NULL) {
			next = cidx_xstrdup(buf);
		} else {
			char *dir = cidx_opath_dir(cur);

			next = cidx_xmalloc(strlen(dir) + strlen(buf) + 2);
			sprintf(next, "%s/%s", dir, buf);
			free(dir);
		}
		free(cur);
		cur = next;
	}
	return cur;
}

/* the identity of a name: its directory's device and inode, and its last
 * component; @return 0, or -1 when the directory does not exist */
struct where {
	dev_t dir_dev;
	ino_t dir_ino;
	const char *base;
};

static int
where_of(const char *resolved, struct where *w)
{
	char *dir = cidx_opath_dir(resolved);
	struct stat sb;
	int rc = stat(dir, &sb);

	free(dir);
	if (rc != 0)
		return -1;
	w->dir_dev = sb.st_dev;
	w->dir_ino = sb.st_ino;
	w->base = cidx_opath_base(resolved);
	return 0;
}

/* is `out` (resolved, stat'ed into `osb` when `oexists`) the file `ws`? */
static int
same_file(const char *out, const struct stat *osb, int oexists,
    const char *ws)
{
	struct where wo, ww;
	struct stat sb;
	char *rws = cidx_opath_resolve(ws);
	int same = 0;

	if (oexists && stat(rws, &sb) == 0)
		same = sb.st_dev == osb->st_dev && sb.st_ino == osb->st_ino;
	if (!same && where_of(out, &wo) == 0 && where_of(rws, &ww) == 0)
		same = wo.dir_dev == ww.dir_dev && wo.dir_ino == ww.dir_ino &&
		    strcmp(wo.base, ww.base) == 0;
	free(rws);
	return same;
}

int
cidx_ofile_check(const char *path, const char *workspace,
    struct cidx_err *err)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	struct stat sb;
	char *target, *rws = NULL;
	int exists, ret = 0;

	if (path == NULL || *path == '\0')
		return cidx_err_set(err, CIDX_EINVAL, "no output path");
	if (strcmp(path, "-") == 0)
		return 0;
	target = cidx_opath_resolve(path);
	exists = stat(target, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode)) {
		ret = cidx_err_set(err, CIDX_EINVAL, "cannot write '%s': it "
		    "is a directory", path);
		goto out;
	}
	if (workspace == NULL || *workspace == '\0')
		goto out;
	/* SQLite names its files after the database with links resolved */
	rws = cidx_opath_resolve(workspace);
	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		char *ws = cidx_xmalloc(strlen(workspace) + strlen(rws) + 16);
		int same;

		sprintf(ws, "%s%s", workspace, sfx[i]);
		same = same_file(target, &sb, exists, ws);
		sprintf(ws, "%s%s", rws, sfx[i]);
		same = same || same_file(target, &sb, exists, ws);
		free(ws);
		if (!same)
			continue;
		if (i == 0)
			ret = cidx_err_set(err, CIDX_EINVAL, "'%s' is the "
			    "workspace: choose another output file", path);
		else
			ret = cidx_err_set(err, CIDX_EINVAL, "'%s' is the "
			    "workspace's %s file: choose another output file",
			    path, sfx[i]);
		goto out;
	}
out:
	free(rws);
	free(target);
	return ret;
}
