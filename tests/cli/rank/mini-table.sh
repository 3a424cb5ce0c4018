# the table: Chinese names aligned by display width, the province
# attribute, pillar scores, tiers and movement against the previous year
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
"$CITYIDX" --db w.db rank --year 2017 --top 4 --dark-horse 3 --tiers counts:2,2
"$CITYIDX" --db w.db rank --year 2016 --tiers jenks:2
