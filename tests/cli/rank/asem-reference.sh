# ASEM (COINr's example data): cityidx against the independent reference
# implementation in tests/ref (pure Python), to 1e-9, same ranks and tiers
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
check() {
	"$CITYIDX" --db a.db rank --year 2018 --format csv "$@" > c.csv || return 1
	python3 "$REF/ciref.py" --meta "$A/ASEM_iMeta.csv" --data "$A/ASEM_iData.csv" \
	    --year 2018 "$@" > r.csv 2>/dev/null || return 1
	printf '%s: ' "$(echo "${*:-default}" | sed "s|$A/||")"
	python3 "$REF/compare.py" --tol 1e-9 c.csv r.csv | tail -n 1
}
check
check --weights "$A/ASEM_weights_alt.csv"
check --normalize zscore
check --normalize zscore:100,10
check --normalize minmax:1,100 --aggregate geom
check --normalize minmax:1,100 --aggregate harm
check --tiers jenks:4 --top 30
check --denominate --impute group-mean:EurAsia_group --screen 0.9 --treat --normalize minmax --aggregate arith
check --denominate --impute group-mean:EurAsia_group --screen 0.9 --treat --weights "$A/ASEM_weights_alt.csv"
check --impute mean
check --impute median --screen 0.95
check --impute group-median:GDP_group --normalize zscore
check --denominate --treat
check --screen 0.95 --normalize zscore
