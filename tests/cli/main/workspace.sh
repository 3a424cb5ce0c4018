# --db, then $CITYIDX_DB, then ./cityidx.db
"$CITYIDX" rank; echo "exit $?"
"$CITYIDX" init --framework "$DATA/mini/framework.csv" >/dev/null
test -f cityidx.db && echo "default ./cityidx.db created"
CITYIDX_DB=env.db "$CITYIDX" init --framework "$DATA/mini/framework.csv" >/dev/null
test -f env.db && echo "\$CITYIDX_DB used"
CITYIDX_DB=env.db "$CITYIDX" --db opt.db init --framework "$DATA/mini/framework.csv" >/dev/null
test -f opt.db && echo "--db wins over \$CITYIDX_DB"
echo "not a database" > junk.db
"$CITYIDX" --db junk.db rank; echo "exit $?"
sqlite3 cityidx.db 'PRAGMA user_version; PRAGMA journal_mode; PRAGMA foreign_key_list(unit_attrs);' | head -n 3
# a directory, and schema versions this cityidx does not know
mkdir dir.db
"$CITYIDX" --db dir.db years; echo "exit $?"
"$CITYIDX" --db dir.db init --framework "$DATA/mini/framework.csv"; echo "exit $?"
cp cityidx.db neg.db
sqlite3 neg.db 'PRAGMA user_version = -1'
"$CITYIDX" --db neg.db years; echo "exit $?"
sqlite3 neg.db 'PRAGMA user_version = 99'
"$CITYIDX" --db neg.db years; echo "exit $?"
# an empty SQLite database is not a workspace yet
: > empty.db
"$CITYIDX" --db empty.db years; echo "exit $?"
