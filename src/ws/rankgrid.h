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
void cidx_ws_grid_release(struct cidx_ws_grid *g);

/* a unit's name: its name, else its English name, else its code */
const char *cidx_ws_unit_name(const struct cidx_unit *u);

#endif
