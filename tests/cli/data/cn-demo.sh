# the China workspace ranks its cities with Chinese names and provinces
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
cx --db cn.db rank --year 2012 --limit 5 | sed -n '4,9p'
"$CITYIDX" --db cn.db rank --year 2012 --format json > r.json
python3 - <<'PY'
import json
d = json.load(open("r.json", encoding="utf-8"))
u = d["units"]
assert all(any("\u4e00" <= ch <= "\u9fff" for ch in x["name"]) for x in u)
assert all(x["attributes"].get("province") for x in u)
print("cities ranked in 2012:", len(u), "provinces:", len({x["attributes"]["province"] for x in u}))
PY
