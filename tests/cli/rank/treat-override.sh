# a framework's treat column overrides --treat per indicator: "none" skips
# it, "SKEW,KURT,WINMAX" sets its own thresholds
A="$DATA/asem"
python3 - "$A/ASEM_iMeta.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
over = {"Services": "none", "Bord": "2,3.5,1"}
with open("meta.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(rows[0] + ["treat"])
    for r in rows[1:]:
        w.writerow(r + [over.get(r[1], "")])
PY
"$CITYIDX" --db a.db init --framework meta.csv >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
"$CITYIDX" --db a.db rank --denominate --treat --format json > t.json
python3 - <<'PY'
import json
t = json.load(open("t.json"))["preparation"]["treatment"]
for code in ("Services", "Bord", "Gas"):
    v = t[code]
    print(code, v["source"], v["action"], v["winsorised_high"])
PY
sed 's/,none$/,sometimes/' meta.csv > bad.csv
grep -c sometimes bad.csv
"$CITYIDX" --db b.db init --framework bad.csv; echo "exit $?"
