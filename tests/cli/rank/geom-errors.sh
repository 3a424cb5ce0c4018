# a geometric mean of a zero: an error naming the unit and the indicator
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db rank --aggregate geom; echo "exit $?"
cx --db w.db rank --aggregate geom --normalize minmax:1,100 --format csv | head -n 2
