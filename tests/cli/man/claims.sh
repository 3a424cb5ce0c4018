. "$ROOT/tests/cli/lib.sh"
# the numbers the manual's prose states about the bundled data (FILES,
# EXAMPLES, OUTPUT FORMATS) are checked against what the tool prints: a
# claim is found in the manual once, and its fact in the output
man=$(sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" "$ROOT/man/cityidx.1" | tr '\n' ' ')
claim() {
	case $man in
	*"$1"*) ;;
	*) echo "the manual no longer says: $1" ;;
	esac
}
fact() {
	grep -qF -- "$1" || echo "the output does not show: $1"
}
ln -s "$ROOT/indicators" indicators
ln -s "$ROOT/data" data
"$CITYIDX" --db uk.db init --framework indicators/uk-innovation.csv >/dev/null
"$CITYIDX" --db uk.db import data/uk/regions.csv data/uk/uk-nuts2.csv >/dev/null
export CITYIDX_DB=uk.db
# FILES: the frameworks' sizes
for f in uk-innovation:'UK regions' cn-cities:'Chinese prefecture-level cities'; do
	n=$(grep -c ',indicator,' "indicators/${f%%:*}.csv")
	claim "(${f#*:}: $n indicators"
done
# EXAMPLES
claim "(UKI3) ranks first in 2017 with 77.99, as in 2016"
"$CITYIDX" rank --year 2017 --format csv | sed -n 2p | fact '1,UKI3,'
"$CITYIDX" rank --year 2017 --format csv | sed -n 2p | fact ',77.98699'
"$CITYIDX" rank --year 2016 --format csv | sed -n 2p | fact '1,UKI3,'
claim "takes 2019, the latest year with data in every pillar"
"$CITYIDX" rank | fact 'year 2019, movement against 2018'
claim "the years share 14 indicators with data (2018 has 16, 2015 has 15)"
claim "(UKE1) ranks 31st in 2015 and 21st in 2018 on them (20th in 2018 itself); among the 35 regions ranked in both years it climbs from 31 to 19, +12, and is the one dark horse"
out=$("$CITYIDX" rank --year 2018 --compare 2015 --top 20 --dark-horse 5 2>/dev/null)
echo "$out" | fact 'movement against 2015 on the 14 indicators with data in both years (of 16 in 2018, 15 in 2015)'
echo "$out" | grep '^  20  UKE1 ' | fact '     21    31       +12'
echo "$out" | fact 'change among the 35 units ranked in both years'
echo "$out" | fact 'dark horses (climbed 5 or more places into the top 20): East Yorkshire and Northern Lincolnshire (+12)'
claim "why Eastern Scotland (UKM7) climbed from 13 to 9 since 2016 on the 16 indicators both years share"
"$CITYIDX" explain UKM7 --year 2017 --compare 2016 2>/dev/null | fact 'rank 9 of 39 in 2017'
# OUTPUT FORMATS
claim "movement against 2016 on the 16 indicators with data in both years (of 16 in 2017, 17 in 2016)"
"$CITYIDX" rank --year 2017 | fact 'movement against 2016 on the 16 indicators with data in both years (of 16 in 2017, 17 in 2016)'
echo "claims checked"
