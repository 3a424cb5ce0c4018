# movement compares like with like in units (issue 15, section 2): China
# ranks 156 cities in 2011 and 249 in 2012; a rank change is measured
# among the cities ranked in both years, so the 2012 entrants push nobody
# down.  Among them 邯郸 moved -3 (its raw ranks, 37 -> 46 on the basis,
# say -9), 泰州 -2 and 鞍山 -2; 常德, a dark horse, had data for 85% of
# the indicators in 2011 and 100% in 2012, and is flagged.
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db rank --year 2012 --compare 2011 --format csv > r.csv 2>/dev/null
"$CITYIDX" --db cn.db rank --year 2012 --compare 2011 --format json > r.json 2>/dev/null
"$CITYIDX" --db cn.db rank --year 2012 --compare 2011 2>/dev/null |
    grep -E '^(change among|dark horses|not comparable, not ranked)' | cut -c1-160
for u in 邯郸市 泰州市 鞍山市; do
	"$CITYIDX" --db cn.db explain "$u" --year 2012 --compare 2011 2>/dev/null |
	    grep -E '^rank [0-9]+ in 2011'
done
python3 - <<'PY'
import csv, json
rows = list(csv.DictReader(open("r.csv", encoding="utf-8")))
both = [r for r in rows if r["prev_rank"] and r["basis_rank"]]
# a reader recomputes the common ranks and the change from the CSV alone
def among(key):
    v = [int(r[key]) for r in both]
    return [1 + sum(1 for x in v if x < y) for y in v]
for r, p, n in zip(both, among("prev_rank"), among("basis_rank")):
    assert int(r["rank_common_prev"]) == p and int(r["rank_common_now"]) == n, r["code"]
    assert int(r["rank_change"]) == p - n, r["code"]
for r in rows:
    if not r["prev_rank"]:
        assert r["rank_change"] == "" and r["rank_common_now"] == "", r["code"]
print("ranked in both years:", len(both), "of", len(rows))
for r in rows:
    if r["name"] in ("邯郸市", "泰州市", "鞍山市", "常德市", "淮安市"):
        print(r["name"], "rank", r["rank"], "basis", r["basis_rank"], "prev",
              r["prev_rank"], "common", r["rank_common_prev"], "->",
              r["rank_common_now"], "change", r["rank_change"],
              "coverage", r["coverage_prev"][:4], "->", r["coverage"])
d = json.load(open("r.json", encoding="utf-8"))
for u in d["units"]:
    if u["dark_horse"]:
        print("dark horse", u["name"], u["rank_change"], "coverage changed:",
              u["coverage_changed"])
PY
# the movers chart: each city at the rank the tiers chart gives it (常德
# 40, 淮安 49, not their basis ranks 39 and 50), with the change among
# the cities ranked in both years beside its name
"$CITYIDX" --db cn.db chart movers -o m.pdf --year 2012 --compare 2011 2>/dev/null
pdftotext -layout m.pdf - | grep -E '常德市|淮安市|邯郸市' | tr -s ' '
