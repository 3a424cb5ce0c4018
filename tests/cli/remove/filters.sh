# a unit alone goes whole (values of every year, names, attributes); a
# unit and a year only its values of that year; a year alone every value
# of that year; the counts name year and indicator
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db remove --unit 130200 --year 2017
"$CITYIDX" --db w.db sql --format tsv "SELECT count(*) FROM observations WHERE unit = '130200'"
"$CITYIDX" --db w.db remove --unit 130200
sqlite3 w.db "SELECT count(*) FROM units WHERE code = '130200'; SELECT count(*) FROM unit_attrs WHERE unit = '130200'"
"$CITYIDX" --db w.db remove --year 2016
"$CITYIDX" --db w.db years
"$CITYIDX" --db w.db rank --year 2017 --compare none --format csv | cut -d, -f1-2
sqlite3 w.db 'PRAGMA integrity_check; PRAGMA foreign_key_check'
# a units file created units without values: removing the import removes
# them (those that got values since stay)
printf 'code,name\nX1,one\nX2,two\n' > units.csv
"$CITYIDX" --db w.db import units.csv | sed 's/#[0-9]*/#N/'
printf 'unit,indicator,year,value\nX2,GRADS,2017,1\n' > x2.csv
"$CITYIDX" --db w.db import x2.csv >/dev/null
id=$(sqlite3 w.db "SELECT id FROM imports WHERE file = 'units.csv'")
"$CITYIDX" --db w.db remove --import "$id" | sed 's/#[0-9]*/#N/'
sqlite3 w.db "SELECT code FROM units WHERE code LIKE 'X%'"
# --unit takes a name as well as a code, as explain does; a name that
# matches no unit is left to the store's message
cx --db w.db remove --unit 北京 --year 2017 --dry-run | head -n 1
cx --db w.db remove --unit shanghai --year 2017 --dry-run | head -n 1
cx --db w.db remove --unit 不存在市 --dry-run
echo "remove by name: done"
# many units go: ten codes are named and the others counted, as import
# names new units
awk 'BEGIN { print "code,name"; for (i = 1; i <= 15; i++) printf "M%02d,m%d\n", i, i }' > many.csv
"$CITYIDX" --db w.db import many.csv >/dev/null
id=$(sqlite3 w.db "SELECT id FROM imports WHERE file = 'many.csv'")
"$CITYIDX" --db w.db remove --import "$id" --dry-run
"$CITYIDX" --db w.db remove --import "$id" | sed 's/#[0-9]*/#N/'
