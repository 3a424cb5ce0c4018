# the heatmap of scores (issue 16 §3): the top units by pillar or, with
# --by indicator, by indicator under their pillars' names; --top and --by
# only with --of units; the page as tall as what is drawn
. "$ROOT/tests/cli/lib.sh"
cx --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db chart heatmap --of units --top 5 --year 2017 --lang en -o p.pdf
pdftotext -layout p.pdf - | grep -oE 'scores by pillar|Talent|Capital|1 +Inner London - West|5 +Gloucestershire, Wiltshire and Bristol/Bath area' | tr -s ' '
pdfinfo p.pdf | grep -E '^Page size' | tr -s ' '
"$CITYIDX" --db uk.db chart heatmap --of units --by indicator --top 5 --year 2017 -o i.pdf
pdftotext i.pdf - | grep -cE '^(人才|市场|环境|资本)$'
# the correlation matrix: cut to what it draws (600 points before)
"$CITYIDX" --db uk.db chart heatmap --year 2017 -o c.pdf
pdfinfo c.pdf | grep -E '^Page size' | tr -s ' '
"$CITYIDX" --db uk.db chart heatmap --top 5 -o x.pdf; echo "status $?"
"$CITYIDX" --db uk.db chart heatmap --of indicators --by indicator -o x.pdf; echo "status $?"
"$CITYIDX" --db uk.db chart heatmap --of units --by score -o x.pdf; echo "status $?"
"$CITYIDX" --db uk.db chart map --by indicator -o x.pdf; echo "status $?"
# a top group larger than the 200 rows drawn: the subtitle says how many
# more there are, as the bar charts' does
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null 2>&1
"$CITYIDX" --db cn.db chart heatmap --of units --top 0 --year 2012 --lang en -o t.pdf 2>/dev/null
pdftotext t.pdf - | grep -E 'cities drawn|^200 '
"$CITYIDX" --db cn.db chart heatmap --of units --top 0 --year 2012 -o t.pdf 2>/dev/null
pdftotext t.pdf - | grep -E '另有'
"$CITYIDX" --db cn.db chart heatmap --of units --top 200 --year 2012 -o t.pdf 2>/dev/null
pdftotext t.pdf - | grep -c "另有" || true
