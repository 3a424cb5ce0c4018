# the uncertainty chart in every format and the report's page of it: the
# figure shows sensitivity's numbers, the same inputs (and any --threads)
# give the same bytes, and a chart without an uncertain input is refused
mini_ws w.db
set -- --year 2017 --normalize minmax:1,100 --weights-noise 0.25 \
    --alt-aggregate arith --alt-aggregate geom --drop-one --draws 500
for f in pdf png svg; do
	cx --db w.db chart uncertainty "$@" -o u.$f --threads 1
	cx --db w.db chart uncertainty "$@" -o again.$f --threads 2
	cmp u.$f again.$f && echo "$f: the same bytes with 1 and 2 threads"
done
head -c 4 u.pdf; echo
xmllint --noout u.svg && echo "svg: well-formed"
python3 -c 'import struct; print("u.png:", *struct.unpack(">II", open("u.png", "rb").read()[16:24]))'
# every unit's name and the subtitle's inputs are on the figure
cx --db w.db sensitivity "$@" --format csv > s.csv
pdftotext u.pdf - > u.txt
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("s.csv", encoding="utf-8")))
text = open("u.txt", encoding="utf-8").read()
for r in rows:
    assert r["name"] in text, r["name"]
print("chart: %d units" % len(rows))
PY
grep -o '500次蒙特卡洛模拟' u.txt
cx --db w.db chart uncertainty --year 2017 -o none.pdf
ls none.pdf 2>/dev/null || echo "nothing written"
cx --db w.db report "$@" --lang en -o r.pdf > /dev/null
pdftotext r.pdf - | grep -E 'how certain the ranks are|Monte Carlo draws' | sort -u
cx --db w.db report --year 2017 --lang en -o plain.pdf > /dev/null
pdftotext plain.pdf - | grep -c 'how certain' || true
