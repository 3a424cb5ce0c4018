# the report: a title page, the ranking on pages with a repeated header,
# the figures, the audit and the method; every page has ink, the CJK font
# is embedded, the text holds the names and scores of `rank`, and the
# same inputs give the same bytes
mini_ws w.db
cx --db w.db rank --year 2017 --format csv > r.csv
cx --db w.db report --year 2017 -o r.pdf
pdfinfo r.pdf | grep -E '^Pages'
pdffonts r.pdf | awk 'NR > 2 { print $1 ~ /NotoSansCJK/ ? "CJK font" : $1, $(NF-4) }' | sort -u
pdftotext -layout r.pdf r.txt
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("r.csv", encoding="utf-8")))
text = open("r.txt", encoding="utf-8").read()
for r in rows:
    assert r["name"] in text, r["name"]
    assert "%.2f" % float(r["score"]) in text, r["score"]
for word in ["排名", "梯队", "统计审查", "方法", "权重"]:
    assert word in text, word
print("report text: %d units, names and scores" % len(rows))
PY
n=$(pdfinfo r.pdf | awk '/^Pages/ { print $2 }')
pdftoppm -gray -r 30 r.pdf p
# a page has ink above its footer (the page number does not count)
blank=$(python3 - p-*.pgm <<'PY'
import sys
blank = 0
for f in sys.argv[1:]:
    d = open(f, "rb").read()
    parts = d.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    px = parts[3]
    body = px[: w * int(h * 0.88)]
    if sum(1 for b in body if b < 128) < 50:
        blank += 1
print(blank)
PY
)
echo "pages: $n, blank: $blank"
cx --db w.db report --year 2017 -o again.pdf
cmp -s r.pdf again.pdf && echo "same bytes"
cx --db w.db report --year 2017 --lang en -o en.pdf
pdftotext en.pdf - | tr -d '\f' | grep -c -E '^(Ranking|Statistical audit|Method|Weights)$'
"$CITYIDX" --db w.db report --year 2017 -o /nonexistent/r.pdf
echo "exit $?"
