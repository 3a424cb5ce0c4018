/*
 * import_int.h - what the reading of a data file shares: the state of
 * the read, and the checks of a field (import.c) that the layouts
 * (layout.c) make.  Not for other files.
 */
#ifndef CIDX_IO_IMPORT_INT_H
#define CIDX_IO_IMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/model.h"
#include "core/strmap.h"
#include "io/csv.h"
#include "io/import.h"

#define YEAR_MIN 1000
#define YEAR_MAX 9999
/* the duplicate keys pack (unit, node, year) into 64 bits: 30 + 20 + 14 */
#define KEY_UNITS ((size_t)1 << 30)
#define KEY_NODES ((size_t)1 << 20)

/* the header names of the unit and indicator columns (import.c) */
extern const char *const cidx_imp_unit_cols[];
extern const char *const cidx_imp_ind_cols[];
extern const char *const cidx_imp_year_cols[];
extern const char *const cidx_imp_value_cols[];
/* the kind column of a layers file (layers.c) */
extern const char *const cidx_imp_layer_cols[];

/* a header cell, kept after the reader has moved on */
struct hcol {
	char *s;
	unsigned line, col;
};

/* an attribute cell waiting for the end of the file: a later row of the
 * same unit wins */
struct pend_attr {
	uint32_t ord; /* attribute column ordinal */
	char *value;
};

struct pend {
	struct pend_attr *a;
	size_t n, cap;
};

struct ctx {
	struct cidx_import *imp;
	const struct cidx_framework *fw;
	const struct cidx_import_opts *o;
	struct cidx_csv_reader *r;
	const char *path;
	struct hcol *h;           /* the header */
	size_t nc;
	struct cidx_strmap umap;  /* batch unit code -> index */
	struct cidx_strmap nodes; /* framework code -> node */
	struct cidx_strmap names; /* names of the indicators and denominators
				     -> node (import.c) */
	const char **cand;        /* codes and names, for suggestions */
	size_t ncand;
	size_t ucap;
	struct pend *pend;        /* per batch unit (wide files) */
	size_t pcap;
	char **bnd;               /* per batch unit: its boundary, or NULL */
	size_t bcap;
	size_t lcap;              /* of imp->layer */
};

/* *k: the node `s` names, by its code or (for an indicator or a
 * denominator) by its name_zh or name_en; 0 when none does */
int cidx_imp_node(const struct ctx *x, const char *s, size_t *k);
/* the code or name of an indicator or denominator one edit from `s`, or
 * NULL (core/suggest.h) */
const char *cidx_imp_suggest(struct ctx *x, const char *s);
/* a row of empty fields (a spreadsheet's blank row) */
int cidx_imp_blank(const struct cidx_csv_row *row);

/* The layouts (layout.c): the rows after the header into x->imp. */
int cidx_imp_read_long(struct ctx *x, struct cidx_err *err);
int cidx_imp_read_wide(struct ctx *x, struct cidx_err *err);
/* a layers file (layers.c) */
int cidx_imp_read_layers(struct ctx *x, struct cidx_err *err);
/* a GeoJSON FeatureCollection (geojson.c): units, or with opts->layer
 * the features of one layer; x->imp is made here */
int cidx_imp_read_geojson(struct ctx *x, struct cidx_err *err);
/* does `path` hold GeoJSON: named *.geojson or *.json, or a file whose
 * first character (after a byte order mark and blanks) is '{' */
int cidx_imp_is_geojson(const char *path);

/* a feature of a base layer, the texts copied (empty ones as NULL) */
void cidx_imp_add_layer(struct ctx *x, int kind, const char *name,
    const char *name_en, const char *wkt);
/* the kind named `s` at line:col, or an error; once[2] holds the lines of
 * the inset and the extent seen, of which a map has one each */
int cidx_imp_layer_kind(struct ctx *x, const char *s, unsigned line,
    unsigned col, unsigned *once, struct cidx_err *err);

/* The checks of a field (import.c): each names file:line:column. */
int cidx_imp_parse_year(const char *path, const struct cidx_csv_field *f,
    int *out, struct cidx_err *err);
/* a number, or NaN for a missing mark (core/num.h) */
int cidx_imp_parse_value(const char *path, const struct cidx_csv_field *f,
    double *out, struct cidx_err *err);
/* text to be stored: a unit code (`code`) or a name or attribute */
int cidx_imp_check_text(const char *path, const struct cidx_csv_field *f,
    int code, const char *what, struct cidx_err *err);
int cidx_imp_check_code(const char *path, const struct cidx_csv_field *f,
    struct cidx_err *err);
/* every column read by name (the unit, indicator, year, value, names,
 * boundary) is in the header once: cidx_csv_row_find_once() (layout.c) */
int cidx_imp_check_header(const struct cidx_csv_row *hdr, const char *path,
    struct cidx_err *err);
/* a header cell that names one of `names`, or -1 */
int cidx_imp_find_col(const struct ctx *x, const char *const *names);
/* the batch's index of unit `code`, added if new */
size_t cidx_imp_unit_index(struct ctx *x, const char *code);

#endif
