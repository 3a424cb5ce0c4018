/* core/ofile: outputs replaced whole or not at all (cityidx(1), FILES) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ofile.h"
#include "fixture.h"
#include "runner.h"

/* the file's contents, or "" when missing (static buffer) */
static const char *
slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "rb");
	size_t n = 0;

	buf[0] = '\0';
	if (fp == NULL)
		return buf;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* the number of entries in tmpdir besides . and .. */
static int
entries(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	if (d != NULL)
		closedir(d);
	return n;
}

static int
write_file(const char *path, const char *ws, const char *text,
    struct cidx_err *err)
{
	struct cidx_ofile *f;
	int rc;

	if ((rc = cidx_ofile_open(&f, path, ws, 0, err)) < 0)
		return rc;
	fputs(text, cidx_ofile_fp(f));
	return cidx_ofile_commit(&f, err);
}

static void
replace_and_abort(void)
{
	char p[256];
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ofile *f;

	put(p, sizeof(p), "out.csv", "old\n");
	CHECK_INT(write_file(p, NULL, "new\n", &err), 0);
	CHECK_STR(slurp(p), "new\n");
	CHECK_INT(entries(), 1);
	/* written, then abandoned: the file is as it was, nothing left */
	CHECK_INT(cidx_ofile_open(&f, p, NULL, 0, &err), 0);
	fputs("half", cidx_ofile_fp(f));
	fflush(cidx_ofile_fp(f));
	CHECK_STR(slurp(p), "new\n");
	cidx_ofile_abort(&f);
	CHECK(f == NULL);
	CHECK_STR(slurp(p), "new\n");
	CHECK_INT(entries(), 1);
	/* a write that failed elsewhere: the commit says so, keeps the old */
	CHECK_INT(cidx_ofile_open(&f, p, NULL, 0, &err), 0);
	fputs("bad\n", cidx_ofile_fp(f));
	cidx_ofile_fail(f, 28);
	CHECK_INT(cidx_ofile_commit(&f, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "cannot write");
	CHECK_HAS(err.msg, "No space left on device");
	CHECK_STR(slurp(p), "new\n");
	CHECK_INT(entries(), 1);
}

void
test_ofile__replaces_whole_or_not_at_all(void)
{
	if (tmp_begin() < 0)
		return;
	replace_and_abort();
	tmp_end();
	/* the same with named temporary files (no O_TMPFILE) */
	if (tmp_begin() < 0)
		return;
	cidx_ofile_force_named(1);
	replace_and_abort();
	cidx_ofile_force_named(0);
	tmp_end();
}

void
test_ofile__refuses_the_workspace(void)
{
	char ws[200], p[256], q[256];
	struct cidx_err err = CIDX_ERR_INIT;

	if (tmp_begin() < 0)
		return;
	put(ws, sizeof(ws), "ws.db", "SQLite format 3");
	CHECK_INT(write_file(ws, ws, "x", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "is the workspace");
	/* through a symbolic link, a hard link, another spelling */
	path_of(p, sizeof(p), "link.csv");
	CHECK_INT(symlink("ws.db", p), 0);
	CHECK_INT(write_file(p, ws, "x", &err), CIDX_EINVAL);
	path_of(p, sizeof(p), "hard.csv");
	CHECK_INT(link(ws, p), 0);
	CHECK_INT(write_file(p, ws, "x", &err), CIDX_EINVAL);
	snprintf(p, sizeof(p), "%s/./ws.db", tmpdir);
	CHECK_INT(write_file(p, ws, "x", &err), CIDX_EINVAL);
	/* the workspace named through a link, the output by its name */
	path_of(q, sizeof(q), "wslink");
	CHECK_INT(symlink("ws.db", q), 0);
	CHECK_INT(write_file(ws, q, "x", &err), CIDX_EINVAL);
	/* the files beside it, also before they exist */
	snprintf(p, sizeof(p), "%s-wal", ws);
	CHECK_INT(write_file(p, ws, "x", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "workspace's -wal file");
	snprintf(p, sizeof(p), "%s-shm", ws);
	CHECK_INT(write_file(p, q, "x", &err), CIDX_EINVAL);
	CHECK_STR(slurp(ws), "SQLite format 3");
	CHECK_INT(access(p, F_OK), -1);
	/* a directory is refused, another file is written */
	CHECK_INT(write_file(tmpdir, ws, "x", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "is a directory");
	CHECK_INT(write_file(path_of(p, sizeof(p), "ws.db.csv"), ws, "x",
	    &err), 0);
	tmp_end();
}

void
test_ofile__links_modes_devices(void)
{
	char p[256], t[256];
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ofile *f;
	struct stat sb;

	if (tmp_begin() < 0)
		return;
	/* a symbolic link stays a link; its target is replaced */
	put(t, sizeof(t), "real.png", "old");
	chmod(t, 0640);
	path_of(p, sizeof(p), "fig.png");
	CHECK_INT(symlink("real.png", p), 0);
	CHECK_INT(write_file(p, NULL, "new", &err), 0);
	CHECK_INT(lstat(p, &sb), 0);
	CHECK(S_ISLNK(sb.st_mode));
	CHECK_STR(slurp(t), "new");
	CHECK_INT(stat(t, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0640);
	/* a dangling link creates its target */
	path_of(p, sizeof(p), "dangling.csv");
	CHECK_INT(symlink("made.csv", p), 0);
	CHECK_INT(write_file(p, NULL, "made", &err), 0);
	CHECK_STR(slurp(path_of(t, sizeof(t), "made.csv")), "made");
	/* create only */
	CHECK_INT(cidx_ofile_open(&f, t, NULL, CIDX_OFILE_NOCLOBBER, &err),
	    CIDX_EIO);
	CHECK_HAS(err.msg, "exists");
	path_of(p, sizeof(p), "new.db");
	CHECK_INT(cidx_ofile_open(&f, p, NULL, CIDX_OFILE_NOCLOBBER, &err), 0);
	fputs("db", cidx_ofile_fp(f));
	put(t, sizeof(t), "new.db", "raced");
	CHECK_INT(cidx_ofile_commit(&f, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "exists");
	CHECK_STR(slurp(p), "raced");
	/* a device is written in place, and its errors are errors */
	CHECK_INT(write_file("/dev/null", NULL, "x", &err), 0);
	if (access("/dev/full", W_OK) == 0) {
		CHECK_INT(write_file("/dev/full", NULL, "x", &err), CIDX_EIO);
		CHECK_HAS(err.msg, "cannot write '/dev/full'");
	}
	/* a directory that is not there */
	CHECK_INT(write_file(path_of(p, sizeof(p), "no/such.csv"), NULL, "x",
	    &err), CIDX_EIO);
	CHECK_HAS(err.msg, "No such file or directory");
	tmp_end();
}

void
test_ofile__stream(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_ofile *f;
	FILE *fp = fopen("/dev/full", "w");

	if (fp == NULL)
		return;
	/* a stream of the caller's: flushed and checked, never closed */
	cidx_ofile_stream(&f, fp, "standard output");
	CHECK_STR(cidx_ofile_path(f), "standard output");
	CHECK(strncmp(cidx_ofile_name(f), "/dev/fd/", 8) == 0);
	fputs("x", cidx_ofile_fp(f));
	CHECK_INT(cidx_ofile_commit(&f, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "cannot write to standard output: No space");
	CHECK_INT(fileno(fp) >= 0, 1);
	fclose(fp);
	/* "-" passes the check: the caller opens standard output */
	CHECK_INT(cidx_ofile_check("-", "ws.db", &err), 0);
}
