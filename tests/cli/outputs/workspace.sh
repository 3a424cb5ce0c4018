# an output that is the workspace, or a file SQLite keeps beside it, is
# refused before anything is written: by name, through a symbolic link,
# through a hard link, for every command that writes a file (issue 13.1)
mini_ws w.db
before=$(cksum < w.db)
ln -s w.db link.db
ln w.db hard.db
mkdir sub
ln -s ../w.db sub/up.db
for out in w.db ./w.db link.db hard.db sub/up.db "$PWD/w.db" w.db-wal w.db-shm w.db-journal; do
	for cmd in "rank --year 2017 --format csv" "rank --year 2017 --format json" \
	    "rank --year 2017" "rank --year 2017 --format xlsx" \
	    "weights --year 2017 --method entropy" \
	    "sensitivity --year 2017 --draws 20 --weights-noise 0.2" "chart tiers --year 2017" \
	    "report --year 2017"; do
		"$CITYIDX" --db w.db $cmd -o "$out" > out.txt 2> err.txt
		echo "$cmd -o $out: exit $? $(cat err.txt)" | sed "s|$PWD|DIR|g"
	done
	"$CITYIDX" --db w.db sensitivity --year 2017 --draws 20 --weights-noise 0.2 --save-draws "$out" > out.txt 2> err.txt
	echo "sensitivity --save-draws $out: exit $? $(cat err.txt)" | sed "s|$PWD|DIR|g"
done
# the workspace named through a link, the output by its own name
"$CITYIDX" --db link.db rank --year 2017 -o w.db 2>&1
echo "exit $?"
"$CITYIDX" --db link.db rank --year 2017 -o w.db-wal 2>&1
echo "exit $?"
CITYIDX_DB=w.db "$CITYIDX" rank --year 2017 -o hard.db 2>&1
echo "exit $?"
[ "$(cksum < w.db)" = "$before" ] && echo "the workspace is unchanged"
ls w.db-* 2>/dev/null
"$CITYIDX" --db w.db years > /dev/null && echo "and it still opens"
# a directory is no output either
"$CITYIDX" --db w.db rank --year 2017 -o sub 2>&1
echo "exit $?"
