# entropy, CRITIC and PCA weights with their diagnostics, on the mini set
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db weights --method entropy --year 2016 --level 1
"$CITYIDX" --db w.db weights --method critic --year 2016 --level 1 --format csv
cx --db w.db weights --method pca --year 2016 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
for g in d["groups"]:
    s = sum(c["weight"] for c in g["children"])
    print(g["parent"], "pc1 %.6f" % g["pc1_variance"], "sum %.12f" % s)'
