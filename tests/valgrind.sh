#!/bin/sh
# valgrind.sh BINARY - the demo's commands (reports/demo.sh: init, import,
# rank, report, chart, map) and the other commands on its workspaces run
# under valgrind's memcheck: any memory error, and any leak that is not one
# of the two inside the libraries named in tests/valgrind.supp, fails.
# So does a command that ends with another exit status than the one its
# line expects (0 unless given with -e): a crash (status 128 + signal,
# such as 134 for SIGABRT or 139 for SIGSEGV, which valgrind passes on)
# is never a pass.  $VALGRIND names the valgrind to run (default
# valgrind; tests/cli/main/valgrind-status.sh gives a stand-in).
# Ends with "N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
valgrind=${VALGRIND:-valgrind}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-valgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cd "$tmp"
pass=0 fail=0

# vg [-e STATUS] LABEL ARGS...: the binary with ARGS under memcheck; it
# must end with STATUS (default 0), one of the command's own (0, 1, 2)
vg() {
	want=0
	if [ "$1" = "-e" ]; then
		want=$2
		shift 2
	fi
	label=$1
	shift
	"$valgrind" --quiet --child-silent-after-fork=yes --num-callers=50 --error-exitcode=99 \
	    --leak-check=full --errors-for-leak-kinds=definite \
	    --suppressions="$root/tests/valgrind.supp" "$bin" "$@" \
	    > out.txt 2> err.txt
	got=$?
	if [ "$got" -eq "$want" ]; then
		echo "ok   $label"
		pass=$((pass + 1))
		return
	fi
	if [ "$got" -eq 99 ]; then
		echo "FAIL $label: memcheck found errors"
	elif [ "$got" -gt 128 ]; then
		echo "FAIL $label: killed by signal $((got - 128))" \
		    "(exit status $got)"
	else
		echo "FAIL $label: exit status $got, expected $want"
	fi
	cat err.txt
	fail=$((fail + 1))
}

vg "init uk" --db uk.db init --framework "$root/indicators/uk-innovation.csv"
vg "import uk" --db uk.db import "$root/data/uk/regions.csv" "$root/data/uk/uk-nuts2.csv"
vg "rank uk 2017" --db uk.db rank --year 2017
vg "rank uk json" --db uk.db rank --year 2017 --compare 2015 --format json
vg "rank uk xlsx" --db uk.db rank --year 2017 --format xlsx -o uk.xlsx
vg "report uk 2017" --db uk.db report --year 2017 --lang en -o uk.pdf
vg "explain" --db uk.db explain UKM7 --year 2017 --compare 2016
vg "weights entropy" --db uk.db weights --year 2017 --method entropy
vg "audit" --db uk.db audit --year 2017
vg "sensitivity" --db uk.db sensitivity --year 2017 --draws 200 --weights-noise 0.25 --threads 2
vg "init cn" --db cn.db init --framework "$root/indicators/cn-cities.csv"
vg "import cn" --db cn.db import "$root/data/cn/cities.csv" "$root/data/cn/cn-cities.csv" "$root/data/cn/boundaries.csv" "$root/data/cn/layers.csv"
vg "rank cn 2015" --db cn.db rank --year 2015 --compare none --limit 20
vg "chart tiers cn" --db cn.db chart tiers --year 2012 -o tiers.png
vg "chart map cn" --db cn.db chart map --year 2012 -o map.svg
# error paths: the status the command gives for them, and no leak
vg -e 1 "rank a year without data" --db uk.db rank --year 1999
vg -e 2 "chart option refused" --db cn.db chart tiers --draws 5 -o x.pdf
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
