# frameworks that used to take minutes: a 100,000-level chain is refused
# at once (at most 100 levels); 16,000 nodes and 100,000 data columns are
# read in time proportional to their size (issue "Hardening", 7)
awk 'BEGIN { print "code,parent"; print "N0,"; for (i = 1; i < 100000; i++) printf "N%d,N%d\n", i, i - 1 }' > chain.csv
"$CITYIDX" --db c.db init --framework chain.csv; echo "exit $?"
awk 'BEGIN { print "code,parent"; print "IDX,"; for (p = 1; p <= 160; p++) { printf "P%d,IDX\n", p; for (i = 1; i <= 100; i++) printf "I%d_%d,P%d\n", p, i, p } }' > wide.csv
"$CITYIDX" --db w.db init --framework wide.csv | sed 's/(sha256 .*/(sha256 ...)/'
awk 'BEGIN { printf "code"; for (i = 1; i <= 100000; i++) printf ",A%d", i; printf ",A1\n1"; for (i = 1; i <= 100001; i++) printf ",x"; printf "\n" }' > cols.csv
"$CITYIDX" --db w.db import cols.csv; echo "exit $?"
