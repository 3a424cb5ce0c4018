# coupling coordination of the pillars (耦合协调度): C, T and D of every
# unit from its pillar scores, checked against the formulas applied to
# rank's pillar columns; --of; units without a pillar score; errors
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
cx --db w.db coupling --year 2017
cx --db w.db coupling --year 2017 --format csv > c.csv
cx --db w.db rank --year 2017 --format csv > r.csv
python3 - <<'PY'
import csv, math
r = {x["code"]: x for x in csv.DictReader(open("r.csv"))}
grades = "极度失调 严重失调 中度失调 轻度失调 濒临失调 勉强协调 初级协调 中级协调 良好协调 优质协调".split()
bad = 0
n = 0
for x in csv.DictReader(open("c.csv")):
    u = [float(r[x["code"]][p]) / 100 for p in ("TALENT", "MARKET")]
    if sum(u) == 0:  # every level 0: C and D are 0 / 0, left empty
        bad += x["C"] != "" or x["D"] != "" or float(x["T"]) != 0
        continue
    n += 1
    c = len(u) * math.prod(u) ** (1 / len(u)) / sum(u)
    t = sum(u) / len(u)
    d = math.sqrt(c * t)
    g = grades[min(int(d * 10), 9)]
    for k, v in (("C", c), ("T", t), ("D", d)):
        if abs(float(x[k]) - v) > 1e-12:
            bad += 1
    bad += x["grade"] != g
print("%d units checked against the formulas: %d mismatches" % (n, bad))
PY
echo "== --of and json"
cx --db w.db coupling --year 2017 --of MARKET,TALENT --format json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["of"], [(u["code"], u["grade_en"]) for u in d["units"][:2]])'
echo "== errors"
"$CITYIDX" --db w.db coupling --year 2017 --of TALENT 2>&1; echo "exit $?"
"$CITYIDX" --db w.db coupling --year 2017 --of NOPE,TALENT 2>&1; echo "exit $?"
"$CITYIDX" --db w.db coupling --year 2017 --normalize zscore 2>&1; echo "exit $?"
"$CITYIDX" --db w.db coupling --year 2017 --format xlsx 2>&1 | head -n 1
