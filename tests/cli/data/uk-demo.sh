# the UK demo: NUTS2 regions with names, four pillar scores, three tiers,
# movement against 2016
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db rank --year 2017 --format csv > r.csv
"$CITYIDX" --db uk.db rank --year 2017 --format json > r.json
python3 - <<'PY'
import csv, json
rows = list(csv.DictReader(open("r.csv", encoding="utf-8")))
assert list(rows[0]) == ["rank", "code", "name", "name_en", "country",
    "nuts_level", "score", "tier", "coverage", "TALENT", "MARKET", "ENVIRON",
    "CAPITAL", "basis_rank", "prev_rank", "rank_common_prev",
    "rank_common_now", "rank_change", "coverage_prev"], list(rows[0])
assert all(r["name"] and r["name"] != r["code"] for r in rows)
d = json.load(open("r.json", encoding="utf-8"))
print("regions ranked:", len(rows))
print("tiers:", sorted({r["tier"] for r in rows}))
print("with a 2016 rank:", sum(1 for r in rows if r["prev_rank"]))
print("movement basis:", d["movement"]["basis"], d["movement"]["shared"], "of",
    d["movement"]["indicators_now"])
print("screened out:", [(s["code"], round(s["coverage"], 3)) for s in
    d["preparation"]["screened_out"]])
print("compare year:", d["compare_year"], "framework:", d["method"]["framework_sha256"][:12])
PY
