# the mini workspace: rank intervals and tier shares as a table, CSV and
# JSON; the Sobol indices; the draws, one row each
mini_ws w.db
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 400 --weights-noise 0.25 \
    --alt-normalize minmax --alt-normalize zscore --drop-one --tiers counts:2,3
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 400 --weights-noise 0.25 \
    --alt-normalize minmax --alt-normalize zscore --drop-one --tiers counts:2,3 \
    --format csv --save-draws d.csv
head -n 3 d.csv
echo "$(wc -l < d.csv) lines"
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 20 --noise-level 2 \
    --alt-aggregate arith --alt-aggregate geom --normalize minmax:1,100 \
    --format json | sed -n '/"inputs"/,/"method"/p;/"tier_bands"/,$p'
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 400 --weights-noise 0.25 \
    --alt-normalize minmax --alt-normalize zscore --drop-one --sobol
"$CITYIDX" --db w.db sensitivity --year 2017 --draws 400 --weights-noise 0.25 \
    --alt-normalize minmax --alt-normalize zscore --drop-one --sobol --format csv
