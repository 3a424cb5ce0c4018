# draw k has its own random stream from (seed, k): any number of threads
# gives the same bytes, and so does the same seed twice; another seed
# gives other draws
mini_ws w.db
run() {
	"$CITYIDX" --db w.db sensitivity --year 2017 --draws 1000 \
	    --normalize minmax:1,100 --weights-noise 0.3 \
	    --alt-normalize minmax:1,100 --alt-normalize zscore:10,2 \
	    --alt-aggregate arith --alt-aggregate 2=harm --drop-one "$@"
}
for f in table csv json; do
	run --format "$f" --threads 1 --save-draws d1.csv > t1.txt
	run --format "$f" --threads 2 --save-draws d2.csv > t2.txt
	run --format "$f" --threads 7 --save-draws d7.csv > t7.txt
	run --format "$f" --threads 2 > again.txt
	run --format "$f" --seed 2 > seed2.txt
	cmp t1.txt t2.txt && cmp t1.txt t7.txt && cmp d1.csv d2.csv &&
	    cmp d1.csv d7.csv && echo "$f: threads 1, 2, 7: the same bytes"
	cmp t2.txt again.txt && echo "$f: the same seed twice: the same bytes"
	cmp -s t1.txt seed2.txt || echo "$f: seed 2: other numbers"
done
run --sobol --threads 1 > s1.txt
run --sobol --threads 2 > s2.txt
cmp s1.txt s2.txt && echo "sobol: threads 1, 2: the same bytes"
