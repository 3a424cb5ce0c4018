# what a chart cannot show is refused with the reason, and nothing is
# written
mini_ws w.db
"$CITYIDX" --db w.db chart tiers --year 2017 -o x.gif
echo "exit $?"
"$CITYIDX" --db w.db chart tiers --year 2017
echo "exit $?"
"$CITYIDX" --db w.db chart bars -o x.pdf
echo "exit $?"
"$CITYIDX" --db w.db chart profile -o x.pdf
echo "exit $?"
"$CITYIDX" --db w.db chart profile 上海 -o x.pdf --year 2017 --lang fr
echo "exit $?"
"$CITYIDX" --db w.db chart profile 广州 -o x.pdf --year 2017
echo "exit $?"
"$CITYIDX" --db w.db chart pillars --aggregate geom --normalize minmax:1,100 -o x.pdf --year 2017
echo "exit $?"
"$CITYIDX" --db w.db chart movers --year 2016 -o x.pdf
echo "exit $?"
"$CITYIDX" --db w.db chart map --year 2017 -o x.pdf
echo "exit $?"
"$CITYIDX" --db w.db chart tiers --year 2017 -o /nonexistent/x.pdf
echo "exit $?"
"$CITYIDX" --db w.db chart tiers --year 2017 --font "No Such Font" -o x.pdf
echo "exit $?"
ls x.* 2>/dev/null || echo "nothing written"
