/*
 * import.h - read a data file into an import batch, checked against the
 * framework, ready for the store to apply in one transaction.
 *
 * Layouts (told apart by the header):
 *  long   unit,indicator,year,value (aliases uCode, iCode, Time, Value)
 *  wide   one row per unit (and year): code (or uCode / unit), optional
 *         name (uName, name_zh) and name_en, optional year (Time), one
 *         column per indicator or denominator; other text columns are
 *         unit attributes.  With a uCode column it is COINr's iData.
 *  units  a wide file without value columns: units and attributes only.
 */
#ifndef CIDX_IO_IMPORT_H
#define CIDX_IO_IMPORT_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

struct cidx_import_value {
	size_t unit;   /* index into the batch's units */
	size_t node;   /* framework node (indicator or denominator) */
	int year;
	double value;  /* NaN: the file states the value is missing */
};

struct cidx_import {
	char *path;
	char sha256[65];
	char encoding[32];
	const char *layout; /* "long", "wide", "coinr" or "units" */
	size_t n_rows;      /* data rows */
	struct cidx_unit *unit; /* name / name_en NULL: not given */
	size_t n_unit;
	struct cidx_import_value *val;
	size_t n_val;
};

struct cidx_import_opts {
	int year;             /* 0: the file must carry the year */
	const char *encoding; /* NULL: detect */
};

#define CIDX_IMPORT_OPTS_INIT { 0, NULL }

/*! cidx_import_read() :
 *  @return 0 and the batch in *out (free with cidx_import_free()), or
 *          CIDX_EIO / CIDX_EINVAL with a message naming file:line:column. */
int cidx_import_read(struct cidx_import **out, const char *path,
    const struct cidx_framework *fw, const struct cidx_import_opts *opts,
    struct cidx_err *err);

void cidx_import_free(struct cidx_import *imp);

#endif
