# contributions add up to the unit's score at every level; the rank change
# splits into its own data and the others' and the parts add up
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db explain 130200 --year 2017 --compare 2016
for extra in "" "--weights-method entropy" "--normalize zscore" "--set TALENT=3"; do
	"$CITYIDX" --db w.db explain 330100 --year 2017 --compare 2016 --format json $extra > e.json
	python3 - "$extra" <<'PY'
import json, sys
d = json.load(open("e.json"))
nodes = {n["code"]: n for n in d["nodes"]}
worst = 0.0
for code, n in nodes.items():
    kids = [m for m in nodes.values() if m["parent"] == code]
    if kids:
        s = sum(k["contribution"] for k in kids if k["contribution"] is not None)
        worst = max(worst, abs(s - n["contribution"]))
root = [n for n in nodes.values() if n["parent"] is None][0]
worst = max(worst, abs(root["contribution"] - d["score"]))
split = d["change_due_to_own_data"] + d["change_due_to_others"]
ok = worst < 1e-9 and split == d["rank_change"]
print(repr(sys.argv[1]), "sums ok" if ok else "SUMS WRONG %g" % worst)
PY
done
"$CITYIDX" --db w.db explain NOPE; echo "exit $?"
"$CITYIDX" --db w.db explain; echo "exit $?"
