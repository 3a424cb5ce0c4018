# the movers chart (issue 16 §3): the axes run to the lowest rank shown
# now, an earlier rank below them drawn under the axis with its number;
# "no data" apart from "not ranked"; with no dark horse the three largest
# climbs and falls in colour; the English subtitle reads as a sentence
. "$ROOT/tests/cli/lib.sh"
cx --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
cx --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null 2>&1
"$CITYIDX" --db cn.db chart movers --year 2012 -o cn.pdf 2>/dev/null
pdftotext -layout cn.pdf - > cn.txt
grep -o '2011年无数据' cn.txt | sort -u
# the axis ends at 50: no tick 51..86, but 常德's 59 and 淮安's 86 below it
grep -cE '(^| )(5[1-8]|6[0-9]|7[0-9]|8[0-5])( |$)' cn.txt
grep -oE '(^| )(59|86)( |$)' cn.txt | tr -d ' ' | sort -u
cx --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
cx --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db chart movers --year 2017 --lang en -o uk.pdf 2>/dev/null
pdftotext uk.pdf - | grep -oE 'largest climbs|largest falls|\(of 16 in 2017\)'
# the long UK names whole, not cut with an ellipsis (issue 16 §3)
pdftotext uk.pdf - | grep -oE 'Gloucestershire, Wiltshire and Bristol/Bath area|Herefordshire, Worcestershire and Warwickshire|…' | sort | uniq -c | tr -s ' '
