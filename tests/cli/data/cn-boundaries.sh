# the China boundaries: one WKT (multi)polygon for every prefecture-level
# unit of the census (369: the 289 of cities.csv and the 80 without data,
# with their names and provinces), sorted by code, rings closed with at
# least 4 points, 3-decimal lon/lat in China; and the base layers: 33
# provinces, Taiwan and three South China Sea island groups, 9 dashes, the
# inset and extent windows and a credit
python3 - "$ROOT/data/cn" <<'PY'
import csv, re, sys
csv.field_size_limit(1 << 30)
d = sys.argv[1]
units = [r["code"] for r in csv.DictReader(open(d + "/cities.csv", encoding="utf-8"))]
census = {r["city_code"]: (r["city"], r["province"]) for r in csv.DictReader(open(
    d + "/raw/cn-city-census-2010-2020/census_city_2010-2020_v1_nogeom.csv", encoding="utf-8-sig"))}
f = open(d + "/boundaries.csv", encoding="utf-8", newline="")
rows = list(csv.reader(f))
assert rows[0] == ["code", "name", "province", "boundary"], rows[0]
codes = [r[0] for r in rows[1:]]
assert codes == sorted(census), "codes differ from the census list"
assert set(units) <= set(codes), "a unit of cities.csv has no boundary"
assert all((r[1], r[2]) == census[r[0]] for r in rows[1:]), "names differ"
kinds, rings, points = {}, 0, 0
pt = re.compile(r"^\d{2,3}\.\d{3} \d{1,2}\.\d{3}$")
for code, name, prov, wkt in rows[1:]:
    m = re.fullmatch(r"(MULTIPOLYGON|POLYGON)\((.*)\)", wkt)
    assert m, code
    kinds[m.group(1)] = kinds.get(m.group(1), 0) + 1
    for ring in re.findall(r"\(([^()]+)\)", m.group(2)):
        p = ring.split(",")
        assert len(p) >= 4 and p[0] == p[-1], code
        assert all(pt.match(q) for q in p), code
        assert all(a != b for a, b in zip(p, p[1:])), code
        for q in p:
            x, y = map(float, q.split())
            assert 73 < x < 136 and 3 < y < 54, (code, q)
        rings += 1
        points += len(p)
print("boundaries:", len(rows) - 1, "census units,", len(set(codes) - set(units)),
      "without data;", ", ".join("%s %d" % kv for kv in sorted(kinds.items())) + ";",
      rings, "rings,", points, "points")
rows = list(csv.DictReader(open(d + "/layers.csv", encoding="utf-8", newline="")))
count = {}
for r in rows:
    count[r["layer"]] = count.get(r["layer"], 0) + 1
    assert (r["boundary"] == "") == (r["layer"] == "credit"), r["layer"]
    assert r["layer"] != "line" or r["boundary"].startswith("LINESTRING("), r["name"]
print("layers:", ", ".join("%s %d" % kv for kv in sorted(count.items())))
print("provinces:", " ".join(r["name_en"] for r in rows if r["layer"] == "province"))
print("islands:", "; ".join(r["name"] + " " + r["name_en"] for r in rows if r["layer"] == "island"))
PY
