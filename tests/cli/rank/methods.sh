# every normalisation, per-level aggregation, panel scaling, TOPSIS,
# carry-forward imputation; the method is named in the output
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for n in minmax minmax:1,100 zscore zscore:100,10 rank percentile distmax goalposts:0,100; do
	echo "== $n"
	cx --db w.db rank --year 2017 --normalize $n --format csv | csvcols rank,code,score | head -n 4
done
echo "== ratio (SO2 has direction -1)"
"$CITYIDX" --db w.db rank --year 2017 --normalize ratio; echo "exit $?"
echo "== per level"
cx --db w.db rank --year 2017 --normalize minmax:1,100 --aggregate 2=geom,3=harm --format csv | csvcols rank,code,score | head -n 3
echo "== panel"
cx --db w.db rank --year 2017 --scale panel --format csv | csvcols rank,code,score | head -n 3
echo "== topsis"
cx --db w.db rank --year 2017 --method topsis --impute carry-forward --format csv | csvcols rank,code,score,TALENT,MARKET | head -n 4
cx --db w.db rank --year 2017 --method topsis --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["method"]["steps"], d["unranked"])'
echo "== carry-forward"
cx --db w.db rank --year 2017 --impute carry-forward --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["preparation"]["imputed"], d["method"]["impute"])'
echo "== topsis leaves out an indicator without data"
cx --db w.db rank --year 2017 --method topsis --format csv 2>/dev/null | head -n 2 | csvcols rank,code
