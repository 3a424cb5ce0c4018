# values changed in `cells` by another program are read (the year's
# matrix is recomputed), and what is not a number is refused with its
# place; an import makes the matrix current again
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
id=$(sqlite3 w.db "SELECT id FROM series WHERE code = 'GRADS'")
unit="(SELECT id FROM units WHERE code = '110100')"
set_grads() {
	sqlite3 w.db "UPDATE cells SET v$((id % 64)) = $1 WHERE year = 2017 AND chunk = $((id / 64)) AND unit = $unit"
}
"$CITYIDX" --db w.db rank --year 2017 --format csv > before.csv
set_grads 1000
sqlite3 w.db 'SELECT year FROM stale_years'
sqlite3 w.db "SELECT value FROM observations WHERE unit = '110100' AND indicator = 'GRADS' AND year = 2017"
"$CITYIDX" --db w.db rank --year 2017 --format csv > after.csv
cmp -s before.csv after.csv || echo "the ranking sees the new value"
grep -c . after.csv
set_grads "'abc'"
"$CITYIDX" --db w.db years; echo "exit $?"
"$CITYIDX" --db w.db rank --year 2017; echo "exit $?"
set_grads 92
"$CITYIDX" --db w.db import "$DATA/mini/cities-2017.csv" | sed 's|.*/||'
sqlite3 w.db 'SELECT count(*) FROM stale_years'
"$CITYIDX" --db w.db rank --year 2017 --format csv | cmp - before.csv && echo "back as it was"
# a node type that is not one of the four
sqlite3 w.db "PRAGMA ignore_check_constraints = 1; UPDATE nodes SET type = 'thing' WHERE code = 'RD'"
"$CITYIDX" --db w.db years; echo "exit $?"
