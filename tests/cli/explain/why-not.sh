# a unit not ranked is named as such, with the reason, in the year and in
# the compare year; a misspelt name gets the one one edit away (issue 15
# §3, §4)
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
cx --db cn.db explain 成都市 --year 2012 2>&1
cx --db cn.db explain 成都 --year 2015 2>&1
cx --db cn.db explain 杭洲市 --year 2012 2>&1
cx --db cn.db chart profile 杭洲市 --year 2012 -o p.png 2>&1
cx --db cn.db chart profile 成都市 --year 2012 -o p.png 2>&1
cx --db cn.db remove --unit 杭洲市 --dry-run 2>&1
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
cx --db uk.db explain UKM5 --year 2017 --compare 2015 2>&1
true
