#!/usr/bin/python3
"""methodsref.py -- independent reference of the cityidx index methods (numpy, scipy).

Written from the formulas of cityidx(1), METHOD, Index methods (and issue 18), not from
the C sources, to cross-check `cityidx rank --method M --screen 0`.  Needs Debian's
python3-numpy and python3-scipy, so run it with /usr/bin/python3.

    methodsref.py (--framework FW.csv --db WS.db | --meta iMeta.csv --data iData.csv)
        --year Y --method M [--normalize minmax[:L,U]|zscore[:M,S]|distmax] [--scale panel]

M: topsis, mpi[:neg|pos], ampi[:neg|pos], gra[:RHO], bod[:LO,HI], wroclaw.
No preparation: the units of the year are those with at least one indicator value.
Output CSV on stdout: code,score,<every aggregate below the index>; empty = no score; a
unit without an index score is left out, as cityidx leaves out the units it cannot rank.

Every aggregate p is scored by the method over the indicators j below it that have data
in the year (and, for GRA and BoD, could be normalised), with the global weight of j within
p: the product of w / (sum of the present siblings' w) on the path from p down to j.
BoD is solved with scipy's linprog (HiGHS) in its textbook form: max sum_j v_j r_ij with
sum_j v_j r_kj <= 1 over the complete units k, v >= 0 and, with bounds, LO sum_j v_j r_ij
<= v_j r_ij <= HI sum_j v_j r_ij.
"""

import argparse
import csv
import math
import sqlite3
import struct
import sys

import numpy as np
from scipy.optimize import linprog


def die(msg):
    sys.stderr.write("methodsref: %s\n" % msg)
    sys.exit(2)


# ------------------------------------------------------------------ input

class Tree:
    def __init__(self):
        self.parent, self.kind, self.dir, self.w, self.order = {}, {}, {}, {}, []

    def children(self, p):
        return [c for c in self.order if self.parent.get(c) == p]

    def root(self):
        return [c for c in self.order if self.kind[c] == "aggregate" and not self.parent[c]][0]

    def indicators(self):
        return [c for c in self.order if self.kind[c] == "indicator"]

    def aggregates(self):
        return [c for c in self.order if self.kind[c] == "aggregate"]


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def framework_cityidx(path):
    t = Tree()
    for r in read_rows(path):
        c = r["code"].strip()
        t.order.append(c)
        t.parent[c] = r["parent"].strip()
        t.kind[c] = r["type"].strip()
        t.dir[c] = int(r["direction"]) if r.get("direction", "").strip() else 1
        t.w[c] = float(r["weight"]) if r.get("weight", "").strip() else 1.0
    return t


def framework_coinr(path):
    t = Tree()
    for r in read_rows(path):
        c = r["iCode"].strip()
        kind = r["Type"].strip().lower()
        t.order.append(c)
        t.parent[c] = r["Parent"].strip()
        t.kind[c] = kind
        t.dir[c] = int(float(r["Direction"])) if r.get("Direction", "").strip() else 1
        t.w[c] = float(r["Weight"]) if r.get("Weight", "").strip() else 1.0
    roots = [c for c in t.order if t.kind[c] == "aggregate" and not t.parent[c]]
    if len(roots) != 1:
        die("expected one root")
    return t


def data_db(path, tree):
    """{year: {unit: {indicator: value}}} from the workspace's year matrices.

    Each year's `matrices` row is decoded here, as cityidx(1), WORKSPACE SCHEMA,
    matrices, describes it (not through cityidx): format 1 little-endian, 2
    big-endian; `units` n_units 64-bit unit ids; `vals` n_units x n_series
    binary64 values row by row, column s the series of id s, NaN for no value.
    Series ids are codes through `series`, unit ids through `units`.  So it reads
    schema 5 (where the values are also in `cells`) and schema 6 (where the
    matrices are their only copy) alike; a year whose matrix is not current
    (`stale_years`) or missing (a year of `cells` without one) is refused.
    """
    ind = set(tree.indicators())
    out = {}
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    series = dict(con.execute("SELECT id, code FROM series"))
    units = dict(con.execute("SELECT id, code FROM units"))
    stale = set()
    if "stale_years" in tables:
        stale = {y for (y,) in con.execute("SELECT year FROM stale_years")}
    seen = set()
    for year, fmt, nu, ns, ub, vb in con.execute(
            "SELECT year, format, n_units, n_series, units, vals FROM matrices"):
        if year in stale:
            die("%s: year %d: its matrix is not current (stale_years)" % (path, year))
        end = {1: "<", 2: ">"}.get(fmt)
        if end is None or len(ub) != 8 * nu or len(vb) != 8 * nu * ns:
            die("%s: year %d: a matrices row of another shape" % (path, year))
        seen.add(year)
        uid = struct.unpack("%s%dq" % (end, nu), ub)
        vals = struct.unpack("%s%dd" % (end, nu * ns), vb)
        for r, u in enumerate(uid):
            for c in range(ns):
                v = vals[r * ns + c]
                if v == v and series.get(c) in ind:
                    out.setdefault(int(year), {}).setdefault(units[u], {})[series[c]] = v
    if "cells" in tables:
        for (y,) in con.execute("SELECT DISTINCT year FROM cells"):
            if y not in seen and y not in stale:
                die("%s: year %d has values but no matrix" % (path, y))
    return out


def data_coinr(path, tree):
    ind = tree.indicators()
    out = {}
    for r in read_rows(path):
        y = int(r["Time"])
        for i in ind:
            s = r.get(i, "").strip()
            if s not in ("", "NA"):
                out.setdefault(y, {}).setdefault(r["uCode"], {})[i] = float(s)
    return out


# ------------------------------------------------------------------ methods

def pop_sd(v):
    m = sum(v) / len(v)
    return math.sqrt(sum((a - m) ** 2 for a in v) / len(v))


def mpi_values(col, d):
    """z = 100 + 10 d (x - mean) / sd, over the values present (None when impossible)"""
    vals = [v for v in col if v is not None]
    if len(vals) < 2 or pop_sd(vals) == 0:
        return None
    m, s = sum(vals) / len(vals), pop_sd(vals)
    return [None if v is None else 100 + 10 * d * (v - m) / s for v in col]


def ampi_values(col, d, lo, hi):
    if lo is None or not hi > lo or all(v is None for v in col):
        return None
    return [None if v is None else 70 + 60 * (d * v - lo) / (hi - lo) for v in col]


def penalised(cols, w, sign):
    out = []
    for i in range(len(cols[0])):
        zs = [(c[i], wj) for c, wj in zip(cols, w) if c[i] is not None and wj > 0]
        if not zs:
            out.append(None)
            continue
        W = sum(wj for _, wj in zs)
        M = sum(z * wj for z, wj in zs) / W
        S = math.sqrt(sum(wj * (z - M) ** 2 for z, wj in zs) / W)
        out.append(M + sign * S * (S / M))
    return out


def topsis(cols, w, dirs):
    n = len(cols[0])
    comp = [all(c[i] is not None for c in cols) for i in range(n)]
    X = np.array([[c[i] for c in cols] for i in range(n) if comp[i]], float)
    if len(X) == 0:
        return [None] * n
    W = np.array(w) / sum(w)
    V = W * X / np.sqrt((X ** 2).sum(0))
    best = np.where(np.array(dirs) < 0, V.min(0), V.max(0))
    worst = np.where(np.array(dirs) < 0, V.max(0), V.min(0))
    dp = np.sqrt(((V - best) ** 2).sum(1))
    dm = np.sqrt(((V - worst) ** 2).sum(1))
    c = iter(100 * dm / (dp + dm))
    return [next(c) if comp[i] else None for i in range(n)]


def gra(cols, w, rho):
    best = [max(v for v in c if v is not None) for c in cols]
    D = [[None if v is None else b - v for v in c] for c, b in zip(cols, best)]
    flat = [d for c in D for d in c if d is not None]
    dmin, dmax = min(flat), max(flat)
    out = []
    for i in range(len(cols[0])):
        num = den = 0.0
        for c, wj in zip(D, w):
            if c[i] is None or wj == 0:
                continue
            num += wj * (dmin + rho * dmax) / (c[i] + rho * dmax)
            den += wj
        out.append(100 * num / den if den > 0 else None)
    return out


def bod(cols, lo, hi):
    n, k = len(cols[0]), len(cols)
    comp = [all(c[i] is not None for c in cols) for i in range(n)]
    R = np.array([[c[i] for c in cols] for i in range(n) if comp[i]], float)
    out, q = [], 0
    for i in range(n):
        if not comp[i]:
            out.append(None)
            continue
        r = R[q]
        q += 1
        if not r.sum() > 0:
            out.append(0.0)
            continue
        A, b = list(R), [1.0] * len(R)
        if lo is not None:
            for j in range(k):
                row = -hi * r.copy()
                row[j] += r[j]
                A.append(row)
                b.append(0.0)
                row = lo * r.copy()
                row[j] -= r[j]
                A.append(row)
                b.append(0.0)
        res = linprog(-r, A_ub=np.array(A), b_ub=b, bounds=[(0, None)] * k, method="highs")
        if res.status != 0:
            die("linprog: %s" % res.message)
        out.append(100 * -res.fun)
    return out


def wroclaw(cols, w, dirs):
    n = len(cols[0])
    comp = [all(c[i] is not None for c in cols) for i in range(n)]
    X = np.array([[c[i] for c in cols] for i in range(n) if comp[i]], float)
    Z = np.array(dirs) * (X - X.mean(0)) / X.std(0)
    W = np.array(w) / sum(w)
    d = np.sqrt((W * (Z - Z.max(0)) ** 2).sum(1))
    s = iter(100 * (1 - d / (d.mean() + 2 * d.std())))
    return [next(s) if comp[i] else None for i in range(n)]


# ------------------------------------------------------------------ normalisation

def normalise(col, d, spec, panel):
    """the --normalize values of one indicator (direction applied); None: skipped"""
    y = [None if v is None else d * v for v in col]
    vals = [v for v in y if v is not None]
    stat = [d * v for v in panel] if panel is not None else vals
    if not vals or len(stat) < 2 or max(stat) == min(stat):
        return None
    name, _, par = spec.partition(":")
    if name == "minmax":
        L, U = (float(a) for a in par.split(",")) if par else (0.0, 100.0)
        lo, hi = min(stat), max(stat)
        return [None if v is None else L + (U - L) * (v - lo) / (hi - lo) for v in y]
    if name == "zscore":
        M, S = (float(a) for a in par.split(",")) if par else (0.0, 1.0)
        m = sum(stat) / len(stat)
        sd = math.sqrt(sum((a - m) ** 2 for a in stat) / (len(stat) - 1))
        return [None if v is None else M + S * (v - m) / sd for v in y]
    if name == "distmax":
        if d > 0:
            mx = max(stat)
            return [None if v is None else 100 * v / mx for v in y]
        mn = min(-a for a in stat)
        return [None if v is None else 100 * mn / -v for v in y]
    die("normalisation %s not in the reference" % spec)


# ------------------------------------------------------------------ driver

def global_weights(tree, top, present):
    gw = {top: 1.0}
    stack = [top]
    while stack:
        p = stack.pop()
        kids = [c for c in tree.children(p) if present.get(c)]
        sw = sum(tree.w[c] for c in kids)
        for c in kids:
            gw[c] = gw[p] * tree.w[c] / sw if sw > 0 else 0.0
            stack.append(c)
    return gw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--framework")
    ap.add_argument("--db")
    ap.add_argument("--meta")
    ap.add_argument("--data")
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--method", required=True)
    ap.add_argument("--normalize", default="minmax")
    ap.add_argument("--scale", default="year")
    o = ap.parse_args()
    if o.framework:
        tree = framework_cityidx(o.framework)
        data = data_db(o.db, tree)
    else:
        tree = framework_coinr(o.meta)
        data = data_coinr(o.data, tree)
    name, _, par = o.method.partition(":")
    year = data.get(o.year, {})
    units = sorted(u for u in year if year[u])
    inds = tree.indicators()
    raw = {j: [year[u].get(j) for u in units] for j in inds}
    panel = {j: [v[j] for y in data.values() for v in y.values() if j in v] for j in inds}

    # the values each method works on, and which indicators it can use
    vals = {}
    for j in inds:
        d = tree.dir[j]
        if name in ("gra", "bod"):
            vals[j] = normalise(raw[j], d, o.normalize, panel[j] if o.scale == "panel" else None)
        elif name == "mpi":
            vals[j] = mpi_values(raw[j], d)
        elif name == "ampi":
            ys = [d * v for v in panel[j]]
            vals[j] = ampi_values(raw[j], d, min(ys) if ys else None, max(ys) if ys else None)
        elif name == "topsis":
            ok = any(v not in (None, 0) for v in raw[j])
            vals[j] = raw[j] if ok else None
        else:  # wroclaw: skipped as MPI skips, on the raw values
            vals[j] = raw[j] if mpi_values(raw[j], d) is not None else None
    present = {j: vals[j] is not None for j in inds}

    def has_data(p):
        if tree.kind[p] == "indicator":
            return present[p]
        return any([has_data(c) for c in tree.children(p)])

    for p in tree.aggregates():
        present[p] = has_data(p)

    def below(p):
        out = []
        for c in tree.children(p):
            out += [c] if tree.kind[c] == "indicator" else below(c)
        return out

    scores = {}
    for p in tree.aggregates():
        gw = global_weights(tree, p, present)
        js = [j for j in below(p) if present[j] and gw.get(j, 0) > 0]
        if not js:
            scores[p] = [None] * len(units)
            continue
        cols, w, dirs = [vals[j] for j in js], [gw[j] for j in js], [tree.dir[j] for j in js]
        if name == "mpi" or name == "ampi":
            scores[p] = penalised(cols, w, 1 if par == "pos" else -1)
        elif name == "topsis":
            scores[p] = topsis(cols, w, dirs)
        elif name == "gra":
            scores[p] = gra(cols, w, float(par) if par else 0.5)
        elif name == "bod":
            lo, hi = (float(a) for a in par.split(",")) if par else (None, None)
            scores[p] = bod(cols, lo, hi)
        elif name == "wroclaw":
            scores[p] = wroclaw(cols, w, dirs)
        else:
            die("unknown method %s" % o.method)
    root = tree.root()
    aggs = [p for p in tree.aggregates() if p != root]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "score"] + aggs)
    fmt = lambda v: "" if v is None else repr(float(v))
    for i, u in enumerate(units):
        if scores[root][i] is None:  # not ranked: not in cityidx's CSV
            continue
        out.writerow([u, fmt(scores[root][i])] + [fmt(scores[p][i]) for p in aggs])


if __name__ == "__main__":
    main()
