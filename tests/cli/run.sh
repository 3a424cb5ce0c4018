#!/bin/sh
# run.sh - CLI golden tests, after zstd's tests/cli-tests.
#
#   sh tests/cli/run.sh [--update] BINARY [PATTERN]
#
# Each case is tests/cli/<group>/<case>.sh, run by sh in a fresh empty
# directory, with the helpers of lib.sh, LC_ALL=C, TZ=UTC and these
# variables:
#   CITYIDX  the binary (absolute path)     ROOT  the repository
#   DATA     tests/data                      REF   tests/ref (python reference)
# Expectations beside it (all optional):
#   <case>.sh.stdout.exact / .stderr.exact   output must match exactly
#   <case>.sh.exit                           exit status (default 0)
# A case may also fail on its own (exit status different from .exit).
# A failing case prints, on standard output and in this order, its name
# with the reason, then for each stream with an expectation the
# difference (diff -u, expected then actual), and the end of the streams
# that have none; the summary names the failed cases again.
# --update rewrites the .exact files that exist from the current output.
# $CITYIDX_CLI_CASES names another directory of <group>/<case>.sh (run.sh
# tests itself that way).  Ends with "N passed, N failed".
set -u
update=0
if [ "${1:-}" = "--update" ]; then
	update=1
	shift
fi
[ $# -ge 1 ] || { echo "usage: run.sh [--update] BINARY [PATTERN]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
here=$(cd "${CITYIDX_CLI_CASES:-$ROOT/tests/cli}" && pwd)
case $1 in
/*) CITYIDX=$1 ;;
*) CITYIDX=$(pwd)/$1 ;;
esac
pattern=${2:-}
DATA=$ROOT/tests/data
REF=$ROOT/tests/ref
export CITYIDX ROOT DATA REF
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-cli.XXXXXX")
# a case runs in the background so that an interrupt stops it at once
case_pid=
trap 'rm -rf "$tmp"' EXIT
trap '[ -z "$case_pid" ] || kill "$case_pid" 2>/dev/null; exit 130' INT TERM
passed=0
failed=0
failed_names=
for t in "$here"/*/*.sh; do
	name=${t#"$here"/}
	case $name in *"$pattern"*) ;; *) continue ;; esac
	dir=$tmp/$(echo "$name" | tr '/' '_')
	mkdir -p "$dir"
	want_exit=0
	[ -f "$t.exit" ] && want_exit=$(cat "$t.exit")
	(cd "$dir" && exec env LC_ALL=C TZ=UTC CITYIDX_DB= HOME="$dir" \
	    timeout 300 sh -c '. "$ROOT/tests/cli/lib.sh" && . "$1"' sh "$t" \
	    >"$dir/.stdout" 2>"$dir/.stderr" </dev/null) &
	case_pid=$!
	wait "$case_pid"
	got_exit=$?
	case_pid=
	ok=1
	why=
	if [ "$got_exit" != "$want_exit" ]; then
		ok=0
		why="exit status $got_exit, expected $want_exit"
		[ "$got_exit" = 124 ] && why="$why (timed out after 300 s)"
		[ "$got_exit" -gt 128 ] &&
		    why="$why (killed by signal $((got_exit - 128)))"
	fi
	for s in stdout stderr; do
		[ -f "$t.$s.exact" ] || continue
		if [ $update = 1 ]; then
			cp "$dir/.$s" "$t.$s.exact"
		elif ! cmp -s "$dir/.$s" "$t.$s.exact"; then
			ok=0
			why="$why${why:+; }$s differs"
		fi
	done
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
		echo "ok   $name"
		continue
	fi
	failed=$((failed + 1))
	failed_names="$failed_names $name"
	echo "FAIL $name: $why"
	for s in stdout stderr; do
		if [ -f "$t.$s.exact" ]; then
			cmp -s "$dir/.$s" "$t.$s.exact" && continue
			echo "---- $name: $s, expected (-) and actual (+):"
			diff -u "$t.$s.exact" "$dir/.$s" | tail -n +3 |
			    head -n 40
		elif [ -s "$dir/.$s" ]; then
			echo "---- $name: the last lines of $s:"
			tail -n 20 "$dir/.$s"
		fi
	done
	echo "---- end of $name"
done
echo "$passed passed, $failed failed"
[ $failed = 0 ] || echo "failed:$failed_names"
[ $failed = 0 ]
