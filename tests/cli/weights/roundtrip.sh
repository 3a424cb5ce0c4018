# derived weights written to a file and read back by rank --weights give
# the same ranking as deriving them on the fly (--weights-method)
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
for m in equal entropy critic pca; do
	"$CITYIDX" --db a.db weights --method $m --impute mean -o w-$m.csv >/dev/null || echo "$m: weights failed"
	"$CITYIDX" --db a.db rank --impute mean --weights w-$m.csv --format csv > a.csv
	"$CITYIDX" --db a.db rank --impute mean --weights-method $m --format csv > b.csv
	if cmp -s a.csv b.csv; then echo "$m: identical"; else echo "$m: DIFFERENT"; fi
done
head -n 3 w-entropy.csv
# level 1 only: the pillar weights stay those of the framework
"$CITYIDX" --db a.db weights --method entropy --level 1 -o l1.csv >/dev/null
grep -c ',framework,' l1.csv
# --set wins over derived weights
cx --db a.db rank --impute mean --weights-method entropy --set Conn=3 --format json |
    python3 -c 'import json,sys; w=json.load(sys.stdin)["method"]["weights"]; print(w["Conn"], w["Sust"], round(w["LPI"], 6))'
