# wide files with names, a province attribute, a denominator and a missing value
cp "$DATA"/mini/*.csv .
"$CITYIDX" --db w.db init --framework framework.csv >/dev/null
"$CITYIDX" --db w.db import cities-2016.csv cities-2017.csv
# the same file again changes nothing and says so
"$CITYIDX" --db w.db import cities-2017.csv
# a long file restating two values and changing one
sed 's/^440300,RD,2017,96$/440300,RD,2017,97/' long-2017.csv > long.csv
"$CITYIDX" --db w.db import long.csv
# an empty field keeps the stored value, and says so; --clear-missing
# removes it
sed 's/^110100,\(.*\),2017,92,/110100,\1,2017,,/' cities-2017.csv > fix.csv
"$CITYIDX" --db w.db import fix.csv
"$CITYIDX" --db w.db import --clear-missing fix.csv
"$CITYIDX" --db w.db years
sqlite3 w.db "SELECT id, file, layout, encoding, rows, values_new, values_changed, values_removed, values_unchanged, units_new, units_changed FROM imports ORDER BY id"
sqlite3 w.db "SELECT code, name, name_en FROM units ORDER BY code"
sqlite3 w.db "SELECT unit, key, value FROM unit_attrs WHERE unit = '130200'"
"$CITYIDX" --db w.db sql --format tsv "SELECT count(*) FROM observations WHERE indicator = 'POP'"
