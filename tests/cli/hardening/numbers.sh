# 1e-400 and 1e400 alike: out of range, with the place (issue
# "Hardening", 6); the smallest normal and the largest number are fine
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
for v in 1e-400 1e400 -1e-320 4.9e-324 0.0000000000000000000000000000001e-300; do
	printf 'unit,indicator,year,value\n110100,GRADS,2017,%s\n' "$v" > n.csv
	"$CITYIDX" --db w.db import n.csv; echo "$v: exit $?"
done
printf 'unit,indicator,year,value\n110100,GRADS,2015,2.2250738585072014e-308\n110100,RD,2015,1.7976931348623157e308\n310100,GRADS,2015,0e-999\n' > ok.csv
"$CITYIDX" --db w.db import ok.csv | sed 's/#[0-9]*/#N/'
"$CITYIDX" --db w.db sql --format tsv "SELECT unit, indicator, value FROM observations WHERE year = 2015 ORDER BY 1, 2"
# in a framework too
printf 'code,parent,weight\nI,,\nA,I,1e-999\n' > fw.csv
"$CITYIDX" --db f.db init --framework fw.csv; echo "exit $?"
