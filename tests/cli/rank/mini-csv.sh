. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
cx --db w.db rank --year 2017 --top 4 --tiers jenks:2 --format csv | tee out.csv
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("out.csv", encoding="utf-8")))
assert list(rows[0].keys()) == ["rank", "code", "name", "name_en",
    "province", "score", "tier", "coverage", "TALENT", "MARKET", "basis_rank",
    "prev_rank", "rank_common_prev", "rank_common_now", "rank_change",
    "coverage_prev"], rows[0].keys()
for r in rows:
    float(r["score"]); int(r["rank"])
    # the same basis: the basis rank is the rank; the change is prev - basis
    assert r["basis_rank"] == r["rank"]
    assert int(r["rank_change"]) == int(r["prev_rank"]) - int(r["basis_rank"])
    # every unit is ranked in both years: the ranks among them are these
    assert int(r["rank_change"]) == int(r["rank_common_prev"]) - int(r["rank_common_now"])
    assert 0 < float(r["coverage"]) <= 1
    # the index is the weighted mean of the pillars (weights 1, 1)
    assert abs(float(r["score"]) - (float(r["TALENT"]) + float(r["MARKET"])) / 2) < 1e-12
print("csv ok:", len(rows), "rows")
PY
