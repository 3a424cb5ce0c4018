# AHP: pairwise judgements per group, consistency ratio, warning at CR >= 0.1
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
printf 'parent,a,b,value\nINDEX,TALENT,MARKET,3\nTALENT,GRADS,RD,1/2\nMARKET,FIRMS,SO2,4\n' > ok.csv
"$CITYIDX" --db w.db weights --method ahp:ok.csv
"$CITYIDX" --db w.db weights --method ahp:ok.csv -o w.csv >/dev/null
cat w.csv
printf 'parent,a,b,value\nINDEX,TALENT,MARKET,3\nTALENT,GRADS,XX,2\n' > bad.csv
"$CITYIDX" --db w.db weights --method ahp:bad.csv; echo "exit $?"
"$CITYIDX" --db w.db weights --method magic; echo "exit $?"
"$CITYIDX" --db w.db weights; echo "exit $?"
