# a version-5 workspace (the values in `cells`, 64 to a row, and once more
# in `matrices`) is migrated to version 6 when first opened where it can
# be written: every value and the import of each kept, values edited in
# `cells` by another program included (they were the truth), the history
# of replaced values kept (remove puts them back); a value there that is
# not a number stops the migration with its place, the workspace left as
# it was
. "$ROOT/tests/cli/lib.sh"
sqlite3 v5.db < "$DATA/v5/mini-v5.sql"
sqlite3 old.db < "$DATA/v5/mini-v5.sql"
q="SELECT unit, indicator, year, printf('%!.17g', value), import_id FROM observations ORDER BY 1, 2, 3"
qr='SELECT import_id, year, unit, series, value, prev_import FROM replaced ORDER BY 1, 2, 3, 4'
"$CITYIDX" --db v5.db years
sqlite3 v5.db "PRAGMA user_version; SELECT count(*) FROM sqlite_schema WHERE name IN ('cells', 'stale_years', 'observations')"
sqlite3 -csv old.db "$q" > old.txt
"$CITYIDX" --db v5.db sql "$q" | tail -n +2 > new.txt
cmp old.txt new.txt && echo "observations: $(wc -l < new.txt) values and their imports, all kept"
[ "$(sqlite3 old.db "$qr")" = "$(sqlite3 v5.db "$qr")" ] && echo "replaced kept"
sqlite3 v5.db 'PRAGMA integrity_check; PRAGMA foreign_key_check'
[ $(wc -c < v5.db) -lt $(wc -c < old.db) ] && echo "the file is smaller"
for y in 2016 2017; do
	"$CITYIDX" --db v5.db rank --year $y --format csv > $y.csv
done
# the fix of import 3 taken back: the values import 2 wrote come back
"$CITYIDX" --db v5.db remove --import 3
"$CITYIDX" --db v5.db sql --format tsv "SELECT unit, indicator, value, import_id FROM observations WHERE year = 2017 AND unit IN ('110100', '310100') AND indicator IN ('GRADS', 'RD') ORDER BY 1, 2"
# values edited in cells before the migration are what it keeps
cp old.db edit.db
id=$(sqlite3 edit.db "SELECT id FROM series WHERE code = 'GRADS'")
unit="(SELECT id FROM units WHERE code = '110100')"
sqlite3 edit.db "UPDATE cells SET v$((id % 64)) = 1000 WHERE year = 2017 AND chunk = $((id / 64)) AND unit = $unit"
sqlite3 edit.db 'SELECT year FROM stale_years'
"$CITYIDX" --db edit.db sql --format tsv "SELECT value, import_id FROM observations WHERE unit = '110100' AND indicator = 'GRADS' AND year = 2017"
"$CITYIDX" --db edit.db rank --year 2017 --format csv | cmp -s - 2017.csv || echo "the ranking sees the edited value"
# what is not a number: refused with its place, left at version 5
cp old.db bad.db
sqlite3 bad.db "UPDATE cells SET v$((id % 64)) = 'abc' WHERE year = 2017 AND chunk = $((id / 64)) AND unit = $unit"
before=$(dump bad.db)
"$CITYIDX" --db bad.db years; echo "exit $?"
sqlite3 bad.db 'PRAGMA user_version'
[ "$before" = "$(dump bad.db)" ] && echo "workspace unchanged"
