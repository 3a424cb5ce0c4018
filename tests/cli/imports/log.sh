# the import log in the three formats (times masked)
. "$ROOT/tests/cli/lib.sh"
cp "$DATA"/mini/*.csv .
"$CITYIDX" --db w.db imports; echo "exit $?"
"$CITYIDX" --db w.db init --framework framework.csv >/dev/null
"$CITYIDX" --db w.db imports
"$CITYIDX" --db w.db imports --format json
"$CITYIDX" --db w.db import cities-2016.csv cities-2017.csv >/dev/null
"$CITYIDX" --db w.db import cities-2017.csv >/dev/null
"$CITYIDX" --db w.db remove --year 2016 --unit 110100 >/dev/null
for f in table csv json; do
	"$CITYIDX" --db w.db imports --format $f | sed 's/[0-9-]*T[0-9:]*Z/TIME/'
done
"$CITYIDX" --db w.db imports --format xml; echo "exit $?"
