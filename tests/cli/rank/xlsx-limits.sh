# the workbook holds what the CSV holds, or is refused with a message that
# names the limit and the cell, and the previous file stays as it was
# (issue 13, item 5): a sheet is at most 16,384 columns wide (many
# attribute columns), a cell holds at most 32,767 characters (UTF-16
# code units, as Excel counts), and text that reads as Excel's _xHHHH_
# escape is kept literal
mini_ws w.db
echo "the previous workbook" > keep.xlsx
cp keep.xlsx keep.orig
unchanged() {
	cmp -s keep.xlsx keep.orig && echo "keep.xlsx unchanged" ||
	    echo "keep.xlsx CHANGED"
}
# xlsx2csv's ranking sheet against the CSV output, every cell
same_as_csv() {
	xlsx2csv -n ranking "$1" > x.csv
	python3 - <<'PY'
import csv
a = list(csv.reader(open("r.csv", encoding="utf-8")))
b = list(csv.reader(open("x.csv", encoding="utf-8")))
assert len(a) == len(b) and a[0] == b[0], (len(a), len(b))
for ra, rb in zip(a[1:], b[1:]):
    assert len(ra) == len(rb), (len(ra), len(rb))
    for h, x, y in zip(a[0], ra, rb):
        try:
            assert abs(float(x) - float(y)) <= 5e-7 * max(1, abs(float(x))), (h, x, y)
        except ValueError:
            assert x == y, (h, x[:40], y[:40])
print("the workbook's", len(a[0]), "columns equal the csv; the last:",
      ",".join(a[0][-3:]))
PY
}

# 1. 16,370 attribute columns (province and 16,369 more, of one unit):
# the ranking sheet would need 16,385
python3 - <<'PY'
keys = ["a%05d" % i for i in range(16369)]
with open("wide.csv", "w", encoding="utf-8") as f:
    f.write(",".join(["code"] + keys) + "\n")
    f.write(",".join(["110100"] + ["v%d" % (i % 7) for i in range(len(keys))]) + "\n")
open("keys.txt", "w").write(",".join(["province"] + keys[:-1]))
PY
"$CITYIDX" --db w.db import wide.csv
"$CITYIDX" --db w.db rank --year 2017 --format xlsx -o keep.xlsx
echo "exit $?"
unchanged
# one attribute fewer: 16,384 columns, coverage_prev in the last (XFD)
"$CITYIDX" --db w.db rank --year 2017 --attr "$(cat keys.txt)" \
    --format xlsx -o wide.xlsx 2>/dev/null
echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --attr "$(cat keys.txt)" \
    --format csv > r.csv 2>/dev/null
same_as_csv wide.xlsx

# 2. a name of 40,000 characters: refused, naming the cell and the unit
mini_ws t.db
python3 -c 'print("code,name"); print("440300," + "深" * 40000)' > long.csv
"$CITYIDX" --db t.db import long.csv
"$CITYIDX" --db t.db rank --year 2017 --format xlsx -o keep.xlsx
echo "exit $?"
unchanged
# 16,384 characters outside the BMP are 32,768 UTF-16 code units
python3 -c 'print("code,name"); print("440300," + "\U0001F3D9" * 16384)' > astral.csv
"$CITYIDX" --db t.db import astral.csv > /dev/null
"$CITYIDX" --db t.db rank --year 2017 --format xlsx -o keep.xlsx
echo "exit $?"
unchanged
# what libxlsxwriter refuses is refused too: 4,681 times _x0041_ is
# 32,767 characters, but 65,534 with the underscores escaped
python3 -c 'print("code,name"); print("440300," + "_x0041_" * 4681)' > xe.csv
"$CITYIDX" --db t.db import xe.csv > /dev/null
"$CITYIDX" --db t.db rank --year 2017 --format xlsx -o keep.xlsx
echo "exit $?"
unchanged
# 32,767 characters fit, whole
python3 -c 'print("code,name"); print("440300," + "深" * 32767)' > max.csv
"$CITYIDX" --db t.db import max.csv > /dev/null
"$CITYIDX" --db t.db rank --year 2017 --format xlsx -o max.xlsx
echo "exit $?"
"$CITYIDX" --db t.db rank --year 2017 --format csv > r.csv 2>/dev/null
same_as_csv max.xlsx

# 3. _xHHHH_ in a text: Excel would show U+HHHH; the workbook writes the
# underscore as _x005F_, so that it reads back as the text itself
printf 'code,name\n110100,A_x0041_B _X00e9_ __x0042__ _x12_ _x00411_\n' > x.csv
"$CITYIDX" --db t.db import x.csv > /dev/null
"$CITYIDX" --db t.db rank --year 2017 --format xlsx -o x.xlsx
"$CITYIDX" --db t.db rank --year 2017 --format csv > r.csv 2>/dev/null
python3 - <<'PY'
import csv, re, zipfile
xml = zipfile.ZipFile("x.xlsx").read("xl/sharedStrings.xml").decode("utf-8")
raw = [t for t in re.findall(r"<t[^>]*>([^<]*)</t>", xml) if "_x" in t or "_X" in t]
print("stored:", raw[0])
# what Excel shows: each _xHHHH_ is the character U+HHHH
shown = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)),
               raw[0])
want = [r for r in csv.reader(open("r.csv", encoding="utf-8")) if r[1] == "110100"][0][2]
print("shown: ", shown)
assert shown == want, (shown, want)
PY
