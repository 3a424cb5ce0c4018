# every chart type, in every format: the numbers of the figure are those
# of `rank --format csv` for the same options, the CJK font is embedded,
# SVG is well-formed XML, PNG has the asked size, and the same inputs give
# the same bytes
mini_ws w.db
cx --db w.db rank --year 2017 --top 4 --format csv > r.csv
for t in tiers pillars movers heatmap; do
	case $t in
	movers) opts="--top 4 --dark-horse 3" ;;
	heatmap) opts= ;;
	*) opts="--top 4" ;;
	esac
	for f in pdf png svg; do
		cx --db w.db chart $t --year 2017 $opts -o $t.$f
	done
done
cx --db w.db chart profile 北京 --year 2017 -o profile.pdf
cx --db w.db chart heatmap --of indicators --year 2017 -o heat-ind.pdf --lang en
# the scores drawn are the ranking's, rounded to 2 decimals
pdftotext -layout tiers.pdf - > tiers.txt
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("r.csv", encoding="utf-8")))
text = open("tiers.txt", encoding="utf-8").read()
top = [r for r in rows if int(r["rank"]) <= 4]
for r in top:
    assert r["name"] in text, r["name"]
    assert "%.2f" % float(r["score"]) in text, r["score"]
print("tiers chart: %d units with their scores" % len(top))
PY
pdftotext pillars.pdf - | grep -c -E '人才|市场'
pdftotext movers.pdf - | grep -o '+6 唐山市' | head -n 1
pdftotext profile.pdf - | grep -c '北京市'
pdftotext heat-ind.pdf - | grep -o 'Graduates' | head -n 1
pdffonts tiers.pdf | awk 'NR > 2 { print $1 ~ /NotoSansCJK/ ? "CJK font" : $1, $(NF-4), $(NF-3), $(NF-2) }' | sort -u
for f in *.svg; do xmllint --noout "$f" || echo "$f: not XML"; done
echo "svg ok"
python3 - <<'PY'
import struct
w, h = struct.unpack(">II", open("tiers.png", "rb").read()[16:24])
print("tiers.png:", w, "x", h, "pixels")
PY
cx --db w.db chart tiers --year 2017 --width 400 --height 300 --dpi 72 -o small.png
python3 -c 'import struct; print("small.png:", *struct.unpack(">II", open("small.png", "rb").read()[16:24]))'
for f in pdf png svg; do
	cx --db w.db chart tiers --year 2017 --top 4 -o again.$f
	cmp -s tiers.$f again.$f && echo "$f: same bytes"
done
SOURCE_DATE_EPOCH=1700000000 cx --db w.db chart tiers --year 2017 -o dated.pdf
pdfinfo dated.pdf | grep CreationDate | sed 's/  */ /'
