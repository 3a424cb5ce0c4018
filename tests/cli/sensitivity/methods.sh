# --alt-method: runs scored by an index method.  With one alternative and
# nothing else uncertain every run is that method's ranking, so each
# unit's median rank is its rank by `rank --method` (checked for every
# method); several alternatives; an index method as the nominal; the
# output does not depend on the number of threads
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
P="--year 2017 --impute carry-forward --normalize minmax:1,100"
for m in topsis mpi ampi:pos gra:0.3 bod bod:0.1,0.9 wroclaw; do
	"$CITYIDX" --db w.db rank $P --method $m --format csv |
	    csvcols code,rank | sort > r.txt
	"$CITYIDX" --db w.db sensitivity $P --alt-method $m --draws 5 \
	    --format csv | csvcols code,median_rank | sed 1s/median_rank/rank/ |
	    sort > s.txt
	if [ "$(wc -l < r.txt)" -gt 5 ] && cmp -s r.txt s.txt; then
		echo "$m: median ranks = rank --method $m"
	else echo "$m: differ"; diff r.txt s.txt; fi
done
echo "== composite, mpi, gra and bod with weight noise"
cx --db w.db sensitivity $P --alt-method composite --alt-method mpi \
    --alt-method gra --alt-method bod --weights-noise 0.2 --draws 300 \
    --threads 1 > t1.txt
cx --db w.db sensitivity $P --alt-method composite --alt-method mpi \
    --alt-method gra --alt-method bod --weights-noise 0.2 --draws 300 \
    --threads 2 > t2.txt
sed -n '2p;4,8p' t1.txt
cmp t1.txt t2.txt && echo "same output on 1 and 2 threads"
echo "== sobol, nominal TOPSIS"
cx --db w.db sensitivity $P --method topsis --alt-method topsis \
    --alt-method wroclaw --weights-noise 0.3 --draws 100 --sobol | sed -n "2,3p;/^input /,\$p"
echo "== save-draws records the method of each run"
cx --db w.db sensitivity $P --alt-method mpi --alt-method gra --draws 4 \
    --save-draws d.csv >/dev/null
cut -d, -f1-2 d.csv
