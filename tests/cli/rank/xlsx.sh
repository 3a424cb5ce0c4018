# the workbook: its ranking sheet holds the values of the CSV output (read
# back with Debian's xlsx2csv, which keeps 6 decimals), it has the scores
# and method sheets, and the same inputs give the same bytes
mini_ws w.db
cx --db w.db rank --year 2017 --top 4 --format xlsx -o r.xlsx
cx --db w.db rank --year 2017 --top 4 --format xlsx -o r2.xlsx
cmp r.xlsx r2.xlsx && echo "same bytes"
cx --db w.db rank --year 2017 --top 4 --format csv > r.csv
xlsx2csv -n ranking r.xlsx > x.csv
xlsx2csv -n scores r.xlsx | head -n 2 | cut -d, -f1-4
xlsx2csv -n method r.xlsx | grep -E '^(year|screen|normalise|tiers),'
python3 - <<'PY'
import csv
a = list(csv.reader(open("r.csv", encoding="utf-8")))
b = list(csv.reader(open("x.csv", encoding="utf-8")))
assert a[0] == b[0], (a[0], b[0])
assert len(a) == len(b), (len(a), len(b))
n = 0
for ra, rb in zip(a[1:], b[1:]):
    for h, x, y in zip(a[0], ra, rb):
        try:
            fx = float(x)
        except ValueError:
            assert x == y, (h, x, y)
            continue
        assert abs(fx - float(y)) <= 5e-7 * max(1, abs(fx)), (h, x, y)
        n += 1
print("xlsx values equal the csv:", len(a) - 1, "rows,", n, "numbers")
PY
# usage: xlsx needs a file
"$CITYIDX" --db w.db rank --format xlsx
echo "exit $?"
# --bom: Excel reads UTF-8 only with the mark
cx --db w.db rank --year 2017 --format csv --bom | head -c 3 | od -An -tx1
