#!/usr/bin/python3
"""effref.py -- independent reference of the effective weights and the
importance measure (cityidx(1), METHOD, Effective weights and importance),
checked against the `method` object of a `cityidx rank --format json`.

Written from the manual alone.  Needs numpy (Debian's /usr/bin/python3).

    effref.py --meta FRAMEWORK.csv --data LONG.csv --year Y --json RANK.json

The check assumes a composite index with min-max or z-score
normalisation and no outlier treatment, denominators or imputation: the
normalised value of an indicator is then an affine function of its raw
value (with the sign of its direction), so its squared Pearson
correlation with the index equals that of the raw values.

- present: an indicator with two or more distinct values among the ranked
  units in the year; an aggregate with a present child of weight > 0.
- nominal(c) = prod over the path of w[c] / sum of the weights of all
  siblings; effective(c) = the same with the sums over present siblings
  only, 0 for an absent node.
- importance(c) = r^2 / sum of r^2 over the nodes of c's level, r the
  Pearson correlation with the index over the ranked units (pairs with
  both values).

Prints one line per node and "effref: N nodes, K mismatches"; exit 1 on
any mismatch.
"""
import argparse, csv, json, sys
import numpy as np


def read_meta(path):
    nodes = {}
    order = []
    with open(path, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["type"] not in ("aggregate", "indicator"):
                continue
            nodes[r["code"]] = dict(parent=r["parent"] or None, type=r["type"],
                                    level=int(r["level"]),
                                    weight=float(r["weight"] or 1))
            order.append(r["code"])
    return nodes, order


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--tol", type=float, default=1e-9)
    a = ap.parse_args()
    nodes, order = read_meta(a.meta)
    d = json.load(open(a.json, encoding="utf-8"))
    units = [u["code"] for u in d["units"]]
    pos = {c: i for i, c in enumerate(units)}
    index = np.array([u["score"] for u in d["units"]], dtype=float)
    vals = {c: np.full(len(units), np.nan) for c in order}
    with open(a.data, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if int(r["year"]) == a.year and r["unit"] in pos and \
                    r["indicator"] in vals and r["value"].strip():
                vals[r["indicator"]][pos[r["unit"]]] = float(r["value"])
    for u in d["units"]:
        for k, v in u["scores"].items():
            vals[k][pos[u["code"]]] = np.nan if v is None else v
    kids = {c: [k for k in order if nodes[k]["parent"] == c] for c in order}
    present = {}

    def is_present(c):
        if c in present:
            return present[c]
        if nodes[c]["type"] == "indicator":
            v = vals[c][~np.isnan(vals[c])]
            present[c] = len(np.unique(v)) >= 2
        else:
            present[c] = any(is_present(k) and nodes[k]["weight"] > 0
                             for k in kids[c])
        return present[c]

    def weights(c, only_present):
        p = nodes[c]["parent"]
        if p is None:
            return 1.0
        if only_present and not is_present(c):
            return 0.0
        sib = [k for k in kids[p] if is_present(k) or not only_present]
        tot = sum(nodes[k]["weight"] for k in sib)
        return weights(p, only_present) * nodes[c]["weight"] / tot if tot > 0 else 0.0

    r2 = {}
    for c in order:
        if nodes[c]["parent"] is None or not is_present(c):
            continue
        ok = ~np.isnan(vals[c]) & ~np.isnan(index)
        if ok.sum() >= 3 and np.std(vals[c][ok]) > 0:
            r2[c] = np.corrcoef(vals[c][ok], index[ok])[0, 1] ** 2
    lvsum = {}
    for c, v in r2.items():
        lvsum[nodes[c]["level"]] = lvsum.get(nodes[c]["level"], 0) + v
    got = d["method"]["effective_weights"]
    bad = 0
    for c in order:
        if nodes[c]["parent"] is None:
            continue
        want = (weights(c, False), weights(c, True),
                r2[c] / lvsum[nodes[c]["level"]] if c in r2 else None,
                is_present(c))
        g = got[c]
        have = (g["nominal"], g["effective"], g["importance"], g["has_data"])
        same = all((x is None and y is None) or
                   (isinstance(x, bool) and x == y) or
                   (x is not None and y is not None and not isinstance(x, bool)
                    and abs(x - y) <= a.tol) for x, y in zip(want, have))
        bad += not same
        print("%-14s nominal %.6f effective %.6f importance %s%s" % (
            c, want[0], want[1], "-" if want[2] is None else "%.6f" % want[2],
            "" if same else "   MISMATCH: cityidx %r" % (have,)))
    print("effref: %d nodes, %d mismatches" % (len(order) - 1, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
