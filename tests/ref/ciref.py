#!/usr/bin/python3
"""ciref.py -- independent reference implementation of the cityidx `rank` pipeline.

Written from the manual, cityidx(1) (man/cityidx.1), section METHOD, only (no
look at the C sources), Python 3.11 standard library only.  It exists to
cross-check cityidx numbers.  Reading the files and the preparation up to the
treatment are refdata.py's, shared with mcref.py.

    python3 ciref.py --meta M.csv --data D.csv --year 2018 [--weights W.csv]
        [--normalize minmax|minmax:L,U|zscore|zscore:M,S] [--aggregate arith|geom|harm]
        [--denominate] [--impute none|mean|median|group-mean:COL|group-median:COL]
        [--screen THRESH] [--treat] [--tiers jenks:K] [--top N]

Pipeline (cityidx(1), METHOD: Preparation, Normalisation, Aggregation, Ranking,
Tiers):
    denominate -> impute -> screen -> treat -> normalise -> aggregate -> rank -> tiers

Output on stdout (CSV):
    rank,code,name,score,tier,<aggregates below the index, top-down>,prev_rank,rank_change
Diagnostics (skipped indicators, dropped units, NA-index units, treatment report) on stderr.

Decisions taken where the manual leaves room:
  * sums use math.fsum (correctly rounded) -- the reference aims at the exact formula value;
  * denominate: a missing or zero denominator gives NA;
  * group imputation: a unit with an empty group label is not imputed; a group with no
    value for the indicator leaves its NAs in place;
  * median of an even count = mean of the two middle values;
  * screen (default 2/3, --screen 0 turns it off): a unit is kept when it has a value
    for at least THRESH of the indicators with data in the year, and for at least
    --screen-pillar (default 1) indicators of every pillar (aggregate child of the
    index) that has data in the year;
  * treat: skew/kurt over the non-NA values; the log transform (if winsorisation cannot fix
    the indicator) picks its form by the sign of the skew of the ORIGINAL values;
    an indicator with NA skew or kurt (n<3 / n<4 / constant) never fails;
  * geom/harm: a child with weight 0 contributes nothing (its value is not checked);
    a non-NA child with positive weight and value <= 0 is an error naming unit and code;
    a node whose non-NA children all have weight 0 is NA;
  * tiers: the "top N" is every unit with rank <= N (so a tie at position N is kept
    together); Jenks runs on the sorted scores with class breaks allowed only between
    distinct values (an optimal partition never splits tied values when there are at
    least K distinct values -- moving a tied point to its nearer class strictly lowers the
    SSD); with fewer than K distinct values, K is lowered to that number.  Among exactly
    equal-cost partitions the one with the smallest break position (class boundaries as
    low as possible, i.e. higher classes as large as possible) is taken.
"""

import argparse
import csv
import math
import sys
from math import fsum, sqrt

sys.path.insert(0, __import__("os").path.dirname(__file__))
from refdata import (NA, die, warn, read_csv, parse_num,  # noqa: E402,F401
                     read_meta, read_weights, mean, median, load_year,
                     denominate, impute, screen)


# ----------------------------------------------------------------------------- statistics

def skew_kurt(vals):
    """Excel SKEW and KURT (cityidx(1), METHOD, Preparation); None where undefined."""
    n = len(vals)
    if n < 3:
        return NA, NA
    m = fsum(vals) / n
    d = [x - m for x in vals]
    s2 = fsum(x * x for x in d)
    if s2 == 0.0:
        return NA, NA
    s3 = fsum(x * x * x for x in d)
    g = sqrt(n) * s3 / s2 ** 1.5
    skew = g * sqrt(n * (n - 1)) / (n - 2)
    kurt = NA
    if n >= 4:
        s4 = fsum(x * x * x * x for x in d)
        r = n * s4 / (s2 * s2)
        kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    return skew, kurt


def fails(sk, ku, tskew, tkurt):
    return sk is not NA and ku is not NA and abs(sk) >= tskew and ku >= tkurt


def treat_indicator(col, tskew=2.0, tkurt=3.5, winmax=5):
    """JRC/COINr outlier rule.  col: list with None for NA.  Returns (newcol, report)."""
    idx = [i for i, v in enumerate(col) if v is not NA]
    orig = [col[i] for i in idx]
    sk0, ku0 = skew_kurt(orig)
    rep = {"skew0": sk0, "kurt0": ku0, "failed": fails(sk0, ku0, tskew, tkurt),
           "n_hi": 0, "n_lo": 0, "transform": "none", "skew1": sk0, "kurt1": ku0}
    if not rep["failed"]:
        return list(col), rep
    x = list(orig)
    n_hi = n_lo = 0
    sk, ku = sk0, ku0
    while fails(sk, ku, tskew, tkurt) and n_hi + n_lo < winmax:
        if sk >= 0:
            mx = max(x)
            lower = [v for v in x if v < mx]
            if not lower:
                break
            nxt = max(lower)
            hit = [k for k, v in enumerate(x) if v == mx]
            for k in hit:
                x[k] = nxt
            n_hi = len(hit)
        else:
            mn = min(x)
            higher = [v for v in x if v > mn]
            if not higher:
                break
            nxt = min(higher)
            hit = [k for k, v in enumerate(x) if v == mn]
            for k in hit:
                x[k] = nxt
            n_lo = len(hit)
        sk, ku = skew_kurt(x)
    rep["n_hi"], rep["n_lo"] = n_hi, n_lo
    if not fails(sk, ku, tskew, tkurt):
        rep["transform"] = "winsorise"
        rep["skew1"], rep["kurt1"] = sk, ku
        out = [NA] * len(col)
        for k, i in enumerate(idx):
            out[i] = x[k]
        return out, rep
    # still failing: log transform of the ORIGINAL values
    mn, mx = min(orig), max(orig)
    rng = mx - mn
    if sk0 >= 0:
        y = [math.log(v - mn + 0.01 * rng) for v in orig]
        rep["transform"] = "log"
    else:
        y = [-math.log(mx + 0.01 * rng - v) for v in orig]
        rep["transform"] = "neglog"
    rep["skew1"], rep["kurt1"] = skew_kurt(y)
    out = [NA] * len(col)
    for k, i in enumerate(idx):
        out[i] = y[k]
    return out, rep


def jenks_classes(values, k):
    """Fisher's exact optimal 1-D partition of `values` into k classes (min within-class SSD).
    Returns (list of class numbers per input value, 0 = lowest class, number of classes)."""
    n = len(values)
    if n == 0:
        return [], 0
    order = sorted(range(n), key=lambda i: values[i])
    xs = [values[i] for i in order]
    # allowed starts of a class: 0 and every p with xs[p-1] != xs[p]
    starts = [0] + [p for p in range(1, n) if xs[p - 1] != xs[p]]
    is_start = [False] * n
    for p in starts:
        is_start[p] = True
    ends = [p for p in starts[1:]] + [n]  # class xs[a:b] must end where a new start begins
    k = max(1, min(k, len(starts)))
    INF = float("inf")
    # ssd_to[j] for fixed end j: dict start->ssd, computed with Welford (stable)

    def ssd_all(j):
        res = {}
        cnt = 0
        mu = 0.0
        m2 = 0.0
        for i in range(j - 1, -1, -1):
            x = xs[i]
            cnt += 1
            dlt = x - mu
            mu += dlt / cnt
            m2 += dlt * (x - mu)
            if is_start[i]:
                res[i] = m2
        return res

    ssd = {j: ssd_all(j) for j in ends}
    # D[c][j]: best cost of xs[:j] in c classes (j in ends); B[c][j]: start of last class
    D = [dict() for _ in range(k + 1)]
    B = [dict() for _ in range(k + 1)]
    for j in ends:
        D[1][j] = ssd[j][0]
        B[1][j] = 0
    for c in range(2, k + 1):
        for j in ends:
            best, bp = INF, None
            for p in starts[1:]:
                if p >= j:
                    break
                prev = D[c - 1].get(p)
                if prev is None:
                    continue
                cost = prev + ssd[j][p]
                if cost < best:
                    best, bp = cost, p
            if bp is not None:
                D[c][j] = best
                B[c][j] = bp
    cls_sorted = [0] * n
    j = n
    for c in range(k, 0, -1):
        p = B[c][j]
        for t in range(p, j):
            cls_sorted[t] = c - 1
        j = p
    out = [0] * n
    for t, i in enumerate(order):
        out[i] = cls_sorted[t]
    return out, k


# ----------------------------------------------------------------------------- pipeline

def run(args):
    nodes, order, root, denoms, groups = read_meta(args.meta)
    inds = [c for c in order if nodes[c].type == "indicator"]
    aggs = [c for c in order if nodes[c].type == "aggregate"]
    if args.weights:
        for c, w in read_weights(args.weights).items():
            if c in nodes:
                nodes[c].weight = w
            else:
                warn("weights file: '%s' is not a node of the framework, ignored" % c)

    header, rows, codes, X = load_year(args.data, args.year, inds)
    names = {r["uCode"].strip(): r.get("uName", "") for r in rows}
    nu = len(codes)

    # 1. denominate
    if args.denominate:
        denominate(nodes, inds, header, rows, X)

    # 2. impute
    impute(args.impute, header, rows, inds, X)

    # 3. screen
    thresh = args.screen if args.screen is not None else 2 / 3
    if thresh > 0:
        codes, X = screen(nodes, root, inds, codes, X, thresh, args.screen_pillar, warn)
        nu = len(codes)

    # 4. treat
    if args.treat:
        for c in inds:
            X[c], rep = treat_indicator(X[c], args.treat_skew, args.treat_kurt, args.winmax)
            if rep["failed"]:
                fmt = lambda v: "NA" if v is NA else "%.6g" % v
                warn("treat: %s skew %s kurt %s -> %s (n_hi %d, n_lo %d) -> skew %s kurt %s"
                     % (c, fmt(rep["skew0"]), fmt(rep["kurt0"]), rep["transform"],
                        rep["n_hi"], rep["n_lo"], fmt(rep["skew1"]), fmt(rep["kurt1"])))

    # 5. normalise
    meth, _, par = args.normalize.partition(":")
    if par:
        try:
            pa, pb = (float(t) for t in par.split(","))
        except ValueError:
            die("--normalize '%s': want METHOD:A,B" % args.normalize)
    Y = {}
    for c in inds:
        dirn = nodes[c].direction
        col = [NA if v is NA else dirn * v for v in X[c]]
        have = [v for v in col if v is not NA]
        if meth == "minmax":
            lo, hi = (0.0, 100.0)
            if par:
                lo, hi = pa, pb
            if not have or max(have) == min(have):
                warn("normalise: '%s' is constant (or empty), skipped" % c)
                Y[c] = [NA] * nu
                continue
            mn, mx = min(have), max(have)
            Y[c] = [NA if v is NA else lo + (hi - lo) * (v - mn) / (mx - mn) for v in col]
        elif meth == "zscore":
            mu0, sg0 = (0.0, 1.0)
            if par:
                mu0, sg0 = pa, pb
            if len(have) < 2:
                warn("normalise: '%s' has fewer than 2 values, skipped" % c)
                Y[c] = [NA] * nu
                continue
            m = fsum(have) / len(have)
            sd = sqrt(fsum((v - m) ** 2 for v in have) / (len(have) - 1))
            if sd == 0.0:
                warn("normalise: '%s' is constant, skipped" % c)
                Y[c] = [NA] * nu
                continue
            Y[c] = [NA if v is NA else mu0 + sg0 * (v - m) / sd for v in col]
        else:
            die("unknown --normalize '%s'" % args.normalize)

    # 6. aggregate, bottom-up by level (children before parents)
    agg_order = sorted(aggs, key=lambda c: (nodes[c].level, nodes[c].row))
    done = set(inds)
    how = args.aggregate
    for a in agg_order:
        kids = nodes[a].children
        for k in kids:
            if k not in done:
                die("aggregate '%s' (level %g) needs '%s' first: levels out of order"
                    % (a, nodes[a].level, k))
        ws = [nodes[k].weight for k in kids]
        out = [NA] * nu
        for i in range(nu):
            pairs = [(w, Y[k][i], k) for w, k in zip(ws, kids) if Y[k][i] is not NA]
            if not pairs:
                continue
            sw = fsum(w for w, _, _ in pairs)
            if sw == 0.0:
                continue
            if how == "arith":
                out[i] = fsum(w * y for w, y, _ in pairs) / sw
            elif how in ("geom", "harm"):
                for w, y, k in pairs:
                    if w > 0 and y <= 0:
                        die("%s aggregation needs values > 0: unit '%s', '%s' = %r"
                            % (how, codes[i], k, y), 1)
                pairs = [p for p in pairs if p[0] > 0]
                if how == "geom":
                    out[i] = math.exp(fsum(w * math.log(y) for w, y, _ in pairs) / sw)
                else:
                    out[i] = sw / fsum(w / y for w, y, _ in pairs)
            else:
                die("unknown --aggregate '%s'" % how)
        Y[a] = out
        done.add(a)

    # 7. rank, tiers, output
    score = Y[root]
    ok = [i for i in range(nu) if score[i] is not NA]
    for i in range(nu):
        if score[i] is NA:
            warn("index is NA for unit %s: not ranked" % codes[i])
    ok.sort(key=lambda i: (-score[i], codes[i].encode("utf-8")))
    rank = {}
    prev = None
    for pos, i in enumerate(ok, start=1):
        if prev is not None and score[i] == score[prev]:
            rank[i] = rank[prev]
        else:
            rank[i] = pos
        prev = i
    tier = {}
    tk, _, kk = args.tiers.partition(":")
    if tk != "jenks":
        die("unknown --tiers '%s'" % args.tiers)
    try:
        K = int(kk) if kk else 3
    except ValueError:
        die("--tiers '%s': want jenks:K" % args.tiers)
    if K < 1:
        die("--tiers: K must be >= 1")
    top = [i for i in ok if rank[i] <= args.top]
    cls, kused = jenks_classes([score[i] for i in top], K)
    if kused < K and top:
        warn("tiers: only %d distinct scores in the top %d, %d classes" % (kused, args.top, kused))
    for i, c in zip(top, cls):
        tier[i] = kused - c

    cols = sorted([a for a in aggs if a != root], key=lambda c: (-nodes[c].level, nodes[c].row))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["rank", "code", "name", "score", "tier"] + cols + ["prev_rank", "rank_change"])
    for i in ok:
        w.writerow([rank[i], codes[i], names[codes[i]], repr(score[i]), tier.get(i, "")]
                   + ["" if Y[a][i] is NA else repr(Y[a][i]) for a in cols] + ["", ""])


def main(argv=None):
    ap = argparse.ArgumentParser(description="cityidx reference implementation (rank)")
    ap.add_argument("--meta", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--year", required=True)
    ap.add_argument("--weights")
    ap.add_argument("--normalize", default="minmax")
    ap.add_argument("--aggregate", default="arith", choices=["arith", "geom", "harm"])
    ap.add_argument("--denominate", action="store_true")
    ap.add_argument("--impute", default="none")
    ap.add_argument("--screen", type=float)
    ap.add_argument("--screen-pillar", type=int, default=1)
    ap.add_argument("--treat", action="store_true")
    ap.add_argument("--treat-skew", type=float, default=2.0)
    ap.add_argument("--treat-kurt", type=float, default=3.5)
    ap.add_argument("--winmax", type=int, default=5)
    ap.add_argument("--tiers", default="jenks:3")
    ap.add_argument("--top", type=int, default=50)
    args = ap.parse_args(argv)
    run(args)


if __name__ == "__main__":
    main()
