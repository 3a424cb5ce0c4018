# derived weights written to a file and read back by rank --weights give
# the same ranking as deriving them on the fly (--weights-method)
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
same() {
	if cmp -s a.csv b.csv; then echo "$1: identical"; else echo "$1: DIFFERENT"; fi
}
for m in equal entropy critic; do
	"$CITYIDX" --db a.db weights --method $m --impute mean -o w-$m.csv >/dev/null || echo "$m: weights failed"
	"$CITYIDX" --db a.db rank --impute mean --weights w-$m.csv --format csv > a.csv
	"$CITYIDX" --db a.db rank --impute mean --weights-method $m --format csv > b.csv
	same $m
done
head -n 3 w-entropy.csv
# level 1 only: the pillar weights stay those of the framework
"$CITYIDX" --db a.db weights --method entropy --level 1 -o l1.csv >/dev/null
grep -c ',framework,' l1.csv
# --set wins over derived weights
cx --db a.db rank --impute mean --weights-method entropy --set Conn=3 --format json |
    python3 -c 'import json,sys; w=json.load(sys.stdin)["method"]["weights"]; print(w["Conn"], w["Sust"], round(w["LPI"], 6))'
# --set on a derived level is applied before the level above is derived,
# and the -o file holds the final weights: it reproduces the ranking
"$CITYIDX" --db a.db weights --method entropy --impute mean --set LPI=0.5 \
    --set Physical=2 -o ws.csv >/dev/null
"$CITYIDX" --db a.db rank --impute mean --weights ws.csv --format csv > a.csv
"$CITYIDX" --db a.db rank --impute mean --weights-method entropy --set LPI=0.5 \
    --set Physical=2 --format csv > b.csv
same "entropy with --set"
grep -E '^(LPI|Physical),' ws.csv | cut -d, -f1,2,4
cx --db a.db weights --method entropy --impute mean --set LPI=0.5 --format csv |
    awk -F, '$2 == "LPI" { print $2, $3, ($3 == $4 ? "as derived" : "set, derived " $4) }'
# PCA: Conn and Sust load +-0.7071 on the first component, a contrast, not
# a common factor: refused (it used to give them weights 1 and 0)
"$CITYIDX" --db a.db weights --method pca --impute mean >/dev/null 2>err.txt
echo "pca: exit $?"
sed 's/.*: PCA weights: //' err.txt
"$CITYIDX" --db a.db weights --method pca --impute mean --level 1 -o w-pca.csv >/dev/null
echo "pca, level 1: exit $?"
