# frameworks deeper than 15 levels (up to 100): with the nominal
# aggregation as the only alternative, every draw ranks every unit where
# rank does (no shift), whatever the level of the per-level methods; the
# weight noise of any level below the index, and of every level by
# default (issue 13, item 8)
# comb D: aggregate L<k> (level k, L<D> the index) over L<k-1> and I<k>;
# L2 over I1 and I2; seven units with fixed values from 1 to 100
comb() {
	awk -v d="$1" 'BEGIN { print "code,parent"; print "L" d ","
		for (k = d - 1; k >= 2; k--) print "L" k ",L" (k + 1)
		for (k = 1; k <= d; k++) print "I" k ",L" (k < 2 ? 2 : k) }' \
	    > fw$1.csv
	awk -v d="$1" 'BEGIN { printf "code,year"
		for (k = 1; k <= d; k++) printf ",I%d", k
		print ""; x = 7
		for (u = 0; u < 7; u++) { printf "%c,2020", 65 + u
			for (k = 1; k <= d; k++) { x = (x * 69069 + 1) % 65536
				printf ",%d", 1 + x % 100 }
			print "" } }' > data$1.csv
	"$CITYIDX" --db d$1.db init --framework fw$1.csv >/dev/null &&
	"$CITYIDX" --db d$1.db import data$1.csv >/dev/null
}
for d in 18 100; do
	comb $d
	for agg in arith,15=geom geom,15=arith harm,2=geom,15=arith; do
		echo "== depth $d, --aggregate $agg"
		"$CITYIDX" --db d$d.db rank --normalize minmax:1,100 \
		    --aggregate $agg --format csv | csvcols code,rank |
		    sort > nominal.txt
		"$CITYIDX" --db d$d.db sensitivity --normalize minmax:1,100 \
		    --aggregate $agg --alt-aggregate $agg --draws 50 \
		    --tiers counts:2,2 --format csv |
		    csvcols code,nominal_rank,q05_rank,median_rank,q95_rank |
		    sed 1d | sort > draws.txt
		# the ranks of rank, and the same in the 5%, 50% and 95%
		# of the draws
		join -t, nominal.txt draws.txt | awk -F, '
		    $2 != $3 || $3 != $4 || $3 != $5 || $3 != $6 {
			print "moved:", $0; bad = 1 }
		    END { print bad ? "some unit moved" : NR " units, none moved" }'
	done
done
# weight noise on one deep level, and on every level
"$CITYIDX" --db d100.db sensitivity --noise-level 17,50,99 --draws 20 \
    --tiers counts:2,2 | sed -n 2p
"$CITYIDX" --db d18.db sensitivity --weights-noise 0.1 --draws 20 \
    --tiers counts:2,2 | sed -n 2p
"$CITYIDX" --db d18.db sensitivity --noise-level 18 --draws 20; echo "exit $?"
"$CITYIDX" --db d100.db sensitivity --noise-level 100 --draws 20; echo "exit $?"
