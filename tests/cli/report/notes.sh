# the framework's optional description and source columns (issue 16 §2):
# kept in the workspace, checked like the other text, not in the checksum;
# a workspace of schema version 4 gains the columns, empty
. "$ROOT/tests/cli/lib.sh"
sed -e '1s/$/,description,source/' -e '/^GRADS,/s/$/,"Graduates of universities, per 10k people",Statistical yearbook 2017/' \
    -e '/^[^G]/s/$/,,/' -e '1s/,,$//' "$DATA/mini/framework.csv" > fw.csv
head -n 1 fw.csv
"$CITYIDX" --db a.db init --framework fw.csv
"$CITYIDX" --db b.db init --framework "$DATA/mini/framework.csv" >/dev/null
sqlite3 a.db "SELECT code, description, source FROM nodes WHERE description IS NOT NULL OR source IS NOT NULL"
a=$(sqlite3 a.db "SELECT value FROM meta WHERE key = 'framework_sha256'")
b=$(sqlite3 b.db "SELECT value FROM meta WHERE key = 'framework_sha256'")
[ "$a" = "$b" ] && echo "the same checksum"
# a control character in a description: file, line and column
printf 'code,parent,level,description\nINDEX,,2,\nX,INDEX,1,a\001b\n' > bad.csv
"$CITYIDX" --db c.db init --framework bad.csv; echo "exit $?"
# schema version 4: no such columns; opened, it gains them (the
# version-5 workspace of tests/data/v5 without them)
sqlite3 v4.db < "$DATA/v5/mini-v5.sql"
sqlite3 v4.db 'ALTER TABLE nodes DROP COLUMN description; ALTER TABLE nodes DROP COLUMN source; ALTER TABLE nodes DROP COLUMN unit_zh; ALTER TABLE nodes DROP COLUMN description_zh; ALTER TABLE nodes DROP COLUMN source_zh; PRAGMA user_version = 4'
cx --db v4.db years | head -n 1
sqlite3 v4.db "PRAGMA user_version; SELECT count(*) FROM nodes WHERE description IS NULL AND source IS NULL"
