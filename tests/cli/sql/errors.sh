# cityidx sql refuses, before anything is read or written: a syntax error
# (SQLite's message and its place), a statement that writes (the workspace
# unchanged), a second statement, an empty query; a bad option is a usage
# error.  Each prints nothing on standard output.
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
before=$(dump w.db | md5sum)
q() { # QUERY [FORMAT]: the output, the message, the exit status
	"$CITYIDX" --db w.db sql --format "${2:-csv}" "$1" >out.txt 2>err.txt
	rc=$?
	printf '%s\n' "-- $1" | head -n 1
	cat out.txt err.txt
	echo "exit $rc"
}
echo "== syntax"
q "SELEC unit FROM observations"
q "SELECT unit, FROM observations"
q "SELECT '北京', unit
  FROM observations WHERE yeer = 2017"
q "SELECT * FROM no_such_table"
echo "== writes"
q "DELETE FROM units"
q "delete from observations"
q "UPDATE units SET name = 'x'"
q "INSERT INTO imports(id) VALUES (99) RETURNING id"
q "DROP TABLE units"
q "CREATE TABLE t(x)"
q "CREATE TEMP TABLE t(x)"
q "ALTER TABLE units RENAME TO u"
q "ATTACH 'other.db' AS o"
q "BEGIN"
q "PRAGMA user_version = 9"
q "PRAGMA journal_mode = DELETE"
q "PRAGMA wal_checkpoint(TRUNCATE)"
q "VACUUM"
q "VACUUM INTO 'copy.db'"
q "ANALYZE"
q "REINDEX"
q "SELECT load_extension('x')"
echo "== two statements"
q "SELECT 1; DELETE FROM units"
q "SELECT 1;
SELECT 2"
q "SELECT 1; SELEC 2"
echo "== one statement, then blanks, comments and semicolons"
q "SELECT 1 AS one; ;  -- the end
/* more */ ;"
echo "== empty"
q ""
q " ; -- nothing"
echo "== tsv cannot hold a tab or a line break"
q "SELECT 1 AS a, 'x' || char(9) || 'y' AS b" tsv
q "SELECT unit, CASE WHEN unit = '310100' THEN 'a' || char(10) ELSE 'b' END AS c
  FROM observations WHERE indicator = 'RD' AND year = 2017 ORDER BY unit" tsv
echo "== json needs distinct names"
q "SELECT unit, unit FROM observations LIMIT 1" json
echo "== a runtime error"
q "SELECT abs(-9223372036854775807 - 1)"
echo "== usage"
"$CITYIDX" sql --help; echo "exit $?"
"$CITYIDX" --db w.db sql; echo "exit $?"
"$CITYIDX" --db w.db sql "SELECT 1" "SELECT 2"; echo "exit $?"
"$CITYIDX" --db w.db sql --format xml "SELECT 1"; echo "exit $?"
"$CITYIDX" --db w.db sql --format xlsx "SELECT 1"; echo "exit $?"
echo "== no workspace"
"$CITYIDX" --db none.db sql "SELECT 1"; echo "exit $?"
ls
[ "$(dump w.db | md5sum)" = "$before" ] && echo "the workspace is unchanged"
