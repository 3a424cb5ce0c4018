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
# --update rewrites the .exact files that exist from the current output.
# Ends with "N passed, N failed".
set -u
update=0
if [ "${1:-}" = "--update" ]; then
	update=1
	shift
fi
[ $# -ge 1 ] || { echo "usage: run.sh [--update] BINARY [PATTERN]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$here/../.." && pwd)
case $1 in
/*) CITYIDX=$1 ;;
*) CITYIDX=$(pwd)/$1 ;;
esac
pattern=${2:-}
DATA=$ROOT/tests/data
REF=$ROOT/tests/ref
export CITYIDX ROOT DATA REF
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0
for t in "$here"/*/*.sh; do
	name=${t#"$here"/}
	case $name in *"$pattern"*) ;; *) continue ;; esac
	dir=$tmp/$(echo "$name" | tr '/' '_')
	mkdir -p "$dir"
	want_exit=0
	[ -f "$t.exit" ] && want_exit=$(cat "$t.exit")
	(cd "$dir" && env LC_ALL=C TZ=UTC CITYIDX_DB= HOME="$dir" \
	    timeout 300 sh -c '. "$ROOT/tests/cli/lib.sh" && . "$1"' sh "$t" \
	    >"$dir/.stdout" 2>"$dir/.stderr" </dev/null)
	got_exit=$?
	ok=1
	why=
	if [ "$got_exit" != "$want_exit" ]; then
		ok=0
		why="exit status $got_exit, expected $want_exit"
	fi
	for s in stdout stderr; do
		[ -f "$t.$s.exact" ] || continue
		if [ $update = 1 ]; then
			cp "$dir/.$s" "$t.$s.exact"
		elif ! cmp -s "$dir/.$s" "$t.$s.exact"; then
			ok=0
			why="$why${why:+; }$s differs"
			diff -u "$t.$s.exact" "$dir/.$s" | head -n 30 >&2
		fi
	done
	if [ $ok = 1 ]; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name: $why"
		echo "---- stderr of $name:" >&2
		head -n 20 "$dir/.stderr" >&2
	fi
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
