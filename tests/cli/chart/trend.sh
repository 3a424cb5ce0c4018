# the trend chart (issue 16 §2): the top 10 of a year over the earlier
# years comparable with it (those movement does not withhold), named at
# the right end with their last rank; the years left out are said; a
# year with no comparable earlier one is refused
. "$ROOT/tests/cli/lib.sh"
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null 2>&1
"$CITYIDX" --db cn.db chart trend --year 2012 -o cn.pdf 2>/dev/null
pdftotext -layout cn.pdf - > cn.txt
grep -oE '20(0[4-9]|1[0-2])' cn.txt | sort -u | tr '\n' ' '
echo
grep -oE '前10名的历年排名|往年排名按与2012年共有的指标计算|断开处为当年未上榜' cn.txt
grep -oE '(1 +上海市|5 +广州市|10 +武汉市)' cn.txt | tr -s ' '
# the same bytes again
"$CITYIDX" --db cn.db chart trend --year 2012 -o cn2.pdf 2>/dev/null
cmp cn.pdf cn2.pdf && echo same
"$CITYIDX" --db cn.db chart trend --year 2015 -o none.pdf; echo "status $?"
test -e none.pdf || echo "no file"
cx --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db chart trend --year 2017 --top 5 --lang en -o uk.pdf 2>/dev/null
pdftotext uk.pdf - | tr '\n' ' ' | grep -oE '2017.s top 5 over the years|2006–2013 left out: too few indicators shared with 2017|1 +Inner London - West'
