# codes and names that would not print as what they are, and text that is
# not UTF-8, are refused on input with their place (issue "Hardening", 5);
# a message never sends a file's control characters to the terminal
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
before=$(dump w.db)
h=code,name,year,GRADS
printf '%s\nA\033[31mB,x,2017,1\n' "$h" > esc.csv
printf '%s\n" ",x,2017,1\n' "$h" > space.csv
printf '%s\n" A",x,2017,1\n' "$h" > lead.csv
printf '%s\nA\342\200\213B,x,2017,1\n' "$h" > zwsp.csv
printf '%s\nA\342\200\256B,x,2017,1\n' "$h" > bidi.csv
printf '%s\n110100,"\033]0;title\007",2017,1\n' "$h" > name.csv
printf 'code,province\n110100,"a\nb"\n' > attr.csv
printf 'code,"pro\tvince"\n110100,x\n' > column.csv
printf 'unit,indicator,year,value\n110100,GRA\033[2JDS,2017,1\n' > ind.csv
printf 'unit,indicator,year,value\n110100,GRADS,2017,1\033[2J\n' > value.csv
printf '%s\n\355\240\200,x,2017,1\n' "$h" > surrogate.csv
printf '%s\n\364\220\200\200,x,2017,1\n' "$h" > above.csv
printf '%s\n\300\257,x,2017,1\n' "$h" > overlong.csv
for f in esc space lead zwsp bidi name attr column ind value; do
	"$CITYIDX" --db w.db import $f.csv; echo "$f: exit $?"
done
for f in surrogate above overlong; do
	"$CITYIDX" --db w.db import --encoding UTF-8 $f.csv; echo "$f: exit $?"
done
"$CITYIDX" --db w.db import surrogate.csv; echo "surrogate, detected: exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
# the framework: codes, parents and names alike
hf=code,parent,type,name_en
printf '%s\nI,,aggregate,\nA\033[1m,I,indicator,\n' "$hf" > fw-esc.csv
printf '%s\nI,,aggregate,\nA,I,indicator,"x\033[1m"\n' "$hf" > fw-name.csv
printf '%s\nI,,aggregate,\n"A\302\240",I,indicator,\n' "$hf" > fw-nbsp.csv
for f in fw-esc fw-name fw-nbsp; do
	"$CITYIDX" --db $f.db init --framework $f.csv; echo "$f: exit $?"
	if test -e $f.db; then echo "$f.db left behind"; fi
done
