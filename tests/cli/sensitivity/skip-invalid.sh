# a geometric mean that can meet a value <= 0 (issue 15 §6): refused
# before any draw with the combination, the unit, the value and the fix
# (exit 1, nothing on stdout); with --skip-invalid those draws are skipped
# and counted in the table, csv (a warning) and json
mini_ws w.db
s() {
	"$CITYIDX" --db w.db sensitivity --year 2017 --draws 200 "$@" > out.txt
	echo "exit $?"
	cat out.txt
}
s --alt-normalize zscore:0,1 --alt-aggregate geom
s --alt-normalize zscore:0,1 --alt-aggregate geom --skip-invalid
s --alt-normalize zscore:0,1 --alt-normalize minmax:1,100 \
    --alt-aggregate geom --skip-invalid | tail -n 4
s --alt-normalize zscore:0,1 --alt-normalize minmax:1,100 \
    --alt-aggregate geom --skip-invalid --format csv | head -n 2
s --alt-normalize zscore:0,1 --alt-normalize minmax:1,100 \
    --alt-aggregate geom --skip-invalid --format json |
    sed -n '/"data_combinations"/,/"method"/p'
s --alt-normalize zscore:0,1 --alt-normalize minmax:1,100 \
    --alt-aggregate geom --skip-invalid --sobol
# an arithmetic pillar below a geometric index: the lowest value the
# pillar can reach, with the weights perturbed
s --normalize minmax:1,100 --alt-normalize zscore:0.5,1 \
    --alt-aggregate 3=geom --weights-noise 0.5
# the report's uncertainty section says how many draws were skipped
"$CITYIDX" --db w.db report -o r.pdf --year 2017 --lang en --draws 200 \
    --alt-normalize zscore:0,1 --alt-normalize minmax:1,100 \
    --alt-aggregate geom --skip-invalid 2>/dev/null
pdftotext r.pdf - | tr '\n' ' ' | grep -o '[0-9]* of the draws were skipped[^.]*\.'
