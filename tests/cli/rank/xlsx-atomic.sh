# the workbook replaces the previous file whole or not at all (issue 13,
# items 1, 3 and 5): a full disk, an output that is the workspace (by
# name, through a symbolic or a hard link, its -wal file) and a kill at
# any moment leave every file as it was, and no temporary file behind
mini_ws w.db
"$CITYIDX" --db w.db rank --year 2017 --format xlsx -o r.xlsx 2>/dev/null
cp r.xlsx r.orig
sqlite3 w.db .dump > ws.before
check() {
	cmp -s r.xlsx r.orig && echo "  r.xlsx unchanged" ||
	    echo "  r.xlsx CHANGED"
	sqlite3 w.db .dump | cmp -s - ws.before && echo "  w.db unchanged" ||
	    echo "  w.db CHANGED"
}
# the disk is full: status 1, the reason
"$CITYIDX" --db w.db rank --year 2017 --format xlsx -o /dev/full 2>&1
echo "/dev/full: exit $?"
# the workspace, under every name
ln -s w.db link.db
ln w.db hard.db
for o in w.db ./w.db link.db hard.db w.db-wal; do
	"$CITYIDX" --db w.db rank --year 2017 --format xlsx -o $o 2>&1
	echo "$o: exit $?"
	check
done
rm -f hard.db link.db
# a workspace of 6,000 units, whose workbook takes a while: killed at
# moments spread over the run, with TERM and KILL
awk 'BEGIN { print "code,name,year,GRADS,RD,FIRMS,SO2"
	for (i = 0; i < 6000; i++)
		printf "U%05d,unit %d,2017,%d,%d,%d,%d\n", i, i, i % 97,
		    i % 89, i % 83, i % 79 }' > big.csv
"$CITYIDX" --db b.db init --framework "$DATA/mini/framework.csv" > /dev/null
"$CITYIDX" --db b.db import big.csv > /dev/null
"$CITYIDX" --db b.db rank --format xlsx -o big.xlsx 2>/dev/null
"$CITYIDX" --db b.db rank --tiers counts:3,7,40 --format xlsx \
    -o new.ref 2>/dev/null
cp big.xlsx big.orig
touch files.before
ls -A | grep -v '^b\.db-' > files.before
bad=0
for d in 0.05 0.1 0.15 0.2 0.3 0.4 0.5 0.6 0.8 1.0; do
	for sig in TERM KILL; do
		"$CITYIDX" --db b.db rank --tiers counts:3,7,40 --format xlsx \
		    -o big.xlsx 2>/dev/null &
		pid=$!
		sleep $d
		kill -s $sig $pid 2>/dev/null
		wait $pid
		st=$?
		# the old workbook, or (done before the signal) the whole new
		# one: the same inputs give the same bytes
		if cmp -s big.xlsx new.ref; then
			cp big.orig big.xlsx
		elif ! cmp -s big.xlsx big.orig; then
			echo "after $sig at $d s (status $st): big.xlsx changed"
			bad=$((bad + 1))
		fi
		# nothing else: no temporary file, named or not (SQLite keeps
		# the -wal and -shm of a killed reader)
		if ! ls -A | grep -v '^b\.db-' | cmp -s - files.before; then
			echo "after $sig at $d s (status $st):" \
			    $(ls -A | grep -v '^b\.db-' | comm -13 files.before -)
			bad=$((bad + 1))
		fi
	done
done
echo "20 kills: $bad left a changed, partial or temporary file"
