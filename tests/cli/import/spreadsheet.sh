# what analysts' files look like: indicator columns headed by the
# framework's Chinese or English names, a spreadsheet's leftover empty
# columns and blank rows, thousands separators, years with 年, and a text
# column that becomes an attribute (DATA FILES)
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
obs() {
	"$CITYIDX" --db w.db sql --format tsv "SELECT unit, indicator, value FROM observations WHERE year = 2019 ORDER BY unit, indicator" | tr '\n' ' '
	echo
}
# names in both languages; two blank rows and two empty columns skipped;
# 单位 is new text: an attribute, said once
printf 'code,year,高校毕业生,R&D staff,New firms,单位,,\n110100,2019,1,2,3,万人,,\n,,,,,,,\n310100,2019,4,5,6,万人,,\n,,,,,,,\n' > names.csv
"$CITYIDX" --db w.db import names.csv | sed 's/#[0-9]*/#N/'
obs
"$CITYIDX" --db w.db import names.csv | sed 's/#[0-9]*/#N/'
# a long file names its indicators the same way
printf 'unit,indicator,year,value\n110100,二氧化硫排放,2019,7\n\n110100,SO2 emissions,2018,8\n' > long.csv
"$CITYIDX" --db w.db import long.csv | sed 's/#[0-9]*/#N/'
obs
# a code and a name of one indicator twice; a value under an empty header
printf 'code,year,GRADS,高校毕业生\n110100,2019,1,1\n' > twice.csv
"$CITYIDX" --db w.db import twice.csv 2>&1; echo "exit $?"
printf 'code,year,GRADS,\n110100,2019,1,9\n' > stray.csv
"$CITYIDX" --db w.db import stray.csv 2>&1; echo "exit $?"
# misspelt names and codes: the closest is suggested
printf 'code,year,高校毕业牛\n110100,2019,1\n' > typo.csv
"$CITYIDX" --db w.db import typo.csv 2>&1; echo "exit $?"
printf 'unit,indicator,year,value\n110100,FIMRS,2019,1\n' > typo-long.csv
"$CITYIDX" --db w.db import typo-long.csv 2>&1; echo "exit $?"
# what Excel writes: the message names the fix
printf 'code,year,GRADS\n110100,2019,"25,669.13"\n' > thousands.csv
"$CITYIDX" --db w.db import thousands.csv 2>&1; echo "exit $?"
printf 'code,year,GRADS\n110100,2016年,1\n' > nian.csv
"$CITYIDX" --db w.db import nian.csv 2>&1; echo "exit $?"
