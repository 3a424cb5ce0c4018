# a units file may carry each unit's outline as WKT: checked on import (a
# fault named by file:line:column, shapes a map would draw wrongly refused), stored with the unit, unchanged on a
# rerun, changed when it differs
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
{
	echo 'code,name,boundary'
	echo '110100,北京市,"POLYGON ((116 39.5, 117 39.5, 117 40.5, 116 40.5, 116 39.5))"'
	echo '310100,上海市,"MULTIPOLYGON (((121 31, 122 31, 122 32, 121 31)), ((121.5 30.5, 121.7 30.5, 121.7 30.7, 121.5 30.5)))"'
	echo '330100,杭州市,'
} > outlines.csv
"$CITYIDX" --db w.db import outlines.csv
"$CITYIDX" --db w.db import outlines.csv
sqlite3 w.db "SELECT code, substr(boundary, 1, 20) FROM units WHERE boundary IS NOT NULL ORDER BY code"
# a ring that does not close; then a point moved (both ends of the ring)
sed 's/116 39.5))/116 39.6))/' outlines.csv > open.csv
"$CITYIDX" --db w.db import open.csv; echo "exit $?"
sed 's/116 39\.5/116 39.6/g' outlines.csv > moved.csv
"$CITYIDX" --db w.db import moved.csv
# faults, each at its place
before=$(dump w.db)
printf 'code,boundary\n110100,"POLYGON ((116 39, 117 39, 116 39))"\n' > short.csv
printf 'code,boundary\n110100,"POLYGON ((116 39, 117 39, 117 40 116 39))"\n' > comma.csv
printf 'code,boundary\n110100,"POLYGON ((216 39, 117 39, 117 40, 216 39))"\n' > lon.csv
printf 'code,boundary\n110100,"LINESTRING (1 2, 3 4)"\n' > line.csv
printf 'code,boundary\n110100,"POLYGON ((1 1, 2 1, 2 2, 1 1)) x"\n' > after.csv
# shapes a map cannot draw as meant: across the antimeridian (a band round
# the world), edges that cross, a hole outside its polygon
printf 'code,boundary\n110100,"POLYGON ((179 -16, -179 -16, -179 -17, 179 -17, 179 -16))"\n' > dateline.csv
printf 'code,boundary\n110100,"POLYGON ((116 39, 117 40, 117 39, 116 40, 116 39))"\n' > bowtie.csv
printf 'code,boundary\n110100,"POLYGON ((116 39, 117 39, 117 40, 116 39), (118 39, 119 39, 119 40, 118 39))"\n' > hole.csv
for f in short comma lon line after dateline bowtie hole; do
	"$CITYIDX" --db w.db import $f.csv; echo "$f: exit $?"
done
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
