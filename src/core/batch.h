/*
 * batch.h - an import batch: what one data file states about units and
 * values, already checked against the framework.  Plain data: io/import.c
 * fills it from a file, store/apply.c applies it to a workspace, and
 * neither needs the other's header.
 *
 * Ownership: every pointer inside is owned by the batch and released by
 * cidx_import_free().
 */
#ifndef CIDX_BATCH_H
#define CIDX_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/* 24 bytes: a county panel holds tens of millions of these */
struct cidx_import_value {
	double value;  /* NaN: the file states the value is missing */
	uint32_t unit; /* index into the batch's units */
	uint32_t node; /* framework node (indicator or denominator) */
	int32_t year;
	uint32_t line; /* where the file states it */
};

/* a feature of a base layer (cityidx(1), LAYERS FILES): what a map draws
 * besides the units */
struct cidx_layer_feature {
	int kind;           /* enum cidx_layer_kind (core/geom.h) */
	char *name;         /* NULL: none */
	char *name_en;      /* NULL: none */
	char *wkt;          /* checked; NULL for a credit */
};

struct cidx_import {
	char *path;
	char sha256[65];
	char encoding[32];
	const char *layout; /* "long", "wide", "coinr", "units", "geojson" or
			       "layers" */
	char fw_sha256[65]; /* checksum of the framework it was checked against */
	size_t n_rows;      /* data rows */
	struct cidx_unit *unit; /* name / name_en NULL: not given */
	size_t n_unit;
	struct cidx_import_value *val;
	size_t n_val;
	char **boundary;    /* per unit, its outline as WKT (checked), or
			       NULL; the array is NULL when none is given */
	struct cidx_layer_feature *layer; /* a layers file's features, in
					     the order of the file */
	size_t n_layer;
	int clear_missing;  /* a missing value clears the stored one (else
			       the stored value stays; IMPORT SEMANTICS) */
	size_t n_blank_rows;  /* rows of empty fields, skipped */
	size_t n_empty_cols;  /* columns without a name or a value, skipped */
	char **attr_col;      /* the columns read as unit attributes because
				 they hold text and are not in the framework */
	size_t n_attr_col;
};

/*! cidx_import_free() : releases the batch and everything in it; accepts
 *  NULL. */
void cidx_import_free(struct cidx_import *imp);

#endif
