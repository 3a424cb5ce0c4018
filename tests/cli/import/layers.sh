# a layers file: the base layers a map draws besides the units (kind,
# name, English name, WKT); each kind the file holds is replaced whole,
# counted by name; unchanged on a rerun; faults named by file:line:column
# and nothing stored; a version-2 workspace gains the table when opened
mini_ws w.db
cat > base.csv <<'X'
layer,name,name_en,boundary
province,北京市,Beijing,"POLYGON ((116 39.5, 117 39.5, 117 40.5, 116 40.5, 116 39.5))"
province,上海市,Shanghai,"POLYGON ((121 31, 122 31, 122 32, 121 31))"
island,台湾,Taiwan,"POLYGON ((120 22, 122 22, 122 25, 120 22))"
line,dash 1,,"LINESTRING (109.3 16.5, 109.8 15.6)"
inset,南海诸岛,South China Sea Islands,"POLYGON ((105 3, 125 3, 125 25, 105 25, 105 3))"
extent,,,"POLYGON ((73 17.5, 136 17.5, 136 54, 73 54, 73 17.5))"
credit,边界：示例,Boundaries: an example,
X
cx --db w.db import base.csv
cx --db w.db import base.csv
sqlite3 w.db "SELECT id, kind, name, name_en, substr(geometry, 1, 12), import_id FROM layers ORDER BY id"
# a second file with one kind: Shanghai moved, Beijing gone, Tianjin new;
# the other kinds stay
cat > prov.csv <<'X'
layer,name,boundary
province,上海市,"POLYGON ((121 31, 122.5 31, 122 32, 121 31))"
province,天津市,"POLYGON ((117 39, 118 39, 118 40, 117 39))"
X
cx --db w.db import prov.csv
sqlite3 w.db "SELECT kind, count(*) FROM layers GROUP BY kind ORDER BY kind"
"$CITYIDX" --db w.db imports --format csv | csvcols id,kind,file,layout,rows | tail -n 2
# faults
before=$(dump w.db)
printf 'layer,name,boundary\nprov,a,\n' > kind.csv
printf 'layer,name,boundary\ninset,a,"POLYGON ((1 1, 2 1, 2 2, 1 1))"\ninset,b,"POLYGON ((1 1, 2 1, 2 2, 1 1))"\n' > twice.csv
printf 'layer,name,boundary\nprovince,a,\n' > nogeom.csv
printf 'layer,name,boundary\ncredit,,\n' > credit.csv
printf 'layer,name,boundary\ncredit,a,"POLYGON ((1 1, 2 1, 2 2, 1 1))"\n' > credit2.csv
printf 'layer,name,boundary\nprovince,a,"LINESTRING (1 1, 2 2)"\n' > line.csv
printf 'layer,name,boundary\nline,a,"LINESTRING (179 1, -179 2)"\n' > dateline.csv
printf 'layer,name,colour\nline,a,red\n' > column.csv
for f in kind twice nogeom credit credit2 line dateline column; do
	"$CITYIDX" --db w.db import $f.csv; echo "$f: exit $?"
done
"$CITYIDX" --db w.db import --layer line base.csv; echo "--layer on a CSV: exit $?"
[ "$before" = "$(dump w.db)" ] && echo "workspace unchanged"
# a version-2 workspace (no layers table) is migrated when opened: the
# version-5 one of tests/data/v5 without what versions 3 to 5 added
rm -f w.db w.db-wal w.db-shm
sqlite3 w.db < "$DATA/v5/mini-v5.sql"
sqlite3 w.db 'DROP TABLE layers; DROP TABLE replaced; ALTER TABLE nodes DROP COLUMN description; ALTER TABLE nodes DROP COLUMN source; ALTER TABLE nodes DROP COLUMN unit_zh; ALTER TABLE nodes DROP COLUMN description_zh; ALTER TABLE nodes DROP COLUMN source_zh; PRAGMA user_version = 2'
cx --db w.db years | head -n 1
sqlite3 w.db 'PRAGMA user_version; SELECT count(*) FROM layers'
