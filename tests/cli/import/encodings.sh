# UTF-8 with BOM and CRLF; GB18030 (what Chinese Excel writes), detected
# and converted; an explicit --encoding; the names come back in UTF-8
. "$ROOT/tests/cli/lib.sh"
"$CITYIDX" --db w.db init --framework "$DATA/mini/framework.csv" >/dev/null
printf '\357\273\277code,name,year,GRADS\r\n110100,\345\214\227\344\272\254\345\270\202,2017,1\r\n' > bom.csv
"$CITYIDX" --db w.db import bom.csv
# 上海市 in GB18030: c9 cf ba a3 ca d0
printf 'code,name,year,GRADS\n310100,\311\317\272\243\312\320,2017,2\n' > gbk.csv
"$CITYIDX" --db w.db import gbk.csv
# 深圳市 in GB18030: c9 ee db da ca d0
printf 'code,name,year,GRADS\n440300,\311\356\333\332\312\320,2017,3\n' > gbk2.csv
"$CITYIDX" --db w.db import --encoding GB18030 gbk2.csv
"$CITYIDX" --db w.db import --encoding KOI9-XX gbk2.csv; echo "exit $?"
sqlite3 w.db "SELECT code, name FROM units ORDER BY code"
