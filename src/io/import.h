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
 *  layers layer,name,name_en,boundary: base layers for maps.
 * and GeoJSON (a FeatureCollection): units with their boundaries, or with
 * `layer` the features of one base layer.
 */
#ifndef CIDX_IO_IMPORT_H
#define CIDX_IO_IMPORT_H

#include <stddef.h>

#include "core/batch.h"
#include "core/err.h"
#include "core/model.h"

struct cidx_import_opts {
	int year;             /* 0: the file must carry the year */
	const char *encoding; /* NULL: detect */
	/* GeoJSON only: the properties that hold a unit's code (NULL:
	 * "code"), name (NULL: "name" when there) and English name (NULL:
	 * "name_en" when there); the layer kind of every feature (-1: the
	 * features are units) */
	const char *code_field, *name_field, *name_en_field;
	int layer;
};

#define CIDX_IMPORT_OPTS_INIT { 0, NULL, NULL, NULL, NULL, -1 }

/*! cidx_import_read() :
 *  @return 0 and the batch in *out (free with cidx_import_free()), or
 *          CIDX_EIO, CIDX_EINVAL, CIDX_EENCODING or CIDX_EOPTION (no
 *          year in the file and opts->year 0, or a year column and
 *          opts->year given) with a message naming file:line:column. */
int cidx_import_read(struct cidx_import **out, const char *path,
    const struct cidx_framework *fw, const struct cidx_import_opts *opts,
    struct cidx_err *err);

#endif
