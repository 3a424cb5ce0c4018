# chart --data FILE.csv (issue 16 §3): every chart type writes the data it
# draws, read back here and checked against rank --format csv: the same
# codes, ranks and scores (17 digits), in the chart's order
. "$ROOT/tests/cli/lib.sh"
cx --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/boundaries.csv" "$ROOT/data/uk/layers.csv" >/dev/null
cx --db uk.db rank --year 2017 --format csv >rank.csv 2>/dev/null
for t in tiers pillars movers "heatmap --of units" "heatmap --of units --by indicator" \
    heatmap "profile UKJ1" map trend "uncertainty --weights-noise 0.1 --draws 20"; do
	f=$(echo "$t" | tr ' ' '_' | tr -d -).csv
	# shellcheck disable=SC2086
	"$CITYIDX" --db uk.db chart $t --year 2017 --lang en -o fig.pdf --data "$f" 2>/dev/null ||
	    echo "$t: exit $?"
done
"$CITYIDX" --db uk.db chart tiers --top 12 -o fig.pdf --data uk.db; echo "status $?"
python3 - <<'PY'
import csv, math
rank = list(csv.DictReader(open("rank.csv")))
by = {r["code"]: r for r in rank}
def rows(f):
    return list(csv.DictReader(open(f)))
def same(a, b):
    return a == b or (a and b and abs(float(a) - float(b)) <= 1e-12 * max(1, abs(float(b))))
out = []
t = rows("tiers.csv")
out.append(("tiers", len(t), all(r["rank"] == by[r["code"]]["rank"] and r["score"] == by[r["code"]]["score"] and r["tier"] == by[r["code"]]["tier"] for r in t), [r["code"] for r in t] == [r["code"] for r in rank[:len(t)]]))
p = rows("pillars.csv")
out.append(("pillars", len(p), all(r["score"] == by[r["code"]]["score"] for r in p), all(abs(sum(float(r[k]) for k in ("TALENT", "MARKET", "ENVIRON", "CAPITAL")) - float(r["score"])) < 1e-9 for r in p)))
m = rows("movers.csv")
out.append(("movers", len(m), all(r["rank_2017"] == by[r["code"]]["rank"] and r["rank_2016"] == by[r["code"]]["prev_rank"] for r in m), all(r["change"] == by[r["code"]]["rank_change"] for r in m)))
for f in ("heatmap_of_units.csv", "heatmap_of_units_by_indicator.csv"):
    h = rows(f)
    cols = [k for k in h[0] if k not in ("rank", "code", "name")]
    out.append((f, len(h), len(cols), all(r["rank"] == by[r["code"]]["rank"] for r in h) and all(same(r[k], by[r["code"]][k]) for r in h for k in cols if k in by[r["code"]])))
c = rows("heatmap.csv")
out.append(("heatmap", len(c), all(float(r[r["code"]]) == 1 for r in c), all(r[s["code"]] == s[r["code"]] for r in c for s in c)))
pr = rows("profile_UKJ1.csv")
out.append(("profile", len(pr), all(same(r["value"], by["UKJ1"][r["code"]]) for r in pr if r["level"] == "pillar")))
mp = rows("map.csv")
ranked = [r for r in mp if r["status"] == "ranked"]
out.append(("map", len(mp), sorted(r["status"] for r in mp if r["status"] != "ranked"), all(r["rank"] == by[r["code"]]["rank"] and r["score"] == by[r["code"]]["score"] for r in ranked if r["code"] in by)))
tr = rows("trend.csv")
out.append(("trend", len(tr), list(tr[0])[2:], all(r["2017"] == by[r["code"]]["rank"] for r in tr), all(r["2016"] == by[r["code"]]["prev_rank"] for r in tr)))
u = rows("uncertainty_weightsnoise_0.1_draws_20.csv")
out.append(("uncertainty", len(u), all(r["rank"] == by[r["code"]]["rank"] for r in u), all(float(r["p05"]) <= float(r["p50"]) <= float(r["p95"]) for r in u)))
for o in out:
    print(*o)
PY
