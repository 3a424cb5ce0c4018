cx --db w.db init --framework "$DATA/mini/framework.csv" | sed "s|$DATA|DATA|"
sqlite3 w.db "SELECT code, coalesce(parent,''), type, level, direction, weight FROM nodes ORDER BY ord"
# replacing the framework keeps the data when every indicator stays
. "$ROOT/tests/cli/lib.sh"
"$CITYIDX" --db w.db import "$DATA/mini/cities-2017.csv" >/dev/null
"$CITYIDX" --db w.db init --framework "$DATA/mini/framework.csv" >/dev/null && echo "re-init ok"
# a framework that drops an indicator with data is refused, nothing changes
grep -v '^SO2,' "$DATA/mini/framework.csv" > less.csv
before=$(dump w.db)
"$CITYIDX" --db w.db init --framework less.csv; echo "exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
