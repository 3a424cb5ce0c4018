# The index methods (--method mpi, ampi, gra, bod, wroclaw, topsis) against
# the independent numpy/scipy reference tests/ref/methodsref.py, written
# from the manual's formulas: every score and pillar score to 1e-9 (BoD's
# LP optimum, solved by scipy's HiGHS there and GLPK here, to 1e-7), on
# the bundled UK and China data and on COINr's ASEM example
PY=/usr/bin/python3
check() { # WS FRAMEWORK-ARGS... -- YEAR METHOD [OPTIONS]
	ws=$1 fw=$2 year=$3 m=$4 tol=1e-9
	shift 4
	case $m in bod*) tol=1e-7 ;; esac
	"$CITYIDX" --db "$ws" rank --year "$year" --method "$m" --screen 0 \
	    --compare none --top 0 --tiers quantile:3 --format csv "$@" \
	    > c.csv 2>/dev/null || { echo "$ws $year $m $*: cityidx failed"; return; }
	# shellcheck disable=SC2086
	$PY "$REF/methodsref.py" $fw --year "$year" --method "$m" "$@" > r.csv ||
	    { echo "$ws $year $m: reference failed"; return; }
	printf '%s %s %s %s: ' "$ws" "$year" "$m" "$*"
	python3 "$REF/compare.py" --tol $tol c.csv r.csv | tail -n 1
}
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
UK="--framework $ROOT/indicators/uk-innovation.csv --db uk.db"
CN="--framework $ROOT/indicators/cn-cities.csv --db cn.db"
AS="--meta $A/ASEM_iMeta.csv --data $A/ASEM_iData.csv"
for m in mpi mpi:pos ampi ampi:pos gra gra:0.3 bod wroclaw topsis; do
	check uk.db "$UK" 2017 $m
	check cn.db "$CN" 2012 $m
	check a.db "$AS" 2018 $m
done
check uk.db "$UK" 2014 mpi
check uk.db "$UK" 2014 ampi
check cn.db "$CN" 2006 gra:0.25
check uk.db "$UK" 2017 gra --normalize zscore:100,10
check uk.db "$UK" 2017 gra --scale panel
check uk.db "$UK" 2017 bod --scale panel
check cn.db "$CN" 2012 bod:0.02,0.6 --normalize minmax:1,100
check a.db "$AS" 2018 bod:0.01,0.5 --normalize minmax:1,100
# each method replayed from a method file on the UK and China data
for m in mpi ampi:pos gra:0.3 bod wroclaw; do
	for ws in uk.db cn.db; do
		T="--tiers quantile:3 --top 0"
		"$CITYIDX" --db $ws rank --method $m $T --format json > m.json 2>/dev/null
		"$CITYIDX" --db $ws rank --method $m $T --format csv > a.csv 2>/dev/null
		"$CITYIDX" --db $ws rank --method-file m.json $T --format csv > b.csv 2>/dev/null
		[ "$(wc -l < a.csv)" -gt 10 ] && cmp -s a.csv b.csv &&
		    echo "$ws $m: the method file ranks the same" ||
		    echo "$ws $m: method file differs or no ranking"
	done
done
