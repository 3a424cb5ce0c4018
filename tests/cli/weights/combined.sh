# Panel entropy (加入时间变量的熵值法: every unit-year of the panel, k =
# 1/ln(r n)) and combined subjective-objective weights, alpha AHP + (1 -
# alpha) entropy (combine:ALPHA:ahp:FILE)
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
echo "== entropy-panel: entropy over the stacked unit-years, as entropy --panel"
"$CITYIDX" --db w.db weights --method entropy-panel --format csv > p.csv
"$CITYIDX" --db w.db weights --method entropy --panel --format csv > q.csv
cmp p.csv q.csv && echo "same weights"
csvcols code,weight < p.csv
# by hand: on the 16 unit-years of GRADS and RD the entropy weights of
# the two columns over the stacked panel (numpy, the manual's formulas)
python3 - "$DATA/mini/cities-2016.csv" "$DATA/mini/cities-2017.csv" <<'PY' | sed 's/^/reference: /'
import csv, math, sys
rows = [r for f in sys.argv[1:] for r in csv.DictReader(open(f, encoding="utf-8"))]
def col(c):
    return [float(r[c]) for r in rows if r[c].strip()]
d = {}
for c in ("GRADS", "RD"):
    x = col(c)
    lo, hi = min(x), max(x)
    r = [(v - lo) / (hi - lo) for v in x]
    p = [v / sum(r) for v in r]
    e = -sum(q * math.log(q) for q in p if q > 0) / math.log(len(x))
    d[c] = 1 - e
for c in d:
    print(c, "%.12f" % (d[c] / sum(d.values())))
PY
"$CITYIDX" --db w.db weights --method entropy-panel --format csv |
    awk -F, '$2 == "GRADS" || $2 == "RD" { printf "cityidx:   %s %.12f\n", $2, $3 }'
echo "== rank --weights-method entropy-panel"
cx --db w.db rank --year 2017 --weights-method entropy-panel --limit 3 | sed -n '2p;4,7p'
echo "== one year only: refused"
"$CITYIDX" --db one.db init --framework "$DATA/mini/framework.csv" >/dev/null
"$CITYIDX" --db one.db import "$DATA/mini/cities-2017.csv" >/dev/null
"$CITYIDX" --db one.db weights --method entropy-panel 2>&1; echo "exit $?"
echo "== combine:0.3:ahp:FILE at level 1 = 0.3 AHP + 0.7 entropy"
printf 'parent,a,b,value\nINDEX,TALENT,MARKET,3\nTALENT,GRADS,RD,1/2\nMARKET,FIRMS,SO2,4\n' > j.csv
for m in ahp:j.csv entropy combine:0.3:ahp:j.csv; do
	"$CITYIDX" --db w.db weights --year 2017 --level 1 --method $m \
	    --format csv | csvcols code,derived > "$(echo $m | cut -c1-3).csv"
done
python3 - <<'PY'
import csv
def load(f):
    return {r["code"]: float(r["derived"]) for r in csv.DictReader(open(f))}
a, e, c = load("ahp.csv"), load("ent.csv"), load("com.csv")
for k in sorted(c):
    want = 0.3 * a[k] + 0.7 * e[k]
    print(k, "%.6f" % c[k], "ok" if abs(c[k] - want) < 1e-12 else "want %.6f" % want)
PY
echo "== every level, with the table's AHP diagnostics"
"$CITYIDX" --db w.db weights --year 2017 --method combine:0.5:ahp:j.csv
cx --db w.db rank --year 2017 --weights-method combine:0.5:ahp:j.csv --limit 2 | sed -n 2p
echo "== errors"
"$CITYIDX" --db w.db weights --method combine:2:ahp:j.csv 2>&1; echo "exit $?"
"$CITYIDX" --db w.db weights --method combine:0.5:j.csv > e.txt 2>&1
echo "exit $?"
head -n 1 e.txt
