#!/bin/sh
# demo.sh BINARY [OUTDIR] - build the two demo workspaces from data/ and
# rank them, into OUTDIR (default: reports/).
#   reports/uk.db  UK NUTS2 regions, 2006-2020, four-pillar framework
#   reports/cn.db  Chinese prefecture-level cities, 2004-2012 and 2015
# and their figures: the UK map of 2017, the Chinese tier chart and map
# of 2012, and the reports (summary, ranking, regions, figures, trends,
# profiles, method and indicator appendix) of UK 2017 and China 2012 in
# English and Chinese: uk-2017-en.pdf, uk-2017-zh.pdf, cn-2012-zh.pdf,
# cn-2012-en.pdf.  The same data give the same bytes.
set -eu
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/reports}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
# the reports' date: the last commit of the data and frameworks (the
# workspaces are rebuilt, so their last change is now), unless given
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct -- data indicators \
	    2>/dev/null) || SOURCE_DATE_EPOCH=
	if [ -n "$SOURCE_DATE_EPOCH" ]; then export SOURCE_DATE_EPOCH; fi
fi
rm -f "$out/uk.db" "$out/uk.db-wal" "$out/uk.db-shm" \
    "$out/cn.db" "$out/cn.db-wal" "$out/cn.db-shm"

echo "== UK: workspace reports/uk.db"
"$bin" --db "$out/uk.db" init --framework indicators/uk-innovation.csv
"$bin" --db "$out/uk.db" import data/uk/regions.csv data/uk/uk-nuts2.csv
# the NUTS2 outlines (ONS, OGL v3) and their credit line, for the map
"$bin" --db "$out/uk.db" import data/uk/boundaries.csv data/uk/layers.csv >/dev/null
echo
"$bin" --db "$out/uk.db" rank --year 2017
"$bin" --db "$out/uk.db" chart map --year 2017 --lang en -o "$out/uk-2017-map.png"
for l in en zh; do
	"$bin" --db "$out/uk.db" report --year 2017 --lang $l --by-region country \
	    -o "$out/uk-2017-$l.pdf" 2>/dev/null
done
echo
echo "the 2017 map and reports: reports/uk-2017-map.png, reports/uk-2017-en.pdf, reports/uk-2017-zh.pdf"

echo
echo "== China: workspace reports/cn.db"
"$bin" --db "$out/cn.db" init --framework indicators/cn-cities.csv
"$bin" --db "$out/cn.db" import data/cn/cities.csv data/cn/cn-cities.csv
latest=$("$bin" --db "$out/cn.db" years | awk 'NR > 1 { y = $1 } END { print y }')
echo
# Movement is shown only between years that share enough indicators (the
# common-basis table of data/cn/README.md): 2012 against 2011, not 2015
# against 2012.
echo "-- the latest year, $latest (new firms, GDP, budget, employment, census; no environment"
echo "   data; too few indicators shared with 2012 for movement: see data/cn/README.md)"
"$bin" --db "$out/cn.db" rank --year "$latest" --limit 20 --compare none
echo
echo "-- 2012, the latest year with all four pillars, against 2011"
"$bin" --db "$out/cn.db" rank --year 2012 --limit 20
"$bin" --db "$out/cn.db" chart tiers --year 2012 -o "$out/cn-2012-tiers.png"
# every prefecture-level unit of the census (those without data too), and
# the base layers of the national map: provinces, Taiwan, the South China
# Sea islands and the nine-dash line in an inset
"$bin" --db "$out/cn.db" import data/cn/boundaries.csv data/cn/layers.csv >/dev/null
"$bin" --db "$out/cn.db" chart map --year 2012 -o "$out/cn-2012-map.png"
for l in zh en; do
	"$bin" --db "$out/cn.db" report --year 2012 --lang $l --by-region province \
	    -o "$out/cn-2012-$l.pdf" 2>/dev/null
done
echo
echo "the 2012 tier chart, map and reports: reports/cn-2012-tiers.png, reports/cn-2012-map.png,"
echo "reports/cn-2012-zh.pdf, reports/cn-2012-en.pdf"

cat <<EOT

Workspaces (SQLite; query them with sqlite3, pandas or R):
  $out/uk.db   UK NUTS2 regions   (cityidx --db $out/uk.db rank --year 2017)
  $out/cn.db   Chinese cities     (cityidx --db $out/cn.db rank --year $latest)
The binary is $root/${bin#./}; 'make install PREFIX=~/.local' installs it with
the manual (man cityidx).  Data and their sources: data/README.md.
EOT
