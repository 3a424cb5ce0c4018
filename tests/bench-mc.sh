#!/bin/sh
# bench-mc.sh BINARY - time `cityidx sensitivity` on the three cases of
# the uncertainty issue and print each wall time beside its target, with
# the machine's core count.  The data are synthetic, generated here with
# a fixed-seed LCG (no outside data): each unit has a latent level, and
# every indicator is that level plus noise, so indicators correlate as in
# a real index (a ranking of pure noise is not what an index is).
#   A  300 units x 40 indicators in 4 pillars, N = 10,000 draws, weight
#      noise 0.25 and arithmetic or geometric means            <= 0.3 s
#   B  GII-sized: 132 units x 80 indicators -> 21 sub-pillars -> 7
#      pillars -> 2 sub-indices -> index, 11% missing, N = 1,000, weight
#      noise, imputation none or mean, arith or geom              <= 0.1 s
#   C  Sobol: 300 x 40, N = 1,000 base draws, 3 inputs (weights,
#      normalisation, aggregation): 5,000 runs                   <= 0.3 s
# Each figure is the median of 5 runs of the whole command (start to
# exit, workspace already imported), with the default --threads.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-bench-mc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp"
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")

# framework: levels from the bottom; NIND indicators spread over NSUB
# groups, NSUB over NPIL, NPIL over NTOP (0: the pillars are under the
# index directly)
framework() {
	LC_ALL=C awk -v m="$1" -v nsub="$2" -v npil="$3" -v ntop="$4" 'BEGIN {
	print "code,parent,type,level,name_zh,name_en,direction,weight"
	top = 3 + (nsub > 0) + (ntop > 0)
	printf "INDEX,,aggregate,%d,,Index,,1\n", top
	for (t = 1; t <= ntop; t++)
		printf "S%d,INDEX,aggregate,%d,,Sub-index %d,,1\n", t, top - 1, t
	for (p = 1; p <= npil; p++)
		printf "P%02d,%s,aggregate,%d,,Pillar %d,,1\n", p,
		    ntop ? "S" (p <= int(npil * 5 / 7 + 0.5) ? 1 : 2) : "INDEX",
		    nsub ? 3 : 2, p
	for (s = 1; s <= nsub; s++)
		printf "Q%02d,P%02d,aggregate,2,,Sub-pillar %d,,1\n", s,
		    int((s - 1) * npil / nsub) + 1, s
	g = nsub ? nsub : npil
	for (j = 1; j <= m; j++)
		printf "I%03d,%s%02d,indicator,1,,Indicator %d,%d,%s\n", j,
		    nsub ? "Q" : "P", int((j - 1) * g / m) + 1, j,
		    (j % 9 == 0) ? -1 : 1, (j % 4) * 0.25 + 0.5
	}'
}

# data: n units, m indicators, a share `miss` of the values missing
data() {
	LC_ALL=C awk -v n="$1" -v m="$2" -v miss="$3" -v seed="$4" 'BEGIN {
	s = seed
	printf "code,name,year"
	for (j = 1; j <= m; j++) printf ",I%03d", j
	printf "\n"
	for (i = 1; i <= n; i++) {
		s = (s * 1103515245 + 12345) % 2147483648
		lv = s / 2147483648
		printf "U%04d,Unit %d,2020", i, i
		for (j = 1; j <= m; j++) {
			s = (s * 1103515245 + 12345) % 2147483648
			u = s / 2147483648
			s = (s * 1103515245 + 12345) % 2147483648
			if (s / 2147483648 < miss) { printf ","; continue }
			v = 20 + 60 * lv + 40 * u
			printf ",%.6g", (j % 9 == 0) ? 200 - v : v
		}
		printf "\n"
	}
	}'
}

ms() {
	date +%s%N
}

# the median of 5 wall times of a command, in seconds
median5() {
	for k in 1 2 3 4 5; do
		t0=$(ms)
		"$@" > out.txt
		t1=$(ms)
		echo "$(( (t1 - t0) / 1000 ))"
	done | sort -n | sed -n 3p | awk '{ printf "%.3f", $1 / 1e6 }'
}

line() {
	awk -v l="$1" -v t="$2" -v g="$3" 'BEGIN {
	    printf "%-58s %7.3f s  (target <= %.1f s) %s\n", l, t, g,
	    t <= g ? "ok" : "MISSED" }'
}

framework 40 0 4 0 > a-fw.csv
data 300 40 0 20260601 > a-data.csv
"$bin" --db a.db init --framework a-fw.csv > /dev/null
"$bin" --db a.db import a-data.csv > /dev/null
framework 80 21 7 2 > b-fw.csv
data 132 80 0.11 20260602 > b-data.csv
"$bin" --db b.db init --framework b-fw.csv > /dev/null
"$bin" --db b.db import b-data.csv > /dev/null

load=$(uptime | sed 's/.*load average: *//')
echo "cityidx sensitivity benchmark: $cores cores (getconf _NPROCESSORS_ONLN)," \
    "load average $load; median of 5 runs of the whole command"
ta=$(median5 "$bin" --db a.db sensitivity --draws 10000 \
    --normalize minmax:1,100 --weights-noise 0.25 \
    --alt-aggregate arith --alt-aggregate geom --format csv)
line "A 300 x 40 x 4, N 10000, weights + aggregation" "$ta" 0.3
tb=$(median5 "$bin" --db b.db sensitivity --draws 1000 \
    --normalize minmax:1,100 --weights-noise 0.25 \
    --alt-impute none --alt-impute mean \
    --alt-aggregate arith --alt-aggregate geom --format csv)
line "B GII-sized 132 x 80 -> 21 -> 7 -> 2, 11% NA, N 1000" "$tb" 0.1
tc=$(median5 "$bin" --db a.db sensitivity --sobol --draws 1000 \
    --normalize minmax:1,100 --weights-noise 0.25 \
    --alt-normalize minmax:1,100 --alt-normalize zscore:50,10 \
    --alt-aggregate arith --alt-aggregate geom --format csv)
line "C Sobol 300 x 40, N 1000, 3 inputs (5000 runs)" "$tc" 0.3
