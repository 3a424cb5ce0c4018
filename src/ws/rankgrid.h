/*
 * rankgrid.h - a ranking as a grid of cells, one row per ranked unit
 * (best first) and one column per field: what a CSV file, a workbook or
 * a data frame of a binding is written from, so that their values are
 * the same (ws.h; cityidx(1), OUTPUT FORMATS).
 */
#ifndef CIDX_WS_RANKGRID_H
#define CIDX_WS_RANKGRID_H

#include "calc/calc.h"
#include "calc/movement.h"
#include "calc/prepare.h"
#include "core/model.h"

enum cidx_ws_cell {
	CIDX_WS_CELL_TEXT,
	CIDX_WS_CELL_INT,
	CIDX_WS_CELL_NUM,
	CIDX_WS_CELL_SHARE        /* a share, 0..1 */
};

struct cidx_ws_col {
	char *name;
	enum cidx_ws_cell kind;
};

struct cidx_ws_grid {
	size_t ncols, nrows;
	struct cidx_ws_col *col;
	const char **text;  /* nrows x ncols: TEXT cells (NULL: empty),
			       borrowed from the dataset */
	double *num;        /* nrows x ncols: other cells (NaN: empty) */
};

/* what the grid is made from (borrowed) */
struct cidx_ws_grid_in {
	const struct cidx_framework *fw;
	const struct cidx_dataset *ds;       /* prepared */
	const struct cidx_prep_report *rep;
	const struct cidx_ranking *r;
	const struct cidx_movement *mv;      /* NULL: no movement */
	const char *const *keys;             /* unit attributes shown */
	size_t nkeys;
	const double *relative, *growth;     /* per unit; NULL: none */
};

/*! cidx_ws_rank_grid() :
 *  Columns: rank, code, name, name_en, the attributes, score, relative
 *  and growth (when given), tier, coverage, the aggregates below the
 *  index (top-down), and the movement: basis_rank, prev_rank, the
 *  ranks among the units ranked in both years (rank_common_prev,
 *  rank_common_now: rank_change is their difference), rank_change and
 *  coverage_prev (empty without movement).  Release with
 *  cidx_ws_grid_release(). */
void cidx_ws_rank_grid(struct cidx_ws_grid *out,
    const struct cidx_ws_grid_in *in);
/*! cidx_ws_rank_grid_head() : the grid's columns and nrows only (text
 *  and num NULL), for a writer that takes a row at a time from
 *  cidx_ws_rank_grid_row() and so never holds the whole grid (30,000
 *  rows of 50 columns are 25 MB: issue 17).  Release with
 *  cidx_ws_grid_release(). */
void cidx_ws_rank_grid_head(struct cidx_ws_grid *out,
    const struct cidx_ws_grid_in *in);
/*! cidx_ws_rank_grid_row() : row p (0 the best) of the grid whose head
 *  is g into t and x (g->ncols cells each), as cidx_ws_rank_grid() has
 *  it. */
void cidx_ws_rank_grid_row(const struct cidx_ws_grid *g,
    const struct cidx_ws_grid_in *in, size_t p, const char **t, double *x);
void cidx_ws_grid_release(struct cidx_ws_grid *g);

/* a unit's name: its name, else its English name, else its code */
const char *cidx_ws_unit_name(const struct cidx_unit *u);

#endif
