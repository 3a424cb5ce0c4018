# a crafted `matrices` row is not trusted: counts whose products overflow
# (n_units * 8 wraps around to the length of the blob) or a value that is
# not finite send the year to `cells`, which rank as before; a series id
# out of range is refused with its place
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db years > years.txt
"$CITYIDX" --db w.db rank --year 2017 --format csv > before.csv
cp w.db a.db
sqlite3 a.db "UPDATE matrices SET n_units = n_units + 2305843009213693952 WHERE year = 2017"
"$CITYIDX" --db a.db years | cmp - years.txt && echo "n_units wraps around: years as before"
"$CITYIDX" --db a.db rank --year 2017 --format csv | cmp - before.csv && echo "n_units wraps around: rank as before"
cp w.db b.db
sqlite3 b.db "UPDATE matrices SET vals = CAST(X'000000000000F07F' || substr(vals, 9) AS BLOB) WHERE year = 2017"
"$CITYIDX" --db b.db rank --year 2017 --format csv | cmp - before.csv && echo "+Inf in the matrix: the value in cells is ranked"
cp w.db c.db
sqlite3 c.db "INSERT INTO series VALUES (1048576, 'ZZ')"
"$CITYIDX" --db c.db years; echo "exit $?"
"$CITYIDX" --db c.db rank --year 2017; echo "exit $?"
# an import makes the crafted row right again
"$CITYIDX" --db a.db import "$DATA/mini/cities-2017.csv" | sed 's|.*/||'
sqlite3 a.db "SELECT year, length(vals) = 8 * n_units * n_series FROM matrices"
