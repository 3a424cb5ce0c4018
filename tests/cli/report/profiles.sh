# the unit profiles (issue 16 §2) of the UK demo, 2017: each indicator's
# rank within the year and the strengths and weaknesses, recomputed here
# from the workspace's values (cityidx sql) and rank's list of ranked units:
# rank = 1 + the ranked units with a better value; of the m indicators
# with a value, min(3, ceil(m/2)) strengths with the best rank and
# min(3, floor(m/2)) weaknesses among the others with the worst, ties
# in framework order (cityidx(1), report)
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db rank --year 2017 --format csv > r.csv
cx --db uk.db report --year 2017 --lang en --profiles UKI3,ukm5,UKN0x -o bad.pdf
cx --db uk.db report --year 2017 --lang en --profiles 'UKI3,Highlands and Islands' -o p.pdf
pdfinfo p.pdf | grep -E '^Pages'
"$CITYIDX" --db uk.db sql --format tsv "SELECT o.unit, o.indicator, o.value, n.direction, n.name_en, n.ord FROM observations o JOIN nodes n ON n.code = o.indicator WHERE o.year = 2017 AND n.type = 'indicator'" | sed 1d > v.txt
pdftotext p.pdf - | tr '\n' ' ' | tr -s ' ' > p.txt
python3 - <<'PY'
import csv
ranked = {r["code"]: r for r in csv.DictReader(open("r.csv", encoding="utf-8"))}
vals, meta = {}, {}
for line in open("v.txt", encoding="utf-8"):
    u, ind, v, d, name, ord_ = line.rstrip("\n").split("\t")
    meta[ind] = (int(d), name, int(ord_))
    if u in ranked:
        vals.setdefault(ind, {})[u] = float(v)
text = open("p.txt", encoding="utf-8").read()
for code in ["UKI3", "UKM6"]:
    r = ranked[code]
    inds = sorted((i for i in vals if code in vals[i]), key=lambda i: meta[i][2])
    rank = {}
    for i in inds:
        d = meta[i][0]
        mine = d * vals[i][code]
        rank[i] = (1 + sum(1 for x in vals[i].values() if d * x > mine), len(vals[i]))
    m = len(inds)
    strong = sorted(inds, key=lambda i: (rank[i][0], meta[i][2]))[:min(3, (m + 1) // 2)]
    rest = [i for i in inds if i not in strong]
    weak = sorted(rest, key=lambda i: (-rank[i][0], meta[i][2]))[:min(3, m // 2)]
    fmt = lambda l: "; ".join("%s (%d of %d)" % (meta[i][1], *rank[i]) for i in l)
    want = "Strengths (the indicators with the best rank within 2017): %s. Weaknesses (the worst): %s." % (fmt(strong), fmt(weak))
    assert want in text, (code, want)
    head = "%s: rank %s of %d, tier %s, score %.2f." % (r["name_en"], r["rank"], len(ranked), r["tier"], float(r["score"]))
    assert head in text, head
    print(code, "rank", r["rank"], "strengths", " ".join(strong), "weaknesses", " ".join(weak))
    # each indicator's rank, as the table prints it
    for i in inds:
        assert "%d / %d" % rank[i] in text, (code, i)
print("profiles: the ranks, strengths and weaknesses recomputed")
PY
# the parsing of --profiles
for a in '' 'a,,b' ',UKI3' 1000000 UKN0 NOWHERE; do
	cx --db uk.db report --year 2017 --profiles "$a" -o x.pdf 2>&1 | grep -v "^usage:"
done
cx --db uk.db report --year 2017 --profiles 0 -o n.pdf && pdfinfo n.pdf | grep -E '^Pages'
