/*
 * opath.h - the names of output files (opath.c), shared by ofile.c.
 */
#ifndef CIDX_CORE_OPATH_H
#define CIDX_CORE_OPATH_H

/* the directory part of a path ("." when it has none), newly allocated */
char *cidx_opath_dir(const char *path);

/* the last component of a path (a pointer into it) */
const char *cidx_opath_base(const char *path);

/* the path a write to `path` lands on, symbolic links followed (it may
 * not exist: a dangling link creates its target); newly allocated */
char *cidx_opath_resolve(const char *path);

#endif
