# --weights FILE and --set CODE=W override weights at any level
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
printf 'code,weight,comment\nTALENT,3,talent counts triple\nRD,0.5,\n' > w.csv
cx --db w.db rank --year 2017 --weights w.csv --format csv | head -n 4
cx --db w.db rank --year 2017 --weights w.csv --set TALENT=1 --set MARKET=0 --format csv | head -n 4
printf 'iCode,Weight\nNOPE,1\n' > bad1.csv
printf 'code,weight\nRD,-1\n' > bad2.csv
printf 'code,w\nRD,1\n' > bad3.csv
printf 'code,weight\nPOP,1\n' > bad4.csv
# two code columns: which one is meant cannot be told
printf 'code,weight,code\nRD,2,TALENT\n' > bad5.csv
for f in bad1 bad2 bad3 bad4 bad5 missing; do
	"$CITYIDX" --db w.db rank --weights $f.csv; echo "$f: exit $?"
done
"$CITYIDX" --db w.db rank --set RD; echo "exit $?"
"$CITYIDX" --db w.db rank --set XX=1; echo "exit $?"
"$CITYIDX" --db w.db rank --set RD=-2; echo "exit $?"
