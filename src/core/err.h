/*
 * err.h - error codes and the error record every core function fills in.
 *
 * Core functions that can fail return 0 or a negative CIDX_E* code and take
 * a `struct cidx_err *err` as their last argument.  The core never prints:
 * the message is for the CLI to show.
 *
 * Reentrancy: the library keeps its state in the objects the caller
 * passes (a workspace handle, an engine, a chart), and sorts with records
 * that carry their key (calc/rank.c), so two threads may call it on
 * different objects, with these exceptions:
 *  - charts go through Pango's default font map (plot/pangotext.c),
 *    which is not thread-safe: draw from one thread at a time;
 *  - process-wide by design: the named temporary files of core/ofile.c
 *    (for the signal handler) and cidx_ofile_force_named().
 * The one-time set-ups (GSL's error handler, the C locale of
 * core/num.c) run under pthread_once().
 */
#ifndef CIDX_ERR_H
#define CIDX_ERR_H

enum {
	CIDX_OK = 0,
	CIDX_ERROR = -1,    /* generic */
	CIDX_ENOTFOUND = -2,
	CIDX_EINVAL = -3,   /* bad input data or arguments */
	CIDX_EIO = -4,      /* file system */
	CIDX_EDB = -5,      /* SQLite */
	CIDX_ENUMERIC = -6, /* numerical failure (GSL, non-positive geom input) */
	CIDX_ENOWORKSPACE = -7, /* no workspace at the path, or one that was
				   never given a framework */
	CIDX_EENCODING = -8, /* text that is not valid in its encoding */
	CIDX_EOPTION = -9   /* the input and the options given disagree (a
			       file without a year and none given, or one
			       given for a file that has its own) */
};

struct cidx_err {
	int code;
	char msg[512];
};

#define CIDX_ERR_INIT { 0, "" }

/*! cidx_err_set() :
 *  Formats the message into `err` (which may be NULL).
 *  @return : `code`, so callers can write `return cidx_err_set(err, ...)`. */
int cidx_err_set(struct cidx_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*! cidx_err_prefix() :
 *  Prepends "prefix: " to an already set message (context from outer
 *  layers). */
void cidx_err_prefix(struct cidx_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
