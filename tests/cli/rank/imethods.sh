# --method mpi, ampi, gra, bod, wroclaw on the mini workspace: the method
# line says what each does with missing values, the JSON records the
# method and reads back through --method-file to the same ranking, and
# bad input gets clear errors
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for m in mpi ampi:pos gra:0.4 bod bod:0.1,0.9 wroclaw; do
	echo "== $m"
	cx --db w.db rank --year 2017 --method $m --impute carry-forward \
	    --normalize minmax:1,100 --tiers quantile:2 --limit 3 | sed -n '2p;4,7p'
	cx --db w.db rank --year 2017 --method $m --impute carry-forward \
	    --normalize minmax:1,100 --tiers quantile:2 --format json > run.json
	python3 -c 'import json,sys; d=json.load(open("run.json")); print(d["method"]["method"], d["method"]["steps"])'
	cx --db w.db rank --year 2017 --method $m --impute carry-forward \
	    --normalize minmax:1,100 --tiers quantile:2 --format csv > a.csv
	cx --db w.db rank --year 2017 --method-file run.json --tiers quantile:2 \
	    --format csv > b.csv
	cmp a.csv b.csv && echo "method file: same ranking"
done
echo "== without imputation: complete-only methods say why a unit is not ranked"
"$CITYIDX" --db w.db rank --year 2017 --method wroclaw --format csv 2>&1 >/dev/null |
    grep "not ranked"
"$CITYIDX" --db w.db rank --year 2017 --method bod | grep "not ranked"
echo "== errors"
"$CITYIDX" --db w.db rank --year 2017 --method bod --normalize zscore 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --method bod:0.6,0.7 --impute carry-forward 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --method bod:0.7,0.6 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --method gra:0 2>&1; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017 --method mpi:both 2>&1; echo "exit $?"
printf 'code,name,year,GRADS,RD,FIRMS,SO2\nA,a,2017,5,1,1,1\nB,b,2017,5,2,3,2\nC,c,2017,5,3,2,3\n' > const.csv
"$CITYIDX" --db c.db init --framework "$DATA/mini/framework.csv" >/dev/null
"$CITYIDX" --db c.db import const.csv >/dev/null
"$CITYIDX" --db c.db rank --year 2017 --method gra 2>&1; echo "exit $?"
cx --db c.db rank --year 2017 --method gra --set GRADS=0 --tiers quantile:2 --format csv | csvcols code,score,TALENT
