# the same inputs give byte-identical output, whatever the locale
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for f in table csv json; do
	"$CITYIDX" --db w.db rank --format $f > a.$f
	LC_ALL=C.UTF-8 "$CITYIDX" --db w.db rank --format $f > b.$f
	cmp a.$f b.$f && echo "$f identical"
done
# a fresh workspace from the same files gives the same numbers
mini_ws w2.db
cx --db w2.db rank --format csv | cmp - a.csv && echo "rebuilt workspace identical"
