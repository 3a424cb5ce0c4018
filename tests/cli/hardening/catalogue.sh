# The bad-input catalogue (issue "Hardening"): for every kind of bad
# input a case with its exact message and exit status, and the workspace
# dumped before and after: an error changes nothing.  (Codes, text,
# numbers, sizes and framework sizes have their own files here.)
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
before=$(dump w.db)
# run NAME CMD...: the command's messages and exit status, under its name
run() {
	name=$1
	shift
	echo "== $name"
	"$CITYIDX" "$@" > out.txt 2> err.txt
	s=$?
	sed "s|$PWD/||g" err.txt | sed 's/^usage: .*/usage: .../'
	echo "exit $s"
}

# schema versions this build does not know
cp w.db future.db
sqlite3 future.db 'PRAGMA user_version = 99'
run "future schema" --db future.db rank
cp w.db neg.db
sqlite3 neg.db 'PRAGMA user_version = -1'
run "negative schema" --db neg.db years

# JSON method files: depth, escapes, duplicate members, trailing text
printf '{"method": {"normalise": "minmax:0,100", "normalise": "zscore"}}' > dup.json
run "json duplicate member" --db w.db rank --method-file dup.json
printf '{"method": {"impute": "me\\u0000an"}}' > nul.json
run "json \\u0000" --db w.db rank --method-file nul.json
awk 'BEGIN { for (i = 0; i < 100; i++) printf "["; for (i = 0; i < 100; i++) printf "]" }' > deep.json
run "json depth" --db w.db rank --method-file deep.json
printf '{"method": {}} x' > trail.json
run "json trailing text" --db w.db rank --method-file trail.json
printf '{"method": {"impute": "\\ud800"}}' > sur.json
run "json lone surrogate" --db w.db rank --method-file sur.json

# goalposts and denominators
h=code,parent,type,level,name_zh,name_en,direction,weight,unit,denominator,target,goal_lo,goal_hi
printf '%s\nI,,aggregate,2,,,,1,,,,,\nA,I,indicator,1,,,1,1,,,,5,5\n' "$h" > goal.csv
run "goalposts lo = hi" --db g.db init --framework goal.csv
printf '%s\nI,,aggregate,2,,,,1,,,,,\nA,I,indicator,1,,,1,1,,POPX,,,\n' "$h" > den.csv
run "unknown denominator" --db g.db init --framework den.csv
printf '%s\nI,,aggregate,2,,,,1,,,,,\nA,I,indicator,1,,,1,1,,PROV,,,\nPROV,,group,,,,,,,,,,\n' "$h" > den2.csv
run "denominator that is a group" --db g.db init --framework den2.csv
run "goalposts normalisation without goalposts" --db w.db rank --normalize goalposts

# encodings: invalid GB18030 and UTF-16
printf 'code,name,year,GRADS\n310100,\311\317\377,2017,2\n' > badgb.csv
run "invalid GB18030" --db w.db import --encoding GB18030 badgb.csv
# UTF-16 (a byte-order mark) with an unpaired surrogate, D800
printf '\377\376c\000o\000d\000e\000,\000n\000\n\0001\000,\000\000\330\n\000' > utf16.csv
run "invalid UTF-16" --db w.db import utf16.csv
printf 'code,name,year,GRADS\n310100,\355\240\200,2017,2\n' > surr.csv
run "UTF-8 surrogate (neither UTF-8 nor GB18030)" --db w.db import surr.csv

# column names: empty and repeated
printf 'code,,year,GRADS\n310100,x,2017,2\n' > empty.csv
run "a value under an empty column name" --db w.db import empty.csv
printf 'code,year,GRADS,GRADS\n310100,2017,2,3\n' > dupcol.csv
run "repeated column" --db w.db import dupcol.csv

# option values: harmonic means, screen, treat
run "harm on zeros" --db w.db rank --aggregate harm
run "screen above 1" --db w.db rank --screen 1.5
run "screen-pillar negative" --db w.db rank --screen-pillar -1
run "treat form" --db w.db rank --treat=2,3.5
run "treat WINMAX" --db w.db rank --treat=2,3.5,1e9
run "treat SKEW" --db w.db rank --treat=0,3.5,5

# workspaces that cannot be written or are not files
cp w.db ro.db
chmod 444 ro.db
printf 'unit,indicator,year,value\n110100,GRADS,2017,99\n' > one.csv
if [ "$(id -u)" = 0 ]; then
	# root writes read-only files: the test is the directory's
	echo "== read-only workspace"
	echo "(skipped as root)"
else
	run "read-only workspace" --db ro.db import one.csv
fi
mkdir dir.db
run "directory as workspace" --db dir.db rank
run "directory as workspace, init" --db dir.db init --framework "$DATA/mini/framework.csv"

# overflow and underflow
printf 'unit,indicator,year,value\n110100,GRADS,2017,1e400\n' > over.csv
run "value overflow" --db w.db import over.csv
printf 'unit,indicator,year,value\n110100,GRADS,2017,1e-400\n' > under.csv
run "value underflow" --db w.db import under.csv
run "weight overflow" --db w.db rank --set TALENT=1e308 --set MARKET=1e308
run "normalise range overflow" --db w.db rank --normalize minmax:0,1e308

# oversized input
awk 'BEGIN { printf "code,name,year,GRADS\n110100,"; for (i = 0; i < 17 * 1024 * 1024; i++) printf "x"; printf ",2017,1\n" }' > field.csv
run "field over 16 MiB" --db w.db import field.csv
rm -f field.csv

[ "$before" = "$(dump w.db)" ] && echo "w.db: nothing changed"
