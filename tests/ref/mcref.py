#!/usr/bin/python3
"""mcref.py -- independent Monte Carlo reference for `cityidx sensitivity`.

Written from the manual, cityidx(1) (man/cityidx.1), section METHOD
(Preparation to Tiers, and Uncertainty and sensitivity), with no look at the C
sources, Python 3.11 standard library only; reading COINr files and the
preparation are refdata.py's, the JRC outlier treatment ciref.py's.  Its random
numbers are Python's Mersenne Twister, so its draws are independent of
cityidx's: the two agree only within Monte Carlo error, which --check tests.

    python3 mcref.py --meta M.csv --data D.csv --year 2018 [--denominate]
        [--impute none|mean|median|group-mean:COL|group-median:COL]
        [--screen S] [--treat] [--normalize SPEC] [--aggregate arith|geom]
        [--alt-winmax N]... [--alt-normalize SPEC]... [--alt-aggregate A]...
        [--weights-noise PHI] [--noise-level 2,3] [--draws N] [--seed S]
        [--check CITYIDX.json] [--z 4]

Model (cityidx(1), METHOD, Uncertainty and sensitivity): a draw picks each listed alternative uniformly, multiplies
the weight of every node at the noise levels (all levels below the index when
none is given) by 1 + PHI*U(-1,1), aggregates (weights renormalised over the
children present), ranks (competition ranking, ties by code).  Per unit:
median, 5th and 95th percentile (type 7) and mean of its ranks; overall the
mean absolute rank shift against the nominal ranks.

Without --check: CSV code,nominal_rank,median_rank,mean_rank,q05_rank,q95_rank.
With --check: the statistics of cityidx's JSON output are tested against this
sample (see check() for the criterion); exit status 1 if any is outside.
"""

import argparse
import json
import math
import random
import sys
from math import fsum, sqrt

sys.path.insert(0, __import__("os").path.dirname(__file__))
import ciref  # noqa: E402  (treat_indicator, median)
import refdata  # noqa: E402  (the files, a year, the preparation)

NA = None


def prepare(a):
    """denominate -> impute -> screen; returns nodes, codes, X (dict ind -> column)."""
    nodes, order, root, _, _ = refdata.read_meta(a.meta)
    inds = [c for c in order if nodes[c].type == "indicator"]
    aggs = [c for c in order if nodes[c].type == "aggregate"]
    header, rows, codes, X = refdata.load_year(a.data, a.year, inds)
    if a.denominate:
        refdata.denominate(nodes, inds, header, rows, X)
    refdata.impute(a.impute, header, rows, inds, X)
    screen = 2 / 3 if a.screen is None else a.screen
    if screen > 0:
        codes, X = refdata.screen(nodes, root, inds, codes, X, screen)
    return nodes, root, inds, aggs, codes, X


def normalise(col, direction, spec):
    meth, _, par = spec.partition(":")
    y = [NA if v is NA else direction * v for v in col]
    have = [v for v in y if v is not NA]
    if meth == "minmax":
        lo, hi = (float(t) for t in par.split(",")) if par else (0.0, 100.0)
        mn, mx = min(have), max(have)
        if mx == mn:
            return [NA] * len(y)
        return [NA if v is NA else lo + (hi - lo) * (v - mn) / (mx - mn) for v in y]
    if meth == "zscore":
        mu0, sg0 = (float(t) for t in par.split(",")) if par else (0.0, 1.0)
        m = fsum(have) / len(have)
        sd = sqrt(fsum((v - m) ** 2 for v in have) / (len(have) - 1))
        if sd == 0:
            return [NA] * len(y)
        return [NA if v is NA else mu0 + sg0 * (v - m) / sd for v in y]
    sys.exit("mcref: unknown normalisation '%s'" % spec)


def variant(nodes, inds, X, winmax, norm, treat):
    """the normalised indicators of one (winmax, normalisation) combination"""
    out = {}
    for c in inds:
        col = X[c]
        if treat:
            col, _ = ciref.treat_indicator(col, 2.0, 3.5, winmax)
        out[c] = normalise(col, nodes[c].direction, norm)
    return out


def index(nodes, root, aggs, Y, w, how, nu):
    """bottom-up weighted means (renormalised over the children present)"""
    S = dict(Y)
    for a in sorted(aggs, key=lambda c: (nodes[c].level, nodes[c].row)):
        kids = nodes[a].children
        col = [NA] * nu
        for i in range(nu):
            pairs = [(w[k], S[k][i]) for k in kids if S[k][i] is not NA and w[k] > 0]
            sw = fsum(p[0] for p in pairs)
            if not pairs or sw == 0:
                continue
            if how == "geom":
                col[i] = math.exp(fsum(p[0] * math.log(p[1]) for p in pairs) / sw)
            else:
                col[i] = fsum(p[0] * p[1] for p in pairs) / sw
        S[a] = col
    return S[root]


def ranks(score, codes):
    ok = sorted((i for i in range(len(score)) if score[i] is not NA),
                key=lambda i: (-score[i], codes[i].encode()))
    r = [0] * len(score)
    for p, i in enumerate(ok):
        r[i] = r[ok[p - 1]] if p and score[i] == score[ok[p - 1]] else p + 1
    return r


def q7(sorted_x, p):
    """R's quantile type 7 of a sorted list"""
    h = (len(sorted_x) - 1) * p
    k = math.floor(h)
    if k + 1 >= len(sorted_x):
        return float(sorted_x[-1])
    return sorted_x[k] + (h - k) * (sorted_x[k + 1] - sorted_x[k])


def run(a):
    nodes, root, inds, aggs, codes, X = prepare(a)
    nu = len(codes)
    w0 = {c: nodes[c].weight for c in nodes}
    top = max(nodes[c].level for c in nodes)
    levels = [int(t) for t in a.noise_level.split(",")] if a.noise_level else \
        list(range(1, int(top)))
    noisy = [c for c in nodes if int(nodes[c].level) in levels and c != root]
    phi = a.weights_noise if a.weights_noise is not None else (0.25 if a.noise_level else 0)
    wins = a.alt_winmax or [5]
    norms = a.alt_normalize or [a.normalize]
    hows = a.alt_aggregate or [a.aggregate]
    nominal = ranks(index(nodes, root, aggs, variant(nodes, inds, X, 5, a.normalize, a.treat),
                          w0, a.aggregate, nu), codes)
    V = {(wm, nm): variant(nodes, inds, X, wm, nm, a.treat) for wm in wins for nm in norms}
    rng = random.Random(a.seed)
    draws = [[] for _ in range(nu)]
    shift = []
    for _ in range(a.draws):
        w = dict(w0)
        for c in noisy:
            w[c] = w0[c] * (1 + phi * rng.uniform(-1, 1))
        wm, nm, how = rng.choice(wins), rng.choice(norms), rng.choice(hows)
        r = ranks(index(nodes, root, aggs, V[(wm, nm)], w, how, nu), codes)
        both = [i for i in range(nu) if r[i] and nominal[i]]
        shift.append(fsum(abs(r[i] - nominal[i]) for i in both) / len(both))
        for i in range(nu):
            if r[i]:
                draws[i].append(r[i])
    for d in draws:
        d.sort()
    return codes, nominal, draws, shift


def check(path, codes, draws, shift, z):
    """
    The criterion.  For a quantile q_p (p = 0.05, 0.5, 0.95) of a unit, let
    R_(1) <= ... <= R_(N) be this sample's ranks.  If cityidx's estimate c
    comes from the same distribution, the number of R below c is about
    Bin(N, F(c)) with F(c) itself p +- sqrt(p(1-p)/N): variance 2Np(1-p).  So
    c must lie in [R_(l), R_(u)], l = floor(Np - z sqrt(2Np(1-p))),
    u = ceil(Np + z sqrt(2Np(1-p))) (distribution-free, conservative with
    tied ranks).  Means: |c - m| <= z sqrt(2 s^2 / N), s^2 this sample's
    variance (at least 0.25, for a unit whose ranks never moved here).  The
    mean absolute rank shift likewise.  z = 4 for each of the 4n + 1 tests:
    with n = 51 units, Bonferroni puts the chance of a false alarm below
    205 x 6.3e-5 = 1.3%.
    """
    with open(path, encoding="utf-8") as f:
        got = json.load(f)
    units = {u["code"]: u for u in got["units"]}
    n = len(draws[0]) if draws else 0
    bad = tests = 0
    worst = []
    for i, c in enumerate(codes):
        u = units.get(c)
        if u is None:
            print("mcref: %s: not in cityidx's output" % c)
            bad += 1
            continue
        R = draws[i]
        N = len(R)
        for key, p in (("q05_rank", 0.05), ("median_rank", 0.5), ("q95_rank", 0.95)):
            half = z * sqrt(2 * N * p * (1 - p))
            lo = max(1, math.floor(N * p - half))
            hi = min(N, math.ceil(N * p + half))
            tests += 1
            if not (R[lo - 1] <= u[key] <= R[hi - 1]):
                bad += 1
                print("mcref: %s %s: cityidx %g, reference %g, bounds [%g, %g]"
                      % (c, key, u[key], q7(R, p), R[lo - 1], R[hi - 1]))
        m = fsum(R) / N
        s2 = max(0.25, fsum((x - m) ** 2 for x in R) / (N - 1))
        tests += 1
        if abs(u["mean_rank"] - m) > z * sqrt(2 * s2 / N):
            bad += 1
            print("mcref: %s mean_rank: cityidx %g, reference %g, bound %g"
                  % (c, u["mean_rank"], m, z * sqrt(2 * s2 / N)))
        worst.append(abs(u["median_rank"] - q7(R, 0.5)))
    m = fsum(shift) / len(shift)
    s2 = fsum((x - m) ** 2 for x in shift) / (len(shift) - 1)
    tests += 1
    if abs(got["mean_rank_shift"] - m) > z * sqrt(2 * s2 / len(shift)):
        bad += 1
        print("mcref: mean_rank_shift: cityidx %g, reference %g" % (got["mean_rank_shift"], m))
    print("mcref: %d units, %d draws each; %d tests at z = %g; largest median "
          "difference %g; mean rank shift %.3f (cityidx) %.3f (reference); "
          "%d outside" % (len(codes), n, tests, z, max(worst), got["mean_rank_shift"], m, bad))
    return bad == 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="cityidx Monte Carlo reference")
    ap.add_argument("--meta", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--year", required=True)
    ap.add_argument("--denominate", action="store_true")
    ap.add_argument("--impute", default="none")
    ap.add_argument("--screen", type=float)
    ap.add_argument("--treat", action="store_true")
    ap.add_argument("--normalize", default="minmax")
    ap.add_argument("--aggregate", default="arith", choices=["arith", "geom"])
    ap.add_argument("--alt-winmax", type=int, action="append")
    ap.add_argument("--alt-normalize", action="append")
    ap.add_argument("--alt-aggregate", action="append", choices=["arith", "geom"])
    ap.add_argument("--weights-noise", type=float)
    ap.add_argument("--noise-level")
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check")
    ap.add_argument("--z", type=float, default=4.0)
    a = ap.parse_args(argv)
    codes, nominal, draws, shift = run(a)
    if a.check:
        sys.exit(0 if check(a.check, codes, draws, shift, a.z) else 1)
    print("code,nominal_rank,median_rank,mean_rank,q05_rank,q95_rank")
    for i, c in enumerate(codes):
        R = draws[i]
        print("%s,%d,%r,%r,%r,%r" % (c, nominal[i], q7(R, 0.5), fsum(R) / len(R),
                                      q7(R, 0.05), q7(R, 0.95)))


if __name__ == "__main__":
    main()
