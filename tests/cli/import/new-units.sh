# units an import creates in a workspace that has units are named, and a
# code one edit from a known one gets "did you mean"; a unit named
# differently from the code it resembles is another unit
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
printf 'unit,indicator,year,value\n11O100,GRADS,2018,5\n110100,GRADS,2018,6\n' > typo.csv
"$CITYIDX" --db w.db import typo.csv
# a swap, a deletion and a code like no other; and the same name as the
# unit it resembles (a typo) beside another name (another city)
printf 'code,name,year,GRADS\n101100,,2018,1\n11010,,2018,2\nXYZ,,2018,3\n3301000,杭州市,2018,4\n330200,宁波市,2018,5\n' > more.csv
"$CITYIDX" --db w.db import more.csv
# many: at most ten are named, those resembling a known code first
awk 'BEGIN { print "code,year,GRADS"; for (i = 1; i <= 12; i++) printf "N%02d,2018,%d\n", i, i; print "51O100,2018,1" }' > many.csv
"$CITYIDX" --db w.db import many.csv
# a first import into an empty workspace names none
"$CITYIDX" --db e.db init --framework "$DATA/mini/framework.csv" >/dev/null
"$CITYIDX" --db e.db import "$DATA/mini/cities-2016.csv" | sed 's|.*/||'
