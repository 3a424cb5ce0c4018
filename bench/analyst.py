#!/usr/bin/python3
"""analyst.py FRAMEWORK DATA YEAR OUT - the index as an analyst would compute
it with pandas: the yardstick of `make bench` (tests/bench.sh, issue 17).

Reads the framework (code, parent, type, level, direction, weight) and the
wide data CSV (code, name, year, one column per indicator), normalises each
indicator of YEAR min-max to 0-100 by its direction, takes the weighted mean
of the children at each level up to the index, and ranks the units (1 = best
score).  Writes code,score,rank to OUT.  The same defaults as `cityidx rank
--compare none` on complete data (cityidx(1), Normalisation and Aggregation):
a missing value is left out of its parent's weighted mean.
"""
import sys

import pandas as pd


def main():
    fw_path, data_path, year, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    fw = pd.read_csv(fw_path)
    df = pd.read_csv(data_path)
    df = df[df["year"] == year].set_index("code")
    ind = fw[fw["type"] == "indicator"]
    x = df[ind["code"].tolist()].astype(float)
    lo, hi = x.min(), x.max()
    norm = (x - lo) / (hi - lo) * 100.0
    neg = ind.loc[ind["direction"] < 0, "code"].tolist()
    norm[neg] = 100.0 - norm[neg]
    levels = {}
    cur = norm
    for level in sorted(fw.loc[fw["type"] == "aggregate", "level"].unique()):
        agg = {}
        for code in fw.loc[(fw["type"] == "aggregate") & (fw["level"] == level), "code"]:
            kids = fw[fw["parent"] == code]
            w = pd.Series(kids["weight"].values, index=kids["code"].values)
            v = cur[w.index]
            wm = v.notna().mul(w, axis=1)
            agg[code] = v.mul(w, axis=1).sum(axis=1) / wm.sum(axis=1)
        cur = pd.concat([cur, pd.DataFrame(agg)], axis=1)
        levels[level] = agg
    top = list(levels[max(levels)])[0]
    score = cur[top]
    res = pd.DataFrame({"score": score,
                        "rank": score.rank(ascending=False, method="min").astype(int)})
    res.sort_values(["rank"]).to_csv(out, index_label="code", float_format="%.17g")


if __name__ == "__main__":
    main()
