# the China boundaries: one WKT (multi)polygon per city of cities.csv, in the
# same order, rings closed with at least 4 points, 3-decimal lon/lat in China
python3 - "$ROOT/data/cn" <<'PY'
import csv, re, sys
d = sys.argv[1]
units = [r["code"] for r in csv.DictReader(open(d + "/cities.csv", encoding="utf-8"))]
f = open(d + "/boundaries.csv", encoding="utf-8", newline="")
rows = list(csv.reader(f))
assert rows[0] == ["code", "boundary"], rows[0]
assert [r[0] for r in rows[1:]] == units, "codes differ from cities.csv"
kinds, rings, points = {}, 0, 0
pt = re.compile(r"^\d{2,3}\.\d{3} \d{1,2}\.\d{3}$")
for code, wkt in rows[1:]:
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
print("boundaries:", len(rows) - 1, "of", len(units), "cities;",
      ", ".join("%s %d" % kv for kv in sorted(kinds.items())) + ";",
      rings, "rings,", points, "points")
PY
