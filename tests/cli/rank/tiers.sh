. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for t in counts:3,7,40 counts:1,2 breaks:60,40 quantile:4 kmeans:3 jenks:3 jenks:8; do
	echo "== $t"
	cx --db w.db rank --year 2017 --tiers $t --format csv | csvcols rank,code,score,tier
done
"$CITYIDX" --db w.db rank --year 2017 --tiers jenks:9; echo "exit $?"
