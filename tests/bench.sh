#!/bin/sh
# bench.sh BINARY [UNITS] [INDICATORS] - time the import and the ranking of
# a synthetic index (default 3000 units x 100 indicators in 10 pillars,
# years 2016 and 2017), generated here with a fixed-seed LCG so the
# benchmark needs no outside data.  Prints wall times and peak memory.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-3000}
m=${3:-100}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp"
LC_ALL=C awk -v n="$n" -v m="$m" 'BEGIN {
	print "code,parent,type,level,name_zh,name_en,direction,weight"
	print "INDEX,,aggregate,3,,Index,,1"
	np = int((m + 9) / 10)
	for (p = 1; p <= np; p++) printf "P%02d,INDEX,aggregate,2,,Pillar %d,,1\n", p, p
	for (j = 1; j <= m; j++)
		printf "I%03d,P%02d,indicator,1,,Indicator %d,%d,%s\n", j, int((j - 1) / 10) + 1, j, (j % 7 == 0) ? -1 : 1, (j % 4) * 0.5 + 0.5
}' > fw.csv
LC_ALL=C awk -v n="$n" -v m="$m" 'BEGIN {
	s = 20250601
	printf "code,name,year"
	for (j = 1; j <= m; j++) printf ",I%03d", j
	printf "\n"
	for (y = 2016; y <= 2017; y++)
		for (i = 1; i <= n; i++) {
			printf "U%05d,City %d,%d", i, i, y
			for (j = 1; j <= m; j++) {
				s = (s * 1103515245 + 12345) % 2147483648
				printf ",%.6g", 10 + 90 * s / 2147483648
			}
			printf "\n"
		}
}' > data.csv
echo "synthetic index: $n units x $m indicators, 2 years ($(wc -c < data.csv) bytes)"
t() {
	label=$1
	shift
	start=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M' -o mem.txt "$@" > out.txt
		mem="$(cat mem.txt) KiB peak"
	else
		"$@" > out.txt
		mem="(install GNU time for memory)"
	fi
	end=$(date +%s%N)
	printf '%-34s %8.3f s  %s\n' "$label" "$(echo "($end - $start) / 1000000000" | bc -l 2>/dev/null || echo 0)" "$mem"
}
t "init" "$bin" --db b.db init --framework fw.csv
t "import (2 years)" "$bin" --db b.db import data.csv
t "re-import (nothing changes)" "$bin" --db b.db import data.csv
t "rank 2017 vs 2016, table" "$bin" --db b.db rank --year 2017
t "rank 2017, csv" "$bin" --db b.db rank --year 2017 --format csv
t "rank 2017, json, jenks:5 over all" "$bin" --db b.db rank --year 2017 --format json --tiers jenks:5 --top 0
t "rank, impute+treat+zscore" "$bin" --db b.db rank --year 2017 --impute median --treat --normalize zscore --format csv
t "weights entropy, all levels" "$bin" --db b.db weights --year 2017 --method entropy
t "weights pca, all levels" "$bin" --db b.db weights --year 2017 --method pca
t "audit" "$bin" --db b.db audit --year 2017 --format csv
t "explain with a rank-change split" "$bin" --db b.db explain U00042 --year 2017 --compare 2016
