# a figure's and a report's PDF date is the data's: the workspace's last
# import or removal, not 1970 (SOURCE_DATE_EPOCH still wins), so a rerun
# on the same workspace gives the same bytes
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
sqlite3 w.db "UPDATE imports SET time = '2021-03-04T05:06:07Z'"
unset SOURCE_DATE_EPOCH
"$CITYIDX" --db w.db chart tiers --year 2017 -o t.pdf
"$CITYIDX" --db w.db report --year 2017 -o r.pdf
for f in t.pdf r.pdf; do
	pdfinfo -isodates "$f" | grep -E '^(CreationDate|ModDate)'
done
cp r.pdf r1.pdf
"$CITYIDX" --db w.db report --year 2017 -o r.pdf
cmp r.pdf r1.pdf && echo "rerun: the same bytes"
SOURCE_DATE_EPOCH=86400 "$CITYIDX" --db w.db chart tiers --year 2017 -o e.pdf
pdfinfo -isodates e.pdf | grep '^CreationDate'
