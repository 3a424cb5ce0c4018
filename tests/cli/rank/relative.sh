# EIS practice: performance relative to a reference (100 x index / the
# reference's index), the performance groups as tiers (--tiers eis), and
# growth against a base year on one min/max scale; each checked against
# the definitions applied to rank's own scores
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
R="--normalize minmax:1,100 --top 0"
cx --db w.db rank --year 2017 $R --tiers eis | sed -n '2,3p;5,13p;/^tier/p'
cx --db w.db rank --year 2017 $R --tiers eis --format csv > e.csv
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("e.csv")))
mean = sum(float(r["score"]) for r in rows) / len(rows)
bad = 0
for r in rows:
    rel = 100 * float(r["score"]) / mean
    tier = 1 if rel > 125 else 2 if rel >= 100 else 3 if rel >= 70 else 4
    bad += abs(float(r["relative"]) - rel) > 1e-9 * rel or int(r["tier"]) != tier
print("eis: %d units checked, %d mismatches" % (len(rows), bad))
PY
echo "== a unit as the reference"
cx --db w.db rank --year 2017 $R --relative unit:110100 --format csv | csvcols code,relative | head -n 4
echo "== the mean of 2016, and growth since 2016, on the panel's scale"
cx --db w.db rank --year 2017 $R --scale panel --relative mean@2016 --growth 2016 --compare none --format csv > g.csv
cx --db w.db rank --year 2016 $R --scale panel --compare none --format csv > b.csv
python3 - <<'PY'
import csv
g = {r["code"]: r for r in csv.DictReader(open("g.csv"))}
b = {r["code"]: r for r in csv.DictReader(open("b.csv"))}
ref = sum(float(r["score"]) for r in b.values()) / len(b)
bad = n = 0
for c, r in g.items():
    rel = 100 * float(r["score"]) / ref
    bad += abs(float(r["relative"]) - rel) > 1e-9 * rel
    if c in b:
        n += 1
        gr = 100 * (float(r["score"]) - float(b[c]["score"])) / ref
        bad += abs(float(r["growth"]) - gr) > 1e-9 * max(1, abs(gr))
    else:
        bad += r["growth"] != ""
print("relative and growth: %d units, %d with a 2016 score, %d mismatches" % (len(g), n, bad))
PY
echo "== a fixed window"
cx --db w.db rank --year 2017 --scale panel:2016,2017 --format json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["method"]["scale"])'
echo "== errors"
"$CITYIDX" --db w.db rank --year 2017 --growth 2016 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --relative mean@2016 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --relative unit:XX 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --relative median 2>&1 | head -n 1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --scale panel:2000,2001 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --tiers eis --normalize zscore 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --method gra --scale panel --growth 2016 2>&1; echo "exit $?"
cx --db w.db rank --year 2017 --method ampi --growth 2016 --format csv | csvcols code,growth | head -n 3
