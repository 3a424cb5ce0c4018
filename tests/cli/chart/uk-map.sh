# the UK map from the bundled data: the 41 NUTS2 (2016) outlines of ONS,
# the two regions screened out hatched, the top 10 numbered and named in
# a key beside the map, and the attribution the Open Government Licence
# asks for, whole, under the map and on the map page of the report
cx --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/boundaries.csv" "$ROOT/data/uk/layers.csv" | sed "s|$ROOT/||"
cx --db uk.db chart map --year 2017 --lang en -o map.pdf
pdftotext map.pdf - | tr '\n' ' ' | grep -o 'Contains National Statistics data.*Open Government Licence v3.0.'
pdftotext map.pdf - | grep -o -E 'Tier [0-9]|not ranked \(too little data\)|Not ranked: .*' | sort -u
cx --db uk.db rank --year 2017 --format csv | python3 -c 'import csv, sys
for r in list(csv.DictReader(sys.stdin))[:10]: print(r["rank"] + "," + r["name"])' > top.txt
pdftotext -layout map.pdf - | grep -o -E '^ *[0-9]+ +[A-Z][^0-9]*[a-z]' | sed 's/^ *//; s/  */ /' | sed 's/ /,/' | sort -n | head -n 10 > key.txt
if cmp -s top.txt key.txt; then echo "the key names the top 10"; else diff top.txt key.txt; fi
cx --db uk.db chart map --year 2017 --lang en --width 300 -o small.png --dpi 72
python3 -c 'import struct; print("small.png:", *struct.unpack(">II", open("small.png", "rb").read()[16:24]))'
cx --db uk.db report --year 2017 --lang en -o r.pdf
n=$(pdfinfo r.pdf | awk '/^Pages/ { print $2 }')
for p in $(seq 1 "$n"); do
	if pdftotext -f "$p" -l "$p" r.pdf - | tr '\n' ' ' | grep -q 'Open Government Licence v3.0'; then
		echo "page $p of $n: the attribution"
	fi
done
