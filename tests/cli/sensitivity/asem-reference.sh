# The done criterion of the uncertainty issue: on COINr's ASEM data, with
# COINr's example of an uncertainty analysis (winmax 1..5, minmax 1-100
# or z-scores 10 +- 2, weights +-25% at levels 2 and 3, arithmetic or
# geometric means), cityidx's 1,000 draws and those of the independent
# Python reference (tests/ref/mcref.py, its own random numbers) agree
# within Monte Carlo error: every median, 5% and 95% rank of cityidx
# inside the distribution-free order-statistic bounds of the reference's
# sample at z = 4, every mean rank and the mean rank shift within z
# standard errors (the criterion is written out in mcref.py, check()).
A="$DATA/asem"
"$CITYIDX" --db a.db init --framework "$A/ASEM_iMeta.csv" >/dev/null
"$CITYIDX" --db a.db import "$A/ASEM_iData.csv" >/dev/null
set -- --denominate --impute group-mean:EurAsia_group --screen 0.9 --treat \
    --normalize minmax:1,100 --aggregate arith \
    --alt-winmax 1 --alt-winmax 2 --alt-winmax 3 --alt-winmax 4 --alt-winmax 5 \
    --alt-normalize minmax:1,100 --alt-normalize zscore:10,2 \
    --weights-noise 0.25 --noise-level 2,3 \
    --alt-aggregate arith --alt-aggregate geom --draws 1000
"$CITYIDX" --db a.db sensitivity --year 2018 "$@" --format json > c.json || exit 1
python3 "$REF/mcref.py" --meta "$A/ASEM_iMeta.csv" --data "$A/ASEM_iData.csv" \
    --year 2018 "$@" --seed 7 --check c.json
