# the marks yearbooks use for "not available" are missing values (as an
# empty field, they keep a stored value, and with --clear-missing remove
# it); other text is an error naming file:line:column
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
{
	echo "code,year,GRADS,RD,FIRMS,SO2"
	echo "110100,2017,-,—,…,N/A"
	echo "310100,2017,－,..., NA ,n/a"
	echo "330100,2017,——,⋯,--,"
} > marks.csv
"$CITYIDX" --db w.db import marks.csv
"$CITYIDX" --db w.db import --clear-missing marks.csv
"$CITYIDX" --db w.db sql --format tsv "SELECT count(*) FROM observations WHERE year = 2017 AND unit IN ('110100', '310100', '330100') AND indicator <> 'POP'"
before=$(dump w.db)
printf 'code,year,GRADS\n110100,2017,n.a.\n' > na.csv
"$CITYIDX" --db w.db import na.csv; echo "exit $?"
printf 'code,year,GRADS\n110100,2017,#N/A\n' > excel.csv
"$CITYIDX" --db w.db import excel.csv; echo "exit $?"
printf 'code,year,GRADS\n110100,2017,.\n' > dot.csv
"$CITYIDX" --db w.db import dot.csv; echo "exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
