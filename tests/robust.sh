#!/bin/sh
# robust.sh BINARY - what happens to a workspace when things go wrong
# (issue "Hardening"): an import killed at random moments, two imports at
# once, ranking while another process imports, a full disk, every output
# killed or on a full file system, an init killed at random moments, a
# read-only mount and a ranking too tall for a workbook.  Bounded: a
# minute or two.  Run by 'make check-robust'; ends with "N passed, N
# failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cityidx-robust.XXXXXX")
trap 'umount "$tmp/full" 2> /dev/null; rm -rf "$tmp"' EXIT INT TERM
cd "$tmp"
passed=0
failed=0
ok() {
	passed=$((passed + 1))
	echo "ok   $1"
}
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
}

# a framework of 20 indicators, and data: N units x 20 indicators for the
# years Y0..Y1, values and names shifted by K (so two files differ in
# every value and every name)
LC_ALL=C awk 'BEGIN {
	print "code,parent"
	print "IDX,"
	for (p = 1; p <= 4; p++) printf "P%d,IDX\n", p
	for (j = 1; j <= 20; j++) printf "I%02d,P%d\n", j, (j - 1) % 4 + 1
}' > fw.csv
gen() {
	LC_ALL=C awk -v n="$1" -v y0="$2" -v y1="$3" -v k="$4" 'BEGIN {
		printf "code,name,year"
		for (j = 1; j <= 20; j++) printf ",I%02d", j
		printf "\n"
		for (y = y0; y <= y1; y++)
			for (i = 1; i <= n; i++) {
				printf "U%05d,name-%d-%d,%d", i, k, i, y
				for (j = 1; j <= 20; j++)
					printf ",%d.%d", (i * j + k * 7) % 997, (i + j + k) % 10
				printf "\n"
			}
	}'
}
# the state of a workspace: its values, names and log, as one line
digest() {
	"$bin" --db "$1" sql --format tsv "SELECT count(*), total(value), (SELECT group_concat(name) FROM (SELECT name FROM units ORDER BY id)) FROM observations" | cksum
}
integrity() {
	[ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]
}

# 1. an import killed at random moments lands whole or not at all
gen 3000 2015 2017 1 > a.csv
gen 3000 2015 2017 2 > b.csv
"$bin" --db k.db init --framework fw.csv > /dev/null
"$bin" --db k.db import a.csv > /dev/null
da=$(digest k.db)
"$bin" --db ref.db init --framework fw.csv > /dev/null
"$bin" --db ref.db import a.csv b.csv > /dev/null
db=$(digest ref.db)
"$bin" --db ref2.db init --framework fw.csv > /dev/null
"$bin" --db ref2.db import b.csv a.csv > /dev/null
da2=$(digest ref2.db)
bad=0
seed=42
i=0
prev=$da
nkept=0
nlanded=0
while [ $i -lt 15 ]; do
	f=b.csv
	[ $((i % 2)) = 1 ] && f=a.csv
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	ms=$(( seed % 350 ))
	"$bin" --db k.db import "$f" > /dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	if ! integrity k.db; then
		bad=$((bad + 1))
		echo "  after a kill at ${ms} ms: integrity_check fails"
	fi
	d=$(digest k.db)
	if [ "$d" = "$prev" ]; then
		nkept=$((nkept + 1))
	elif [ "$d" = "$da" ] || [ "$d" = "$db" ] || [ "$d" = "$da2" ]; then
		nlanded=$((nlanded + 1))
	else
		bad=$((bad + 1))
		echo "  after a kill at ${ms} ms: neither the state before nor after"
	fi
	prev=$d
	i=$((i + 1))
done
"$bin" --db k.db years > /dev/null 2>&1 || bad=$((bad + 1))
if [ $bad = 0 ]; then
	ok "an import killed 15 times: all or nothing ($nlanded landed, $nkept changed nothing)"
else
	fail "killed imports ($bad)"
fi

# 2. two imports at once both land (the second waits for the first)
gen 3000 2001 2003 3 > c1.csv
gen 3000 2004 2006 4 > c2.csv
"$bin" --db two.db init --framework fw.csv > /dev/null
"$bin" --db two.db import c1.csv > o1.txt 2>&1 &
p1=$!
"$bin" --db two.db import c2.csv > o2.txt 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
years=$("$bin" --db two.db years | awk 'NR > 1 { printf "%s ", $1 }')
if [ $s1 = 0 ] && [ $s2 = 0 ] && [ "$years" = "2001 2002 2003 2004 2005 2006 " ] && integrity two.db; then
	ok "two imports at once: both land"
else
	fail "two imports at once: exit $s1 and $s2, years '$years'"
	cat o1.txt o2.txt
fi

# 3. rank while another process imports: each ranking is of one state,
# names and scores together (two files differ in both)
gen 2000 2017 2017 5 > va.csv
gen 2000 2017 2017 6 > vb.csv
"$bin" --db r.db init --framework fw.csv > /dev/null
"$bin" --db r.db import va.csv > /dev/null
"$bin" --db r.db rank --year 2017 --compare none --format csv > ra.csv
"$bin" --db r.db import vb.csv > /dev/null
"$bin" --db r.db rank --year 2017 --compare none --format csv > rb.csv
(
	end=$(( $(date +%s) + 6 ))
	while [ "$(date +%s)" -lt $end ]; do
		"$bin" --db r.db import va.csv > /dev/null 2>&1
		"$bin" --db r.db import vb.csv > /dev/null 2>&1
	done
) &
loader=$!
bad=0
n=0
na=0
nb=0
end=$(( $(date +%s) + 5 ))
while [ "$(date +%s)" -lt $end ]; do
	"$bin" --db r.db rank --year 2017 --compare none --format csv > got.csv 2> err.txt
	n=$((n + 1))
	if cmp -s got.csv ra.csv; then
		na=$((na + 1))
	elif cmp -s got.csv rb.csv; then
		nb=$((nb + 1))
	else
		bad=$((bad + 1))
		head -n 3 got.csv err.txt
	fi
done
wait $loader
if [ $bad = 0 ] && [ $n -gt 0 ]; then
	ok "rank during imports: $n rankings, each of one state ($na of one file, $nb of the other)"
else
	fail "rank during imports: $bad of $n rankings mixed two states"
fi

# 4. a full disk (a file size limit): the import fails with status 1 and
# a message, the workspace is as it was; a failed init leaves no file
"$bin" --db full.db init --framework fw.csv > /dev/null
"$bin" --db full.db import c1.csv > /dev/null
before=$(digest full.db)
size=$(wc -c < full.db)
gen 3000 2010 2014 7 > big.csv
( ulimit -f 1024; "$bin" --db full.db import big.csv > out.txt 2> err.txt )
st=$?
if [ $st = 1 ] && grep -q "nothing imported" err.txt && integrity full.db &&
    [ "$(digest full.db)" = "$before" ]; then
	ok "import on a full disk: status 1, '$(cat err.txt)', workspace intact"
else
	fail "import on a full disk: status $st, $(cat err.txt)"
fi
"$bin" --db full.db years > /dev/null && "$bin" --db full.db import big.csv > /dev/null &&
    ok "the same import with room: lands" || fail "the same import with room"
( ulimit -f 2; "$bin" --db new.db init --framework fw.csv > out.txt 2> err.txt )
st=$?
left=$(ls | grep -c '^new\.db')
if [ $st = 1 ] && [ "$left" = 0 ]; then
	ok "init on a full disk: status 1, '$(cat err.txt)', nothing left behind"
else
	fail "init on a full disk: status $st, $left files left: $(ls new.db* 2>&1)"
fi

# 5. an output interrupted (SIGTERM, SIGINT, SIGKILL) at random moments:
# the file at the path is the earlier one or the complete new one, byte for
# byte, and nothing else is left in its directory (cityidx(1), FILES)
gen 1500 2016 2017 8 > o.csv
"$bin" --db o.db init --framework fw.csv > /dev/null
"$bin" --db o.db import o.csv > /dev/null
mkdir outs
# kill_output NAME FILE ARGS...: the command writes FILE in outs/
kill_output() {
	kname=$1
	kfile=$2
	shift 2
	t0=$(date +%s%N)
	( cd outs && "$bin" --db ../o.db "$@" > /dev/null 2>&1 ) || {
		fail "$kname: the command fails: $*"
		return
	}
	# kill within the time the command takes
	span=$(( ($(date +%s%N) - t0) / 1000000 + 1 ))
	mv "outs/$kfile" new.out
	printf 'the earlier file\n' > old.out
	cp old.out "outs/$kfile"
	kbad=0 kold=0 knew=0 k=0
	while [ $k -lt 9 ]; do
		case $((k % 3)) in 0) sig=TERM ;; 1) sig=INT ;; *) sig=KILL ;; esac
		seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
		ms=$(( seed % span ))
		( cd outs && exec "$bin" --db ../o.db "$@" > /dev/null 2>&1 ) &
		pid=$!
		sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
		kill -s $sig "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		if cmp -s "outs/$kfile" old.out; then
			kold=$((kold + 1))
		elif cmp -s "outs/$kfile" new.out; then
			knew=$((knew + 1))
			cp old.out "outs/$kfile"
		else
			kbad=$((kbad + 1))
			echo "  $kname: SIG$sig at ${ms} ms left a file that is neither"
		fi
		left=$(ls -A outs | grep -v -x -F "$kfile")
		if [ -n "$left" ]; then
			kbad=$((kbad + 1))
			echo "  $kname: SIG$sig at ${ms} ms left: $left"
			( cd outs && rm -f $left )
		fi
		k=$((k + 1))
	done
	rm -f "outs/$kfile"
	if [ $kbad = 0 ]; then
		ok "$kname killed 9 times: the earlier file or the new one ($kold earlier, $knew new), nothing left beside"
	else
		fail "$kname killed: $kbad bad outcomes"
	fi
}
kill_output "report" r.pdf report --year 2017 --lang en -o r.pdf
kill_output "chart" t.png chart tiers --year 2017 --lang en --dpi 600 -o t.png
kill_output "save-draws" d.csv sensitivity --year 2017 --weights-noise 0.2 --draws 3000 --save-draws d.csv -o /dev/null
kill_output "rank -o" r.json rank --year 2017 --format json -o r.json
kill_output "rank xlsx" r.xlsx rank --year 2017 --format xlsx -o r.xlsx

# 6. every kind of output on a full file system (a 64 KiB tmpfs, root
# only): status 1, the earlier file as it was, nothing else left
mkdir full
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k cityidx-full full 2> /dev/null; then
	printf 'the earlier file\n' > old.out
	fbad=0
	for spec in "r.csv:rank --year 2017 --format csv" "r.json:rank --year 2017 --format json" \
	    "r.txt:rank --year 2017" "r.xlsx:rank --year 2017 --format xlsx" \
	    "w.csv:weights --year 2017 --method entropy" \
	    "s.csv:sensitivity --year 2017 --weights-noise 0.2 --draws 50 --format csv" \
	    "d.csv:sensitivity --year 2017 --weights-noise 0.2 --draws 50 --save-draws" \
	    "t.png:chart tiers --year 2017" "t.svg:chart tiers --year 2017" \
	    "r.pdf:report --year 2017"; do
		f=${spec%%:*}
		args=${spec#*:}
		cp old.out "full/$f"
		# fill what is left, a page at a time
		dd if=/dev/zero of=full/fill bs=4096 2> /dev/null
		( cd full && "$bin" --db ../o.db $args -o "$f" > /dev/null 2> ../err.txt )
		st=$?
		case $args in *save-draws*) ( cd full && "$bin" --db ../o.db $args "$f" -o /dev/null > /dev/null 2> ../err.txt ); st=$? ;; esac
		left=$(ls -A full | grep -v -x -e fill -e "$f")
		if [ $st != 1 ] || ! cmp -s "full/$f" old.out || [ -n "$left" ] ||
		    ! grep -q "No space left on device" err.txt; then
			fbad=$((fbad + 1))
			echo "  $f: status $st, $(cat err.txt), left: $left"
		fi
		rm -f "full/$f" full/fill
	done
	umount full
	if [ $fbad = 0 ]; then
		ok "every output on a full file system: status 1, the earlier file intact, nothing left"
	else
		fail "outputs on a full file system ($fbad)"
	fi
else
	echo "skip outputs on a full file system: cannot mount a tmpfs (not root?)"
fi

# 7. an init killed at random moments leaves the whole workspace or
# nothing: no temporary file, no -wal or -shm (the new workspace is
# written to an anonymous file that takes its name when complete)
bad=0
nwhole=0
nnone=0
i=0
while [ $i -lt 30 ]; do
	rm -rf ki
	mkdir ki
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	ms=$(( seed % 80 ))
	"$bin" --db ki/ws.db init --framework fw.csv > /dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	left=$(ls -A ki | tr '\n' ' ')
	if [ -z "$left" ]; then
		nnone=$((nnone + 1))
	elif [ "$left" = "ws.db " ] && integrity ki/ws.db &&
	    "$bin" --db ki/ws.db years > /dev/null 2>&1 &&
	    [ "$(ls -A ki | tr '\n' ' ')" = "ws.db " ]; then
		nwhole=$((nwhole + 1))
	else
		bad=$((bad + 1))
		echo "  after a kill at ${ms} ms: $left"
	fi
	i=$((i + 1))
done
if [ $bad = 0 ]; then
	ok "an init killed 30 times: a whole workspace ($nwhole) or nothing ($nnone)"
else
	fail "killed inits ($bad)"
fi

# 8. a workspace on a read-only mount is read, and not written (a bind
# mount made read-only in a mount namespace of our own: skipped, and said
# so, where none can be made)
mkdir rom romsrc
cp full.db romsrc/ro.db
"$bin" --db romsrc/ro.db years > want-years.txt
if [ "$(id -u)" = 0 ]; then
	ns="unshare --mount"
else
	ns="unshare --user --map-root-user --mount"
fi
$ns sh -c 'mount --bind romsrc rom && mount -o remount,bind,ro rom || exit 77
	"$1" --db rom/ro.db years > years.txt 2> err1.txt; echo $? > st1.txt
	"$1" --db rom/ro.db rank --compare none --format csv > /dev/null 2>> err1.txt; echo $? >> st1.txt
	"$1" --db rom/ro.db import c2.csv > /dev/null 2> err2.txt; echo $? > st2.txt
	ls -A rom > left.txt' sh "$bin" 2> /dev/null
st=$?
if [ $st = 0 ] && [ "$(cat st1.txt)" = "0
0" ] && [ "$(cat st2.txt)" = 1 ] &&
    grep -q "is read-only (Read-only file system)" err2.txt &&
    [ "$(cat left.txt)" = ro.db ] && cmp -s years.txt want-years.txt; then
	ok "a read-only mount: read, '$(cat err2.txt)'"
elif [ $st != 0 ] && [ ! -f st1.txt ]; then
	echo "skip a read-only mount: no mount namespace here ($ns: status $st)"
else
	fail "a read-only mount: status $(cat st1.txt st2.txt | tr '\n' ' '), $(cat err1.txt err2.txt), left: $(cat left.txt)"
fi

# 9. a ranking taller than an Excel sheet (1,048,576 ranked units and the
# header row): the workbook is refused before a file is opened, naming
# the limit; the previous file stays (about 25 s: the import)
printf 'code,parent\nIDX,\nI1,IDX\n' > fw1.csv
LC_ALL=C awk 'BEGIN { print "code,year,I1"
	for (i = 0; i < 1048576; i++) printf "T%07d,2017,%d\n", i, i }' > tall.csv
"$bin" --db tall.db init --framework fw1.csv > /dev/null &&
    "$bin" --db tall.db import tall.csv > /dev/null
echo "the previous workbook" > tall.xlsx
"$bin" --db tall.db rank --format xlsx -o tall.xlsx > out.txt 2> err.txt
st=$?
if [ $st = 1 ] && grep -q "would have 1048577 rows; an Excel sheet holds at most 1048576" err.txt &&
    [ "$(cat tall.xlsx)" = "the previous workbook" ]; then
	ok "xlsx of 1048576 ranked units: status 1, '$(cat err.txt)', the old file kept"
else
	fail "xlsx of 1048576 ranked units: status $st, $(cat err.txt)"
fi
rm -f tall.db tall.csv
echo "$passed passed, $failed failed"
[ $failed = 0 ]
