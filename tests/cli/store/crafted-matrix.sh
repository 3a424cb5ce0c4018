# a crafted `matrices` row is the only copy of its year's values (schema
# 6): counts whose products overflow (n_units * 8 wraps around to the
# length of the blob) or a value that is not finite make the year
# damaged, said by every command that reads it, and an import into it
# changes nothing; the imports of the values are read only by what writes
# or shows them; a series id out of range is refused with its place
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
cp w.db a.db
sqlite3 a.db "UPDATE matrices SET n_units = n_units + 2305843009213693952 WHERE year = 2017"
"$CITYIDX" --db a.db years; echo "years: exit $?"
"$CITYIDX" --db a.db rank --year 2017 --format csv; echo "rank: exit $?"
"$CITYIDX" --db a.db rank --year 2016 --compare none --format csv > /dev/null; echo "rank 2016 (the years are listed first): exit $?"
before=$(dump a.db)
"$CITYIDX" --db a.db import "$DATA/mini/cities-2017.csv" 2>&1 | sed 's|.*/||'
"$CITYIDX" --db a.db import "$DATA/mini/cities-2017.csv" 2>/dev/null; echo "import: exit $?"
[ "$before" = "$(dump a.db)" ] && echo "workspace unchanged"
"$CITYIDX" --db a.db sql "SELECT count(*) FROM observations"; echo "observations: exit $?"
"$CITYIDX" --db a.db sql "SELECT count(*) FROM observations WHERE year = 2016" && echo "observations of 2016 alone: read"
cp w.db b.db
sqlite3 b.db "UPDATE matrices SET vals = CAST(X'000000000000F07F' || substr(vals, 9) AS BLOB) WHERE year = 2017"
"$CITYIDX" --db b.db rank --year 2017 --format csv; echo "+Inf: exit $?"
cp w.db d.db
sqlite3 d.db "UPDATE matrices SET imports = X'0100000001000000' WHERE year = 2017"
"$CITYIDX" --db d.db rank --year 2017 --format csv > /dev/null && echo "imports crafted: rank reads the values"
"$CITYIDX" --db d.db remove --import 2; echo "remove: exit $?"
"$CITYIDX" --db d.db sql "SELECT count(*) FROM observations WHERE year = 2017"; echo "observations: exit $?"
cp w.db c.db
sqlite3 c.db "INSERT INTO series VALUES (1048576, 'ZZ')"
"$CITYIDX" --db c.db years; echo "exit $?"
"$CITYIDX" --db c.db rank --year 2017; echo "exit $?"
