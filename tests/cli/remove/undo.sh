# a mistaken import taken back out: --dry-run first, then for real; the
# unit it created goes too; the log keeps both; the same file imported
# again brings the values back as new
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
printf 'unit,indicator,year,value\n11O100,GRADS,2018,5\n110100,GRADS,2018,6\n' > typo.csv
"$CITYIDX" --db w.db import typo.csv
before=$(dump w.db)
"$CITYIDX" --db w.db remove --import 3 --dry-run
[ "$before" = "$(dump w.db)" ] && echo "dry run: workspace unchanged"
"$CITYIDX" --db w.db remove --import 3
"$CITYIDX" --db w.db years
sqlite3 w.db "SELECT count(*) FROM units WHERE code = '11O100'"
"$CITYIDX" --db w.db imports --format csv | sed -e "s|$DATA/mini/||" -e "s/[0-9-]*T[0-9:]*Z/TIME/"
"$CITYIDX" --db w.db import typo.csv | sed 's/#[0-9]*/#N/'
