# lib.sh - helpers sourced by the CLI test cases
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
