/*
 * ahpfile.c - AHP pairwise-comparison files.
 *
 * One pass over the rows checks each row and fills the matrix of its
 * parent, created on first use; a second look at each matrix finds the
 * missing pairs.  Matrices are kept per framework node while reading, so
 * the groups come out in framework order whatever the order of the file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/num.h"
#include "io/ahpfile.h"
#include "io/csv.h"

enum { COL_PARENT, COL_A, COL_B, COL_VALUE, NCOLS };

/*
 * A number, or a fraction p/q of two, from 1/CIDX_AHP_VALUE_MAX to
 * CIDX_AHP_VALUE_MAX: its reciprocal is implied, and 1e-320 (whose
 * reciprocal is Inf) or 1e300 made the weights fail or come out as
 * 1e-300 with no word about the file.
 */
static int
parse_value(const char *s, double *out)
{
	const char *slash = strchr(s, '/');
	double p, q = 1;
	char *num;
	int bad;

	if (slash == NULL) {
		bad = cidx_num_parse(s, &p, NULL) < 0;
	} else {
		num = cidx_xstrndup(s, (size_t)(slash - s));
		bad = cidx_num_parse(num, &p, NULL) < 0 ||
		    cidx_num_parse(slash + 1, &q, NULL) < 0;
		free(num);
	}
	if (bad || !(p > 0) || !(q > 0) || !(p / q >= 1 / CIDX_AHP_VALUE_MAX) ||
	    !(p / q <= CIDX_AHP_VALUE_MAX))
		return -1;
	*out = p / q;
	return 0;
}

/* node `code` as a child of p: its index among p's children, or < 0 */
static int
child_pos(const struct cidx_framework *fw, size_t p,
    const struct cidx_csv_field *f, const char *path, struct cidx_err *err)
{
	int c = cidx_framework_find(fw, f->s);

	if (c < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: unknown code '%s'", path, f->line, f->col,
		    f->s);
	for (size_t i = fw->child_off[p]; i < fw->child_off[p + 1]; i++)
		if (fw->child[i] == (size_t)c)
			return (int)(i - fw->child_off[p]);
	return cidx_err_set(err, CIDX_EINVAL,
	    "%s:%u:%u: '%s' is not a child of '%s'", path, f->line, f->col,
	    f->s, fw->node[p].code);
}

/* what the rows have given so far, per framework node */
struct reading {
	const struct cidx_framework *fw;
	const char *path;
	double **A;      /* the comparison matrix of each parent */
	unsigned **seen; /* [i * k + j], i < j: line of the pair */
	size_t ng;       /* parents with a matrix */
};

/* the columns parent, a, b and value, each once */
static int
find_columns(const struct cidx_csv *t, const char *path, int *col,
    struct cidx_err *err)
{
	static const char *const names[NCOLS] = { "parent", "a", "b",
		"value" };
	int ret;

	for (int c = 0; c < NCOLS; c++) {
		const char *const one[2] = { names[c], NULL };

		if ((ret = cidx_csv_find_col_once(t, one, &col[c], err)) < 0)
			return ret;
		if (col[c] < 0)
			return cidx_err_set(err, CIDX_EINVAL,
			    "%s:1:1: an AHP file needs the columns 'parent', "
			    "'a', 'b' and 'value'; '%s' is missing", path,
			    names[c]);
	}
	return 0;
}

/* the parent of a row: an aggregate with two children or more; its
 * number of children in *k */
static int
row_parent(const struct reading *rd, const struct cidx_csv_field *fp,
    size_t *k, struct cidx_err *err)
{
	const struct cidx_framework *fw = rd->fw;
	int p;

	if ((p = cidx_framework_find(fw, fp->s)) < 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: unknown code "
		    "'%s'", rd->path, fp->line, fp->col, fp->s);
	*k = fw->child_off[p + 1] - fw->child_off[p];
	if (fw->node[p].type != CIDX_NODE_AGGREGATE || *k < 2)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s' %s: nothing to compare", rd->path,
		    fp->line, fp->col, fp->s,
		    fw->node[p].type != CIDX_NODE_AGGREGATE ?
		    "is not an aggregate" : "has a single child");
	return p;
}

/* row r checked and entered: a against b under parent is value */
static int
read_row(struct reading *rd, const struct cidx_csv *t, size_t r,
    const int *col, struct cidx_err *err)
{
	const struct cidx_csv_field *fp, *fa, *fb, *fv;
	int p, i, j;
	size_t k = 0, lo, hi;
	double v;

	fp = cidx_csv_at(t, r, (size_t)col[COL_PARENT]);
	fa = cidx_csv_at(t, r, (size_t)col[COL_A]);
	fb = cidx_csv_at(t, r, (size_t)col[COL_B]);
	fv = cidx_csv_at(t, r, (size_t)col[COL_VALUE]);
	if ((p = row_parent(rd, fp, &k, err)) < 0)
		return p;
	if ((i = child_pos(rd->fw, (size_t)p, fa, rd->path, err)) < 0 ||
	    (j = child_pos(rd->fw, (size_t)p, fb, rd->path, err)) < 0)
		return CIDX_EINVAL;
	if (i == j)
		return cidx_err_set(err, CIDX_EINVAL, "%s:%u:%u: '%s' is "
		    "compared with itself", rd->path, fb->line, fb->col, fb->s);
	if (parse_value(fv->s, &v) < 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s': value must be a number from 1e-9 "
		    "to 1e9 (or a fraction such as 1/3)", rd->path,
		    fv->line, fv->col, fv->s);
	if (rd->A[p] == NULL) {
		rd->A[p] = cidx_xcalloc(k * k, sizeof(**rd->A));
		rd->seen[p] = cidx_xcalloc(k * k, sizeof(**rd->seen));
		for (size_t d = 0; d < k; d++)
			rd->A[p][d * k + d] = 1;
		rd->ng++;
	}
	lo = (size_t)(i < j ? i : j);
	hi = (size_t)(i < j ? j : i);
	if (rd->seen[p][lo * k + hi] != 0)
		return cidx_err_set(err, CIDX_EINVAL,
		    "%s:%u:%u: '%s' and '%s' under '%s' are already "
		    "compared at line %u", rd->path, fa->line, fa->col,
		    fa->s, fb->s, fp->s, rd->seen[p][lo * k + hi]);
	rd->seen[p][lo * k + hi] = fa->line;
	rd->A[p][(size_t)i * k + (size_t)j] = v;
	rd->A[p][(size_t)j * k + (size_t)i] = 1 / v;
	return 0;
}

/* some comparison, and every pair of children of each parent compared */
static int
check_complete(const struct reading *rd, struct cidx_err *err)
{
	const struct cidx_framework *fw = rd->fw;

	if (rd->ng == 0)
		return cidx_err_set(err, CIDX_EINVAL, "%s: no comparisons",
		    rd->path);
	for (size_t p = 0; p < fw->n; p++) {
		const size_t *ch = fw->child + fw->child_off[p];
		size_t k = fw->child_off[p + 1] - fw->child_off[p];

		if (rd->A[p] == NULL)
			continue;
		for (size_t i = 0; i < k; i++)
			for (size_t j = i + 1; j < k; j++)
				if (rd->seen[p][i * k + j] == 0)
					return cidx_err_set(err, CIDX_EINVAL,
					    "%s: '%s': no row compares '%s' "
					    "and '%s' (its %zu children need "
					    "%zu rows, one per pair)", rd->path,
					    fw->node[p].code,
					    fw->node[ch[i]].code,
					    fw->node[ch[j]].code, k,
					    k * (k - 1) / 2);
	}
	return 0;
}

/* the groups in framework order; the matrices move out of rd */
static struct cidx_ahp *
groups(struct reading *rd)
{
	const struct cidx_framework *fw = rd->fw;
	struct cidx_ahp *ahp = cidx_xcalloc(1, sizeof(*ahp));
	size_t ng = rd->ng;

	ahp->parent = cidx_xcalloc(ng, sizeof(*ahp->parent));
	ahp->k = cidx_xcalloc(ng, sizeof(*ahp->k));
	ahp->child = cidx_xcalloc(ng, sizeof(*ahp->child));
	ahp->A = cidx_xcalloc(ng, sizeof(*ahp->A));
	for (size_t p = 0; p < fw->n; p++) {
		size_t g = ahp->n_groups, k;

		if (rd->A[p] == NULL)
			continue;
		k = fw->child_off[p + 1] - fw->child_off[p];
		ahp->parent[g] = p;
		ahp->k[g] = k;
		ahp->child[g] = cidx_xmalloc(k * sizeof(**ahp->child));
		memcpy(ahp->child[g], fw->child + fw->child_off[p],
		    k * sizeof(**ahp->child));
		ahp->A[g] = rd->A[p];
		rd->A[p] = NULL;
		ahp->n_groups++;
	}
	return ahp;
}

int
cidx_ahp_read(struct cidx_ahp **out, const struct cidx_framework *fw,
    const char *path, struct cidx_err *err)
{
	struct reading rd = { fw, path, NULL, NULL, 0 };
	struct cidx_csv *t = NULL;
	int col[NCOLS], ret;

	*out = NULL;
	if ((ret = cidx_csv_read(&t, path, NULL, err)) < 0)
		return ret;
	if ((ret = cidx_csv_check_rect(t, err)) < 0 ||
	    (ret = find_columns(t, path, col, err)) < 0)
		goto out;
	rd.A = cidx_xcalloc(fw->n, sizeof(*rd.A));
	rd.seen = cidx_xcalloc(fw->n, sizeof(*rd.seen));
	for (size_t r = 1; r < t->nrows; r++)
		if ((ret = read_row(&rd, t, r, col, err)) < 0)
			goto out;
	if ((ret = check_complete(&rd, err)) < 0)
		goto out;
	*out = groups(&rd);
out:
	if (rd.A != NULL)
		for (size_t p = 0; p < fw->n; p++) {
			free(rd.A[p]);
			free(rd.seen[p]);
		}
	free(rd.seen);
	free(rd.A);
	cidx_csv_free(t);
	return ret;
}
