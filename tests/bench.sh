#!/bin/sh
# bench.sh BINARY [UNITS] [INDICATORS] - time the workspace and the method
# commands on a synthetic index (default 3000 units x 100 indicators in 10
# pillars), generated here with a fixed-seed LCG so the benchmark needs no
# outside data.
#
# 1. A panel of 10 years (3 million values): import, re-import, years and
#    rank, each beside its target of issue 17 (wall time of the whole
#    command, process start to output; peak resident memory, the import's
#    against 2 x the doubles it stores), as in bench/README.md; and the
#    start-up of a command that draws nothing (--version, best of 20).
#    While the load average is above the core count a time gets no verdict
#    ("load").
# 2. The method commands on 2 years (no targets: compute, not loading).
#
# 0. Beside pandas (issue 17): init + import + rank of one year, 3,000 x 100
#    (and 30,000 x 400 with BENCH_LARGE=1, a few minutes), against
#    bench/analyst.py run by /usr/bin/python3 on the same CSV in the same
#    job, best of 3 interleaved runs each (1 for the large size).  The ranks
#    must agree.  No ratio is reported while the 1-minute load average is
#    above the core count (the times are then printed as indicative only).
#
# Wall times are the median of 5 runs for the commands that only read, of 1
# for the imports (each changes the workspace).  Peak memory is GNU time's
# maximum resident set size.  BENCH_ONLY_PANDAS=1 stops after part 0.
set -eu
analyst=$(cd "$(dirname "$0")/.." && pwd)/bench/analyst.py
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-3000}
m=${3:-100}
[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp"

fwgen() {
	LC_ALL=C awk -v n="$n" -v m="$m" 'BEGIN {
	print "code,parent,type,level,name_zh,name_en,direction,weight"
	print "INDEX,,aggregate,3,,Index,,1"
	np = int((m + 9) / 10)
	for (p = 1; p <= np; p++) printf "P%02d,INDEX,aggregate,2,,Pillar %d,,1\n", p, p
	for (j = 1; j <= m; j++)
		printf "I%03d,P%02d,indicator,1,,Indicator %d,%d,%s\n", j, int((j - 1) / 10) + 1, j, (j % 7 == 0) ? -1 : 1, (j % 4) * 0.5 + 0.5
	}'
}
# data.csv: years y0..y1, one row per unit and year
gen() {
	LC_ALL=C awk -v n="$n" -v m="$m" -v y0="$1" -v y1="$2" 'BEGIN {
		s = 20250601
		printf "code,name,year"
		for (j = 1; j <= m; j++) printf ",I%03d", j
		printf "\n"
		for (y = y0; y <= y1; y++)
			for (i = 1; i <= n; i++) {
				printf "U%05d,City %d,%d", i, i, y
				for (j = 1; j <= m; j++) {
					s = (s * 1103515245 + 12345) % 2147483648
					printf ",%.6g", 10 + 90 * s / 2147483648
				}
				printf "\n"
			}
	}'
}

now() {
	date +%s%N
}

# run LABEL TARGET REPS CMD...: the median wall time of REPS runs and the
# largest peak memory, beside the target ("-" for none)
run() {
	label=$1 target=$2 reps=$3
	shift 3
	: > times.txt
	mem=0
	i=0
	while [ $i -lt "$reps" ]; do
		start=$(now)
		/usr/bin/time -f "%M" -o mem.txt "$@" > out.txt 2> err.txt
		end=$(now)
		echo "$start $end" | awk '{ printf "%.3f\n", ($2 - $1) / 1e9 }' >> times.txt
		k=$(tail -n 1 mem.txt)
		[ "$k" -gt "$mem" ] && mem=$k
		i=$((i + 1))
	done
	t=$(sort -n times.txt | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	peak=$(awk -v k="$mem" 'BEGIN { printf "%.0f", k / 1024 }')
	[ "$peak" -gt "$maxmem" ] && maxmem=$peak
	if [ "$target" = - ]; then
		printf '%-40s %7.3f s              %5s MiB\n' "$label" "$t" "$peak"
	else
		ok=$(awk -v t="$t" -v g="$target" 'BEGIN { print (t <= g) ? "ok" : "OVER" }')
		# under load a wall time is no verdict (bench/README.md)
		loaded && ok=load
		printf '%-40s %7.3f s  (<= %5s s %-4s) %5s MiB\n' "$label" "$t" "$target" "$ok" "$peak"
	fi
}

# run_best LABEL TARGET REPS CMD...: the best wall time of REPS runs (not
# the median: start-up, the least the machine allows), timed by python
# around the process alone (a date(1) in the interval would cost as much
# as what is measured)
run_best() {
	label=$1 target=$2 reps=$3
	shift 3
	t=$(/usr/bin/python3 -c 'import subprocess, sys, time
best = None
for _ in range(int(sys.argv[1])):
    t0 = time.perf_counter()
    subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    t = time.perf_counter() - t0
    best = t if best is None or t < best else best
print("%.4f" % best)' "$reps" "$@")
	ok=$(awk -v t="$t" -v g="$target" 'BEGIN { print (t <= g) ? "ok" : "OVER" }')
	loaded && ok=load
	printf '%-40s %7.4f s  (<= %5s s %-4s)\n' "$label" "$t" "$target" "$ok"
}

# loaded: true when the 1-minute load average is above the core count
loaded() {
	awk -v a="$(cut -d' ' -f1 /proc/loadavg)" -v c="$(nproc)" 'BEGIN { exit !(a > c) }'
}

# memory LABEL MIB LIMIT: a peak beside its limit (MiB)
memory() {
	printf '%-40s %7s    (<= %5s MiB %-4s)\n' "$1" "$2 MiB" "$3" \
	    "$([ "$2" -le "$3" ] && echo ok || echo OVER)"
}

# timed WHO CMD...: one run; appends "seconds KiB" to WHO.txt (the peak
# memory is the largest of the command and its children)
timed() {
	who=$1
	shift
	start=$(now)
	/usr/bin/time -f "%M" -o mem.txt "$@" > /dev/null 2> err.txt ||
		{ cat err.txt >&2; exit 1; }
	end=$(now)
	echo "$start $end $(tail -n 1 mem.txt)" |
		awk '{ printf "%.3f %d\n", ($2 - $1) / 1e9, $3 }' >> "$who.txt"
}

# best WHO: the best wall time and the largest peak memory of WHO.txt
best() {
	sort -n "$1.txt" | awk '{ if (NR == 1) t = $1; if ($2 > k) k = $2 }
	    END { printf "%.3f %.0f\n", t, k / 1024 }'
}

# beside_pandas N M REPS: cityidx init+import+rank of one year against
# bench/analyst.py on the same CSV, interleaved
beside_pandas() {
	n=$1 m=$2
	fwgen > fw.csv
	gen 2020 2020 > one.csv
	cat > pipe.sh <<-EOF
	rm -f v.db v.db-wal v.db-shm
	"$bin" --db v.db init --framework fw.csv &&
	"$bin" --db v.db import one.csv &&
	"$bin" --db v.db rank --year 2020 --compare none --format csv -o cidx.csv
	EOF
	rm -f cidx.txt pandas.txt
	load0=$(cut -d' ' -f1 /proc/loadavg)
	i=0
	while [ $i -lt "$3" ]; do
		timed cidx sh pipe.sh
		timed pandas /usr/bin/python3 "$analyst" fw.csv one.csv 2020 pandas.csv
		i=$((i + 1))
	done
	load1=$(cut -d' ' -f1 /proc/loadavg)
	set -- $(best cidx) $(best pandas)
	# the ranks must be the same, the scores within 1e-9 (relative)
	agree=$(LC_ALL=C awk -F, 'NR == FNR { if (FNR > 1) { r[$2] = $1; s[$2] = $5 }; next }
	    FNR > 1 { d = s[$1] - $2; if (d < 0) d = -d; if (d > dmax) dmax = d
	              if (r[$1] != $3) bad++; k++ }
	    END { printf "%s (%d units, largest score difference %.2g)",
	          (bad || k == 0) ? "DIFFER" : "agree", k, dmax }' cidx.csv pandas.csv)
	printf '%-22s cityidx %7.3f s %5s MiB   pandas %7.3f s %5s MiB   ' \
	    "$n x $m" "$1" "$2" "$3" "$4"
	if awk -v a="$load0" -v b="$load1" -v c="$(nproc)" 'BEGIN { exit !(a > c || b > c) }'; then
		echo "ratio not reported: load average $load0 .. $load1 above $(nproc) cores"
	else
		awk -v a="$1" -v b="$3" 'BEGIN { printf "ratio %.2f\n", a / b }'
	fi
	echo "                       ranks $agree; load average $load0 .. $load1"
	case $agree in agree*) ;; *) echo "bench.sh: cityidx and pandas disagree" >&2; exit 1 ;; esac
}

echo "machine: $(nproc) cores, $(uname -m), $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?') sqlite3"
echo
echo "0. beside pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)'): init + import + rank of one year, best of interleaved runs"
n0=$n m0=$m
beside_pandas 3000 100 3
if [ -n "${BENCH_LARGE:-}" ]; then
	beside_pandas 30000 400 1
	# the issue's targets at this size: rank <= 1 s and <= 150 MiB; the
	# import's peak memory <= 2 x the doubles it stores (12 M values)
	maxmem=0
	run "rank of 30000 x 400, csv" 1 3 "$bin" --db v.db rank --year 2020 --compare none --format csv -o r.csv
	memory "  its peak memory" "$peak" 150
	rm -f v.db v.db-wal v.db-shm
	"$bin" --db v.db init --framework fw.csv > /dev/null
	run "import of 30000 x 400 (one year)" - 1 "$bin" --db v.db import one.csv
	memory "  its peak memory (2 x 12 M doubles)" "$peak" $((30000 * 400 * 16 / 1048576))
else
	echo "(30000 x 400: BENCH_LARGE=1 make bench, a few minutes)"
fi
n=$n0 m=$m0
[ -n "${BENCH_ONLY_PANDAS:-}" ] && exit 0
fwgen > fw.csv
gen 2011 2020 > panel.csv
values=$((n * m * 10))
echo
echo "1. panel: $n units x $m indicators x 10 years ($values values, $(wc -c < panel.csv) bytes of CSV)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores$(loaded && echo ': wall times indicative only, no verdict (load)')"
maxmem=0
run_best "start-up: --version (best of 20)" 0.006 20 "$bin" --version
"$bin" --db p.db init --framework fw.csv > /dev/null
# targets of issue 17 (bench/README.md)
run "import (10 years)" 1 1 "$bin" --db p.db import panel.csv
memory "  its peak memory (2 x the doubles)" "$peak" $((values * 16 / 1048576))
run "re-import (nothing changes)" 0.3 1 "$bin" --db p.db import panel.csv
# the same values in the long layout (a row per value), into a new workspace
LC_ALL=C awk -F, 'NR == 1 { for (i = 4; i <= NF; i++) h[i] = $i
	print "unit,indicator,year,value"; next }
	{ for (i = 4; i <= NF; i++) print $1 "," h[i] "," $3 "," $i }' panel.csv > long.csv
"$bin" --db l.db init --framework fw.csv > /dev/null
run "import, long layout (10 years)" - 1 "$bin" --db l.db import long.csv
memory "  its peak memory (2 x the doubles)" "$peak" $((values * 16 / 1048576))
rm -f long.csv l.db l.db-wal l.db-shm
run "years" 0.02 5 "$bin" --db p.db years
run "rank 2020 vs 2019 (movement), table" 0.06 5 "$bin" --db p.db rank --year 2020
run "rank 2020 vs 2019, csv" 0.06 5 "$bin" --db p.db rank --year 2020 --format csv
run "rank 2020 without movement, csv" - 5 "$bin" --db p.db rank --year 2020 --compare none --format csv
memory "peak memory of these commands" "$maxmem" 200
echo "workspace: $(wc -c < p.db) bytes"

echo
echo "2. method commands: $n units x $m indicators, 2 years"
gen 2016 2017 > data.csv
maxmem=0
"$bin" --db b.db init --framework fw.csv > /dev/null
"$bin" --db b.db import data.csv > /dev/null
run "rank 2017 vs 2016, table" - 3 "$bin" --db b.db rank --year 2017
run "rank 2017, json, jenks:5 over all" - 3 "$bin" --db b.db rank --year 2017 --format json --tiers jenks:5 --top 0
run "rank, impute+treat+zscore" - 3 "$bin" --db b.db rank --year 2017 --impute median --treat --normalize zscore --format csv
run "weights entropy, all levels" - 3 "$bin" --db b.db weights --year 2017 --method entropy
run "weights pca, all levels" - 3 "$bin" --db b.db weights --year 2017 --method pca
run "audit" - 3 "$bin" --db b.db audit --year 2017 --format csv
run "explain with a rank-change split" - 3 "$bin" --db b.db explain U00042 --year 2017 --compare 2016
