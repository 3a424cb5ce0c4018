# an import never deletes what it does not replace: a missing value keeps
# the stored one unless --clear-missing; removing an import puts back
# every value it replaced or cleared, also through later imports
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
obs() {
	"$CITYIDX" --db w.db sql --format tsv "SELECT unit, indicator, value, import_id FROM observations WHERE year = 2019 ORDER BY unit, indicator" | tr '\n' ' '
	echo
}
printf 'code,year,GRADS,FIRMS\n110100,2019,10,5\n310100,2019,20,6\n' > a.csv
printf 'code,year,GRADS,FIRMS\n110100,2019,11,\n310100,2019,—,7\n' > b.csv
printf 'code,year,GRADS,FIRMS\n110100,2019,12,NA\n310100,2019,21,\n' > c.csv
printf 'code,year,GRADS\n110100,2019,13\n' > d.csv
"$CITYIDX" --db w.db import a.csv | sed 's/#[0-9]*/#N/'
before=$(dump w.db)
# missing values are kept, and said
"$CITYIDX" --db w.db import b.csv | sed 's/#[0-9]*/#N/'
obs
# undo b: both changes come back; the workspace is as before b, but for
# the log
b=$(sqlite3 w.db "SELECT max(id) FROM imports")
"$CITYIDX" --db w.db remove --import "$b" --dry-run | sed 's/#[0-9]*/#N/'
"$CITYIDX" --db w.db remove --import "$b" | sed 's/#[0-9]*/#N/'
obs
[ "$(dump w.db | grep -v 'INSERT INTO imports')" = "$(echo "$before" | grep -v 'INSERT INTO imports')" ] && echo "values as before the import"
# clearing is asked for; then a later import writes over a cleared cell
"$CITYIDX" --db w.db import --clear-missing c.csv | sed 's/#[0-9]*/#N/'
c=$(sqlite3 w.db "SELECT max(id) FROM imports")
obs
"$CITYIDX" --db w.db import --clear-missing b.csv | sed 's/#[0-9]*/#N/'
b2=$(sqlite3 w.db "SELECT max(id) FROM imports")
"$CITYIDX" --db w.db import d.csv | sed 's/#[0-9]*/#N/'
d=$(sqlite3 w.db "SELECT max(id) FROM imports")
obs
# undo c, in the middle of the chain: the later values stay
"$CITYIDX" --db w.db remove --import "$c" | sed 's/#[0-9]*/#N/'
obs
# undo d, then b: what was there before c comes back
"$CITYIDX" --db w.db remove --import "$d" | sed 's/#[0-9]*/#N/'
obs
"$CITYIDX" --db w.db remove --import "$b2" | sed 's/#[0-9]*/#N/'
obs
[ "$(dump w.db | grep -v 'INSERT INTO imports')" = "$(echo "$before" | grep -v 'INSERT INTO imports')" ] && echo "values as before the imports"
# removing a unit's values forgets their history: undoing an import
# later does not bring them back
"$CITYIDX" --db w.db import b.csv >/dev/null
e=$(sqlite3 w.db "SELECT max(id) FROM imports")
"$CITYIDX" --db w.db remove --unit 110100 --year 2019 | sed 's/#[0-9]*/#N/'
"$CITYIDX" --db w.db remove --import "$e" | sed 's/#[0-9]*/#N/'
obs
