# the effective weights and the importance of the rank JSON's method
# object against an independent computation with numpy (tests/ref/
# effref.py; issue 15 section 1): UK 2017 has no data for PATENTS and
# TRADEMARKS, so BROADBAND carries the Environment pillar's 25%; China
# 2015 has no data for the environment pillar, and the other three
# carry a third each
"$CITYIDX" --db uk.db init --framework "$ROOT/indicators/uk-innovation.csv" >/dev/null
"$CITYIDX" --db uk.db import "$ROOT/data/uk/regions.csv" "$ROOT/data/uk/uk-nuts2.csv" >/dev/null
"$CITYIDX" --db uk.db rank --year 2017 --format json > uk.json 2>/dev/null
/usr/bin/python3 "$REF/effref.py" --meta "$ROOT/indicators/uk-innovation.csv" \
    --data "$ROOT/data/uk/uk-nuts2.csv" --year 2017 --json uk.json |
    grep -E '^(ENVIRON|PATENTS|TRADEMARKS|BROADBAND|TALENT) |^effref'
"$CITYIDX" --db cn.db init --framework "$ROOT/indicators/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db import "$ROOT/data/cn/cities.csv" "$ROOT/data/cn/cn-cities.csv" >/dev/null
"$CITYIDX" --db cn.db rank --year 2015 --format json > cn.json 2>/dev/null
/usr/bin/python3 "$REF/effref.py" --meta "$ROOT/indicators/cn-cities.csv" \
    --data "$ROOT/data/cn/cn-cities.csv" --year 2015 --json cn.json |
    grep -E '^(TALENT|MARKET|ENVIRON|CAPITAL) |^effref'
# weights shows them too, marking the indicators without data
"$CITYIDX" --db uk.db weights --method equal --year 2017 2>/dev/null |
    sed -n '/^weights in/,$p' | grep -E '^(weights in|code|ENVIRON|PATENTS|TRADEMARKS|BROADBAND) '
"$CITYIDX" --db uk.db weights --method equal --year 2017 --format csv 2>/dev/null |
    grep -E '^(parent|ENVIRON),'
# and the workbook's method sheet
"$CITYIDX" --db uk.db rank --year 2017 --format xlsx -o uk.xlsx 2>/dev/null
xlsx2csv -n method uk.xlsx | grep -E '^(weights|ENVIRON|PATENTS|BROADBAND),'
# and the report's weights page: nominal and effective side by side
"$CITYIDX" --db uk.db report --lang en --year 2017 -o uk.pdf 2>/dev/null
pdftotext -layout uk.pdf - | grep -E '^ *(PATENTS|BROADBAND) .*%' | tr -s ' '
"$CITYIDX" --db cn.db report --year 2015 -o cn.pdf 2>/dev/null
pdftotext -layout cn.pdf - | grep -E '^ *(ENVIRON|CAPITAL) .*%' | tr -s ' '
