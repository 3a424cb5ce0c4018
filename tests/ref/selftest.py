#!/usr/bin/python3
"""selftest.py -- hand-worked checks of ciref.py (run: python3 selftest.py; exit 0 = pass).

Framework (3 levels):  Index <- P1 (w 1), P2 (w 1)
    P1 <- i1 (dir +1, w 1, denominator Pop), i2 (dir -1, w 1)
    P2 <- i3 (dir +1, w 1),                  i4 (dir +1, w 3)
Data, year 2018 (a 2019 row with absurd values must be ignored):

    unit  Pop  i1  i2  i3  i4
    A     1     0   1   2  10
    B     2    10   3   .  30      (i3 missing)
    C     4    20   5   6  20
    D     4    40   2   7  50
    E     1     0   1   2  10      (a copy of A: ties A)

Default run (minmax 0..100, arith):
  i1: min 0 max 40            -> A 0, B 25, C 50, D 100, E 0
  i2: direction -1: -x = -1,-3,-5,-2,-1; min -5 max -1 -> (-x+5)/4*100
                              -> A 100, B 50, C 0, D 75, E 100
  i3: min 2 max 7 (B NA)      -> A 0, B NA, C 80, D 100, E 0
  i4: min 10 max 50           -> A 0, B 50, C 25, D 100, E 0
  P1 = (i1+i2)/2              -> A 50, B 37.5, C 25, D 87.5, E 50
  P2 = (i3 + 3 i4)/4, renormalised over non-NA children:
       A 0; B = 50 (i4 only, weights 3/3); C = (80+75)/4 = 38.75; D = (100+300)/4 = 100; E 0
  Index = (P1+P2)/2           -> A 25, B 43.75, C 31.875, D 93.75, E 25
  Ranks: D 1, B 2, C 3, A 4, E 4 (competition ranking, tie listed by code A before E)
  Jenks k=3 on [25,25,31.875,43.75,93.75]:
       {25,25,31.875}{43.75}{93.75}: mean 27.2917, SSD 2*2.2917^2+4.5833^2 = 31.51  <- best
       {25,25}{31.875,43.75}{93.75}: SSD 70.51; splitting the tie is never better
       -> tiers D 1, B 2, C 3, A 3, E 3
"""

import io
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ciref  # noqa: E402

META = """Level,iCode,iName,Direction,Weight,Parent,Type,Denominator
1,i1,Ind one,1,1,P1,Indicator,Pop
1,i2,"Ind two, lower better",-1,1,P1,Indicator,
1,i3,Ind three,1,1,P2,Indicator,
1,i4,Ind four,1,3,P2,Indicator,
2,P1,Pillar one,1,1,Index,Aggregate,
2,P2,Pillar two,1,1,Index,Aggregate,
3,Index,The index,1,1,,Aggregate,
,Grp,Group,,,,Group,
,Pop,Population,,,,Denominator,
"""
DATA = """uCode,uName,Time,Grp,Pop,i1,i2,i3,i4
A,Alpha,2018,g1,1,0,1,2,10
B,Beta,2018,g1,2,10,3,,30
C,Gamma,2018,g2,4,20,5,6,20
D,Delta,2018,g2,4,40,2,7,50
E,Epsilon,2018,g1,1,0,1,2,10
A,Alpha,2019,g1,1,9999,-9999,1e9,-1e9
"""

fails = 0


def check(what, got, want, tol=1e-12):
    global fails
    ok = (got == want) if not isinstance(want, float) else (
        got is not None and got != "" and abs(float(got) - want) <= tol * max(1, abs(want)))
    if not ok:
        fails += 1
        print("FAIL %s: got %r want %r" % (what, got, want))


def run(*extra, data=DATA):
    d = tempfile.mkdtemp()
    m, x = os.path.join(d, "m.csv"), os.path.join(d, "d.csv")
    open(m, "w").write(META)
    open(x, "w").write(data)
    args = [sys.executable, os.path.join(HERE, "ciref.py"), "--meta", m, "--data", x,
            "--year", "2018"]
    extra = list(extra)
    for i, e in enumerate(extra):
        if e.startswith("WEIGHTS:"):
            w = os.path.join(d, "w.csv")
            open(w, "w").write(e[8:])
            extra[i] = w
    p = subprocess.run(args + extra, capture_output=True, text=True)
    if p.returncode != 0:
        return p.returncode, None, p.stderr
    import csv
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    return 0, rows, p.stderr


def by_code(rows):
    return {r["code"]: r for r in rows}


# --- 1. default run --------------------------------------------------------------------
rc, rows, err = run()
check("default rc", rc, 0)
check("header", list(rows[0].keys()),
      ["rank", "code", "name", "score", "tier", "P1", "P2", "prev_rank", "rank_change"])
check("order", [r["code"] for r in rows], ["D", "B", "C", "A", "E"])
R = by_code(rows)
for c, s, rk, t, p1, p2 in [("A", 25.0, "4", "3", 50.0, 0.0), ("B", 43.75, "2", "2", 37.5, 50.0),
                            ("C", 31.875, "3", "3", 25.0, 38.75),
                            ("D", 93.75, "1", "1", 87.5, 100.0), ("E", 25.0, "4", "3", 50.0, 0.0)]:
    check("default score " + c, R[c]["score"], s)
    check("default rank " + c, R[c]["rank"], rk)
    check("default tier " + c, R[c]["tier"], t)
    check("default P1 " + c, R[c]["P1"], p1)
    check("default P2 " + c, R[c]["P2"], p2)
check("name with comma-free text", R["A"]["name"], "Alpha")
check("prev_rank empty", R["A"]["prev_rank"] + R["A"]["rank_change"], "")

# --- 2. jenks:2 --top 4: top-4 = ranks <= 4 = all five (A and E tie at 4) ---------------
#   k=2 on [25,25,31.875,43.75,93.75]: {rest}{93.75}: SSD 2*6.40625^2+0.46875^2+12.34375^2
#   = 234.67;  {25,25,31.875}{43.75,93.75}: 31.51+1250 -> D tier 1, all others tier 2
rc, rows, err = run("--tiers", "jenks:2", "--top", "4")
R = by_code(rows)
check("jenks2 tiers", [R[c]["tier"] for c in "ABCDE"], ["2", "2", "2", "1", "2"])
#   --top 2: only D and B get a tier; k=2 on [43.75, 93.75] -> D 1, B 2
rc, rows, err = run("--top", "2", "--tiers", "jenks:2")
R = by_code(rows)
check("top2 tiers", [R[c]["tier"] for c in "ABCDE"], ["", "2", "", "1", ""])

# --- 3. denominate: i1/Pop = 0, 5, 5, 10, 0 -> minmax 0, 50, 50, 100, 0 ----------------
#   P1 = A (0+100)/2 = 50, B (50+50)/2 = 50, C (50+0)/2 = 25, D (100+75)/2 = 87.5
#   Index B = (50+50)/2 = 50; others unchanged: A 25, C 31.875, D 93.75
rc, rows, err = run("--denominate")
R = by_code(rows)
check("denom B", R["B"]["score"], 50.0)
check("denom C", R["C"]["score"], 31.875)
check("denom D", R["D"]["score"], 93.75)

# --- 4. impute mean: i3(B) = mean(2,6,7,2) = 4.25 -> (4.25-2)/5*100 = 45 ---------------
#   P2(B) = (45 + 3*50)/4 = 48.75; Index B = (37.5 + 48.75)/2 = 43.125
rc, rows, err = run("--impute", "mean")
R = by_code(rows)
check("impute mean B", R["B"]["score"], 43.125)
#   median(2,2,6,7) = 4 -> 40; P2 = (40+150)/4 = 47.5; Index = (37.5+47.5)/2 = 42.5
rc, rows, err = run("--impute", "median")
check("impute median B", by_code(rows)["B"]["score"], 42.5)
#   group-mean over Grp: g1 = {A 2, E 2} -> 2 -> i3(B) = 0; P2 = 150/4 = 37.5;
#   Index = (37.5+37.5)/2 = 37.5
rc, rows, err = run("--impute", "group-mean:Grp")
check("impute group-mean B", by_code(rows)["B"]["score"], 37.5)

# --- 5. screen 0.8: B has 3/4 = 0.75 < 0.8 -> dropped, re-normalise over A C D E --------
#   i1: 0,20,40,0 -> A 0, C 50, D 100, E 0;  i2: 1,5,2,1 -> A 100, C 0, D 75, E 100
#   i3: 2,6,7,2 -> 0, 80, 100, 0;  i4: 10,20,50,10 -> 0, 25, 100, 0
#   Index: A 25, C 31.875, D 93.75, E 25; ranks D 1, C 2, A 3, E 3
rc, rows, err = run("--screen", "0.8")
R = by_code(rows)
check("screen drops B", sorted(R), ["A", "C", "D", "E"])
check("screen rank C", R["C"]["rank"], "2")
check("screen rank E", R["E"]["rank"], "3")
check("screen D", R["D"]["score"], 93.75)

# --- 6. weights file: i4 -> 1, P1 -> 2 (Level column ignored) --------------------------
#   P2(C) = (80+25)/2 = 52.5; Index C = (2*25 + 52.5)/3 = 34.1666...
#   P2(B) = 50 (only i4); Index B = (2*37.5 + 50)/3 = 41.6666...
rc, rows, err = run("--weights", "WEIGHTS:iCode,Level,Weight\ni4,1,1\nP1,2,2\n")
R = by_code(rows)
check("weights C", R["C"]["score"], 102.5 / 3)
check("weights B", R["B"]["score"], 125.0 / 3)
rc, rows, err = run("--weights", "WEIGHTS:code,weight,other\ni4,1,x\nP1,2,y\n")
check("weights alt header", by_code(rows)["C"]["score"], 102.5 / 3)

# --- 7. zscore (sample sd): i1 = 0,10,20,40,0: mean 14, deviations -14,-4,6,26,-14,
#   sum sq = 196+16+36+676+196 = 1120, sd = sqrt(1120/4) = sqrt(280)
#   -> z(D, i1) = 26/sqrt(280).  Check a pillar: i2 -x = -1,-3,-5,-2,-1: mean -2.4,
#   dev 1.4,-0.6,-2.6,0.4,1.4: ss = 1.96+.36+6.76+.16+1.96 = 11.2, sd = sqrt(2.8)
#   z(D, i2) = 0.4/sqrt(2.8);  P1(D) = (26/sqrt(280) + 0.4/sqrt(2.8))/2
rc, rows, err = run("--normalize", "zscore")
check("zscore P1 D", by_code(rows)["D"]["P1"], (26 / math.sqrt(280) + 0.4 / math.sqrt(2.8)) / 2)
rc, rows, err = run("--normalize", "zscore:100,10")
check("zscore:100,10 P1 D", by_code(rows)["D"]["P1"],
      100 + 10 * (26 / math.sqrt(280) + 0.4 / math.sqrt(2.8)) / 2)
check("geom with zscore is an error", run("--normalize", "zscore", "--aggregate", "geom")[0], 1)

# --- 8. geom / harm with minmax:1,100: value = 1 + 99*f ---------------------------------
#   D: i1 100, i2 1+99*.75 = 75.25, i3 100, i4 100 -> P1 = sqrt(100*75.25), P2 = 100
#   Index D (geom) = sqrt(P1*P2);  harm: P1 = 2/(1/100 + 1/75.25), Index = 2/(1/P1 + 1/100)
rc, rows, err = run("--normalize", "minmax:1,100", "--aggregate", "geom")
p1 = math.sqrt(100 * 75.25)
check("geom D", by_code(rows)["D"]["score"], math.sqrt(p1 * 100), 1e-13)
rc, rows, err = run("--normalize", "minmax:1,100", "--aggregate", "harm")
p1 = 2 / (1 / 100 + 1 / 75.25)
check("harm D", by_code(rows)["D"]["score"], 2 / (1 / p1 + 1 / 100), 1e-13)

# --- 8b. a unit with no data gets NA index: left out of the CSV, named on stderr; it
#   does not change anybody's score.  A constant indicator (i3 = 5 everywhere) is skipped:
#   P2 = i4 only -> A 0, B 50, C 25, D 100, E 0; Index = A 25, B 43.75, C 25, D 93.75
rc, rows, err = run("--screen", "0", data=DATA + "F,Phi,2018,g2,1,,,,\n")
check("NA unit left out", sorted(by_code(rows)), ["A", "B", "C", "D", "E"])
check("NA unit on stderr", "F" in err and "NA" in err, True)
# ... and by default screening leaves it out first, saying so
rc, rows, err = run(data=DATA + "F,Phi,2018,g2,1,,,,\n")
check("NA unit screened", sorted(by_code(rows)), ["A", "B", "C", "D", "E"])
check("NA unit screened on stderr", "screen: drop F" in err, True)
check("NA unit no effect", by_code(rows)["C"]["score"], 31.875)
const = DATA.replace(",2,10\n", ",5,10\n").replace(",,30", ",5,30").replace(
    ",6,20", ",5,20").replace(",7,50", ",5,50")
rc, rows, err = run(data=const)
R = by_code(rows)
check("constant skipped C", R["C"]["score"], 25.0)
check("constant tie A,C,E rank", [R[c]["rank"] for c in "ACE"], ["3", "3", "3"])
check("constant reported", "i3" in err, True)

# --- 9. unit-level functions -------------------------------------------------------------
# Excel documentation examples: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543;
# KURT(3,4,5,2,3,4,5,6,4,7) = -0.151799637
sk, ku = ciref.skew_kurt([3, 4, 5, 2, 3, 4, 5, 6, 4, 7])
check("Excel SKEW", round(sk, 6), 0.359543)
check("Excel KURT", round(ku, 9), -0.151799637)

# jenks on a tiny vector, k=3: [1,2,4,10,11,20]
#   {1,2,4}{10,11}{20}: 42/9 + 0.5 + 0 = 5.17   <- best
#   {1,2}{4,10,11}{20}: 0.5 + 258/9 = 29.2;  {1,2,4}{10}{11,20}: 4.67 + 40.5 = 45.2
cls, k = ciref.jenks_classes([10, 1, 20, 4, 11, 2], 3)
check("jenks tiny", cls, [1, 0, 2, 0, 1, 0])
# ties: [1,1,2,9,9,12] k=3 -> {1,1,2}{9,9}{12} (SSD 0.667) beats {1,1}{2}{9,9,12} (SSD 6)
cls, k = ciref.jenks_classes([9, 1, 12, 2, 9, 1], 3)
check("jenks ties", cls, [1, 0, 2, 0, 1, 0])
# fewer distinct values than classes: [5,5,7] k=3 -> 2 classes
cls, k = ciref.jenks_classes([5, 7, 5], 3)
check("jenks few distinct", (cls, k), ([0, 1, 0], 2))

# treatment: 1..9 and 100 -> skew 3.1, kurt 9.9 fail; clip the max to 9 (n_hi 1) -> passes
col = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
sk, ku = ciref.skew_kurt(col)
check("treat input fails", ciref.fails(sk, ku, 2, 3.5), True)
out, rep = ciref.treat_indicator(col)
check("treat winsorise", (rep["transform"], rep["n_hi"], out[-1]), ("winsorise", 1, 9))
# mirror (negative skew) with a NA: clips the min, n_lo 1, NA stays NA
out, rep = ciref.treat_indicator([-v for v in col] + [None])
check("treat mirror", (rep["transform"], rep["n_lo"], out[-2], out[-1]), ("winsorise", 1, -9, None))
# tied maximum: 1..20, 200, 200 -> first step clips both 200s (n_hi 2) to 20
out, rep = ciref.treat_indicator(list(range(1, 21)) + [200, 200])
check("treat tie", (rep["transform"], rep["n_hi"], out[-1], out[-2]), ("winsorise", 2, 20, 20))
# n_hi counts the values at the latest clipped maximum (earlier clips included), not a
# running sum.  This 40-value tail needs 4 clips: 69.5->49.1 (n_hi 1), 49.1 x2->48.2 (n_hi 2),
# 48.2 x3->42.4 (n_hi 3), 42.4 x4->21.0 (n_hi 4): skew 2.096 but kurt 2.855 < 3.5 -> passes.
# A running sum (1+2+3 = 6 >= 5 after step 3, still failing) would have gone to the log.
col = [1.0] * 5 + [1.2, 1.2, 1.3, 1.3, 1.4, 1.4, 1.5, 1.5, 1.6, 1.6, 1.7, 1.7, 1.9, 1.9, 2.0,
                   2.0, 2.0, 2.1, 2.1, 2.2, 2.3, 2.6, 2.9, 3.2, 3.5, 4.0, 4.2, 5.2, 5.5, 10.5,
                   21.0, 42.4, 48.2, 49.1, 69.5]
out, rep = ciref.treat_indicator(col)
check("treat counting", (rep["transform"], rep["n_hi"], out[-4:], out[-5]),
      ("winsorise", 4, [21.0] * 4, 21.0))
check("treat counting skew/kurt", (round(rep["skew1"], 4), round(rep["kurt1"], 4)), (2.096, 2.8552))
# log transform when winsorisation cannot fix it (forced with winmax=1 on a long tail):
# ln(x - min + 0.01(max - min)) on the ORIGINAL values
col = [1.0] * 20 + [2.0, 3.0, 50.0, 60.0, 1000.0]
out, rep = ciref.treat_indicator(col, winmax=1)
mn, mx = 1.0, 1000.0
check("treat log", rep["transform"], "log")
check("treat log value", out[-1], math.log(1000 - mn + 0.01 * (mx - mn)))
check("treat log value min", out[0], math.log(0.01 * (mx - mn)))
out, rep = ciref.treat_indicator([-v for v in col], winmax=1)
check("treat neglog", rep["transform"], "neglog")
# mirrored form: -ln(max + 0.01(max-min) - x) with max = -1, min = -1000
check("treat neglog value", out[-1], -math.log(-1 + 0.01 * 999 - (-1000)))

print("selftest: %s (%d failures)" % ("FAIL" if fails else "ok", fails))
sys.exit(1 if fails else 0)
