# a version-1 workspace (written by cityidx 0.1.0) opens, is migrated to
# this version (through 2 to 6), and keeps every value, name, attribute
# and import id
. "$ROOT/tests/cli/lib.sh"
sqlite3 v1.db < "$DATA/v1/mini-v1.sql"
sqlite3 old.db < "$DATA/v1/mini-v1.sql"
"$CITYIDX" --db v1.db years
sqlite3 v1.db 'PRAGMA user_version'
# the same workspace built by this cityidx from the same files
cp "$DATA"/mini/*.csv .
sed 's/^440300,RD,2017,96$/440300,RD,2017,97/' long-2017.csv > long.csv
sed 's/^110100,\(.*\),2017,92,/110100,\1,2017,,/' cities-2017.csv > fix.csv
"$CITYIDX" --db new.db init --framework framework.csv >/dev/null
for f in cities-2016.csv cities-2017.csv long.csv fix.csv; do
	"$CITYIDX" --db new.db import --clear-missing $f >/dev/null
done
for y in 2016 2017; do
	"$CITYIDX" --db v1.db rank --year $y --format json | grep -v '"workspace"' > v1-$y.json
	"$CITYIDX" --db new.db rank --year $y --format json | grep -v '"workspace"' > new-$y.json
	cmp v1-$y.json new-$y.json && echo "$y: the same ranking, import ids included"
done
# the values as version 1 held them, and as cityidx sql shows them now
q="SELECT unit, indicator, year, printf('%!.17g', value), import_id FROM observations ORDER BY 1, 2, 3"
sqlite3 -csv old.db "$q" > old.txt
"$CITYIDX" --db v1.db sql "$q" | tail -n +2 > view.txt
cmp old.txt view.txt && echo "observations: $(wc -l < view.txt) values, all kept"
q='SELECT u.code, u.name, u.name_en, a.key, a.value FROM units u LEFT JOIN unit_attrs a ON a.unit = u.code ORDER BY 1, 4'
[ "$(sqlite3 old.db "$q")" = "$(sqlite3 v1.db "$q")" ] && echo "units and attributes kept"
q='SELECT id, file, layout, rows, values_new, values_changed, values_removed, values_unchanged FROM imports ORDER BY id'
[ "$(sqlite3 old.db "$q")" = "$(sqlite3 v1.db "$q")" ] && echo "import log kept"
sqlite3 v1.db 'PRAGMA integrity_check; PRAGMA foreign_key_check'
# imports go on from there
"$CITYIDX" --db v1.db import fix.csv
"$CITYIDX" --db v1.db import cities-2016.csv
# a version-1 workspace holding what is not a number is refused, unchanged
sqlite3 bad.db < "$DATA/v1/mini-v1.sql"
sqlite3 bad.db "UPDATE observations SET value = 'abc' WHERE unit = '110100' AND indicator = 'GRADS' AND year = 2016"
"$CITYIDX" --db bad.db years; echo "exit $?"
sqlite3 bad.db 'PRAGMA user_version'
