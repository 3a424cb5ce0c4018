. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
# default year: the latest; default compare: the latest earlier one
cx --db w.db rank --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], d["compare_year"])'
cx --db w.db rank --compare none --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], d["compare_year"])'
cx --db w.db rank --year 2016 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], d["compare_year"])'
"$CITYIDX" --db w.db rank --year 2019; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --compare 2017; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --compare 2015; echo "exit $?"
"$CITYIDX" --db empty.db init --framework "$DATA/mini/framework.csv" >/dev/null
"$CITYIDX" --db empty.db rank; echo "exit $?"
