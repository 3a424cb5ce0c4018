. "$ROOT/tests/cli/lib.sh"
# 2018 has data for the market pillar only: it is not the default year,
# and ranked when asked it says so in every output
mini_ws w.db
printf 'code,year,FIRMS,SO2\n110100,2018,75,2\n310100,2018,74,3\n440300,2018,95,1\n330100,2018,71,4\n' > gap.csv
cx --db w.db import gap.csv >/dev/null
cx --db w.db rank --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], d["compare_year"], d["preparation"]["pillars_without_data"])'
cx --db w.db rank --year 2018 | sed -n 1,4p
cx --db w.db rank --year 2018 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["preparation"]["pillars_without_data"], d["movement"]["basis"], d["movement"]["withheld_because"])'
cx --db w.db rank --year 2018 --format csv | head -2
# the rule off: 2018 still lacks a pillar and is still not the default
cx --db w.db rank --screen-pillar 0 --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["year"], d["preparation"]["pillars_without_data"])'
# no weights can be derived on it
cx --db w.db weights --method entropy --year 2018
cx --db w.db explain 440300 --year 2017 --compare 2018 | tail -1
# a pillar minimum above a pillar's indicators with data: the message
# names the pillar, not coverage (TALENT has 2 indicators with data)
cx --db w.db rank --year 2017 --screen-pillar 3 2>&1 || :
