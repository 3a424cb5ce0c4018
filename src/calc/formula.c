/*
 * formula.c - the formulas of the method in the notation of cityidx(1),
 * METHOD, in ASCII, for the report's method page (method.h).  One place,
 * so that the report shows what the manual states.
 */
#include "calc/methodvocab.h"

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
	case CIDX_F_MPI_NORM:
		return "z[i,j] = 100 + 10 d (x[i,j] - M[j]) / S[j]   (M, S: the "
		    "year's mean and population sd)";
	case CIDX_F_AMPI_NORM:
		return "r[i,j] = 70 + 60 (y[i,j] - min[j]) / (max[j] - min[j]),   "
		    "y = d x,   min, max over every year";
	case CIDX_F_MPI:
		return "M[i] = sum(w z) / W,   S[i] = sqrt( sum(w (z - M[i])^2) / "
		    "W ),   cv = S / M;   MPI- = M - S cv,   MPI+ = M + S cv";
	case CIDX_F_GRA:
		return "D[i,j] = max_k s[k,j] - s[i,j],   xi = (Dmin + rho Dmax) / "
		    "(D[i,j] + rho Dmax),   s[i] = 100 sum(w xi) / W";
	case CIDX_F_BOD:
		return "s[i] = 100 max sum_j v[j] s[i,j],   sum_j v[j] s[k,j] <= 1 "
		    "(every unit k),   v >= 0   (LO <= v[j] s[i,j] / sum v s[i] "
		    "<= HI)";
	case CIDX_F_WROCLAW:
		return "z = d (x - mean) / sd,   d[i] = sqrt( sum(w (z[i,j] - "
		    "max_k z[k,j])^2) / W ),   s[i] = 100 (1 - d[i] / (mean(d) + 2 "
		    "sd(d)))";
	case CIDX_F_CHANGE:
		return "change = prev_common - now_common   (the ranks among "
		    "the units ranked in both years)";
	case CIDX_F_MC_NOISE:
		return "w'[c] = w[c] u,   u ~ U(1 - phi, 1 + phi);   R_s = mean "
		    "|nominal rank - rank|";
	}
	return "";
}
