# lib.sh - helpers for the CLI test cases (run.sh loads it before each)

# cx ARGS...: cityidx, keeping its exit status visible through a pipe: a
# failure prints "[cityidx exit N]" before the output, so `cx ... | head`
# cannot hide it from the golden file.  Returns the status too.
cx() {
	cx_out=$(mktemp "${TMPDIR:-/tmp}/cx.XXXXXX")
	"$CITYIDX" "$@" >"$cx_out"
	cx_rc=$?
	[ $cx_rc -eq 0 ] || echo "[cityidx exit $cx_rc]"
	cat "$cx_out"
	rm -f "$cx_out"
	return $cx_rc
}
# mini_ws DB: a workspace with the mini framework and both years
mini_ws() {
	"$CITYIDX" --db "$1" init --framework "$DATA/mini/framework.csv" >/dev/null &&
	"$CITYIDX" --db "$1" import "$DATA/mini/cities-2016.csv" \
	    "$DATA/mini/cities-2017.csv" >/dev/null
}
# dump DB: the whole workspace as SQL text, without the import times
dump() {
	sqlite3 "$1" .dump | sed 's/[0-9-]*T[0-9:]*Z/TIME/'
}
# csvcols NAME,NAME...: the named columns of a CSV on stdin (no quoted
# commas in the fields kept), in the order given
csvcols() {
	awk -F, -v want="$1" 'BEGIN { n = split(want, w, ",") }
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
		for (k = 1; k <= n; k++) if (!(w[k] in col)) {
			print "csvcols: no column " w[k] > "/dev/stderr"; exit 1 } }
	{ line = ""
	  for (k = 1; k <= n; k++) line = line (k > 1 ? "," : "") $(col[w[k]])
	  print line }'
}
# need_unpriv: defines unpriv CMD..., which runs CMD without the power to
# ignore file modes: as root, setpriv (util-linux) drops CAP_DAC_OVERRIDE;
# the case is skipped (exit 77) where it cannot
need_unpriv() {
	if [ "$(id -u)" = 0 ]; then
		unpriv() {
			setpriv --bounding-set=-dac_override,-dac_read_search -- "$@"
		}
		unpriv true ||
		    { echo "as root, setpriv cannot drop CAP_DAC_OVERRIDE" >&2; exit 77; }
	else
		unpriv() { "$@"; }
	fi
}
