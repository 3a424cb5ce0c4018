# cityidx sql -: the query from standard input (several lines, a comment,
# a trailing semicolon), the same rows as given as an argument; a query
# that starts with '-' after --
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
cat >q.sql <<'SQL'
-- the 2017 values of one unit, with the file they came from
SELECT o.indicator, o.value, i.file
  FROM observations o JOIN imports i ON i.id = o.import_id
 WHERE o.unit = '440300' AND o.year = 2017
 ORDER BY o.indicator;
SQL
cx --db w.db sql - <q.sql | sed "s|$DATA/mini/||"
"$CITYIDX" --db w.db sql -- "$(cat q.sql)" >a.csv
"$CITYIDX" --db w.db sql - <q.sql | cmp - a.csv && echo "the same as an argument"
printf 'SELECT 1;\nSELEC 2\n' | cx --db w.db sql -
printf '' | cx --db w.db sql -
cx --db w.db sql --format table -- "-- a comment first
SELECT count(*) AS n FROM observations"
