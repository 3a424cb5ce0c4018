# what remove refuses, and the workspace stays as it was
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db remove --unit 130200 >/dev/null
before=$(dump w.db)
"$CITYIDX" --db w.db remove; echo "exit $?"
"$CITYIDX" --db w.db remove --import x; echo "exit $?"
"$CITYIDX" --db w.db remove --year 20; echo "exit $?"
"$CITYIDX" --db w.db remove --import 9; echo "exit $?"
"$CITYIDX" --db w.db remove --import 3; echo "exit $?"
"$CITYIDX" --db w.db remove --unit 13020; echo "exit $?"
"$CITYIDX" --db w.db remove --unit ZZZ; echo "exit $?"
"$CITYIDX" --db w.db remove --year 2030; echo "exit $?"
"$CITYIDX" --db w.db remove --import 1 --year 2017; echo "exit $?"
"$CITYIDX" --db w.db remove --unit 110100 extra; echo "exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
