# a run is estimated before it starts and refused over --max-memory (4
# GiB by default) with the figure and what lowers it: status 1, no abort,
# nothing written; sizes that do not fit are refused whatever the limit
# (issue 13, item 7a)
awk 'BEGIN { print "code,parent"; print "INDEX,"; print "P1,INDEX"
	print "P2,INDEX"; print "I1,P1"; print "I2,P1"; print "I3,P2"
	print "I4,P2" }' > fw.csv
awk 'BEGIN { print "code,year,I1,I2,I3,I4"; x = 1
	for (u = 1; u <= 300; u++) { printf "U%03d,2020", u
		for (k = 1; k <= 4; k++) { x = (x * 69069 + 1) % 65536
			printf ",%d", 1 + x % 100 }
		print "" } }' > data.csv
"$CITYIDX" --db w.db init --framework fw.csv >/dev/null &&
"$CITYIDX" --db w.db import data.csv >/dev/null
# (the threads' buffers count: --threads fixes them)
s() {
	"$CITYIDX" --db w.db sensitivity --threads 2 "$@"
	echo "exit $?"
}
# every run's ranks kept for --save-draws: 10^7 x 4 runs x 300 units
s --sobol --draws 10000000 --weights-noise 0.2 --drop-one --save-draws F \
    -o out.txt
# without the Saltelli design, 10^7 draws of 300 ranks
s --draws 10000000 --weights-noise 0.2 --save-draws F -o out.txt
# a limit of one's own
s --draws 1000 --weights-noise 0.2 --max-memory 1M -o out.txt
s --draws 2000 --sobol --weights-noise 0.2 --max-memory 5M --save-draws F
# the data alternatives multiply: 4 x 4 x 4 combinations of 300 x 4
s --draws 10 --alt-impute none --alt-impute mean --alt-impute median \
    --alt-impute none --alt-normalize minmax --alt-normalize zscore \
    --alt-normalize rank --alt-normalize percentile --alt-winmax 1 \
    --alt-winmax 2 --alt-winmax 3 --alt-winmax 4 --treat --max-memory 1M
# many threads, each with its own counts of 300 x 301 ranks
s --draws 100000 --weights-noise 0.2 --threads 256 --max-memory 50M
ls
# and a run under the limit is what it was
s --draws 100 --weights-noise 0.2 --max-memory 2M --format csv | head -n 2
s --draws 100 --weights-noise 0.2 --format csv | head -n 2
s --draws 100 --weights-noise 0.2 --max-memory 0
s --draws 100 --weights-noise 0.2 --max-memory 4X
s --draws 100 --weights-noise 0.2 --max-memory 20000000T
# chart uncertainty and report take the same option
"$CITYIDX" --db w.db chart uncertainty -o u.png --draws 1000 \
    --weights-noise 0.2 --threads 1 --max-memory 1M; echo "exit $?"
"$CITYIDX" --db w.db report -o r.pdf --draws 1000 --weights-noise 0.2 \
    --threads 1 --max-memory 1M; echo "exit $?"
ls
