. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
cx --db w.db rank --year 2017 --top 4 --dark-horse 3 --format json --set FIRMS=1 | tee out.json
python3 - <<'PY'
import json
d = json.load(open("out.json", encoding="utf-8"))
assert d["method"]["normalise"] == "minmax:0,100"
assert d["method"]["weights"]["FIRMS"] == 1
assert d["dark_horses"] == ["130200"], d["dark_horses"]
u = {x["code"]: x for x in d["units"]}
assert u["130200"]["prev_rank"] == 8 and u["130200"]["new_entrant"]
assert u["110100"]["attributes"]["province"] == "北京市"
print("json ok:", len(d["units"]), "units")
PY
