# malformed files: the message names file:line:column, the exit status is 1
# and the workspace is unchanged
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
before=$(dump w.db)
h=code,name,year,GRADS,RD
printf '%s\n110100,A,2017,1,2\n310100,B,2017,1.5x,2\n' "$h" > bad-number.csv
printf '%s\n110100,A,2017,1,2\n310100,B,2017,"1,5",2\n' "$h" > comma-number.csv
printf 'unit,indicator,year,value\n110100,GRADS,2017,1\n110100,PATENTS,2017,1\n' > unknown-indicator.csv
printf '%s,PATENTS\n110100,A,2017,1,2,3\n' "$h" > unknown-column.csv
printf '%s\n110100,A,2017,1,2\n310100,B,2017,1,2\n110100,C,2017,3,4\n' "$h" > duplicate-unit.csv
printf 'unit,indicator,year,value\n110100,GRADS,2017,1\n110100,GRADS,2017,2\n' > duplicate-value.csv
printf '%s\n110100,A,2017,1,2\n310100,B,2017,1\n' "$h" > ragged-short.csv
printf '%s\n110100,A,2017,1,2,9\n' "$h" > ragged-long.csv
printf '%s\n110100,A,2017,1,2\n310100,"B,2017,1,2\n' "$h" > unterminated-quote.csv
printf '%s\n110100,"A"x,2017,1,2\n' "$h" > after-quote.csv
printf '%s\n110100,A,20.17,1,2\n' "$h" > bad-year.csv
printf 'code,name,GRADS\n110100,A,1\n' > no-year.csv
printf '%s\n,A,2017,1,2\n' "$h" > empty-code.csv
printf 'code,name,year,TALENT\n110100,A,2017,1\n' > aggregate.csv
printf 'name,year,GRADS\nA,2017,1\n' > no-unit.csv
printf '%s\n\303\244\303\266,\344\270\255\346\226\207,2017,x,2\n' "$h" > cjk-column.csv
: > empty.csv
for f in bad-number comma-number unknown-indicator unknown-column duplicate-unit \
    duplicate-value ragged-short ragged-long unterminated-quote after-quote \
    bad-year no-year empty-code aggregate no-unit cjk-column empty missing; do
	"$CITYIDX" --db w.db import $f.csv; echo "$f: exit $?"
done
# several files: a bad one stops all of them
"$CITYIDX" --db w.db import "$DATA/mini/long-2017.csv" bad-number.csv; echo "two files: exit $?"
cp "$DATA/mini/cities-2017.csv" c17.csv
"$CITYIDX" --db w.db import --year 2017 c17.csv; echo "--year with a year column: exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
