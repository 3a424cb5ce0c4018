#!/bin/sh
# bench-plot.sh BINARY - time the figures and the report, each beside its
# target (issue "Charts and the PDF report": under a second each), as wall
# time of the whole command (process start to the file written), the
# median of 5 runs, with the machine's core count.
#   tier chart of 300 units (--top 0), PDF and PNG: a synthetic index of
#     300 units with Chinese names, generated here with a fixed-seed LCG
#   the China map of 2012: the bundled data/cn, with the boundaries of all
#     369 units and the base layers (provinces, islands, inset)
#   the report over the ~250-290 Chinese cities of 2012 and 2015 (every
#     unit in the ranking table, the figures, the map, audit and method)
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-bench-plot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp"

now() {
	date +%s%N
}

# run LABEL TARGET CMD...: the median wall time of 5 runs beside the target
run() {
	label=$1 target=$2
	shift 2
	: > times.txt
	for i in 1 2 3 4 5; do
		start=$(now)
		"$@" > out.txt 2> err.txt || { cat err.txt >&2; exit 1; }
		end=$(now)
		echo "$start $end" | awk '{ printf "%.3f\n", ($2 - $1) / 1e9 }' >> times.txt
	done
	t=$(sort -n times.txt | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	ok=$(awk -v t="$t" -v g="$target" 'BEGIN { print (t <= g) ? "ok" : "OVER" }')
	printf '%-44s %7.3f s  (<= %4s s %-4s)\n' "$label" "$t" "$target" "$ok"
}

echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores, $(uname -m)"

# 300 units, 12 indicators in 4 pillars, 2 years
LC_ALL=C awk 'BEGIN {
	print "code,parent,type,level,name_zh,name_en,direction,weight"
	print "INDEX,,aggregate,3,指数,Index,,1"
	split("人才 市场 环境 资本", p, " ")
	for (k = 1; k <= 4; k++) printf "P%d,INDEX,aggregate,2,%s,Pillar %d,,1\n", k, p[k], k
	for (j = 1; j <= 12; j++) printf "I%02d,P%d,indicator,1,指标%d,Indicator %d,1,1\n", j, int((j - 1) / 3) + 1, j, j
}' > fw.csv
LC_ALL=C awk 'BEGIN {
	s = 20261130
	printf "code,name,province,year"
	for (j = 1; j <= 12; j++) printf ",I%02d", j
	printf "\n"
	for (y = 2016; y <= 2017; y++)
		for (i = 1; i <= 300; i++) {
			printf "C%03d,示范城市%03d号,某省,%d", i, i, y
			for (j = 1; j <= 12; j++) {
				s = (s * 1103515245 + 12345) % 2147483648
				printf ",%.4f", 10 + 90 * s / 2147483648
			}
			printf "\n"
		}
}' > data.csv
"$bin" --db s.db init --framework fw.csv > /dev/null
"$bin" --db s.db import data.csv > /dev/null

"$bin" --db cn.db init --framework "$root/indicators/cn-cities.csv" > /dev/null
"$bin" --db cn.db import "$root/data/cn/cities.csv" "$root/data/cn/cn-cities.csv" \
    "$root/data/cn/boundaries.csv" "$root/data/cn/layers.csv" > /dev/null

echo
run "tier chart, 300 units, PDF" 1 "$bin" --db s.db chart tiers --top 0 -o t.pdf
run "tier chart, 300 units, PNG" 1 "$bin" --db s.db chart tiers --top 0 -o t.png
run "China map 2012, PDF" 1 "$bin" --db cn.db chart map --year 2012 -o m.pdf
run "China map 2012, PNG" 1 "$bin" --db cn.db chart map --year 2012 -o m.png
run "report, China 2012" 1 \
    "$bin" --db cn.db report --year 2012 -o r.pdf
run "report, China 2015" 1 "$bin" --db cn.db report --year 2015 -o r15.pdf
echo "report 2012: $(pdfinfo r.pdf | awk '/^Pages/ { print $2 }') pages, $(wc -c < r.pdf) bytes"
