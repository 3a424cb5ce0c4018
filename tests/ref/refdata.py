"""refdata.py -- what the references share: reading COINr's iMeta/iData (and a
weights file), one year's rows, and the preparation steps before the outlier
treatment (cityidx(1), METHOD: The data of a year, Preparation):

    denominate -> impute -> screen

Used by ciref.py (`rank`) and mcref.py (`sensitivity`); Python 3.11 standard
library only.  Messages carry ciref's prefix, as they always did.
"""

import csv
import math
import sys
from math import fsum

NA = None


def die(msg, code=2):
    sys.stderr.write("ciref: error: %s\n" % msg)
    sys.exit(code)


def warn(msg):
    sys.stderr.write("ciref: %s\n" % msg)


# ----------------------------------------------------------------------------- input

def read_csv(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        die("cannot read '%s': %s" % (path, e))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        die("'%s' is empty" % path)
    header = [h.strip() for h in rows[0]]
    out = []
    for ln, r in enumerate(rows[1:], start=2):
        if len(r) < len(header):
            r = r + [""] * (len(header) - len(r))
        elif len(r) > len(header):
            if any(c.strip() for c in r[len(header):]):
                die("'%s' line %d: more fields than header" % (path, ln))
            r = r[:len(header)]
        out.append(dict(zip(header, r)))
    return header, out


def parse_num(s, what):
    s = s.strip()
    if s == "" or s in ("NA", "NaN", "nan"):
        return NA
    try:
        v = float(s)
    except ValueError:
        die("%s: not a number: '%s'" % (what, s))
    if math.isnan(v):
        return NA
    return v


class Node:
    __slots__ = ("code", "name", "level", "direction", "weight", "parent", "type",
                 "denominator", "row", "children")

    def __init__(self):
        self.children = []


def read_meta(path):
    header, rows = read_csv(path)
    for col in ("iCode",):
        if col not in header:
            die("'%s': no '%s' column" % (path, col))
    nodes = {}
    order = []
    denoms, groups = [], []
    for i, r in enumerate(rows):
        code = r.get("iCode", "").strip()
        if code == "":
            die("'%s' row %d: empty iCode" % (path, i + 2))
        typ = r.get("Type", "").strip().lower()
        lev_s = r.get("Level", "").strip()
        if typ == "":
            if lev_s == "":
                typ = "group"  # cannot tell; not part of the tree
            else:
                typ = "indicator" if float(lev_s) == 1 else "aggregate"
        if typ in ("group",):
            groups.append(code)
            continue
        if typ in ("denominator",):
            denoms.append(code)
            continue
        if typ not in ("indicator", "aggregate"):
            warn("'%s': row '%s' has unknown Type '%s', ignored" % (path, code, typ))
            continue
        if code in nodes:
            die("'%s': duplicate iCode '%s'" % (path, code))
        n = Node()
        n.code = code
        n.name = r.get("iName", "")
        n.level = float(lev_s) if lev_s != "" else NA
        d = r.get("Direction", "").strip()
        n.direction = float(d) if d != "" else 1.0
        w = r.get("Weight", "").strip()
        n.weight = float(w) if w != "" else 1.0
        n.parent = r.get("Parent", "").strip()
        n.type = typ
        n.denominator = r.get("Denominator", "").strip()
        n.row = i
        nodes[code] = n
        order.append(code)
    roots = [c for c in order if nodes[c].parent == ""]
    if len(roots) != 1:
        die("'%s': need exactly one root (node without Parent), found %s" % (path, roots))
    for c in order:
        p = nodes[c].parent
        if p == "":
            continue
        if p not in nodes:
            die("'%s': parent '%s' of '%s' is not a node" % (path, p, c))
        if nodes[p].type != "aggregate":
            die("'%s': parent '%s' of '%s' is an indicator" % (path, p, c))
        nodes[p].children.append(c)
    for c in order:
        if nodes[c].type == "aggregate" and not nodes[c].children:
            die("'%s': aggregate '%s' has no children" % (path, c))
        if nodes[c].type == "indicator" and nodes[c].direction not in (1.0, -1.0):
            die("'%s': indicator '%s' direction must be 1 or -1" % (path, c))
    # height (for missing Level): indicators 1, aggregate 1 + max child height
    height = {}

    def h(c, depth=0):
        if depth > len(order):
            die("'%s': cycle in the hierarchy" % path)
        if c in height:
            return height[c]
        n = nodes[c]
        v = 1 if n.type == "indicator" else 1 + max(h(k, depth + 1) for k in n.children)
        height[c] = v
        return v

    for c in order:
        h(c)
        if nodes[c].level is NA:
            nodes[c].level = float(height[c])
    return nodes, order, roots[0], denoms, groups


def read_weights(path):
    header, rows = read_csv(path)
    ccol = "iCode" if "iCode" in header else ("code" if "code" in header else None)
    wcol = "Weight" if "Weight" in header else ("weight" if "weight" in header else None)
    if ccol is None or wcol is None:
        die("'%s': weights file needs an iCode/code and a Weight/weight column" % path)
    out = {}
    for r in rows:
        c = r[ccol].strip()
        w = parse_num(r[wcol], "'%s' weight of '%s'" % (path, c))
        if c == "":
            continue
        if w is NA:
            warn("'%s': empty weight for '%s', ignored" % (path, c))
            continue
        if w < 0:
            die("'%s': negative weight for '%s'" % (path, c))
        out[c] = w
    return out


def mean(v):
    return fsum(v) / len(v)


def median(v):
    s = sorted(v)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2.0


# ----------------------------------------------------------------------------- a year

def load_year(data, year, inds):
    """The rows of `year` in the iData file: header, rows, unit codes and the
    indicators' columns X (dict code -> list, NA missing)."""
    header, rows = read_csv(data)
    if "uCode" not in header:
        die("'%s': no uCode column" % data)
    for c in inds:
        if c not in header:
            die("'%s': no column for indicator '%s'" % (data, c))
    if "Time" in header:
        try:
            yr = float(year)
        except ValueError:
            die("--year '%s' is not a number" % year)
        rows = [r for r in rows if r["Time"].strip() != "" and float(r["Time"]) == yr]
        if not rows:
            die("no rows for year %s" % year)
    codes = [r["uCode"].strip() for r in rows]
    if len(set(codes)) != len(codes):
        die("duplicate uCode within the year")
    X = {c: [parse_num(r[c], "%s/%s" % (r["uCode"], c)) for r in rows] for c in inds}
    return header, rows, codes, X


# ----------------------------------------------------------------------------- preparation

def denominate(nodes, inds, header, rows, X):
    """Each indicator with a denominator divided by it; a missing or zero
    denominator gives NA."""
    nu = len(rows)
    for c in inds:
        dcol = nodes[c].denominator
        if not dcol:
            continue
        if dcol not in header:
            die("denominator column '%s' (of '%s') not in data" % (dcol, c))
        d = [parse_num(r[dcol], "%s/%s" % (r["uCode"], dcol)) for r in rows]
        col = X[c]
        for i in range(nu):
            if col[i] is NA or d[i] is NA or d[i] == 0.0:
                col[i] = NA
            else:
                col[i] = col[i] / d[i]


def impute(spec, header, rows, inds, X):
    """none, mean, median, group-mean:COL or group-median:COL.  A unit with an
    empty group label is not imputed; a group with no value for the indicator
    leaves its NAs in place."""
    if spec == "none":
        return
    nu = len(rows)
    kind, _, gcol = spec.partition(":")
    if kind in ("mean", "median"):
        f = mean if kind == "mean" else median
        for c in inds:
            col = X[c]
            have = [v for v in col if v is not NA]
            if have and len(have) < nu:
                val = f(have)
                X[c] = [val if v is NA else v for v in col]
    elif kind in ("group-mean", "group-median"):
        if gcol not in header:
            die("group column '%s' not in data" % gcol)
        f = mean if kind == "group-mean" else median
        g = [r[gcol].strip() for r in rows]
        for c in inds:
            col = X[c]
            vals = {}
            for i in range(nu):
                if col[i] is not NA and g[i] != "":
                    vals.setdefault(g[i], []).append(col[i])
            fill = {k: f(v) for k, v in vals.items()}
            for i in range(nu):
                if col[i] is NA and g[i] in fill:
                    col[i] = fill[g[i]]
    else:
        die("unknown --impute '%s'" % spec)


def screen(nodes, root, inds, codes, X, thresh, per_pillar=1, report=None):
    """The units kept: a value for at least `thresh` of the indicators with data
    in the year, and for at least `per_pillar` indicators of every pillar
    (aggregate child of the index) with data.  Returns (codes, X) of the units
    kept; report(msg), if given, hears of each unit dropped."""
    withdata = [c for c in inds if any(v is not NA for v in X[c])]

    def pillar(c):
        p = c
        while nodes[p].parent != root:
            p = nodes[p].parent
        return p if p != c else None

    pil = {c: pillar(c) for c in withdata}
    pillars = sorted(set(p for p in pil.values() if p is not None))
    keep = []
    for i in range(len(codes)):
        have = [c for c in withdata if X[c][i] is not NA]
        share = len(have) / len(withdata) if withdata else 0.0
        short = [p for p in pillars
                 if sum(1 for c in have if pil[c] == p) < per_pillar]
        if share < thresh or short:
            if report:
                report("screen: drop %s (%d/%d indicators = %.4f; short: %s)"
                       % (codes[i], len(have), len(withdata), share, short))
        else:
            keep.append(i)
    return [codes[i] for i in keep], {c: [X[c][i] for i in keep] for c in inds}
