# bad options are usage errors (exit 2) with rank's words for the method
# vocabulary; what only the data can refuse is exit 1
mini_ws w.db
s() {
	"$CITYIDX" --db w.db sensitivity --year 2017 "$@" > out.txt
	echo "exit $?"
	cat out.txt
}
s --draws 0 --drop-one
s --draws 10000001 --drop-one
s --weights-noise 1.5
s --weights-noise -0.1
s --alt-normalize log
s --alt-normalize minmax:5,1
s --alt-aggregate mean
s --alt-impute group-mean
s --alt-winmax x
s --alt-winmax 3
s --noise-level 0
s --noise-level 2,,3
s --noise-level 3
s --threads 0 --drop-one
s --seed -1 --drop-one
s --format xlsx --drop-one
s
s --weights-noise 0
s --alt-method dea
s --alt-method bod:0.6,0.7
s --alt-normalize ratio
s --alt-normalize zscore --alt-aggregate geom
s --year 2015 --drop-one
