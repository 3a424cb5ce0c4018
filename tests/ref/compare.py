#!/usr/bin/python3
"""compare.py -- compare two ranking CSVs (cityidx `rank` output vs ciref.py output).

    python3 compare.py A.csv B.csv [--tol 1e-9]

Checks: every column of B is in A (A may have more: coverage, attributes ...); identical set of unit codes; same rank per code; same tier per code;
same name per code; every other column numerically equal within tol*max(1,|a|,|b|)
(empty == empty; empty vs number is a mismatch).  Prints one line per mismatch and a final
`compare: N units, M values, K mismatches`.  Exit status 1 on any mismatch, 2 on usage/IO error.
"""

import argparse
import csv
import math
import sys

EXACT = ("rank", "tier")
TEXT = ("code", "name")


def load(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = [r for r in csv.reader(f) if r]
    except OSError as e:
        sys.stderr.write("compare: cannot read '%s': %s\n" % (path, e))
        sys.exit(2)
    if not rows:
        sys.stderr.write("compare: '%s' is empty\n" % path)
        sys.exit(2)
    header = rows[0]
    if "code" not in header:
        sys.stderr.write("compare: '%s' has no 'code' column\n" % path)
        sys.exit(2)
    ci = header.index("code")
    data = {}
    for r in rows[1:]:
        r = r + [""] * (len(header) - len(r))
        if r[ci] in data:
            sys.stderr.write("compare: '%s': duplicate code '%s'\n" % (path, r[ci]))
            sys.exit(2)
        data[r[ci]] = dict(zip(header, r))
    return header, data


def num(s):
    s = s.strip()
    if s == "":
        return None
    try:
        return float(s)
    except ValueError:
        return s  # not a number: compared as text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--tol", type=float, default=1e-9)
    o = ap.parse_args()
    ha, da = load(o.a)
    hb, db = load(o.b)
    bad = 0
    values = 0

    def mism(msg):
        nonlocal bad
        bad += 1
        print(msg)

    missing = [h for h in hb if h not in ha]
    if missing:
        mism("columns of B missing in A: %s" % ",".join(missing))
    for c in sorted(set(da) - set(db)):
        mism("%s: only in A" % c)
    for c in sorted(set(db) - set(da)):
        mism("%s: only in B" % c)
    cols = [h for h in ha if h in hb and h != "code"]
    for c in sorted(set(da) & set(db)):
        ra, rb = da[c], db[c]
        for h in cols:
            a, b = ra[h].strip(), rb[h].strip()
            if h in TEXT:
                if a != b:
                    mism("%s %s: '%s' vs '%s'" % (c, h, a, b))
                continue
            values += 1
            x, y = num(a), num(b)
            if x is None or y is None or isinstance(x, str) or isinstance(y, str):
                if a != b:
                    mism("%s %s: '%s' vs '%s'" % (c, h, a, b))
                continue
            if h in EXACT:
                if x != y:
                    mism("%s %s: %s vs %s" % (c, h, a, b))
                continue
            if math.isnan(x) or math.isnan(y):
                if not (math.isnan(x) and math.isnan(y)):
                    mism("%s %s: %s vs %s" % (c, h, a, b))
                continue
            if abs(x - y) > o.tol * max(1.0, abs(x), abs(y)):
                mism("%s %s: %s vs %s (diff %.3g)" % (c, h, a, b, x - y))
    print("compare: %d units, %d values, %d mismatches" % (len(set(da) | set(db)), values, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
