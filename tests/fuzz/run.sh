#!/bin/sh
# run.sh BUILD SECONDS NAME... - run each harness BUILD/fuzz-NAME for
# SECONDS on its seed corpus tests/fuzz/corpus/NAME.  New inputs go to
# BUILD/corpus/NAME, crashes to BUILD/artifacts/NAME/, the log to
# BUILD/fuzz-NAME.log.  Ends with "N passed, N failed"; fails if any
# harness found something.
set -u
build=$1
secs=$2
shift 2
pass=0
fail=0
for n in "$@"; do
	mkdir -p "$build/corpus/$n" "$build/artifacts/$n"
	log=$build/fuzz-$n.log
	if "$build/fuzz-$n" -max_total_time="$secs" -timeout=10 \
	    -print_final_stats=1 -artifact_prefix="$build/artifacts/$n/" \
	    "$build/corpus/$n" "tests/fuzz/corpus/$n" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "ok   $n ($runs runs in ${secs}s)"
		pass=$((pass + 1))
	else
		echo "FAIL $n: see $log and $build/artifacts/$n/"
		grep -m1 -E 'ERROR:|runtime error|property violated' "$log"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
