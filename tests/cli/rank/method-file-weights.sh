# a rerun from a method file says which weights it applied, not
# "framework weights"; a method file written by hand, without
# framework_sha256, is not taken for one of another framework (issue 15
# §3)
. "$ROOT/tests/cli/lib.sh"
mini_ws w.db
printf 'code,weight\nTALENT,3\n' > w.csv
"$CITYIDX" --db w.db rank --year 2017 --weights w.csv --format json > m.json
cx --db w.db rank --method-file m.json 2>&1 | sed -n 2p
cx --db w.db chart tiers --method-file m.json -o t.png 2>&1
printf '{"method": {"weights": {"TALENT": 3}}}' > hand.json
cx --db w.db rank --method-file hand.json 2>&1 | sed -n 2p
printf '{"method": {"weights": {"TALENT": 3}, "framework_sha256": "00"}}' > other.json
cx --db w.db rank --method-file other.json 2>&1 | sed -n 1,3p
