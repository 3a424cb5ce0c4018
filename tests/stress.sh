#!/bin/sh
# stress.sh BINARY [ROUNDS] - the CLI suite under load, to find what
# depends on timing: each round runs two suites at once, and every other
# round also keeps both cores busy with stress-ng.  Fails when any suite
# of any round fails, and names the cases (the suite's own output of a
# failed round is kept in the log directory it prints).  Run by 'make
# check-stress' (about 3 minutes a round on two cores).  Ends with
# "N passed, N failed" (rounds).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
rounds=${2:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-stress.XXXXXX")
pass=0 fail=0
a= b= sp=
trap 'for p in $a $b $sp; do kill "$p" 2>/dev/null; done; exit 130' INT TERM
i=1
while [ "$i" -le "$rounds" ]; do
	sp=
	if [ $((i % 2)) = 0 ]; then
		stress-ng --cpu 2 --timeout 1200 --quiet &
		sp=$!
	fi
	sh "$root/tests/cli/run.sh" "$bin" > "$logs/$i.a" 2>&1 &
	a=$!
	sh "$root/tests/cli/run.sh" "$bin" > "$logs/$i.b" 2>&1 &
	b=$!
	wait "$a"
	ra=$?
	wait "$b"
	rb=$?
	a= b=
	if [ -n "$sp" ]; then
		kill "$sp" 2>/dev/null
		wait "$sp" 2>/dev/null
	fi
	load=$([ -n "$sp" ] && echo "two suites and stress-ng" || echo "two suites")
	sp=
	if [ "$ra" = 0 ] && [ "$rb" = 0 ]; then
		echo "ok   round $i ($load)"
		pass=$((pass + 1))
		rm -f "$logs/$i.a" "$logs/$i.b"
	else
		echo "FAIL round $i ($load): $logs/$i.a $logs/$i.b"
		grep -h '^FAIL' "$logs/$i.a" "$logs/$i.b"
		fail=$((fail + 1))
	fi
	i=$((i + 1))
done
[ "$fail" = 0 ] && rmdir "$logs"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
