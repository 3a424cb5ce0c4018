/*
 * formula.c - the formulas of the method in the notation of cityidx(1),
 * METHOD, in ASCII, for the report's method page (method.h).  One place,
 * so that the report shows what the manual states.
 */
#include "calc/method.h"

/* the formulas in the manual's notation (cityidx(1), METHOD: Treat,
 * Normalisation, Aggregation), in ASCII */
const char *
cidx_norm_formula(enum cidx_norm norm, int zh)
{
	switch (norm) {
	case CIDX_NORM_MINMAX:
		return "s = L + (U - L) (y - min) / (max - min),   y = d x";
	case CIDX_NORM_ZSCORE:
		return "s = M + S (y - mean) / sd,   y = d x,   sd with divisor "
		    "n - 1";
	case CIDX_NORM_RANK:
		return zh ? "s = y 在 n 个值中的升序名次（并列取平均），y = d x" :
		    "s = the ascending rank of y among the n values (ties "
		    "averaged),   y = d x";
	case CIDX_NORM_PERCENTILE:
		return zh ? "s = 100 (r - 1) / (n - 1)，r 为 y = d x 的升序名次"
		    "（并列取最低名次）" : "s = 100 (r - 1) / (n - 1),   r = "
		    "the ascending rank of y = d x (ties at the lowest)";
	case CIDX_NORM_RATIO:
		return "s = 100 x / mean(x)";
	case CIDX_NORM_DISTMAX:
		return "s = 100 x / max(x)  (d = +1);   s = 100 min(x) / x  "
		    "(d = -1)";
	case CIDX_NORM_GOALPOSTS:
		return "s = 100 (x - lo) / (hi - lo)  (d = +1);   s = 100 (hi - "
		    "x) / (hi - lo)  (d = -1);   clipped to [0, 100]";
	}
	return "";
}

const char *
cidx_agg_formula(enum cidx_agg agg)
{
	switch (agg) {
	case CIDX_AGG_ARITH:
		return "s[p] = sum(w[c] s[c]) / W";
	case CIDX_AGG_GEOM:
		return "s[p] = exp( sum(w[c] ln s[c]) / W )";
	case CIDX_AGG_HARM:
		return "s[p] = W / sum(w[c] / s[c])";
	}
	return "";
}

const char *
cidx_formula(enum cidx_formula f)
{
	switch (f) {
	case CIDX_F_DENOMINATE:
		return "x <- x / den";
	case CIDX_F_TREAT_LOG:
		return "x <- ln(x - min + e)  (skew >= 0);   x <- -ln(max + e - "
		    "x)  (skew < 0);   e = 0.01 (max - min)";
	case CIDX_F_TOPSIS_NORM:
		return "r[i,j] = x[i,j] / sqrt( sum_k x[k,j]^2 )   (k: the "
		    "complete units)";
	case CIDX_F_TOPSIS:
		return "s[i] = 100 D-[i] / (D+[i] + D-[i]),   D+-[i] = sqrt( "
		    "sum_j (v[i,j] - A+-[j])^2 )";
	case CIDX_F_CHANGE:
		return "change = prev_rank - basis_rank";
	case CIDX_F_MC_NOISE:
		return "w'[c] = w[c] u,   u ~ U(1 - phi, 1 + phi);   R_s = mean "
		    "|nominal rank - rank|";
	}
	return "";
}
