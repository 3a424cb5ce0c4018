# the numbers of cityidx sql do not depend on the locale: under a locale
# with a decimal comma (de_DE.UTF-8, when the system has it) the digits
# are those of the C locale
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
Q="SELECT unit, value / 7 AS v, value * 1.5 AS w FROM observations
   WHERE indicator = 'RD' ORDER BY unit, year LIMIT 4"
for f in csv tsv json table; do
	"$CITYIDX" --db w.db sql --format $f "$Q" >c.$f
done
cat c.csv
for loc in de_DE.UTF-8 de_DE.utf8 fr_FR.UTF-8 C.UTF-8; do
	locale -a 2>/dev/null | grep -qix "$(echo $loc | sed 's/UTF-8/utf8/')" ||
	    continue
	for f in csv tsv json table; do
		LC_ALL=$loc "$CITYIDX" --db w.db sql --format $f "$Q" |
		    cmp -s - c.$f || echo "$loc $f: other digits"
	done
done
echo "done"
