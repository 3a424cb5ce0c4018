. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db audit --year 2017
cx --db w.db audit --year 2017 --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), "rows;", [r["code"] for r in rows if r["flag"]])'
cx --db w.db audit --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], len(d["nodes"]))'
